// `make bench` (node tests/bench/bench.mjs): how fast the built package reads
// survey answers, next to what a developer could use instead, and what a site
// or app ships. Prints figures and ratios; asserts nothing, except that every
// peer counts the same answers as ours (a `MISMATCH` line when not; the run
// goes on).
//
//   1. the machine;
//   2. speed on plain lists of scores (one per line with LF or CRLF, or on one
//      line with spaces or commas), against a hand-tuned charCodeAt loop, the
//      idiomatic split-and-Number code and the npm package net-promoter-score;
//   3. speed on a 20-column survey export, against Papa Parse and a split;
//   4. createNpsReader given a 1 GB file in 4 MiB slices: MB/s and memory;
//   5. floors: what copying the text into WebAssembly costs by itself, and
//      that copy plus one pass over the bytes in the simplest wasm loop;
//   6. sizes, raw and gzip -9;
//   7. the widget in Chromium: a paste, typed input (the `input` event) and a
//      200 MB file, each to the painted result.
//
// BENCH_QUICK=1 shrinks every size (10k scores for 1M, no 10M row, a 10k-row
// CSV, 100 MB files; in Chromium no 1M paste, 10k lines typed, a 20 MB file)
// and the time spent per row, to try the script out; its figures are not the
// ones to quote.
//
// Times are medians of samples taken round-robin: every function of a row
// runs once per round, so that a slow spell of the machine (the other core
// building, a GC) falls on all of them alike rather than on one.
import { readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createRequire } from 'node:module';

import { importWithMemory } from '../js/wasm-memory.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const root = new URL('../../', import.meta.url).pathname;
const packageUrl = new URL('../../pkg/loyalty-score.mjs', import.meta.url).href;

const require = createRequire(import.meta.url);
const NPS = require('net-promoter-score');
const Papa = require('papaparse');

// The module's memory, caught as the package instantiates it.
const loaded = await importWithMemory(packageUrl);
const { analyzeNps } = loaded.api;

// ── the machine ─────────────────────────────────────────────────────────

function cpuModel() {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // Not Linux: os.cpus() names it too.
  }
  return cpus()[0]?.model ?? 'unknown CPU';
}

console.log(`Machine: ${cpuModel()}, ${cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${QUICK ? '  (BENCH_QUICK=1: small sizes, not figures to quote)' : ''}`);

// ── inputs ──────────────────────────────────────────────────────────────

/** `count` scores 0–10 from a fixed-seed LCG, so that every run reads the same text. */
function scores(count) {
  let seed = 12345;
  const out = new Array(count);
  for (let i = 0; i < count; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    out[i] = seed % 11;
  }
  return out;
}

const CSV_HEADER = 'id,date,region,How likely are you to recommend us?,' + Array.from({ length: 16 }, (_, i) => `q${i + 1}`).join(',') + '\n';
const csvRow = (i) => `${i},2024-01-01,north,${i % 11},${'3,'.repeat(15)}fine\n`;
// The same row as Google Forms writes its exports: every cell quoted.
const quotedCsvRow = (i) => [i, '2024/01/05 3:12:55 PM GMT+1', 'north', i % 11, ...Array(15).fill(3), 'Fast, friendly'].map((cell) => `"${cell}"`).join(',') + '\n';
const NPS_COLUMN = 3; // the fourth column holds the score

/** 1000 → '1,000', 1e6 → '1M', 1e4 → '10k'. */
function countName(n) {
  if (n >= 1e6 && n % 1e6 === 0) return `${n / 1e6}M`;
  if (n >= 1e4 && n % 1e3 === 0) return `${n / 1e3}k`;
  return n.toLocaleString('en');
}

// ── the peers ───────────────────────────────────────────────────────────

/**
 * The fastest plain JavaScript for a list of whole-number scores: one pass
 * of charCodeAt, no allocation. Any non-digit ends an entry; a number above
 * 10 is not counted. It reads no decimals, signs or labels, so it does less
 * than ours: the ratio is what that costs.
 */
