// The Net Promoter Score: 0–10 answers pasted or typed as three counts, the
// score in large type with its band, its interval as a whisker on −100…+100,
// a stacked bar of the groups, a 0–10 histogram, and a share link of the
// counts. The compare and plan tools sit beside it (nps-tools.js); the score
// by segment and over time and the comments behind it below it
// (nps-breakdown.js).
import { npsFromCounts } from '../../js/core.js';
import { h } from '../dom.js';
import { bilingual, mergeStrings, range } from '../strings.js';
import { WIDTH, histogramScene, scaleWhiskerScene, stackedBarScene } from '../charts.js';
import { csv, intervalRows, plain } from '../export.js';
import { groupHead, groupRow, summaryView } from '../summary-view.js';
import { sharedCounts, shareUrl } from './nps-share.js';
import { TOOLS_STRINGS, TOOLS_STYLES, npsTools } from './nps-tools.js';
import {
  BREAKDOWN_STRINGS, BREAKDOWN_STYLES, analyzeWithBreakdown, breakdownCopyLines, breakdownCsvRows, breakdownReader, breakdownView,
} from './nps-breakdown.js';

const GROUPS = ['promoters', 'passives', 'detractors'];
const METHODS = ['adjusted-wald', 'wald', 'tango'];
/** The 0–10 scale of the NPS: its three groups, by the keys of their short names. */
const NPS_BANDS = { min: 0, bands: [[0, 6, 'detractorsShort', 'detractor', 'hatch'], [7, 8, 'passivesShort', 'passive', 'dots'], [9, 10, 'promotersShort', 'promoter', null]] };
const BAR_GROUPS = [
  ['detractors', 'detractor', 'hatch'],
  ['passives', 'passive', 'dots'],
  ['promoters', 'promoter', null],
];

const STRINGS = bilingual({
  inputLabel: [
    `Paste your ${range(0, 10)} answers (a column from a spreadsheet, or one per line)`,
    `Plak je antwoorden van ${range(0, 10)} (een kolom uit een spreadsheet, of één per regel)`,
  ],
  scoreLabel: ['Net Promoter Score', 'Net Promoter Score'],
  empty: ['Paste scores to see the Net Promoter Score.', 'Plak scores om de Net Promoter Score te zien.'],
  emptyCounts: ['Type the counts to see the Net Promoter Score.', 'Typ de aantallen om de Net Promoter Score te zien.'],
  nothingCounted: ['No answer from 0 to 10 was found.', `Er is geen antwoord van ${range(0, 10)} gevonden.`],
  interval: ['{level} confidence interval: {low} to {high}', '{level}-betrouwbaarheidsinterval: {low} tot {high}'],
  margin: ['margin of error ±{margin} points', 'foutmarge ±{margin} punten'],
  summary: ['NPS {score} from {n} respondents', 'NPS {score} uit {n} respondenten'],
  summaryOne: ['NPS {score} from 1 respondent', 'NPS {score} uit 1 respondent'],
  'band.negative': ['Needs work: more detractors than promoters', 'Verbetering nodig: meer criticasters dan promotors'],
  'band.zero': ['Break-even: as many promoters as detractors', 'Quitte: evenveel promotors als criticasters'],
  'band.good': ['Good: more promoters than detractors', 'Goed: meer promotors dan criticasters'],
  'band.great': [
    'Great: promoters clearly outnumber detractors',
    'Zeer goed: duidelijk meer promotors dan criticasters',
  ],
  'band.excellent': ['Excellent: nearly everyone recommends you', 'Uitstekend: bijna iedereen beveelt je aan'],
  promoters: [`Promoters (${range(9, 10)})`, `Promotors (${range(9, 10)})`],
  passives: [`Passives (${range(7, 8)})`, `Passieven (${range(7, 8)})`],
  detractors: [`Detractors (${range(0, 6)})`, `Criticasters (${range(0, 6)})`],
  promotersShort: ['Promoters', 'Promotors'],
  passivesShort: ['Passives', 'Passieven'],
  detractorsShort: ['Detractors', 'Criticasters'],
  whiskerAlt: [
    'Score {score} on a scale from −100 to +100; {level} confidence interval from {low} to {high}.',
    'Score {score} op een schaal van −100 tot +100; {level}-betrouwbaarheidsinterval van {low} tot {high}.',
  ],
  barAlt: ['Detractors {d}, passives {m}, promoters {p}.', 'Criticasters {d}, passieven {m}, promotors {p}.'],
  histogramAlt: ['Answers per score from 0 to 10: {list}.', 'Antwoorden per score van 0 tot 10: {list}.'],
  methodLabel: ['Interval method', 'Intervalmethode'],
  'method.adjusted-wald': ['Adjusted Wald (recommended)', 'Aangepaste Wald (aanbevolen)'],
  'method.wald': ['Wald', 'Wald'],
  'method.tango': ['Tango score', 'Tango-score'],
});

