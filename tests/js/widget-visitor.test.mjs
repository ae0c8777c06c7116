// <loyalty-calculator> as a visitor uses it: pasting and typing, a 100,000-line
// paste, pasted markup, the keyboard alone, copying, downloads, share links,
// themes, the layout by the element's own width, an axe-core scan and
// screenshots (written to target/screenshots/ to be looked at).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { counts, env, expectText, openPage, part, recordEvents, root } from './widget-harness.mjs';

const NL = '#nl-calc';
const EN = '#en-calc';
const HOSTILE = '/tests/fixtures/hostile.html';
const SHOWCASE = '/tests/fixtures/showcase.html';
// showcase.html's main calculator: 29 answers and "n.v.t.": 16 promoters, 7 passives,
// 6 detractors → (16 − 6)/29 × 100 = +34.5. Its sidebar: 10, 9, 8, 3 → +25,0.
const require = createRequire(import.meta.url);

/** The element focused inside the calculator's shadow root, described. */
const focused = (page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return null;
    // A radio button shows its ring on the pill next to it.
    const ring = element.type === 'radio' ? element.nextElementSibling : element;
    const style = getComputedStyle(ring);
    return {
      tag: element.localName,
      part: element.getAttribute('part') ?? '',
      value: element.value ?? '',
      text: element.textContent,
      ring: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });

test('a real paste and typing, in paste mode and in counts mode', async (t) => {
  const { page, problems } = await openPage(t, { clipboard: true });
  await page.goto(`${env.origin}${HOSTILE}`);
  await page.evaluate(() => navigator.clipboard.writeText('Score\n10\n9\n9\n6\nn.v.t.\n8'));
  await part(page, 'input', NL).focus();
  await page.keyboard.press('Control+V');
  // Under a header: 10, 9, 9, 6, 8 counted, "n.v.t." rejected → (3 − 1)/5 × 100 = +40,0
  await expectText(part(page, 'score', NL), '+40,0');
  assert.deepEqual(await counts(page, NL), ['3', '1', '1', '5']);
  assert.equal(await part(page, 'input', NL).inputValue(), 'Score\n10\n9\n9\n6\nn.v.t.\n8');
  assert.equal(await part(page, 'band', NL).textContent(), 'Zeer goed: duidelijk meer promotors dan criticasters');
  await part(page, 'rejected', NL).locator('summary').click();
  assert.deepEqual(await part(page, 'rejected', NL).locator('li').allTextContents(), ['regel 6, kolom 1 n.v.t. — geen getal']);

  // Counts mode starts from the pasted counts; typing changes the result.
  await page.locator(`${NL} [part~="modes"] label`).nth(1).click();
  assert.deepEqual(
    await Promise.all(['promoters', 'passives', 'detractors'].map((name) => part(page, name, NL).inputValue())),
    ['3', '1', '1'],
  );
  await part(page, 'promoters', NL).fill('17');
  await part(page, 'passives', NL).fill('7');
  await part(page, 'detractors', NL).fill('6');
  // 17, 7, 6 of 30: (17 − 6)/30 × 100 = +36,7; adjusted Wald 95 %: +6,2 tot +60,4 (worked out in browser.test.mjs)
  await expectText(part(page, 'score', NL), '+36,7');
  assert.equal(await part(page, 'interval', NL).textContent(), '95%-betrouwbaarheidsinterval: +6,2 tot +60,4 · foutmarge ±27,1 punten');
  assert.equal(await part(page, 'histogram', NL).isVisible(), false, 'no histogram from counts');
  assert.equal(await part(page, 'bar', NL).locator('svg').getAttribute('aria-label'), 'Criticasters 20,0%, passieven 23,3%, promotors 56,7%.');
  // Back to paste mode: the pasted text counts again.
  await page.locator(`${NL} [part~="modes"] label`).nth(0).click();
  await expectText(part(page, 'score', NL), '+40,0');
  assert.deepEqual(problems, []);
});

