// The NPS by segment: a dot-and-whisker chart of every segment highest score
// first, against the overall score, with its table, its text alternative and
// its rows in the result's exports.
import { h } from '../dom.js';
import { bilingual } from '../strings.js';
import { WIDTH, dotWhiskerScene } from '../charts.js';
import { csvTable, textCell } from '../export.js';
import { altItem, answers, chartSection, columnName, head, intervalText, level, mark, prefixed, scaleAround, score } from './nps-breakdown-parts.js';

/** Names the core gives to segments of its own. */
const SEGMENT_NAMES = { '(blank)': 'bd.blank', '(other)': 'warning.segment.other' };

export const SEGMENT_STRINGS = bilingual({
  'bd.blank': ['(blank)', '(leeg)'],
  'bd.segmentsTitle': ['NPS by “{column}”', 'NPS per “{column}”'],
  'bd.segment': ['Segment', 'Segment'],
  'bd.versusRest': ['Against the rest', 'Tegenover de rest'],
  'bd.above': ['Significantly higher ({difference})', 'Significant hoger ({difference})'],
  'bd.below': ['Significantly lower ({difference})', 'Significant lager ({difference})'],
  'bd.same': ['No clear difference ({difference})', 'Geen duidelijk verschil ({difference})'],
  'bd.overall': ['overall {score}', 'totaal {score}'],
  'bd.segmentsLegend': [
    'Dots: the score of each segment; lines: its {level} interval; dashed: the overall score. Differences in points.',
    'Stippen: de score van elk segment; lijnen: het {level}-interval; gestreept: de totale score. Verschillen in punten.',
  ],
  'bd.segmentsMarks': [
    '▲ ▼ significantly above or below the rest; pale: few answers.',
    '▲ ▼ significant boven of onder de rest; vaag: weinig antwoorden.',
  ],
  'bd.segmentsAlt': [
    'NPS by “{column}”, sorted by score, overall {overall}: {list}.',
    'NPS per “{column}”, gesorteerd op score, totaal {overall}: {list}.',
  ],
});

const segmentName = (name, t) => (SEGMENT_NAMES[name] ? t.say(SEGMENT_NAMES[name]) : name);

function restVerdict(segment, t) {
  const versus = segment.versusRest;
  let text = '–';
  if (versus && versus.difference !== null && versus.difference !== undefined) {
    const difference = t.numbers.signed(versus.difference);
    text = t.say(versus.significant ? (versus.difference > 0 ? 'bd.above' : 'bd.below') : 'bd.same', { difference });
  }
  return segment.fewAnswers ? `${text} · ${t.say('bd.few')}` : text;
}

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

const SEGMENT_HEAD = ['segment', 'respondents', 'promoters', 'passives', 'detractors', 'score', 'interval_method', 'interval_level',
  'interval_low', 'interval_high', 'margin_of_error', 'few_answers', 'difference_vs_rest', 'p_value', 'p_value_adjusted', 'significant'];
const segmentCells = (s) => [textCell(s.name), s.respondents, s.promoters, s.passives, s.detractors, s.score, s.interval?.method,
  s.interval?.level, s.interval?.low, s.interval?.high, s.marginOfError, s.fewAnswers, s.versusRest?.difference, s.versusRest?.pValue,
  s.versusRest?.pValueAdjusted, s.versusRest?.significant];

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

const segmentLegend = (report, t) => [t.say('bd.segmentsLegend', { level: level(report, t) }), t.say('bd.segmentsMarks')];

/** The segments' section, shown when the report has segments. */
export function segmentsSection(host) {
  return chartSection(host, 'segments', {
    title: segmentsTitle, scene: segmentScene, alt: segmentAlt, legend: segmentLegend, table: segmentTable,
    csv: (report) => csvTable(SEGMENT_HEAD, report.segments.map(segmentCells)), file: 'nps-segments',
  });
}

/** The rows the segments add to the result's CSV (field,value), numbered from 1. */
export function segmentCsvRows(report) {
  const rows = [['segment_column', report.segmentColumn.index], ['segment_column_name', textCell(report.segmentColumn.name)], ['segments', report.segments.length]];
  report.segments.forEach((segment, i) => {
    const cells = segmentCells(segment);
    rows.push([`segment_${i + 1}_name`, cells[0]], ...prefixed(`segment_${i + 1}`, SEGMENT_HEAD, cells));
  });
  return rows;
}

/** The lines the segments add to the result copied as text. */
export function segmentCopyLines(report, t) {
  return ['', `${segmentsTitle(report, t)}:`, ...report.segments.map((s) =>
    `${segmentName(s.name, t)}: ${score(s.score, t)} (${answers(s.respondents, t)}; ${intervalText(s.interval, t)}; ${restVerdict(s, t)})`)];
}
