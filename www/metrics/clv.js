// The metric="clv" panel: retention and churn over a period, and customer
// lifetime value. Percentages are typed as percentages and handed to the API
// as fractions; an API error names its field between backticks, and the
// field gets a translated message of its own.
import { customerLifetimeValue, retention } from '../js/core.js';
import { h } from './dom.js';
import { fieldOfError, numberField } from './fields.js';

const RETENTION_FIELDS = ['customersAtStart', 'customersAtEnd', 'newCustomers'];
const LIFETIME_FIELDS = ['averageOrderValue', 'purchasesPerYear', 'grossMargin', 'retentionRate', 'discountRate'];
const PERCENT = new Set(['grossMargin', 'retentionRate', 'discountRate']);
const OPTIONAL = new Set(['discountRate']);

/** Builds the panel; `id(name)` makes element ids unique to the element. */
export function clvPanel(id) {
  const fields = {};
  const make = (key, options) => (fields[key] = numberField(key, id(key), kebab(key), options));
  for (const key of RETENTION_FIELDS) make(key, { step: '1', inputmode: 'numeric' });
  make('averageOrderValue');
  make('purchasesPerYear');
  make('grossMargin', { max: '100' });
  make('retentionRate', { max: '100' });
  make('discountRate', { value: '10' });

  const retentionLegend = h('legend');
  const lifetimeLegend = h('legend');
  const hint = h('p', { class: 'hint' });
  const useRetention = h('button', { type: 'button', part: 'use-retention', disabled: true });
  const retentionForm = h('fieldset', { part: 'retention-form', class: 'form' }, retentionLegend,
    h('div', { class: 'fields' }, ...RETENTION_FIELDS.map((key) => fields[key].box)));
  const lifetimeForm = h('fieldset', { part: 'clv-form', class: 'form' }, lifetimeLegend, hint,
    h('div', { class: 'fields' }, ...LIFETIME_FIELDS.map((key) => fields[key].box)));
  // The button sits right under the retention field it fills.
  fields.retentionRate.box.append(useRetention);

  const block = (part) => {
    const title = h('h3', { class: 'block-title', id: id(`${part}-title`) });
    const big = h('div', { class: 'score', part: `${part}-value`, 'aria-describedby': id(`${part}-title`) });
    const table = h('table', { class: 'plain', part: `${part}-table` });
    const empty = h('p', { class: 'interval' });
    return { title, big, table, empty, box: h('section', { class: 'block', part }, title, big, empty, table) };
  };
  const retentionBlock = block('retention');
  const lifetimeBlock = block('lifetime');
  const formula = h('p', { class: 'note' });
  lifetimeBlock.box.append(formula);

  const panel = {
    fields,
    inputs: h('div', { class: 'clv' }, retentionForm, lifetimeForm),
    result: h('div', { class: 'clv-result' }, retentionBlock.box, lifetimeBlock.box),
    useRetention,

    /** Puts values (fractions for percentages, as in the API) into the fields. */
    fill(values) {
      for (const [key, field] of Object.entries(fields)) {
        if (!(key in values)) continue;
        const value = values[key];
        field.input.value = value === null || value === undefined ? '' : String(PERCENT.has(key) ? round(value * 100) : value);
      }
    },

    /**
     * Reads the fields and computes what they allow. Returns the report
     * { retention, clv } (each null until its fields are filled in) and the
     * errors as [{ field, message key }].
     */
    compute() {
      const errors = [];
      for (const field of Object.values(fields)) field.setError(null);
      const read = (keys) => {
        const values = {};
        let complete = true;
        for (const key of keys) {
          const value = fields[key].read();
          if (Number.isNaN(value)) errors.push({ field: key, key: 'error.number' });
          else if (value === null) complete &&= OPTIONAL.has(key);
          else values[key] = PERCENT.has(key) ? value / 100 : value;
        }
        return complete && keys.every((key) => !Number.isNaN(fields[key].read())) ? values : null;
      };
      const attempt = (make, values) => {
        if (!values) return null;
        try {
          return make(values);
        } catch (error) {
          const field = fieldOfError(error);
          errors.push({ field: field in fields ? field : null, key: field in fields ? `error.${field}` : null, message: String(error?.message ?? error) });
          return null;
        }
      };
      const kept = attempt(retention, read(RETENTION_FIELDS));
      const lifetimeInput = read(LIFETIME_FIELDS);
      const value = attempt(customerLifetimeValue, lifetimeInput);
      const clv = value && { ...lifetimeInput, discountRate: lifetimeInput.discountRate ?? 0.1, ...value };
      return { report: { retention: kept, clv }, errors };
    },

    /** Shows the report and the errors in the language of `t`. */
    render(report, errors, t, currency) {
      const { numbers: n, say } = t;
      for (const error of errors) {
        if (error.field) fields[error.field].setError(say(error.key));
      }
      useRetention.disabled = !report.retention;

      const r = report.retention;
      retentionBlock.big.textContent = r ? n.share(r.retentionRate) : '–';
      retentionBlock.empty.textContent = r ? '' : say('clv.emptyRetention');
      retentionBlock.empty.hidden = Boolean(r);
      retentionBlock.table.hidden = !r;
      retentionBlock.table.replaceChildren(...(r ? rows(say, [
        ['retentionResult', n.share(r.retentionRate)],
        ['churnResult', n.share(r.churnRate)],
        ['kept', n.count(r.retainedCustomers)],
        ['lost', n.count(r.lostCustomers)],
      ]) : []));

      const v = report.clv;
      lifetimeBlock.big.textContent = v ? n.amount(v.lifetimeValue, currency) : '–';
      lifetimeBlock.empty.textContent = v ? '' : say('clv.emptyLifetime');
      lifetimeBlock.empty.hidden = Boolean(v);
      lifetimeBlock.table.hidden = !v;
      lifetimeBlock.table.replaceChildren(...(v ? rows(say, [
        ['lifetimeValue', n.amount(v.lifetimeValue, currency)],
        ['annualMargin', n.amount(v.annualMargin, currency)],
        ['marginMultiple', `${n.upTo2(v.marginMultiple)}×`],
        ['expectedLifetime', v.expectedLifetimeYears === null ? say('unlimited') : say('years', { n: n.decimal(v.expectedLifetimeYears) })],
      ]) : []));
    },

    relabel(t) {
      const { say } = t;
      retentionLegend.textContent = say('clv.retention');
      lifetimeLegend.textContent = say('clv.lifetime');
      hint.textContent = say('clv.hint');
      useRetention.textContent = say('useRetention');
      for (const [key, field] of Object.entries(fields)) field.label.textContent = say(key);
      retentionBlock.title.textContent = say('retentionResult');
      lifetimeBlock.title.textContent = say('lifetimeValue');
      formula.textContent = say('clv.formula');
    },
  };
  return panel;
}

function rows(say, entries) {
  return [h('tbody', {}, ...entries.map(([key, text]) => h('tr', {}, h('th', { scope: 'row' }, say(key)), h('td', {}, text))))];
}

const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
// Percentages from fractions without binary noise: 0.9 → 90, not 90.00000000000001.
const round = (x) => Math.round(x * 1e10) / 1e10;
