// explorables-test.mjs drives the lessons' explorables in headless Chromium
// with the network cut, over HTTP and from file://.
//
//   node explorables-test.mjs --chromium /usr/bin/chromium --expect CMD LESSONS_DIR
//
// For every lesson with explorables (<div class="nncourse-explorable">) it
// loads the page, scrolls to each explorable and waits for its sliders (the
// WebAssembly module loaded), then moves every slider with the keyboard, as
// a user would (→, →, End, Home, PageUp: each an input event), and waits for
// each redraw. Every drawn figure's paths (their data-points) must equal,
// character for character, what CMD — cmd/explorables, the same Go code
// compiled natively — prints for the same settings: the shortest decimals
// that parse back to the same float64, so equal text is equal points, to the
// last bit — except on the plateau well (PLATEAU_WELL), whose formula calls
// math.Exp: on amd64 that is assembly (using FMA where the CPU has it), in
// WebAssembly the portable Go code, and the two differ in the last bit, so
// there the points must agree to TOLERANCE (relative to the number, or
// absolute below 1, the window's scale) and the largest difference is
// printed. The reset button must bring back the lesson's settings and the
// very figure the notebook computed (on the plateau well: the same text). No console error, no failed request.
// It prints the module's load time and the redraw times (it asserts none).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { launch, serve, watch } from "./harness.mjs";

const { values: opts, positionals } = parseArgs({
  options: { chromium: { type: "string", default: "/usr/bin/chromium" }, expect: { type: "string" } },
  allowPositionals: true,
});
if (!opts.expect) throw new Error("--expect CMD (cmd/explorables, built natively) is required");
const root = resolve(positionals[0] ?? "lessons");
const KEYS = ["ArrowRight", "ArrowRight", "End", "Home", "PageUp"];
const PLATEAU_WELL = new Set(["adagrad", "rmsprop"]);
const TOLERANCE = 1e-12;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

// drawn returns what the explorable shows now: its settings and each
// path's name, data-points and number of drawn vertices.
function drawn(el) {
  return {
    settings: JSON.parse(el.dataset.settings),
    redraws: Number(el.dataset.redraws),
    redrawMs: Number(el.dataset.redrawMs),
    figure: el.querySelector(".nncourse-figure")?.outerHTML ?? "",
    text: el.querySelector(".nncourse-figure")?.textContent ?? "",
    paths: [...el.querySelectorAll("polyline.nncourse-path")].map((p) => ({
      name: p.dataset.name, points: p.dataset.points, vertices: p.points.numberOfItems,
    })),
  };
}

// exercise drives the explorable at index i of the page and returns the
// figures it drew (for the native comparison), its times and its problems.
async function exercise(page, i) {
  const problems = [];
  const root = page.locator(".nncourse-explorable").nth(i);
  const name = await root.getAttribute("data-explorable");
  await root.scrollIntoViewIfNeeded();
  await page.waitForFunction((el) => el.dataset.live === "1", await root.elementHandle(), { timeout: 60000 });
  const ready = await root.evaluate((el) => ({
    readyMs: Number(el.dataset.readyMs), liveAt: Number(el.dataset.liveAt),
    loadEnd: performance.getEntriesByType("navigation")[0].loadEventEnd,
  }));
  const initial = await root.evaluate(drawn);
  const figures = [], redrawMs = [], keyToFrameMs = [];
  const sliders = root.locator("input[type=range]");
  const knobs = await sliders.count();
  for (let k = 0; k < knobs; k++) {
    for (const key of KEYS) {
      const before = await root.evaluate((el) => Number(el.dataset.redraws));
      const value = await sliders.nth(k).inputValue();
      const t0 = Date.now();
      await sliders.nth(k).press(key);
      if ((await sliders.nth(k).inputValue()) === value) continue; // already at that end: no input event
      await page.waitForFunction(([el, n]) => Number(el.dataset.redraws) > n, [await root.elementHandle(), before]);
      keyToFrameMs.push(Date.now() - t0);
      const fig = await root.evaluate(drawn);
      redrawMs.push(fig.redrawMs);
      figures.push({ name, ...fig });
      const shown = await sliders.nth(k).inputValue();
      const knob = await sliders.nth(k).getAttribute("name");
      if (String(fig.settings[knob]) !== String(Number(shown))) {
        problems.push(`${name}: slider ${knob} at ${shown}, figure drawn for ${fig.settings[knob]}`);
      }
    }
  }
  const before = await root.evaluate((el) => Number(el.dataset.redraws));
  await root.locator("button").click();
  await page.waitForFunction(([el, n]) => Number(el.dataset.redraws) > n, [await root.elementHandle(), before]);
  const reset = await root.evaluate(drawn);
  const sorted = (o) => JSON.stringify(Object.fromEntries(Object.entries(o).sort()));
  if (sorted(reset.settings) !== sorted(initial.settings)) {
    problems.push(`${name}: reset gave ${JSON.stringify(reset.settings)}, the lesson has ${JSON.stringify(initial.settings)}`);
  }
  const same = PLATEAU_WELL.has(name) ? reset.text === initial.text : reset.figure === initial.figure;
  if (!same) problems.push(`${name}: after reset the figure differs from the lesson's`);
  figures.push({ name, ...reset });
  return { name, knobs, ready, figures, redrawMs, keyToFrameMs, problems };
}

