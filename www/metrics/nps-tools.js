// Comparison and planning for the NPS: "Compare two periods" (two pastes or
// two sets of counts, the difference with its interval, p-value and a verdict
// in plain words) and "How many responses do I need?" (npsSampleSize).
import { compareNps, npsSampleSize } from '../../js/core.js';
import { h } from '../dom.js';
import { fieldOfError, numberField } from '../fields.js';
import { css } from '../css.js';
import { bilingual } from '../strings.js';

export const TOOLS_STRINGS = bilingual({
  'method.tango-compare': [
    'Tango’s interval has no form for a difference, so the comparison uses adjusted Wald.',
    'Het Tango-interval bestaat niet voor een verschil; de vergelijking gebruikt daarom aangepaste Wald.',
  ],
  'error.margin': [
    'Enter a margin above 0 and at most 200 points.',
    'Vul een marge boven 0 en van hoogstens 200 punten in.',
  ],
  'error.promoterShare': ['Enter a percentage from 0 to 100.', 'Vul een percentage van 0 tot en met 100 in.'],
  'error.detractorShare': [
    'Enter a percentage from 0 to 100; promoters and detractors together at most 100%.',
    'Vul een percentage van 0 tot en met 100 in; promotors en criticasters samen hoogstens 100%.',
  ],
  'error.bothShares': [
    'Fill in both expected shares, or neither for the worst case.',
    'Vul beide verwachte aandelen in, of geen van beide voor het ongunstigste geval.',
  ],
  'error.counts': [
    'Counts must be whole numbers of 0 or more.',
    'Aantallen moeten gehele getallen van 0 of meer zijn.',
  ],
  'compare.title': ['Compare two periods', 'Vergelijk twee periodes'],
  'compare.hint': [
    'Paste the answers of two periods or segments, or type their counts.',
    'Plak de antwoorden van twee periodes of groepen, of typ hun aantallen.',
  ],
  before: ['Before', 'Voor'],
  after: ['After', 'Na'],
  'compare.paste': ['Answers from 0 to 10', 'Antwoorden van 0 tot en met 10'],
  'compare.empty': [
    'Fill in both periods to compare their scores.',
    'Vul beide periodes in om hun scores te vergelijken.',
  ],
  'compare.nothing': [
    'Each period needs at least one answer from 0 to 10.',
    'Elke periode heeft minstens één antwoord van 0 tot en met 10 nodig.',
  ],
  difference: ['Difference', 'Verschil'],
  'compare.line': [
    '{level} confidence interval of the difference: {low} to {high} · p = {p}',
    '{level}-betrouwbaarheidsinterval van het verschil: {low} tot {high} · p = {p}',
  ],
  'verdict.riseSignificant': [
    'The rise of {points} points is significant at {level}.',
    'De stijging van {points} punten is significant bij {level} betrouwbaarheid.',
  ],
  'verdict.riseWithin': [
    'The rise of {points} points is within the margin of error.',
    'De stijging van {points} punten valt binnen de foutmarge.',
  ],
  'verdict.fallSignificant': [
    'The fall of {points} points is significant at {level}.',
    'De daling van {points} punten is significant bij {level} betrouwbaarheid.',
  ],
  'verdict.fallWithin': [
    'The fall of {points} points is within the margin of error.',
    'De daling van {points} punten valt binnen de foutmarge.',
  ],
  'verdict.none': [
    'No change: both periods have the same score.',
    'Geen verschil: beide periodes hebben dezelfde score.',
  ],
  'plan.title': ['How many responses do I need?', 'Hoeveel reacties heb ik nodig?'],
  'plan.margin': ['Margin of error (± NPS points)', 'Foutmarge (± NPS-punten)'],
  'plan.level': ['Confidence level', 'Betrouwbaarheidsniveau'],
  'plan.promoters': ['Expected promoters (%)', 'Verwachte promotors (%)'],
  'plan.detractors': ['Expected detractors (%)', 'Verwachte criticasters (%)'],
  'plan.hint': [
    'Leave the expected shares empty to plan for the worst case.',
    'Laat de verwachte aandelen leeg om voor het ongunstigste geval te plannen.',
  ],
  'plan.result': ['{n} responses', '{n} reacties'],
  'plan.worst': [
    'for a margin of ±{margin} points at {level} confidence, in the worst case (half promoters, half detractors).',
    'voor een foutmarge van ±{margin} punten bij {level} betrouwbaarheid, in het ongunstigste geval (half promotors, half criticasters).',
  ],
  'plan.expected': [
    'for a margin of ±{margin} points at {level} confidence, with {p} promoters and {d} detractors expected.',
    'voor een foutmarge van ±{margin} punten bij {level} betrouwbaarheid, met {p} promotors en {d} criticasters verwacht.',
  ],
});

