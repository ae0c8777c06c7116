// The embed's core, dist/loyalty-core.js, comes when a calculator first needs
// a result (www/core-loader-late.js): a page whose calculators wait empty
// loads the embed alone; the visitor's first move, a value, a paste or a file
// brings the core; what was asked before it came is answered when it does;
// and a core that cannot be fetched is said, in the visitor's language, and
// tried again on the next move.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { env, expectText, openPage, part, recordEvents } from './widget-harness.mjs';

const LAZY = '/tests/fixtures/lazy.html';
const CORE = '/dist/loyalty-core.js';

/** Counts the page's requests of the core; `held` (a promise) delays its answer, `missing` answers 404. */
async function watchCore(page, { held = null, missing = false } = {}) {
  const asked = [];
  await page.route(`**${CORE}`, async (route) => {
    asked.push(route.request().url());
    await held;
    if (missing) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' });
    return route.continue();
  });
  return asked;
}

test('a page of empty calculators loads the embed alone until the visitor moves; the first move brings the core once', async (t) => {
  const { page, problems } = await openPage(t);
  await recordEvents(page);
  const asked = await watchCore(page);
  await page.goto(`${env.origin}${LAZY}`);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(asked, []);
  // The empty figure shows without the core; nothing was reported.
  assert.equal(await part(page, 'score', '#nps').textContent(), '–');
  assert.deepEqual(await page.evaluate(() => window.events), []);
  assert.equal(await page.evaluate(() => document.querySelector('#nps').report), null);

  await part(page, 'input', '#nps').hover();
  await page.waitForFunction(() => Boolean(window.LoyaltyCore));
  assert.equal(asked.length, 1);
  // Both calculators, the one moved over and the other, now show their empty reports.
  await page.waitForFunction(() => window.events.length === 2);
  assert.deepEqual(await page.evaluate(() => window.events.map((e) => [e.type, e.target, e.detail.respondents])).then((list) => list.sort()),
    [['loyalty-result', 'nl-calc', 0], ['loyalty-result', 'nps', 0]]);

  // 10, 9 promoters; 8 passive; 3 detractor: (2 − 1)/4 = +25.0.
  await part(page, 'input', '#nps').fill('10\n9\n8\n3');
  await expectText(part(page, 'score', '#nps'), '+25.0');
  await part(page, 'input', '#nl-calc').hover();
  await page.locator('#nl-calc').focus();
  assert.equal(asked.length, 1);
  assert.deepEqual(problems, []);
});

test('a paste, a value and analyze() made before the core came are answered when it comes, each once', async (t) => {
  const { page, problems } = await openPage(t);
  await recordEvents(page);
  let release;
  const asked = await watchCore(page, { held: new Promise((done) => (release = done)) });
  await page.goto(`${env.origin}${LAZY}`);
  // analyze() before the core: null back, the text in the field, the result to follow.
  const early = await page.evaluate(() => document.querySelector('#nps').analyze('10\n10\n0'));
  assert.equal(early, null);
  assert.equal(await part(page, 'input', '#nps').inputValue(), '10\n10\n0');
  await page.evaluate(() => (document.querySelector('#nl-calc').value = '9\n3'));
  await page.waitForFunction(() => document.querySelectorAll('script[src$="loyalty-core.js"]').length === 1);
  assert.equal(asked.length, 1);
  assert.deepEqual(await page.evaluate(() => window.events), []);
  release();
  // 10, 10, 0: (2 − 1)/3 = +33.3; 9, 3: (1 − 1)/2 = 0.
  await expectText(part(page, 'score', '#nps'), '+33.3');
  await expectText(part(page, 'score', '#nl-calc'), '0,0');
  const events = await page.evaluate(() => window.events.map((e) => [e.target, e.detail.respondents]));
  assert.deepEqual(events.sort(), [['nl-calc', 2], ['nps', 3]]);
  assert.ok(Math.abs(await page.evaluate(() => document.querySelector('#nps').report.score) - 100 / 3) < 1e-9);
  assert.deepEqual(problems, []);
});

