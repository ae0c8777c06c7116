// The NPS by segment and over time, and the comments behind the score. Beside
// the column picker: three selects (segment, date, comments), each a column
// of the table or none, pre-set to the columns the core suggests, and the
// period and date order once a date column is read. Below the result: the
// segments as a dot-and-whisker chart, the periods as a line with its
// interval band, each with a table and its own CSV, SVG and PNG files, and the
// comments of promoters, passives and detractors with a search box.
//
// The core reads those columns only when asked, and what it suggests comes
// with a report. So a text or a file is first looked at (its first MiB read
// alone: the core decides the layout and its suggestions on the first lines),
// the choices are resolved against that table, and then the whole is read
// with them: one reading of a file, a report with everything for a paste.
import { analyzeNps, createNpsReader } from '../../js/core.js';
import { h } from '../dom.js';
import { bilingual } from '../strings.js';
import { WIDTH, dotWhiskerScene, sceneLook, sceneToPng, sceneToSvg, stackScenes, svgFile, timeLineScene } from '../charts.js';
import { csvTable, saveFile, textCell } from '../export.js';
import { css } from '../widget-styles.js';
import { warningsBox } from '../warnings.js';

const ROLES = ['segment', 'date', 'comment'];
const PERIODS = ['day', 'week', 'month', 'quarter', 'year'];
const ORDERS = ['day-first', 'month-first'];
const GROUPS = ['promoters', 'passives', 'detractors'];
const AUTO = 'auto';
/** How much of a text or of a file's first slice is looked at before it is read with the columns chosen. */
const LOOK = 1 << 20;
/** Names the core gives to segments of its own. */
const SEGMENT_NAMES = { '(blank)': 'bd.blank', '(other)': 'warning.segment.other' };

