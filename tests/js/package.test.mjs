// The built npm package (pkg/) from Node as an ES module: no init call, plain
// objects with null (never undefined) for absent values, and errors that name
// the option. Expected numbers are worked by hand in the comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { analyzeNps, npsFromCounts, compareNps, npsSampleSize } from '../../pkg/loyalty-score.mjs';

const close = (actual, expected, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

test('analyzeNps counts a pasted column with no init call', () => {
  // 10, 9 → promoters; 8 → passive; 3 → detractor: (2 − 1)/4 = +25 points.
  const report = analyzeNps('10\n9\n8\n3\n');
  assert.equal(report.respondents, 4);
  assert.deepEqual([report.promoters, report.passives, report.detractors], [2, 1, 1]);
  assert.equal(report.score, 25);
  assert.deepEqual(report.histogram, [0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1]);
  assert.equal(report.promoterPct, 50);
  assert.equal(report.interval.method, 'adjusted-wald');
  assert.equal(report.interval.level, 0.95);
});

test('100 promoters, 30 passives and 80 detractors give NPS 9.52 with the Wald half-width by hand', () => {
  // score = (100 − 80)/210 = 9.5238 points.
  // var = (100/210 + 80/210 − (20/210)²)/210 = 0.00403844 → se 0.0635487;
  // half-width 1.959964 × 0.0635487 = 12.4553 points.
  const report = npsFromCounts({ promoters: 100, passives: 30, detractors: 80 }, { method: 'wald' });
  close(report.score, 9.523809523809524, 1e-12);
  close(report.marginOfError, 12.4553, 1e-3);
  close(report.interval.low, 9.5238 - 12.4553, 1e-3);
  assert.equal(report.histogram, null);
  assert.equal(report.column, null);
});

test('one promoter alone: the adjusted-Wald interval is about [−48.5, 98.5]', () => {
  // n' = 4, centre (1.75 − .75)/4 = .25, se = sqrt((.625 − .0625)/4) = .375 → .25 ± .735.
  const { interval } = npsFromCounts({ promoters: 1, passives: 0, detractors: 0 });
  close(interval.low, -48.5, 0.01);
  close(interval.high, 98.5, 0.01);
});

test('absent values are null, never undefined', () => {
  const report = analyzeNps('');
  for (const key of ['score', 'promoterPct', 'passivePct', 'detractorPct', 'interval', 'marginOfError', 'column']) {
    assert.equal(report[key], null, key);
  }
  assert.equal(report.respondents, 0);
  assert.deepEqual(report.rejected, []);
});

test('rejected entries carry line, column (from 1), text and reason; the rest is still counted', () => {
  const report = analyzeNps('9\n  ten\n8.5\n11; 4\nn.v.t.\n10');
  assert.equal(report.respondents, 3);
  assert.deepEqual(
    report.rejected.map((r) => [r.line, r.column, r.text, r.reason]),
    [
      [2, 3, 'ten', 'not-a-number'],
      [3, 1, '8.5', 'not-a-whole-number'],
      [4, 1, '11', 'out-of-range'],
      [5, 1, 'n.v.t.', 'not-a-number'],
    ],
  );
  assert.equal(report.rejectedCount, 4);
});

test('non-ASCII text crosses into wasm intact and columns count characters', () => {
  // "é" and the emoji are one column each; the emoji is two UTF-16 units.
  const report = analyzeNps('é 9 😀 x\nüber 10');
  assert.deepEqual(
    report.rejected.map((r) => [r.line, r.column, r.text]),
    [[1, 1, 'é'], [1, 5, '😀'], [1, 7, 'x'], [2, 1, 'über']],
  );
  assert.equal(report.respondents, 2);
});

test('a CSV export with a header is read from the named column', () => {
  const csv = 'id,"How likely are you to recommend us?",comment\n1,9,"fine, thanks"\n2,4,"slow"\n3,10,\n';
  const report = analyzeNps(csv);
  assert.deepEqual(report.column, { index: 2, name: 'How likely are you to recommend us?', shortName: null, chosenBy: 'header' });
  assert.deepEqual(report.layout, { kind: 'table', delimiter: 'comma', header: true, decimalComma: false });
  // 9, 10 promoters; 4 detractor: (2 − 1)/3.
  close(report.score, 100 / 3);
});

test('a big paste is counted exactly', () => {
  // 60 000 × "10", 30 000 × "7", 10 000 × "2": (60 000 − 10 000)/100 000 = +50.
  const text = '10\n'.repeat(60_000) + '7\n'.repeat(30_000) + '2\n'.repeat(10_000);
  const report = analyzeNps(text);
  assert.equal(report.respondents, 100_000);
  assert.equal(report.score, 50);
  // Twice in a row: the input buffer is reused, not appended to.
  assert.equal(analyzeNps('3').score, -100);
});

test('compareNps takes counts, reports or text and tests the difference', () => {
  // before 50/30/20: NPS 30, var .0061; after 60/25/15: NPS 45, var .005475;
  // se = sqrt(.011575) = .107587; z = .15/.107587 = 1.39422; p = .16325.
  const before = { promoters: 50, passives: 30, detractors: 20 };
  const after = npsFromCounts({ promoters: 60, passives: 25, detractors: 15 });
  const result = compareNps(before, after, { method: 'wald' });
  close(result.difference, 15, 1e-9);
  close(result.pValue, 0.16325, 1e-4);
  assert.equal(result.significant, false);
  const fromText = compareNps('9\n9\n3', '10\n10\n10', { method: 'wald' });
  close(fromText.difference, 100 - 100 / 3, 1e-9);
  assert.throws(() => compareNps(before, after, { method: 'tango' }), /`method`/);
});

test('npsSampleSize: ±5 points at 95 % needs 1537 respondents in the worst case', () => {
  // (1.959964 / 0.05)² × 1 = 1536.6 → 1537.
  assert.equal(npsSampleSize({ margin: 5 }).respondents, 1537);
  // p = .5, d = .2: var .61 → 1536.58 × .61 = 937.3 → 938.
  assert.equal(npsSampleSize({ margin: 5, promoterShare: 0.5, detractorShare: 0.2 }).respondents, 938);
});

test('bad options throw an Error naming the option; bad data never throws', () => {
  const cases = [
    [() => analyzeNps('9', { level: 1.2 }), /`level`/],
    [() => analyzeNps('9', { level: '95%' }), /`level`/],
    [() => analyzeNps('9', { method: 'exact' }), /`method`/],
    [() => analyzeNps('9', { levle: 0.9 }), /`levle`/],
    [() => npsFromCounts({ promoters: -1, passives: 0, detractors: 0 }), /`promoters`/],
    [() => npsFromCounts({ promoters: 1, passives: 2.5, detractors: 0 }), /`passives`/],
    [() => npsFromCounts({ promoters: 1, passives: 2 }), /`detractors`/],
    [() => npsSampleSize({ margin: 0 }), /`margin`/],
    [() => npsSampleSize({ margin: 5, promoterShare: 2 }), /`promoterShare`/],
  ];
  for (const [call, message] of cases) assert.throws(call, (e) => e instanceof Error && message.test(e.message));
  assert.throws(() => analyzeNps(42), TypeError);
  for (const junk of ['\u0000\uffff', '"""', ';;;;', '\r\r\r', 'a'.repeat(10_000), '\ud800']) {
    assert.equal(typeof analyzeNps(junk).respondents, 'number');
  }
});

test('package.json points every export at a file that exists', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../pkg/package.json', import.meta.url), 'utf8'));
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  assert.equal(pkg.version, /^version\s*=\s*"([^"]+)"/m.exec(cargo)[1]);
  for (const target of Object.values(pkg.exports['.'])) {
    assert.ok(existsSync(new URL(`../../pkg/${target}`, import.meta.url)), target);
  }
});

