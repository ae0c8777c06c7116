// The page and the <loyalty-calculator> widget in a real Chromium: the built
// site in dist/ and the host pages in tests/fixtures/, served from the
// repository root by scripts/serve.mjs (and dist/index.html also from disk).
// Expected numbers are worked out by hand in the comments next to them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { counts, env, expectText, openPage, part, root } from './widget-harness.mjs';
import { STRINGS } from '../../www/metrics/index.js';

// The example in www/index.html, 30 answers:
//   10 9 9 8 7 10 6 9 3 10 8 9 7 5 10 9 8 10 2 9 10 7 9 8 10 6 9 10 4 9
//   promoters (9, 10): 17; passives (7, 8): 7; detractors (0–6: 6 3 5 2 6 4): 6.
//   NPS = (17 − 6) / 30 × 100 = 36.67 → "+36.7"
//   Adjusted Wald, 95 %: add 0.75, 1.5, 0.75 → n = 33, p = 17.75/33 = 0.53788,
//   d = 6.75/33 = 0.20455; p − d = 0.33333;
//   var = (p + d − (p − d)²)/n = (0.74242 − 0.11111)/33 = 0.019131, se = 0.13831;
//   margin = 1.95996 × 0.13831 = 0.27109 → ±27.1; 33.33 ∓ 27.11 → +6.2 to +60.4.
//   Shares: 17/30 = 56.7 %, 7/30 = 23.3 %, 6/30 = 20.0 %.
const EXAMPLE_SCORE_EN = '+36.7';
const EXAMPLE_INTERVAL_EN = '95% confidence interval: +6.2 to +60.4 · margin of error ±27.1 points';
const EXAMPLE_COUNTS = ['17', '7', '6', '30'];

test('the page over http shows the result for its example as soon as the core has come', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/dist/index.html?lang=en`, { waitUntil: 'domcontentloaded' });
  // The page preloads the embed's core beside the embed; the example's result comes with it.
  await expectText(part(page, 'score'), EXAMPLE_SCORE_EN);
  const interval = await part(page, 'interval').textContent();
  assert.match(interval, /95%/);
  assert.equal(interval, EXAMPLE_INTERVAL_EN);
  assert.deepEqual(await counts(page), EXAMPLE_COUNTS);
  assert.deepEqual(
    await page.locator('loyalty-calculator [part="table"] tbody tr td:nth-of-type(2)').allTextContents(),
    ['56.7%', '23.3%', '20.0%', '100.0%'],
  );
  assert.equal(await page.locator('loyalty-calculator [role="status"]').first().textContent(), 'NPS +36.7 from 30 respondents');
  assert.equal(await part(page, 'rejected').isVisible(), false, 'nothing rejected in the example');
  await page.waitForLoadState('load');
  assert.deepEqual(problems, []);
});

test('the page opened from disk shows the same result without errors', async (t) => {
  const { page, problems } = await openPage(t);
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  await page.goto(pathToFileURL(join(root, 'dist', 'index.html')).href);
  await page.getByRole('button', { name: 'English' }).click();
  await expectText(part(page, 'score'), EXAMPLE_SCORE_EN);
  assert.equal(await part(page, 'interval').textContent(), EXAMPLE_INTERVAL_EN);
  assert.deepEqual(await counts(page), EXAMPLE_COUNTS);
  // Classic scripts only: file:// pages cannot load ES modules or fetch a .wasm file.
  assert.equal(await page.locator('script[type="module"]').count(), 0);
  assert.ok(urls.every((url) => url.startsWith('file://')), urls.join('\n'));
  assert.ok(!urls.some((url) => /\.(wasm|mjs)$/.test(url)), urls.join('\n'));
  assert.deepEqual(problems, []);
});

test('typing updates the score on every input', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/dist/index.html?lang=en`);
  // The example's result, once the embed's core has come.
  await page.waitForFunction(() => document.querySelector('loyalty-calculator').report);
  await page.evaluate(() => {
    window.results = 0;
    document.addEventListener('loyalty-result', () => window.results++);
  });
  const input = part(page, 'input');
  await input.fill('');
  await expectText(part(page, 'score'), '–');
  await input.pressSequentially('10\n10\n0');
  // 10, 10, 0: 2 promoters, 1 detractor of 3 → (2 − 1)/3 × 100 = 33.33
  await expectText(part(page, 'score'), '+33.3');
  assert.deepEqual(await counts(page), ['2', '0', '1', '3']);
  // One result per input: 1 for the fill, 7 for the keys of "10⏎10⏎0".
  assert.equal(await page.evaluate(() => window.results), 8);

  await input.press('Enter');
  // "10 10 0" and an empty line: still (2 − 1)/3 → +33.3
  await expectText(part(page, 'score'), '+33.3');
  await input.press('1');
  // 10, 10, 0, 1: 2 promoters, 2 detractors of 4 → (2 − 2)/4 = 0
  await expectText(part(page, 'score'), '0.0');
  await input.press('0');
  // 10, 10, 0, 10: 3 promoters, 1 detractor of 4 → (3 − 1)/4 × 100 = 50
  await expectText(part(page, 'score'), '+50.0');
  await input.pressSequentially('\n8');
  // + 8: 3 promoters, 1 passive, 1 detractor of 5 → (3 − 1)/5 × 100 = 40
  await expectText(part(page, 'score'), '+40.0');
  assert.deepEqual(await counts(page), ['3', '1', '1', '5']);
  assert.equal(await page.evaluate(() => window.results), 13);
  assert.deepEqual(problems, []);
});

