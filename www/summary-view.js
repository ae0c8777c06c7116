// The result view that the metrics read from text have in common: the figure
// in large type with its label and band, the interval line and whisker, a
// bar, a table, a histogram, which column was read, what the reader warns
// about, and the entries not counted. Each such metric makes its own and adds what only it shows; the
// ::part() names are the same for all of them.
import { h } from './dom.js';
import { sceneToSvg } from './charts.js';
import { warningsBox } from './warnings.js';

/**
 * The shared result slots; `id(name)` makes element ids unique to the
 * element, `scoreKey` is the string key of the figure's label.
 */
export function summaryView(id, scoreKey) {
  const svgId = id('svg');
  const view = {
    scoreLabel: h('div', { class: 'score-label', id: id('score-label') }),
    // The empty report's figure, shown until a first report (in the embed, before its core has come).
    score: h('div', { part: 'score', class: 'score', 'aria-describedby': id('score-label') }, '–'),
    band: h('p', { part: 'band', class: 'band' }),
    // Until a first report, only the figure's dash shows: charts, notes and the list of entries not counted wait hidden.
    whisker: h('div', { part: 'chart whisker', class: 'chart', hidden: true }),
    interval: h('p', { part: 'interval', class: 'interval' }),
    bar: h('div', { part: 'chart bar', class: 'chart', hidden: true }),
    table: h('table', { part: 'table' }),
    histogramTitle: h('p', { class: 'chart-title' }),
    histogram: h('div', { part: 'chart histogram', class: 'chart' }),
    column: h('p', { part: 'column', class: 'note', hidden: true }),
    rejectedTitle: h('summary'),
    rejectedList: h('ul'),
  };
  const warnings = warningsBox();
  view.histogramBox = h('div', { hidden: true }, view.histogramTitle, view.histogram);
  view.rejected = h('details', { part: 'rejected', class: 'rejected', hidden: true }, view.rejectedTitle, view.rejectedList);

  /** The view in its order, with `middle` nodes after the interval and `details` after the histogram. */
  view.layout = (middle = [], details = []) => h('div', {}, view.scoreLabel, view.score, view.band, view.whisker, view.interval,
    warnings.root, ...middle, view.bar, view.table, view.histogramBox, ...details, view.column, view.rejected);

  view.relabel = (t) => {
    view.scoreLabel.textContent = t.say(scoreKey);
    view.histogramTitle.textContent = t.say('histogramTitle');
  };

  /**
   * Draws the charts of `scenes` ({ whisker, bar, histogram } with their
   * text alternatives whiskerLabel, barLabel, histogramLabel) as inline SVG;
   * a chart it lacks, or all when it is null, is emptied and hidden.
   */
  view.drawCharts = (scenes) => {
    for (const [key, box] of [['whisker', view.whisker], ['bar', view.bar], ['histogram', view.histogram]]) {
      const scene = scenes?.[key];
      box.replaceChildren(scene ? sceneToSvg(scene, { id: `${svgId}${key[0]}`, label: scenes[`${key}Label`] }) : '');
      box.hidden = !scene;
    }
    view.histogramBox.hidden = !scenes?.histogram;
  };

  /** The figure, band and interval as shown, then the charts of `scenes` (with `more` parts before the histogram), for the chart files. */
  view.exportParts = (scenes, more = []) => {
    const title = `${view.scoreLabel.textContent}: ${view.score.textContent}`;
    const parts = [
      { text: title, size: 16, weight: 700 },
      { text: view.band.textContent, size: 11 },
      { text: view.interval.textContent, size: 10, c: 'muted' },
      scenes.whisker,
    ];
    if (scenes.bar) parts.push(scenes.bar);
    parts.push(...more);
    if (scenes.histogram) parts.push({ text: view.histogramTitle.textContent, size: 10, c: 'muted' }, scenes.histogram);
    return { parts, label: title };
  };

  /** Which column of a table the answers were read from. */
  view.renderColumn = (report, t) => {
    const column = report.column;
    view.column.textContent = column ? t.say(column.name ? 'column' : 'columnUnnamed', { index: column.index, name: column.name ?? '' }) : '';
    view.column.hidden = !column;
  };

  /** What the reader warns about, in the visitor's language. */
  view.renderWarnings = warnings.render;

  /** The entries not counted, with line, column and reason; `scaled` words reasons on the report's own scale. */
  view.renderRejected = (report, t, scaled) => {
    const n = t.numbers;
    const reason = (r) => {
      if (scaled && r.reason === 'out-of-range') return t.say('reason.out-of-scale', { min: report.scale.min, max: report.scale.max });
      if (scaled && r.reason === 'missing-value') return t.say('reason.missing-answer');
      return t.say(`reason.${r.reason}`);
    };
    const rejected = report.rejectedCount;
    view.rejected.hidden = rejected === 0;
    view.rejectedTitle.textContent = t.say(rejected === 1 ? 'rejectedOne' : 'rejectedMany', { n: n.count(rejected) });
    const items = report.rejected.map((r) =>
      h('li', {}, h('span', { class: 'where' }, t.say('at', { line: r.line, column: r.column })), ' ',
        h('code', {}, r.text), ' — ', reason(r)));
    if (rejected > report.rejected.length) items.push(h('li', {}, t.say('rejectedMore', { n: n.count(rejected - report.rejected.length) })));
    view.rejectedList.replaceChildren(...items);
  };

  return view;
}

/** A row of a group table: a swatch by class, the count and the share. */
export function groupRow(t, label, count, pct, cls) {
  const n = t.numbers;
  return h('tr', { class: cls }, h('th', { scope: 'row' }, label),
    h('td', {}, n.count(count)),
    h('td', {}, pct === null ? '–' : n.share(pct / 100)));
}

/** The head of a group table: group, respondents, share. */
export function groupHead(t) {
  return h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.say('group')),
    h('th', { scope: 'col' }, t.say('count')), h('th', { scope: 'col' }, t.say('share'))));
}