export const TOOLS_STYLES = css`
.tools { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); border-top: 1px solid var(--_border); padding-top: var(--_gap); }
.tool h3 { margin: 0 0 0.25em; font-size: 1.1em; }
.tool .score { font-size: 2em; }
.pair { display: grid; gap: 0.75em 1em; grid-template-columns: minmax(0, 1fr); }
.sample { border: 1px solid var(--_border); border-radius: calc(var(--_radius) * 0.6); padding: 0.6em 0.75em; margin: 0; }
.sample legend { padding: 0 0.3em; margin: 0; }
.seg-row { margin-bottom: 0.5em; font-size: 0.9em; }
.seg-row .seg span { padding: 0.2em 0.7em; }
.sample textarea { min-height: 6em; }
.tool-result { margin-top: 0.75em; }
.tool table { max-width: 32em; }
.verdict { margin: 0; font-weight: 700; font-size: 1.05em; }
.verdict.significant { color: var(--_promoter); }
@container (min-width: 480px) {
  .pair { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
}
`;

const GROUPS = ['promoters', 'passives', 'detractors'];

/** One period: a paste, or three counts. */
function sampleInput(id, which, onChange) {
  const legend = h('legend', { class: 'sample-title' });
  const modes = {};
  const seg = h('div', { class: 'seg' });
  for (const mode of ['paste', 'counts']) {
    modes[mode] = { input: h('input', { type: 'radio', name: id(`${which}-mode`), value: mode, checked: mode === 'paste' }), text: h('span') };
    modes[mode].input.addEventListener('change', () => {
      sample.setMode(mode);
      onChange();
    });
    seg.append(h('label', {}, modes[mode].input, modes[mode].text));
  }
  const pasteLabel = h('label', { for: id(`${which}-input`) });
  const text = h('textarea', { id: id(`${which}-input`), part: `compare-input ${which}`, rows: '5', spellcheck: 'false', autocomplete: 'off' });
  text.addEventListener('input', onChange);
  const paste = h('div', {}, pasteLabel, text);
  const counts = {};
  for (const group of GROUPS) {
    counts[group] = numberField(group, id(`${which}-${group}`), `compare-count ${which}-${group}`, { step: '1', inputmode: 'numeric' });
    counts[group].input.addEventListener('input', onChange);
  }
  const countsBox = h('div', { class: 'fields', hidden: true }, ...GROUPS.map((group) => counts[group].box));
  const box = h('fieldset', { class: 'sample', part: `compare-${which}` }, legend, h('div', { class: 'seg-row' }, seg), paste, countsBox);

  const sample = {
    box,
    mode: 'paste',
    setMode(mode) {
      sample.mode = mode;
      modes[mode].input.checked = true;
      paste.hidden = mode !== 'paste';
      countsBox.hidden = mode !== 'counts';
    },
    /** The sample for compareNps: text or counts; null when empty; false when a count is invalid. */
    read(say) {
      if (sample.mode === 'paste') return text.value.trim() === '' ? null : text.value;
      const values = {};
      let valid = true;
      let empty = true;
      for (const group of GROUPS) {
        const value = counts[group].read();
        const ok = value === null || (Number.isSafeInteger(value) && value >= 0);
        counts[group].setError(ok ? null : say('error.counts'));
        valid &&= ok;
        empty &&= value === null;
        values[group] = value ?? 0;
      }
      if (!valid) return false;
      return empty ? null : values;
    },
    relabel(say) {
      legend.textContent = say(which);
      modes.paste.text.textContent = say('modePaste');
      modes.counts.text.textContent = say('modeCounts');
      pasteLabel.textContent = say('compare.paste');
      for (const group of GROUPS) counts[group].label.textContent = say(group);
    },
  };
  return sample;
}

