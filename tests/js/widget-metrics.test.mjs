// <loyalty-calculator metric="sci" | "likert" | "clv">, and tools="compare plan"
// for the NPS, in Chromium: what each shows, in English and Dutch, the
// loyalty-result details, field messages, an axe-core scan of each, and
// screenshots at 320 and 1280 px (in target/screenshots/, to be looked at).
// Expected numbers are worked out by hand in the comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { env, expectText, openPage, part, recordEvents, root } from './widget-harness.mjs';

const require = createRequire(import.meta.url);
const FIXTURE = '/tests/fixtures/metrics.html';
const WJ = '\u2060–\u2060';

/** The rows of a table part as [header, cells…] texts. */
const rows = (page, calculator, name) =>
  page.locator(`${calculator} [part~="${name}"] tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));

/** Sets a textarea or input inside the calculator and fires input, as typing does. */
async function fill(page, calculator, name, text) {
  await page.locator(`${calculator} [part~="${name}"]`).first().fill(text);
}

// The SCI paste: a Dutch header in the order recommend, satisfaction, buy again.
//   line  rec sat rep
//   2     9   10  9    all ≥ 9            → secure
//   3     10  8   9    all ≥ 7, 8 < 9     → favorable
//   4     6   9   9    6 ≤ 6              → at risk
//   5     9   9   10                      → secure
//   6     9   7   7    all ≥ 7            → favorable
//   7     10  9   3                       → at risk
//   8     x   9   9    not a number, column 1 → rejected
// 6 respondents: 2 secure, 2 favorable, 2 at risk → index 2/6 = 33.3 %.
// Wilson 95 %, n = 6, p = 1/3, z² = 3.84146: centre (0.33333 + 0.32012)/1.64024 = 0.39839,
//   half 1.95996 × √(0.03704 + 0.02668)/1.64024 = 0.30162 → 9.7 % to 70.0 %.
// CLI: answers sum 28 + 27 + 24 + 28 + 23 + 22 = 152 over 18 → 8.444 × 10 = 84.4.
// Top two boxes (9–10): satisfaction 10 8 9 9 7 9 → 4/6 = 66.7 %; buy again 9 9 9 10 7 3 → 66.7 %;
//   recommend 9 10 6 9 9 10 → 5/6 = 83.3 %.
const SCI_TEXT = 'aanbevelen;tevredenheid;opnieuw kopen\n9;10;9\n10;8;9\n6;9;9\n9;9;10\n9;7;7\n10;9;3\nx;9;9';

test('sci: a Dutch header in another order, the index, CLI, at-risk lines and columns, in English and Dutch', async (t) => {
  const { page, problems } = await openPage(t);
  await recordEvents(page);
  await page.goto(`${env.origin}${FIXTURE}`);
  await fill(page, '#sci', 'input', SCI_TEXT);
  await expectText(part(page, 'score', '#sci'), '33.3%');
  assert.equal(await part(page, 'interval', '#sci').textContent(), '95% confidence interval (Wilson): 9.7% to 70.0%');
  assert.deepEqual(await rows(page, '#sci', 'table'), [
    ['Secure', '2', '33.3%'], ['Favorable', '2', '33.3%'], ['At risk', '2', '33.3%'], ['Total', '6', '100.0%'],
  ]);
  assert.deepEqual(await rows(page, '#sci', 'questions'), [
    ['Overall satisfaction', '66.7%'], ['Would buy again', '66.7%'], ['Would recommend', '83.3%'],
  ]);
  assert.equal(await part(page, 'cli', '#sci').textContent(), 'Customer Loyalty Index: 84.4 out of 100 (the average of all answers, rescaled to 0–100)');
  assert.equal(await part(page, 'at-risk', '#sci').textContent(), 'Follow up the at-risk respondents: lines 4, 7');
  assert.equal(await part(page, 'columns', '#sci').textContent(),
    'Columns read — satisfaction: column 2 “tevredenheid”; buy again: column 3 “opnieuw kopen”; recommend: column 1 “aanbevelen”.');
  assert.equal(await part(page, 'order-note', '#sci').isVisible(), false, 'the header named the columns');
  assert.equal(await part(page, 'groups', '#sci').textContent(),
    `Secure: all three answers 9${WJ}10. Favorable: all three 7${WJ}10, not secure. At risk: any answer 0${WJ}6.`);
  await part(page, 'rejected', '#sci').locator('summary').click();
  assert.deepEqual(await part(page, 'rejected', '#sci').locator('li').allTextContents(), ['line 8, column 1 x — not a number']);
  // Charts: a whisker on 0–100 % and the stacked bar, each with a text alternative.
  assert.equal(await page.locator('#sci [part~="whisker"] svg').getAttribute('aria-label'),
    '33.3% secure on a scale from 0% to 100%; 95% confidence interval from 9.7% to 70.0%.');
  assert.equal(await page.locator('#sci [part~="bar"] svg').getAttribute('aria-label'), 'At risk 33.3%, favorable 33.3%, secure 33.3%.');

  // loyalty-result carries the report: the same as the API's for the same options.
  const events = await page.evaluate(() => window.events.filter((e) => e.target === 'sci'));
  const last = events.at(-1);
  assert.equal(last.type, 'loyalty-result');
  assert.deepEqual(last.detail, await page.evaluate((text) => window.LoyaltyScore.analyzeSci(text, { scale: '0-10', level: 0.95 }), SCI_TEXT));
  assert.deepEqual(last.detail.atRiskLines, [4, 7]);

  // Dutch: decimal commas and Dutch words.
  await page.evaluate(() => (document.querySelector('#sci').lang = 'nl'));
  await expectText(part(page, 'score', '#sci'), '33,3%');
  assert.equal(await part(page, 'interval', '#sci').textContent(), '95%-betrouwbaarheidsinterval (Wilson): 9,7% tot 70,0%');
  assert.equal(await part(page, 'cli', '#sci').textContent(), 'Customer Loyalty Index: 84,4 van 100 (het gemiddelde van alle antwoorden, omgerekend naar 0–100)');
  assert.equal(await part(page, 'at-risk', '#sci').textContent(), 'Neem contact op met de respondenten met risico: regels 4, 7');
  assert.equal(await part(page, 'columns', '#sci').textContent(),
    'Gelezen kolommen — tevredenheid: kolom 2 “tevredenheid”; opnieuw kopen: kolom 3 “opnieuw kopen”; aanbevelen: kolom 1 “aanbevelen”.');
  assert.deepEqual(problems, []);
});

test('sci without a header on a 1–5 scale: read in the order satisfaction, buy again, recommend, and says so', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}${FIXTURE}`);
  await page.locator('#sci [part~="scale"]').selectOption('1-5');
  assert.equal(await page.evaluate(() => document.querySelector('#sci').scale), '1-5');
  // 5 4 5: all 4–5 → secure; 3 4 3: all 3–5 → favorable; 2 5 5: a 2 → at risk.
  // Index 1/3 = 33.3 %. CLI: answers 5 4 5 3 4 3 2 5 5, mean 36/9 = 4 → (4 − 1)/4 × 100 = 75.0.
  await fill(page, '#sci', 'input', '5\t4\t5\n3\t4\t3\n2\t5\t5');
  await expectText(part(page, 'score', '#sci'), '33.3%');
  assert.equal(await part(page, 'cli', '#sci').textContent(), 'Customer Loyalty Index: 75.0 out of 100 (the average of all answers, rescaled to 0–100)');
  assert.equal(await part(page, 'order-note', '#sci').isVisible(), true);
  assert.equal(await part(page, 'order-note', '#sci').textContent(),
    'No header row named the three questions, so the columns were read in the order satisfaction, buy again, recommend.');
  assert.equal(await part(page, 'columns', '#sci').textContent(),
    'Columns read — satisfaction: column 1; buy again: column 2; recommend: column 3.');
  assert.equal(await part(page, 'at-risk', '#sci').textContent(), 'Follow up the at-risk respondent: line 3');
  assert.equal(await part(page, 'groups', '#sci').textContent(),
    `Secure: all three answers 4${WJ}5. Favorable: all three 3${WJ}5, not secure. At risk: any answer 1${WJ}2.`);
  // A 6 is outside 1–5: the row is rejected with the scale's own range.
  await fill(page, '#sci', 'input', '5\t4\t5\n6\t4\t3');
  await expectText(part(page, 'score', '#sci'), '100.0%');
  await part(page, 'rejected', '#sci').locator('summary').click();
  assert.deepEqual(await part(page, 'rejected', '#sci').locator('li').allTextContents(), [`line 2, column 1 6 — outside 1${WJ}5`]);
  // analyze() from script returns the report and shows it.
  const report = await page.evaluate(() => document.querySelector('#sci').analyze('4\t4\t4\n1\t1\t1'));
  // 4 4 4 secure, 1 1 1 at risk → 50.0 %
  assert.equal(report.index, 50);
  await expectText(part(page, 'score', '#sci'), '50.0%');
  assert.deepEqual(problems, []);
});