test('the charts have text alternatives and carry patterns as well as colours', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}${HOSTILE}`);
  await expectText(part(page, 'score', EN), '+25.0');
  // 10, 9, 3, 8 → adjusted Wald 95 %: −44.2 to +72.7 (worked out in the README's example)
  assert.equal(await part(page, 'whisker', EN).locator('svg').getAttribute('aria-label'),
    'Score +25.0 on a scale from −100 to +100; 95% confidence interval from -44.2 to +72.7.');
  assert.equal(await part(page, 'histogram', EN).locator('svg').getAttribute('aria-label'),
    'Answers per score from 0 to 10: 0: 0, 1: 0, 2: 0, 3: 1, 4: 0, 5: 0, 6: 0, 7: 0, 8: 1, 9: 1, 10: 1.');
  const charts = await page.evaluate(() => {
    const shadow = document.querySelector('#en-calc').shadowRoot;
    return [...shadow.querySelectorAll('svg')].map((svg) => ({
      role: svg.getAttribute('role'),
      patterns: [...svg.querySelectorAll('rect[fill^="url(#"]')].map((rect) => rect.getAttribute('fill').replace(/^url\(#.*-/, '')),
      texts: [...svg.querySelectorAll('text')].map((text) => text.textContent),
    }));
  });
  assert.deepEqual(charts.map((chart) => chart.role), ['img', 'img', 'img']);
  // The bar: hatched detractors and dotted passives, in the bar and in its legend, which names them.
  assert.deepEqual(charts[1].patterns, ['hatch)', 'dots)', 'hatch)', 'dots)']);
  assert.deepEqual(charts[1].texts, ['Detractors 25.0%', 'Passives 25.0%', 'Promoters 50.0%']);
  // The histogram: the 3 hatched, the 8 dotted; the groups named under the axis.
  assert.deepEqual(charts[2].patterns, ['hatch)', 'dots)']);
  assert.deepEqual(charts[2].texts.slice(-3), ['Detractors', 'Passives', 'Promoters']);
  assert.deepEqual(problems, []);
});

test('a 100,000-line paste is analysed at once and kept out of the textarea, with view and clear', async (t) => {
  const { page, problems } = await openPage(t, { clipboard: true });
  await recordEvents(page);
  await page.goto(`${env.origin}${HOSTILE}`);
  // Scores 0, 1, …, 10, 0, 1, … on 100,000 lines: 100,000 = 9,090 × 11 + 10, so 0–9 come
  // 9,091 times and 10 comes 9,090 times. Promoters 9,091 + 9,090 = 18,181; passives
  // 2 × 9,091 = 18,182; detractors 7 × 9,091 = 63,637; NPS = (18,181 − 63,637)/1,000 = −45.456.
  const lines = Array.from({ length: 100_000 }, (_, i) => String(i % 11));
  const text = lines.join('\n');
  const bytes = Buffer.byteLength(text); // 190,911: 90,910 one-digit lines + 9,090 "10", and 99,999 newlines
  await page.evaluate((big) => navigator.clipboard.writeText(big), text);
  await part(page, 'input', NL).focus();
  await page.keyboard.press('Control+V');
  // What keeps the page responsive is checked structurally below (the text
  // never enters the textarea); speed is for `make bench`, not for a test.
  await expectText(part(page, 'score', NL), '-45,5', 20_000);
  assert.deepEqual(await counts(page, NL), ['18.181', '18.182', '63.637', '100.000']);
  assert.equal(await page.evaluate(() => document.querySelector('#nl-calc').shadowRoot.querySelector('textarea').value), '');
  assert.equal(await part(page, 'input', NL).isVisible(), false);
  const size = `${new Intl.NumberFormat('nl', { maximumFractionDigits: 1 }).format(bytes / 1e3)} kB`;
  assert.equal(await part(page, 'big-paste', NL).locator('p').textContent(), `100.000 regels geplakt (${size})`);
  assert.equal(await page.evaluate(() => document.querySelector('#nl-calc').value.length), text.length);
  const results = await page.evaluate(() => window.events.filter((e) => e.target === 'nl-calc').map((e) => e.detail.respondents));
  assert.deepEqual(results.slice(-1), [100_000]);
  // Focus moves to "Bekijken", which opens a preview of the first 200 lines.
  assert.equal((await focused(page)).text, 'Bekijken');
  await page.keyboard.press('Enter');
  const preview = part(page, 'big-paste', NL).locator('pre');
  assert.equal(await preview.isVisible(), true);
  const shown = await preview.textContent();
  assert.ok(shown.startsWith(lines.slice(0, 200).join('\n')), shown.slice(0, 40));
  assert.ok(shown.endsWith('\n…en nog 99.800 regels'), shown.slice(-40));
  // "Wissen" empties it and brings the textarea back.
  await part(page, 'big-paste', NL).getByRole('button', { name: 'Wissen' }).click();
  await expectText(part(page, 'score', NL), '–');
  assert.equal(await part(page, 'input', NL).isVisible(), true);
  assert.equal((await focused(page)).part, 'input');
  // The same text set from script also stays out of the textarea.
  await page.evaluate((big) => (document.querySelector('#en-calc').value = big), text);
  await expectText(part(page, 'score', EN), '-45.5');
  assert.equal(await part(page, 'big-paste', EN).locator('p').textContent(), `100,000 lines pasted (${size.replace(',', '.')})`);
  assert.deepEqual(problems, []);
});

test('pasted markup stays inert text, also in a big paste and in the value attribute', async (t) => {
  const { page, problems } = await openPage(t, { clipboard: true });
  await page.goto(`${env.origin}${HOSTILE}`);
  const probe = '<img src=x onerror="window.__pwned=1">\n<svg onload="window.__pwned=2">\n<script>window.__pwned=3</script>';
  await part(page, 'input', NL).fill(probe);
  await part(page, 'rejected', NL).locator('summary').click();
  await page.evaluate((p) => navigator.clipboard.writeText(`${p}\n`.repeat(800) + '9\n'.repeat(1500)), probe);
  await part(page, 'input', EN).fill('');
  await part(page, 'input', EN).focus();
  await page.keyboard.press('Control+V');
  await expectText(part(page, 'score', EN), '+100.0');
  await part(page, 'big-paste', EN).getByRole('button', { name: 'View' }).click();
  await page.evaluate((p) => {
    const el = document.createElement('loyalty-calculator');
    el.id = 'attr';
    el.setAttribute('value', p);
    document.body.append(el);
  }, probe);
  await page.waitForTimeout(300); // time for an error or load event to fire, had an element been made
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const made = await page.evaluate(() =>
    [...document.querySelectorAll('loyalty-calculator')].reduce(
      (n, el) => n + el.shadowRoot.querySelectorAll('img, script, [onerror], [onload]').length,
      document.querySelectorAll('img, script:not([src])').length,
    ));
  assert.equal(made, 0);
  const listed = await part(page, 'rejected', NL).textContent();
  assert.ok(listed.includes('<img') && listed.includes('<script>window.__pwned=3</script>'), listed);
  assert.ok((await part(page, 'big-paste', EN).locator('pre').textContent()).startsWith(probe));
  assert.deepEqual(problems, []);
});

test('everything works from the keyboard alone, with a visible focus ring', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/tests/fixtures/bare.html`);
  const rings = [];
  const step = async (key) => {
    await page.keyboard.press(key);
    const now = await focused(page);
    rings.push(`${now.tag}:${now.ring}`);
    return now;
  };
  let now = await step('Tab');
  assert.deepEqual([now.tag, now.value], ['input', 'paste']);
  now = await step('ArrowRight'); // the second radio button: type counts
  assert.deepEqual([now.tag, now.value], ['input', 'counts']);
  now = await step('Tab');
  assert.equal(now.part, 'count promoters');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('17');
  await step('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('7');
  now = await step('Tab');
  assert.equal(now.part, 'count detractors');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('6');
  await expectText(part(page, 'score'), '+36.7');
  now = await step('Tab');
  assert.equal(now.part, 'level');
  await page.keyboard.press('ArrowDown'); // 95% → 99%
  assert.equal(await page.evaluate(() => document.querySelector('loyalty-calculator').level), 0.99);
  now = await step('Tab');
  assert.equal(now.part, 'method');
  const buttons = [];
  for (let i = 0; i < 6; i++) buttons.push((await step('Tab')).text);
  assert.deepEqual(buttons, ['Copy result', 'CSV', 'JSON', 'Chart (SVG)', 'Chart (PNG)', 'Copy share link']);
  await step('Shift+Tab');
  await step('Shift+Tab');
  await step('Shift+Tab');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter'); // on "JSON"
  assert.equal((await download).suggestedFilename(), 'nps.json');
  assert.deepEqual(rings.filter((ring) => !ring.endsWith('solid 3px')), [], 'every focused control shows a 3 px ring');
  assert.deepEqual(problems, []);
});

