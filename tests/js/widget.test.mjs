// <loyalty-calculator> as a host page meets it: a strict CSP, hostile CSS,
// several instances, scripts loaded every way, the attribute and property API,
// events, and the iframe embed. Expected numbers are worked out in comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CSP, counts, env, expectText, openPage, part, recordEvents } from './widget-harness.mjs';

const NL = '#nl-calc';
const EN = '#en-calc';

test('under a strict CSP and hostile page CSS, an nl and an en instance work independently, with no violations', async (t) => {
  const { page, problems } = await openPage(t);
  const response = await page.goto(`${env.origin}/tests/fixtures/hostile.html`);
  assert.equal(response.headers()['content-security-policy'], CSP);

  // The policy is in force: a <style> element added to the page is blocked and reported.
  const blocked = await page.evaluate(async () => {
    const style = document.createElement('style');
    style.textContent = 'body { --probe: 1 }';
    const reported = new Promise((done) => document.addEventListener('securitypolicyviolation', done, { once: true }));
    document.head.append(style);
    await reported;
    const applied = getComputedStyle(document.body).getPropertyValue('--probe');
    style.remove();
    return applied;
  });
  assert.equal(blocked, '');
  assert.ok(problems.some((problem) => problem.startsWith('console.error: CSP violation: style-src-elem')), problems.join('\n'));
  problems.length = 0;

  // en: 10, 9, 3, 8 → 2 promoters, 1 passive, 1 detractor of 4 → (2 − 1)/4 × 100 = +25.0
  await expectText(part(page, 'score', EN), '+25.0');
  assert.deepEqual(await counts(page, EN), ['2', '1', '1', '4']);
  // nl (from <div lang="nl">): empty, Dutch words.
  assert.equal(await part(page, 'score', NL).textContent(), '–');
  assert.equal(await part(page, 'label', NL).textContent(), 'Plak je antwoorden van 0\u2060–\u206010 (een kolom uit een spreadsheet, of één per regel)');
  assert.equal(await part(page, 'privacy', NL).textContent(), 'Je gegevens verlaten deze pagina nooit: alles wordt in je browser berekend.');
  assert.equal(await part(page, 'privacy', EN).textContent(), 'Your data never leaves this page: everything is computed in your browser.');

  await part(page, 'input', NL).pressSequentially('10\n10\n6');
  // 10, 10, 6: (2 − 1)/3 × 100 = 33.33 → "+33,3" with a decimal comma
  await expectText(part(page, 'score', NL), '+33,3');
  assert.equal(await part(page, 'score', EN).textContent(), '+25.0', 'the other instance is untouched');
  assert.equal(await part(page, 'input', EN).inputValue(), '10\n9\n3\n8');

  // Hostile CSS does not reach inside: sizes, fonts, colours and display are the widget's own.
  const look = await page.evaluate(() => {
    const shadow = document.querySelector('#en-calc').shadowRoot;
    const style = (selector) => getComputedStyle(shadow.querySelector(selector));
    return {
      scoreSize: style('[part="score"]').fontSize,
      font: style('.root').fontFamily,
      color: style('.root').color,
      transform: style('label').textTransform,
      spacing: style('label').letterSpacing,
      fontStyle: style('label').fontStyle,
      whiteSpace: style('.root').whiteSpace,
      textareaHeight: shadow.querySelector('textarea').getBoundingClientRect().height,
      svgDisplay: style('svg').display,
      rootDisplay: style('.root').display,
      buttonBackground: style('button').backgroundColor,
    };
  });
  assert.equal(look.scoreSize, '48px');
  assert.doesNotMatch(look.font, /comic/i);
  assert.equal(look.color, 'rgb(29, 35, 43)');
  assert.equal(look.transform, 'none');
  assert.equal(look.spacing, 'normal');
  assert.equal(look.fontStyle, 'normal');
  assert.equal(look.whiteSpace, 'normal');
  assert.ok(look.textareaHeight > 150, String(look.textareaHeight));
  assert.equal(look.svgDisplay, 'block');
  assert.equal(look.rootDisplay, 'block');
  assert.equal(look.buttonBackground, 'rgb(255, 255, 255)');
  assert.deepEqual(problems, []);
});