test('likert 1–5: average, CSAT with its interval, median, sd, boxes and the histogram; Dutch numbers', async (t) => {
  const { page, problems } = await openPage(t);
  await recordEvents(page);
  await page.goto(`${env.origin}${FIXTURE}`);
  // 5 4 4 3 2 5 4 1: n = 8, sum 28 → mean 3.50. Deviations 1.5 .5 .5 −.5 −1.5 1.5 .5 −2.5, squares sum 14,
  // sd = √(14/7) = 1.41. t(0.975, 7) = 2.3646, se = 1.41421/√8 = 0.5 → 3.50 ± 1.18 = 2.32 to 4.68.
  // Median of 1 2 3 4 4 4 5 5 = 4. Top two (4, 5): 5/8 = 62.5 %; top box (5): 2/8 = 25.0 %; bottom two (1, 2): 25.0 %.
  // Wilson for 5/8: centre (0.625 + 0.24009)/1.48018 = 0.58445, half 1.95996 × √(0.02930 + 0.01501)/1.48018 = 0.27871
  //   → 30.6 % to 86.3 %.
  const text = '5\n4\n4\n3\n2\n5\n4\n1';
  await fill(page, '#likert', 'input', text);
  await expectText(part(page, 'score', '#likert'), '3.50');
  assert.equal(await part(page, 'band', '#likert').textContent(), 'on a scale from 1 to 5');
  assert.equal(await part(page, 'interval', '#likert').textContent(), '95% confidence interval (t): 2.32 to 4.68');
  assert.equal(await part(page, 'csat', '#likert').textContent(), 'CSAT (top two boxes): 62.5%');
  assert.equal(await part(page, 'csat-interval', '#likert').textContent(), '95% confidence interval (Wilson): 30.6% to 86.3%');
  assert.deepEqual(await rows(page, '#likert', 'table'), [
    ['Respondents', '8'], ['Average', '3.50'], ['Median', '4'], ['Standard deviation', '1.41'],
    ['Top box', '25.0%'], ['Top two boxes (CSAT)', '62.5%'], ['Bottom two boxes', '25.0%'],
  ]);
  assert.equal(await page.locator('#likert [part~="histogram"] svg').getAttribute('aria-label'), 'Answers per score from 1 to 5: 1: 1, 2: 1, 3: 1, 4: 3, 5: 2.');
  // Bottom two hatched, the middle dotted, the top two plain.
  const patterns = await page.locator('#likert [part~="histogram"] svg rect[fill^="url"]').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill').replace(/^url\(#.*-/, '').replace(')', '')));
  assert.deepEqual(patterns, ['hatch', 'hatch', 'dots']);
  const [event] = await page.evaluate(() => window.events.filter((e) => e.target === 'likert').slice(-1));
  assert.deepEqual(event.detail, await page.evaluate((value) => window.LoyaltyScore.analyzeLikert(value, { scale: '1-5', level: 0.95 }), text));

  await page.evaluate(() => (document.querySelector('#likert').lang = 'nl'));
  await expectText(part(page, 'score', '#likert'), '3,50');
  assert.equal(await part(page, 'interval', '#likert').textContent(), '95%-betrouwbaarheidsinterval (t): 2,32 tot 4,68');
  assert.equal(await part(page, 'csat', '#likert').textContent(), 'CSAT (bovenste twee): 62,5%');
  assert.deepEqual(problems, []);
});