/** The plain-language band of a score. */
function bandKey(score) {
  if (score < 0) return 'band.negative';
  if (score === 0) return 'band.zero';
  if (score < 30) return 'band.good';
  if (score < 70) return 'band.great';
  return 'band.excellent';
}

const pctKey = (group) => `${group.slice(0, -1)}Pct`;

/** The score and its interval on the −100..100 scale. */
function whiskerScene(report, { numbers }, width = WIDTH) {
  return scaleWhiskerScene(
    report.score !== null && report.interval ? { value: report.score, low: report.interval.low, high: report.interval.high } : null,
    { min: -100, max: 100, ticks: [-100, -50, 0, 50, 100], tickText: numbers.signedWhole },
    width,
  );
}

/** Detractors, passives and promoters side by side, with a legend. */
function barScene(report, { numbers, say }, width = WIDTH) {
  return stackedBarScene(BAR_GROUPS.map(([key, role, pattern]) => {
    const pct = report[pctKey(key)];
    return { count: report[key], role, pattern, text: `${say(`${key}Short`)} ${pct === null ? '–' : numbers.share(pct / 100)}` };
  }), width);
}

/** The chart scenes with their text alternatives; null before any respondent. */
function scenes(report, t, width) {
  const { numbers: n } = t;
  if (report.score === null) return null;
  const pct = (key) => n.share(report[key] / 100);
  return {
    whisker: whiskerScene(report, t, width),
    whiskerLabel: t.say('whiskerAlt', { score: n.signed(report.score), level: n.level(report.interval.level), low: n.signed(report.interval.low), high: n.signed(report.interval.high) }),
    bar: barScene(report, t, width),
    barLabel: t.say('barAlt', { d: pct('detractorPct'), m: pct('passivePct'), p: pct('promoterPct') }),
    histogram: report.histogram && histogramScene(report.histogram, NPS_BANDS, t, width),
    histogramLabel: report.histogram && t.say('histogramAlt', { list: report.histogram.map((count, score) => `${score}: ${n.count(count)}`).join(', ') }),
  };
}

function intervalText(report, t) {
  return t.say('interval', {
    level: t.numbers.level(report.interval.level),
    low: t.numbers.signed(report.interval.low),
    high: t.numbers.signed(report.interval.high),
  });
}