/** Adds elements named like the widget's own parts to the page and returns their computed styles. */
function hostStyles(page) {
  return page.evaluate(() => {
    const host = document.createElement('div');
    for (const [tag, cls] of [['p', 'score'], ['div', 'root'], ['div', 'layout'], ['label', ''], ['textarea', ''], ['table', ''], ['button', ''], ['p', 'note'], ['svg', '']]) {
      const element = document.createElement(tag);
      if (cls) element.className = cls;
      element.textContent = 'host';
      host.append(element);
    }
    document.body.append(host);
    return {
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      styleElements: document.querySelectorAll('style').length,
      computed: [...host.children].map((element) => {
        const s = getComputedStyle(element);
        return [s.fontSize, s.fontWeight, s.fontFamily, s.color, s.backgroundColor, s.display, s.borderTopWidth, s.padding, s.margin, s.outlineStyle].join(' ');
      }),
    };
  });
}

test('the element adds no styles to the host page', async (t) => {
  // late.html with the widget, and the same page with its script replaced by an empty one.
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/tests/fixtures/late.html`);
  await expectText(part(page, 'score', '#early'), '+50.0');
  const withWidget = await hostStyles(page);

  const plain = await openPage(t);
  await plain.page.route('**/dist/loyalty-calculator.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await plain.page.goto(`${env.origin}/tests/fixtures/late.html`);
  assert.equal(await plain.page.evaluate(() => typeof customElements.get('loyalty-calculator')), 'undefined');
  const withoutWidget = await hostStyles(plain.page);

  assert.deepEqual(withWidget, withoutWidget);
  assert.equal(withWidget.adopted, 0);
  assert.equal(withWidget.styleElements, 0);
  assert.equal(await page.evaluate(() => document.querySelector('#early').shadowRoot.adoptedStyleSheets.length), 1);
  assert.deepEqual(problems, []);
});

test('the script works with async, after the element, and for elements added later; early properties are kept', async (t) => {
  {
    const { page, problems } = await openPage(t);
    await page.goto(`${env.origin}/tests/fixtures/async.html`);
    // 10, 9, 0, 0: (2 − 2)/4 = 0
    await expectText(part(page, 'score'), '0.0');
    assert.deepEqual(problems, []);
  }
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/tests/fixtures/late.html`);
  // Set before the definition: value 10, 10, 10, 6 → (3 − 1)/4 × 100 = +50.0; level 0.9; compact.
  await expectText(part(page, 'score', '#early'), '+50.0');
  const early = await page.evaluate(() => {
    const el = document.querySelector('#early');
    return { level: el.level, levelAttribute: el.getAttribute('level'), compact: el.hasAttribute('compact'), interval: el.report.interval.level };
  });
  assert.deepEqual(early, { level: 0.9, levelAttribute: '0.9', compact: true, interval: 0.9 });
  assert.match(await part(page, 'interval', '#early').textContent(), /^90% confidence interval/);

  // Created from script after the definition, attributes set before insertion.
  await page.evaluate(() => {
    const el = document.createElement('loyalty-calculator');
    el.id = 'later';
    el.setAttribute('lang', 'nl');
    el.value = '9\n9\n9\n0';
    document.body.append(el);
  });
  // 9, 9, 9, 0: (3 − 1)/4 × 100 = +50,0
  await expectText(part(page, 'score', '#later'), '+50,0');
  assert.equal(await part(page, 'score', '#early').textContent(), '+50.0');
  assert.deepEqual(problems, []);
});