// One tally for every call, so that a call allocates nothing but its result.
// Indexing it by the score, rather than branching on the score's group,
// spares a mispredicted branch per answer: answers come in no order.
const tally = new Int32Array(12); // 0–10, and 11 for any larger number
function handTuned(text) {
  tally.fill(0);
  let value = 0;
  let digits = 0; // 1 once the entry has a digit
  for (let i = 0, n = text.length; i < n; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit >>> 0 <= 9) {
      value = value * 10 + digit;
      if (value > 11) value = 11; // stays a small integer however long the run
      digits = 1;
    } else {
      tally[value] += digits;
      value = 0;
      digits = 0;
    }
  }
  tally[value] += digits;
  return {
    promoters: tally[9] + tally[10],
    passives: tally[7] + tally[8],
    detractors: tally[0] + tally[1] + tally[2] + tally[3] + tally[4] + tally[5] + tally[6],
  };
}

/** A score 0–10 from a token, or -1. Number('') is 0, hence the blank check. */
function scoreOf(token) {
  if (token === undefined || token.trim() === '') return -1;
  const value = Number(token);
  return Number.isInteger(value) && value >= 0 && value <= 10 ? value : -1;
}

/** The scores in `text`, as most code would read them: split, then Number. */
function idiomaticScores(text) {
  const values = [];
  for (const token of text.split(/[\s,;]+/)) {
    const value = scoreOf(token);
    if (value >= 0) values.push(value);
  }
  return values;
}

function countsOf(values) {
  let promoters = 0, passives = 0, detractors = 0;
  for (const value of values) {
    if (value >= 9) promoters++;
    else if (value >= 7) passives++;
    else detractors++;
  }
  return { promoters, passives, detractors };
}

const idiomatic = (text) => countsOf(idiomaticScores(text));

/**
 * net-promoter-score takes an array of numbers, so it is fed the idiomatic
 * parse. It returns one object shared by every call: the counts are copied
 * out before the next call overwrites them.
 */
function viaNpmPackage(text) {
  const { promoters, passives, detractors } = new NPS(idiomaticScores(text));
  return { promoters, passives, detractors };
}

/** Counts of column `column` in parsed rows, the first row being the header. */
function tallyColumn(rows, column) {
  const values = [];
  for (let i = 1; i < rows.length; i++) {
    const value = scoreOf(rows[i][column]);
    if (value >= 0) values.push(value);
  }
  return countsOf(values);
}

const viaPapa = (text) => tallyColumn(Papa.parse(text, { skipEmptyLines: true }).data, NPS_COLUMN);
const viaSplit = (text) => tallyColumn(text.split('\n').map((line) => line.split(',')), NPS_COLUMN);

// ── timing ──────────────────────────────────────────────────────────────

// Every result feeds this, so that no call can be optimised away.
let sink = 0;

const sameCounts = (a, b) => a.promoters === b.promoters && a.passives === b.passives && a.detractors === b.detractors;
const countsText = (c) => `${c.promoters}/${c.passives}/${c.detractors}`;

/**
 * Times `contenders` ([{ name, fn }], ours first) on `text`: warmed up, then
 * round-robin until `minRounds` rounds and `minMs` have passed; each sample
 * is `batch` calls. Returns the median ms per call of each. Checks on the
 * first call that every peer counts what ours counts.
 */
