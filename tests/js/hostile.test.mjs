// The hostile corpus of tests/hostile.rs given to <loyalty-calculator> in
// Chromium, under the strict CSP of hostile.html: each case as a file (made
// in the page, never on disk) or as a paste, with the counts, score or
// message it must show worked out by hand; no page error, console error, CSP
// violation or dialog on the way; and a normal paste that still works after.
// Also: a share link made after pasting carries the counts and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { counts, env, expectText, openPage, part, recordEvents } from './widget-harness.mjs';

const HOSTILE = '/tests/fixtures/hostile.html';
const EN = '#en-calc';
const NOTHING = 'No answer from 0 to 10 was found.';
const EMPTY = 'Paste scores to see the Net Promoter Score.';

/** The bytes of a fixed generator (a 32-bit LCG), with ASCII digits moved into the upper half, as in tests/hostile.rs. */
function garbage(length) {
  let seed = 12_345;
  return Array.from({ length }, () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    const b = seed >>> 24;
    return b >= 0x30 && b <= 0x39 ? b | 0x80 : b;
  });
}

const bytes = (text) => [...Buffer.from(text, 'utf8')];

/**
 * Gives the calculator a file made in the page from `spec`, as the file
 * dialog does, and resolves with the report of the result or error it shows.
 * `spec` is { bytes } (a small file from here) or { big, n } (built in the
 * page: a line of n digits, n separators, or n columns).
 */