test('entries that are not 0–10 are listed with line, column and reason', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/dist/index.html?lang=en`);
  const rejected = part(page, 'rejected');
  assert.equal(await rejected.isVisible(), false);

  await part(page, 'input').fill('9\nabc\n8.5\n12\n10');
  // Counted: 9 and 10, both promoters → (2 − 0)/2 × 100 = +100.0
  await expectText(part(page, 'score'), '+100.0');
  assert.deepEqual(await counts(page), ['2', '0', '0', '2']);
  assert.equal(await rejected.isVisible(), true);
  await expectText(rejected.locator('summary'), '3 entries not counted');
  await rejected.locator('summary').click();
  assert.deepEqual(await rejected.locator('li').allTextContents(), [
    'line 2, column 1 abc — not a number',
    'line 3, column 1 8.5 — not a whole number',
    'line 4, column 1 12 — outside 0\u2060–\u206010',
  ]);
  assert.equal(await rejected.locator('li').first().isVisible(), true);

  // Once the entries are fixed, the list goes away.
  await part(page, 'input').fill('9\n10');
  await expectText(part(page, 'score'), '+100.0');
  assert.equal(await rejected.isVisible(), false);
  assert.deepEqual(problems, []);
});

test('Nederlands switches the page and the widget to Dutch; ?lang=nl starts in Dutch', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/dist/index.html?lang=en`);
  assert.equal(await part(page, 'label').textContent(), STRINGS.en.inputLabel);

  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expectText(part(page, 'label'), STRINGS.nl.inputLabel);
  // 36.67 with a decimal comma, once the embed's core has come
  await expectText(part(page, 'score'), '+36,7');
  assert.equal(await part(page, 'interval').textContent(), '95%-betrouwbaarheidsinterval: +6,2 tot +60,4 · foutmarge ±27,1 punten');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  assert.equal(await page.getByRole('button', { name: 'Nederlands' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('h1').textContent(), 'NPS-calculator');

  await page.getByRole('button', { name: 'English' }).click();
  await expectText(part(page, 'score'), EXAMPLE_SCORE_EN);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

  const dutch = await openPage(t);
  await dutch.page.goto(`${env.origin}/dist/index.html?lang=nl`, { waitUntil: 'domcontentloaded' });
  assert.equal(await part(dutch.page, 'label').textContent(), STRINGS.nl.inputLabel);
  await expectText(part(dutch.page, 'score'), '+36,7');
  assert.equal(await dutch.page.evaluate(() => document.documentElement.lang), 'nl');
  assert.deepEqual(problems, []);
  assert.deepEqual(dutch.problems, []);
});

