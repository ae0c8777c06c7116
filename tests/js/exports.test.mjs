// The npm package on real survey exports (tests/fixtures/exports, counts in
// expected.json worked out by construction and checked by check.py): file
// bytes pushed through createNpsReader in uneven chunks, strings through
// analyzeNps, the column option, other columns without reading again, and a
// 1 GB file read in slices with the module's memory staying small.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { importWithMemory } from './wasm-memory.mjs';

// The module's memory, caught as the package instantiates it.
const loaded = await importWithMemory(new URL('../../pkg/loyalty-score.mjs', import.meta.url).href);
const { analyzeNps, analyzeLikert, analyzeSci, createNpsReader, createLikertReader, createSciReader } = loaded.api;

const dir = new URL('../fixtures/exports/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8'));
const nps = Object.entries(expected).filter(([, e]) => e.metric === 'nps');

/** Slices of 1, 2, 3, 5, 8, … bytes, starting again past 4 KiB. */
function* unevenSlices(bytes) {
  let [a, b] = [1, 2];
  for (let at = 0; at < bytes.length; at += a, [a, b] = [b, a + b > 4096 ? 1 : a + b]) yield bytes.subarray(at, at + a);
}

test('every NPS export pushed as file bytes in uneven slices gives its hand-counted answers', () => {
  assert.ok(nps.length >= 15, `${nps.length} exports`);
  for (const [name, e] of nps) {
    const reader = createNpsReader();
    for (const slice of unevenSlices(readFileSync(new URL(name, dir)))) reader.push(slice);
    const report = reader.finish();
    reader.free();
    assert.deepEqual([report.promoters, report.passives, report.detractors], [e.promoters, e.passives, e.detractors], name);
    assert.equal(report.column.index, e.column.index, name);
    assert.equal(report.column.name, e.column.name, name);
    assert.equal(report.column.shortName, e.column.shortName, name);
    assert.equal(report.rejectedCount, e.rejected, name);
    assert.equal(report.encoding, e.encoding, name);
    assert.deepEqual(report.warnings.map((w) => w.code), e.warnings, name);
    assert.equal(report.columns[e.column.index - 1].profile.blank, e.blank, name);
  }
});

test('a UTF-8 export as one string gives the same report as its bytes', () => {
  for (const [name, e] of nps.filter(([, e]) => e.encoding === 'utf-8')) {
    const bytes = readFileSync(new URL(name, dir));
    const reader = createNpsReader();
    reader.push(bytes);
    const fromBytes = reader.finish();
    const fromText = analyzeNps(new TextDecoder().decode(bytes));
    assert.deepEqual(fromText, fromBytes, name);
  }
});

test('the Qualtrics export: the column option, and the group column without reading again', () => {
  const text = readFileSync(new URL('qualtrics-numeric.csv', dir), 'utf8');
  // Q15 is column 20: 4 promoters, 4 passives, 17 detractors (expected.json).
  for (const column of [20, 'Q15', ' q15 ', 'How likely are you to recommend us to a friend or colleague?']) {
    const r = analyzeNps(text, { column });
    assert.deepEqual([r.promoters, r.passives, r.detractors, r.column.chosenBy], [4, 4, 17, 'option'], String(column));
  }
  assert.throws(() => analyzeNps(text, { column: 'Q99' }), /^Error: invalid option `column`: no column "Q99"; the columns are 1 "Start Date"/);
  assert.throws(() => analyzeNps(text, { column: 0 }), /invalid option `column`: must be a column number from 1 or a header, got number/);
  const reader = createNpsReader();
  reader.push(text);
  const chosen = reader.finish();
  // Q15_NPS_GROUP (column 19) holds the group codes 1–3 of the same 25 rows:
  // 17 detractors coded 1, 4 passives 2, 4 promoters 3 — as 0–10 answers, 25 detractors.
  const group = reader.reportFor(19);
  assert.deepEqual([group.promoters, group.passives, group.detractors], [0, 0, 25]);
  assert.deepEqual([group.columns[18].profile.min, group.columns[18].profile.max], [1, 3]);
  assert.deepEqual(reader.reportFor('Q15'), { ...chosen, column: { ...chosen.column, chosenBy: 'option' } });
  reader.free();
  assert.throws(() => reader.push('9'), /after free/);
});

test('Likert in words and SCI take their columns', () => {
  const likert = readFileSync(new URL('likert-labels.csv', dir));
  const e = expected['likert-labels.csv'];
  const reader = createLikertReader({ scale: '1-5' });
  for (const slice of unevenSlices(likert)) reader.push(slice);
  const first = reader.finish();
  assert.equal(first.labels, 'agreement (English, 5 points)');
  for (const column of e.histogram) {
    const r = reader.reportFor(column.index);
    assert.deepEqual(r.histogram, column.scale.map((label) => column.counts[label]), column.name);
  }
  assert.equal(analyzeLikert(new TextDecoder().decode(likert), { column: 4 }).labels, 'agreement (Dutch, 5 points)');
  // Satisfaction, buy again, recommend given by header in another order.
  const text = 'Recommend;Satisfied;Again;Other\n9;10;9;1\n3;9;9;1\n';
  const sci = analyzeSci(text, { columns: { satisfaction: 'satisfied', repurchase: 3, recommend: 'Recommend' } });
  // Row 1 all ≥ 9: secure; row 2 recommends 3: at risk.
  assert.deepEqual([sci.secure, sci.atRisk, sci.columns.chosenBy, sci.columns.repurchase.index], [1, 1, 'option', 3]);
  assert.throws(() => analyzeSci(text, { columns: { recommend: 'NPS' } }), /invalid option `columns`: recommend: no column "NPS"/);
  const stream = createSciReader();
  stream.push(text);
  assert.equal(stream.finish().respondents, 2);
  assert.throws(() => stream.reportFor(1), /read the text again/);
});

test('a 1 GB export pushed in 4 MiB slices is read whole while the module memory stays under 32 MB', () => {
  // 20 columns; the NPS column (4th) cycles 0..10, so each block of 11 rows
  // holds 2 promoters (9, 10), 2 passives (7, 8) and 7 detractors.
  const header = 'id,date,region,How likely are you to recommend us?,' + Array.from({ length: 16 }, (_, i) => `q${i + 1}`).join(',') + '\n';
  const encoder = new TextEncoder();
  const row = (i) => `${i},2024-01-01,north,${i % 11},${'3,'.repeat(15)}fine\n`;
  // One slice of whole blocks of 11 rows, repeated.
  const rowsPerSlice = 11 * Math.floor((4 * 1024 * 1024) / row(0).length / 11);
  const slice = encoder.encode(Array.from({ length: rowsPerSlice }, (_, i) => row(i)).join(''));
  const slices = Math.ceil(1024 ** 3 / slice.length);
  const reader = createNpsReader();
  reader.push(encoder.encode(header));
  for (let i = 0; i < slices; i++) reader.push(slice);
  const report = reader.finish();
  reader.free();
  const blocks = (rowsPerSlice / 11) * slices;
  assert.ok(slice.length * slices >= 1024 ** 3);
  assert.deepEqual([report.promoters, report.passives, report.detractors, report.rejectedCount], [2 * blocks, 2 * blocks, 7 * blocks, 0]);
  assert.equal(report.rows, rowsPerSlice * slices);
  assert.ok(loaded.memory().buffer.byteLength < 32 * 1024 * 1024, `wasm memory ${loaded.memory().buffer.byteLength} bytes`);
});
