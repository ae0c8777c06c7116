// `make bench`: speed of reading a paste and scoring it, against the npm
// package `net-promoter-score` and a hand-written JavaScript loop, and the
// size of what a site or app ships. Prints figures and ratios; asserts nothing.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createRequire } from 'node:module';

import { importWithMemory } from '../js/wasm-memory.mjs';

// The module's memory, caught as the package instantiates it.
const loaded = await importWithMemory(new URL('../../pkg/loyalty-score.mjs', import.meta.url).href);
const { analyzeNps, createNpsReader } = loaded.api;

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

// A survey export of 20 columns, 1 GB, given to createNpsReader in 4 MiB
// slices as a file would be: MB/s with every column profiled, and the most
// memory the module took.
{
  const header = 'id,date,region,How likely are you to recommend us?,' + Array.from({ length: 16 }, (_, i) => `q${i + 1}`).join(',') + '\n';
  const row = (i) => `${i},2024-01-01,north,${i % 11},${'3,'.repeat(15)}fine\n`;
  const encoder = new TextEncoder();
  const slice = encoder.encode(Array.from({ length: Math.floor((4 * 1024 * 1024) / row(0).length) }, (_, i) => row(i)).join(''));
  const slices = Math.ceil(1024 ** 3 / slice.length);
  const started = performance.now();
  const reader = createNpsReader();
  reader.push(encoder.encode(header));
  for (let i = 0; i < slices; i++) reader.push(slice);
  const report = reader.finish();
  reader.free();
  const seconds = (performance.now() - started) / 1000;
  const megabytes = (slice.length * slices) / 1e6;
  console.log(`\nFile reader: ${megabytes.toFixed(0)} MB CSV of 20 columns in 4 MiB slices: ${seconds.toFixed(2)} s, ${(megabytes / seconds).toFixed(0)} MB/s, ${report.rows.toLocaleString('en')} rows, module memory ${(loaded.memory().buffer.byteLength / 2 ** 20).toFixed(1)} MiB`);
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

// A 200 MB export given to the widget as a file (made in the page, never on
// disk): time to the painted result, and the longest task on the main thread
// meanwhile, which says whether the page stayed responsive.
try {
  const { launchChromium } = await import('../js/chromium.mjs');
  const { serve } = await import('../../scripts/serve.mjs');
  const server = await serve(root, 0);
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/dist/index.html?lang=en`);
  await page.waitForFunction(() => document.querySelector('loyalty-calculator')?.report);
  // The file is made in a task of its own, so that its making is not counted
  // as a task of the widget's.
  await page.evaluate(() => {
    const header = 'id,date,region,How likely are you to recommend us?,' + Array.from({ length: 16 }, (_, i) => `q${i + 1}`).join(',') + '\n';
    const rows = Array.from({ length: 11_000 }, (_, i) => `${i},2024-01-01,north,${i % 11},${'3,'.repeat(15)}fine\n`).join('');
    const parts = [header];
    let size = header.length;
    while (size < 200e6) {
      parts.push(rows);
      size += rows.length;
    }
    window.benchFile = new File(parts, 'survey.csv', { type: 'text/csv' });
  });
  await page.waitForTimeout(500);
  const result = await page.evaluate(async () => {
    const file = window.benchFile;
    const element = document.querySelector('loyalty-calculator');
    const input = element.shadowRoot.querySelector('[part="file-input"]');
    let longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
    const done = new Promise((resolve) => element.addEventListener('loyalty-result', (event) => resolve(event.detail), { once: true }));
    const started = performance.now();
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const report = await done;
    await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
    return { ms: performance.now() - started, longest, size: file.size, rows: report.rows, respondents: report.respondents };
  });
  console.log(`\nWidget in Chromium: a ${(result.size / 1e6).toFixed(0)} MB file (${result.rows.toLocaleString('en')} rows) to painted result: ${(result.ms / 1000).toFixed(2)} s, ${(result.size / 1e6 / (result.ms / 1000)).toFixed(0)} MB/s; ${result.longest ? `longest main-thread task ${result.longest.toFixed(0)} ms` : 'no main-thread task over 50 ms'}`);
  await browser.close();
  await new Promise((closed) => server.close(closed));
} catch (error) {
  console.log(`\n(widget file timing skipped: ${error.message})`);
}
