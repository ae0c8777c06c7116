// The NPS by segment and over time, and the comments behind the score, in
// <loyalty-calculator> in Chromium under the strict CSP of hostile.html:
// tests/fixtures/breakdown.csv pasted and given as a file, the selects pre-set
// from the core's suggestions, the segment and period charts with their text
// alternatives and tables, the comments with their search, the exports, a
// select switched off, the period and the date order, and the same in Dutch.
//
// tests/fixtures/breakdown.csv: 46 rows under "Respondent, Date, Region, How
// likely are you to recommend us?, Why?" (lines 2–47). The answers (column 4):
//   South, lines 2–11, January:   10 9 8 7 6 5 4 3 2 0  → 2 P, 2 M, 6 D
//   East, lines 12–13, January:   9 7;  lines 22–24, February: 10 8 6
//                                                        → 2 P, 2 M, 1 D
//   North, lines 14–21, February: 10 9 10 9 10 9 8 7     → 6 P, 2 M
//          lines 25–35, March:    10 9 10 9 10 9 10 9 10 8 7 → 9 P, 2 M
//          lines 36–44, April:    10 9 10 9 10 9 10 8 7  → 7 P, 2 M
//          line 46 (no date) 10, line 47 (date "soon") 9 → 2 P
//                                                        → 24 P, 6 M, 0 D (30)
//   no region, line 45, 30 April: 3                      → 1 D
// Overall 28 P, 10 M, 8 D of 46: (28 − 8)/46 = +43.5.
//
// Segments (adjusted Wald: 0.75 P, 1.5 M and 0.75 D added, n + 3; z = 1.95996):
//   North 30: (24 − 0)/30 = +80.0; p = 24.75/33 = .75, d = .75/33 = .0227,
//     e = .7273, var = (.7727 − .5289)/33 = .00739, ±16.85 → +55.9 to +89.6
//   South 10: (2 − 6)/10 = −40.0; p = 2.75/13, d = 6.75/13, e = −.3077,
//     var = (.7308 − .0947)/13 = .04893, ±43.36 → −74.1 to +12.6
//   East 5: (2 − 1)/5 = +20.0; p = 2.75/8, d = 1.75/8, e = .125,
//     var = (.5625 − .0156)/8 = .06836, ±51.25 → −38.7 to +63.7
//   (blank) 1: −100.0; p = .75/4, d = 1.75/4, e = −.25, var = .1406, ±73.5
//     → −98.5 to +48.5 (the adjusted interval need not hold the raw score)
// Each against the rest (the other 16, 36, 41, 45 respondents), raw
// differences: North +80 − (4 − 8)/16·100 = +105.0; South −40 − 24/36·100 =
// −106.7; East +20 − 19/41·100 = −26.3; (blank) −100 − 21/45·100 = −146.7.
// z (adjusted, both samples): North 4.55, South −3.81, East −1.07, blank −1.76;
// p = .0000053, .00014, .284, .078; Holm over four: ×4, ×3, ×1 (East), ×2
// (blank) → .000021, .00041 significant; .157 and .284 not. Fewer than 30
// respondents is "few answers": all but North.
//
// Periods (auto: the longest period with at least four: months, as the year
// gives 1 and quarters 2), the dates day first (15/01/2024 reads no other way):
//   Jan 2024: 3 P, 3 M, 6 D of 12 → −25.0, −61.1 to +21.1
//   Feb 2024: 7 P, 3 M, 1 D of 11 → +54.5, +6.0 to +79.7; against January
//     e = .4286 − (−.2) = .6286, se = √(.03535 + .044) = .2817, z = 2.23,
//     p = .026: a significant rise of 79.5 points
//   Mar 2024: 9 P, 2 M of 11 → +81.8, +33.9 to +94.7; +27.3, p = .38
//   Apr 2024: 7 P, 2 M, 1 D of 10 → +60.0, +7.0 to +85.3; −21.8, p = .47
// Line 46 has no date (undated 1) and line 47's "soon" is no date (rejected
// at line 47, column 5); both answers count in the score.
// By quarter: Q1 2024 19 P, 8 M, 7 D of 34 → +35.3, +6.7 to +58.2; Q2 = April.
//
// Comments (column 5), by group in line order: promoters lines 3, 14, 26, 38;
// passives 4, 23; detractors 6, 8, 10, 24, 45.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { env, expectText, openPage, part, root } from './widget-harness.mjs';

const HOSTILE = '/tests/fixtures/hostile.html';
const EN = '#en-calc';
const NL = '#nl-calc';
const WJ = '\u2060–\u2060';
const FIXTURE = join(root, 'tests/fixtures/breakdown.csv');
const TEXT = readFileSync(FIXTURE, 'utf8');
const MARKUP = '<b>Love it</b> <img src=x onerror=alert(1)>';

/** The cells' text of every row of a table part. */
const tableRows = (page, calc, name) => page.locator(`${calc} [part="${name}"] tbody tr`)
  .evaluateAll((rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent)));

