// A Likert scale or CSAT: one column of answers on 1–5, 1–7 or 0–10, the
// average with its t interval as a whisker on the scale, the CSAT (top two
// boxes) with its Wilson interval, a table of the summary statistics, and a
// histogram with the bottom two boxes hatched and the top two plain.
import { analyzeLikert, createLikertReader } from '../../js/core.js';
import { h } from '../dom.js';
import { histogramScene, scaleWhiskerScene } from '../charts.js';
import { csv, intervalRows, plain } from '../export.js';
import { summaryView } from '../summary-view.js';
import { css } from '../css.js';
import { bilingual } from '../strings.js';

const SCALES = ['0-10', '1-5', '1-7'];

const STYLES = css`
.csat { margin: 0.75em 0 0; font-size: 1.25em; font-weight: 700; font-variant-numeric: tabular-nums; }
`;

const STRINGS = bilingual({
  'likert.inputLabel': [
    'Paste your answers on the chosen scale (a column from a spreadsheet, or one per line)',
    'Plak je antwoorden op de gekozen schaal (een kolom uit een spreadsheet, of één per regel)',
  ],
  'likert.placeholder': ['5\n4\n4\n3\n5', '5\n4\n4\n3\n5'],
  'likert.scoreLabel': ['Average score', 'Gemiddelde score'],
  'likert.band': ['on a scale from {min} to {max}', 'op een schaal van {min} tot en met {max}'],
  'likert.empty': [
    'Paste answers to see the average score and satisfaction.',
    'Plak antwoorden om de gemiddelde score en de tevredenheid te zien.',
  ],
  'likert.nothingCounted': [
    'No answer from {min} to {max} was found.',
    'Er is geen antwoord van {min} tot en met {max} gevonden.',
  ],
  'likert.interval': [
    '{level} confidence interval (t): {low} to {high}',
    '{level}-betrouwbaarheidsinterval (t): {low} tot {high}',
  ],
  'likert.csat': ['CSAT (top two boxes): {pct}', 'CSAT (bovenste twee): {pct}'],
  'likert.topTwoLine': ['Top two boxes: {pct}', 'Bovenste twee: {pct}'],
  'likert.csatInterval': [
    '{level} confidence interval (Wilson): {low} to {high}',
    '{level}-betrouwbaarheidsinterval (Wilson): {low} tot {high}',
  ],
  'likert.summary': ['Average {mean} from {n} respondents', 'Gemiddeld {mean} uit {n} respondenten'],
  'likert.summaryOne': ['Average {mean} from 1 respondent', 'Gemiddeld {mean} uit 1 respondent'],
  'likert.whiskerAlt': [
    'Average {mean} on a scale from {min} to {max}; {level} confidence interval from {low} to {high}.',
    'Gemiddeld {mean} op een schaal van {min} tot {max}; {level}-betrouwbaarheidsinterval van {low} tot {high}.',
  ],
  'likert.histogramAlt': [
    'Answers per score from {min} to {max}: {list}.',
    'Antwoorden per score van {min} tot en met {max}: {list}.',
  ],
  statistic: ['Statistic', 'Maat'],
  value: ['Value', 'Waarde'],
  respondents: ['Respondents', 'Respondenten'],
  mean: ['Average', 'Gemiddelde'],
  median: ['Median', 'Mediaan'],
  sd: ['Standard deviation', 'Standaardafwijking'],
  topBox: ['Top box', 'Hoogste antwoord'],
  'topTwo.csat': ['Top two boxes (CSAT)', 'Bovenste twee (CSAT)'],
  bottomTwo: ['Bottom two boxes', 'Onderste twee'],
  lowShort: ['Bottom two', 'Onderste twee'],
  midShort: ['Middle', 'Midden'],
  highShort: ['Top two', 'Bovenste twee'],
});

const percent = (n) => (x) => (x === null ? '–' : n.share(x / 100));
const isCsat = ({ min, max }) => min === 1 && max === 5;

/** The whisker and histogram scenes with their text alternatives; null before any answer. */
function scenes(report, t, width) {
  const { numbers: n } = t;
  if (report.mean === null) return null;
  const { min, max } = report.scale;
  const ticks = [];
  for (let value = min; value <= max; value++) ticks.push(value);
  return {
    whisker: scaleWhiskerScene({ value: report.mean, low: report.meanInterval.low, high: report.meanInterval.high },
      { min, max, ticks, tickText: String }, width),
    whiskerLabel: t.say('likert.whiskerAlt', { mean: n.decimal2(report.mean), min, max, level: n.level(report.meanInterval.level), low: n.decimal2(report.meanInterval.low), high: n.decimal2(report.meanInterval.high) }),
    histogram: histogramScene(report.histogram, {
      min,
      bands: [[min, min + 1, 'lowShort', 'detractor', 'hatch'], [min + 2, max - 2, 'midShort', 'passive', 'dots'], [max - 1, max, 'highShort', 'promoter', null]],
    }, t, width),
    histogramLabel: t.say('likert.histogramAlt', { min, max, list: report.histogram.map((count, i) => `${min + i}: ${n.count(count)}`).join(', ') }),
  };
}

