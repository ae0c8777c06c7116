// The <loyalty-calculator> cases run in Firefox and in WebKit (each test file
// passes its driver to `browserTests`): the strict CSP of hostile.html,
// typing, pasting, a file and its column picker, the exports, host pages that
// altered the built-ins, no network requests of the widget's own, recovery
// from a trap in the module, and flat
// memory over 10,000 recomputations. Expected numbers are worked out in comments.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { waitFor } from './driver.mjs';
import { captureDownloads } from './probe.mjs';
import { buildTrapTest } from '../trap-build.mjs';
import { ALTERED, FROZEN, HOSTILE, NO_WASM, NO_WASM_BUILD, REPORTS, root, startSite } from './site.mjs';

const EN = '#en-calc';
const NL = '#nl-calc';
const QUALTRICS = join(root, 'tests/fixtures/exports/qualtrics-numeric.csv');
const EMBED = '/dist/loyalty-calculator.js';
const CORE = '/dist/loyalty-core.js';

// In the page: the text of a part, the Respondents column, an element to type into or click.
const partText = (calculator, name) => document.querySelector(calculator).shadowRoot.querySelector(`[part~="${name}"]`)?.textContent ?? null;
const tableCounts = (calculator) => [...document.querySelector(calculator).shadowRoot.querySelectorAll('[part="table"] tbody tr td:first-of-type')].map((cell) => cell.textContent);
const locate = (calculator, selector) => `(() => document.querySelector(${JSON.stringify(calculator)}).shadowRoot.querySelector(${JSON.stringify(selector)}))`;
const button = (calculator, name) => `(() => [...document.querySelector(${JSON.stringify(calculator)}).shadowRoot.querySelectorAll('[part~="actions"] button')].find((b) => b.textContent === ${JSON.stringify(name)}))`;

/** Waits (up to `timeout` ms) for `fn(...args)` in the page to equal `want`, then asserts it. */
async function expectValue(driver, fn, args, want, timeout = 10_000) {
  const end = Date.now() + timeout;
  let got = await driver.evaluate(fn, ...args);
  while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < end) {
    await new Promise((done) => setTimeout(done, 40));
    got = await driver.evaluate(fn, ...args);
  }
  assert.deepEqual(got, want);
}
const expectScore = (driver, calculator, want, timeout) => expectValue(driver, partText, [calculator, 'score'], want, timeout);
const expectCounts = (driver, calculator, want, timeout) => expectValue(driver, tableCounts, [calculator], want, timeout);

/** Console errors, page errors and CSP violations so far that come from the page. */
async function pageProblems({ driver, site }) {
  // WebKit's MiniBrowser asks for /favicon.ico itself, under the page's policy
  // (see site.mjs); whether it does, and when, depends on the pages it saw before.
  const browsers = (problem) => problem !== `CSP violation: img-src ${site.origin}/favicon.ico`;
  return (await driver.problems()).filter(browsers);
}

/** No console error, page error, CSP violation or CSP report so far. */
async function assertClean(ctx) {
  assert.deepEqual([...(await pageProblems(ctx)), ...ctx.site.reports(ctx.since)], []);
}

/** Opens hostile.html and waits for the English calculator's example: 10, 9, 3, 8 → +25.0. */
async function openHostile(ctx) {
  const { driver, site } = ctx;
  ctx.since = site.requests.length;
  await driver.open(`${site.origin}${HOSTILE}`);
  // 10, 9, 3, 8 → 2 promoters, 1 passive, 1 detractor of 4 → (2 − 1)/4 × 100 = +25.0
  await expectScore(driver, EN, '+25.0');
}

