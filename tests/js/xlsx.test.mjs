// The spreadsheet reader as built: pkg/xlsx.mjs and pkg/xlsx.cjs in Node,
// dist/loyalty-xlsx.js in Chromium under the strict CSP. Workbooks: the
// fixtures of tests/fixtures/exports/make_xlsx.py, and small ones zipped here
// by hand for what openpyxl never writes (prefixed XML, inline strings, cells
// without references, the 1904 date system, broken and protected files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { CSP, counts, env, expectText, openPage, part, root } from './widget-harness.mjs';
import { isXlsx, xlsxToText } from '../../pkg/xlsx.mjs';
import { analyzeNps } from '../../pkg/loyalty-score.mjs';

const fixture = (name) => readFileSync(join(root, 'tests/fixtures/exports', name));
const lines = (text) => text.split('\n');

test('numbers-and-dates.xlsx: the first sheet with data, cells as the sheet shows them', async () => {
  const bytes = fixture('numbers-and-dates.xlsx');
  const expected = [
    'Label\tValue\tNote',
    'Whole number\t9\tfloat noise', // stored as 9.000000000000002
    'Sum\t0.8\t', // 0.1 + 0.7, stored as 0.7999999999999999
    'Large\t1234567.891\t',
    'Negative\t-2.5\t',
    'Date and time\t2024-01-05T10:11:12\t', // serial 45296.42444444444, format yyyy-mm-dd hh:mm:ss
    'Date\t2024-01-05\t', // format d-mmm-yy: a date without a time
    'Time\t10:11:12\t', // 0.4244444444444445 of a day, format h:mm:ss
    'Text\tFast, friendly service\t', // shared string "Fast, friendly\nservice"
    'Quoted\t"She said ""fine"""\t', // quoted as in CSV, so the reader keeps the quotes
    'Flag\tTRUE\t',
    '\t\t', // row 12 is empty and stays a line, so lines are sheet rows
    'Percent\t0.45\t', // format 0%: the number, not "45%"
    'Tab\ta b\t',
    '',
  ].join('\n');
  // The first sheet, "Empty", has no cells and is passed over.
  assert.deepEqual(await xlsxToText(bytes), { text: expected, sheet: 'Data', rows: 14 });
  // An ArrayBuffer gives the same.
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  assert.equal((await xlsxToText(buffer)).text, expected);
  // And so does the CommonJS build.
  const require = createRequire(import.meta.url);
  assert.equal((await require('../../pkg/xlsx.cjs').xlsxToText(bytes)).text, expected);
});

test('microsoft-forms.xlsx becomes text that analyzeNps counts as 8 promoters, 7 passives and 5 detractors', async () => {
  const { text, sheet, rows } = await xlsxToText(fixture('microsoft-forms.xlsx'));
  assert.equal(sheet, 'Sheet1');
  assert.equal(rows, 22); // the header and 21 responses
  const got = lines(text);
  assert.equal(got.length, 23); // and the empty string after the last "\n"
  assert.equal(got[0], 'ID\tStart time\tCompletion time\tEmail\tName\tLast modified time\tHow likely are you to recommend us to a friend or colleague?\tHow satisfied are you with the onboarding?\tAny other comments?');
  assert.equal(got[1], '1\t2024-01-22T12:21:14\t2024-01-22T12:24:31\tanonymous\t\t\t10\t5\tGreat service, fast delivery.');
  assert.equal(got[4], '4\t2024-01-22T21:42:47\t2024-01-22T21:48:55\tanonymous\t\t\t3\t1\t"The ""express"" option was not express."');
  assert.equal(got[6], '6\t2024-01-23T03:57:09\t2024-01-23T04:00:51\tanonymous\t\t\t8\t3\tCheckout failed twice, then worked.');
  assert.equal(got[11], '11\t2024-01-23T19:33:04\t2024-01-23T19:36:11\tanonymous\t\t\t\t4\tSkipped the score question.');
  assert.equal(got[15], '15\t2024-01-24T08:01:48\t2024-01-24T08:04:03\tanonymous\t\t\t9\t4\tTab here, and a second line here.');
  assert.ok(got.slice(0, 22).every((line) => line.split('\t').length === 9), 'every row has the nine columns');

  // The NPS column, answers of IDs 1–21: 10 9 7 3 10 8 6 9 0 7 (blank) 10 8 5 9 7 10 8 6 9 7
  //   promoters (9–10): 10 9 10 9 10 9 10 9 → 8
  //   passives (7–8):   7 8 7 8 7 8 7       → 7
  //   detractors (0–6): 3 6 0 5 6           → 5; 20 answered, ID 11 left it blank
  // NPS = (8 − 5) / 20 × 100 = 15
  const report = analyzeNps(text);
  assert.deepEqual([report.respondents, report.promoters, report.passives, report.detractors], [20, 8, 7, 5]);
  assert.equal(report.score, 15);
  assert.equal(report.rejectedCount, 0);
  assert.equal(report.column.index, 7);
  assert.equal(report.column.chosenBy, 'header');
});