function race(label, text, contenders, { batch = 1, minRounds = 7, minMs = QUICK ? 300 : 1500, warmMs = QUICK ? 50 : 250 } = {}) {
  const live = contenders.filter((c) => !c.skip);
  let expected = null;
  for (const contender of live) {
    const counts = contender.fn(text);
    if (expected === null) expected = counts;
    else if (!sameCounts(counts, expected)) {
      console.log(`MISMATCH ${label}: ${contender.name} counted ${countsText(counts)} (promoters/passives/detractors), ours ${countsText(expected)}`);
    }
    // Warm up long enough for the optimising compiler to have done its work.
    const started = performance.now();
    for (let calls = 1; calls < 3 || performance.now() - started < warmMs; calls++) sink += contender.fn(text).promoters;
  }
  const samples = live.map(() => []);
  const started = performance.now();
  for (let round = 0; round < minRounds || performance.now() - started < minMs; round++) {
    // Who goes first turns round, so that the garbage one leaves behind is
    // collected during each of the others in turn.
    for (let k = 0; k < live.length; k++) {
      const j = (k + round) % live.length;
      const fn = live[j].fn;
      const t0 = performance.now();
      for (let b = 0; b < batch; b++) sink += fn(text).promoters;
      samples[j].push((performance.now() - t0) / batch);
    }
  }
  const times = new Map(live.map((c, j) => [c, median(samples[j])]));
  return contenders.map((c) => times.get(c) ?? null);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// ── printing ────────────────────────────────────────────────────────────

function formatTime(ms) {
  if (ms === null) return '—';
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : ms < 0.1 ? 1 : 0)} µs`;
  return `${ms.toFixed(ms < 10 ? 2 : ms < 100 ? 1 : 0)} ms`;
}
const mbps = (bytes, ms) => (ms === null ? '—' : (bytes / 1e3 / ms).toFixed(0));
const ratio = (peer, ours) => (peer === null ? '—' : `${(peer / ours).toFixed(1)}×`);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * A plain-text table printed row by row as figures come, so that a long run
 * shows progress: columns have fixed widths, the first left-aligned.
 */
function table(columns) {
  const widths = columns.map(([title, width]) => Math.max(title.length, width));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ').trimEnd();
  console.log(line(columns.map(([title]) => title)));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  return (cells) => console.log(line(cells));
}

const OURS = 'loyalty-score';

// Why a second figure: right after a peer that leaves hundreds of megabytes
// of strings behind (a split of the text), the package's calls on 1M scores ran 1.4 times as long
// (1.4–1.8 times with a full collection between them), while the charCodeAt
// loop's did not.
const aloneNote = `
  The ratios are of the interleaved runs. Right after a peer that leaves millions of strings
  behind, the package's calls take up to 1.4 times as long (the charCodeAt loop's do not), so "alone"
  is what a process that only scores gets.`;

// ── 2. speed on lists of scores ─────────────────────────────────────────

{
  const million = QUICK ? 10_000 : 1_000_000;
  const inputs = [
    { count: 1_000, sep: '\n', how: 'one per line, LF', batch: 200 },
    { count: million, sep: '\n', how: 'one per line, LF' },
    { count: million, sep: '\r\n', how: 'one per line, CRLF' },
    // The npm peer would take most of the run here and shows nothing new.
    ...(QUICK ? [] : [{ count: 10_000_000, sep: '\n', how: 'one per line, LF', skipNpm: true, minRounds: 5, minMs: 0 }]),
    { count: million, sep: ' ', how: 'one line, spaces' },
    { count: million, sep: ',', how: 'one line, commas' },
  ];
  console.log(`\nSpeed: a list of scores in, counts out (median per call; ratio: peer time / ours, above 1× ours is faster)\n`);
  console.log(`  ${OURS}: analyzeNps(text), the whole report. hand-tuned JS: one charCodeAt loop. idiomatic JS: split(/[\\s,;]+/), Number.`);
  console.log('  net-promoter-score 0.0.2: new NPS(numbers), fed the idiomatic parse (the parse is timed too).');
  console.log(`  alone: ${OURS} timed again with no peer between its calls (see below).\n`);
  const row = table([['input', 32], ['bytes', 10], [OURS, 9], ['MB/s', 6], ['hand-tuned JS', 9], ['ratio', 6], ['idiomatic JS', 9], ['ratio', 6], ['net-promoter-score', 9], ['ratio', 6], ['alone', 9]]);
  for (const input of inputs) {
    const text = scores(input.count).join(input.sep);
    const label = `${countName(input.count)} scores, ${input.how}`;
    const [ours, hand, plain, npm] = race(label, text, [
      { name: OURS, fn: analyzeNps },
      { name: 'hand-tuned JS', fn: handTuned },
      { name: 'idiomatic JS', fn: idiomatic },
      { name: 'net-promoter-score', fn: viaNpmPackage, skip: input.skipNpm },
    ], { batch: input.batch, minRounds: input.minRounds, minMs: input.minMs });
    const [alone] = race(label, text, [{ name: OURS, fn: analyzeNps }], { batch: input.batch, minRounds: input.minRounds, minMs: input.minMs });
    row([label, text.length.toLocaleString('en'), formatTime(ours), mbps(text.length, ours), formatTime(hand), ratio(hand, ours), formatTime(plain), ratio(plain, ours), formatTime(npm), ratio(npm, ours), formatTime(alone)]);
  }
  console.log(aloneNote);
}

// ── 3. speed on a survey export ─────────────────────────────────────────

{
  const rows = QUICK ? 10_000 : 100_000;
  const text = CSV_HEADER + Array.from({ length: rows }, (_, i) => csvRow(i)).join('');
  const label = `CSV, 20 columns, ${countName(rows)} rows`;
  console.log(`\nSpeed: a survey export in, counts of its score column out\n`);
  console.log(`  ${OURS}: analyzeNps(text), which finds the layout, profiles every column and reads the fourth.`);
  console.log('  Papa Parse 5: Papa.parse(text, { skipEmptyLines: true }), then a tally of the fourth column. split JS: split lines, split commas, tally.\n');
  const row = table([['input', 32], ['bytes', 10], [OURS, 9], ['MB/s', 6], ['Papa Parse', 9], ['ratio', 6], ['split JS', 9], ['ratio', 6], ['alone', 9], ['MB/s', 6]]);
  const [ours, papa, split] = race(label, text, [
    { name: OURS, fn: analyzeNps },
    { name: 'Papa Parse', fn: viaPapa },
    { name: 'split JS', fn: viaSplit },
  ]);
  const [alone] = race(label, text, [{ name: OURS, fn: analyzeNps }]);
  row([label, text.length.toLocaleString('en'), formatTime(ours), mbps(text.length, ours), formatTime(papa), ratio(papa, ours), formatTime(split), ratio(split, ours), formatTime(alone), mbps(text.length, alone)]);
  // Quotes: a split at commas would cut "Fast, friendly" in two, so only Papa Parse reads it.
  const quoted = CSV_HEADER + Array.from({ length: rows }, (_, i) => quotedCsvRow(i)).join('');
  const quotedLabel = `the same, every cell quoted`;
  const [oursQuoted, papaQuoted] = race(quotedLabel, quoted, [
    { name: OURS, fn: analyzeNps },
    { name: 'Papa Parse', fn: viaPapa },
  ]);
  const [aloneQuoted] = race(quotedLabel, quoted, [{ name: OURS, fn: analyzeNps }]);
  row([quotedLabel, quoted.length.toLocaleString('en'), formatTime(oursQuoted), mbps(quoted.length, oursQuoted), formatTime(papaQuoted), ratio(papaQuoted, oursQuoted), '—', '—', formatTime(aloneQuoted), mbps(quoted.length, aloneQuoted)]);
}

// ── 4. the file reader ──────────────────────────────────────────────────

/**
 * Gives createNpsReader `total` bytes as a file reader would: `head`, then
 * `slice` over and over. A fresh instance of the package, so that the memory
 * printed is what this reader took, not what the texts above left grown.
 */
async function readFile(label, head, slice, total) {
  const fresh = await importWithMemory(`${packageUrl}?reader=${encodeURIComponent(label)}`);
  const slices = Math.ceil(total / slice.length);
  const started = performance.now();
  const reader = fresh.api.createNpsReader();
  if (head.length) reader.push(head);
  for (let i = 0; i < slices; i++) reader.push(slice);
  const report = reader.finish();
  reader.free();
  const seconds = (performance.now() - started) / 1000;
  const megabytes = (head.length + slice.length * slices) / 1e6;
  return [`${megabytes.toFixed(0)} MB ${label}`, `${seconds.toFixed(2)} s`, (megabytes / seconds).toFixed(0), report.rows.toLocaleString('en'), (fresh.memory().buffer.byteLength / 2 ** 20).toFixed(1)];
}

{
  const total = QUICK ? 100e6 : 1024 ** 3;
  const encoder = new TextEncoder();
  const slice = 4 * 1024 * 1024;
  const csvSlice = encoder.encode(Array.from({ length: Math.floor(slice / csvRow(0).length) }, (_, i) => csvRow(i)).join(''));
  // Whole lines only, so that every slice is the same text.
  const list = scores(Math.floor(slice / 2));
  let listText = '';
  for (let i = 0; listText.length + 3 <= slice; i++) listText += `${list[i]}\n`;
  const listSlice = encoder.encode(listText);

  console.log('\nFile reader: createNpsReader given a file in 4 MiB Uint8Array slices (every column profiled)\n');
  const row = table([['file', 32], ['time', 8], ['MB/s', 6], ['rows', 13], ['module memory MiB', 0]]);
  row(await readFile('CSV of 20 columns', encoder.encode(CSV_HEADER), csvSlice, total));
  row(await readFile('list, one score per line', new Uint8Array(0), listSlice, total));
}

// ── 5. floors ───────────────────────────────────────────────────────────

/**
 * The least any reader in WebAssembly can do with a JavaScript string: copy
 * it into the module's memory as UTF-8 and look at every byte once. This is
 * that pass, assembled by hand: memory 0 (exported, grown from JavaScript to
 * fit) and `sum(ptr, len) -> i32`, the wrapping sum of the bytes, one
 * i32.load8_u at a time, without SIMD or unrolling.
 */
function sectionOf(id, ...bytes) {
  // Every section here is under 128 bytes: its size is one LEB128 byte.
  return [id, bytes.length, ...bytes];
}
const name = (text) => [text.length, ...[...text].map((c) => c.charCodeAt(0))];
const PASS_WASM = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, // "\0asm"
  0x01, 0x00, 0x00, 0x00, // version 1
  ...sectionOf(0x01, // types
    0x01, // one type:
    0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f), // func (i32, i32) -> i32
  ...sectionOf(0x03, // functions
    0x01, 0x00), // one function, of type 0
  ...sectionOf(0x05, // memories
    0x01, 0x00, 0x01), // one memory, no maximum, 1 page to start
  ...sectionOf(0x07, // exports
    0x02, // two exports:
    ...name('memory'), 0x02, 0x00, // memory 0
    ...name('sum'), 0x00, 0x00), // function 0
  ...sectionOf(0x0a, // code
    0x01, // one body:
    ...((body) => [body.length, ...body])([
      0x01, 0x02, 0x7f, // locals 2 (end) and 3 (total): two i32
      0x20, 0x00, 0x20, 0x01, 0x6a, 0x21, 0x02, // end = ptr + len
      0x02, 0x40, // block
      0x20, 0x00, 0x20, 0x02, 0x4f, 0x0d, 0x00, //   br_if 0 (ptr >= end): nothing to read
      0x03, 0x40, //   loop
      0x20, 0x03, 0x20, 0x00, 0x2d, 0x00, 0x00, 0x6a, 0x21, 0x03, //     total += i32.load8_u(ptr)
      0x20, 0x00, 0x41, 0x01, 0x6a, 0x22, 0x00, //     ptr += 1 (local.tee: kept on the stack)
      0x20, 0x02, 0x49, 0x0d, 0x00, //     br_if 0 (ptr < end): loop again
      0x0b, //   end loop
      0x0b, // end block
      0x20, 0x03, // total
      0x0b, // end
    ])),
]);

{
  const count = QUICK ? 10_000 : 1_000_000;
  const text = scores(count).join('\n');
  const label = `${countName(count)} scores, one per line, LF`;
  const encoder = new TextEncoder();
  const plain = new Uint8Array(text.length * 3);
  const pass = new WebAssembly.Instance(new WebAssembly.Module(PASS_WASM)).exports;
  pass.memory.grow(Math.ceil((text.length * 3) / 65536));
  // After the grow, so that the view is of the grown buffer.
  const passBytes = new Uint8Array(pass.memory.buffer);
  // The floors return what ours returns for the count check: the counts of ours.
  const expected = analyzeNps(text);
  const encodeOnly = (t) => (sink += encoder.encodeInto(t, plain).written, expected);
  const encodeAndPass = (t) => (sink += pass.sum(0, encoder.encodeInto(t, passBytes).written), expected);
  console.log(`\nFloors on ${label} (${text.length.toLocaleString('en')} bytes): what ours cannot go below\n`);
  const row = table([['step', 32], ['time', 9], ['MB/s', 6], ['ours/floor', 10]]);
  const [ours, encodeMs, passMs] = race(label, text, [
    { name: OURS, fn: analyzeNps },
    { name: 'TextEncoder.encodeInto', fn: encodeOnly },
    { name: 'encodeInto + wasm byte pass', fn: encodeAndPass },
  ]);
  row(['TextEncoder.encodeInto', formatTime(encodeMs), mbps(text.length, encodeMs), ratio(ours, encodeMs)]);
  row(['encodeInto + wasm byte pass', formatTime(passMs), mbps(text.length, passMs), ratio(ours, passMs)]);
  row([`${OURS} analyzeNps`, formatTime(ours), mbps(text.length, ours), '']);
}

// ── 6. sizes ────────────────────────────────────────────────────────────

{
  console.log('\nSize of what is shipped (raw, gzip -9)\n');
  const row = table([['file', 48], ['raw', 10], ['gzip -9', 10]]);
  const files = [
    'target/wasm-bindgen/loyalty_score_bg.wasm',
    'pkg/loyalty-score.mjs',
    'pkg/loyalty-score.cjs',
    'dist/loyalty-calculator.js',
    'dist/loyalty-core.js',
    'dist/loyalty-calculator.nowasm.js',
    'dist/loyalty-xlsx.js',
    // The peers' main files: no parser and no intervals in the first, a
    // CSV parser with nothing on scores in the second.
    'node_modules/net-promoter-score/index.js',
    'node_modules/papaparse/papaparse.min.js',
  ];
  for (const file of files) {
    try {
      const bytes = readFileSync(join(root, file));
      row([file, kib(statSync(join(root, file)).size), kib(gzipSync(bytes, { level: 9 }).length)]);
    } catch {
      row([file, 'missing', '']);
    }
  }
  // What a page pays for the calculator until a visitor needs a result: the
  // embed alone; its core comes then (www/core-loader-late.js).
  const embed = gzipSync(readFileSync(join(root, 'dist/loyalty-calculator.js')), { level: 9 }).length;
  console.log(`\nThe embed, gzipped: ${(embed / 1000).toFixed(1)} KB of the 40 KB budget; the core beside it comes with the first result.`);
}

// ── 7. the widget in Chromium ───────────────────────────────────────────

// One browser and one page over HTTP, as a site serves the widget.
let browser = null;
let server = null;
try {
  const { launchChromium } = await import('../js/chromium.mjs');
  const { serve } = await import('../../scripts/serve.mjs');
  server = await serve(root, 0);
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/dist/index.html?lang=en`);
  await page.waitForFunction(() => document.querySelector('loyalty-calculator')?.report);
  console.log(`\nWidget in Chromium ${browser.version()}\n`);

  // A paste: from the paste event to the painted result. A paste this big
  // skips the textarea (www/input.js), so this is the analysis and the
  // summary, not the textarea's layout. Each size is pasted seven times (and
  // cleared in between): the first, with the page's code still cold, and the
  // median of the seven. Each of those starts just after a frame, so its
  // result waits for the next one, a whole frame later: no paste measured
  // that way can take less than a frame. A person's paste comes at any moment
  // of a frame, so seven more start at moments spread evenly over one (0,
  // 1/7, … 6/7 of the frame after its start). The text is made beforehand, in
  // a task of its own.
  {
    // "handler" is the paste event's own dispatch, which reads the text and
    // updates the result synchronously: what is left of a frame for the rest.
    const row = table([['paste', 32], ['first', 10], ['median of 7', 11], ['spread over a frame', 11], ['handler, median', 15], ['respondents', 11]]);
    for (const lines of QUICK ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]) {
      await page.evaluate((n) => {
        window.benchText = Array.from({ length: n }, (_, i) => String(i % 11)).join('\n');
      }, lines);
      await page.waitForTimeout(300);
      const { times, spread, handled, respondents } = await page.evaluate(async () => {
        const element = document.querySelector('loyalty-calculator');
        const textarea = element.shadowRoot.querySelector('textarea');
        const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
        const painted = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
        // The frame's length, from the times of a few frames in a row.
        const frames = [];
        for (let i = 0; i < 6; i++) frames.push(await nextFrame());
        const frame = (frames[5] - frames[0]) / 5;
        const handled = [];
        let respondents;
        const paste = async () => {
          const data = new DataTransfer();
          data.setData('text/plain', window.benchText);
          textarea.focus();
          const started = performance.now();
          textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
          handled.push(performance.now() - started);
          await painted();
          const took = performance.now() - started;
          respondents = element.report?.respondents;
          element.shadowRoot.querySelector('[part~="big-paste"] button:last-of-type')?.click();
          await painted();
          return took;
        };
        const times = [];
        for (let i = 0; i < 7; i++) times.push(await paste());
        const spread = [];
        for (let i = 0; i < 7; i++) {
          // Out of the frame's callback, then held until the moment chosen.
          const frameStart = await nextFrame();
          await new Promise((done) => setTimeout(done));
          while (performance.now() < frameStart + (frame * i) / 7);
          spread.push(await paste());
        }
        delete window.benchText;
        return { times, spread, handled, respondents };
      });
      row([`${countName(lines)} lines pasted`, formatTime(times[0]), formatTime(median(times)), formatTime(median(spread)), formatTime(median(handled)), respondents === lines ? respondents.toLocaleString('en') : `counted ${respondents}`]);
    }
  }

  // The longest main-thread task from a call of watchLongTasks() until its
  // returned function is awaited.
  await page.evaluate(() => {
    window.watchLongTasks = () => {
      let longest = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
      return async () => {
        // Long tasks are reported after they end: give the last one time to arrive.
        await new Promise((later) => setTimeout(later, 200));
        for (const entry of observer.takeRecords()) longest = Math.max(longest, entry.duration);
        observer.disconnect();
        return longest;
      };
    };
  });

  // Text that arrives through the `input` event (typed, dropped, or set by a
  // script, as here). A big one is taken out of the textarea and kept aside
  // like a big paste (www/input.js), before Chromium lays it out; the widget
  // analyses on every input event, with no debounce (www/element.js
  // #compute), so the time runs from the dispatch to the painted result.
  {
    const lines = QUICK ? 10_000 : 100_000;
    // The text is made in a task of its own, so that its making is not
    // counted as a task of the widget's.
    await page.evaluate((n) => {
      window.benchText = Array.from({ length: n }, (_, i) => String(i % 11)).join('\n');
    }, lines);
    await page.waitForTimeout(500);
    const result = await page.evaluate(async (n) => {
      const element = document.querySelector('loyalty-calculator');
      const textarea = element.shadowRoot.querySelector('textarea');
      const longestTask = window.watchLongTasks();
      const counted = new Promise((resolve, reject) => {
        const listener = (event) => {
          if (event.detail?.respondents !== n) return;
          element.removeEventListener('loyalty-result', listener);
          resolve();
        };
        element.addEventListener('loyalty-result', listener);
        setTimeout(() => reject(new Error(`no loyalty-result with ${n} respondents within 120 s`)), 120_000);
      });
      const set = performance.now();
      textarea.value = window.benchText;
      const started = performance.now();
      textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await counted;
      await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
      const ms = performance.now() - started;
      const longest = await longestTask();
      const respondents = element.report?.respondents;
      textarea.value = '';
      textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      delete window.benchText;
      return { setMs: started - set, ms, longest, respondents };
    }, lines);
    console.log(`\n${countName(lines)} lines set as the textarea's value (${formatTime(result.setMs)}), input event to painted result: ${formatTime(result.ms)}; ${result.longest ? `longest main-thread task ${formatTime(result.longest)}` : 'no main-thread task over 50 ms'}${result.respondents === lines ? '' : `  (counted ${result.respondents})`}`);
  }

  // A 200 MB export given to the widget as a file (made in the page, never on
  // disk): time to the painted result, and the longest task on the main thread
  // meanwhile, which says whether the page stayed responsive.
  {
    const megabytes = QUICK ? 20 : 200;
    await page.evaluate(({ header, rowsText, size }) => {
      const parts = [header];
      let made = header.length;
      while (made < size) {
        parts.push(rowsText);
        made += rowsText.length;
      }
      window.benchFile = new File(parts, 'survey.csv', { type: 'text/csv' });
    }, { header: CSV_HEADER, rowsText: Array.from({ length: 11_000 }, (_, i) => csvRow(i)).join(''), size: megabytes * 1e6 });
    await page.waitForTimeout(500);
    const result = await page.evaluate(async () => {
      const file = window.benchFile;
      const element = document.querySelector('loyalty-calculator');
      const input = element.shadowRoot.querySelector('[part="file-input"]');
      const longestTask = window.watchLongTasks();
      const done = new Promise((resolve) => element.addEventListener('loyalty-result', (event) => resolve(event.detail), { once: true }));
      const started = performance.now();
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const report = await done;
      await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
      const ms = performance.now() - started;
      const longest = await longestTask();
      delete window.benchFile;
      return { ms, longest, size: file.size, rows: report.rows };
    });
    console.log(`${(result.size / 1e6).toFixed(0)} MB file (${result.rows.toLocaleString('en')} rows) to painted result: ${(result.ms / 1000).toFixed(2)} s, ${(result.size / 1e6 / (result.ms / 1000)).toFixed(0)} MB/s; ${result.longest ? `longest main-thread task ${formatTime(result.longest)}` : 'no main-thread task over 50 ms'}`);
  }

  // The embed's core comes on the visitor's first move (www/core-loader-late.js):
  // on a page of one empty calculator, in a fresh browser context each time
  // (nothing cached), the time from that move until the core can be called
  // (fetched from this machine, run, its module inflated and compiled) and
  // the longest main-thread task meanwhile.
  {
    const runs = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const fresh = await context.newPage();
      await fresh.goto(`http://127.0.0.1:${server.address().port}/tests/fixtures/lazy.html`);
      runs.push(await fresh.evaluate(async () => {
        let longest = 0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
        });
        observer.observe({ type: 'longtask', buffered: false });
        const started = performance.now();
        document.querySelector('loyalty-calculator').dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
        await window.LoyaltyScore.load();
        const ms = performance.now() - started;
        await new Promise((later) => setTimeout(later, 200));
        for (const entry of observer.takeRecords()) longest = Math.max(longest, entry.duration);
        observer.disconnect();
        return { ms, longest };
      }));
      await context.close();
    }
    const longest = Math.max(...runs.map((run) => run.longest));
    console.log(`The embed's core, from the first move to callable (fresh context, median of 5): ${formatTime(median(runs.map((run) => run.ms)))}; ${longest ? `longest main-thread task ${formatTime(longest)}` : 'no main-thread task over 50 ms'}`);
  }
} catch (error) {
  console.log(`\nWidget in Chromium: skipped: ${error.message.split('\n')[0]}`);
} finally {
  await browser?.close();
  if (server) await new Promise((closed) => server.close(closed));
}

// Read once, so that no engine may drop the calls that feed it.
if (sink === -1) console.log('');
