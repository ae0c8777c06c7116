// <loyalty-calculator> where things go wrong: a page that does not allow
// WebAssembly (the notice in place, and the build without WebAssembly that
// works there), a trap inside the module (the widget recovers), 10,000
// recomputations (memory stays flat) and a 100 MB paste (the tab lives).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTrapTest } from './trap-build.mjs';
import { NO_WASM_CSP, counts, env, expectText, openPage, part, recordEvents, root } from './widget-harness.mjs';

const NOTICE = {
  en: [
    'This calculator cannot run on this page.',
    'It computes in your browser with WebAssembly, which this page or this browser does not allow.',
    "Site owner: add 'wasm-unsafe-eval' to script-src in the page's Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'), or use loyalty-calculator.nowasm.js.",
  ],
  nl: [
    'Deze calculator kan op deze pagina niet werken.',
    'Hij rekent in je browser met WebAssembly, en dat staat deze pagina of deze browser niet toe.',
    "Beheerder van de site: zet 'wasm-unsafe-eval' in script-src van de Content-Security-Policy van de pagina (script-src 'self' 'wasm-unsafe-eval'), of gebruik loyalty-calculator.nowasm.js.",
  ],
};

test('where the page does not allow WebAssembly, each calculator says so in place, in its language, and the console gives the fix once', async (t) => {
  const { page, problems } = await openPage(t);
  const response = await page.goto(`${env.origin}/tests/fixtures/no-wasm.html`);
  assert.equal(response.headers()['content-security-policy'], NO_WASM_CSP);
  for (const [id, lang] of [['en-calc', 'en'], ['nl-calc', 'nl']]) {
    const notice = page.locator(`#${id} [part~="unavailable"]`);
    await notice.waitFor();
    assert.deepEqual(await notice.locator('strong, p').allTextContents(), NOTICE[lang]);
    assert.equal(await notice.getAttribute('lang'), lang);
    assert.ok((await notice.boundingBox()).height > 40, 'the notice takes room where the calculator would be');
  }
  // The element is defined and the API is there; its functions say why they cannot run.
  const api = await page.evaluate(() => {
    try {
      LoyaltyScore.analyzeNps('9');
      return 'no error';
    } catch (error) {
      return error.message;
    }
  });
  assert.match(api, /WebAssembly is not allowed or not available .*script-src 'self' 'wasm-unsafe-eval'/);
  // The language follows the element like the calculator's own words do.
  await page.evaluate(() => document.querySelector('#en-calc').setAttribute('lang', 'nl'));
  await expectText(page.locator('#en-calc [part~="unavailable"] strong'), NOTICE.nl[0]);
  const fixes = problems.filter((problem) => problem.includes("script-src 'self' 'wasm-unsafe-eval'"));
  assert.equal(fixes.length, 1, problems.join('\n'));
  assert.match(fixes[0], /^console\.error: <loyalty-calculator>: loyalty-score cannot run here/);
});

test('the build without WebAssembly computes under the same policy, in Dutch and English, with no violations', async (t) => {
  const { page, problems } = await openPage(t);
  const response = await page.goto(`${env.origin}/tests/fixtures/no-wasm-build.html`);
  assert.equal(response.headers()['content-security-policy'], NO_WASM_CSP);
  await page.waitForFunction(() => document.querySelector('#nl-calc')?.report && document.querySelector('#en-calc')?.report);
  // 10, 9 promoters; 8 passive; 3 detractor; "n.v.t." not counted: (2 − 1)/4 = +25.
  await expectText(part(page, 'score', '#nl-calc'), '+25,0');
  assert.deepEqual(await counts(page, '#nl-calc'), ['2', '1', '1', '4']);
  const reports = await page.evaluate(() => [document.querySelector('#nl-calc').report, document.querySelector('#en-calc').report]);
  assert.equal(reports[0].rejectedCount, 1);
  assert.equal(reports[1].mean, 3.75);
  // A second paste works too (memory grows in the JavaScript build as in the module).
  await page.evaluate(() => (document.querySelector('#nl-calc').value = Array.from({ length: 50_000 }, (_, i) => String(i % 11)).join('\n')));
  await page.waitForFunction(() => document.querySelector('#nl-calc').report.respondents === 50_000);
  assert.deepEqual(problems, []);
});

