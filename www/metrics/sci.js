// The Secure Customer Index: three answers per respondent (satisfaction,
// buying again, recommending), the index with its Wilson interval as a
// whisker on 0–100 %, a stacked bar of at-risk, favorable and secure
// respondents, the top two boxes per question, the Customer Loyalty Index,
// which column was read as which question, and the at-risk lines.
import { analyzeSci, createSciReader } from '../../js/core.js';
import { h } from '../dom.js';
import { bilingual, range } from '../strings.js';
import { scaleWhiskerScene, stackedBarScene } from '../charts.js';
import { csv, intervalRows, plain } from '../export.js';
import { groupHead, groupRow, summaryView } from '../summary-view.js';
import { css } from '../css.js';

const SCALES = ['0-10', '1-5', '1-7'];
/** The groups of the SCI by scale: secure and favorable from, at risk up to. */
const SCI_BANDS = {
  '0-10': { secure: [9, 10], favorable: [7, 10], risk: [0, 6] },
  '1-7': { secure: [6, 7], favorable: [5, 7], risk: [1, 4] },
  '1-5': { secure: [4, 5], favorable: [3, 5], risk: [1, 2] },
};
const QUESTIONS = ['satisfaction', 'repurchase', 'recommend'];

const STYLES = css`
.cli { margin: 0.75em 0 0; font-weight: 700; }
.cli .note { font-weight: 400; }
.follow-up { margin: 0.5em 0 0; padding: 0.4em 0.6em; border-left: 4px solid var(--_detractor); background: var(--_soft); font-size: 0.95em; }
`;

const STRINGS = bilingual({
  'sci.inputLabel': [
    'Paste three columns of answers: overall satisfaction, would buy again, would recommend (a header row names them; without one, that order is used)',
    'Plak drie kolommen met antwoorden: algemene tevredenheid, opnieuw kopen, aanbevelen (een kopregel noemt ze; zonder kopregel geldt deze volgorde)',
  ],
  'sci.placeholder': [
    'satisfaction;buy again;recommend\n9;10;9\n8;7;9\n10;9;10',
    'tevredenheid;opnieuw kopen;aanbevelen\n9;10;9\n8;7;9\n10;9;10',
  ],
  'sci.scoreLabel': ['Secure Customer Index', 'Secure Customer Index'],
  'sci.band': [
    'of respondents are secure: top marks on all three questions',
    'van de respondenten is loyaal (secure): topscores op alle drie de vragen',
  ],
  'sci.empty': [
    'Paste three columns of answers to see the Secure Customer Index.',
    'Plak drie kolommen met antwoorden om de Secure Customer Index te zien.',
  ],
  'sci.nothingCounted': [
    'No complete row of three answers from {min} to {max} was found.',
    'Er is geen volledige rij met drie antwoorden van {min} tot en met {max} gevonden.',
  ],
  'sci.interval': [
    '{level} confidence interval (Wilson): {low} to {high}',
    '{level}-betrouwbaarheidsinterval (Wilson): {low} tot {high}',
  ],
  'sci.summary': [
    'Secure Customer Index {index} from {n} respondents',
    'Secure Customer Index {index} uit {n} respondenten',
  ],
  'sci.summaryOne': [
    'Secure Customer Index {index} from 1 respondent',
    'Secure Customer Index {index} uit 1 respondent',
  ],
  'sci.whiskerAlt': [
    '{index} secure on a scale from 0% to 100%; {level} confidence interval from {low} to {high}.',
    '{index} loyaal op een schaal van 0% tot 100%; {level}-betrouwbaarheidsinterval van {low} tot {high}.',
  ],
  'sci.barAlt': ['At risk {r}, favorable {f}, secure {s}.', 'Risico {r}, positief {f}, loyaal {s}.'],
  secure: ['Secure', 'Loyaal (secure)'],
  favorable: ['Favorable', 'Positief (favorable)'],
  atRisk: ['At risk', 'Risico (at risk)'],
  'sci.groups': [
    'Secure: all three answers {secure}. Favorable: all three {favorable}, not secure. At risk: any answer {risk}.',
    'Loyaal: alle drie de antwoorden {secure}. Positief: alle drie {favorable}, niet loyaal. Risico: een antwoord {risk}.',
  ],
  'sci.questions': ['Top two boxes per question', 'Bovenste twee antwoorden per vraag'],
  question: ['Question', 'Vraag'],
  topTwo: ['Top two boxes', 'Bovenste twee'],
  'q.satisfaction': ['Overall satisfaction', 'Algemene tevredenheid'],
  'q.repurchase': ['Would buy again', 'Opnieuw kopen'],
  'q.recommend': ['Would recommend', 'Aanbevelen'],
  'sci.cli': ['Customer Loyalty Index: {cli} out of 100', 'Customer Loyalty Index: {cli} van 100'],
  'sci.cliNote': [
    'the average of all answers, rescaled to 0–100',
    'het gemiddelde van alle antwoorden, omgerekend naar 0–100',
  ],
  'sci.columns': [
    'Columns read — satisfaction: {satisfaction}; buy again: {repurchase}; recommend: {recommend}.',
    'Gelezen kolommen — tevredenheid: {satisfaction}; opnieuw kopen: {repurchase}; aanbevelen: {recommend}.',
  ],
  'sci.columnNamed': ['column {index} “{name}”', 'kolom {index} “{name}”'],
  'sci.columnUnnamed': ['column {index}', 'kolom {index}'],
  'sci.order': [
    'No header row named the three questions, so the columns were read in the order satisfaction, buy again, recommend.',
    'Geen kopregel noemde de drie vragen, dus de kolommen zijn gelezen in de volgorde tevredenheid, opnieuw kopen, aanbevelen.',
  ],
  'sci.followUp': [
    'Follow up the at-risk respondents: lines {lines}',
    'Neem contact op met de respondenten met risico: regels {lines}',
  ],
  'sci.followUpOne': [
    'Follow up the at-risk respondent: line {lines}',
    'Neem contact op met de respondent met risico: regel {lines}',
  ],
});

