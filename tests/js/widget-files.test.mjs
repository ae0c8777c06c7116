// Files given to <loyalty-calculator>, in Chromium: the "Choose file" input and
// a drop on the element, read in slices in the worker (the embed script
// itself) or on the main thread when no worker can start; progress events and
// Cancel; the column picker for files and pastes; the reader's warnings in
// English and Dutch; all under the strict CSP of hostile.html. The exports
// in tests/fixtures/exports/ have their counts worked out in expected.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { counts, env, expectText, openPage, part, recordEvents, root } from './widget-harness.mjs';

const HOSTILE = '/tests/fixtures/hostile.html';
const EN = '#en-calc';
const NL = '#nl-calc';
const WJ = '\u2060–\u2060';
const EXPORTS = join(root, 'tests/fixtures/exports');
const expected = JSON.parse(readFileSync(join(EXPORTS, 'expected.json'), 'utf8'));
const fixture = (name) => join(EXPORTS, name);
const TYPES = ['loyalty-result', 'loyalty-error', 'loyalty-progress'];

/** Gives the calculator a file through its file input, as the file dialog does. */
const choose = (page, calculator, path) => page.locator(`${calculator} [part="file-input"]`).setInputFiles(path);

/** Waits for the Respondents column of the result table to read `want`, then asserts it. */
async function expectCounts(page, calculator, want, timeout = 20_000) {
  const end = Date.now() + timeout;
  let got = await counts(page, calculator);
  while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < end) {
    await new Promise((done) => setTimeout(done, 25));
    got = await counts(page, calculator);
  }
  assert.deepEqual(got, want);
}

/** The NPS counts of an export as the English table shows them: promoters, passives, detractors, total. */
const npsCounts = ({ promoters, passives, detractors }) => [promoters, passives, detractors, promoters + passives + detractors].map(String);

/** The column picker's options (value and text) and the value selected, of the `n`th select. */
const picker = (page, calculator, n = 0) => page.locator(`${calculator} [part="column-select"]`).nth(n).evaluate((select) => ({
  options: [...select.options].map((option) => [option.value, option.textContent]),
  value: select.value,
  label: select.labels[0].textContent,
}));

/** Requests for the embed script: the page's own, and one more for each worker started. */
function countEmbedRequests(t) {
  const seen = [];
  const onRequest = (request) => seen.push(new URL(request.url, env.origin).pathname);
  env.server.on('request', onRequest);
  t.after(() => env.server.off('request', onRequest));
  return () => seen.filter((path) => path === '/dist/loyalty-calculator.js').length;
}

/**
 * Makes `lines` of answers 0, 1, …, 10, 0, 1, … in the page as a File of
 * "score\n" and the lines (a Blob in memory, never on disk).
 */
const BIG = 'window.bigFile = (lines) => {'
  + "  const block = Array.from({ length: 11 }, (_, i) => `${i}\\n`).join('');"
  + "  return new File(['score\\n', block.repeat(lines / 11)], 'big.csv', { type: 'text/csv' });"
  + '};';