test('after a trap in the module the calculator shows an error, sends loyalty-error "failed", and the next paste is scored', async (t) => {
  buildTrapTest(root);
  const { page, problems } = await openPage(t);
  await recordEvents(page);
  await page.goto(`${env.origin}/tests/fixtures/trap.html`);
  await expectText(part(page, 'score'), '+25.0');
  const failure = part(page, 'failure');
  assert.equal(await failure.isVisible(), false);

  await page.evaluate(() => (document.querySelector('loyalty-calculator').value = '\u0000trap\u0000'));
  await expectText(failure, 'The calculation failed. Try again: paste or type the answers once more.');
  assert.equal(await failure.isVisible(), true);
  const errors = await page.evaluate(() => window.events.filter((event) => event.type === 'loyalty-error'));
  assert.equal(errors.length, 1);
  assert.equal(errors[0].detail.code, 'failed');
  assert.equal(errors[0].detail.message, 'The calculation failed. Try again: paste or type the answers once more.');

  await page.evaluate(() => (document.querySelector('loyalty-calculator').value = '10\n10\n9\n0'));
  await expectText(part(page, 'score'), '+50.0');
  assert.equal(await failure.isVisible(), false);
  assert.deepEqual(await counts(page), ['3', '0', '1', '4']);
  // In English, then relabelled in Dutch; and the API recovers the same way.
  await page.evaluate(() => (document.querySelector('loyalty-calculator').value = '\u0000trap\u0000'));
  await expectText(failure, 'The calculation failed. Try again: paste or type the answers once more.');
  await page.evaluate(() => document.querySelector('loyalty-calculator').setAttribute('lang', 'nl'));
  await expectText(failure, 'De berekening is mislukt. Probeer het opnieuw: plak of typ de antwoorden nog eens.');
  const api = await page.evaluate(() => {
    let message = '';
    try {
      LoyaltyScore.analyzeNps('\u0000trap\u0000');
    } catch (error) {
      message = error.message;
    }
    return { message, score: LoyaltyScore.analyzeNps('9\n9\n0').score };
  });
  assert.match(api.message, /^analyzeNps: the WebAssembly module failed \(unreachable/);
  assert.ok(Math.abs(api.score - 100 / 3) < 1e-9);
  assert.deepEqual(problems, []);
});

test('a trap while a file is read (in the worker) shows the error in the visitor\'s language, and the next file is read afresh', async (t) => {
  buildTrapTest(root);
  const { page, problems } = await openPage(t);
  await recordEvents(page);
  await page.goto(`${env.origin}/tests/fixtures/trap.html`);
  await expectText(part(page, 'score'), '+25.0');
  const input = page.locator('loyalty-calculator [part="file-input"]');
  // The file's bytes are the magic input of the test build: its core traps on them.
  await input.setInputFiles({ name: 'trap.csv', mimeType: 'text/csv', buffer: Buffer.from('\u0000trap\u0000') });
  const failure = part(page, 'failure');
  await expectText(failure, 'The calculation failed. Try again: paste or type the answers once more.');
  assert.equal(await failure.isVisible(), true);
  const errors = await page.evaluate(() => window.events.filter((event) => event.type === 'loyalty-error').map((event) => event.detail.code));
  assert.deepEqual(errors, ['failed']);
  // The next file: 10, 10, 9, 0 → (3 − 1)/4 × 100 = +50.0, with the failure gone.
  await input.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from('10\n10\n9\n0\n') });
  await expectText(part(page, 'score'), '+50.0');
  assert.equal(await failure.isVisible(), false);
  assert.deepEqual(await counts(page), ['3', '0', '1', '4']);
  assert.deepEqual(problems, []);
});