/** A select part: its label, value and options. */
const selectOf = (page, calc, name) => page.locator(`${calc} [part="${name}"]`).evaluate((select) => ({
  label: select.labels[0].textContent,
  value: select.value,
  options: [...select.options].map((option) => [option.value, option.textContent]),
  visible: select.offsetParent !== null,
}));

/** The comments shown (not filtered out), by group. */
const shownComments = (page, calc) => page.locator(`${calc} [part~="comment-group"]`).evaluateAll((groups) => groups.map((group) => ({
  title: group.querySelector('h4').textContent,
  items: [...group.querySelectorAll('li')].filter((li) => !li.hidden).map((li) => [...li.children].map((child) => child.textContent)),
  note: [...group.querySelectorAll('p')].filter((p) => !p.hidden).map((p) => p.textContent),
})));

const report = (page, calc) => page.evaluate((selector) => document.querySelector(selector).report, calc);
/** Waits (up to `timeout` ms) for the calculator's report to pass `check`, and returns it. */
async function waitFor(page, calc, check, timeout = 20_000) {
  const end = Date.now() + timeout;
  let r = await report(page, calc);
  while (!(r && check(r)) && Date.now() < end) {
    await new Promise((done) => setTimeout(done, 25));
    r = await report(page, calc);
  }
  assert.ok(r && check(r), `the report did not pass ${check}`);
  return r;
}