test('likert 1–7: top two boxes are not called CSAT; the histogram has seven scores', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/tests/fixtures/bare.html`);
  await page.evaluate(() => {
    const el = document.querySelector('loyalty-calculator');
    el.metric = 'likert';
    el.scale = '1-7';
    el.value = '7\n6\n6\n5\n4\n2';
  });
  // n = 6, sum 30 → mean 5.00; sorted 2 4 5 6 6 7 → median (5 + 6)/2 = 5.5;
  // deviations 2 1 1 0 −1 −3, squares sum 16 → sd √(16/5) = 1.79;
  // top two (6, 7): 3/6 = 50.0 %; top box (7) and bottom two (1, 2): 1/6 = 16.7 % each.
  await expectText(part(page, 'score'), '5.00');
  assert.equal(await part(page, 'band').textContent(), 'on a scale from 1 to 7');
  assert.equal(await part(page, 'csat').textContent(), 'Top two boxes: 50.0%');
  assert.deepEqual(await rows(page, 'loyalty-calculator', 'table'), [
    ['Respondents', '6'], ['Average', '5.00'], ['Median', '5.5'], ['Standard deviation', '1.79'],
    ['Top box', '16.7%'], ['Top two boxes', '50.0%'], ['Bottom two boxes', '16.7%'],
  ]);
  assert.equal(await page.locator('loyalty-calculator [part~="histogram"] svg').getAttribute('aria-label'),
    'Answers per score from 1 to 7: 1: 0, 2: 1, 3: 0, 4: 1, 5: 1, 6: 2, 7: 1.');
  // Nothing on the scale: loyalty-error with the scale in the message.
  const error = await page.evaluate(() => new Promise((done) => {
    const el = document.querySelector('loyalty-calculator');
    el.addEventListener('loyalty-error', (event) => done(event.detail), { once: true });
    el.value = '9\n8';
  }));
  assert.equal(error.code, 'nothing-counted');
  assert.equal(error.message, 'No answer from 1 to 7 was found.');
  assert.deepEqual(problems, []);
});

test('clv: retention and lifetime value, the retention carried over, Dutch amounts and a currency', async (t) => {
  const { page, problems } = await openPage(t);
  await recordEvents(page);
  await page.goto(`${env.origin}${FIXTURE}`);
  const C = '#clv';
  await fill(page, C, 'customers-at-start', '200');
  await fill(page, C, 'customers-at-end', '210');
  await fill(page, C, 'new-customers', '30');
  // Kept: 210 − 30 = 180 of 200 → 90.0 %; lost 20 → churn 10.0 %.
  await expectText(part(page, 'retention-value', C), '90.0%');
  assert.deepEqual(await rows(page, C, 'retention-table'), [
    ['Retention rate', '90.0%'], ['Churn rate', '10.0%'], ['Customers kept', '180'], ['Customers lost', '20'],
  ]);
  await fill(page, C, 'average-order-value', '50');
  await fill(page, C, 'purchases-per-year', '4');
  await fill(page, C, 'gross-margin', '30');
  await fill(page, C, 'retention-rate', '80');
  // Margin per year 50 × 4 × 0.30 = 60; r = 0.8, d = 0.1 (the default): multiple 0.8/(1.1 − 0.8) = 2.67,
  // value 60 × 2.667 = 160.00; expected lifetime 1/(1 − 0.8) = 5.0 years.
  await expectText(part(page, 'lifetime-value', C), '160.00');
  assert.deepEqual(await rows(page, C, 'lifetime-table'), [
    ['Lifetime value', '160.00'], ['Margin per customer per year', '60.00'], ['Margin multiple', '2.67×'], ['Expected lifetime', '5.0 years'],
  ]);
  let [event] = await page.evaluate(() => window.events.filter((e) => e.target === 'clv').slice(-1));
  assert.equal(event.type, 'loyalty-result');
  assert.deepEqual(event.detail.retention, { customersAtStart: 200, customersAtEnd: 210, newCustomers: 30, retainedCustomers: 180, lostCustomers: 20, retentionRate: 0.9, churnRate: 0.1 });
  assert.deepEqual(Object.keys(event.detail.clv), ['averageOrderValue', 'purchasesPerYear', 'grossMargin', 'retentionRate', 'discountRate', 'annualMargin', 'marginMultiple', 'lifetimeValue', 'expectedLifetimeYears']);
  assert.ok(Math.abs(event.detail.clv.lifetimeValue - 160) < 1e-9);
  assert.equal(event.detail.clv.discountRate, 0.1);

  // "Use the retention above": 90 % → multiple 0.9/(1.1 − 0.9) = 4.5, value 60 × 4.5 = 270.00, lifetime 10.0 years.
  await part(page, 'use-retention', C).click();
  assert.equal(await part(page, 'retention-rate', C).inputValue(), '90');
  await expectText(part(page, 'lifetime-value', C), '270.00');
  // Dutch, in euros.
  await page.evaluate(() => Object.assign(document.querySelector('#clv'), { lang: 'nl', currency: 'EUR' }));
  await expectText(part(page, 'lifetime-value', C), '€\u00a0270,00');
  assert.deepEqual(await rows(page, C, 'lifetime-table'), [
    ['Klantwaarde', '€\u00a0270,00'], ['Marge per klant per jaar', '€\u00a060,00'], ['Margeveelvoud', '4,5×'], ['Verwachte klantduur', '10,0 jaar'],
  ]);
  assert.equal(await part(page, 'retention-value', C).textContent(), '90,0%');

  // analyze() with the API's fields (fractions) fills the form and returns the report.
  const report = await page.evaluate(() => document.querySelector('#clv').analyze({ averageOrderValue: 100, purchasesPerYear: 2, grossMargin: 0.5, retentionRate: 0.5, discountRate: 0 }));
  // 100 × 2 × 0.5 = 100 a year; 0.5/(1 + 0 − 0.5) = 1 → 100,00
  assert.ok(Math.abs(report.clv.lifetimeValue - 100) < 1e-9);
  assert.equal(await part(page, 'gross-margin', C).inputValue(), '50');
  await expectText(part(page, 'lifetime-value', C), '€\u00a0100,00');
  [event] = await page.evaluate(() => window.events.filter((e) => e.target === 'clv').slice(-1));
  assert.equal(event.type, 'loyalty-result');
  assert.deepEqual(problems, []);
});

test('clv: negative customers and 100 % retention without discount get a message next to the field', async (t) => {
  const { page, problems } = await openPage(t);
  await recordEvents(page);
  await page.goto(`${env.origin}${FIXTURE}`);
  // The fields are checked by the core: wait until it has come, so each check below shows at once.
  await page.evaluate(() => window.LoyaltyScore.load());
  const C = '#clv';
  const errorOf = (name) => page.evaluate((n) => {
    const input = document.querySelector('#clv').shadowRoot.querySelector(`[part~="${n}"]`);
    const id = input.getAttribute('aria-describedby');
    const message = id ? input.getRootNode().getElementById(id) : null;
    return { invalid: input.getAttribute('aria-invalid'), message: message && !message.hidden ? message.textContent : null };
  }, name);

  await fill(page, C, 'customers-at-start', '-5');
  await fill(page, C, 'customers-at-end', '210');
  await fill(page, C, 'new-customers', '30');
  assert.deepEqual(await errorOf('customers-at-start'), { invalid: 'true', message: 'Enter the customers at the start: a whole number, 1 or more.' });
  assert.deepEqual(await errorOf('customers-at-end'), { invalid: null, message: null });
  assert.equal(await part(page, 'retention-value', C).textContent(), '–');
  let [event] = await page.evaluate(() => window.events.filter((e) => e.target === 'clv').slice(-1));
  assert.deepEqual([event.type, event.detail.code, event.detail.field], ['loyalty-error', 'invalid-input', 'customersAtStart']);
  assert.equal(event.detail.message, 'Enter the customers at the start: a whole number, 1 or more.');
  await fill(page, C, 'customers-at-start', '200');
  assert.deepEqual(await errorOf('customers-at-start'), { invalid: null, message: null });
  await expectText(part(page, 'retention-value', C), '90.0%');

  await fill(page, C, 'average-order-value', '50');
  await fill(page, C, 'purchases-per-year', '4');
  await fill(page, C, 'gross-margin', '30');
  await fill(page, C, 'retention-rate', '100');
  await fill(page, C, 'discount-rate', '0');
  assert.deepEqual(await errorOf('retention-rate'), { invalid: 'true', message: 'Enter a retention from 0 to 100%; 100% needs a discount rate above 0.' });
  assert.equal(await part(page, 'lifetime-value', C).textContent(), '–');
  [event] = await page.evaluate(() => window.events.filter((e) => e.target === 'clv').slice(-1));
  assert.deepEqual([event.detail.code, event.detail.field], ['invalid-input', 'retentionRate']);
  // The retention part still stands in the report of the error.
  assert.equal(event.detail.report.retention.retentionRate, 0.9);
  await page.evaluate(() => (document.querySelector('#clv').lang = 'nl'));
  assert.deepEqual(await errorOf('retention-rate'), { invalid: 'true', message: 'Vul een klantbehoud van 0 tot en met 100% in; 100% kan alleen met een disconteringsvoet boven 0.' });
  // With a discount rate of 10 %: 60 × 1/(1.1 − 1) = 600,00 and an unlimited expected lifetime.
  await fill(page, C, 'discount-rate', '10');
  await expectText(part(page, 'lifetime-value', C), '600,00');
  assert.deepEqual(await errorOf('retention-rate'), { invalid: null, message: null });
  assert.deepEqual((await rows(page, C, 'lifetime-table')).at(-1), ['Verwachte klantduur', 'onbeperkt']);
  assert.deepEqual(problems, []);
});

test('compare two periods in the widget: significant and not, English and Dutch, and Tango falling back to adjusted Wald', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}${FIXTURE}`);
  const N = '#nps';
  await page.evaluate(() => (document.querySelector('#nps').method = 'wald'));
  const counts = async (which, [p, m, d]) => {
    await page.locator(`${N} [part~="compare-${which}"] .seg label`).nth(1).click();
    await fill(page, N, `${which}-promoters`, String(p));
    await fill(page, N, `${which}-passives`, String(m));
    await fill(page, N, `${which}-detractors`, String(d));
  };
  await expectText(part(page, 'verdict', N), 'Fill in both periods to compare their scores.');
  await counts('before', [50, 30, 20]);
  await counts('after', [60, 25, 15]);
  // Before +30, after +45: difference +15. Wald variances (p + d − (p − d)²)/n:
  // (0.70 − 0.09)/100 = 0.0061 and (0.75 − 0.2025)/100 = 0.005475; se = √0.011575 = 0.10759;
  // z = 0.15/0.10759 = 1.394, p = 0.163; 95 %: 15 ± 1.95996 × 10.759 = −6.1 to +36.1.
  await expectText(part(page, 'verdict', N), 'The rise of 15.0 points is within the margin of error.');
  assert.equal(await part(page, 'compare-interval', N).textContent(), '95% confidence interval of the difference: -6.1 to +36.1 · p = 0.163');
  assert.deepEqual(await rows(page, N, 'compare-table'), [['Before', '+30.0', '100'], ['After', '+45.0', '100'], ['Difference', '+15.0', '']]);
  assert.equal(await page.evaluate(() => document.querySelector('#nps').comparison.significant), false);

  // Before 20/30/50 (−30), after +45: +75; the same se (0.0061 + 0.005475) → z = 6.97, p < 0.001.
  await fill(page, N, 'before-promoters', '20');
  await fill(page, N, 'before-detractors', '50');
  await expectText(part(page, 'verdict', N), 'The rise of 75.0 points is significant at 95%.');
  assert.equal(await part(page, 'compare-interval', N).textContent(), '95% confidence interval of the difference: +53.9 to +96.1 · p = < 0.001');
  await page.evaluate(() => (document.querySelector('#nps').lang = 'nl'));
  await expectText(part(page, 'verdict', N), 'De stijging van 75,0 punten is significant bij 95% betrouwbaarheid.');
  await fill(page, N, 'before-promoters', '50');
  await fill(page, N, 'before-detractors', '20');
  await expectText(part(page, 'verdict', N), 'De stijging van 15,0 punten valt binnen de foutmarge.');
  assert.equal(await part(page, 'compare-interval', N).textContent(), '95%-betrouwbaarheidsinterval van het verschil: -6,1 tot +36,1 · p = 0,163');

  // A paste against counts, falling: before 10, 10, 10 (+100) and after the counts 60/25/15 (+45): −55.
  await page.locator(`${N} [part~="compare-before"] .seg label`).nth(0).click();
  await fill(page, N, 'before', '10\n10\n10');
  // Wald: before p = 1, d = 0, variance (1 − 1)/3 = 0; after 0.005475 → se 7.40, z = −7.43: significant.
  await expectText(part(page, 'verdict', N), 'De daling van 55,0 punten is significant bij 95% betrouwbaarheid.');

  // Tango has no two-sample form: adjusted Wald is used, and the widget says so.
  await page.evaluate(() => Object.assign(document.querySelector('#nps'), { lang: 'en', method: 'tango' }));
  await expectText(part(page, 'compare-method', N), 'Tango’s interval has no form for a difference, so the comparison uses adjusted Wald.');
  assert.equal(await page.evaluate(() => document.querySelector('#nps').comparison.interval.method), 'adjusted-wald');
  assert.deepEqual(problems, []);
});