export const likert = {
  name: 'likert',
  strings: STRINGS,
  styles: STYLES,
  readsText: true,
  scales: SCALES,
  defaultScale: '1-5',

  analyze: (text, { level, scale, column }) => analyzeLikert(text, column === undefined ? { level, scale } : { level, scale, column }),
  reader: ({ level, scale, column }) => createLikertReader(column === undefined ? { level, scale } : { level, scale, column }),
  nothingCounted: (report, t) => t.say('likert.nothingCounted', { min: report.scale.min, max: report.scale.max }),

  create(host) {
    const v = summaryView(host.id, 'likert.scoreLabel');
    const csat = h('p', { part: 'csat', class: 'csat' });
    const csatInterval = h('p', { part: 'csat-interval', class: 'interval' });
    const csatBox = h('div', {}, csat, csatInterval);
    v.table.classList.add('plain');

    const view = {
      controls: [],
      result: v.layout([csatBox]),

      relabel: v.relabel,

      inputLabel: (t) => t.say('likert.inputLabel'),
      placeholder: (t) => t.say('likert.placeholder'),

      render(report, t) {
        const { numbers: n } = t;
        const has = report.mean !== null;
        const { min, max } = report.scale;
        const pct = percent(n);
        v.score.textContent = has ? n.decimal2(report.mean) : '–';
        v.band.textContent = has ? t.say('likert.band', { min, max }) : '';
        v.band.hidden = !has;
        v.interval.textContent = has
          ? t.say('likert.interval', { level: n.level(report.meanInterval.level), low: n.decimal2(report.meanInterval.low), high: n.decimal2(report.meanInterval.high) })
          : report.rejectedCount > 0 ? likert.nothingCounted(report, t) : t.say('likert.empty');
        const csatScale = isCsat(report.scale);
        csatBox.hidden = !has;
        csat.textContent = has ? t.say(csatScale ? 'likert.csat' : 'likert.topTwoLine', { pct: pct(report.topTwoBoxPct) }) : '';
        csatInterval.textContent = has
          ? t.say('likert.csatInterval', { level: n.level(report.topTwoBoxInterval.level), low: pct(report.topTwoBoxInterval.low), high: pct(report.topTwoBoxInterval.high) })
          : '';
        v.drawCharts(scenes(report, t, host.chartWidth()));

        const row = (key, text) => h('tr', {}, h('th', { scope: 'row' }, t.say(key)), h('td', {}, text));
        v.table.hidden = !has;
        v.table.replaceChildren(
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.say('statistic')), h('th', { scope: 'col' }, t.say('value')))),
          h('tbody', {},
            row('respondents', n.count(report.respondents)),
            row('mean', has ? n.decimal2(report.mean) : '–'),
            row('median', report.median === null ? '–' : n.upTo2(report.median)),
            row('sd', report.sd === null ? '–' : n.decimal2(report.sd)),
            row('topBox', pct(report.topBoxPct)),
            row(csatScale ? 'topTwo.csat' : 'topTwo', pct(report.topTwoBoxPct)),
            row('bottomTwo', pct(report.bottomTwoBoxPct))),
        );
        v.renderColumn(report, t);
        v.renderWarnings(report, t);
        v.renderRejected(report, t, true);
        return {
          status: has ? t.say(report.respondents === 1 ? 'likert.summaryOne' : 'likert.summary', { mean: n.decimal2(report.mean), n: n.count(report.respondents) }) : '',
          saved: has,
          charts: has,
        };
      },

      drawCharts: (report, t, width) => v.drawCharts(scenes(report, t, width)),
      exportParts: (report, t) => v.exportParts(scenes(report, t), [{ text: csat.textContent, size: 11 }]),
    };
    return view;
  },

  copyText(report, { say, numbers }) {
    const pct = percent(numbers);
    const mean = report.mean === null ? '–' : numbers.decimal2(report.mean);
    const lines = [`${say('likert.scoreLabel')}: ${mean} (${say('likert.band', { min: report.scale.min, max: report.scale.max })})`];
    if (report.meanInterval) {
      lines.push(say('likert.interval', { level: numbers.level(report.meanInterval.level), low: numbers.decimal2(report.meanInterval.low), high: numbers.decimal2(report.meanInterval.high) }));
    }
    lines.push(say(isCsat(report.scale) ? 'likert.csat' : 'likert.topTwoLine', { pct: pct(report.topTwoBoxPct) }));
    lines.push(`${say('median')}: ${report.median === null ? '–' : numbers.upTo2(report.median)}`);
    lines.push(`${say('sd')}: ${report.sd === null ? '–' : numbers.decimal2(report.sd)}`);
    lines.push(`${say('topBox')}: ${pct(report.topBoxPct)}`);
    lines.push(`${say('bottomTwo')}: ${pct(report.bottomTwoBoxPct)}`);
    lines.push(`${say('respondents')}: ${numbers.count(report.respondents)}`);
    return plain(lines);
  },

  csv(report) {
    const rows = [
      ['metric', 'likert'],
      ['scale', `${report.scale.min}-${report.scale.max}`],
      ['respondents', report.respondents],
      ['mean', report.mean],
      ['sd', report.sd],
      ['median', report.median],
      ...intervalRows('mean_interval', report.meanInterval, ['level', 'low', 'high']),
      ['top_box_pct', report.topBoxPct],
      ['top_two_box_pct', report.topTwoBoxPct],
      ...intervalRows('top_two_box_interval', report.topTwoBoxInterval, ['low', 'high']),
      ['bottom_two_box_pct', report.bottomTwoBoxPct],
      ['rejected', report.rejectedCount],
    ];
    report.histogram.forEach((count, i) => rows.push([`answers_${report.scale.min + i}`, count]));
    return csv(rows);
  },
};