/** A small CSV reader (RFC 4180) for the files downloaded. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const SEGMENTS_EN = [
  ['North', '30', '+80.0', '+55.9 to +89.6', 'Significantly higher (+105.0)'],
  ['South', '10', '-40.0', '-74.1 to +12.6', 'Significantly lower (-106.7) · few answers'],
  ['East', '5', '+20.0', '-38.7 to +63.7', 'No clear difference (-26.3) · few answers'],
  ['(blank)', '1', '-100.0', '-98.5 to +48.5', 'No clear difference (-146.7) · few answers'],
];
const PERIODS_EN = [
  ['Jan 2024', '12', '-25.0', '-61.1 to +21.1', 'First period · few answers'],
  ['Feb 2024', '11', '+54.5', '+6.0 to +79.7', 'Significant rise (+79.5) · few answers'],
  ['Mar 2024', '11', '+81.8', '+33.9 to +94.7', 'No clear change (+27.3) · few answers'],
  ['Apr 2024', '10', '+60.0', '+7.0 to +85.3', 'No clear change (-21.8) · few answers'],
];
const COMMENTS_EN = [
  {
    title: `Promoters (9${WJ}10) · 4 comments`,
    items: [
      ['9', 'Fast delivery, friendly staff.', 'line 3'],
      ['10', 'Great app, I use it daily.', 'line 14'],
      ['9', MARKUP, 'line 26'],
      ['10', 'They said "back in stock soon" and it was.', 'line 38'],
    ],
    note: [],
  },
  {
    title: `Passives (7${WJ}8) · 2 comments`,
    items: [['8', 'Fine, but the app is slow.', 'line 4'], ['8', '=HYPERLINK("http://example.com","click")', 'line 23']],
    note: [],
  },
  {
    title: `Detractors (0${WJ}6) · 5 comments`,
    items: [
      ['6', 'Parcel arrived late twice.', 'line 6'],
      ['4', 'Support never answered my email.', 'line 8'],
      ['2', 'Too expensive for what it is.', 'line 10'],
      ['6', 'The café was closed when I came.', 'line 24'],
      ['3', 'Courier left the box in the rain.', 'line 45'],
    ],
    note: [],
  },
];

test('a pasted export: the selects pre-set from the suggestions, the segments, periods and comments, the search', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}${HOSTILE}`);
  await expectText(part(page, 'score', EN), '+25.0');
  await page.evaluate((text) => (document.querySelector('#en-calc').value = text), TEXT);
  await expectText(part(page, 'score', EN), '+43.5');

  // The core suggests Region (3) as the segment, Date (2) and Why? (5); the answers (4) are not offered.
  const r = await report(page, EN);
  assert.deepEqual(r.suggested, { segment: 3, date: 2, comment: 5 });
  const columns = [['none', 'None'], ['1', '1 · Respondent'], ['2', '2 · Date'], ['3', '3 · Region'], ['5', '5 · Why?']];
  assert.deepEqual(await selectOf(page, EN, 'segment-select'), { label: 'Segment by', value: '3', options: columns, visible: true });
  assert.deepEqual(await selectOf(page, EN, 'date-select'), { label: 'Date', value: '2', options: columns, visible: true });
  assert.deepEqual(await selectOf(page, EN, 'comment-select'), { label: 'Comments', value: '5', options: columns, visible: true });
  const period = await selectOf(page, EN, 'period-select');
  assert.deepEqual([period.label, period.value, period.options[0][1]], ['Period', 'auto', 'Automatic (month)']);
  const order = await selectOf(page, EN, 'date-order-select');
  assert.deepEqual([order.label, order.value, order.options.map(([, text]) => text)],
    ['Date order', 'auto', ['As the dates show (day first)', 'Day first (31/12/2024)', 'Month first (12/31/2024)']]);
  // The report of the paste is the core's with those columns.
  assert.deepEqual([r.segmentColumn.index, r.dateColumn.index, r.commentColumn.index, r.period, r.dateOrder], [3, 2, 5, 'month', 'day-first']);

  // Segments: the table by respondents, as the report orders them.
  assert.equal(await part(page, 'segments', EN).locator('h3').textContent(), 'NPS by “Region”');
  assert.deepEqual(await page.locator(`${EN} [part="segment-table"] thead th`).allTextContents(),
    ['Segment', 'n', 'NPS', '95% interval', 'Against the rest']);
  assert.deepEqual(await tableRows(page, EN, 'segment-table'), SEGMENTS_EN);
  // The chart: a row per segment by score, a dot each, the overall score dashed, North and South marked.
  const chart = await part(page, 'segment-chart', EN).locator('svg').evaluate((svg) => ({
    role: svg.getAttribute('role'),
    label: svg.getAttribute('aria-label'),
    dots: svg.querySelectorAll(':scope > circle').length,
    dashed: [...svg.querySelectorAll('line[stroke-dasharray]')].length,
    texts: [...svg.querySelectorAll('text')].map((text) => text.textContent),
  }));
  assert.equal(chart.role, 'img');
  assert.equal(chart.label, 'NPS by “Region”, sorted by score, overall +43.5: '
    + 'North +80.0 (30 answers, interval +55.9 to +89.6; Significantly higher (+105.0)); '
    + 'East +20.0 (5 answers, interval -38.7 to +63.7; No clear difference (-26.3) · few answers); '
    + 'South -40.0 (10 answers, interval -74.1 to +12.6; Significantly lower (-106.7) · few answers); '
    + '(blank) -100.0 (1 answer, interval -98.5 to +48.5; No clear difference (-146.7) · few answers).');
  assert.equal(chart.dots, 4);
  assert.equal(chart.dashed, 1);
  assert.deepEqual(chart.texts.filter((text) => ['North', 'East', 'South', '(blank)'].includes(text)), ['North', 'East', 'South', '(blank)']);
  assert.deepEqual(chart.texts.filter((text) => text === '▲' || text === '▼'), ['▲', '▼']);
  assert.ok(chart.texts.includes('overall +43.5'), chart.texts.join('|'));

  // Periods: by month, a point each with its count under it, the rise in February marked.
  assert.equal(await part(page, 'periods', EN).locator('h3').textContent(), 'NPS per month');
  assert.deepEqual(await tableRows(page, EN, 'period-table'), PERIODS_EN);
  const line = await part(page, 'period-chart', EN).locator('svg').evaluate((svg) => ({
    label: svg.getAttribute('aria-label'),
    dots: svg.querySelectorAll(':scope > circle').length,
    bands: svg.querySelectorAll('polygon').length,
    texts: [...svg.querySelectorAll('text')].map((text) => text.textContent),
  }));
  assert.equal(line.label, 'NPS per month, from Jan 2024 to Apr 2024: '
    + 'Jan 2024 -25.0 (12 answers, interval -61.1 to +21.1; First period · few answers); '
    + 'Feb 2024 +54.5 (11 answers, interval +6.0 to +79.7; Significant rise (+79.5) · few answers); '
    + 'Mar 2024 +81.8 (11 answers, interval +33.9 to +94.7; No clear change (+27.3) · few answers); '
    + 'Apr 2024 +60.0 (10 answers, interval +7.0 to +85.3; No clear change (-21.8) · few answers).');
  assert.deepEqual([line.dots, line.bands], [4, 1]);
  for (const text of ['12', '11', '10', 'Jan 2024', 'Apr 2024', '▲']) assert.ok(line.texts.includes(text), `${text} in ${line.texts.join('|')}`);
  assert.equal(line.texts.filter((text) => text === '▲' || text === '▼').length, 1);
  // The dates in words: the column, the order, the answer without a date and the date not read.
  assert.equal(await part(page, 'period-note', EN).textContent(),
    'Dates from column 2 “Date”. Read with the day first. 1 answer without a date is left out of the periods.');
  assert.equal(await part(page, 'date-rejected', EN).locator('summary').textContent(), '1 date not read');
  assert.deepEqual(await part(page, 'date-rejected', EN).locator('li').allTextContents(), ['line 47, column 5 soon — not a date that can be read']);
  assert.equal(await part(page, 'warnings', EN).isVisible(), false, 'nothing to warn about');

  // Comments: grouped, with totals, as text.
  assert.equal(await part(page, 'comments', EN).locator('h3').textContent(), 'Comments from “Why?”');
  assert.deepEqual(await shownComments(page, EN), COMMENTS_EN);
  const markup = await part(page, 'comments', EN).evaluate((section) => ({ elements: section.querySelectorAll('b, img').length }));
  assert.deepEqual(markup, { elements: 0 }, 'markup in a comment is shown as text');

  // The search filters them, in every group, without accents or case.
  await part(page, 'comment-search', EN).fill('APP');
  const found = await shownComments(page, EN);
  assert.deepEqual(found.map((g) => [g.title, g.items.map((item) => item[2]), g.note]), [
    [`Promoters (9${WJ}10) · 1 of 4 comments`, ['line 14'], []],
    [`Passives (7${WJ}8) · 1 of 2 comments`, ['line 4'], []],
    [`Detractors (0${WJ}6) · 0 of 5 comments`, [], ['No comment matches.']],
  ]);
  assert.equal(await part(page, 'comments', EN).locator('[aria-live]').textContent(), '2 comments match “APP”.');
  await part(page, 'comment-search', EN).fill('cafe closed');
  assert.deepEqual((await shownComments(page, EN)).map((g) => g.items.map((item) => item[2])), [[], [], ['line 24']]);
  await part(page, 'comment-search', EN).fill('');
  assert.deepEqual(await shownComments(page, EN), COMMENTS_EN);
  assert.deepEqual(problems, []);
});

test('the exports: the result as CSV and JSON with the breakdown, each chart as CSV, SVG and PNG', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}${HOSTILE}`);
  await page.evaluate((text) => (document.querySelector('#en-calc').value = text), TEXT);
  await expectText(part(page, 'score', EN), '+43.5');
  const click = async (locator) => {
    const [download] = await Promise.all([page.waitForEvent('download'), locator.click()]);
    return { name: download.suggestedFilename(), data: readFileSync(await download.path()) };
  };
  const action = (name) => page.locator(`${EN} [part~="actions"]`).getByRole('button', { name, exact: true });

  // The result's CSV: field,value, the segments, periods and comments numbered; text quoted where
  // it must be, and a comment that starts as a formula with an apostrophe in front.
  const csv = await click(action('CSV'));
  assert.equal(csv.name, 'nps.csv');
  const fields = new Map(parseCsv(csv.data.toString()));
  const get = (...keys) => keys.map((key) => fields.get(key));
  assert.deepEqual(get('score', 'respondents', 'segment_column', 'segment_column_name', 'segments'), ['43.47826086956522', '46', '3', 'Region', '4']);
  assert.deepEqual(get('segment_1_name', 'segment_1_respondents', 'segment_1_score', 'segment_1_few_answers', 'segment_1_significant'), ['North', '30', '80', 'false', 'true']);
  assert.deepEqual(get('segment_4_name', 'segment_4_respondents', 'segment_4_significant'), ['(blank)', '1', 'false']);
  assert.deepEqual(get('date_column', 'period', 'date_order', 'undated', 'dates_rejected', 'periods'), ['2', 'month', 'day-first', '1', '1', '4']);
  assert.deepEqual(get('period_2_label', 'period_2_start', 'period_2_respondents', 'period_2_significant'), ['2024-02', '2024-02-01', '11', 'true']);
  assert.deepEqual(get('comment_column', 'promoter_comments', 'passive_comments', 'detractor_comments'), ['5', '4', '2', '5']);
  assert.deepEqual(get('promoter_comment_1_line', 'promoter_comment_1_score', 'promoter_comment_1_text'), ['3', '9', 'Fast delivery, friendly staff.']);
  assert.deepEqual(get('promoter_comment_3_text', 'promoter_comment_4_text'), [MARKUP, 'They said "back in stock soon" and it was.']);
  assert.equal(fields.get('passive_comment_2_text'), `'=HYPERLINK("http://example.com","click")`);
  assert.ok(csv.data.toString().includes('\r\npromoter_comment_1_text,"Fast delivery, friendly staff."\r\n'));

  // The JSON is the report, comments and all.
  const json = await click(action('JSON'));
  const saved = JSON.parse(json.data);
  assert.deepEqual(saved, await report(page, EN));
  assert.deepEqual([saved.comments.promoters.total, saved.comments.detractors.items[4].text], [4, 'Courier left the box in the rain.']);

  // The chart of the whole result holds the segment and period charts too.
  const chartSvg = (await click(action('Chart (SVG)'))).data.toString();
  assert.ok(chartSvg.includes('NPS by “Region”') && chartSvg.includes('NPS per month'), 'both breakdown charts in the result chart');

  // Each chart's own files.
  const own = (name) => part(page, `segments-${name}`, EN);
  const segmentsCsv = await click(own('csv'));
  assert.equal(segmentsCsv.name, 'nps-segments.csv');
  const table = parseCsv(segmentsCsv.data.toString());
  assert.deepEqual(table[0].slice(0, 6), ['segment', 'respondents', 'promoters', 'passives', 'detractors', 'score']);
  assert.deepEqual(table.slice(1).map((row) => row.slice(0, 6)), [
    ['North', '30', '24', '6', '0', '80'], ['South', '10', '2', '2', '6', '-40'], ['East', '5', '2', '2', '1', '20'], ['(blank)', '1', '0', '0', '1', '-100'],
  ]);
  assert.deepEqual(table.slice(1).map((row) => row.at(-1)), ['true', 'true', 'false', 'false']);
  assert.equal(await part(page, 'segments', EN).locator('[aria-live]').textContent(), 'Downloaded nps-segments.csv.');
  const segmentsSvg = await click(own('svg'));
  assert.equal(segmentsSvg.name, 'nps-segments.svg');
  const svgText = segmentsSvg.data.toString();
  assert.match(svgText, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(svgText.includes('<title>NPS by “Region”, sorted by score, overall +43.5: North +80.0'), 'the text alternative is its title');
  for (const text of ['>NPS by “Region”<', '>North<', '>(blank)<', '>overall +43.5<', '>▲<', 'stroke-dasharray="3 3"']) assert.ok(svgText.includes(text), text);
  assert.ok(!svgText.includes('class='), 'colours in the file, no classes');
  const segmentsPng = await click(own('png'));
  assert.equal(segmentsPng.name, 'nps-segments.png');
  assert.deepEqual([...segmentsPng.data.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(segmentsPng.data.readUInt32BE(16), 704, 'twice the 352-unit width');

  const periodsCsv = parseCsv((await click(part(page, 'periods-csv', EN))).data.toString());
  assert.deepEqual(periodsCsv.map((row) => row.slice(0, 3)), [['period', 'start', 'respondents'], ['2024-01', '2024-01-01', '12'], ['2024-02', '2024-02-01', '11'], ['2024-03', '2024-03-01', '11'], ['2024-04', '2024-04-01', '10']]);
  const periodsSvg = await click(part(page, 'periods-svg', EN));
  assert.equal(periodsSvg.name, 'nps-periods.svg');
  const periodsText = periodsSvg.data.toString();
  for (const text of ['>NPS per month<', '>Jan 2024<', '<polygon', 'fill-opacity="0.2"']) assert.ok(periodsText.includes(text), text);
  assert.equal((await click(part(page, 'periods-png', EN))).name, 'nps-periods.png');
  assert.deepEqual(problems, []);
});

test('a select switched off removes its section; another period, the date order, and a table with unsure dates', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}${HOSTILE}`);
  await page.evaluate((text) => (document.querySelector('#en-calc').value = text), TEXT);
  await expectText(part(page, 'score', EN), '+43.5');
  const choose = (name, value) => page.locator(`${EN} [part="${name}"]`).selectOption(value);

  await choose('segment-select', 'none');
  await waitFor(page, EN, (r) => !r.segments);
  assert.equal(await part(page, 'segments', EN).isVisible(), false);
  assert.equal((await selectOf(page, EN, 'segment-select')).value, 'none');
  assert.equal(await part(page, 'periods', EN).isVisible(), true);
  assert.equal(await part(page, 'comments', EN).isVisible(), true);
  // Another segment column: the date as text, one segment per day would be many; the respondent ids are 46 segments.
  await choose('segment-select', '1');
  await waitFor(page, EN, (r) => r.segments?.length === 46);
  assert.equal(await page.locator(`${EN} [part="segment-table"] tbody tr`).count(), 46);
  await choose('segment-select', '3');
  await waitFor(page, EN, (r) => r.segments?.length === 4);

  // By quarter: Q1 2024 of 34 (not few), Q2 2024 = April.
  await choose('period-select', 'quarter');
  await waitFor(page, EN, (r) => r.period === 'quarter');
  assert.deepEqual(await tableRows(page, EN, 'period-table'), [
    ['Q1 2024', '34', '+35.3', '+6.7 to +58.2', 'First period'],
    ['Q2 2024', '10', '+60.0', '+7.0 to +85.3', 'No clear change (+24.7) · few answers'],
  ]);
  assert.equal(await part(page, 'periods', EN).locator('h3').textContent(), 'NPS per quarter');
  await choose('period-select', 'auto');
  await waitFor(page, EN, (r) => r.period === 'month');

  // Month first: every date whose first number is above 12 reads no way (6 a month, 24) and "soon".
  await choose('date-order-select', 'month-first');
  await waitFor(page, EN, (r) => r.dateOrder === 'month-first');
  assert.equal((await report(page, EN)).dateRejectedCount, 25);
  assert.equal(await part(page, 'date-rejected', EN).locator('summary').textContent(), '25 dates not read');
  await choose('date-order-select', 'auto');
  await waitFor(page, EN, (r) => r.dateOrder === 'day-first' && r.dateRejectedCount === 1);

  await choose('date-select', 'none');
  await waitFor(page, EN, (r) => !r.periods);
  assert.equal(await part(page, 'periods', EN).isVisible(), false);
  assert.equal((await selectOf(page, EN, 'period-select')).visible, false, 'no period without dates');
  await choose('comment-select', 'none');
  await waitFor(page, EN, (r) => !r.comments);
  assert.equal(await part(page, 'comments', EN).isVisible(), false);
  assert.equal(await part(page, 'segments', EN).isVisible(), true);
  // The choices hold while the table's columns stay the same: one answer more, still no dates.
  await page.evaluate((text) => (document.querySelector('#en-calc').value = `${text}147,05/05/2024,East,10,\n`), TEXT);
  await waitFor(page, EN, (r) => r.respondents === 47);
  assert.deepEqual([(await selectOf(page, EN, 'date-select')).value, (await selectOf(page, EN, 'comment-select')).value], ['none', 'none']);
  assert.equal(await part(page, 'periods', EN).isVisible(), false);

  // Another table starts from its own suggestions. Every date reads either way, so the
  // order is assumed (day first, without AM/PM) and said beside the periods, not with the score.
  await page.evaluate(() => (document.querySelector('#en-calc').value = 'Date,Score\n01/02/2024,9\n02/02/2024,10\n03/03/2024,3\n05/04/2024,8\n'));
  await waitFor(page, EN, (r) => r.respondents === 4 && r.dateColumn?.index === 1);
  assert.deepEqual((await report(page, EN)).warnings.map((w) => w.code), ['date-order-unsure']);
  assert.equal(await part(page, 'warnings', EN).isVisible(), false);
  assert.deepEqual(await part(page, 'period-warnings', EN).locator('li').allTextContents(), [
    'Every date reads both as day–month and as month–day; they were read with the day first. Choose the date order if that is wrong.',
  ]);
  assert.deepEqual(await part(page, 'segment-select', EN).evaluate((s) => [...s.options].map((o) => o.value)), ['none', '1']);
  // A list has no columns to choose.
  await page.evaluate(() => (document.querySelector('#en-calc').value = '10\n9\n3'));
  await expectText(part(page, 'score', EN), '+33.3');
  assert.equal(await part(page, 'breakdown-picker', EN).isVisible(), false);
  assert.equal(await part(page, 'periods', EN).isVisible(), false);
  assert.deepEqual(problems, []);
});

test('in Dutch: the labels, numbers with a decimal comma, month names, the comments and more than 50 segments', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}${HOSTILE}`);
  await page.evaluate((text) => (document.querySelector('#nl-calc').value = text), TEXT);
  await expectText(part(page, 'score', NL), '+43,5');
  const labels = await Promise.all(['segment-select', 'date-select', 'comment-select', 'period-select', 'date-order-select'].map((name) => selectOf(page, NL, name)));
  assert.deepEqual(labels.map((s) => [s.label, s.value, s.options[0][1]]), [
    ['Segmenteer op', '3', 'Geen'], ['Datum', '2', 'Geen'], ['Opmerkingen', '5', 'Geen'],
    ['Periode', 'auto', 'Automatisch (maand)'], ['Datumvolgorde', 'auto', 'Zoals de datums laten zien (dag eerst)'],
  ]);
  assert.equal(await part(page, 'segments', NL).locator('h3').textContent(), 'NPS per “Region”');
  assert.deepEqual(await page.locator(`${NL} [part="segment-table"] thead th`).allTextContents(),
    ['Segment', 'n', 'NPS', '95%-interval', 'Tegenover de rest']);
  assert.deepEqual(await tableRows(page, NL, 'segment-table'), [
    ['North', '30', '+80,0', '+55,9 tot +89,6', 'Significant hoger (+105,0)'],
    ['South', '10', '-40,0', '-74,1 tot +12,6', 'Significant lager (-106,7) · weinig antwoorden'],
    ['East', '5', '+20,0', '-38,7 tot +63,7', 'Geen duidelijk verschil (-26,3) · weinig antwoorden'],
    ['(leeg)', '1', '-100,0', '-98,5 tot +48,5', 'Geen duidelijk verschil (-146,7) · weinig antwoorden'],
  ]);
  const segmentsLabel = await part(page, 'segment-chart', NL).locator('svg').getAttribute('aria-label');
  assert.ok(segmentsLabel.startsWith('NPS per “Region”, gesorteerd op score, totaal +43,5: North +80,0 (30 antwoorden, interval +55,9 tot +89,6; Significant hoger (+105,0))'), segmentsLabel);
  assert.ok(segmentsLabel.endsWith('(leeg) -100,0 (1 antwoord, interval -98,5 tot +48,5; Geen duidelijk verschil (-146,7) · weinig antwoorden).'), segmentsLabel);
  assert.equal(await part(page, 'periods', NL).locator('h3').textContent(), 'NPS per maand');
  assert.deepEqual(await tableRows(page, NL, 'period-table'), [
    ['jan 2024', '12', '-25,0', '-61,1 tot +21,1', 'Eerste periode · weinig antwoorden'],
    ['feb 2024', '11', '+54,5', '+6,0 tot +79,7', 'Significante stijging (+79,5) · weinig antwoorden'],
    ['mrt 2024', '11', '+81,8', '+33,9 tot +94,7', 'Geen duidelijke verandering (+27,3) · weinig antwoorden'],
    ['apr 2024', '10', '+60,0', '+7,0 tot +85,3', 'Geen duidelijke verandering (-21,8) · weinig antwoorden'],
  ]);
  assert.ok((await part(page, 'period-chart', NL).locator('svg').getAttribute('aria-label')).startsWith('NPS per maand, van jan 2024 tot apr 2024: jan 2024 -25,0 (12 antwoorden'));
  assert.equal(await part(page, 'period-note', NL).textContent(),
    'Datums uit kolom 2 “Date”. Gelezen met de dag eerst. 1 antwoord zonder datum telt niet mee in de periodes.');
  assert.equal(await part(page, 'date-rejected', NL).locator('summary').textContent(), '1 datum niet gelezen');
  assert.deepEqual(await part(page, 'date-rejected', NL).locator('li').allTextContents(), ['regel 47, kolom 5 soon — geen leesbare datum']);
  assert.equal(await part(page, 'comments', NL).locator('h3').textContent(), 'Opmerkingen uit “Why?”');
  assert.equal(await part(page, 'comment-search', NL).evaluate((input) => input.labels[0].textContent), 'Zoek in de opmerkingen');
  assert.deepEqual((await shownComments(page, NL)).map((g) => g.title), [
    `Promotors (9${WJ}10) · 4 opmerkingen`, `Passieven (7${WJ}8) · 2 opmerkingen`, `Criticasters (0${WJ}6) · 5 opmerkingen`,
  ]);
  await part(page, 'comment-search', NL).fill('app');
  assert.equal(await part(page, 'comments', NL).locator('[aria-live]').textContent(), '2 opmerkingen bevatten “app”.');
  assert.equal((await shownComments(page, NL))[0].title, `Promotors (9${WJ}10) · 1 van 4 opmerkingen`);
  assert.deepEqual((await shownComments(page, NL))[2].note, ['Geen opmerking gevonden.']);
  assert.deepEqual(await part(page, 'segments-csv', NL).textContent(), 'CSV');
  assert.deepEqual(await part(page, 'segments-svg', NL).textContent(), 'Grafiek (SVG)');

  // 60 regions R1…R60, one answer each (R1–R30 a 10, the rest a 0): not suggested (too many
  // values), chosen by hand. The 50 largest (all of one, then by name) are listed, the other 10 are "(overig)".
  const many = ['Region;Score', ...Array.from({ length: 60 }, (_, i) => `R${String(i + 1).padStart(2, '0')};${i < 30 ? 10 : 0}`)].join('\n');
  await page.evaluate((text) => (document.querySelector('#nl-calc').value = text), many);
  await expectText(part(page, 'score', NL), '0,0');
  assert.equal((await selectOf(page, NL, 'segment-select')).value, 'none');
  await page.locator(`${NL} [part="segment-select"]`).selectOption('1');
  await waitFor(page, NL, (r) => r.segments?.length === 51);
  const rows = await tableRows(page, NL, 'segment-table');
  assert.deepEqual(rows.at(-1).slice(0, 3), ['(overig)', '10', '-100,0']);
  assert.deepEqual(await part(page, 'segment-warnings', NL).locator('li').allTextContents(),
    ['Er zijn meer dan 50 segmenten: de kleinste zijn samen geteld als “(overig)”.']);
  assert.equal(await part(page, 'warnings', NL).isVisible(), false, 'the score itself has nothing to warn about');
  assert.deepEqual(problems, []);
});

test('axe-core finds no serious or critical problems in the breakdown, light and dark, English and Dutch', async (t) => {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  for (const [theme, lang] of [['light', 'en'], ['dark', 'nl']]) {
    const { page, problems } = await openPage(t);
    // bare.html has no Content-Security-Policy, so axe-core can be added to it, and no
    // doctype: tables in quirks mode must still take the theme's text colour.
    await page.goto(`${env.origin}/tests/fixtures/bare.html`);
    await page.evaluate(([text, theme, lang]) => {
      const element = document.querySelector('loyalty-calculator');
      element.setAttribute('theme', theme);
      element.setAttribute('lang', lang);
      element.value = text;
    }, [TEXT, theme, lang]);
    await waitFor(page, 'loyalty-calculator', (r) => r.segments?.length === 4);
    await part(page, 'date-rejected').locator('summary').click();
    await part(page, 'comment-search').fill('app');
    await page.addScriptTag({ content: source });
    // The calculator only: bare.html itself has no title and no lang.
    const results = await page.evaluate(() => window.axe.run(document.querySelector('loyalty-calculator')));
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.any.map((c) => c.message).join(' ')}`).join('; ')}`);
    assert.deepEqual(serious, [], theme);
    assert.ok(results.passes.length > 10, 'axe looked inside the calculator');
    assert.deepEqual(problems, []);
  }
});

/** Requests for the embed script: the page's own, and one more for each worker started. */
function countEmbedRequests(t) {
  const seen = [];
  const onRequest = (request) => seen.push(new URL(request.url, env.origin).pathname);
  env.server.on('request', onRequest);
  t.after(() => env.server.off('request', onRequest));
  return () => seen.filter((path) => path === '/dist/loyalty-calculator.js').length;
}