test('the planner in the widget: ±5 at 95 % needs 1,537 (1.537 in Dutch); expected shares and field messages', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}${FIXTURE}`);
  const N = '#nps';
  // Worst case p = d = ½, variance 1: n = ⌈1.95996² / 0.05²⌉ = ⌈3.84146/0.0025⌉ = ⌈1536.6⌉ = 1537.
  await expectText(part(page, 'sample-size', N), '1,537 responses');
  assert.equal(await part(page, 'plan-text', N).textContent(), 'for a margin of ±5 points at 95% confidence, in the worst case (half promoters, half detractors).');
  await page.evaluate(() => (document.querySelector('#nps').lang = 'nl'));
  await expectText(part(page, 'sample-size', N), '1.537 reacties');
  await page.evaluate(() => (document.querySelector('#nps').lang = 'en'));
  // 50 % promoters, 20 % detractors: variance 0.70 − 0.09 = 0.61 → ⌈1536.6 × 0.61⌉ = ⌈937.3⌉ = 938.
  await fill(page, N, 'plan-promoters', '50');
  assert.equal(await part(page, 'plan-detractors', N).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator(`${N} #${await part(page, 'plan-detractors', N).getAttribute('aria-describedby')}`).textContent(),
    'Fill in both expected shares, or neither for the worst case.');
  await fill(page, N, 'plan-detractors', '20');
  await expectText(part(page, 'sample-size', N), '938 responses');
  assert.equal(await part(page, 'plan-text', N).textContent(), 'for a margin of ±5 points at 95% confidence, with 50.0% promoters and 20.0% detractors expected.');
  // ±10 at 90 %: z = 1.64485, 2.70554 × 0.61 / 0.01 = 165.04 → 166.
  await fill(page, N, 'plan-margin', '10');
  await part(page, 'plan-level', N).selectOption('0.9');
  await expectText(part(page, 'sample-size', N), '166 responses');
  await fill(page, N, 'plan-margin', '0');
  await expectText(part(page, 'sample-size', N), '–');
  assert.equal(await part(page, 'plan-margin', N).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator(`${N} [part~="plan"] [part="field-error"]:not([hidden])`).first().textContent(), 'Enter a margin above 0 and at most 200 points.');
  await fill(page, N, 'plan-margin', '5');
  await fill(page, N, 'plan-detractors', '60');
  // 50 % + 60 % > 100 %: the API names detractorShare.
  assert.equal(await part(page, 'plan-detractors', N).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.querySelector('#nps').sampleSize), null);
  assert.deepEqual(problems, []);
});