test('a Qualtrics export chosen with the file input: counts, summary, progress, the column picker', async (t) => {
  const { page, problems } = await openPage(t);
  const embeds = countEmbedRequests(t);
  await recordEvents(page, TYPES);
  await page.goto(`${env.origin}${HOSTILE}`);
  await expectText(part(page, 'score', EN), '+25.0');
  assert.equal(embeds(), 1);

  const want = expected['qualtrics-numeric.csv'];
  await choose(page, EN, fixture('qualtrics-numeric.csv'));
  // Q15, column 20: 4 promoters, 4 passives, 17 detractors → (4 − 17)/25 = −52.0
  await expectCounts(page, EN, npsCounts(want));
  assert.deepEqual(npsCounts(want), ['4', '4', '17', '25']);
  assert.equal(await part(page, 'score', EN).textContent(), '-52.0');
  // 6,168 bytes → 6.2 kB; 25 data rows below the three header rows.
  assert.equal(await part(page, 'file', EN).locator('p').textContent(), 'qualtrics-numeric.csv · 6.2 kB · 25 rows');
  assert.equal(await part(page, 'input', EN).isVisible(), false);
  assert.equal(await page.evaluate(() => document.querySelector('#en-calc').value), '', 'a file is not text');
  assert.equal(await part(page, 'progress', EN).isVisible(), false);
  // The worker is the embed script itself: one more request for it.
  assert.equal(embeds(), 2);

  const events = await page.evaluate(() => window.events.filter((e) => e.target === 'en-calc'));
  const progress = events.filter((e) => e.type === 'loyalty-progress');
  assert.ok(progress.length >= 1);
  assert.ok(progress.every((e) => e.bubbles && e.composed));
  assert.deepEqual(progress.at(-1).detail, { bytes: 6168, total: 6168, rows: progress.at(-1).detail.rows });
  const last = events.at(-1);
  assert.equal(last.type, 'loyalty-result');
  assert.deepEqual([last.detail.respondents, last.detail.column.index, last.detail.column.chosenBy], [25, 20, 'header']);
  assert.equal(last.detail.encoding, 'utf-8');

  // The picker lists all 21 columns, Q15 (20) chosen; Q15_NPS_GROUP (19) holds the group codes 1–3.
  const shown = await picker(page, EN);
  assert.equal(shown.label, 'Column with the answers');
  assert.equal(shown.options.length, 21);
  assert.equal(shown.value, '20');
  assert.deepEqual(shown.options[19], ['20', `20 · How likely are you to recommend us to a friend or colleague? (Q15) — 25 answers 0${WJ}10, 0 blank, 0 other`]);
  assert.equal(shown.options[18][0], '19');
  assert.match(shown.options[18][1], new RegExp(`^19 · How likely are you to recommend us to a friend or colleague\\?.* \\(Q15_NPS_GROUP\\) — 25 answers 0${WJ}10, 0 blank, 0 other$`));

  // Q15_NPS_GROUP: 17 ones, 4 twos, 4 threes, all 0–6 → 25 detractors, from the kept reader.
  await page.locator(`${EN} [part="column-select"]`).selectOption('19');
  await expectCounts(page, EN, ['0', '0', '25', '25']);
  const column = await page.evaluate(() => document.querySelector('#en-calc').report.column);
  assert.deepEqual([column.index, column.shortName, column.chosenBy], [19, 'Q15_NPS_GROUP', 'option']);
  assert.equal((await picker(page, EN)).value, '19');
  await page.locator(`${EN} [part="column-select"]`).selectOption('20');
  await expectCounts(page, EN, ['4', '4', '17', '25']);
  assert.equal(embeds(), 2, 'the file was not read again');
  const progressCount = await page.evaluate(() => window.events.filter((e) => e.type === 'loyalty-progress').length);
  assert.equal(progressCount, progress.length, 'no progress: nothing was read again');

  // Another level reads the file again, in the column chosen.
  await page.locator(`${EN} [part="column-select"]`).selectOption('19');
  await expectCounts(page, EN, ['0', '0', '25', '25']);
  await page.evaluate(() => (document.querySelector('#en-calc').level = 0.9));
  await page.waitForFunction(() => document.querySelector('#en-calc').report.interval?.level === 0.9);
  const report = await page.evaluate(() => document.querySelector('#en-calc').report);
  assert.deepEqual([report.column.index, report.detractors, report.respondents], [19, 25, 25]);
  assert.equal(embeds(), 3, 'read again in a new worker');

  // Clear brings the textarea back, empty.
  await part(page, 'file', EN).getByRole('button', { name: 'Clear' }).click();
  await expectText(part(page, 'score', EN), '–');
  assert.equal(await part(page, 'input', EN).isVisible(), true);
  assert.equal(await part(page, 'file', EN).isVisible(), false);
  assert.equal(await part(page, 'column-picker', EN).isVisible(), false);
  assert.deepEqual(problems, []);
});