test('as a file: the breakdown in one reading, a select read again, another answer column read again on request', async (t) => {
  const { page, problems } = await openPage(t);
  const embeds = countEmbedRequests(t);
  await page.goto(`${env.origin}${HOSTILE}`);
  await expectText(part(page, 'score', EN), '+25.0');
  await page.locator(`${EN} [part="file-input"]`).setInputFiles(FIXTURE);
  await waitFor(page, EN, (r) => r.segments?.length === 4);
  assert.equal(await part(page, 'score', EN).textContent(), '+43.5');
  assert.equal(embeds(), 2, 'one worker: the file was read once');
  assert.deepEqual(await Promise.all(['segment-select', 'date-select', 'comment-select'].map(async (name) => (await selectOf(page, EN, name)).value)), ['3', '2', '5']);
  assert.deepEqual(await tableRows(page, EN, 'segment-table'), SEGMENTS_EN);
  assert.deepEqual(await tableRows(page, EN, 'period-table'), PERIODS_EN);
  assert.deepEqual(await shownComments(page, EN), COMMENTS_EN);
  assert.ok(await part(page, 'segment-chart', EN).locator('svg[role="img"][aria-label^="NPS by “Region”"]').count());
  assert.equal(await part(page, 'breakdown-reread', EN).isVisible(), false);

  // Comments off: the file is read again, without them.
  await page.locator(`${EN} [part="comment-select"]`).selectOption('none');
  await waitFor(page, EN, (r) => !r.comments && r.segments?.length === 4);
  assert.equal(await part(page, 'comments', EN).isVisible(), false);
  assert.equal(embeds(), 3, 'read again in a new worker');

  // The answers from another column (the respondent ids, none of them 0–10) come at once from the
  // reader kept, without the breakdown; the file is read again for it only on request.
  await page.locator(`${EN} [part="column-select"]`).selectOption('1');
  await waitFor(page, EN, (r) => r.column?.index === 1);
  assert.equal(embeds(), 3, 'not read again');
  assert.equal(await part(page, 'segments', EN).isVisible(), false);
  assert.equal(await part(page, 'breakdown-reread', EN).locator('p').textContent(), 'The segments, periods and comments of this column need the file read again.');
  await page.locator(`${EN} [part="column-select"]`).selectOption('4');
  await waitFor(page, EN, (r) => r.column?.index === 4 && r.segments?.length === 4);
  assert.equal(await part(page, 'breakdown-reread', EN).isVisible(), false, 'the column read has its breakdown');
  assert.equal(embeds(), 3);
  // Another table with a second 0–10 column: its breakdown read again when asked.
  const two = 'Region,Recommend,Again\nNorth,10,3\nNorth,9,4\nSouth,3,10\nSouth,8,9\nNorth,10,10\n';
  await page.locator(`${EN} [part="file-input"]`).setInputFiles({ name: 'two.csv', mimeType: 'text/csv', buffer: Buffer.from(two) });
  await waitFor(page, EN, (r) => r.respondents === 5 && r.segments?.length === 2);
  // Recommend (2): North 10 9 10 → +100, South 3 8 → −50; Again (3): North 3 4 10 → −33.3, South 10 9 → +100.
  assert.deepEqual((await tableRows(page, EN, 'segment-table')).map((row) => row.slice(0, 3)), [['North', '3', '+100.0'], ['South', '2', '-50.0']]);
  const before = embeds();
  await page.locator(`${EN} [part="column-select"]`).selectOption('3');
  await waitFor(page, EN, (r) => r.column?.index === 3);
  assert.equal(await part(page, 'breakdown-reread', EN).isVisible(), true);
  await part(page, 'read-again', EN).click();
  await waitFor(page, EN, (r) => r.column?.index === 3 && r.segments?.length === 2);
  assert.deepEqual((await tableRows(page, EN, 'segment-table')).map((row) => row.slice(0, 3)), [['North', '3', '-33.3'], ['South', '2', '+100.0']]);
  assert.equal(embeds(), before + 1);
  assert.equal(await part(page, 'breakdown-reread', EN).isVisible(), false);
  assert.deepEqual(problems, []);
});