test('copy, CSV and JSON for sci, likert and clv; SVG for sci and likert; no share link outside the NPS', async (t) => {
  const { page, problems } = await openPage(t, { clipboard: true });
  await page.goto(`${env.origin}${FIXTURE}`);
  await fill(page, '#sci', 'input', SCI_TEXT);
  await expectText(part(page, 'score', '#sci'), '33.3%');
  const button = (calc, name) => page.locator(`${calc} [part~="actions"]`).getByRole('button', { name, exact: true });
  const save = async (calc, name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), button(calc, name).click()]);
    return { name: download.suggestedFilename(), data: readFileSync(await download.path()).toString() };
  };
  assert.equal(await button('#sci', 'Copy share link').isVisible(), false);
  await button('#sci', 'Copy result').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied.split('\n')[0], 'Secure Customer Index: 33.3%');
  assert.ok(copied.includes('Customer Loyalty Index: 84.4 out of 100'), copied);
  const csv = await save('#sci', 'CSV');
  assert.equal(csv.name, 'sci.csv');
  const fields = Object.fromEntries(csv.data.trim().split('\r\n').map((line) => line.split(',')));
  assert.deepEqual([fields.metric, fields.secure, fields.at_risk, fields.at_risk_lines], ['sci', '2', '2', '4 7']);
  const json = await save('#sci', 'JSON');
  assert.equal(json.name, 'sci.json');
  assert.equal(JSON.parse(json.data).cli.toFixed(1), '84.4');
  const svg = await save('#sci', 'Chart (SVG)');
  assert.equal(svg.name, 'sci-chart.svg');
  assert.ok(svg.data.includes('Secure Customer Index: 33.3%'));

  // likert: 5 4 3 2 5 (the fixture): mean 19/5 = 3.80.
  await expectText(part(page, 'score', '#likert'), '3.80');
  const likertCsv = await save('#likert', 'CSV');
  assert.equal(likertCsv.name, 'likert.csv');
  assert.ok(likertCsv.data.includes('\r\nmean,3.8\r\n'), likertCsv.data);
  assert.ok(likertCsv.data.includes('\r\nanswers_5,2\r\n'), likertCsv.data);
  assert.equal((await save('#likert', 'Chart (PNG)')).name, 'likert-chart.png');

  await page.evaluate(() => document.querySelector('#clv').analyze({ customersAtStart: 200, customersAtEnd: 210, newCustomers: 30 }));
  assert.equal(await button('#clv', 'Chart (SVG)').isVisible(), false);
  await button('#clv', 'Copy result').click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Retention rate: 90.0%\nChurn rate: 10.0%\nCustomers kept: 180\nCustomers lost: 20');
  const clvCsv = await save('#clv', 'CSV');
  assert.equal(clvCsv.name, 'clv.csv');
  assert.ok(clvCsv.data.includes('\r\nretention_rate,0.9\r\n'), clvCsv.data);
  assert.deepEqual(problems, []);
});