import { analyzeSci, analyzeLikert, retention, customerLifetimeValue } from '../../pkg/loyalty-score.mjs';

test('analyzeSci reads Dutch headers in any order and groups respondents by hand', () => {
  // Columns: recommend, satisfaction, repurchase.
  //   line 2: rec 9, sat 10, rep 9  → all ≥ 9: secure
  //   line 3: rec 8, sat 9,  rep 7  → all ≥ 7, not all ≥ 9: favorable
  //   line 4: rec 10, sat 6, rep 9  → a 6: at risk
  //   line 5: rec 9, sat x,  rep 9  → rejected (not a number)
  // SCI = 1/3 = 33.33 %; CLI = mean of (28/3, 24/3, 25/3) ×10 = (77/9)×10 = 85.56.
  const text = 'Aanbevelen\tTevredenheid\tOpnieuw kopen\n9\t10\t9\n8\t9\t7\n10\t6\t9\n9\tx\t9\n';
  const r = analyzeSci(text);
  assert.deepEqual([r.secure, r.favorable, r.atRisk], [1, 1, 1]);
  close(r.index, 100 / 3, 1e-9);
  close(r.cli, 770 / 9, 1e-9);
  assert.deepEqual(r.atRiskLines, [4]);
  assert.deepEqual([r.columns.recommend.index, r.columns.satisfaction.index, r.columns.repurchase.index], [1, 2, 3]);
  assert.equal(r.columns.chosenBy, 'header');
  assert.deepEqual(r.rejected.map((e) => [e.line, e.column, e.text, e.reason]), [[5, 3, 'x', 'not-a-number']]);
  assert.equal(r.interval.method, 'wilson');
  assert.throws(() => analyzeSci('9\t9\t9', { scale: '1-10' }), /`scale`/);
});

