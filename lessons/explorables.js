// explorables.js turns the static figures of an exported lesson into live
// ones. Each <div class="nncourse-explorable" data-explorable="NAME"
// data-knobs="[…]" data-settings="{…}"> holds the figure the notebook
// computed (explorables.HTML). When the first of them comes near the screen,
// this script loads the course's Go code compiled to WebAssembly
// (wasm_exec.js from the Go toolchain and explorables-wasm.js, the module in
// base64: a <script> works from file://, where fetch() of a .wasm does not),
// adds a slider per knob and a reset button, and redraws the figure with
// nncourseExplorables.figure(name, settings) on every input event.
//
// Each placeholder reports on itself for the browser test: data-live once
// it has its sliders, data-ready-ms (milliseconds from the start of the
// module's loading to the sliders), data-live-at (performance.now() then:
// milliseconds since the page's navigation started), data-redraws (a counter) and
// data-redraw-ms (the last redraw's time), and data-settings (the settings
// drawn last).
(function () {
  "use strict";
  var roots = document.querySelectorAll(".nncourse-explorable[data-explorable]");
  if (!roots.length) return;
  var here = document.currentScript.src.replace(/[^\/]*$/, "");
  var loading = null;

  var style = document.createElement("style");
  style.textContent =
    ".nncourse-controls{display:flex;flex-wrap:wrap;gap:.4em 1.6em;align-items:center;" +
    "font:14px/1.4 system-ui,sans-serif;margin:.4em 0}" +
    ".nncourse-controls label{display:flex;align-items:center;gap:.5em}" +
    ".nncourse-controls output{min-width:4.5em;font-variant-numeric:tabular-nums}" +
    ".nncourse-live{color:#666;font-size:12px}.nncourse-error{color:#b00}";
  document.head.appendChild(style);

  // script loads src beside this file.
  function script(src) {
    return new Promise(function (ok, fail) {
      var s = document.createElement("script");
      s.src = here + src;
      s.onload = ok;
      s.onerror = function () { fail(new Error("explorables: cannot load " + src)); };
      document.head.appendChild(s);
    });
  }

  // load starts the Go program once and resolves when its functions are set.
  function load() {
    if (loading) return loading;
    var started = performance.now();
    loading = script("wasm_exec.js").then(function () {
      return script("explorables-wasm.js");
    }).then(function () {
      var text = atob(globalThis.nncourseExplorablesWasm);
      var bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      delete globalThis.nncourseExplorablesWasm;
      var go = new Go();
      return WebAssembly.instantiate(bytes, go.importObject).then(function (result) {
        return new Promise(function (ready) {
          globalThis.nncourseExplorablesReady = ready;
          go.run(result.instance);
        });
      });
    }).then(function () { return started; });
    return loading;
  }

  // hydrate adds the sliders and the reset button to root.
  function hydrate(root, started) {
    var name = root.dataset.explorable;
    var knobs = JSON.parse(root.dataset.knobs);
    var defaults = JSON.parse(root.dataset.settings);
    var controls = document.createElement("div");
    controls.className = "nncourse-controls";
    var inputs = {};
    var pending = false;

    function text(knob, pos) {
      return knob.log10 ? "1e" + pos : String(pos);
    }

    function settings() {
      var s = {};
      knobs.forEach(function (k) { s[k.key] = Number(inputs[k.key].value); });
      return s;
    }

    function redraw() {
      pending = false;
      var t0 = performance.now();
      var s = settings();
      knobs.forEach(function (k) { inputs[k.key].output.value = text(k, s[k.key]); });
      var html = nncourseExplorables.figure(name, s);
      var old = root.querySelector(".nncourse-figure, .nncourse-error");
      var holder = document.createElement("div");
      if (html instanceof Error) {
        holder.innerHTML = '<p class="nncourse-error"></p>';
        holder.firstChild.textContent = html.message;
        console.error(html.message);
      } else {
        holder.innerHTML = html;
      }
      root.replaceChild(holder.firstChild, old);
      root.dataset.settings = JSON.stringify(s);
      root.dataset.redrawMs = (performance.now() - t0).toFixed(2);
      root.dataset.redraws = String(Number(root.dataset.redraws || 0) + 1);
    }

    function schedule() {
      if (!pending) {
        pending = true;
        requestAnimationFrame(redraw);
      }
    }

    knobs.forEach(function (k) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "range";
      input.min = k.min;
      input.max = k.max;
      input.step = k.step;
      input.value = defaults[k.key];
      input.name = k.key;
      input.setAttribute("aria-label", k.label);
      var output = document.createElement("output");
      output.value = text(k, defaults[k.key]);
      input.output = output;
      input.addEventListener("input", schedule);
      label.append(k.label + " =", input, output);
      controls.appendChild(label);
      inputs[k.key] = input;
    });
    var reset = document.createElement("button");
    reset.type = "button";
    reset.textContent = "Reset to the lesson's values";
    reset.addEventListener("click", function () {
      knobs.forEach(function (k) { inputs[k.key].value = defaults[k.key]; });
      schedule();
    });
    controls.appendChild(reset);
    var note = document.createElement("span");
    note.className = "nncourse-live";
    note.textContent = "live: the course's Go optimizers, compiled to WebAssembly, run in your browser";
    controls.appendChild(note);
    root.insertBefore(controls, root.firstChild);
    root.dataset.redraws = "0";
    root.dataset.readyMs = (performance.now() - started).toFixed(1);
    root.dataset.liveAt = performance.now().toFixed(1);
    root.dataset.live = "1";
  }

  function start(root) {
    load().then(function (started) { hydrate(root, started); }, function (err) {
      console.error(err.message);
    });
  }

  if (!("IntersectionObserver" in window)) {
    roots.forEach(start);
    return;
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        start(entry.target);
      }
    });
  }, { rootMargin: "400px 0px" });
  roots.forEach(function (root) { observer.observe(root); });
})();