/**
 * The tools section. `host` gives the element's { id(name), texts(),
 * options(), levels }; the tools follow its level and interval method.
 */
export function npsTools(host) {
  const { id, levels } = host;
  const compute = () => panel.compute();
  // Each tool computes once the core is here (host.coreReady); one out of sight does not ask for it.
  const compareAgain = () => panel.computeCompare();
  const planAgain = () => panel.computePlan();

  // Compare two periods.
  const compareTitle = h('h3', { id: id('compare-title') });
  const compareHint = h('p', { class: 'hint' });
  const before = sampleInput(id, 'before', () => panel.computeCompare());
  const after = sampleInput(id, 'after', () => panel.computeCompare());
  const compareTable = h('table', { part: 'compare-table', class: 'plain' });
  const compareLine = h('p', { class: 'interval', part: 'compare-interval' });
  const verdict = h('p', { class: 'verdict', part: 'verdict' });
  const methodNote = h('p', { class: 'note', part: 'compare-method', hidden: true });
  const compareResult = h('div', { class: 'tool-result', role: 'status', 'aria-live': 'polite' }, verdict, compareTable, compareLine, methodNote);
  const compare = h('section', { class: 'tool', part: 'compare', 'aria-labelledby': id('compare-title') },
    compareTitle, compareHint, h('div', { class: 'pair' }, before.box, after.box), compareResult);

  // Plan a survey.
  const planTitle = h('h3', { id: id('plan-title') });
  const planHint = h('p', { class: 'hint' });
  const margin = numberField('margin', id('plan-margin'), 'plan-margin', { value: '5', max: '200' });
  const promoterShare = numberField('promoterShare', id('plan-promoters'), 'plan-promoters', { max: '100' });
  const detractorShare = numberField('detractorShare', id('plan-detractors'), 'plan-detractors', { max: '100' });
  const planLevelLabel = h('label', { for: id('plan-level') });
  const planLevel = h('select', { id: id('plan-level'), part: 'plan-level' });
  for (const level of levels) planLevel.append(h('option', { value: String(level) }));
  planLevel.value = String(levels.includes(host.options().level) ? host.options().level : 0.95);
  const planFields = { margin, promoterShare, detractorShare };
  for (const field of Object.values(planFields)) field.input.addEventListener('input', () => panel.computePlan());
  planLevel.addEventListener('change', () => panel.computePlan());
  const planNumber = h('div', { class: 'score', part: 'sample-size' });
  const planText = h('p', { class: 'interval', part: 'plan-text' });
  const planResult = h('div', { class: 'tool-result', role: 'status', 'aria-live': 'polite' }, planNumber, planText);
  const plan = h('section', { class: 'tool', part: 'plan', 'aria-labelledby': id('plan-title') },
    planTitle,
    h('div', { class: 'fields' }, margin.box, h('div', { class: 'field' }, planLevelLabel, planLevel), promoterShare.box, detractorShare.box),
    planHint, planResult);

  const panel = {
    root: h('div', { class: 'tools wide', part: 'tools' }, compare, plan),
    comparison: null,
    sampleSize: null,

    show(which) {
      compare.hidden = !which.has('compare');
      plan.hidden = !which.has('plan');
      panel.root.hidden = compare.hidden && plan.hidden;
      if (!panel.root.hidden) compute();
    },

    compute() {
      panel.computeCompare();
      panel.computePlan();
    },

    /** The element's level or method changed: the comparison follows them (the planner has its own level). */
    optionsChanged() {
      panel.computeCompare();
    },

    computeCompare() {
      const { say, numbers: n } = host.texts();
      const a = before.read(say);
      const b = after.read(say);
      const { level: chosenLevel, method: requested } = host.options();
      const method = requested === 'tango' ? 'adjusted-wald' : requested;
      methodNote.hidden = requested !== 'tango';
      methodNote.textContent = say('method.tango-compare');
      panel.comparison = null;
      const empty = (key) => {
        verdict.textContent = a === false || b === false ? '' : say(key);
        compareTable.replaceChildren();
        compareTable.hidden = true;
        compareLine.textContent = '';
      };
      if (a === null || b === null || a === false || b === false) return empty('compare.empty');
      if (!host.coreReady(compareAgain, !compare.hidden)) return empty('compare.empty');
      let result;
      try {
        result = compareNps(a, b, { level: chosenLevel, method });
      } catch {
        return empty('compare.nothing');
      }
      if (result.difference === null) return empty('compare.nothing');
      panel.comparison = result;
      const points = n.decimal(Math.abs(result.difference));
      const level = n.level(result.interval.level);
      const rounded = Math.round(result.difference * 10) / 10;
      const direction = rounded > 0 ? 'rise' : 'fall';
      verdict.textContent = rounded === 0
        ? say('verdict.none')
        : say(`verdict.${direction}${result.significant ? 'Significant' : 'Within'}`, { points, level });
      verdict.className = `verdict ${rounded !== 0 && result.significant ? 'significant' : 'within'}`;
      const row = (label, score, count) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, score), h('td', {}, count));
      compareTable.hidden = false;
      compareTable.replaceChildren(
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, say('group')), h('th', { scope: 'col' }, 'NPS'), h('th', { scope: 'col' }, say('count')))),
        h('tbody', {},
          row(say('before'), n.signed(result.before.score), n.count(result.before.respondents)),
          row(say('after'), n.signed(result.after.score), n.count(result.after.respondents)),
          row(say('difference'), n.signed(result.difference), '')),
      );
      compareLine.textContent = say('compare.line', {
        level,
        low: n.signed(result.interval.low),
        high: n.signed(result.interval.high),
        p: n.pValue(result.pValue),
      });
    },

    computePlan() {
      const { say, numbers: n } = host.texts();
      for (const field of Object.values(planFields)) field.setError(null);
      panel.sampleSize = null;
      const clear = () => {
        planNumber.textContent = '–';
        planText.textContent = '';
      };
      const values = {};
      let bad = false;
      for (const [key, field] of Object.entries(planFields)) {
        const value = field.read();
        if (Number.isNaN(value)) {
          field.setError(say('error.number'));
          bad = true;
        } else if (value !== null) values[key] = key === 'margin' ? value : value / 100;
      }
      if (bad || values.margin === undefined) return clear();
      if (Object.hasOwn(values, 'promoterShare') !== Object.hasOwn(values, 'detractorShare')) {
        planFields[Object.hasOwn(values, 'promoterShare') ? 'detractorShare' : 'promoterShare'].setError(say('error.bothShares'));
        return clear();
      }
      if (!host.coreReady(planAgain, !plan.hidden)) return clear();
      let result;
      try {
        result = npsSampleSize({ ...values, level: Number(planLevel.value) });
      } catch (error) {
        const field = fieldOfError(error);
        if (planFields[field]) planFields[field].setError(say(`error.${field}`));
        return clear();
      }
      panel.sampleSize = result;
      planNumber.textContent = say('plan.result', { n: n.count(result.respondents) });
      const worst = !Object.hasOwn(values, 'promoterShare');
      planText.textContent = say(worst ? 'plan.worst' : 'plan.expected', {
        margin: n.upTo2(result.margin),
        level: n.level(result.level),
        p: n.share(result.promoterShare),
        d: n.share(result.detractorShare),
      });
    },

    relabel() {
      const { say, numbers: n } = host.texts();
      compareTitle.textContent = say('compare.title');
      compareHint.textContent = say('compare.hint');
      before.relabel(say);
      after.relabel(say);
      planTitle.textContent = say('plan.title');
      planHint.textContent = say('plan.hint');
      margin.label.textContent = say('plan.margin');
      promoterShare.label.textContent = say('plan.promoters');
      detractorShare.label.textContent = say('plan.detractors');
      planLevelLabel.textContent = say('plan.level');
      for (const option of planLevel.options) option.textContent = n.level(Number(option.value));
      compute();
    },
  };
  return panel;
}
