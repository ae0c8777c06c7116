// The calculator page (dist/index.html) with its measure switch and the NPS
// comparison and planner, in Chromium, over http and from disk. Expected
// numbers are worked out by hand in the comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { env, expectText, openPage, part, root } from './widget-harness.mjs';

const require = createRequire(import.meta.url);
const C = '#calculator';

async function typeCounts(page, which, [p, m, d]) {
  await page.locator(`${C} [part~="compare-${which}"] .seg label`).nth(1).click();
  await page.locator(`${C} [part~="${which}-promoters"]`).fill(String(p));
  await page.locator(`${C} [part~="${which}-passives"]`).fill(String(m));
  await page.locator(`${C} [part~="${which}-detractors"]`).fill(String(d));
}

test('the page compares two periods and plans a survey, in English and Dutch', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/dist/index.html?lang=en`);
  assert.equal(await part(page, 'compare', C).isVisible(), true);
  assert.equal(await part(page, 'plan', C).isVisible(), true);
  // The page's example is still the NPS result above the tools: +36.7.
  await expectText(part(page, 'score', C), '+36.7');

  await part(page, 'method', C).selectOption('wald');
  await typeCounts(page, 'before', [50, 30, 20]);
  await typeCounts(page, 'after', [60, 25, 15]);
  // +30 → +45: +15; Wald se = √((0.70 − 0.09)/100 + (0.75 − 0.2025)/100) = 0.10759, z = 1.394, p = 0.163.
  await expectText(part(page, 'verdict', C), 'The rise of 15.0 points is within the margin of error.');
  assert.equal(await part(page, 'compare-interval', C).textContent(), '95% confidence interval of the difference: -6.1 to +36.1 · p = 0.163');
  // −30 → +45 with the same se: z = 6.97, significant.
  await page.locator(`${C} [part~="before-promoters"]`).fill('20');
  await page.locator(`${C} [part~="before-detractors"]`).fill('50');
  await expectText(part(page, 'verdict', C), 'The rise of 75.0 points is significant at 95%.');
  // At 99 % (z = 2.5758) it is still significant; the verdict names the level.
  await part(page, 'level', C).selectOption('0.99');
  await expectText(part(page, 'verdict', C), 'The rise of 75.0 points is significant at 99%.');
  await part(page, 'level', C).selectOption('0.95');

  // ⌈1.95996²/0.05²⌉ = ⌈1536.6⌉ = 1537.
  await expectText(part(page, 'sample-size', C), '1,537 responses');

  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expectText(part(page, 'verdict', C), 'De stijging van 75,0 punten is significant bij 95% betrouwbaarheid.');
  await expectText(part(page, 'sample-size', C), '1.537 reacties');
  assert.equal(await page.locator('[data-text="compareTitle"]').textContent(), 'Twee periodes vergelijken');
  await page.locator(`${C} [part~="before-promoters"]`).fill('50');
  await page.locator(`${C} [part~="before-detractors"]`).fill('20');
  await expectText(part(page, 'verdict', C), 'De stijging van 15,0 punten valt binnen de foutmarge.');
  assert.deepEqual(problems, []);
});

test('the measure switch sets the calculator\'s metric, shows example data and the matching explanation', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/dist/index.html?lang=en`);
  const pressed = () => page.locator('.metrics [aria-pressed="true"]').textContent();
  const explained = () => page.locator('[data-metric-section]:not([hidden])').getAttribute('data-metric-section');
  assert.equal(await pressed(), 'NPS');

  await page.getByRole('button', { name: 'SCI and CLI' }).click();
  assert.equal(await page.locator(C).getAttribute('metric'), 'sci');
  // The example: 12 customers (satisfaction; buy again; recommend), header on line 1:
  //   secure (all 9–10): lines 2, 4, 6, 8, 11, 13 → 6; favorable (all ≥ 7): lines 3, 9, 12 → 3;
  //   at risk (any ≤ 6): lines 5 (a 6), 7 (6 and 5), 10 (4, 5, 3) → 3. Index 6/12 = 50.0 %.
  await expectText(part(page, 'score', C), '50.0%');
  assert.equal(await part(page, 'at-risk', C).textContent(), 'Follow up the at-risk respondents: lines 5, 7, 10');
  assert.equal(await page.locator('h1').textContent(), 'Secure Customer Index calculator');
  assert.equal(await explained(), 'sci');
  assert.equal(await part(page, 'compare', C).isVisible(), false, 'the tools are for the NPS');
  assert.equal(await pressed(), 'SCI and CLI');

  await page.getByRole('button', { name: 'Likert and CSAT' }).click();
  // 5 4 4 3 5 4 2 5 4 4 3 5 1 4 5 4: sum 62 of 16 → 3.875 → 3.88; 4s and 5s: 7 + 5 = 12/16 = 75.0 %.
  await expectText(part(page, 'score', C), '3.88');
  assert.equal(await part(page, 'csat', C).textContent(), 'CSAT (top two boxes): 75.0%');
  assert.equal(await explained(), 'likert');

  await page.getByRole('button', { name: 'Retention and CLV' }).click();
  // (1260 − 180)/1200 = 90.0 %; 45 × 3 × 0.40 = 54 a year; at 90 % retention and 10 % discount
  // 0.9/(1.1 − 0.9) = 4.5 → 243.00.
  await expectText(part(page, 'retention-value', C), '90.0%');
  await expectText(part(page, 'lifetime-value', C), '243.00');
  assert.equal(await part(page, 'retention-rate', C).inputValue(), '90');
  assert.equal(await explained(), 'clv');

  // Dutch while on CLV, then back to the NPS: the example answers are still there.
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expectText(part(page, 'lifetime-value', C), '243,00');
  assert.equal(await page.locator('h1').textContent(), 'Klantbehoud en klantwaarde');
  await page.getByRole('button', { name: 'NPS' }).click();
  await expectText(part(page, 'score', C), '+36,7');
  assert.equal(await page.locator('h1').textContent(), 'NPS-calculator');
  assert.equal(await part(page, 'compare', C).isVisible(), true);
  // A second visit keeps what was there: SCI shows its example again, not a fresh copy over edits.
  await page.getByRole('button', { name: 'SCI en CLI' }).click();
  await part(page, 'input', C).fill('9;9;9');
  await page.getByRole('button', { name: 'NPS' }).click();
  await page.getByRole('button', { name: 'SCI en CLI' }).click();
  assert.equal(await part(page, 'input', C).inputValue(), '9;9;9');
  assert.deepEqual(problems, []);
});

test('from disk, ?metric=sci starts on the SCI and nothing but local files is requested', async (t) => {
  const { page, problems } = await openPage(t);
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  await page.goto(`${pathToFileURL(join(root, 'dist', 'index.html')).href}?lang=nl&metric=sci`);
  await expectText(part(page, 'score', C), '50,0%');
  assert.equal(await page.locator('.metrics [aria-pressed="true"]').textContent(), 'SCI en CLI');
  assert.ok(urls.every((url) => url.startsWith('file://')), urls.join('\n'));
  assert.deepEqual(problems, []);
});

test('axe-core finds no serious or critical problems on the page with any measure', async (t) => {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/dist/index.html?lang=en`);
  await page.addScriptTag({ content: source });
  for (const name of ['NPS', 'SCI and CLI', 'Likert and CSAT', 'Retention and CLV']) {
    await page.getByRole('button', { name, exact: true }).click();
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    assert.deepEqual(serious, [], name);
  }
  assert.deepEqual(problems, []);
});
