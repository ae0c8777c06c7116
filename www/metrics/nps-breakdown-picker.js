// The breakdown's selects, beside the column picker: segment, date and
// comments, each a column of the table or none, pre-set to the columns the
// core suggests, and the period and date order once a date column is read;
// and, for a file read without the columns now chosen, the offer to read it
// again. The choices hold while the table's columns stay the same.
import { h } from '../dom.js';
import { bilingual } from '../strings.js';
import { css } from '../css.js';
import { AUTO, ORDERS, PERIODS, ROLES, extraOptions, layoutKey } from './nps-breakdown-reading.js';

export const PICKER_STRINGS = bilingual({
  'bd.segmentBy': ['Segment by', 'Segmenteer op'],
  'bd.dateBy': ['Date', 'Datum'],
  'bd.commentBy': ['Comments', 'Opmerkingen'],
  'bd.periodBy': ['Period', 'Periode'],
  'bd.orderBy': ['Date order', 'Datumvolgorde'],
  'bd.none': ['None', 'Geen'],
  'bd.periodAuto': ['Automatic ({period})', 'Automatisch ({period})'],
  'bd.periodAutoBare': ['Automatic', 'Automatisch'],
  'bd.per.day': ['By day', 'Per dag'],
  'bd.per.week': ['By week', 'Per week'],
  'bd.per.month': ['By month', 'Per maand'],
  'bd.per.quarter': ['By quarter', 'Per kwartaal'],
  'bd.per.year': ['By year', 'Per jaar'],
  'bd.orderAuto': ['As the dates show ({order})', 'Zoals de datums laten zien ({order})'],
  'bd.orderAutoBare': ['As the dates show', 'Zoals de datums laten zien'],
  'bd.order.day-first': ['Day first (31/12/2024)', 'Dag eerst (31-12-2024)'],
  'bd.order.month-first': ['Month first (12/31/2024)', 'Maand eerst (12/31/2024)'],
  'bd.readAgain': [
    'The segments, periods and comments of this column need the file read again.',
    'Voor de segmenten, periodes en opmerkingen van deze kolom moet het bestand opnieuw worden gelezen.',
  ],
  'bd.readAgainButton': ['Read the file again', 'Bestand opnieuw lezen'],
});

export const PICKER_STYLES = css`
.breakdown-picks { display: flex; flex-wrap: wrap; gap: 0.5em 1em; margin-top: 0.75em; }
.breakdown-picks > div { min-width: 0; max-width: 100%; }
.breakdown-picks label { display: inline; font-weight: 500; margin-right: 0.4em; }
.reread { margin-top: 0.75em; padding: 0.4em 0.6em; border-left: 4px solid var(--_accent); background: var(--_soft); }
.reread p { margin: 0 0 0.4em; }
`;
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

/**
 * The selects (`picks`), the offer to read a file again (`again`),
 * `render(report, t, fromFile)` returning the columns the report was to be
 * read with, and `options()`, the choices as the element's option `breakdown`.
 */
export function breakdownPicker(host) {
  // Each column choice is 'auto' (the column suggested), null (none) or an index, for the table `layout`.
  const choices = { layout: null, segment: AUTO, date: AUTO, comment: AUTO, period: AUTO, dateOrder: AUTO };
  let readFor = null; // the answer column a file was read again for
  let shown = null; // the report shown

  const chosen = (key, value) => {
    choices[key] = value;
    choices.layout = layoutKey(shown) ?? choices.layout;
    host.changed();
  };
  const column = (key) => (v) => chosen(key, v === 'none' ? null : Number(v));
  const fields = {
    segment: select(host, 'segment-by', 'segment-select', column('segment')),
    date: select(host, 'date-by', 'date-select', column('date')),
    comment: select(host, 'comment-by', 'comment-select', column('comment')),
    period: select(host, 'period-by', 'period-select', (v) => chosen('period', v)),
    dateOrder: select(host, 'date-order-by', 'date-order-select', (v) => chosen('dateOrder', v)),
  };
  const picks = h('div', { part: 'breakdown-picker', class: 'breakdown-picks', hidden: true }, ...Object.values(fields).map((f) => f.root));

  const againText = h('p', {});
  const againButton = h('button', { type: 'button', part: 'read-again' });
  const again = h('div', { part: 'breakdown-reread', class: 'reread', hidden: true }, againText, againButton);
  againButton.addEventListener('click', () => {
    readFor = shown?.column?.index ?? null;
    host.changed();
  });

  function renderPicks(report, t) {
    const wanted = extraOptions({ ...choices }, report);
    const columns = report.columns.filter((c) => c.index !== report.column?.index);
    const pairs = [['none', t.say('bd.none')], ...columns.map((c) => {
      const title = !c.name ? t.say('noHeader') : c.shortName ? `${c.name} (${c.shortName})` : c.name;
      return [String(c.index), `${c.index} · ${title}`];
    })];
    for (const role of ROLES) fillSelect(fields[role].control, pairs, Object.hasOwn(wanted, role) ? String(wanted[role]) : 'none');
    fields.segment.label.textContent = t.say('bd.segmentBy');
    fields.date.label.textContent = t.say('bd.dateBy');
    fields.comment.label.textContent = t.say('bd.commentBy');
    fields.period.label.textContent = t.say('bd.periodBy');
    fields.dateOrder.label.textContent = t.say('bd.orderBy');
    const dated = Object.hasOwn(wanted, 'date');
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

  return {
    picks,
    again,

    render(report, t, fromFile) {
      shown = report;
      const key = layoutKey(report);
      const table = key !== null && Boolean(report.suggested);
      if (table && key !== choices.layout) {
        // Another table: its own suggestions, as its reading already used.
        Object.assign(choices, { layout: key, segment: AUTO, date: AUTO, comment: AUTO, period: AUTO, dateOrder: AUTO });
      }
      picks.hidden = !table || report.columns.length < 2;
      const wanted = table ? renderPicks(report, t) : {};
      // A file's other column comes from the reader kept, without the breakdown: it is read again on request.
      const missing = ROLES.some((role) => Object.hasOwn(wanted, role) && report[`${role}Column`]?.index !== wanted[role]);
      again.hidden = !(missing && fromFile);
      againText.textContent = t.say('bd.readAgain');
      againButton.textContent = t.say('bd.readAgainButton');
      return wanted;
    },

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
  };
}