export const BREAKDOWN_STRINGS = bilingual({
  'bd.segmentBy': ['Segment by', 'Segmenteer op'],
  'bd.dateBy': ['Date', 'Datum'],
  'bd.commentBy': ['Comments', 'Opmerkingen'],
  'bd.periodBy': ['Period', 'Periode'],
  'bd.orderBy': ['Date order', 'Datumvolgorde'],
  'bd.none': ['None', 'Geen'],
  'bd.periodAuto': ['Automatic ({period})', 'Automatisch ({period})'],
  'bd.periodAutoBare': ['Automatic', 'Automatisch'],
  'bd.period.day': ['day', 'dag'],
  'bd.period.week': ['week', 'week'],
  'bd.period.month': ['month', 'maand'],
  'bd.period.quarter': ['quarter', 'kwartaal'],
  'bd.period.year': ['year', 'jaar'],
  'bd.per.day': ['By day', 'Per dag'],
  'bd.per.week': ['By week', 'Per week'],
  'bd.per.month': ['By month', 'Per maand'],
  'bd.per.quarter': ['By quarter', 'Per kwartaal'],
  'bd.per.year': ['By year', 'Per jaar'],
  'bd.orderAuto': ['As the dates show ({order})', 'Zoals de datums laten zien ({order})'],
  'bd.orderAutoBare': ['As the dates show', 'Zoals de datums laten zien'],
  'bd.order.day-first': ['Day first (31/12/2024)', 'Dag eerst (31-12-2024)'],
  'bd.order.month-first': ['Month first (12/31/2024)', 'Maand eerst (12/31/2024)'],
  'bd.orderShort.day-first': ['day first', 'dag eerst'],
  'bd.orderShort.month-first': ['month first', 'maand eerst'],
  'bd.column': ['column {index}', 'kolom {index}'],
  'bd.blank': ['(blank)', '(leeg)'],
  'bd.segmentsTitle': ['NPS by “{column}”', 'NPS per “{column}”'],
  'bd.periodsTitle': ['NPS per {period}', 'NPS per {period}'],
  'bd.segment': ['Segment', 'Segment'],
  'bd.period': ['Period', 'Periode'],
  'bd.score': ['NPS', 'NPS'],
  'bd.n': ['n', 'n'],
  'bd.nTitle': ['respondents', 'respondenten'],
  'bd.intervalHead': ['{level} interval', '{level}-interval'],
  'bd.versusRest': ['Against the rest', 'Tegenover de rest'],
  'bd.versusPrevious': ['Against the period before', 'Tegenover de periode ervoor'],
  'bd.range': ['{low} to {high}', '{low} tot {high}'],
  'bd.above': ['Significantly higher ({difference})', 'Significant hoger ({difference})'],
  'bd.below': ['Significantly lower ({difference})', 'Significant lager ({difference})'],
  'bd.same': ['No clear difference ({difference})', 'Geen duidelijk verschil ({difference})'],
  'bd.few': ['few answers', 'weinig antwoorden'],
  'bd.rise': ['Significant rise ({difference})', 'Significante stijging ({difference})'],
  'bd.fall': ['Significant fall ({difference})', 'Significante daling ({difference})'],
  'bd.steady': ['No clear change ({difference})', 'Geen duidelijke verandering ({difference})'],
  'bd.first': ['First period', 'Eerste periode'],
  'bd.overall': ['overall {score}', 'totaal {score}'],
  'bd.segmentsLegend': [
    'Dots: the score of each segment; lines: its {level} interval; dashed: the overall score. Differences in points.',
    'Stippen: de score van elk segment; lijnen: het {level}-interval; gestreept: de totale score. Verschillen in punten.',
  ],
  'bd.segmentsMarks': [
    '▲ ▼ significantly above or below the rest; pale: few answers.',
    '▲ ▼ significant boven of onder de rest; vaag: weinig antwoorden.',
  ],
  'bd.periodsLegend': [
    'Line: the score of each {period}; band: its {level} interval; under each point the number of answers. Changes in points.',
    'Lijn: de score per {period}; band: het {level}-interval; onder elk punt het aantal antwoorden. Veranderingen in punten.',
  ],
  'bd.periodsMarks': [
    '▲ ▼ a significant rise or fall from the period before; pale: few answers.',
    '▲ ▼ een significante stijging of daling ten opzichte van de periode ervoor; vaag: weinig antwoorden.',
  ],
  'bd.segmentsAlt': [
    'NPS by “{column}”, sorted by score, overall {overall}: {list}.',
    'NPS per “{column}”, gesorteerd op score, totaal {overall}: {list}.',
  ],
  'bd.periodsAlt': ['NPS per {period}, from {first} to {last}: {list}.', 'NPS per {period}, van {first} tot {last}: {list}.'],
  'bd.altItem': ['{name} {score} ({answers}, interval {low} to {high}; {verdict})', '{name} {score} ({answers}, interval {low} tot {high}; {verdict})'],
  'bd.altItemBare': ['{name} {score} ({answers}; {verdict})', '{name} {score} ({answers}; {verdict})'],
  'bd.answers': ['{n} answers', '{n} antwoorden'],
  'bd.answersOne': ['1 answer', '1 antwoord'],
  'bd.quarter': ['Q{quarter} {year}', 'K{quarter} {year}'],
  'bd.week': ['W{week} {year}', 'wk {week} {year}'],
  'bd.dates': ['Dates from column {index} “{name}”.', 'Datums uit kolom {index} “{name}”.'],
  'bd.datesUnnamed': ['Dates from column {index}.', 'Datums uit kolom {index}.'],
  'bd.datesOrder': ['Read with the {order}.', 'Gelezen met de {order}.'],
  'bd.undated': ['{n} answers without a date are left out of the periods.', '{n} antwoorden zonder datum tellen niet mee in de periodes.'],
  'bd.undatedOne': ['1 answer without a date is left out of the periods.', '1 antwoord zonder datum telt niet mee in de periodes.'],
  'bd.datesRejected': ['{n} dates not read', '{n} datums niet gelezen'],
  'bd.datesRejectedOne': ['1 date not read', '1 datum niet gelezen'],
  'bd.datesRejectedNote': [
    'Their answers still count in the score, not in the periods.',
    'Hun antwoorden tellen mee in de score, niet in de periodes.',
  ],
  'bd.reason.invalid-date': ['not a date that can be read', 'geen leesbare datum'],
  'bd.reason.date-against-order': ['not a date in the order of the other dates', 'geen datum in de volgorde van de andere datums'],
  'bd.commentsTitle': ['Comments from “{column}”', 'Opmerkingen uit “{column}”'],
  'bd.search': ['Search the comments', 'Zoek in de opmerkingen'],
  'bd.commentCount': ['{n} comments', '{n} opmerkingen'],
  'bd.commentCountOne': ['1 comment', '1 opmerking'],
  'bd.commentShown': ['{shown} of {n} comments', '{shown} van {n} opmerkingen'],
  'bd.commentsKept': ['The first {kept} are listed.', 'De eerste {kept} staan hier.'],
  'bd.noMatch': ['No comment matches.', 'Geen opmerking gevonden.'],
  'bd.noComments': ['No comments.', 'Geen opmerkingen.'],
  'bd.found': ['{n} comments match “{query}”.', '{n} opmerkingen bevatten “{query}”.'],
  'bd.foundOne': ['1 comment matches “{query}”.', '1 opmerking bevat “{query}”.'],
  'bd.line': ['line {line}', 'regel {line}'],
  'bd.scoreOf': ['score {score}', 'score {score}'],
  'bd.readAgain': [
    'The segments, periods and comments of this column need the file read again.',
    'Voor de segmenten, periodes en opmerkingen van deze kolom moet het bestand opnieuw worden gelezen.',
  ],
  'bd.readAgainButton': ['Read the file again', 'Bestand opnieuw lezen'],
});

export const BREAKDOWN_STYLES = css`
.breakdown-picks { display: flex; flex-wrap: wrap; gap: 0.5em 1em; margin-top: 0.75em; }
.breakdown-picks > div { min-width: 0; max-width: 100%; }
.breakdown-picks label { display: inline; font-weight: 500; margin-right: 0.4em; }
.breakdown { margin-top: 1.25em; padding-top: 0.75em; border-top: 1px solid var(--_border); }
.breakdown h3 { margin: 0; font-size: 1em; font-weight: 700; }
.breakdown .buttons { margin-top: 0.6em; }
.breakdown .scroll { overflow-x: auto; }
.breakdown table { font-size: 0.9em; }
.breakdown table.plain tbody th { white-space: nowrap; }
.breakdown table.plain td.verdict, .breakdown table.plain th.verdict { text-align: left; white-space: normal; padding-left: 0.5em; min-width: 9em; }
.breakdown tr.few th, .breakdown tr.few td { color: var(--_muted); }
.breakdown tr.up td.verdict { color: var(--_promoter); font-weight: 600; }
.breakdown tr.down td.verdict { color: var(--_detractor); font-weight: 600; }
.reread { margin-top: 0.75em; padding: 0.4em 0.6em; border-left: 4px solid var(--_accent); background: var(--_soft); }
.reread p { margin: 0 0 0.4em; }
.search { margin-top: 0.6em; }
.search label { margin-bottom: 0.2em; }
.search input {
  width: 100%; max-width: 24em; background: var(--_bg); border: 1px solid var(--_control); border-radius: 0.3em; padding: 0.25em 0.4em;
}
.comment-group { margin-top: 0.75em; }
.comment-group h4 { margin: 0; font-size: 0.95em; font-weight: 600; padding-left: 0.5em; border-left: 4px solid var(--_border); }
.comment-group.promoters h4 { border-left-color: var(--_promoter); }
.comment-group.passives h4 { border-left-color: var(--_passive); }
.comment-group.detractors h4 { border-left-color: var(--_detractor); }
.comment-group ul { list-style: none; margin: 0.3em 0 0; padding: 0; max-height: 20em; overflow: auto; }
.comment-group li { display: flex; gap: 0.6em; align-items: baseline; padding: 0.3em 0; border-bottom: 1px solid var(--_border); }
.comment-score { flex: none; min-width: 1.6em; text-align: right; font-weight: 700; font-variant-numeric: tabular-nums; }
.comment-text { flex: 1; min-width: 0; white-space: pre-line; overflow-wrap: anywhere; }
.comment-group .where { flex: none; font-size: 0.85em; }
`;

