// browser-test.mjs checks exported lessons in headless Chromium with the network cut.
//
//   node browser-test.mjs --chromium /usr/bin/chromium --screenshots DIR LESSONS_DIR
//
// It serves LESSONS_DIR on 127.0.0.1 and starts Chromium with every other host
// unresolvable and every non-loopback request sent to a dead proxy, then loads
// index.html and each lesson. A lesson passes when MathJax has rendered every
// formula (no raw $$, \( or \[ left in the text, no MathJax error), every <img>
// has decoded (naturalWidth > 0), it holds at least the figures (<img> or
// inline <svg>) and animated GIFs that its notebook's outputs had (the export
// writes them in <meta name="nncourse-images|animations">), the console shows
// no error and no request failed. A full-page screenshot of each page is saved
// to DIR.
import { mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { launch, serve, watch } from "./harness.mjs";

const MATHJAX_TIMEOUT_MS = 60000;

const { values: opts, positionals } = parseArgs({
  options: { chromium: { type: "string", default: "/usr/bin/chromium" }, screenshots: { type: "string" } },
  allowPositionals: true,
});
const root = resolve(positionals[0] ?? "lessons");
const shots = resolve(opts.screenshots ?? ".cache/screenshots");

// inspect runs in the page once MathJax is done and returns what the checks need.
function inspect() {
  const clone = document.body.cloneNode(true);
  clone.querySelectorAll("pre, code, script, style, .MathJax_CHTML, .MJX_Assistive_MathML").forEach((e) => e.remove());
  const text = clone.textContent;
  const raw = ["$$", "\\(", "\\[", "\\begin{"].filter((d) => text.includes(d));
  const imgs = [...document.images];
  const svgs = [...document.querySelectorAll("svg")].filter((s) => !s.parentElement.closest("svg"));
  const meta = (name) => Number(document.querySelector(`meta[name="${name}"]`)?.content ?? 0);
  return {
    raw,
    formulas: document.querySelectorAll("script[type^='math/tex']").length,
    rendered: document.querySelectorAll(".MathJax_CHTML").length,
    mathErrors: document.querySelectorAll(".MathJax_Error, .mjx-merror, merror").length,
    images: imgs.length + svgs.length,
    broken: imgs.filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src.slice(0, 60)),
    gifs: imgs.filter((i) => i.src.startsWith("data:image/gif")).length,
    wantImages: meta("nncourse-images"),
    wantAnimations: meta("nncourse-animations"),
    // Relative links to other pages of the course (external ones are never loaded).
    links: [...document.querySelectorAll("a[href$='.html']")].map((a) => a.getAttribute("href"))
      .filter((h) => !/^([a-z]+:|\/\/)/i.test(h)),
  };
}

async function check(context, base, page_name) {
  const problems = [];
  const page = await context.newPage();
  page.setDefaultTimeout(120000);
  watch(page, problems);
  await page.goto(`${base}/${page_name}`, { waitUntil: "load" });
  const hasMathJax = await page.evaluate(() => typeof window.MathJax?.Hub?.Queue === "function");
  if (hasMathJax) {
    // Resolves after the startup typeset and anything queued behind it.
    const typeset = await page.evaluate((ms) => new Promise((done) => {
      setTimeout(() => done(false), ms);
      // The hook must not return the queue: MathJax would wait for it before posting "End".
      MathJax.Hub.Register.StartupHook("End", () => { MathJax.Hub.Queue(() => done(true)); });
    }), MATHJAX_TIMEOUT_MS);
    if (!typeset) problems.push(`MathJax did not finish within ${MATHJAX_TIMEOUT_MS / 1000} s`);
  } else if (page_name !== "index.html") {
    problems.push("MathJax did not load");
  }
  const seen = await page.evaluate(inspect);
  if (seen.raw.length) problems.push(`raw TeX left in the page: ${seen.raw.join(" ")}`);
  if (seen.rendered < seen.formulas) problems.push(`MathJax rendered ${seen.rendered} of ${seen.formulas} formulas`);
  if (seen.mathErrors) problems.push(`${seen.mathErrors} MathJax error(s)`);
  if (seen.broken.length) problems.push(`${seen.broken.length} image(s) did not decode: ${seen.broken.join(", ")}`);
  if (seen.images < seen.wantImages) problems.push(`${seen.images} image(s), expected at least ${seen.wantImages}`);
  if (seen.gifs < seen.wantAnimations) problems.push(`${seen.gifs} GIF animation(s), expected at least ${seen.wantAnimations}`);
  await page.screenshot({ path: join(shots, page_name.replace(/\.html$/, ".png")), fullPage: true });
  await page.close();
  return { problems, seen };
}

const server = await serve(root);
const base = `http://127.0.0.1:${server.address().port}`;
mkdirSync(shots, { recursive: true });
const browser = await launch(opts.chromium);
const context = browser.context;
const pages = readdirSync(root).filter((n) => n.endsWith(".html")).sort();
let failed = 0;
for (const name of pages) {
  const { problems, seen } = await check(context, base, name);
  const missing = seen.links.filter((l) => !pages.includes(l));
  if (missing.length) problems.push(`links to missing pages: ${missing.join(", ")}`);
  const summary = `${seen.rendered}/${seen.formulas} formulas, ${seen.images} images, ${seen.gifs} GIFs`;
  console.log(`${problems.length ? "FAIL" : "ok  "} ${name.padEnd(36)} ${summary}`);
  for (const p of problems) console.log(`     ${p}`);
  failed += problems.length > 0;
}
await browser.close();
server.close();
console.log(`screenshots in ${shots}`);
if (failed) {
  console.log(`${failed} page(s) failed`);
  process.exit(1);
}