test('a file dropped on the element, in Dutch: Windows-1252 and UTF-16 exports, the drop highlight', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}${HOSTILE}`);
  const drop = (name, bytes, target = 'textarea') => page.evaluate(({ name, bytes, target }) => {
    const element = document.querySelector('#nl-calc');
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], name));
    const at = element.shadowRoot.querySelector(target);
    const over = new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, composed: true, cancelable: true });
    at.dispatchEvent(over);
    const highlighted = !element.shadowRoot.querySelector('[part="drop"]').hidden;
    at.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, composed: true, cancelable: true }));
    return { accepted: over.defaultPrevented, highlighted, after: !element.shadowRoot.querySelector('[part="drop"]').hidden };
  }, { name, bytes: [...readFileSync(fixture(name))], target });

  // Semicolons, decimal commas and Windows-1252: 6 promoters, 7 passives, 9 detractors, "weet niet" rejected.
  assert.deepEqual(await drop('excel-nl-semicolon.csv', 'textarea'), { accepted: true, highlighted: true, after: false });
  await expectCounts(page, NL, ['6', '7', '9', '22']);
  assert.equal(await page.evaluate(() => document.querySelector('#nl-calc').report.encoding), 'windows-1252');
  assert.match(await part(page, 'file', NL).locator('p').textContent(), /^excel-nl-semicolon\.csv · 1,4 kB · 24 rijen$/);
  assert.equal(await page.locator(`${NL} [part="column-select"]`).evaluate((select) => select.labels[0].textContent), 'Kolom met de antwoorden');
  // Excel's "Unicode text", UTF-16 LE, dropped on the result side: 9, 6, 7.
  assert.deepEqual(await drop('excel-unicode-text.txt', '[part~="score"]'), { accepted: true, highlighted: true, after: false });
  await expectCounts(page, NL, ['9', '6', '7', '22']);
  assert.equal(await page.evaluate(() => document.querySelector('#nl-calc').report.encoding), 'utf-16le');
  assert.equal(await part(page, 'drop', NL).isVisible(), false);
  assert.deepEqual(problems, []);
});

test('a 20 MB file made in the page: rising progress to its size, the right counts, and Cancel', async (t) => {
  const { page, problems } = await openPage(t);
  await recordEvents(page, TYPES);
  await page.addInitScript(BIG);
  await page.goto(`${env.origin}${HOSTILE}`);
  await expectText(part(page, 'score', EN), '+25.0');

  // 9,900,000 lines of 0…10 under "score": each score 900,000 times, so promoters
  // 2 × 900,000 = 1,800,000, passives 1,800,000, detractors 7 × 900,000 = 6,300,000;
  // NPS (1,800,000 − 6,300,000)/9,900,000 = −45.45. Bytes: "score\n" is 6, a block
  // "0\n" … "10\n" is 10 × 2 + 3 = 23, so 6 + 900,000 × 23 = 20,700,006.
  const size = await page.evaluate(() => {
    const file = window.bigFile(9_900_000);
    const input = document.querySelector('#en-calc').shadowRoot.querySelector('[part="file-input"]');
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return file.size;
  });
  assert.equal(size, 20_700_006);
  await expectCounts(page, EN, ['1,800,000', '1,800,000', '6,300,000', '9,900,000'], 120_000);
  assert.equal(await part(page, 'score', EN).textContent(), '-45.5');
  assert.equal(await part(page, 'file', EN).locator('p').textContent(), 'big.csv · 20.7 MB · 9,900,000 rows');
  const progress = await page.evaluate(() => window.events.filter((e) => e.type === 'loyalty-progress').map((e) => e.detail));
  // Slices of 4 MiB: 20,700,006 / 4,194,304 → 5 slices.
  assert.equal(progress.length, 5);
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i].bytes > progress[i - 1].bytes && progress[i].rows >= progress[i - 1].rows);
  // The newlines: one after "score" and one after each of the 9,900,000 answers.
  assert.deepEqual(progress.at(-1), { bytes: 20_700_006, total: 20_700_006, rows: 9_900_001 });

  // Cancel at the first progress of the next file: nothing of it is shown, the result before it stays.
  await page.evaluate(() => {
    const element = document.querySelector('#en-calc');
    element.addEventListener('loyalty-progress', () => element.shadowRoot.querySelector('[part="cancel"]').click(), { once: true });
    window.events.length = 0;
    const transfer = new DataTransfer();
    transfer.items.add(window.bigFile(9_900_000));
    const input = element.shadowRoot.querySelector('[part="file-input"]');
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => window.events.some((e) => e.type === 'loyalty-progress'));
  assert.equal(await part(page, 'progress', EN).isVisible(), false);
  assert.equal(await part(page, 'file', EN).locator('p').textContent(), 'big.csv · 20.7 MB · 9,900,000 rows');
  // A small file after it is read and shown; the cancelled one never is.
  await choose(page, EN, fixture('google-forms-en.csv'));
  await expectCounts(page, EN, npsCounts(expected['google-forms-en.csv']));
  assert.deepEqual(npsCounts(expected['google-forms-en.csv']), ['14', '10', '10', '34']);
  const results = await page.evaluate(() => window.events.filter((e) => e.type !== 'loyalty-progress').map((e) => [e.type, e.detail.respondents]));
  assert.deepEqual(results, [['loyalty-result', 34]]);
  assert.deepEqual(problems, []);
});

test('where no worker can start, the main thread reads the same files with the same progress', async (t) => {
  const { page, problems } = await openPage(t);
  const embeds = countEmbedRequests(t);
  await recordEvents(page, TYPES);
  await page.addInitScript(() => {
    window.Worker = function Worker() {
      throw new DOMException('Workers are not allowed here', 'SecurityError');
    };
  });
  await page.addInitScript(BIG);
  await page.goto(`${env.origin}${HOSTILE}`);
  await choose(page, EN, fixture('qualtrics-numeric.csv'));
  await expectCounts(page, EN, ['4', '4', '17', '25']);
  await page.locator(`${EN} [part="column-select"]`).selectOption('19');
  await expectCounts(page, EN, ['0', '0', '25', '25']);
  assert.equal(await page.evaluate(() => document.querySelector('#en-calc').report.column.chosenBy), 'option');

  await page.evaluate(() => {
    window.events.length = 0;
    const transfer = new DataTransfer();
    transfer.items.add(window.bigFile(9_900_000));
    const input = document.querySelector('#en-calc').shadowRoot.querySelector('[part="file-input"]');
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  // The same 20.7 MB file as above: 1,800,000 / 1,800,000 / 6,300,000.
  await expectCounts(page, EN, ['1,800,000', '1,800,000', '6,300,000', '9,900,000'], 120_000);
  const progress = await page.evaluate(() => window.events.filter((e) => e.type === 'loyalty-progress').map((e) => e.detail));
  // Slices of 1 MiB on the main thread: 20,700,006 / 1,048,576 → 20 slices.
  assert.equal(progress.length, 20);
  assert.deepEqual(progress.at(-1), { bytes: 20_700_006, total: 20_700_006, rows: 9_900_001 });
  assert.equal(embeds(), 1, 'no worker was started');
  assert.deepEqual(problems, []);
});

test('pastes with several columns get the picker too; SCI has one per question, Likert one', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/tests/fixtures/metrics.html`);
  const qualtrics = readFileSync(fixture('qualtrics-numeric.csv'), 'utf8');
  await page.evaluate((text) => (document.querySelector('#nps').value = text), qualtrics);
  await expectCounts(page, '#nps', ['4', '4', '17', '25']);
  assert.equal((await picker(page, '#nps')).value, '20');
  await page.locator('#nps [part="column-select"]').selectOption('19');
  await expectCounts(page, '#nps', ['0', '0', '25', '25']);
  assert.equal(await page.evaluate(() => document.querySelector('#nps').report.column.chosenBy), 'option');
  assert.equal(await page.evaluate(() => document.querySelector('#nps').value), qualtrics, 'value stays the pasted text');
  // A change of text forgets the column chosen.
  await page.evaluate((text) => (document.querySelector('#nps').value = `${text}\n`), qualtrics);
  await expectCounts(page, '#nps', ['4', '4', '17', '25']);
  // One column: no picker.
  await page.evaluate(() => (document.querySelector('#nps').value = '10\n9\n8'));
  await expectCounts(page, '#nps', ['2', '1', '0', '3']);
  assert.equal(await part(page, 'column-picker', '#nps').isVisible(), false);

  // SCI, 0–10: by header satisfaction 2, buy again 3, recommend 4; (sat, rep, rec) per line:
  //   (9, 10, 9) secure; (8, 9, 10) favorable; (9, 9, 6) at risk; (10, 9, 9) secure;
  //   (7, 7, 9) favorable; (9, 3, 10) at risk → 2 / 2 / 2.
  // With satisfaction from column 1 (the ids 1–6, all ≤ 6) every line is at risk → 0 / 0 / 6.
  const sci = 'id;tevredenheid;opnieuw kopen;aanbevelen\n1;9;10;9\n2;8;9;10\n3;9;9;6\n4;10;9;9\n5;7;7;9\n6;9;3;10';
  await page.evaluate((text) => (document.querySelector('#sci').value = text), sci);
  await expectCounts(page, '#sci', ['2', '2', '2', '6']);
  const selects = await Promise.all([0, 1, 2].map((n) => picker(page, '#sci', n)));
  assert.deepEqual(selects.map((s) => [s.label, s.value, s.options.length]), [
    ['Column for “Overall satisfaction”', '2', 4],
    ['Column for “Would buy again”', '3', 4],
    ['Column for “Would recommend”', '4', 4],
  ]);
  await page.locator('#sci [part="column-select"]').first().selectOption('1');
  await expectCounts(page, '#sci', ['0', '0', '6', '6']);
  const columns = await page.evaluate(() => document.querySelector('#sci').report.columns);
  assert.deepEqual([columns.satisfaction.index, columns.repurchase.index, columns.recommend.index, columns.chosenBy], [1, 3, 4, 'option']);

  // The same as a file: the SCI's reader joins the three columns row by row, so another
  // column reads the file again, in the columns chosen.
  await page.locator('#sci [part="file-input"]').setInputFiles({ name: 'sci.csv', mimeType: 'text/csv', buffer: Buffer.from(sci) });
  await expectCounts(page, '#sci', ['2', '2', '2', '6']);
  assert.equal(await part(page, 'file', '#sci').locator('p').textContent(), 'sci.csv · 92 B · 6 rows');
  await page.locator('#sci [part="column-select"]').first().selectOption('1');
  await expectCounts(page, '#sci', ['0', '0', '6', '6']);
  assert.equal(await page.evaluate(() => document.querySelector('#sci').report.columns.chosenBy), 'option');
  assert.deepEqual(await Promise.all([0, 1, 2].map(async (n) => (await picker(page, '#sci', n)).value)), ['1', '3', '4']);

  // Likert: one list. Labels on 1–5 in columns 3 and 4, 29 answers each:
  // column 3: 3×1 + 5×2 + 6×3 + 10×4 + 5×5 = 96, 96/29 = 3.31; column 4: 2 + 8 + 21 + 44 + 25 = 100, 100/29 = 3.45.
  await page.locator('#likert [part="file-input"]').setInputFiles(fixture('likert-labels.csv'));
  await expectText(part(page, 'score', '#likert'), '3.31', 10_000);
  const likert = await picker(page, '#likert');
  assert.deepEqual([likert.label, likert.value, likert.options.length], ['Column with the answers', '3', 5]);
  assert.equal(likert.options[2][1], `3 · The checkout was easy to use — 29 answers 1${WJ}5, 1 blank, 0 other`);
  assert.deepEqual(await part(page, 'warnings', '#likert').locator('li').allTextContents(), [
    'Several columns could hold the answers: 3 “The checkout was easy to use”, 4 “De bezorging was snel”; check the column chosen.',
    'No header named the question; the column was chosen by its values.',
  ]);
  await page.locator('#likert [part="column-select"]').selectOption('4');
  await expectText(part(page, 'score', '#likert'), '3.45');
  assert.deepEqual(await part(page, 'warnings', '#likert').locator('li').allTextContents(), []);
  assert.deepEqual(problems, []);
});