const percent = (n) => (x) => (x === null ? '–' : n.share(x / 100));

/** The chart scenes with their text alternatives; null before any respondent. */
function scenes(report, t, width) {
  const { numbers: n } = t;
  if (report.index === null) return null;
  const pct = percent(n);
  return {
    whisker: scaleWhiskerScene({ value: report.index, low: report.interval.low, high: report.interval.high },
      { min: 0, max: 100, ticks: [0, 25, 50, 75, 100], tickText: (value) => n.percentWhole(value / 100) }, width),
    whiskerLabel: t.say('sci.whiskerAlt', { index: pct(report.index), level: n.level(report.interval.level), low: pct(report.interval.low), high: pct(report.interval.high) }),
    bar: stackedBarScene([
      { count: report.atRisk, role: 'detractor', pattern: 'hatch', text: `${t.say('atRisk')} ${pct(report.atRiskPct)}` },
      { count: report.favorable, role: 'passive', pattern: 'dots', text: `${t.say('favorable')} ${pct(report.favorablePct)}` },
      { count: report.secure, role: 'promoter', pattern: null, text: `${t.say('secure')} ${pct(report.securePct)}` },
    ], width),
    barLabel: t.say('sci.barAlt', { r: pct(report.atRiskPct), f: pct(report.favorablePct), s: pct(report.securePct) }),
  };
}