async function giveFile(page, spec) {
  const seen = await page.evaluate(() => window.events.length);
  await page.evaluate((spec) => {
    const build = {
      line: (n) => ['9\n', '9'.repeat(n), '\n10\n3\n'],
      separators: (n) => ['9\n', ',;\t '.repeat(n / 4), '\n10\n3\n'],
      columns: (n) => {
        const header = Array.from({ length: n }, (_, i) => (i === 4999 ? 'How likely are you to recommend us?' : `Q${i + 1}`));
        const row = (answer) => Array.from({ length: n }, (_, i) => (i === 4999 ? answer : '5')).join(',');
        return [header.join(','), '\n', row('9'), '\n', row('10'), '\n', row('3'), '\n'];
      },
    };
    const parts = spec.bytes ? [new Uint8Array(spec.bytes)] : build[spec.big](spec.n);
    const transfer = new DataTransfer();
    transfer.items.add(new File(parts, 'answers.csv', { type: 'text/csv' }));
    const input = document.querySelector('#en-calc').shadowRoot.querySelector('[part="file-input"]');
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, spec);
  return settled(page, seen);
}

/** Pastes `text` into the calculator (its textarea, as typing does) and resolves with the report shown. */
async function paste(page, text) {
  const seen = await page.evaluate(() => window.events.length);
  await part(page, 'input', EN).fill(text);
  return settled(page, seen);
}

/** The report of the first result or error after event `seen`. */
async function settled(page, seen) {
  const handle = await page.waitForFunction((seen) => window.events.slice(seen).find(
    (e) => e.target === 'en-calc' && (e.type === 'loyalty-result' || e.type === 'loyalty-error')), seen, { timeout: 60_000 });
  const event = await handle.jsonValue();
  return event.type === 'loyalty-error' ? event.detail.report : event.detail;
}

/** What the calculator shows: the score, the line under it, the table's counts, and the rejected entries. */
async function shown(page) {
  const rejected = part(page, 'rejected', EN);
  return {
    score: await part(page, 'score', EN).textContent(),
    line: await part(page, 'interval', EN).textContent(),
    counts: await counts(page, EN),
    title: (await rejected.isVisible()) ? await rejected.locator('summary').textContent() : null,
    codes: await rejected.locator('li code').allTextContents(),
    items: await rejected.locator('li').allTextContents(),
  };
}

/** A page at hostile.html that records events and dialogs, with the first calculator's example result shown. */
async function hostilePage(t, options) {
  const opened = await openPage(t, options);
  const dialogs = [];
  opened.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await recordEvents(opened.page);
  await opened.page.goto(`${env.origin}${HOSTILE}`);
  await expectText(part(opened.page, 'score', EN), '+25.0');
  return { ...opened, dialogs };
}

/** No markup was made from any input: no element a pasted tag could have become, anywhere. */
const madeFromInput = (page) => page.evaluate(() => [...document.querySelectorAll('loyalty-calculator')].reduce(
  (n, el) => n + el.shadowRoot.querySelectorAll('img, script, iframe, object, embed, [onerror], [onload]').length,
  document.querySelectorAll('img, iframe, script:not([src])').length,
));

test('hostile files: garbage, broken UTF-8, a BOM, NULs, line ends, huge lines and tables', async (t) => {
  const { page, problems, dialogs } = await hostilePage(t);

  // Garbage with no digit in it: nothing counts, every entry is "not a number", read as Windows-1252.
  let report = await giveFile(page, { bytes: garbage(8192) });
  let view = await shown(page);
  assert.deepEqual([view.score, view.line, view.counts], ['–', NOTHING, ['0', '0', '0', '0']]);
  assert.equal(report.encoding, 'windows-1252');
  assert.ok(report.rejectedCount > 50 && report.rejected.every((r) => r.reason === 'not-a-number'), String(report.rejectedCount));
  assert.equal(view.title, `${report.rejectedCount} entries not counted`);
  // The answers after it still count: 9, 10 (promoters) and 3 (a detractor) → (2 − 1)/3 = +33.3.
  await giveFile(page, { bytes: [...garbage(8192), ...bytes('\n9\n10\n3\n')] });
  assert.deepEqual((await shown(page)).counts, ['2', '0', '1', '3']);
  assert.equal((await shown(page)).score, '+33.3');

  // C3 28 and a lone 80 are not UTF-8: Windows-1252, where they read "Ã(" and "€".
  report = await giveFile(page, { bytes: [0x39, 0x0a, 0xc3, 0x28, 0x0a, 0x31, 0x30, 0x0a, 0x80, 0x0a, 0x33, 0x0a] });
  view = await shown(page);
  assert.deepEqual([view.score, view.counts, view.codes], ['+33.3', ['2', '0', '1', '3'], ['Ã(', '€']]);
  assert.deepEqual(view.items, ['line 2, column 1 Ã( — not a number', 'line 4, column 1 € — not a number']);
  assert.equal(report.encoding, 'windows-1252');

  // A lone BOM is an empty file: nothing counted and nothing rejected.
  await giveFile(page, { bytes: [0xef, 0xbb, 0xbf] });
  view = await shown(page);
  assert.deepEqual([view.score, view.line, view.counts, view.title], ['–', EMPTY, ['0', '0', '0', '0'], null]);

  // NULs damage the entries they are in; the answers around them count.
  await giveFile(page, { bytes: bytes('9\n9\u0000\n10\n\u0000\n3\n') });
  view = await shown(page);
  assert.deepEqual([view.counts, view.title, view.codes], [['2', '0', '1', '3'], '2 entries not counted', ['9\u0000', '\u0000']]);

  // LF, CRLF and a bare CR each end a line; LF then CR leaves line 5 empty:
  // 9, 10 promoters; 7, 8 passives; 0 a detractor; x on line 3.
  await giveFile(page, { bytes: bytes('9\n10\r\nx\r7\n\r8\r\n0') });
  view = await shown(page);
  assert.deepEqual([view.counts, view.score, view.items], [['2', '2', '1', '5'], '+20.0', ['line 3, column 1 x — not a number']]);

  // A quote that never closes makes the rest of the file one cell, shown as written.
  await giveFile(page, { bytes: bytes('id,How likely are you to recommend us?\n1,9\n2,"10\n3,8\n4,3\n') });
  view = await shown(page);
  assert.deepEqual([view.counts, view.codes], [['1', '0', '0', '1'], ['10\n3,8\n4,3']]);

  // 10 million separators on one line between the answers: a blank line.
  await giveFile(page, { big: 'separators', n: 10_000_000 });
  view = await shown(page);
  assert.deepEqual([view.counts, view.title], [['2', '0', '1', '3'], null]);

  // One line of 50 million digits: one entry, far above 10, shown to 40 characters.
  report = await giveFile(page, { big: 'line', n: 50_000_000 });
  view = await shown(page);
  assert.deepEqual([view.counts, view.title], [['2', '0', '1', '3'], '1 entry not counted']);
  assert.deepEqual(view.items, [`line 2, column 1 ${'9'.repeat(40)}… — outside 0\u2060–\u206010`]);
  assert.equal(report.rows, 4);

  // 10,000 columns: the one whose header is the question (5,000) is read; the others hold 5.
  report = await giveFile(page, { big: 'columns', n: 10_000 });
  assert.deepEqual((await shown(page)).counts, ['2', '0', '1', '3']);
  assert.deepEqual([report.column.index, report.column.chosenBy, report.columns.length], [5000, 'header', 10_000]);
  assert.equal(await page.locator(`${EN} [part="column-select"] option`).count(), 10_000);

  // Clear, then a normal paste: 10, 9, 3, 8 → +25.0.
  await part(page, 'file', EN).getByRole('button', { name: 'Clear' }).click();
  await paste(page, '10\n9\n3\n8');
  assert.deepEqual((await shown(page)).counts, ['2', '1', '1', '4']);
  await expectText(part(page, 'score', EN), '+25.0');
  assert.equal(await madeFromInput(page), 0);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
});

test('hostile pastes: signs, notations, other digits, formulas, markup, marks, long numbers', async (t) => {
  const { page, problems, dialogs } = await hostilePage(t);

  // Counted: 9, −0 (0), +9, 9.0, 9,0 (9), ９ and ٩ (9), 9 between RTL marks, 10, 3:
  // 8 promoters and 2 detractors. Not numbers: 1e1, 0x9, =9, =SUM(A1). NPS (8 − 2)/10 = +60.0.
  const lines = ['9', '-0', '+9', '9.0', '9,0', '1e1', '0x9', '９', '٩', '=9', '=SUM(A1)', '\u200f9\u200f', '10', '3'];
  let report = await paste(page, lines.join('\n'));
  let view = await shown(page);
  assert.deepEqual([view.counts, view.score], [['8', '0', '2', '10'], '+60.0']);
  assert.deepEqual(view.items, [
    'line 6, column 1 1e1 — not a number',
    'line 7, column 1 0x9 — not a number',
    'line 10, column 1 =9 — not a number',
    'line 11, column 1 =SUM(A1) — not a number',
  ]);
  // Seven nines, one 10; the detractors are the 0 and the 3.
  assert.deepEqual(report.histogram, [1, 0, 0, 1, 0, 0, 0, 0, 0, 7, 1]);

  // Markup in a CSV cell is a rejected entry shown literally, and never runs.
  report = await paste(page, 'id,How likely are you to recommend us?\n1,9\n2,<script>alert(1)</script>\n3,<img src=x onerror=alert(1)>\n4,10\n5,3');
  await part(page, 'rejected', EN).locator('summary').click();
  view = await shown(page);
  assert.deepEqual([view.counts, view.codes], [['2', '0', '1', '3'], ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>']]);
  assert.ok(await part(page, 'rejected', EN).locator('li code').first().isVisible());
  await page.waitForTimeout(300); // time for an error event or a dialog, had an element been made
  assert.equal(await madeFromInput(page), 0);

  // Digits beyond the 256 bytes kept of an entry are never a score; within them 0…09 is 9.
  const long = ['9', '9'.repeat(5000), `1${'0'.repeat(2999)}`, `${'0'.repeat(250)}9`, `${'0'.repeat(4000)}9`, `0.${'0'.repeat(3000)}`, '10', '3'];
  report = await paste(page, long.join('\n'));
  view = await shown(page);
  assert.deepEqual(view.counts, ['3', '0', '1', '4']);
  assert.deepEqual(report.rejected.map((r) => [r.line, r.reason]), [[2, 'out-of-range'], [3, 'out-of-range'], [5, 'out-of-range'], [6, 'not-a-number']]);

  // Only separators: blank, nothing to show yet.
  await paste(page, ',;\t ,\n;;;\n , , \n');
  view = await shown(page);
  assert.deepEqual([view.score, view.line, view.title], ['–', EMPTY, null]);

  // A header with no data: one line is a list of words, none of them an answer.
  await paste(page, 'id,How likely are you to recommend us?,comment');
  view = await shown(page);
  assert.deepEqual([view.score, view.line, view.title], ['–', NOTHING, '9 entries not counted']);

  // A lone surrogate in the text becomes U+FFFD on its way in, and is not a number.
  await paste(page, '9\n\ud800\n10');
  assert.deepEqual((await shown(page)).codes, ['\ufffd']);

  await paste(page, '10\n9\n3\n8');
  await expectText(part(page, 'score', EN), '+25.0');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
});

test('a share link made after pasting answers carries the counts and none of the text', async (t) => {
  const { page, problems } = await hostilePage(t, { clipboard: true });
  const secret = 'Customer 4711 <b>jan@example.org</b>';
  // 10, 9, 9 promoters; 7 passive; 2 detractor; the secret line is rejected.
  await paste(page, `10\n9\n${secret}\n9\n7\n2`);
  await expectText(part(page, 'score', EN), '+40.0');
  await page.locator(`${EN} [part~="actions"]`).getByRole('button', { name: 'Copy share link', exact: true }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(link);
  assert.equal(`${url.origin}${url.pathname}${url.search}`, `${env.origin}${HOSTILE}`);
  const params = new URLSearchParams(url.hash.slice(1));
  assert.deepEqual([...params.keys()].sort(), ['c', 'd', 'm', 'p']);
  assert.deepEqual(Object.fromEntries(params), { c: 'en-calc', p: '3', m: '1', d: '1' });
  for (const word of ['Customer', '4711', 'jan', 'example', '%3C', '<']) assert.ok(!link.includes(word), `${word} in ${link}`);
  assert.deepEqual(problems, []);
});

/**
 * Pastes, a file, the Dutch calculator and the page's API on `path`, a copy
 * of hostile.html whose own script altered the built-ins before the embed;
 * `altered` says in the page that it did.
 */
async function hostAltered(t, path, altered) {
  const { page, problems } = await openPage(t);
  await recordEvents(page);
  await page.goto(`${env.origin}${path}`);
  assert.equal(await page.evaluate(altered), true);
  await expectText(part(page, 'score', EN), '+25.0');

  // 10, 9, 9 promoters; 7 passive; 2 detractor: (3 − 1)/5 = +40.
  await paste(page, '10\n9\n9\n7\n2');
  assert.deepEqual(await counts(page, EN), ['3', '1', '1', '5']);
  await expectText(part(page, 'score', EN), '+40.0');

  // A file: 9 and 10 promoters, 3 a detractor, "x" rejected at line 5.
  const report = await giveFile(page, { bytes: bytes('id,How likely are you to recommend us?\n1,9\n2,10\n3,3\n4,x\n') });
  assert.deepEqual([report.respondents, report.promoters, report.detractors, report.rejected.map((r) => [r.line, r.text])], [3, 2, 1, [[5, 'x']]]);
  await expectText(part(page, 'score', EN), '+33.3');

  // The Dutch calculator speaks Dutch.
  assert.match(await part(page, 'label', '#nl-calc').textContent(), /^Plak je antwoorden/);

  // The page's API: reports with their own keys only, options read from own keys.
  const api = await page.evaluate(() => {
    const nps = LoyaltyScore.analyzeNps('10\n9\n8\n3', { level: 0.9 });
    const sci = LoyaltyScore.analyzeSci('9;9;10\n3;9;9');
    return { score: nps.score, level: nps.interval.level, own: Object.keys(nps).includes('extend'), sciRespondents: sci.respondents };
  });
  assert.deepEqual(api, { score: 25, level: 0.9, own: false, sciRespondents: 2 });
  assert.deepEqual(problems, []);
}

test('a host page whose scripts added enumerable methods to Object.prototype and Array.prototype: pastes, a file, Dutch and the API', (t) =>
  hostAltered(t, '/tests/fixtures/altered.html', () => ({}).legacyFlag === true && typeof [].remove === 'function'));

test('a host page that froze the built-in prototypes and namespaces, as hardened JavaScript does: the same', (t) =>
  hostAltered(t, '/tests/fixtures/frozen.html', () => Object.isFrozen(Object.prototype) && Object.isFrozen(HTMLElement.prototype) && Object.isFrozen(WebAssembly)));