test('isXlsx: zip and OLE2 bytes, or a spreadsheet file name', () => {
  assert.equal(isXlsx(fixture('microsoft-forms.xlsx')), true);
  assert.equal(isXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])), true);
  assert.equal(isXlsx(strToU8('ID,Score\n1,9\n'), 'answers.csv'), false);
  assert.equal(isXlsx(strToU8('ID,Score\n1,9\n').buffer), false);
  assert.equal(isXlsx(new Uint8Array(0), 'Responses.XLSX'), true);
  assert.equal(isXlsx(null, 'old.xls'), true);
  assert.equal(isXlsx(undefined), false);
});

// ---- workbooks zipped by hand ------------------------------------------------

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An .xlsx with `sheets` ({ name, xml, state? }) and optional shared strings, styles and 1904 dates. */
function workbook({ sheets, strings = null, styles = null, date1904 = false }) {
  const files = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `\uFEFF<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}">${date1904 ? '<x:workbookPr date1904="1"/>' : ''}<x:sheets>${sheets
      .map((sheet, i) => `<x:sheet name="${sheet.name}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rS${i}"/>`)
      .join('')}</x:sheets></x:workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((sheet, i) => `<Relationship Id="rS${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}${strings ? `<Relationship Id="rStr" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${styles ? `<Relationship Id="rSty" Type="${REL}/styles" Target="styles.xml"/>` : ''}</Relationships>`,
  };
  sheets.forEach((sheet, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>${sheet.xml}</x:sheetData></x:worksheet>`));
  if (strings) files['xl/sharedStrings.xml'] = `<sst xmlns="${MAIN}">${strings}</sst>`;
  if (styles) files['xl/styles.xml'] = `<styleSheet xmlns="${MAIN}">${styles}</styleSheet>`;
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, strToU8(xml)])));
}

test('prefixed XML, inline strings, cells and rows without references, formulas, errors and the 1904 date system', async () => {
  const styles =
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="&quot;Day: &quot;dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[h]:mm"/><numFmt numFmtId="166" formatCode="[$-409]mmm\\ yy;@"/></numFmts>' +
    '<dxfs count="1"><dxf><numFmt numFmtId="167" formatCode="yyyy"/></dxf></dxfs>' +
    '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/><xf numFmtId="166"/></cellXfs>';
  const strings =
    '<si><t>Score</t></si>' +
    // Rich text in runs, and a phonetic reading that is not shown.
    '<si><r><t>Very </t></r><r><rPr><b/></rPr><t xml:space="preserve">good</t></r><rPh sb="0" eb="1"><t>ベリー</t></rPh></si>' +
    '<si><t>line_x000D_\nbreak &amp; _x005F_x0041_</t></si>';
  const hidden = { name: 'Lists', state: 'hidden', xml: '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>not this one</x:t></x:is></x:c></x:row>' };
  const data = {
    name: 'Answers',
    xml:
      // Row 1: no row or cell references at all.
      '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>When</x:t></x:is></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>' +
      // Row 2: a formula with its cached number, a 1904 date with literal text in the format, an elapsed time.
      '<x:row><x:c><x:f>4+5</x:f><x:v>9</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c><x:c s="2"><x:v>1.5</x:v></x:c></x:row>' +
      // Row 4 (row 3 missing): B4 first, then references resume; string formula, error, ISO date cell.
      '<x:row r="4"><x:c r="B4" t="e"><x:v>#N/A</x:v></x:c><x:c t="str"><x:f>A1&amp;"!"</x:f><x:v>Score!</x:v></x:c><x:c r="E4" t="d"><x:v>2024-01-05T10:11:12.000Z</x:v></x:c></x:row>' +
      '<x:row r="5"><x:c r="A5" t="s"><x:v>2</x:v></x:c><x:c r="B5" s="3"><x:v>1000.25</x:v></x:c><x:c r="C5" s="4"><x:v>1</x:v></x:c><x:c r="D5" t="b"><x:v>0</x:v></x:c></x:row>' +
      // Formatting far below the data, with no values: not part of the text.
      '<x:row r="900"><x:c r="A900" s="1"/></x:row>',
  };
  const result = await xlsxToText(workbook({ sheets: [hidden, data], strings, styles, date1904: true }));
  assert.deepEqual(result, {
    sheet: 'Answers',
    rows: 5,
    text: [
      'Score\tWhen\tVery good\t\t',
      // 1904 system: serial 0 is 1904-01-01; [h]:mm is a duration and stays 1.5.
      '9\t1904-01-01\t1.5\t\t',
      '\t\t\t\t',
      '\t#N/A\tScore!\t\t2024-01-05T10:11:12',
      // _x000D_ is a carriage return, "\r\n" one space; _x005F_ escapes the underscore.
      // Serial 1000.25 in 1904 is 1906-09-27 06:00 (1,000 days after 1904-01-01); [$-409]mmm yy is a date.
      'line break & _x0041_\t1906-09-27T06:00:00\t1904-01-02\tFALSE\t',
      '',
    ].join('\n'),
  });
});

test('files that are not readable workbooks are refused with a clear message and a code', async () => {
  const refused = async (bytes, code, message) => {
    await assert.rejects(xlsxToText(bytes), (error) => {
      assert.equal(error.code, code);
      assert.match(error.message, message);
      return true;
    });
  };
  await refused(new Uint8Array(0), 'empty-file', /^The file is empty\.$/);
  await refused(strToU8('ID,Score\n1,9\n'), 'not-xlsx', /not an Excel workbook \(\.xlsx\).*CSV/);
  // A zip that is no workbook, such as a Word document.
  await refused(zipSync({ 'word/document.xml': strToU8('<w:document/>') }), 'not-xlsx', /zip archive but not an Excel workbook/);
  const good = fixture('numbers-and-dates.xlsx');
  await refused(good.subarray(0, good.length - 40), 'damaged', /damaged or incomplete/);
  // OLE2 files: with an EncryptionInfo stream (UTF-16LE in the directory) a protected workbook, else an .xls.
  const ole2 = (...names) => {
    const bytes = new Uint8Array(1536);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    names.forEach((name, i) => bytes.set(Array.from(name, (c) => [c.charCodeAt(0), 0]).flat(), 512 + i * 128));
    return bytes;
  };
  await refused(ole2('EncryptedPackage', 'EncryptionInfo'), 'encrypted', /protected with a password.*CSV/);
  await refused(ole2('Workbook', 'SummaryInformation'), 'legacy-xls', /Excel 97–2003 workbook \(\.xls\)/);
  await refused(workbook({ sheets: [{ name: 'Sheet1', xml: '<x:row r="1"><x:c r="A1" s="0"/><x:c r="B1" t="inlineStr"><x:is><x:t> </x:t></x:is></x:c></x:row>' }] }), 'no-data', /no data/);
  await assert.rejects(xlsxToText('PK'), TypeError);
});

test('in Chromium under the strict CSP, dist/loyalty-xlsx.js gives the same text and the calculator counts it', async (t) => {
  const { text: expected } = await xlsxToText(fixture('microsoft-forms.xlsx'));
  const { page, problems } = await openPage(t);
  const response = await page.goto(`${env.origin}/tests/fixtures/xlsx.html`);
  assert.equal(response.headers()['content-security-policy'], CSP);
  // The page itself may fetch nothing (connect-src falls back to 'none'): the
  // test fetches the file from the same server and hands its bytes over.
  const file = await page.request.get(`${env.origin}/tests/fixtures/exports/microsoft-forms.xlsx`);
  assert.equal(file.status(), 200);
  const result = await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const { text, sheet, rows } = await globalThis.LoyaltyXlsx.xlsxToText(bytes.buffer);
    document.querySelector('#calc').analyze(text);
    return { text, sheet, rows, members: Object.keys(globalThis.LoyaltyXlsx) };
  }, (await file.body()).toString('base64'));
  assert.deepEqual(result, { text: expected, sheet: 'Sheet1', rows: 22, members: ['xlsxToText'] });
  // (8 − 5) / 20 × 100 = +15.0, as in Node.
  await expectText(part(page, 'score', '#calc'), '+15.0');
  assert.deepEqual(await counts(page, '#calc'), ['8', '7', '5', '20']);
  assert.deepEqual(problems, []);
});
