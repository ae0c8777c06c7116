// Choosing the column that holds the answers, when what was read has several:
// one labelled <select> per question the metric reads (one for most, three
// for a metric with `columnRoles`), each column listed with its header and
// what is in it, the column the report used selected.
import { h } from './dom.js';
import { bilingual, range } from './strings.js';

export const PICKER_STRINGS = bilingual({
  pickColumn: ['Column with the answers', 'Kolom met de antwoorden'],
  pickColumnFor: ['Column for “{question}”', 'Kolom voor “{question}”'],
  noHeader: ['no header', 'geen kop'],
  profile: [
    '{scores} answers {range}, {blank} blank, {other} other',
    '{scores} antwoorden {range}, {blank} leeg, {other} anders',
  ],
  profileOne: [
    '1 answer {range}, {blank} blank, {other} other',
    '1 antwoord {range}, {blank} leeg, {other} anders',
  ],
});

/**
 * The picker. `host` is the element's (ids, texts); `chose(column)` is
 * called with a column's index, or for a metric with `columnRoles`
 * ([{ key, question }]: the report's `columns` key and the string key of its
 * question) with { key: index } for every role.
 */
export function columnPicker(host, chose) {
  const root = h('div', { part: 'column-picker', class: 'picker', hidden: true });
  let fields = []; // { key, question, label, select } per role of the metric shown
  let builtFor = null;
  let shown = null; // { report, metric }

  function build(metric) {
    builtFor = metric;
    fields = (metric.columnRoles ?? [{ key: null }]).map((role, i) => {
      const select = h('select', { id: host.id(`column${i}`), part: 'column-select' });
      select.addEventListener('change', () => {
        const index = (field) => Number(field.select.value);
        chose(metric.columnRoles ? Object.fromEntries(fields.map((field) => [field.key, index(field)])) : index(fields[0]));
      });
      return { ...role, select, label: h('label', { for: select.id }) };
    });
    root.replaceChildren(...fields.map(({ label, select }) => h('div', {}, label, select)));
  }

  function render() {
    const { report, metric } = shown;
    const { say, numbers: n } = host.texts();
    const list = (metric.columnRoles ? report.table : report.columns) ?? [];
    const chosen = (key) => (key === null ? report.column : report.columns?.[key])?.index;
    root.hidden = list.length < 2 || fields.some(({ key }) => chosen(key) === undefined);
    if (root.hidden) return;
    const { min, max } = report.scale ?? { min: 0, max: 10 };
    const options = () => list.map(({ index, name, shortName, profile: p }) => {
      const title = !name ? say('noHeader') : shortName ? `${name} (${shortName})` : name;
      const counts = { scores: n.count(p.scores), range: range(min, max), blank: n.count(p.blank), other: n.count(p.other) };
      return h('option', { value: String(index) }, `${index} · ${title} — ${say(p.scores === 1 ? 'profileOne' : 'profile', counts)}`);
    });
    for (const field of fields) {
      field.label.textContent = field.key === null ? say('pickColumn') : say('pickColumnFor', { question: say(field.question) });
      field.select.replaceChildren(...options());
      field.select.value = String(chosen(field.key));
    }
  }

  return {
    root,
    /** Shows the columns of `report` (read for `metric`); hidden when there are fewer than two. */
    show(report, metric) {
      if (metric !== builtFor) build(metric);
      shown = report ? { report, metric } : null;
      if (shown) render();
      else root.hidden = true;
    },
    relabel: () => shown && render(),
  };
}