test('every attribute is mirrored by a property, with safe defaults', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/tests/fixtures/bare.html`);
  // The first result, once the embed's core has come; from then on every change re-renders at once.
  await page.waitForFunction(() => document.querySelector('loyalty-calculator').report);
  const props = () =>
    page.evaluate(() => {
      const el = document.querySelector('loyalty-calculator');
      return { metric: el.metric, lang: el.lang, language: el.language, level: el.level, method: el.method, theme: el.theme, compact: el.compact, value: el.value };
    });
  assert.deepEqual(await props(), { metric: 'nps', lang: 'en', language: 'en', level: 0.95, method: 'adjusted-wald', theme: 'light', compact: false, value: '9\n10\n3' });

  await page.evaluate(() => {
    const el = document.querySelector('loyalty-calculator');
    Object.assign(el, { metric: 'nps', lang: 'nl', level: 0.99, method: 'tango', theme: 'dark', compact: true });
  });
  const attributes = await page.evaluate(() =>
    Object.fromEntries(['metric', 'lang', 'level', 'method', 'theme', 'compact'].map((name) => [name, document.querySelector('loyalty-calculator').getAttribute(name)])));
  assert.deepEqual(attributes, { metric: 'nps', lang: 'nl', level: '0.99', method: 'tango', theme: 'dark', compact: '' });
  assert.equal((await props()).language, 'nl');
  assert.match(await part(page, 'interval').textContent(), /^99%-betrouwbaarheidsinterval/);
  assert.equal(await page.evaluate(() => document.querySelector('loyalty-calculator').report.interval.method), 'tango');

  await page.evaluate(() => {
    const el = document.querySelector('loyalty-calculator');
    for (const [name, value] of [['metric', 'csat'], ['theme', 'neon'], ['level', '2'], ['method', 'bogus']]) el.setAttribute(name, value);
    el.compact = false;
  });
  const fallback = await props();
  assert.deepEqual([fallback.metric, fallback.theme, fallback.level, fallback.method, fallback.compact], ['nps', 'light', 0.95, 'adjusted-wald', false]);

  await page.evaluate(() => (document.querySelector('loyalty-calculator').value = '10\n0\n0'));
  // 10, 0, 0: (1 − 2)/3 × 100 = −33.3 (Dutch: "-33,3")
  await expectText(part(page, 'score'), '-33,3');
  assert.equal((await props()).value, '10\n0\n0');
  assert.deepEqual(problems, []);
});

test('lang comes from the closest lang attribute, follows <html lang>, and falls back to the browser', async (t) => {
  for (const [locale, expected] of [['nl-NL', 'nl'], ['en-GB', 'en'], ['nl-BE', 'nl']]) {
    const { page, problems } = await openPage(t, { locale });
    await page.goto(`${env.origin}/tests/fixtures/late.html`); // no lang on the element; <html lang="en">
    await page.evaluate(() => document.documentElement.removeAttribute('lang'));
    assert.equal(await page.evaluate(() => document.querySelector('#early').language), expected, locale);
    assert.equal(await part(page, 'label', '#early').textContent(),
      expected === 'nl' ? 'Plak je antwoorden van 0\u2060–\u206010 (een kolom uit een spreadsheet, of één per regel)'
        : 'Paste your 0\u2060–\u206010 answers (a column from a spreadsheet, or one per line)');
    assert.deepEqual(problems, []);
  }
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/tests/fixtures/late.html`);
  assert.equal(await page.evaluate(() => document.querySelector('#early').language), 'en');
  await page.evaluate(() => (document.documentElement.lang = 'nl'));
  await expectText(part(page, 'score', '#early'), '+50,0');
  // Inside another component's shadow root, the lang of that component's host counts.
  const nested = await page.evaluate(() => {
    const outer = document.createElement('div');
    outer.setAttribute('lang', 'en');
    document.body.append(outer);
    const shadow = outer.attachShadow({ mode: 'open' });
    const el = document.createElement('loyalty-calculator');
    shadow.append(el);
    return el.language;
  });
  assert.equal(nested, 'en');
  assert.deepEqual(problems, []);
});