test('warnings are shown in the visitor\'s language', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}${HOSTILE}`);
  // "Likelihood to Recommend" on 1–5: 30 answers, all detractors on 0–10, none above 5.
  await choose(page, NL, fixture('ltr-1-to-5.csv'));
  await expectCounts(page, NL, ['0', '0', '30', '30']);
  assert.deepEqual(await part(page, 'warnings', NL).locator('li').allTextContents(),
    [`De antwoorden gaan niet hoger dan 5. Is dit een schaal van 1${WJ}5? De NPS vraagt om 0${WJ}10.`]);
  assert.equal(await part(page, 'warnings', NL).getAttribute('role'), 'note');
  // Every response a survey preview: 6 / 5 / 9, counted, with a warning.
  await choose(page, NL, fixture('qualtrics-preview.csv'));
  await expectCounts(page, NL, ['6', '5', '9', '20']);
  assert.deepEqual(await part(page, 'warnings', NL).locator('li').allTextContents(), ['Alle antwoorden zijn test- of voorbeeldantwoorden.']);
  await choose(page, EN, fixture('qualtrics-preview.csv'));
  await expectCounts(page, EN, ['6', '5', '9', '20']);
  assert.deepEqual(await part(page, 'warnings', EN).locator('li').allTextContents(), ['Every response is a test or preview response.']);
  // A clean export: no warnings.
  await choose(page, NL, fixture('google-forms-nl.csv'));
  await expectCounts(page, NL, ['9', '8', '11', '28']);
  assert.equal(await part(page, 'warnings', NL).isVisible(), false);
  assert.deepEqual(problems, []);
});

test('a spreadsheet that cannot be read says to save it as CSV, in Dutch, and the result stays', async (t) => {
  const { page, problems } = await openPage(t);
  await recordEvents(page, TYPES);
  await page.goto(`${env.origin}${HOSTILE}`);
  await expectText(part(page, 'score', NL), '–');
  await page.locator(`${NL} [part="file-input"]`).setInputFiles({ name: 'survey.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04 not a workbook') });
  const message = 'Dit werkblad kan hier niet worden gelezen. Sla het op als CSV en kies dat bestand.';
  await expectText(part(page, 'file-error', NL), message, 10_000);
  const errors = await page.evaluate(() => window.events.filter((e) => e.target === 'nl-calc' && e.type === 'loyalty-error').map((e) => e.detail));
  assert.deepEqual(errors.map((e) => [e.code, e.message]), [['failed', message]]);
  assert.equal(await part(page, 'input', NL).isVisible(), true);
  assert.equal(await part(page, 'file', NL).isVisible(), false);
  assert.deepEqual(problems, []);
});

test('the file button is a labelled control reached by keyboard, with a focus ring', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/tests/fixtures/bare.html`);
  await page.locator('loyalty-calculator [part="input"]').focus();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const shadow = document.querySelector('loyalty-calculator').shadowRoot;
    const element = shadow.activeElement;
    const label = shadow.querySelector('[part="file-button"]');
    const style = getComputedStyle(label);
    return { type: element.type, accept: element.accept, name: element.labels[0].textContent, ring: `${style.outlineStyle} ${style.outlineWidth}`, visible: label.offsetWidth > 0 };
  });
  assert.deepEqual(focused, {
    type: 'file',
    accept: '.csv,.tsv,.txt,.xlsx,text/csv,text/plain,text/tab-separated-values',
    name: 'Choose file',
    ring: 'solid 3px',
    visible: true,
  });
  assert.deepEqual(problems, []);
});