test('axe-core finds no serious or critical problems in any metric, English and Dutch', async (t) => {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  for (const lang of ['en', 'nl']) {
    const { page, problems } = await openPage(t);
    await page.goto(`${env.origin}${FIXTURE}`);
    await page.evaluate((l) => document.querySelectorAll('loyalty-calculator').forEach((el) => (el.lang = l)), lang);
    await part(page, 'rejected', '#sci').locator('summary').click();
    // A field message, a comparison and an expected-share message on show.
    await fill(page, '#clv', 'customers-at-start', '-1');
    await fill(page, '#nps', 'before', '10\n9\n3');
    await fill(page, '#nps', 'after', '10\n10\n8');
    await fill(page, '#nps', 'plan-promoters', '40');
    await page.addScriptTag({ content: source });
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    assert.deepEqual(serious, [], lang);
    assert.deepEqual(problems, []);
  }
});

test('each metric fits 320 px and 1280 px without sideways scrolling (screenshots in target/screenshots/)', async (t) => {
  const folder = join(root, 'target', 'screenshots');
  mkdirSync(folder, { recursive: true });
  for (const width of [320, 1280]) {
    const { page, problems } = await openPage(t, { width });
    await page.goto(`${env.origin}${FIXTURE}`);
    await page.evaluate(() => document.querySelector('#clv').analyze({
      customersAtStart: 200, customersAtEnd: 210, newCustomers: 30, averageOrderValue: 50, purchasesPerYear: 4, grossMargin: 0.3, retentionRate: 0.8,
    }));
    await fill(page, '#nps', 'before', '10\n9\n3\n8');
    await fill(page, '#nps', 'after', '10\n10\n9\n8');
    const overflow = await page.evaluate(() => {
      const sticking = [];
      for (const el of document.querySelectorAll('loyalty-calculator')) {
        const box = el.getBoundingClientRect();
        for (const inner of el.shadowRoot.querySelectorAll('.root *')) {
          if (inner.getClientRects().length && inner.getBoundingClientRect().right > box.right + 0.5) sticking.push(`${el.id} ${inner.localName}.${inner.getAttribute('class')}`);
        }
      }
      return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, sticking };
    });
    assert.deepEqual(overflow, { page: 0, sticking: [] }, `${width} px`);
    for (const id of ['sci', 'likert', 'clv', 'nps']) {
      await page.locator(`#${id}`).screenshot({ path: join(folder, `metric-${id}-${width}.png`) });
    }
    assert.deepEqual(problems, []);
  }
});
