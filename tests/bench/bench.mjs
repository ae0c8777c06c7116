// `make bench`: speed of reading a paste and scoring it, against the npm
// package `net-promoter-score` and a hand-written JavaScript loop, and the
// size of what a site or app ships. Prints figures and ratios; asserts nothing.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { analyzeNps } from '../../pkg/loyalty-score.mjs';

const require = createRequire(import.meta.url);
const NPS = require('net-promoter-score');
const root = new URL('../../', import.meta.url).pathname;

// A fixed pseudo-random paste, so every run measures the same text.
function paste(lines) {
  let seed = 12345;
  const out = new Array(lines);
  for (let i = 0; i < lines; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out[i] = String(seed % 11);
  }
  return out.join('\n');
}

// The fastest plain JavaScript a developer would write: split, parse, count.
function handWritten(text) {
  let promoters = 0, detractors = 0, n = 0;
  for (const token of text.split(/[\s,;]+/)) {
    if (token === '') continue;
    const v = Number(token);
    if (!Number.isInteger(v) || v < 0 || v > 10) continue;
    n++;
    if (v >= 9) promoters++;
    else if (v <= 6) detractors++;
  }
  return (100 * (promoters - detractors)) / n;
}

function viaPeer(text) {
  return new NPS(text.split('\n').map(Number)).score;
}

function time(fn, text) {
  fn(text); // warm up
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < 400 || runs < 3) {
    fn(text);
    runs++;
    elapsed = performance.now() - start;
  }
  return elapsed / runs;
}

console.log('Speed: text in, score out (ms per call, lower is better)\n');
console.log('lines'.padStart(10), 'loyalty-score'.padStart(15), 'net-promoter-score'.padStart(20), 'hand-written JS'.padStart(17), '  ratios');
for (const lines of [1_000, 100_000, 1_000_000]) {
  const text = paste(lines);
  const ours = time((t) => analyzeNps(t).score, text);
  const peer = time(viaPeer, text);
  const loop = time(handWritten, text);
  console.log(
    String(lines).padStart(10),
    ours.toFixed(3).padStart(15),
    peer.toFixed(3).padStart(20),
    loop.toFixed(3).padStart(17),
    `  peer/ours ${(peer / ours).toFixed(1)}×, loop/ours ${(loop / ours).toFixed(1)}×`,
  );
}

const size = (file) => statSync(join(root, file)).size;
const gzip = (file) => gzipSync(readFileSync(join(root, file)), { level: 9 }).length;
const kib = (bytes) => (bytes / 1024).toFixed(1).padStart(7) + ' KiB';
const folder = (dir) => readdirSync(dir, { recursive: true }).reduce((sum, f) => {
  const s = statSync(join(dir, f));
  return s.isFile() ? sum + s.size : sum;
}, 0);

console.log('\nSize (raw, gzip -9)\n');
for (const file of ['target/wasm-bindgen/loyalty_score_bg.wasm', 'pkg/loyalty-score.mjs', 'dist/loyalty-calculator.js']) {
  console.log(file.padEnd(45), kib(size(file)), kib(gzip(file)));
}
const peerFolder = join(root, 'node_modules/net-promoter-score');
console.log('net-promoter-score (whole package)'.padEnd(45), kib(folder(peerFolder)), '   (no parser, no intervals)');

// The widget in Chromium: a 100,000-line paste, from the paste event to the
// painted result (the textarea never receives the text).
try {
  const { launchChromium } = await import('../js/chromium.mjs');
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(new URL('dist/index.html?lang=en', `file://${root}`).href);
  await page.waitForFunction(() => document.querySelector('loyalty-calculator')?.report);
  console.log('\nWidget in Chromium: paste to painted result (ms)\n');
  for (const lines of [10_000, 100_000, 1_000_000]) {
    const { ms, respondents } = await page.evaluate(async (n) => {
      const element = document.querySelector('loyalty-calculator');
      const text = Array.from({ length: n }, (_, i) => String(i % 11)).join('\n');
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const textarea = element.shadowRoot.querySelector('textarea');
      textarea.focus();
      const started = performance.now();
      textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
      const ms = performance.now() - started;
      const respondents = element.report?.respondents;
      element.shadowRoot.querySelector('[part~="big-paste"] button:last-of-type')?.click();
      return { ms, respondents };
    }, lines);
    console.log(String(lines).padStart(10), ms.toFixed(1).padStart(10), respondents === lines ? '' : `  (counted ${respondents})`);
  }
  await browser.close();
} catch (error) {
  console.log(`\n(widget timing skipped: ${error.message})`);
}