export const CASES = [
  {
    name: 'hostile.html under its strict CSP: both calculators load with no violation, and the policy is in force',
    async run(ctx) {
      const { driver, site } = ctx;
      await openHostile(ctx);
      assert.deepEqual(await driver.evaluate(tableCounts, EN), ['2', '1', '1', '4']);
      // nl (from <div lang="nl">): empty, in Dutch.
      assert.equal(await driver.evaluate(partText, NL, 'score'), '–');
      assert.equal(await driver.evaluate(partText, NL, 'privacy'), 'Je gegevens verlaten deze pagina nooit: alles wordt in je browser berekend.');
      assert.equal(await driver.evaluate(partText, EN, 'privacy'), 'Your data never leaves this page: everything is computed in your browser.');
      assert.equal(await driver.evaluate(() => customElements.get('loyalty-calculator') !== undefined && typeof window.LoyaltyScore?.analyzeNps), 'function');
      await assertClean(ctx);

      // The policy is in force and violations are seen: a <style> added to the page is
      // blocked, the listener reports it, and so does the browser (one CSP report).
      const applied = await driver.evaluate(async () => {
        const style = document.createElement('style');
        style.textContent = 'body { --probe: 1 }';
        const reported = new Promise((done) => document.addEventListener('securitypolicyviolation', done, { once: true }));
        document.head.append(style);
        await reported;
        const value = getComputedStyle(document.body).getPropertyValue('--probe');
        style.remove();
        return value;
      });
      assert.equal(applied, '');
      const problems = await pageProblems(ctx);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0], /CSP violation: style-src(-elem)? /);
      const end = Date.now() + 5000;
      while (site.reports(ctx.since).length === 0 && Date.now() < end) await new Promise((done) => setTimeout(done, 50));
      assert.equal(site.reports(ctx.since).length, 1, 'the browser sent the violation to report-uri');
    },
  },
  {
    name: 'typing answers, then typing the three counts',
    async run(ctx) {
      const { driver, site } = ctx;
      await openHostile(ctx);
      await driver.type(locate(NL, 'textarea'), '10\n10\n6');
      // 10, 10, 6: (2 − 1)/3 × 100 = 33.33 → "+33,3" with a decimal comma
      await expectScore(driver, NL, '+33,3');
      assert.deepEqual(await driver.evaluate(tableCounts, NL), ['2', '0', '1', '3']);
      assert.equal(await driver.evaluate(() => document.querySelector('#nl-calc').value), '10\n10\n6');
      assert.equal(await driver.evaluate(partText, EN, 'score'), '+25.0', 'the other instance is untouched');

      // Counts mode starts from the typed answers' counts: 2, 0, 1.
      await driver.click(`(() => document.querySelector('#nl-calc').shadowRoot.querySelectorAll('[part~="modes"] label')[1])`);
      const fields = (calculator) => ['promoters', 'passives', 'detractors'].map((name) => document.querySelector(calculator).shadowRoot.querySelector(`[part~="${name}"]`).value);
      await expectValue(driver, fields, [NL], ['2', '0', '1']);
      for (const [name, count] of [['promoters', '17'], ['passives', '7'], ['detractors', '6']]) {
        await driver.evaluate((selector) => (document.querySelector('#nl-calc').shadowRoot.querySelector(selector).value = ''), `[part~="${name}"]`);
        await driver.type(locate(NL, `[part~="${name}"]`), count);
      }
      assert.deepEqual(await driver.evaluate(fields, NL), ['17', '7', '6']);
      // 17, 7, 6 of 30: (17 − 6)/30 × 100 = +36,7
      await expectScore(driver, NL, '+36,7');
      assert.deepEqual(await driver.evaluate(tableCounts, NL), ['17', '7', '6', '30']);
      await assertClean(ctx);
    },
  },
  {
    name: 'pasting: text set as the value with an input event, and a paste event carrying a DataTransfer',
    async run(ctx) {
      const { driver, site } = ctx;
      await openHostile(ctx);
      await driver.evaluate(() => {
        const textarea = document.querySelector('#nl-calc').shadowRoot.querySelector('textarea');
        textarea.value = 'Score\n10\n9\n9\n6\nn.v.t.\n8';
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
      });
      // Under a header: 10, 9, 9, 6, 8 counted, "n.v.t." rejected → (3 − 1)/5 × 100 = +40,0
      await expectScore(driver, NL, '+40,0');
      assert.deepEqual(await driver.evaluate(tableCounts, NL), ['3', '1', '1', '5']);
      const rejected = await driver.evaluate(() => [...document.querySelector('#nl-calc').shadowRoot.querySelectorAll('[part~="rejected"] li')].map((li) => li.textContent));
      assert.deepEqual(rejected, ['regel 6, kolom 1 n.v.t. — geen getal']);

      // A paste of more than 2,000 lines is taken by the widget itself (the event's
      // default, which a script's event cannot have, is only for small pastes):
      // 1,200 × 10, 600 × 8, 400 × 2 → (1,200 − 400)/2,200 × 100 = 36.36 → +36.4.
      // Bytes: 1,200 × 2 + 600 + 400 digits and 2,199 newlines = 5,599 → 5.6 kB.
      // The event is made with a DataTransfer as clipboardData; Firefox copies none of its
      // data into the event, and takes Gecko's own `dataType` and `data` instead.
      const pasted = await driver.evaluate(() => {
        const text = [...Array(1200).fill('10'), ...Array(600).fill('8'), ...Array(400).fill('2')].join('\n');
        const textarea = document.querySelector('#en-calc').shadowRoot.querySelector('textarea');
        const transfer = new DataTransfer();
        transfer.setData('text/plain', text);
        const init = { clipboardData: transfer, bubbles: true, cancelable: true, composed: true };
        let event = new ClipboardEvent('paste', init);
        let made = 'clipboardData';
        if (event.clipboardData?.getData('text/plain') !== text) {
          event = new ClipboardEvent('paste', { ...init, dataType: 'text/plain', data: text });
          made = event.clipboardData?.getData('text/plain') === text ? 'dataType and data' : 'nothing';
        }
        textarea.dispatchEvent(event);
        return { made, taken: event.defaultPrevented, length: text.length };
      });
      assert.deepEqual(pasted, { made: ctx.engine.pasteEventData, taken: true, length: 5599 });
      await expectScore(driver, EN, '+36.4');
      assert.deepEqual(await driver.evaluate(tableCounts, EN), ['1,200', '600', '400', '2,200']);
      assert.equal(await driver.evaluate(() => document.querySelector('#en-calc').shadowRoot.querySelector('[part~="big-paste"] p').textContent), '2,200 lines pasted (5.6 kB)');
      assert.deepEqual(await driver.evaluate(() => {
        const element = document.querySelector('#en-calc');
        const textarea = element.shadowRoot.querySelector('textarea');
        return [textarea.value, textarea.hidden, element.value.length];
      }), ['', true, 5599]);
      await assertClean(ctx);
    },
  },
  {
    name: 'a Qualtrics export given to the file input, then the column picker: column 19 and back to 20',
    async run(ctx) {
      const { driver, site } = ctx;
      const start = site.requests.length;
      await openHostile(ctx);
      await driver.setFile(EN, QUALTRICS);
      // Q15, column 20: 4 promoters, 4 passives, 17 detractors → (4 − 17)/25 = −52.0
      await expectCounts(driver, EN, ['4', '4', '17', '25'], 20_000);
      assert.equal(await driver.evaluate(partText, EN, 'score'), '-52.0');
      // 6,168 bytes → 6.2 kB; 25 data rows below the three header rows.
      assert.equal(await driver.evaluate(() => document.querySelector('#en-calc').shadowRoot.querySelector('[part="file"] p').textContent), 'qualtrics-numeric.csv · 6.2 kB · 25 rows');
      assert.equal(await driver.evaluate(() => document.querySelector('#en-calc').value), '', 'a file is not text');
      const picker = () => {
        const select = document.querySelector('#en-calc').shadowRoot.querySelector('[part="column-select"]');
        return { options: select.options.length, value: select.value };
      };
      assert.deepEqual(await driver.evaluate(picker), { options: 21, value: '20' });
      // The worker is the embed script itself: one more request for it.
      assert.equal(site.requests.slice(start).filter((path) => path === EMBED).length, 2);

      const choose = (value) => {
        const select = document.querySelector('#en-calc').shadowRoot.querySelector('[part="column-select"]');
        select.value = value;
        select.dispatchEvent(new Event('input', { bubbles: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
      };
      // Q15_NPS_GROUP: 17 ones, 4 twos, 4 threes, all 0–6 → 25 detractors → −100.0
      await driver.evaluate(choose, '19');
      await expectCounts(driver, EN, ['0', '0', '25', '25']);
      assert.equal(await driver.evaluate(partText, EN, 'score'), '-100.0');
      const column = await driver.evaluate(() => document.querySelector('#en-calc').report.column);
      assert.deepEqual([column.index, column.shortName, column.chosenBy], [19, 'Q15_NPS_GROUP', 'option']);
      await driver.evaluate(choose, '20');
      await expectCounts(driver, EN, ['4', '4', '17', '25']);
      assert.equal(await driver.evaluate(partText, EN, 'score'), '-52.0');
      assert.deepEqual(await driver.evaluate(picker), { options: 21, value: '20' });
      assert.equal(site.requests.slice(start).filter((path) => path === EMBED).length, 2, 'the file was not read again');
      await assertClean(ctx);
    },
  },
  {
    name: 'exports from Excel in Windows-1252 and in UTF-16 read like UTF-8',
    async run(ctx) {
      const { driver } = ctx;
      await openHostile(ctx);
      // Counts from tests/fixtures/exports/expected.json, worked out when the files were made.
      for (const [file, want] of [['excel-nl-semicolon.csv', ['6', '7', '9', '22']], ['excel-unicode-text.txt', ['9', '6', '7', '22']]]) {
        await driver.setFile(EN, join(root, 'tests/fixtures/exports', file));
        await expectCounts(driver, EN, want, 20_000);
        const encoding = await driver.evaluate(() => document.querySelector('#en-calc').report.encoding);
        assert.equal(encoding, file.endsWith('.txt') ? 'utf-16le' : 'windows-1252', file);
      }
      await assertClean(ctx);
    },
  },
  {
    name: 'the exports: copy falls back to the text to copy by hand when the clipboard is refused; CSV and JSON downloads',
    async run(ctx) {
      const { driver, site } = ctx;
      await openHostile(ctx);
      await driver.evaluate(captureDownloads);
      await driver.evaluate(() => {
        Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
      });
      await driver.click(button(EN, 'Copy result'));
      const manual = () => {
        const area = document.querySelector('#en-calc').shadowRoot.querySelector('textarea.manual');
        return area.hidden ? null : area.value;
      };
      // 10, 9, 3, 8: +25.0; adjusted Wald: n = 7, p = 2.75/7, d = 1.75/7, p − d = 0.142857,
      // var = (0.642857 − 0.020408)/7 = 0.088921, margin = 1.95996 × 0.29820 = 58.4 → −44.2 to +72.7
      await expectValue(driver, manual, [], [
        'Net Promoter Score: +25.0 (Good: more promoters than detractors)',
        '95% confidence interval: -44.2 to +72.7 · margin of error ±58.4 points',
        'Promoters (9–10): 2 (50.0%)',
        'Passives (7–8): 1 (25.0%)',
        'Detractors (0–6): 1 (25.0%)',
        'Total: 4',
      ].join('\n'));

      await driver.click(button(EN, 'CSV'));
      await driver.click(button(EN, 'JSON'));
      await waitFor(driver, () => window.__saved.length === 2, [], { message: 'two downloads' });
      const [csv, json] = await driver.evaluate(() => Promise.all(window.__saved));
      assert.equal(csv.name, 'nps.csv');
      assert.match(csv.type, /^text\/csv/);
      assert.deepEqual(csv.text.split('\r\n').slice(0, 11), [
        'field,value',
        'metric,nps',
        'score,25',
        'respondents,4',
        'promoters,2',
        'passives,1',
        'detractors,1',
        'promoter_pct,50',
        'passive_pct,25',
        'detractor_pct,25',
        'interval_method,adjusted-wald',
      ]);
      // The histogram of 10, 9, 3, 8: one each of 3, 8, 9 and 10.
      const rows = Object.fromEntries(csv.text.trim().split('\r\n').map((line) => line.split(',')));
      assert.deepEqual([0, 3, 8, 9, 10].map((score) => rows[`answers_${score}`]), ['0', '1', '1', '1', '1']);
      assert.equal(json.name, 'nps.json');
      assert.deepEqual(JSON.parse(json.text), await driver.evaluate(() => document.querySelector('#en-calc').report));
      await assertClean(ctx);
    },
  },
  {
    name: 'host pages whose scripts altered the built-ins first (enumerable additions to Object.prototype; frozen prototypes): typing and the API',
    async run(ctx) {
      const { driver, site } = ctx;
      const checks = [
        [ALTERED, () => ({}).legacyFlag === true && typeof [].remove === 'function'],
        [FROZEN, () => Object.isFrozen(Object.prototype) && Object.isFrozen(HTMLElement.prototype) && Object.isFrozen(WebAssembly)],
      ];
      for (const [path, altered] of checks) {
        ctx.since = site.requests.length;
        await driver.open(`${site.origin}${path}`);
        assert.equal(await driver.evaluate(altered), true, path);
        // 10, 9, 3, 8 → (2 − 1)/4 × 100 = +25.0
        await expectScore(driver, EN, '+25.0');
        await driver.evaluate(() => {
          const textarea = document.querySelector('#en-calc').shadowRoot.querySelector('textarea');
          textarea.value = '10\n9\n9\n7\n2';
          textarea.dispatchEvent(new Event('input', { bubbles: true }));
        });
        // 10, 9, 9 promoters; 7 passive; 2 detractor → (3 − 1)/5 × 100 = +40.0
        await expectScore(driver, EN, '+40.0');
        assert.deepEqual(await driver.evaluate(tableCounts, EN), ['3', '1', '1', '5']);
        assert.equal(await driver.evaluate(partText, NL, 'privacy'), 'Je gegevens verlaten deze pagina nooit: alles wordt in je browser berekend.');
        const api = await driver.evaluate(() => {
          const report = LoyaltyScore.analyzeNps('10\n9\n8\n3', { level: 0.9 });
          return [report.score, report.interval.level, Object.keys(report).includes('extend')];
        });
        assert.deepEqual(api, [25, 0.9, false], path);
        await assertClean(ctx);
      }
    },
  },
  {
    name: 'markup and script pasted as answers are shown as text and never run',
    async run(ctx) {
      const { driver } = ctx;
      await openHostile(ctx);
      const shown = await driver.evaluate(async () => {
        window.dialogs = 0;
        window.alert = () => window.dialogs++;
        const element = document.querySelector('#en-calc');
        const textarea = element.shadowRoot.querySelector('textarea');
        textarea.value = '9\n<img src=x onerror=alert(1)>\n<script>alert(2)</script>\n10';
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((done) => setTimeout(done, 300));
        const root = element.shadowRoot;
        return {
          rejected: [...root.querySelectorAll('[part~="rejected"] li')].map((li) => li.textContent),
          elements: root.querySelectorAll('img, script').length,
          dialogs: window.dialogs,
        };
      });
      // Spaces split the img tag into three entries; the script line is one. 9 and 10
      // are promoters: (2 − 0)/2 × 100 = +100.0.
      assert.deepEqual(shown, {
        rejected: [
          'line 2, column 1 <img — not a number',
          'line 2, column 6 src=x — not a number',
          'line 2, column 12 onerror=alert(1)> — not a number',
          'line 3, column 1 <script>alert(2)</script> — not a number',
        ],
        elements: 0,
        dialogs: 0,
      });
      await expectScore(driver, EN, '+100.0');
      await assertClean(ctx);
    },
  },
  {
    name: 'a page that allows no WebAssembly: each calculator says so in place, in its language',
    async run(ctx) {
      const { driver, site } = ctx;
      await driver.open(`${site.origin}${NO_WASM}`);
      const notice = (id) => document.querySelector(`#${id}`)?.shadowRoot?.querySelector('[part~="unavailable"] strong')?.textContent ?? null;
      await waitFor(driver, notice, ['nl-calc'], { message: 'the notice' });
      assert.equal(await driver.evaluate(notice, 'en-calc'), 'This calculator cannot run on this page.');
      assert.equal(await driver.evaluate(notice, 'nl-calc'), 'Deze calculator kan op deze pagina niet werken.');
      // The API is there and says why it cannot run.
      const api = await driver.evaluate(() => {
        try {
          LoyaltyScore.analyzeNps('9');
          return 'no error';
        } catch (error) {
          return error.code;
        }
      });
      assert.equal(api, 'wasm-unavailable');
    },
  },
  {
    name: 'the build without WebAssembly computes under that policy, with no violation',
    async run(ctx) {
      const { driver, site } = ctx;
      ctx.since = site.requests.length;
      await driver.open(`${site.origin}${NO_WASM_BUILD}`);
      // 10, 9 promoters; 8 passive; 3 detractor; "n.v.t." not counted: (2 − 1)/4 × 100 = +25,0.
      await expectScore(driver, NL, '+25,0');
      await assertClean(ctx);
    },
  },
  {
    name: 'a trap in the module: the calculator shows the error in its language, and the next paste is scored',
    async run(ctx) {
      buildTrapTest(root);
      const { driver, site } = ctx;
      const CALC = 'loyalty-calculator';
      const FAILED = 'The calculation failed. Try again: paste or type the answers once more.';
      ctx.since = site.requests.length;
      await driver.open(`${site.origin}/tests/fixtures/trap.html`);
      // 10, 9, 8, 3: (2 − 1)/4 × 100 = +25.0
      await expectScore(driver, CALC, '+25.0');
      const failure = () => {
        const part = document.querySelector('loyalty-calculator').shadowRoot.querySelector('[part~="failure"]');
        return part && !part.hidden && part.getClientRects().length > 0 ? part.textContent : null;
      };
      assert.equal(await driver.evaluate(failure), null);
      await driver.evaluate(() => (document.querySelector('loyalty-calculator').value = '\u0000trap\u0000'));
      await expectValue(driver, failure, [], FAILED);
      // A fresh instance scores the next paste: 10, 10, 9, 0 → (3 − 1)/4 × 100 = +50.0
      await driver.evaluate(() => (document.querySelector('loyalty-calculator').value = '10\n10\n9\n0'));
      await expectScore(driver, CALC, '+50.0');
      assert.deepEqual(await driver.evaluate(tableCounts, CALC), ['3', '0', '1', '4']);
      assert.equal(await driver.evaluate(failure), null);
      await driver.evaluate(() => (document.querySelector('loyalty-calculator').value = '\u0000trap\u0000'));
      await expectValue(driver, failure, [], FAILED);
      await driver.evaluate(() => document.querySelector('loyalty-calculator').setAttribute('lang', 'nl'));
      await expectValue(driver, failure, [], 'De berekening is mislukt. Probeer het opnieuw: plak of typ de antwoorden nog eens.');
      // The API recovers the same way: 9, 9, 0 → (2 − 1)/3 × 100 = 33.3…
      const api = await driver.evaluate(() => {
        let code = '';
        try {
          LoyaltyScore.analyzeNps('\u0000trap\u0000');
        } catch (error) {
          code = error.code;
        }
        return { code, score: LoyaltyScore.analyzeNps('9\n9\n0').score };
      });
      assert.equal(api.code, 'wasm-trap');
      assert.ok(Math.abs(api.score - 100 / 3) < 1e-9, String(api.score));
      await assertClean(ctx);
    },
  },
  {
    name: '10,000 recomputations in a row keep the module memory flat',
    async run(ctx) {
      const { driver, site } = ctx;
      ctx.since = site.requests.length;
      // memory.html loads memory-hook.js before the embed, which keeps the module's memory.
      await driver.open(`${site.origin}/tests/fixtures/memory.html`);
      await expectScore(driver, 'loyalty-calculator', '+25.0');
      const run = (from, to) => {
        const element = document.querySelector('loyalty-calculator');
        let last = null;
        for (let i = from; i < to; i++) {
          // Pastes of 20 to 419 lines, different each time, some with words in them.
          const lines = 20 + ((i * 7919) % 400);
          let text = '';
          for (let k = 0; k < lines; k++) text += (k % 97 === 5 ? 'n.v.t.' : String((i + k * 31) % 11)) + '\n';
          last = element.analyze(text);
        }
        return { respondents: last.respondents, bytes: window.wasmMemory.buffer.byteLength };
      };
      const start = await driver.evaluate(run, 0, 500);
      let result;
      for (let from = 500; from < 10_000; from += 500) result = await driver.evaluate(run, from, from + 500);
      const lines = 20 + ((9_999 * 7919) % 400);
      const words = Array.from({ length: lines }, (_, k) => k % 97 === 5).filter(Boolean).length;
      assert.equal(result.respondents, lines - words);
      // The largest paste is about 1 KB and the module holds one input and one
      // reader at a time: 32 MiB leaves room for allocator slack yet fails a
      // leak of 3 KB per computation. (The JavaScript heap is measured in
      // Chromium, the one engine whose driver reports it.)
      assert.ok(result.bytes <= 32 * 1024 * 1024, `wasm memory ${result.bytes} bytes`);
      ctx.t.diagnostic(`wasm memory ${(start.bytes / 1048576).toFixed(1)} → ${(result.bytes / 1048576).toFixed(1)} MiB`);
      await assertClean(ctx);
    },
  },
  {
    name: 'no network requests besides the page, its stylesheet, the embed script, its core and its worker',
    async run(ctx) {
      const { driver, site } = ctx;
      const start = site.requests.length;
      await openHostile(ctx);
      await driver.evaluate(captureDownloads);
      // Everything a visitor does: type, paste, give a file, export.
      await driver.type(locate(NL, 'textarea'), '9\n7\n0');
      await expectScore(driver, NL, '0,0');
      await driver.setFile(EN, QUALTRICS);
      await expectCounts(driver, EN, ['4', '4', '17', '25'], 20_000);
      for (const name of ['CSV', 'JSON', 'Chart (SVG)', 'Chart (PNG)']) await driver.click(button(EN, name));
      await waitFor(driver, () => window.__saved.length === 4, [], { message: 'four downloads' });
      await new Promise((done) => setTimeout(done, 1000));

      // On the test site: the page, its stylesheet, the embed script and its core twice each (the page's and the worker's).
      // Not counted: the browser's own /favicon.ico, and CSP reports (asserted to be only about that favicon below).
      const seen = site.requests.slice(start).filter((path) => path !== '/favicon.ico' && path !== REPORTS);
      assert.deepEqual(seen.sort(), [EMBED, EMBED, CORE, CORE, '/tests/fixtures/hostile.css', HOSTILE].sort());
      // Anywhere: every resource the page fetched is one of those (blob: downloads are not fetched).
      const fetched = await driver.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
      for (const url of fetched.filter((url) => !url.endsWith(REPORTS))) {
        assert.equal(new URL(url).origin, site.origin, url);
        assert.ok([EMBED, CORE, '/tests/fixtures/hostile.css'].includes(new URL(url).pathname), url);
      }
      await assertClean(ctx);
    },
  },
];

/** Why a test must skip or fail when the browser is missing: skip on a workstation, fail in CI. */
const inCI = () => Boolean(process.env.CI) && process.env.CI !== 'false';

/** Registers every case for the browser of `engine` (see firefox.mjs, webkit.mjs), one browser for the file. */
export function browserTests(engine) {
  const absent = engine.missing();
  const ctx = { engine, driver: null, site: null };
  before(async () => {
    if (absent) return;
    ctx.site = await startSite();
    ctx.driver = await engine.launch();
  });
  after(async () => {
    await ctx.driver?.close();
    await ctx.site?.close();
  });
  for (const { name, run } of CASES) {
    test(`${engine.name}: ${name}`, async (t) => {
      if (absent) {
        if (inCI()) assert.fail(`${absent} (CI is set, so the browser must be installed)`);
        t.skip(absent);
        return;
      }
      await run({ ...ctx, t });
    });
  }
}