test('analyzeLikert: CSAT on a 1–5 scale by hand', () => {
  // 5 4 4 2: mean 15/4 = 3.75; top two (4–5) 3/4 = 75 % (CSAT); median (4 + 4)/2 = 4;
  // sd = sqrt((1.5625 + 0.0625·2 + 3.0625)/3) = sqrt(4.75/3) = 1.258306.
  const r = analyzeLikert('5\n4\n4\n2');
  assert.equal(r.mean, 3.75);
  assert.equal(r.topTwoBoxPct, 75);
  assert.equal(r.median, 4);
  close(r.sd, 1.258306, 1e-6);
  assert.deepEqual(r.histogram, [0, 1, 0, 2, 1]);
  // The t interval is clamped to the scale: 3.75 ± 3.182446 × 1.258306/2 exceeds 5.
  assert.equal(r.meanInterval.high, 5);
  assert.equal(analyzeLikert('7', { scale: '1-7' }).sd, null);
});

test('retention and customer lifetime value by hand', () => {
  // 200 at start, 190 at end with 30 new: 160 kept → 80 % retention, 20 % churn.
  const r = retention({ customersAtStart: 200, customersAtEnd: 190, newCustomers: 30 });
  assert.deepEqual([r.retainedCustomers, r.lostCustomers, r.retentionRate, r.churnRate], [160, 40, 0.8, 0.2]);
  // m = 80 × 2.5 × 0.4 = 80; 0.75/(1.08 − 0.75) = 2.272727 → CLV 181.82.
  const v = customerLifetimeValue({ averageOrderValue: 80, purchasesPerYear: 2.5, grossMargin: 0.4, retentionRate: 0.75, discountRate: 0.08 });
  close(v.lifetimeValue, 181.818182, 1e-5);
  assert.equal(v.expectedLifetimeYears, 4);
  assert.throws(() => retention({ customersAtStart: -5, customersAtEnd: 1, newCustomers: 0 }), /`customersAtStart`/);
  assert.throws(
    () => customerLifetimeValue({ averageOrderValue: 1, purchasesPerYear: 1, grossMargin: 0.5, retentionRate: 1, discountRate: 0 }),
    /`retentionRate`/,
  );
});