test('copy, CSV, JSON, SVG and PNG downloads and a share link, under the strict CSP and with no network requests', async (t) => {
  const seen = [];
  const onServer = (request) => seen.push(new URL(request.url, env.origin).pathname);
  env.server.on('request', onServer);
  t.after(() => env.server.off('request', onServer));

  const { page, problems } = await openPage(t, { clipboard: true });
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('websocket', (socket) => requested.push(socket.url()));
  await page.goto(`${env.origin}${HOSTILE}`);
  await expectText(part(page, 'score', EN), '+25.0');
  const button = (name) => page.locator(`${EN} [part~="actions"]`).getByRole('button', { name, exact: true });

  await button('Copy result').click();
  await expectText(page.locator(`${EN} [part~="actions"] [role="status"]`), 'Result copied.');
  // 10, 9, 3, 8: +25.0; adjusted Wald: n = 7, p = 2.75/7, d = 1.75/7, p − d = 0.142857,
  // var = (0.642857 − 0.020408)/7 = 0.088921, margin = 1.95996 × 0.29820 = 58.4 → −44.2 to +72.7
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), [
    'Net Promoter Score: +25.0 (Good: more promoters than detractors)',
    '95% confidence interval: -44.2 to +72.7 · margin of error ±58.4 points',
    'Promoters (9–10): 2 (50.0%)',
    'Passives (7–8): 1 (25.0%)',
    'Detractors (0–6): 1 (25.0%)',
    'Total: 4',
  ].join('\n'));

  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), button(name).click()]);
    return { name: download.suggestedFilename(), data: readFileSync(await download.path()) };
  };
  const csv = await save('CSV');
  assert.equal(csv.name, 'nps.csv');
  const rows = Object.fromEntries(csv.data.toString().trim().split('\r\n').map((line) => line.split(',')));
  assert.equal(rows.field, 'value');
  assert.deepEqual([rows.score, rows.respondents, rows.promoters, rows.answers_3, rows.answers_10, rows.interval_method], ['25', '4', '2', '1', '1', 'adjusted-wald']);

  const json = await save('JSON');
  assert.equal(json.name, 'nps.json');
  assert.deepEqual(JSON.parse(json.data), await page.evaluate(() => document.querySelector('#en-calc').report));

  const svg = await save('Chart (SVG)');
  assert.equal(svg.name, 'nps-chart.svg');
  const svgText = svg.data.toString();
  assert.match(svgText, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(svgText.includes('Net Promoter Score: +25.0'), 'the score is in the file');
  assert.ok(svgText.includes('fill="#1b7a3d"'), 'colours are in the file');
  assert.ok(!svgText.includes('class='), 'no classes: the file does not depend on the widget stylesheet');

  const png = await save('Chart (PNG)');
  assert.equal(png.name, 'nps-chart.png');
  assert.deepEqual([...png.data.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.data.readUInt32BE(16), 704, 'twice the 352-unit width');

  await button('Copy share link').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${env.origin}${HOSTILE}#c=en-calc&p=2&m=1&d=1`);

  await page.waitForLoadState('networkidle');
  const own = new Set([HOSTILE, '/tests/fixtures/hostile.css', '/dist/loyalty-calculator.js', '/dist/loyalty-core.js']);
  for (const url of requested) {
    if (url.startsWith('blob:')) continue; // the downloads, made in the page
    assert.equal(new URL(url).origin, env.origin, url);
    assert.ok(own.has(new URL(url).pathname), url);
  }
  for (const path of seen) assert.ok(own.has(path) || path === '/favicon.ico', path);

  // The link restores the counts into that calculator only, in counts mode.
  const shared = await openPage(t);
  await shared.page.goto(link);
  await expectText(part(shared.page, 'score', EN), '+25.0');
  assert.equal(await part(shared.page, 'promoters', EN).inputValue(), '2');
  assert.equal(await part(shared.page, 'input', EN).isVisible(), false);
  assert.equal(await part(shared.page, 'score', NL).textContent(), '–');
  assert.deepEqual(problems, []);
  assert.deepEqual(shared.problems, []);
});