test('every NPS export of the corpus, chosen as a file, gives its hand-counted answers and column', async (t) => {
  const { page, problems } = await openPage(t);
  await recordEvents(page, TYPES);
  await page.goto(`${env.origin}${HOSTILE}`);
  await expectText(part(page, 'score', EN), '+25.0');
  const exports = Object.entries(expected).filter(([, e]) => e.metric === 'nps');
  assert.ok(exports.length >= 15, `${exports.length} exports`);
  for (const [name, e] of exports) {
    const before = await page.evaluate(() => window.events.length);
    await choose(page, EN, fixture(name));
    await page.waitForFunction((n) => window.events.slice(n).some((x) => x.target === 'en-calc' && x.type === 'loyalty-result'), before);
    await expectCounts(page, EN, npsCounts(e));
    const report = await page.evaluate((n) => window.events.slice(n).filter((x) => x.type === 'loyalty-result').at(-1).detail, before);
    assert.deepEqual([report.column.index, report.column.name, report.encoding], [e.column.index, e.column.name, e.encoding], name);
    // The widget reads the suggested date column too, so the date warnings
    // come on top of the reading's: SurveyMonkey writes 01/03/2024 12:04:56 PM
    // and Google Forms (nl) 9-1-2024 10:10:18, and no day in either goes
    // above 12, so neither shows whether the day or the month is first.
    const dated = new Set(['date-order-unsure']);
    assert.deepEqual(report.warnings.map((w) => w.code).filter((code) => !dated.has(code)), e.warnings, name);
    const unsure = ['surveymonkey.csv', 'google-forms-nl.csv'].includes(name) ? ['date-order-unsure'] : [];
    assert.deepEqual(report.warnings.map((w) => w.code).filter((code) => dated.has(code)), unsure, name);
    assert.equal((await picker(page, EN)).value, String(e.column.index), name);
  }
  assert.deepEqual(problems, []);
});
