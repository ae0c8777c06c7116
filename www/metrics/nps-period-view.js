// The NPS over time: a line of the score per period with its interval band,
// its table, its text alternative, the notes on the dates read, and its rows
// in the result's exports.
import { h } from '../dom.js';
import { bilingual } from '../strings.js';
import { WIDTH, timeLineScene } from '../charts.js';
import { csvTable, textCell } from '../export.js';
import { altItem, answers, chartSection, head, intervalText, level, mark, prefixed, scaleAround, score } from './nps-breakdown-parts.js';

export const PERIOD_STRINGS = bilingual({
  'bd.periodsTitle': ['NPS per {period}', 'NPS per {period}'],
  'bd.period': ['Period', 'Periode'],
  'bd.versusPrevious': ['Against the period before', 'Tegenover de periode ervoor'],
  'bd.rise': ['Significant rise ({difference})', 'Significante stijging ({difference})'],
  'bd.fall': ['Significant fall ({difference})', 'Significante daling ({difference})'],
  'bd.steady': ['No clear change ({difference})', 'Geen duidelijke verandering ({difference})'],
  'bd.first': ['First period', 'Eerste periode'],
  'bd.periodsLegend': [
    'Line: the score of each {period}; band: its {level} interval; under each point the number of answers. Changes in points.',
    'Lijn: de score per {period}; band: het {level}-interval; onder elk punt het aantal antwoorden. Veranderingen in punten.',
  ],
  'bd.periodsMarks': [
    '▲ ▼ a significant rise or fall from the period before; pale: few answers.',
    '▲ ▼ een significante stijging of daling ten opzichte van de periode ervoor; vaag: weinig antwoorden.',
  ],
  'bd.periodsAlt': ['NPS per {period}, from {first} to {last}: {list}.', 'NPS per {period}, van {first} tot {last}: {list}.'],
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
});

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

const periodLegend = (report, t) => [t.say('bd.periodsLegend', { period: t.say(`bd.period.${report.period}`), level: level(report, t) }), t.say('bd.periodsMarks')];

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
        Object.hasOwn(PERIOD_STRINGS.en, `bd.reason.${r.reason}`) ? t.say(`bd.reason.${r.reason}`) : r.message));
      if (count > items.length) items.push(h('li', {}, t.say('rejectedMore', { n: t.numbers.count(count - items.length) })));
      list.replaceChildren(...items);
    },
  };
}

/** The periods' section with its notes on the dates, shown when the report has periods. */
export function periodsSection(host) {
  const section = chartSection(host, 'periods', {
    title: periodsTitle, scene: periodScene, alt: periodAlt, legend: periodLegend, table: periodTable,
    csv: (report) => csvTable(PERIOD_HEAD, report.periods.map(periodCells)), file: 'nps-periods',
  });
  const dates = datesNotes();
  section.extra.append(dates.root);
  const render = section.render;
  section.render = (report, t, width, has) => {
    render(report, t, width, has);
    if (has) dates.render(report, t);
  };
  return section;
}

/** The rows the periods add to the result's CSV (field,value), numbered from 1. */
export function periodCsvRows(report) {
  const rows = [['date_column', report.dateColumn.index], ['date_column_name', textCell(report.dateColumn.name)], ['period', report.period],
    ['date_order', report.dateOrder], ['undated', report.undated], ['dates_rejected', report.dateRejectedCount], ['periods', report.periods.length]];
  report.periods.forEach((period, i) => {
    const cells = periodCells(period);
    rows.push([`period_${i + 1}_label`, cells[0]], ...prefixed(`period_${i + 1}`, PERIOD_HEAD, cells));
  });
  return rows;
}

/** The lines the periods add to the result copied as text. */
export function periodCopyLines(report, t) {
  return ['', `${periodsTitle(report, t)}:`, ...report.periods.map((p, i) =>
    `${periodLabel(p, report.period, t)}: ${score(p.score, t)} (${answers(p.respondents, t)}; ${intervalText(p.interval, t)}; ${previousVerdict(p, i, t)})`)];
}