test('10,000 recomputations in a row keep the module memory and the JavaScript heap flat', { timeout: 300_000 }, async (t) => {
  const { page, context, problems } = await openPage(t);
  // memory.html loads tests/fixtures/memory-hook.js, which keeps the module's memory.
  await page.goto(`${env.origin}/tests/fixtures/memory.html`);
  await expectText(part(page, 'score'), '+25.0');
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const run = (from, to) => page.evaluate(([from, to]) => {
    const element = document.querySelector('loyalty-calculator');
    let last = null;
    for (let i = from; i < to; i++) {
      // Pastes of 20 to 419 lines, different each time, some with words in them.
      const lines = 20 + ((i * 7919) % 400);
      let text = '';
      for (let k = 0; k < lines; k++) text += (k % 97 === 5 ? 'n.v.t.' : String((i + k * 31) % 11)) + '\n';
      last = { i, report: element.analyze(text) };
    }
    return { respondents: last.report.respondents, bytes: window.wasmMemory.buffer.byteLength };
  }, [from, to]);
  await run(0, 500); // warm-up: the module and the caches reach their working size
  const heapBefore = await heap();
  let result;
  for (let from = 500; from < 10_000; from += 500) result = await run(from, from + 500);
  const heapAfter = await heap();
  const i = 9_999;
  const lines = 20 + ((i * 7919) % 400);
  assert.equal(result.respondents, lines - Array.from({ length: lines }, (_, k) => k % 97 === 5).filter(Boolean).length);
  // Bounds. The largest paste is about 1 KB; the module holds one input
  // buffer and one reader at a time, so its memory stays near the size it
  // starts with (1.1 MiB of data and stack, grown in 64 KiB pages). 32 MiB
  // leaves room for allocator slack yet fails a leak of 3 KB per
  // computation. The heap is measured after forced collections: the element
  // keeps the last report and its DOM only, so 20 MB over 9,500
  // computations fails any leak of 2 KB or more per computation.
  assert.ok(result.bytes <= 32 * 1024 * 1024, `wasm memory ${result.bytes} bytes`);
  assert.ok(heapAfter - heapBefore < 20e6, `JS heap grew by ${heapAfter - heapBefore} bytes (from ${heapBefore})`);
  t.diagnostic(`wasm memory ${(result.bytes / 1048576).toFixed(1)} MiB; JS heap ${(heapBefore / 1e6).toFixed(1)} → ${(heapAfter / 1e6).toFixed(1)} MB`);
  assert.deepEqual(problems, []);
});

test('a 100 MB paste is analysed and the tab stays alive', { timeout: 180_000 }, async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/tests/fixtures/memory.html`);
  await expectText(part(page, 'score'), '+25.0');
  let crashed = false;
  page.on('crash', () => (crashed = true));
  const pasted = await page.evaluate(async () => {
    const element = document.querySelector('loyalty-calculator');
    // 50 million lines of one digit: 100,000,000 characters.
    const text = '9\n3\n7\n0\n'.repeat(12_500_000);
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const textarea = element.shadowRoot.querySelector('textarea');
    textarea.focus();
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
    return { length: text.length, respondents: element.report?.respondents, score: element.report?.score };
  });
  assert.equal(crashed, false);
  assert.equal(pasted.length, 100_000_000);
  // Each block of 9, 3, 7, 0: one promoter, one passive, two detractors.
  assert.equal(pasted.respondents, 50_000_000);
  assert.equal(pasted.score, -25);
  await expectText(part(page, 'score'), '-25.0');
  assert.match(await part(page, 'big-paste').textContent(), /50,000,000 lines pasted \(100(\.0)? MB\)/);
  // The page still answers.
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  assert.deepEqual(problems, []);
});