test('loyalty-result and loyalty-error carry the report; analyze() returns it', async (t) => {
  const { page, problems } = await openPage(t);
  await recordEvents(page);
  await page.goto(`${env.origin}/tests/fixtures/hostile.html`);
  const events = () => page.evaluate(() => window.events.splice(0));
  // One result at start-up for each instance, once the embed's core has come: the empty nl one and the en one.
  await page.waitForFunction(() => window.events.length >= 2);
  const initial = await events();
  assert.deepEqual(initial.map((e) => [e.type, e.target, e.bubbles, e.composed]), [
    ['loyalty-result', 'nl-calc', true, true],
    ['loyalty-result', 'en-calc', true, true],
  ]);
  assert.equal(initial[1].detail.score, 25);

  await part(page, 'input', NL).fill('9\n9\n7');
  let [event] = await events();
  // 9, 9, 7: (2 − 0)/3 × 100 = 66.67
  assert.equal(event.type, 'loyalty-result');
  assert.equal(event.target, 'nl-calc');
  const expected = await page.evaluate(() => window.LoyaltyScore.analyzeNps('9\n9\n7'));
  assert.deepEqual(event.detail, expected);
  assert.ok(Math.abs(event.detail.score - 200 / 3) < 1e-9);

  // Nothing countable: an error with the code, a message and the report listing what was rejected.
  await part(page, 'input', NL).fill('ja\nnee');
  [event] = await events();
  assert.equal(event.type, 'loyalty-error');
  assert.equal(event.detail.code, 'nothing-counted');
  assert.equal(event.detail.message, 'Er is geen antwoord van 0\u2060–\u206010 gevonden.');
  assert.equal(event.detail.report.rejectedCount, 2);
  assert.equal(await part(page, 'interval', NL).textContent(), event.detail.message);

  // Counts that are not whole numbers of 0 or more.
  await page.locator(`${NL} [part~="modes"] label`).nth(1).click();
  await events();
  await part(page, 'promoters', NL).fill('-3');
  [event] = await events();
  assert.deepEqual([event.type, event.detail.code], ['loyalty-error', 'invalid-counts']);
  assert.equal(await part(page, 'promoters', NL).getAttribute('aria-invalid'), 'true');

  // analyze(text) from script: the report back, shown, and one loyalty-result.
  const report = await page.evaluate(() => document.querySelector('#en-calc').analyze('10\n10\n10\n0'));
  // 10, 10, 10, 0: (3 − 1)/4 × 100 = +50
  assert.equal(report.score, 50);
  assert.equal(await part(page, 'score', EN).textContent(), '+50.0');
  assert.equal(await part(page, 'input', EN).inputValue(), '10\n10\n10\n0');
  [event] = await events();
  assert.deepEqual([event.type, event.target, event.detail.score], ['loyalty-result', 'en-calc', 50]);
  assert.deepEqual(problems, []);
});

test('metric sci, likert and clv show their own controls; nps brings its own back, with its text kept', async (t) => {
  const { page, problems } = await openPage(t);
  await recordEvents(page);
  await page.goto(`${env.origin}/tests/fixtures/bare.html`);
  const visibleParts = () => page.evaluate(() => {
    const shadow = document.querySelector('loyalty-calculator').shadowRoot;
    return ['modes', 'input', 'scale', 'level', 'method', 'retention-form', 'clv-form', 'score']
      .filter((name) => [...shadow.querySelectorAll(`[part~="${name}"]`)].some((e) => e.getClientRects().length > 0));
  });
  for (const [metric, lang, label, parts] of [
    ['sci', 'en', 'Paste three columns of answers: overall satisfaction, would buy again, would recommend (a header row names them; without one, that order is used)', ['input', 'scale', 'level', 'score']],
    ['likert', 'nl', 'Plak je antwoorden op de gekozen schaal (een kolom uit een spreadsheet, of één per regel)', ['input', 'scale', 'level', 'score']],
    ['clv', 'en', null, ['retention-form', 'clv-form']],
  ]) {
    await page.evaluate(([m, l]) => {
      const el = document.querySelector('loyalty-calculator');
      el.lang = l;
      el.metric = m;
    }, [metric, lang]);
    if (label) await expectText(part(page, 'label'), label);
    assert.deepEqual(await visibleParts(), parts, metric);
    assert.equal(await part(page, 'privacy').isVisible(), true);
    // Each metric starts with an empty text of its own: the NPS answers stay with the NPS.
    assert.equal(await page.evaluate(() => document.querySelector('loyalty-calculator').value), '');
  }
  // With metric="clv", analyze() takes an object; text is refused with loyalty-error.
  await page.evaluate(() => window.events.splice(0));
  assert.equal(await page.evaluate(() => document.querySelector('loyalty-calculator').analyze('9')), null);
  const [event] = await page.evaluate(() => window.events.splice(0));
  assert.deepEqual([event.type, event.detail.code], ['loyalty-error', 'invalid-input']);

  await page.evaluate(() => {
    const el = document.querySelector('loyalty-calculator');
    el.lang = 'en';
    el.metric = 'nps';
  });
  assert.deepEqual(await visibleParts(), ['modes', 'input', 'level', 'method', 'score']);
  // 9, 10, 3 (the fixture's value, kept while the other metrics were shown): +33.3
  await expectText(part(page, 'score'), '+33.3');
  assert.equal(await part(page, 'input').inputValue(), '9\n10\n3');
  assert.deepEqual(problems, []);
});