test('copying where the clipboard is not allowed shows the text to copy by hand', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/tests/fixtures/bare.html`);
  await page.waitForFunction(() => document.querySelector('loyalty-calculator').report);
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await part(page, 'action').click();
  const manual = page.locator('loyalty-calculator textarea.manual');
  assert.equal(await manual.isVisible(), true);
  assert.match(await manual.inputValue(), /^Net Promoter Score: \+33\.3/);
  assert.deepEqual(problems, []);
});

test('themes: light by default, dark, auto following the colour scheme; motion only without reduced-motion', async (t) => {
  const background = (page, id) => page.evaluate((s) => getComputedStyle(document.querySelector(s).shadowRoot.querySelector('.root')).backgroundColor, id);
  const transition = (page) => page.evaluate(() => getComputedStyle(document.querySelector('#side').shadowRoot.querySelector('button')).transitionDuration);
  {
    const { page, problems } = await openPage(t, { colorScheme: 'dark', reducedMotion: 'reduce' });
    await page.goto(`${env.origin}${SHOWCASE}`);
    await expectText(part(page, 'score', '#main'), '+34.5');
    assert.equal(await background(page, '#main'), 'rgb(22, 27, 34)');
    assert.equal(await transition(page), '0s');
    await page.evaluate(() => (document.querySelector('#main').theme = 'light'));
    assert.equal(await background(page, '#main'), 'rgb(255, 255, 255)');
    assert.deepEqual(problems, []);
  }
  const { page, problems } = await openPage(t, { colorScheme: 'light' });
  await page.goto(`${env.origin}${SHOWCASE}`);
  await expectText(part(page, 'score', '#main'), '+34.5');
  assert.equal(await background(page, '#main'), 'rgb(255, 255, 255)');
  assert.notEqual(await transition(page), '0s');
  await page.evaluate(() => (document.querySelector('#main').theme = 'dark'));
  assert.equal(await background(page, '#main'), 'rgb(22, 27, 34)');
  await page.evaluate(() => document.querySelector('#main').removeAttribute('theme'));
  assert.equal(await background(page, '#main'), 'rgb(255, 255, 255)');
  // Custom properties from the host page.
  await page.evaluate(() => document.querySelector('#main').style.setProperty('--loyalty-background', 'rgb(250, 240, 230)'));
  assert.equal(await background(page, '#main'), 'rgb(250, 240, 230)');
  assert.deepEqual(problems, []);
});

test('the layout follows the element\'s own width, not the viewport', async (t) => {
  const { page, problems } = await openPage(t, { width: 1280 });
  await page.goto(`${env.origin}${SHOWCASE}`);
  await expectText(part(page, 'score', '#side'), '+25,0');
  const columns = (id) =>
    page.evaluate((s) => {
      const shadow = document.querySelector(s).shadowRoot;
      const a = shadow.querySelector('.input').getBoundingClientRect();
      const b = shadow.querySelector('.result').getBoundingClientRect();
      return { sideBySide: Math.abs(a.top - b.top) < 1 && b.left > a.right, width: Math.round(document.querySelector(s).getBoundingClientRect().width) };
    }, id);
  assert.deepEqual(await columns('#main'), { sideBySide: true, width: 876 });
  // The 300 px sidebar at a 1280 px viewport: one column, compact or not.
  assert.deepEqual(await columns('#side'), { sideBySide: false, width: 300 });
  await page.evaluate(() => (document.querySelector('#side').compact = false));
  assert.deepEqual(await columns('#side'), { sideBySide: false, width: 300 });
  // Compact stays one column even where there is room.
  await page.evaluate(() => (document.querySelector('#main').compact = true));
  assert.equal((await columns('#main')).sideBySide, false);
  assert.deepEqual(problems, []);
});

test('axe-core finds no serious or critical problems, light and dark, English and Dutch', async (t) => {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  for (const colorScheme of ['light', 'dark']) {
    const { page, problems } = await openPage(t, { colorScheme });
    await page.goto(`${env.origin}${SHOWCASE}`);
    await expectText(part(page, 'score', '#main'), '+34.5');
    // Open what can be opened: the rejected entry, counts mode in the sidebar, a copy failure.
    await part(page, 'rejected', '#main').locator('summary').click();
    await page.locator('#side [part~="modes"] label').nth(1).click();
    await part(page, 'promoters', '#side').fill('-1');
    await page.addScriptTag({ content: source });
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    assert.deepEqual(serious, [], colorScheme);
    assert.deepEqual(problems, []);
  }
});

test('screenshots at 320, 768 and 1280 px, light and dark, fit without sideways scrolling', async (t) => {
  const folder = join(root, 'target', 'screenshots');
  mkdirSync(folder, { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [320, 768, 1280]) {
      const { page, problems } = await openPage(t, { width, colorScheme });
      await page.goto(`${env.origin}${SHOWCASE}`);
      await expectText(part(page, 'score', '#main'), '+34.5');
      await part(page, 'rejected', '#main').locator('summary').click();
      const overflow = await page.evaluate(() => {
        const sticking = [];
        for (const el of document.querySelectorAll('loyalty-calculator')) {
          const box = el.getBoundingClientRect();
          for (const inner of el.shadowRoot.querySelectorAll('.root *')) {
            if (inner.getBoundingClientRect().right > box.right + 0.5) sticking.push(`${el.id} ${inner.localName}.${inner.getAttribute('class')}`);
          }
        }
        return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, sticking };
      });
      assert.deepEqual(overflow, { page: 0, sticking: [] }, `${width} px ${colorScheme}`);
      await page.screenshot({ path: join(folder, `showcase-${width}-${colorScheme}.png`), fullPage: true });
      assert.deepEqual(problems, []);
    }
  }
  for (const width of [320, 1280]) {
    const { page, problems } = await openPage(t, { width });
    await page.goto(`${env.origin}${HOSTILE}`);
    await expectText(part(page, 'score', EN), '+25.0');
    await page.screenshot({ path: join(folder, `hostile-${width}.png`), fullPage: true });
    assert.deepEqual(problems, []);
  }
});