test('on a bare host page the element fires loyalty-result and exposes window.LoyaltyScore', async (t) => {
  const { page, problems } = await openPage(t);
  await page.addInitScript(() => {
    window.results = [];
    document.addEventListener('loyalty-result', (event) => {
      window.results.push({
        target: event.target.localName,
        bubbles: event.bubbles,
        composed: event.composed,
        score: event.detail.score,
        respondents: event.detail.respondents,
      });
    });
  });
  await page.goto(`${env.origin}/tests/fixtures/bare.html`);
  // Once the embed's core has come.
  await page.waitForFunction(() => window.results.length > 0);
  const first = await page.evaluate(() => window.results);
  assert.equal(first.length, 1, JSON.stringify(first));
  assert.equal(first[0].target, 'loyalty-calculator');
  assert.equal(first[0].bubbles, true);
  assert.equal(first[0].composed, true);
  // 9, 10, 3: 2 promoters, 1 detractor of 3 → (2 − 1)/3 × 100 = 33.33…
  assert.ok(Math.abs(first[0].score - 100 / 3) < 1e-9, String(first[0].score));
  assert.equal(first[0].respondents, 3);
  assert.equal(await part(page, 'score').textContent(), '+33.3');

  await page.evaluate(() => {
    document.querySelector('loyalty-calculator').value = '0\n0';
  });
  const second = await page.evaluate(() => window.results);
  assert.equal(second.length, 2, JSON.stringify(second));
  // 0, 0: 2 detractors of 2 → (0 − 2)/2 × 100 = −100
  assert.equal(second[1].score, -100);
  assert.equal(second[1].respondents, 2);
  await expectText(part(page, 'score'), '-100.0');

  const report = await page.evaluate(() => {
    const api = window.LoyaltyScore;
    return typeof api?.analyzeNps === 'function' ? api.analyzeNps('10\n9\n8\n3') : null;
  });
  assert.ok(report, 'window.LoyaltyScore.analyzeNps is a function');
  // 10, 9, 8, 3: 2 promoters, 1 passive, 1 detractor of 4 → (2 − 1)/4 × 100 = 25
  assert.equal(report.score, 25);
  assert.deepEqual([report.promoters, report.passives, report.detractors, report.respondents], [2, 1, 1, 4]);
  assert.deepEqual(problems, []);
});

test('the script works placed in <head> before the element and loaded with defer', async (t) => {
  for (const [fixture, expected] of [
    // 9, 10, 3: (2 − 1)/3 × 100 = 33.33
    ['head.html', '+33.3'],
    // 10, 10, 10, 7: 3 promoters, 1 passive of 4 → (3 − 0)/4 × 100 = 75
    ['defer.html', '+75.0'],
  ]) {
    const { page, problems } = await openPage(t);
    await page.goto(`${env.origin}/tests/fixtures/${fixture}`);
    await expectText(part(page, 'score'), expected);
    assert.equal(await page.evaluate(() => customElements.get('loyalty-calculator') === window.LoyaltyScore.LoyaltyCalculator), true);
    assert.deepEqual(problems, [], fixture);
  }
});