// numbers counts the numbers in a data-points text.
const numbers = (text) => text.split(" ").length;

// relative returns the largest difference between the numbers of two
// data-points texts of the same length, relative to the number or, below 1,
// absolute.
function relative(a, b) {
  const x = a.split(" ").map(Number), y = b.split(" ").map(Number);
  return Math.max(...x.map((v, i) => Math.abs(v - y[i]) / Math.max(1, Math.abs(y[i]))));
}

// compare checks every drawn figure against the native trajectories and
// returns the problems and the largest relative difference allowed on the
// plateau well.
function compare(figures) {
  const run = spawnSync(opts.expect, [], {
    input: JSON.stringify(figures.map((f) => ({ name: f.name, settings: f.settings }))),
    encoding: "utf8", maxBuffer: 1 << 30,
  });
  if (run.status !== 0) return { problems: [`${opts.expect} failed: ${run.stderr || run.error}`], largest: 0 };
  const want = JSON.parse(run.stdout), problems = [];
  let largest = 0;
  figures.forEach((f, i) => {
    const w = want[i].paths, where = `${f.name} ${JSON.stringify(f.settings)}`;
    if (f.paths.length !== w.length) problems.push(`${where}: ${f.paths.length} paths drawn, ${w.length} computed natively`);
    w.forEach((p, j) => {
      const got = f.paths[j];
      if (!got || got.name !== p.name) {
        problems.push(`${where}: path ${j} is ${got?.name}, natively ${p.name}`);
      } else if (got.points !== p.points && PLATEAU_WELL.has(f.name) && numbers(got.points) === numbers(p.points) &&
        relative(got.points, p.points) <= TOLERANCE) {
        largest = Math.max(largest, relative(got.points, p.points));
      } else if (got.points !== p.points) {
        const a = got.points.split(" "), b = p.points.split(" ");
        const k = a.findIndex((x, n) => x !== b[n]);
        problems.push(`${where}: ${p.name} differs from the native run at number ${k}: ${a[k]} drawn, ${b[k]} native`);
      } else if (got.vertices * 2 !== numbers(p.points)) {
        problems.push(`${where}: ${p.name} has ${got.vertices} vertices drawn for ${numbers(p.points) / 2} points`);
      }
    });
  });
  return { problems, largest };
}

const pages = readdirSync(root).filter((n) => n.endsWith(".html") &&
  readFileSync(resolve(root, n), "utf8").includes('class="nncourse-explorable"')).sort();
if (!pages.length) {
  console.log("no explorables in the lessons");
  process.exit(1);
}
const server = await serve(root);
const browser = await launch(opts.chromium);
const bases = { http: `http://127.0.0.1:${server.address().port}`, file: pathToFileURL(root).href };
let failed = 0;
let largestDiff = 0;
const all = [], firstReady = []; // every explorable driven; per page load, the first one's time to sliders
for (const [mode, base] of Object.entries(bases)) {
  for (const name of pages) {
    const problems = [];
    const page = await browser.context.newPage();
    page.setDefaultTimeout(60000);
    watch(page, problems);
    await page.goto(`${base}/${name}`, { waitUntil: "load" });
    const count = await page.locator(".nncourse-explorable").count();
    const results = [];
    for (let i = 0; i < count; i++) results.push(await exercise(page, i));
    await page.close();
    if (results.length) firstReady.push(results[0].ready.readyMs);
    const figures = results.flatMap((r) => r.figures);
    const native = compare(figures);
    problems.push(...results.flatMap((r) => r.problems), ...native.problems);
    largestDiff = Math.max(largestDiff, native.largest);
    results.forEach((r, i) => {
      all.push(r);
      const ready = i ? "" : `; sliders ${r.ready.readyMs} ms after the module's load began, ` +
        `${(r.ready.liveAt - r.ready.loadEnd).toFixed(0)} ms after the page's load`;
      console.log(`${problems.length ? "FAIL" : "ok  "} ${mode.padEnd(4)} ${name.padEnd(30)} ${r.name.padEnd(9)} ` +
        `${r.knobs} sliders, ${r.figures.length} figures = native; redraw median ${median(r.redrawMs).toFixed(1)} ms ` +
        `(key to frame ${median(r.keyToFrameMs)} ms)${ready}`);
    });
    for (const p of problems) console.log(`     ${p}`);
    failed += problems.length > 0;
  }
}
await browser.close();
server.close();
console.log(`explorables: ${all.length} driven, ${all.reduce((n, r) => n + r.figures.length, 0)} figures compared with the native run; ` +
  `median redraw ${median(all.flatMap((r) => r.redrawMs)).toFixed(1)} ms (key to frame ${median(all.flatMap((r) => r.keyToFrameMs))} ms), ` +
  `median time from the module's load to the first sliders ${median(firstReady).toFixed(0)} ms; ` +
  `largest relative difference on the plateau well ${largestDiff.toExponential(2)}`);
if (failed) {
  console.log(`${failed} page(s) failed`);
  process.exit(1);
}