test('the iframe embed takes its options from the query, sizes to its content and runs under its own strict CSP', async (t) => {
  const { page, problems } = await openPage(t, { width: 900 });
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  const src = `/dist/embed.html?metric=nps&lang=nl&level=0.9&value=${encodeURIComponent('10\n9\n8\n3\n10')}`;
  await page.goto(`${env.origin}/tests/fixtures/iframe.html?src=${encodeURIComponent(src)}`);
  const frame = page.frameLocator('#frame');
  // 10, 9, 8, 3, 10: (3 − 1)/5 × 100 = +40,0
  await expectText(frame.locator('loyalty-calculator [part="score"]'), '+40,0');
  assert.match(await frame.locator('loyalty-calculator [part="interval"]').textContent(), /^90%-betrouwbaarheidsinterval/);
  assert.equal(await frame.locator('html').getAttribute('lang'), 'nl');
  // The frame's content height was posted to the host, which sized the frame to it.
  const sizes = async () =>
    page.evaluate(() => {
      const frameElement = document.querySelector('#frame');
      const inner = frameElement.contentDocument.querySelector('loyalty-calculator').getBoundingClientRect().height;
      return { frame: frameElement.getBoundingClientRect().height, inner: Math.ceil(inner) };
    });
  let size = await sizes();
  for (let i = 0; i < 50 && size.frame !== size.inner; i++) {
    await page.waitForTimeout(20);
    size = await sizes();
  }
  assert.equal(size.frame, size.inner);
  assert.ok(size.inner > 300 && size.inner < 1400, JSON.stringify(size));
  // The embed page declares the strict policy itself.
  assert.equal(
    await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
    CSP,
  );
  for (const url of requested) {
    assert.ok(['/tests/fixtures/iframe.html', '/tests/fixtures/iframe-host.js', '/dist/embed.html', '/dist/loyalty-calculator.js', '/dist/loyalty-core.js', '/dist/embed-frame.js'].includes(new URL(url).pathname), url);
  }

  // Other options: sci, compact, dark; the value is read as three columns.
  const sci = encodeURIComponent('satisfaction\trepurchase\trecommend\n9\t10\t9\n7\t7\t8');
  await page.evaluate((value) => (document.querySelector('#frame').src = `/dist/embed.html?metric=sci&lang=en&compact&theme=dark&value=${value}`), sci);
  // Row 2 is secure (all 9–10), row 3 favorable (all 7–10): 1 of 2 secure → 50.0%
  await expectText(frame.locator('loyalty-calculator [part="score"]'), '50.0%');
  const attributes = await frame.locator('loyalty-calculator').evaluate((el) => [el.compact, el.theme, el.metric]);
  assert.deepEqual(attributes, [true, 'dark', 'sci']);
  assert.deepEqual(problems, []);
});