export const nps = {
  name: 'nps',
  strings: mergeStrings(STRINGS, TOOLS_STRINGS, BREAKDOWN_STRINGS),
  styles: TOOLS_STYLES + BREAKDOWN_STYLES,
  readsText: true,
  countGroups: GROUPS,
  methods: METHODS,
  tools: ['compare', 'plan'],
  extras: npsTools,
  shareUrl,
  sharedCounts,

  // The option `breakdown` is the view's: the segment, date and comment columns chosen (nps-breakdown.js).
  analyze: (text, options) => analyzeWithBreakdown(text, options),
  reader: (options) => breakdownReader(options),
  fromCounts: (counts, { level, method }) => npsFromCounts(counts, { level, method }),
  nothingCounted: (report, t) => t.say('nothingCounted'),

  create(host) {
    const { id } = host;
    const v = summaryView(id, 'scoreLabel');
    const breakdown = breakdownView(host);
    const methodLabel = h('label', { for: id('method') });
    const method = h('select', { id: id('method'), part: 'method' });
    for (const name of METHODS) method.append(h('option', { value: name }));
    method.addEventListener('change', () => host.setOption('method', method.value));

    const view = {
      controls: [h('span', {}, methodLabel, method)],
      input: breakdown.picks,
      result: v.layout([], [breakdown.root]),
      options: breakdown.options,

      sync(options) {
        method.value = options.method;
      },

      relabel(t) {
        methodLabel.textContent = t.say('methodLabel');
        for (const option of method.options) option.textContent = t.say(`method.${option.value}`);
        v.relabel(t);
      },

      inputLabel: (t) => t.say('inputLabel'),
      placeholder: () => '',

      render(report, t) {
        const { numbers: n } = t;
        const has = report.score !== null;
        v.score.textContent = has ? n.signed(report.score) : '–';
        v.band.textContent = has ? t.say(bandKey(report.score)) : '';
        v.band.hidden = !has;
        v.interval.textContent = has
          ? `${intervalText(report, t)} · ${t.say('margin', { margin: n.decimal(report.marginOfError) })}`
          : report.rejectedCount > 0 ? t.say('nothingCounted') : t.say(host.mode() === 'counts' ? 'emptyCounts' : 'empty');
        v.drawCharts(scenes(report, t, host.chartWidth()));
        v.table.replaceChildren(
          groupHead(t),
          h('tbody', {},
            ...GROUPS.map((group) => groupRow(t, t.say(group), report[group], report[pctKey(group)], group)),
            groupRow(t, t.say('total'), report.respondents, has ? 100 : null, 'total')),
        );
        v.renderColumn(report, t);
        v.renderWarnings(report, t);
        v.renderRejected(report, t, false);
        breakdown.render(report, t, host.chartWidth());
        return {
          status: has ? t.say(report.respondents === 1 ? 'summaryOne' : 'summary', { score: n.signed(report.score), n: n.count(report.respondents) }) : '',
          saved: has,
          charts: has,
        };
      },

      drawCharts(report, t, width) {
        v.drawCharts(scenes(report, t, width));
        breakdown.draw(report, t, width);
      },

      /** The whole result (score, band, interval and the charts, those of segments and periods too) for the chart files. */
      exportParts(report, t) {
        const parts = [
          { text: `${t.say('scoreLabel')}: ${t.numbers.signed(report.score)}`, size: 16, weight: 700 },
          { text: t.say(bandKey(report.score)), size: 11 },
          { text: intervalText(report, t), size: 10, c: 'muted' },
          whiskerScene(report, t),
          barScene(report, t),
        ];
        if (report.histogram) parts.push({ text: t.say('histogramTitle'), size: 10, c: 'muted' }, histogramScene(report.histogram, NPS_BANDS, t));
        parts.push(...breakdown.exportParts(report, t));
        return { parts, label: `${t.say('scoreLabel')} ${t.numbers.signed(report.score)}` };
      },
    };
    return view;
  },

  copyText(report, t) {
    const { say, numbers } = t;
    const lines = [`${say('scoreLabel')}: ${numbers.signed(report.score)} (${say(bandKey(report.score))})`];
    if (report.interval) lines.push(`${intervalText(report, t)} · ${say('margin', { margin: numbers.decimal(report.marginOfError) })}`);
    for (const group of GROUPS) lines.push(`${say(group)}: ${numbers.count(report[group])} (${numbers.share(report[pctKey(group)] / 100)})`);
    lines.push(`${say('total')}: ${numbers.count(report.respondents)}`);
    lines.push(...breakdownCopyLines(report, t));
    return plain(lines);
  },

  csv(report) {
    const rows = [
      ['metric', 'nps'],
      ['score', report.score],
      ['respondents', report.respondents],
      ['promoters', report.promoters],
      ['passives', report.passives],
      ['detractors', report.detractors],
      ['promoter_pct', report.promoterPct],
      ['passive_pct', report.passivePct],
      ['detractor_pct', report.detractorPct],
      ...intervalRows('interval', report.interval),
      ['margin_of_error', report.marginOfError],
      ['rejected', report.rejectedCount],
    ];
    if (report.histogram) report.histogram.forEach((count, score) => rows.push([`answers_${score}`, count]));
    rows.push(...breakdownCsvRows(report));
    return csv(rows);
  },
};

