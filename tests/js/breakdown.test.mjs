// The npm package on an export with a region, a date and a comment column:
// the score per region and per month with intervals and verdicts, and the
// comments by group. tests/fixtures/region-month-comments.csv, by hand:
//   North 10, 9, 10, 7, 9 → 4 promoters, 1 passive of 5 → +80
//   South 3, 6, 0, 10     → 1 promoter, 3 detractors of 4 → −50
//   East  8, 9, 5         → 1 of each of 3 → 0
//   all: 6 promoters, 2 passives, 4 detractors of 12 → +16.67
//   January 10, 9, 3, 8 → +25; February 10, 6, 0, 9 → 0; March 7, 10, 5, 9 → +25
// Dates such as 17/01/2024 show the day comes first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeNps, analyzeSci, createNpsReader } from '../../pkg/loyalty-score.mjs';

const text = readFileSync(new URL('../fixtures/region-month-comments.csv', import.meta.url), 'utf8');
const options = { segment: 'Region', date: 'submitted', comment: 4, period: 'month' };
const close = (a, b) => Math.abs(a - b) < 1e-9;

test('segments, months and comments of an export, from text', () => {
  const r = analyzeNps(text, options);
  assert.equal(r.respondents, 12);
  assert.ok(close(r.score, 100 * (6 - 4) / 12));
  assert.deepEqual(r.suggested, { segment: 1, date: 2, comment: 4 });
  assert.deepEqual(r.segmentColumn, { index: 1, name: 'Region', shortName: null });
  assert.deepEqual(r.segments.map((s) => [s.name, s.respondents, s.promoters, s.passives, s.detractors, s.score]), [
    ['North', 5, 4, 1, 0, 80],
    ['South', 4, 1, 0, 3, -50],
    ['East', 3, 1, 1, 1, 0],
  ]);
  for (const s of r.segments) {
    assert.equal(s.fewAnswers, true);
    assert.ok(s.interval.low <= s.score && s.score <= s.interval.high);
    assert.equal(s.interval.method, 'adjusted-wald');
    assert.ok(s.versusRest.pValueAdjusted >= s.versusRest.pValue);
    assert.equal(s.versusRest.significant, s.versusRest.pValueAdjusted < 0.05);
  }
  // North against the other 7 (2 promoters, 1 passive, 4 detractors: −28.57): +108.57.
  assert.ok(close(r.segments[0].versusRest.difference, 80 - 100 * (2 - 4) / 7));
  assert.equal(r.period, 'month');
  assert.equal(r.dateOrder, 'day-first');
  assert.deepEqual(r.periods.map((p) => [p.start, p.label, p.respondents, p.score]), [
    ['2024-01-01', '2024-01', 4, 25],
    ['2024-02-01', '2024-02', 4, 0],
    ['2024-03-01', '2024-03', 4, 25],
  ]);
  assert.equal(r.periods[0].versusPrevious, null);
  assert.ok(close(r.periods[1].versusPrevious.difference, -25));
  assert.equal(typeof r.periods[1].versusPrevious.significant, 'boolean');
  assert.deepEqual([r.undated, r.dateRejectedCount], [0, 0]);
  // Header is line 1: row k is line k + 1.
  const lines = (group) => r.comments[group].items.map((c) => [c.line, c.score, c.text]);
  assert.deepEqual(lines('promoters'), [[2, 10, 'Quick and friendly'], [6, 10, 'Great app'], [11, 10, 'Much better now'], [13, 9, 'Love it']]);
  assert.deepEqual(lines('passives'), [[5, 8, 'OK'], [10, 7, 'Fine']]);
  assert.deepEqual(lines('detractors'), [[4, 3, 'Parcel came late'], [7, 6, 'Too expensive, sorry'], [8, 0, '<script>alert(1)</script>'], [12, 5, 'Support never answered']]);
  assert.deepEqual(['promoters', 'passives', 'detractors'].map((g) => r.comments[g].total), [4, 2, 4]);
});

test('auto takes the longest period with at least four points: weeks here (three months)', () => {
  const r = analyzeNps(text, { date: 2 });
  assert.equal(r.period, 'week');
  assert.equal(r.periods.reduce((n, p) => n + p.respondents, 0), 12);
  // 5 January 2024 is a Friday: its ISO week starts on Monday 1 January.
  assert.deepEqual([r.periods[0].start, r.periods[0].label], ['2024-01-01', '2024-W01']);
});

test('the streaming reader gives the same report from file bytes in small slices', () => {
  const bytes = readFileSync(new URL('../fixtures/region-month-comments.csv', import.meta.url));
  const reader = createNpsReader(options);
  for (let i = 0; i < bytes.length; i += 7) reader.push(bytes.subarray(i, i + 7));
  const report = reader.finish();
  reader.free();
  const whole = analyzeNps(text, options);
  assert.deepEqual({ ...report, encoding: whole.encoding }, whole);
});

test('bad options name themselves', () => {
  assert.throws(() => analyzeNps(text, { segment: 'Plan' }), /invalid option `segment`: no column "Plan"; the columns are 1 "Region"/);
  assert.throws(() => analyzeNps(text, { date: 2, period: 'fortnight' }), /invalid option `period`/);
  assert.throws(() => analyzeNps(text, { date: 2, dateOrder: 'year-first' }), /invalid option `dateOrder`/);
  assert.throws(() => analyzeNps('9\n10\n', { comment: 1 }), /invalid option `comment`: the text is a single column/);
  assert.throws(() => analyzeNps(text, { segmnet: 1 }), /unknown option `segmnet`/);
});

test('the SCI by segment', () => {
  // Web: 2 of 3 secure; Shop: 0 of 2 (one favorable, one at risk).
  const sci = 'Channel;Satisfaction;Repurchase;Recommend\nWeb;9;10;9\nShop;8;8;8\nWeb;10;10;10\nShop;3;9;9\nWeb;7;9;9\n';
  const r = analyzeSci(sci, { segment: 'channel' });
  assert.deepEqual(r.segments.map((s) => [s.name, s.respondents, s.secure, s.favorable, s.atRisk]), [['Web', 3, 2, 1, 0], ['Shop', 2, 0, 1, 1]]);
  assert.ok(close(r.segments[0].index, 200 / 3));
  assert.equal(r.segments[0].interval.method, 'wilson');
  assert.throws(() => analyzeSci(sci, { segment: 9 }), /invalid option `segment`/);
});