test('pasted markup is shown as text, never run', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/dist/index.html?lang=en`);
  const probe = [
    '<img src=x onerror="window.__pwned=1">',
    '<script>window.__pwned=2</script>',
    // No spaces, so it stays one entry: an <img> with an empty src, which errors at once.
    '<img/src/onerror=window.__pwned=3>',
  ].join('\n');
  await part(page, 'input').fill(probe);
  await part(page, 'rejected').locator('summary').click();
  await page.waitForTimeout(300); // time for an error event to fire, had an image been made
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(
    await page.evaluate(() => {
      const shadow = document.querySelector('loyalty-calculator').shadowRoot;
      return document.querySelectorAll('img').length + shadow.querySelectorAll('img, script, svg').length;
    }),
    0,
  );
  const text = await part(page, 'rejected').textContent();
  assert.ok(text.includes('<img'), text);
  assert.ok(text.includes('<script>window.__pwned=2</script>'), text);
  assert.ok(text.includes('<img/src/onerror=window.__pwned=3>'), text);
  assert.equal(await part(page, 'score').textContent(), '–');
  assert.deepEqual(problems, []);
});

test('the page requests only its own files', async (t) => {
  // Allowed: the five files of dist/ and nothing else (the page's
  // <link rel="icon" href="data:,"> keeps Chromium from asking for /favicon.ico).
  // Recorded twice: every request the page makes (any origin) and every
  // request the test server receives.
  const allowed = new Set(['/dist/index.html', '/dist/page.css', '/dist/page.js', '/dist/loyalty-calculator.js', '/dist/loyalty-core.js']);
  const seen = [];
  const onServer = (request) => seen.push(new URL(request.url, env.origin).pathname);
  env.server.on('request', onServer);
  t.after(() => env.server.off('request', onServer));

  const { page, problems } = await openPage(t);
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('websocket', (socket) => requested.push(socket.url()));
  await page.goto(`${env.origin}/dist/index.html?lang=en`);
  await part(page, 'input').fill('');
  await part(page, 'input').pressSequentially('10\n9\n3');
  await expectText(part(page, 'score'), '+33.3');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await part(page, 'method').selectOption('wald');
  await page.waitForLoadState('networkidle');

  for (const url of requested) {
    const { origin: from, pathname } = new URL(url);
    assert.equal(from, env.origin, url);
    assert.ok(allowed.has(pathname), url);
  }
  for (const path of seen) assert.ok(allowed.has(path), path);
  for (const path of allowed) {
    assert.ok(requested.some((url) => new URL(url).pathname === path), `${path} was requested`);
  }
  assert.deepEqual(problems, []);
});

test('properties reflect attributes', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/tests/fixtures/bare.html`);
  await page.waitForFunction(() => document.querySelector('loyalty-calculator').report);
  const state = () =>
    page.evaluate(() => {
      const el = document.querySelector('loyalty-calculator');
      return {
        level: el.level,
        method: el.method,
        levelAttribute: el.getAttribute('level'),
        methodAttribute: el.getAttribute('method'),
        reportInterval: el.report.interval,
        levelControl: el.shadowRoot.querySelector('[part="level"]').value,
        methodControl: el.shadowRoot.querySelector('[part="method"]').value,
      };
    });

  let s = await state();
  assert.equal(s.level, 0.95);
  assert.equal(s.method, 'adjusted-wald');
  assert.equal(s.levelAttribute, null);
  assert.deepEqual([s.reportInterval.level, s.reportInterval.method], [0.95, 'adjusted-wald']);

  await page.evaluate(() => document.querySelector('loyalty-calculator').setAttribute('level', 'abc'));
  s = await state();
  assert.equal(s.level, 0.95);
  assert.equal(s.reportInterval.level, 0.95);
  assert.equal(s.levelControl, '0.95');

  await page.evaluate(() => (document.querySelector('loyalty-calculator').level = 0.9));
  s = await state();
  assert.equal(s.levelAttribute, '0.9');
  assert.equal(s.reportInterval.level, 0.9);
  assert.equal(s.levelControl, '0.9');
  assert.match(await part(page, 'interval').textContent(), /^90% confidence interval/);

  await page.evaluate(() => (document.querySelector('loyalty-calculator').method = 'wald'));
  s = await state();
  assert.equal(s.methodAttribute, 'wald');
  assert.equal(s.method, 'wald');
  assert.equal(s.reportInterval.method, 'wald');
  assert.equal(s.methodControl, 'wald');

  await page.evaluate(() => document.querySelector('loyalty-calculator').setAttribute('method', 'nonsense'));
  s = await state();
  assert.equal(s.method, 'adjusted-wald');
  assert.equal(s.reportInterval.method, 'adjusted-wald');

  const report = await page.evaluate(() => document.querySelector('loyalty-calculator').analyze('10\n0'));
  // 10, 0: 1 promoter, 1 detractor of 2 → (1 − 1)/2 = 0
  assert.equal(report.score, 0);
  assert.equal(report.respondents, 2);
  assert.equal(await part(page, 'input').inputValue(), '10\n0');
  assert.equal(await part(page, 'score').textContent(), '0.0');
  assert.deepEqual(problems, []);
});