// ── reading with the columns chosen ─────────────────────────────────────────

/**
 * A short fingerprint of a table's columns, or null for a list: choices made
 * for a table hold while its columns stay the same.
 */
export function layoutKey(report) {
  if (report?.layout?.kind !== 'table' || !Array.isArray(report.columns)) return null;
  const text = report.columns.map((c) => `${c.index}\u0001${c.name ?? ''}\u0001${c.shortName ?? ''}`).join('\u0002');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${report.columns.length}.${(hash >>> 0).toString(36)}`;
}

/**
 * The core's options for the breakdown `wanted` ({ layout, segment, date,
 * comment, period, dateOrder }; a column is 'auto' when missing, null for
 * none, or an index) on the table `look` describes: 'auto' takes the column
 * the core suggests, an index must be a column of the table other than the
 * answers, and choices made for another table count as 'auto'.
 */
export function extraOptions(wanted, look) {
  const extra = {};
  const key = layoutKey(look);
  if (!wanted || key === null || !look.suggested) return extra;
  const same = wanted.layout === key;
  const columns = new Set(look.columns.map((column) => column.index));
  for (const role of ROLES) {
    const choice = same && role in wanted ? wanted[role] : AUTO;
    const index = choice === AUTO ? look.suggested[role] : choice;
    if (Number.isInteger(index) && columns.has(index) && index !== look.column?.index) extra[role] = index;
  }
  if ('date' in extra && same) {
    if (PERIODS.includes(wanted.period)) extra.period = wanted.period;
    if (ORDERS.includes(wanted.dateOrder)) extra.dateOrder = wanted.dateOrder;
  }
  return extra;
}

const coreOptions = ({ level, method, column }) => (column === undefined ? { level, method } : { level, method, column });
const none = (extra) => Object.keys(extra).length === 0;

/** analyzeNps with the breakdown of `options.breakdown` resolved against the text's table. */
export function analyzeWithBreakdown(text, options) {
  const base = coreOptions(options);
  if (!options.breakdown) return analyzeNps(text, base);
  const whole = text.length <= LOOK;
  const look = analyzeNps(whole ? text : text.slice(0, LOOK), base);
  const extra = extraOptions(options.breakdown, look);
  if (none(extra)) return whole ? look : analyzeNps(text, base);
  return analyzeNps(text, { ...base, ...extra });
}

/**
 * createNpsReader with the breakdown of `options.breakdown`, resolved when
 * the first chunk comes (its first MiB read alone). Its `reportFor` is the
 * core's: the column read with its breakdown, any other without.
 */
export function breakdownReader(options) {
  const base = coreOptions(options);
  if (!options.breakdown) return createNpsReader(base);
  let reader = null;
  const open = (first) => {
    const look = createNpsReader(base);
    let extra;
    try {
      look.push(first.length > LOOK ? (typeof first === 'string' ? first.slice(0, LOOK) : first.subarray(0, LOOK)) : first);
      extra = extraOptions(options.breakdown, look.finish());
    } finally {
      look.free();
    }
    reader = createNpsReader({ ...base, ...extra });
  };
  return {
    push(chunk) {
      if (!reader) open(chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : chunk);
      reader.push(chunk);
    },
    finish() {
      reader ??= createNpsReader(base);
      return reader.finish();
    },
    reportFor: (column) => reader.reportFor(column),
    free() {
      reader?.free();
    },
  };
}

// ── words and numbers ───────────────────────────────────────────────────────

const columnName = (column, t) => column.name || column.shortName || t.say('bd.column', { index: column.index });
const segmentName = (name, t) => (SEGMENT_NAMES[name] ? t.say(SEGMENT_NAMES[name]) : name);
const answers = (count, t) => (count === 1 ? t.say('bd.answersOne') : t.say('bd.answers', { n: t.numbers.count(count) }));
const score = (value, t) => (value === null || value === undefined ? '–' : t.numbers.signed(value));
const intervalText = (interval, t) => (interval ? t.say('bd.range', { low: t.numbers.signed(interval.low), high: t.numbers.signed(interval.high) }) : '–');
const level = (report, t) => t.numbers.level(report.interval?.level ?? 0.95);

/** A period's name in the visitor's language: Jan 2024 / jan 2024, Q1 2024 / K1 2024, W05 2024, 5 Jan 2024, 2024. */
function periodLabel(period, unit, t) {
  const [year, month, day] = period.start.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (unit === 'month') return new Intl.DateTimeFormat(t.lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  if (unit === 'day') return new Intl.DateTimeFormat(t.lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  if (unit === 'quarter') return t.say('bd.quarter', { quarter: Math.floor((month - 1) / 3) + 1, year });
  const week = /^(\d{4})-W(\d{2})$/.exec(period.label);
  if (unit === 'week' && week) return t.say('bd.week', { week: week[2], year: week[1] });
  return period.label;
}

function restVerdict(segment, t) {
  const versus = segment.versusRest;
  let text = '–';
  if (versus && versus.difference !== null && versus.difference !== undefined) {
    const difference = t.numbers.signed(versus.difference);
    text = t.say(versus.significant ? (versus.difference > 0 ? 'bd.above' : 'bd.below') : 'bd.same', { difference });
  }
  return segment.fewAnswers ? `${text} · ${t.say('bd.few')}` : text;
}

function previousVerdict(period, i, t) {
  const versus = period.versusPrevious;
  let text = '–';
  if (i === 0) text = t.say('bd.first');
  else if (versus && versus.difference !== null && versus.difference !== undefined) {
    const difference = t.numbers.signed(versus.difference);
    text = t.say(versus.significant ? (versus.difference > 0 ? 'bd.rise' : 'bd.fall') : 'bd.steady', { difference });
  }
  return period.fewAnswers ? `${text} · ${t.say('bd.few')}` : text;
}

const mark = (versus) => (versus?.significant && versus.difference ? (versus.difference > 0 ? 'up' : 'down') : null);

/** A scale in NPS points around `values`, in steps of 25 (50 beyond 100 points wide), within −100…+100. */
function scaleAround(values, t) {
  const known = values.filter((v) => v !== null && v !== undefined && Number.isFinite(v));
  let min = Math.max(-100, Math.floor(Math.min(0, ...known) / 25) * 25);
  let max = Math.min(100, Math.ceil(Math.max(0, ...known) / 25) * 25);
  if (max - min < 50) {
    if (max < 100) max = Math.min(100, min + 50);
    if (max - min < 50) min = max - 50;
  }
  const step = max - min > 100 ? 50 : 25;
  const ticks = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max; tick += step) ticks.push(tick);
  return { min, max, ticks, tickText: t.numbers.signedWhole };
}

// ── the segments ────────────────────────────────────────────────────────────

/** The segments highest score first, as the chart shows them (no score last). */
const byScore = (segments) => [...segments].sort((a, b) => (b.score ?? -1000) - (a.score ?? -1000));

function segmentsTitle(report, t) {
  return t.say('bd.segmentsTitle', { column: columnName(report.segmentColumn, t) });
}

function segmentScene(report, t, width = WIDTH) {
  const rows = byScore(report.segments).map((segment) => ({
    label: segmentName(segment.name, t),
    note: t.numbers.count(segment.respondents),
    value: segment.score,
    low: segment.interval?.low ?? null,
    high: segment.interval?.high ?? null,
    muted: Boolean(segment.fewAnswers),
    mark: mark(segment.versusRest),
  }));
  const values = report.segments.flatMap((s) => [s.interval?.low, s.interval?.high, s.score]).concat(report.score);
  return dotWhiskerScene(rows, {
    ...scaleAround(values, t),
    reference: report.score,
    referenceText: report.score === null ? '' : t.say('bd.overall', { score: t.numbers.signed(report.score) }),
  }, width);
}

/** The text alternative of the segment chart: every segment in the chart's order. */
function segmentAlt(report, t) {
  const list = byScore(report.segments).map((segment) => altItem(segmentName(segment.name, t), segment, restVerdict(segment, t), t));
  return t.say('bd.segmentsAlt', { column: columnName(report.segmentColumn, t), overall: score(report.score, t), list: list.join('; ') });
}

function altItem(name, group, verdict, t) {
  const values = { name, score: score(group.score, t), answers: answers(group.respondents, t), verdict };
  if (!group.interval) return t.say('bd.altItemBare', values);
  return t.say('bd.altItem', { ...values, low: t.numbers.signed(group.interval.low), high: t.numbers.signed(group.interval.high) });
}

const SEGMENT_HEAD = ['segment', 'respondents', 'promoters', 'passives', 'detractors', 'score', 'interval_method', 'interval_level',
  'interval_low', 'interval_high', 'margin_of_error', 'few_answers', 'difference_vs_rest', 'p_value', 'p_value_adjusted', 'significant'];
const segmentCells = (s) => [textCell(s.name), s.respondents, s.promoters, s.passives, s.detractors, s.score, s.interval?.method,
  s.interval?.level, s.interval?.low, s.interval?.high, s.marginOfError, s.fewAnswers, s.versusRest?.difference, s.versusRest?.pValue,
  s.versusRest?.pValueAdjusted, s.versusRest?.significant];

// ── the periods ─────────────────────────────────────────────────────────────

function periodsTitle(report, t) {
  return t.say('bd.periodsTitle', { period: t.say(`bd.period.${report.period}`) });
}

function periodScene(report, t, width = WIDTH) {
  const points = report.periods.map((period) => ({
    label: periodLabel(period, report.period, t),
    note: t.numbers.count(period.respondents),
    value: period.score,
    low: period.interval?.low ?? null,
    high: period.interval?.high ?? null,
    muted: Boolean(period.fewAnswers),
    mark: mark(period.versusPrevious),
  }));
  const values = report.periods.flatMap((p) => [p.interval?.low, p.interval?.high, p.score]);
  return timeLineScene(points, scaleAround(values, t), width);
}

function periodAlt(report, t) {
  const list = report.periods.map((period, i) => altItem(periodLabel(period, report.period, t), period, previousVerdict(period, i, t), t));
  const ends = report.periods.length ? [report.periods[0], report.periods.at(-1)].map((p) => periodLabel(p, report.period, t)) : ['–', '–'];
  return t.say('bd.periodsAlt', { period: t.say(`bd.period.${report.period}`), first: ends[0], last: ends[1], list: list.join('; ') });
}

const PERIOD_HEAD = ['period', 'start', 'respondents', 'promoters', 'passives', 'detractors', 'score', 'interval_method', 'interval_level',
  'interval_low', 'interval_high', 'margin_of_error', 'few_answers', 'difference_vs_previous', 'p_value', 'significant'];
const periodCells = (p) => [p.label, p.start, p.respondents, p.promoters, p.passives, p.detractors, p.score, p.interval?.method,
  p.interval?.level, p.interval?.low, p.interval?.high, p.marginOfError, p.fewAnswers, p.versusPrevious?.difference,
  p.versusPrevious?.pValue, p.versusPrevious?.significant];

// ── the exports of the whole result ─────────────────────────────────────────

const prefixed = (prefix, head, cells) => head.slice(1).map((field, i) => [`${prefix}_${field}`, cells[i + 1]]);

/** The rows the breakdown adds to the result's CSV (field,value): segments, periods and comments, numbered from 1. */
export function breakdownCsvRows(report) {
  const rows = [];
  if (report.segments) {
    rows.push(['segment_column', report.segmentColumn.index], ['segment_column_name', textCell(report.segmentColumn.name)], ['segments', report.segments.length]);
    report.segments.forEach((segment, i) => {
      const cells = segmentCells(segment);
      rows.push([`segment_${i + 1}_name`, cells[0]], ...prefixed(`segment_${i + 1}`, SEGMENT_HEAD, cells));
    });
  }
  if (report.periods) {
    rows.push(['date_column', report.dateColumn.index], ['date_column_name', textCell(report.dateColumn.name)], ['period', report.period],
      ['date_order', report.dateOrder], ['undated', report.undated], ['dates_rejected', report.dateRejectedCount], ['periods', report.periods.length]);
    report.periods.forEach((period, i) => {
      const cells = periodCells(period);
      rows.push([`period_${i + 1}_label`, cells[0]], ...prefixed(`period_${i + 1}`, PERIOD_HEAD, cells));
    });
  }
  if (report.comments) {
    rows.push(['comment_column', report.commentColumn.index], ['comment_column_name', textCell(report.commentColumn.name)]);
    for (const group of GROUPS) {
      const { total, items } = report.comments[group];
      const one = group.slice(0, -1);
      rows.push([`${one}_comments`, total]);
      items.forEach((item, i) => rows.push(
        [`${one}_comment_${i + 1}_line`, item.line], [`${one}_comment_${i + 1}_score`, item.score], [`${one}_comment_${i + 1}_text`, textCell(item.text)]));
    }
  }
  return rows;
}

/** The lines the breakdown adds to the result copied as text. */
export function breakdownCopyLines(report, t) {
  const lines = [];
  if (report.segments) {
    lines.push('', `${segmentsTitle(report, t)}:`);
    for (const s of report.segments) {
      lines.push(`${segmentName(s.name, t)}: ${score(s.score, t)} (${answers(s.respondents, t)}; ${intervalText(s.interval, t)}; ${restVerdict(s, t)})`);
    }
  }
  if (report.periods) {
    lines.push('', `${periodsTitle(report, t)}:`);
    report.periods.forEach((p, i) => {
      lines.push(`${periodLabel(p, report.period, t)}: ${score(p.score, t)} (${answers(p.respondents, t)}; ${intervalText(p.interval, t)}; ${previousVerdict(p, i, t)})`);
    });
  }
  return lines;
}

// ── the view ────────────────────────────────────────────────────────────────

/** A labelled select; `change(value)` after the visitor chose. */
function select(host, key, partName, change) {
  const control = h('select', { id: host.id(key), part: partName });
  control.addEventListener('change', () => change(control.value));
  const label = h('label', { for: control.id });
  return { control, label, root: h('div', {}, label, control) };
}

/** Options of a select: [value, text] pairs, `chosen` selected. */
function fillSelect(control, pairs, chosen) {
  control.replaceChildren(...pairs.map(([value, text]) => h('option', { value }, text)));
  control.value = chosen;
}

/** A chart's section: title, chart, legend, table and its CSV, SVG and PNG. */
function chartSection(host, name, { title, scene, alt, legend, table, csv, file }) {
  const heading = h('h3', { id: host.id(`${name}-title`) });
  const chart = h('div', { part: `chart ${name.slice(0, -1)}-chart`, class: 'chart' });
  const legendNote = h('p', { class: 'note', part: `${name.slice(0, -1)}-legend` });
  const tableBox = h('table', { part: `${name.slice(0, -1)}-table`, class: 'plain', 'aria-labelledby': heading.id });
  const warnings = warningsBox(name);
  const extra = h('div', {});
  const feedback = h('p', { class: 'feedback', 'aria-live': 'polite' });
  const buttons = {};
  const row = h('div', { class: 'buttons', role: 'group', 'aria-labelledby': heading.id });
  const root = h('section', { part: name, class: 'breakdown', 'aria-labelledby': heading.id, hidden: true },
    heading, warnings.root, chart, legendNote, extra, h('div', { class: 'scroll' }, tableBox), row, feedback);
  let shown = null; // { report, t }

  const look = () => sceneLook(root);
  const fileScene = (report, t) => stackScenes([
    { text: title(report, t), size: 14, weight: 700 },
    scene(report, t),
    ...legend(report, t).map((line) => ({ text: line, size: 8.5, c: 'muted' })),
  ]);
  const save = (blob, fileName) => {
    saveFile(blob, fileName, root);
    feedback.textContent = shown.t.say('downloaded', { file: fileName });
  };
  const actions = {
    csv: ({ report }) => save(new Blob([csv(report)], { type: 'text/csv' }), `${file}.csv`),
    svg: ({ report, t }) => {
      const text = svgFile(fileScene(report, t), { id: file, label: alt(report, t), ...look() });
      save(new Blob([text], { type: 'image/svg+xml' }), `${file}.svg`);
    },
    png: async ({ report, t }) => save(await sceneToPng(fileScene(report, t), look()), `${file}.png`),
  };
  for (const [key, action] of Object.entries(actions)) {
    buttons[key] = h('button', { type: 'button', part: `breakdown-action ${name}-${key}` });
    buttons[key].addEventListener('click', () => shown && action(shown));
    row.append(buttons[key]);
  }

  const section = {
    root,
    extra,
    draw(report, t, width) {
      chart.replaceChildren(sceneToSvg(scene(report, t, width), { id: host.id(`${name}-svg`), label: alt(report, t) }));
    },
    render(report, t, width, has) {
      root.hidden = !has;
      shown = has ? { report, t } : null;
      if (!has) {
        chart.replaceChildren();
        return;
      }
      heading.textContent = title(report, t);
      warnings.render(report, t);
      section.draw(report, t, width);
      legendNote.replaceChildren(...legend(report, t).flatMap((line, i) => (i ? [h('br'), line] : [line])));
      tableBox.replaceChildren(...table(report, t));
      for (const [key, button] of Object.entries(buttons)) button.textContent = t.say(key);
      feedback.textContent = '';
    },
    exportParts: (report, t) => [{ text: title(report, t), size: 11, weight: 700 }, scene(report, t)],
  };
  return section;
}

const head = (...cells) => h('thead', {}, h('tr', {}, ...cells.map(([text, cls, title]) => h('th', { scope: 'col', class: cls ?? null, title: title ?? null }, text))));

function segmentTable(report, t) {
  const n = t.numbers;
  return [
    head([t.say('bd.segment')], [t.say('bd.n'), null, t.say('bd.nTitle')], [t.say('bd.score')], [t.say('bd.intervalHead', { level: level(report, t) })], [t.say('bd.versusRest'), 'verdict']),
    h('tbody', {}, ...report.segments.map((s) => h('tr', { class: [s.fewAnswers ? 'few' : '', mark(s.versusRest) ?? ''].join(' ').trim() || null },
      h('th', { scope: 'row' }, segmentName(s.name, t)),
      h('td', {}, n.count(s.respondents)),
      h('td', {}, score(s.score, t)),
      h('td', {}, intervalText(s.interval, t)),
      h('td', { class: 'verdict' }, restVerdict(s, t))))),
  ];
}

function periodTable(report, t) {
  const n = t.numbers;
  return [
    head([t.say('bd.period')], [t.say('bd.n'), null, t.say('bd.nTitle')], [t.say('bd.score')], [t.say('bd.intervalHead', { level: level(report, t) })], [t.say('bd.versusPrevious'), 'verdict']),
    h('tbody', {}, ...report.periods.map((p, i) => h('tr', { class: [p.fewAnswers ? 'few' : '', mark(p.versusPrevious) ?? ''].join(' ').trim() || null },
      h('th', { scope: 'row' }, periodLabel(p, report.period, t)),
      h('td', {}, n.count(p.respondents)),
      h('td', {}, score(p.score, t)),
      h('td', {}, intervalText(p.interval, t)),
      h('td', { class: 'verdict' }, previousVerdict(p, i, t))))),
  ];
}

const segmentLegend = (report, t) => [t.say('bd.segmentsLegend', { level: level(report, t) }), t.say('bd.segmentsMarks')];
const periodLegend = (report, t) => [t.say('bd.periodsLegend', { period: t.say(`bd.period.${report.period}`), level: level(report, t) }), t.say('bd.periodsMarks')];

/** Text folded for searching: without accents, in lower case. */
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** The comments grouped by promoters, passives and detractors, with a search box that filters them. */
function commentsSection(host) {
  const heading = h('h3', { id: host.id('comments-title') });
  const searchLabel = h('label', { for: host.id('comment-search') });
  const search = h('input', { type: 'search', id: host.id('comment-search'), part: 'comment-search', autocomplete: 'off', spellcheck: 'false' });
  const found = h('p', { class: 'note', 'aria-live': 'polite' });
  const groups = GROUPS.map((group) => {
    const title = h('h4', { id: host.id(`${group}-comments`) });
    const list = h('ul', { 'aria-labelledby': title.id });
    const kept = h('p', { class: 'note' });
    const empty = h('p', { class: 'note' });
    const root = h('div', { part: `comment-group ${group.slice(0, -1)}-comments`, class: `comment-group ${group}` }, title, list, empty, kept);
    return { group, title, list, kept, empty, root, items: [] };
  });
  const root = h('section', { part: 'comments', class: 'breakdown comments', 'aria-labelledby': heading.id, hidden: true },
    heading, h('div', { class: 'search' }, searchLabel, search), found, ...groups.map((g) => g.root));
  let shown = null;

  function filter() {
    if (!shown) return;
    const { report, t } = shown;
    const query = search.value.trim();
    const words = fold(query).split(/\s+/).filter(Boolean);
    let matches = 0;
    for (const g of groups) {
      const { total } = report.comments[g.group];
      let count = 0;
      for (const item of g.items) {
        const match = words.every((word) => item.folded.includes(word));
        item.li.hidden = !match;
        if (match) count++;
      }
      matches += count;
      const counted = words.length
        ? t.say('bd.commentShown', { shown: t.numbers.count(count), n: t.numbers.count(total) })
        : t.say(total === 1 ? 'bd.commentCountOne' : 'bd.commentCount', { n: t.numbers.count(total) });
      g.title.textContent = `${t.say(g.group)} · ${counted}`;
      g.empty.hidden = count > 0;
      g.empty.textContent = t.say(total === 0 ? 'bd.noComments' : 'bd.noMatch');
    }
    found.hidden = !words.length;
    found.textContent = words.length ? t.say(matches === 1 ? 'bd.foundOne' : 'bd.found', { n: t.numbers.count(matches), query }) : '';
  }
  search.addEventListener('input', filter);

  return {
    root,
    render(report, t) {
      const has = Boolean(report.comments && report.commentColumn);
      root.hidden = !has;
      shown = has ? { report, t } : null;
      if (!has) {
        for (const g of groups) g.list.replaceChildren();
        return;
      }
      heading.textContent = t.say('bd.commentsTitle', { column: columnName(report.commentColumn, t) });
      searchLabel.textContent = t.say('bd.search');
      for (const g of groups) {
        const { total, items } = report.comments[g.group];
        g.items = items.map((item) => ({
          folded: fold(item.text),
          li: h('li', {},
            h('span', { class: 'comment-score', title: t.say('bd.scoreOf', { score: item.score }) }, String(item.score)),
            h('span', { class: 'comment-text' }, item.text),
            h('span', { class: 'where' }, t.say('bd.line', { line: item.line }))),
        }));
        g.list.replaceChildren(...g.items.map((item) => item.li));
        g.kept.hidden = total <= items.length;
        g.kept.textContent = t.say('bd.commentsKept', { kept: t.numbers.count(items.length) });
      }
      filter();
    },
  };
}

/** The notes under the periods: which column, the date order, answers without a date and the dates not read. */
function datesNotes() {
  const column = h('p', { class: 'note', part: 'period-note' });
  const title = h('summary');
  const list = h('ul');
  const why = h('p', { class: 'note' });
  const rejected = h('details', { part: 'date-rejected', class: 'rejected' }, title, why, list);
  return {
    root: h('div', {}, column, rejected),
    render(report, t) {
      const c = report.dateColumn;
      const parts = [t.say(c.name ? 'bd.dates' : 'bd.datesUnnamed', { index: c.index, name: c.name ?? '' })];
      if (report.dateOrder) parts.push(t.say('bd.datesOrder', { order: t.say(`bd.orderShort.${report.dateOrder}`) }));
      if (report.undated) parts.push(t.say(report.undated === 1 ? 'bd.undatedOne' : 'bd.undated', { n: t.numbers.count(report.undated) }));
      column.textContent = parts.join(' ');
      const count = report.dateRejectedCount ?? 0;
      rejected.hidden = count === 0;
      title.textContent = t.say(count === 1 ? 'bd.datesRejectedOne' : 'bd.datesRejected', { n: t.numbers.count(count) });
      why.textContent = t.say('bd.datesRejectedNote');
      const items = (report.dateRejected ?? []).map((r) => h('li', {},
        h('span', { class: 'where' }, t.say('at', { line: r.line, column: r.column })), ' ', h('code', {}, r.text), ' — ',
        `bd.reason.${r.reason}` in BREAKDOWN_STRINGS.en ? t.say(`bd.reason.${r.reason}`) : r.message));
      if (count > items.length) items.push(h('li', {}, t.say('rejectedMore', { n: t.numbers.count(count - items.length) })));
      list.replaceChildren(...items);
    },
  };
}

/**
 * The breakdown's part of the NPS view: `picks` (the selects, beside the
 * column picker), `root` (the sections, below the result), `options()` (the
 * choices, as the element's option `breakdown`), `render`, `draw`,
 * `exportParts`.
 */
export function breakdownView(host) {
  // Each column choice is 'auto' (the column suggested), null (none) or an index, for the table `layout`.
  const choices = { layout: null, segment: AUTO, date: AUTO, comment: AUTO, period: AUTO, dateOrder: AUTO };
  let readFor = null; // the answer column a file was read again for
  let shown = null; // { report, t }

  const chosen = (key, value) => {
    choices[key] = value;
    choices.layout = layoutKey(shown?.report) ?? choices.layout;
    host.changed();
  };
  const fields = {
    segment: select(host, 'segment-by', 'segment-select', (v) => chosen('segment', v === 'none' ? null : Number(v))),
    date: select(host, 'date-by', 'date-select', (v) => chosen('date', v === 'none' ? null : Number(v))),
    comment: select(host, 'comment-by', 'comment-select', (v) => chosen('comment', v === 'none' ? null : Number(v))),
    period: select(host, 'period-by', 'period-select', (v) => chosen('period', v)),
    dateOrder: select(host, 'date-order-by', 'date-order-select', (v) => chosen('dateOrder', v)),
  };
  const picks = h('div', { part: 'breakdown-picker', class: 'breakdown-picks', hidden: true }, ...Object.values(fields).map((f) => f.root));

  const againText = h('p', {});
  const againButton = h('button', { type: 'button', part: 'read-again' });
  const again = h('div', { part: 'breakdown-reread', class: 'reread', hidden: true }, againText, againButton);
  againButton.addEventListener('click', () => {
    readFor = shown?.report.column?.index ?? null;
    host.changed();
  });

  const segments = chartSection(host, 'segments', {
    title: segmentsTitle, scene: segmentScene, alt: segmentAlt, legend: segmentLegend, table: segmentTable,
    csv: (report) => csvTable(SEGMENT_HEAD, report.segments.map(segmentCells)), file: 'nps-segments',
  });
  const periods = chartSection(host, 'periods', {
    title: periodsTitle, scene: periodScene, alt: periodAlt, legend: periodLegend, table: periodTable,
    csv: (report) => csvTable(PERIOD_HEAD, report.periods.map(periodCells)), file: 'nps-periods',
  });
  const dates = datesNotes();
  periods.extra.append(dates.root);
  const comments = commentsSection(host);

  function renderPicks(report, t) {
    const wanted = extraOptions({ ...choices }, report);
    const columns = report.columns.filter((c) => c.index !== report.column?.index);
    const pairs = [['none', t.say('bd.none')], ...columns.map((c) => {
      const title = !c.name ? t.say('noHeader') : c.shortName ? `${c.name} (${c.shortName})` : c.name;
      return [String(c.index), `${c.index} · ${title}`];
    })];
    for (const role of ROLES) fillSelect(fields[role].control, pairs, role in wanted ? String(wanted[role]) : 'none');
    fields.segment.label.textContent = t.say('bd.segmentBy');
    fields.date.label.textContent = t.say('bd.dateBy');
    fields.comment.label.textContent = t.say('bd.commentBy');
    fields.period.label.textContent = t.say('bd.periodBy');
    fields.dateOrder.label.textContent = t.say('bd.orderBy');
    const dated = 'date' in wanted;
    fields.period.root.hidden = !dated;
    fillSelect(fields.period.control, [
      [AUTO, report.period ? t.say('bd.periodAuto', { period: t.say(`bd.period.${report.period}`) }) : t.say('bd.periodAutoBare')],
      ...PERIODS.map((p) => [p, t.say(`bd.per.${p}`)]),
    ], choices.period);
    fields.dateOrder.root.hidden = !dated || !(report.dateOrder || choices.dateOrder !== AUTO);
    const shownOrder = choices.dateOrder === AUTO ? report.dateOrder : null;
    fillSelect(fields.dateOrder.control, [
      [AUTO, shownOrder ? t.say('bd.orderAuto', { order: t.say(`bd.orderShort.${shownOrder}`) }) : t.say('bd.orderAutoBare')],
      ...ORDERS.map((o) => [o, t.say(`bd.order.${o}`)]),
    ], choices.dateOrder);
    return wanted;
  }

  const view = {
    picks,
    root: h('div', {}, again, segments.root, periods.root, comments.root),

    /** The choices as the element's option `breakdown`: {} while every one follows the core's suggestions. */
    options() {
      const breakdown = {};
      const own = ['segment', 'date', 'comment', 'period', 'dateOrder'].filter((key) => choices[key] !== AUTO);
      if (own.length) {
        breakdown.layout = choices.layout;
        for (const key of own) breakdown[key] = choices[key];
      }
      if (readFor !== null) breakdown.readFor = readFor;
      return { breakdown };
    },

    render(report, t, width) {
      shown = { report, t };
      const key = layoutKey(report);
      const table = key !== null && Boolean(report.suggested);
      if (table && key !== choices.layout) {
        // Another table: its own suggestions, as its reading already used.
        Object.assign(choices, { layout: key, segment: AUTO, date: AUTO, comment: AUTO, period: AUTO, dateOrder: AUTO });
      }
      picks.hidden = !table || report.columns.length < 2;
      const wanted = table ? renderPicks(report, t) : {};
      // A file's other column comes from the reader kept, without the breakdown: it is read again on request.
      const missing = ROLES.some((role) => role in wanted && report[`${role}Column`]?.index !== wanted[role]);
      again.hidden = !(missing && host.fromFile());
      againText.textContent = t.say('bd.readAgain');
      againButton.textContent = t.say('bd.readAgainButton');
      segments.render(report, t, width, Boolean(report.segments?.length && report.segmentColumn));
      periods.render(report, t, width, Boolean(report.periods?.length && report.dateColumn));
      if (report.periods?.length && report.dateColumn) dates.render(report, t);
      comments.render(report, t);
    },

    draw(report, t, width) {
      if (report.segments?.length && report.segmentColumn) segments.draw(report, t, width);
      if (report.periods?.length && report.dateColumn) periods.draw(report, t, width);
    },

    /** The segment and period charts for the result's chart files. */
    exportParts(report, t) {
      return [
        ...(report.segments?.length && report.segmentColumn ? segments.exportParts(report, t) : []),
        ...(report.periods?.length && report.dateColumn ? periods.exportParts(report, t) : []),
      ];
    },
  };
  return view;
}