export const sci = {
  name: 'sci',
  strings: STRINGS,
  styles: STYLES,
  readsText: true,
  scales: SCALES,
  defaultScale: '0-10',

  // The column picker's choice is { satisfaction, repurchase, recommend }: the option `columns`.
  analyze: (text, { level, scale, column }) => analyzeSci(text, column === undefined ? { level, scale } : { level, scale, columns: column }),
  reader: ({ level, scale, column }) => createSciReader(column === undefined ? { level, scale } : { level, scale, columns: column }),
  columnRoles: QUESTIONS.map((key) => ({ key, question: `q.${key}` })),
  nothingCounted: (report, t) => t.say('sci.nothingCounted', { min: report.scale.min, max: report.scale.max }),

  create(host) {
    const { id } = host;
    const v = summaryView(id, 'sci.scoreLabel');
    const groupsNote = h('p', { class: 'note', part: 'groups' });
    const questionsTitle = h('p', { class: 'chart-title', id: id('questions') });
    const questions = h('table', { part: 'questions', class: 'plain', 'aria-labelledby': id('questions') });
    const cli = h('p', { part: 'cli', class: 'cli' });
    const cliNote = h('span', { class: 'note' });
    const columnsNote = h('p', { part: 'columns', class: 'note' });
    const orderNote = h('p', { part: 'order-note', class: 'note' });
    const followUp = h('p', { part: 'at-risk', class: 'follow-up' });
    const details = h('div', { part: 'details' }, groupsNote, questionsTitle, questions, cli, columnsNote, orderNote, followUp);

    const view = {
      controls: [],
      result: v.layout([], [details]),

      relabel(t) {
        v.relabel(t);
        questionsTitle.textContent = t.say('sci.questions');
      },

      inputLabel: (t) => t.say('sci.inputLabel'),
      placeholder: (t) => t.say('sci.placeholder'),

      render(report, t) {
        const { numbers: n } = t;
        const has = report.index !== null;
        const pct = percent(n);
        v.score.textContent = has ? pct(report.index) : '–';
        v.band.textContent = has ? t.say('sci.band') : '';
        v.band.hidden = !has;
        v.interval.textContent = has
          ? t.say('sci.interval', { level: n.level(report.interval.level), low: pct(report.interval.low), high: pct(report.interval.high) })
          : report.rejectedCount > 0 ? sci.nothingCounted(report, t) : t.say('sci.empty');
        v.drawCharts(scenes(report, t, host.chartWidth()));

        v.table.replaceChildren(
          groupHead(t),
          h('tbody', {},
            groupRow(t, t.say('secure'), report.secure, report.securePct, 'promoters'),
            groupRow(t, t.say('favorable'), report.favorable, report.favorablePct, 'passives'),
            groupRow(t, t.say('atRisk'), report.atRisk, report.atRiskPct, 'detractors'),
            groupRow(t, t.say('total'), report.respondents, has ? 100 : null, 'total')),
        );
        const bands = SCI_BANDS[`${report.scale.min}-${report.scale.max}`];
        groupsNote.textContent = t.say('sci.groups', {
          secure: range(...bands.secure), favorable: range(...bands.favorable), risk: range(...bands.risk),
        });
        questions.replaceChildren(
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.say('question')), h('th', { scope: 'col' }, t.say('topTwo')))),
          h('tbody', {}, ...QUESTIONS.map((q) => h('tr', {}, h('th', { scope: 'row' }, t.say(`q.${q}`)),
            h('td', {}, pct(report.perQuestion[q]))))),
        );
        questionsTitle.hidden = questions.hidden = !has;
        cli.hidden = report.cli === null;
        cliNote.textContent = ` (${t.say('sci.cliNote')})`;
        cli.replaceChildren(report.cli === null ? '' : t.say('sci.cli', { cli: n.decimal(report.cli) }), cliNote);

        const columns = report.columns;
        const ref = (c) => t.say(c.name ? 'sci.columnNamed' : 'sci.columnUnnamed', { index: c.index, name: c.name ?? '' });
        const read = report.respondents > 0 || report.rejectedCount > 0;
        columnsNote.hidden = !read;
        columnsNote.textContent = t.say('sci.columns', Object.fromEntries(QUESTIONS.map((q) => [q, ref(columns[q])])));
        orderNote.hidden = !read || columns.chosenBy !== 'order';
        orderNote.textContent = t.say('sci.order');

        const lines = report.atRiskLines;
        followUp.hidden = lines.length === 0;
        let list = lines.map((line) => String(line)).join(', ');
        if (report.atRisk > lines.length) list = t.say('more', { list, n: n.count(report.atRisk - lines.length) });
        followUp.textContent = lines.length ? t.say(lines.length === 1 && report.atRisk === 1 ? 'sci.followUpOne' : 'sci.followUp', { lines: list }) : '';

        v.column.hidden = true;
        v.renderWarnings(report, t);
        v.renderRejected(report, t, true);
        return {
          status: has ? t.say(report.respondents === 1 ? 'sci.summaryOne' : 'sci.summary', { index: pct(report.index), n: n.count(report.respondents) }) : '',
          saved: has,
          charts: has,
        };
      },

      drawCharts: (report, t, width) => v.drawCharts(scenes(report, t, width)),
      exportParts: (report, t) => v.exportParts(scenes(report, t)),
    };
    return view;
  },

  copyText(report, { say, numbers }) {
    const pct = percent(numbers);
    const lines = [`${say('sci.scoreLabel')}: ${pct(report.index)}`];
    if (report.interval) {
      lines.push(say('sci.interval', { level: numbers.level(report.interval.level), low: pct(report.interval.low), high: pct(report.interval.high) }));
    }
    for (const key of ['secure', 'favorable', 'atRisk']) lines.push(`${say(key)}: ${numbers.count(report[key])} (${pct(report[`${key}Pct`])})`);
    lines.push(`${say('total')}: ${numbers.count(report.respondents)}`);
    for (const key of QUESTIONS) lines.push(`${say(`q.${key}`)}, ${say('topTwo').toLowerCase()}: ${pct(report.perQuestion[key])}`);
    if (report.cli !== null) lines.push(say('sci.cli', { cli: numbers.decimal(report.cli) }));
    return plain(lines);
  },

  csv(report) {
    return csv([
      ['metric', 'sci'],
      ['scale', `${report.scale.min}-${report.scale.max}`],
      ['index', report.index],
      ['respondents', report.respondents],
      ['secure', report.secure],
      ['favorable', report.favorable],
      ['at_risk', report.atRisk],
      ['secure_pct', report.securePct],
      ['favorable_pct', report.favorablePct],
      ['at_risk_pct', report.atRiskPct],
      ...intervalRows('interval', report.interval),
      ['satisfaction_top_two_pct', report.perQuestion.satisfaction],
      ['repurchase_top_two_pct', report.perQuestion.repurchase],
      ['recommend_top_two_pct', report.perQuestion.recommend],
      ['cli', report.cli],
      ['at_risk_lines', report.atRiskLines.join(' ')],
      ['rejected', report.rejectedCount],
    ]);
  },
};