test('charts are redrawn at the width of their place when it changes after a result', async (t) => {
  const { page, problems } = await openPage(t, { width: 1200 });
  await page.goto(`${env.origin}/dist/index.html?lang=en`);
  await expectText(part(page, 'score'), EXAMPLE_SCORE_EN);
  // The width a chart is drawn at (its viewBox), and the one it should have: its place's width within 240…480.
  const widths = () => page.evaluate(() => {
    const shadow = document.querySelector('loyalty-calculator').shadowRoot;
    const svg = shadow.querySelector('[part~="histogram"] svg');
    const place = Math.round(shadow.querySelector('[part="result"]').clientWidth);
    return { drawn: Number(svg.getAttribute('viewBox').split(' ')[2]), wanted: Math.max(240, Math.min(480, place)) };
  });
  const settle = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const wide = await widths();
  assert.equal(wide.drawn, wide.wanted);
  await page.setViewportSize({ width: 320, height: 800 });
  await settle();
  const narrow = await widths();
  assert.ok(narrow.wanted < wide.wanted, `${narrow.wanted} < ${wide.wanted}`);
  assert.equal(narrow.drawn, narrow.wanted);
  // A new result after the change is drawn at the new width too.
  await part(page, 'input').fill('10\n9\n3');
  await expectText(part(page, 'score'), '+33.3');
  assert.deepEqual(await widths(), narrow);
  assert.deepEqual(problems, []);
});

test('the widget fits narrow screens and the two-column width', async (t) => {
  // 320 px: a small phone; 700 px: one column (the element is narrower than 720 px); 768 px: two columns.
  const { page, problems } = await openPage(t);
  for (const width of [320, 700, 768]) {
    await page.setViewportSize({ width, height: 800 });
    for (const lang of ['en', 'nl']) {
      await page.goto(`${env.origin}/dist/index.html?lang=${lang}`);
      // Measured with the example's result laid out, once the embed's core has come.
      await page.waitForFunction(() => document.querySelector('loyalty-calculator').report);
      const overflow = await page.evaluate(() => {
        const shadow = document.querySelector('loyalty-calculator').shadowRoot;
        const container = shadow.querySelector('.root');
        const style = getComputedStyle(container);
        // The right edge of the container's content box: nothing may reach into its padding.
        const right = container.getBoundingClientRect().right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
        const sticking = [...shadow.querySelectorAll('.root *')]
          .filter((element) => element.getBoundingClientRect().right > right + 0.5)
          .map((element) => element.getAttribute('part') || element.className || element.localName);
        const scrolling = [...shadow.querySelectorAll('.root, .layout, .input, .result, .options')]
          .filter((element) => element.scrollWidth > element.clientWidth)
          .map((element) => element.className);
        return {
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          sticking,
          scrolling,
        };
      });
      assert.deepEqual(overflow, { page: 0, sticking: [], scrolling: [] }, `${width} px, ${lang}`);
    }
  }

  // A long rejected entry (40 characters, the most shown) wraps instead of scrolling sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  await part(page, 'input').fill('9\n<script>window.__pwned=2</script>\n' + 'x'.repeat(40));
  await part(page, 'rejected').locator('summary').click();
  const list = await page.evaluate(() => {
    const ul = document.querySelector('loyalty-calculator').shadowRoot.querySelector('[part="rejected"] ul');
    return { items: ul.children.length, overflow: ul.scrollWidth - ul.clientWidth };
  });
  assert.deepEqual(list, { items: 2, overflow: 0 });
  assert.deepEqual(problems, []);
});