test('LoyaltyScore.load() brings the core and resolves to the API, whose functions throw a clear error before', async (t) => {
  const { page, problems } = await openPage(t);
  const asked = await watchCore(page);
  await page.goto(`${env.origin}${LAZY}`);
  const before = await page.evaluate(() => {
    try {
      window.LoyaltyScore.analyzeNps('10');
      return null;
    } catch (error) {
      return [error.code, error.message];
    }
  });
  assert.equal(before[0], 'core-not-loaded');
  assert.match(before[1], /await LoyaltyScore\.load\(\)/);
  const score = await page.evaluate(async () => {
    const api = await window.LoyaltyScore.load();
    return [api === window.LoyaltyScore, api.analyzeNps('10\n9\n8\n3').score, api.npsSampleSize({ margin: 5 }).respondents];
  });
  // npsSampleSize at ±5 points, 95 %, worst case: 1.959964² × 1 / 0.05² = 1536.6 → 1537.
  assert.deepEqual(score, [true, 25, 1537]);
  assert.equal(asked.length, 1);
  assert.deepEqual(problems, []);
});

test('a file dropped before the core is read in the worker, which fetches the core beside itself', async (t) => {
  const { page, problems } = await openPage(t);
  const asked = await watchCore(page);
  await page.goto(`${env.origin}${LAZY}`);
  const text = 'Score\n10\n9\n8\n7\n6\n0\n';
  await page.locator('#nps [part="file-input"]').setInputFiles({ name: 'answers.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  // 10, 9 promoters; 8, 7 passives; 6, 0 detractors: (2 − 2)/6 = 0.
  await expectText(part(page, 'score', '#nps'), '0.0', 10_000);
  assert.equal(await page.evaluate(() => document.querySelector('#nps').report.respondents), 6);
  // Once by the page, once by the worker.
  assert.ok(asked.length >= 1 && asked.length <= 2, asked.join(' '));
  assert.deepEqual(problems, []);
});

test('a core that cannot be fetched is said in the visitor\'s language and named for the site owner, then fetched on the next move', async (t) => {
  const { page, problems } = await openPage(t);
  await recordEvents(page);
  // The 404 waits until the fill (a focus, then an input event) is done, so
  // that both ask during the one fetch; a need after a failed fetch would
  // rightly fetch again.
  let answer;
  const asked = await watchCore(page, { held: new Promise((resolve) => (answer = resolve)), missing: true });
  await page.goto(`${env.origin}${LAZY}`);
  await part(page, 'input', '#nl-calc').fill('10\n9');
  answer();
  await expectText(part(page, 'failure', '#nl-calc'), 'De calculator kon het deel dat rekent niet laden. Controleer de verbinding en probeer het opnieuw.');
  const errors = await page.evaluate(() => window.events.filter((e) => e.type === 'loyalty-error').map((e) => [e.target, e.detail.code, e.detail.message]));
  assert.equal(errors.length, 1);
  assert.deepEqual(errors[0].slice(0, 2), ['nl-calc', 'core-unavailable']);
  assert.match(errors[0][2], /loyalty-core\.js/);
  // For the site owner, in the console: which file, and where it belongs.
  assert.ok(problems.some((line) => /<loyalty-calculator>: .*loyalty-core\.js.*beside loyalty-calculator\.js/.test(line)), problems.join('\n'));
  assert.equal(asked.length, 1);

  await page.unroute(`**${CORE}`);
  await part(page, 'input', '#nl-calc').hover();
  await part(page, 'input', '#nps').hover();
  // 10, 9: (2 − 0)/2 = +100.
  await expectText(part(page, 'score', '#nl-calc'), '+100,0');
  assert.equal(await part(page, 'failure', '#nl-calc').isVisible(), false);
});

test('a planner on show asks for the core at once and shows its number', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/tests/fixtures/lazy.html`);
  await page.evaluate(() => (document.querySelector('#nps').tools = 'plan'));
  // ±5 points at 95 %, worst case: 1537 responses.
  await expectText(part(page, 'sample-size', '#nps'), '1,537 responses');
  assert.deepEqual(problems, []);
});
