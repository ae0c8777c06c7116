// Retention and customer lifetime value: two small forms instead of a paste,
// retention and churn over a period, and what a customer is worth over the
// years. Percentages are typed as percentages and handed to the API as
// fractions; an API error names its field between backticks, and the field
// gets a translated message of its own.
import { customerLifetimeValue, retention } from '../../js/core.js';
import { h } from '../dom.js';
import { csv, plain } from '../export.js';
import { fieldOfError, numberField } from '../fields.js';
import { css } from '../css.js';
import { bilingual } from '../strings.js';

const STRINGS = bilingual({
  'clv.retention': ['Retention over a period', 'Klantbehoud over een periode'],
  'clv.lifetime': ['Customer lifetime value', 'Klantwaarde (customer lifetime value)'],
  'clv.hint': [
    'Amounts are in your own currency; percentages are per year.',
    'Bedragen in je eigen valuta; percentages per jaar.',
  ],
  customersAtStart: ['Customers at the start', 'Klanten aan het begin'],
  customersAtEnd: ['Customers at the end', 'Klanten aan het eind'],
  newCustomers: ['New customers in the period', 'Nieuwe klanten in de periode'],
  averageOrderValue: ['Average order value', 'Gemiddelde orderwaarde'],
  purchasesPerYear: ['Purchases per customer per year', 'Aankopen per klant per jaar'],
  grossMargin: ['Gross margin (%)', 'Brutomarge (%)'],
  retentionRate: ['Retention per year (%)', 'Klantbehoud per jaar (%)'],
  discountRate: ['Discount rate per year (%)', 'Disconteringsvoet per jaar (%)'],
  useRetention: ['Use the retention above', 'Gebruik het klantbehoud hierboven'],
  'clv.emptyRetention': [
    'Fill in the three numbers to see retention and churn.',
    'Vul de drie aantallen in om klantbehoud en klantverloop te zien.',
  ],
  'clv.emptyLifetime': [
    'Fill in the order value, purchases, margin and retention to see the lifetime value.',
    'Vul orderwaarde, aankopen, marge en klantbehoud in om de klantwaarde te zien.',
  ],
  retentionResult: ['Retention rate', 'Klantbehoud'],
  churnResult: ['Churn rate', 'Klantverloop (churn)'],
  kept: ['Customers kept', 'Klanten behouden'],
  lost: ['Customers lost', 'Klanten verloren'],
  lifetimeValue: ['Lifetime value', 'Klantwaarde'],
  annualMargin: ['Margin per customer per year', 'Marge per klant per jaar'],
  marginMultiple: ['Margin multiple', 'Margeveelvoud'],
  expectedLifetime: ['Expected lifetime', 'Verwachte klantduur'],
  years: ['{n} years', '{n} jaar'],
  unlimited: ['unlimited', 'onbeperkt'],
  'clv.summary': ['Retention {retention}, churn {churn}', 'Klantbehoud {retention}, klantverloop {churn}'],
  'clv.summaryValue': ['Lifetime value {value}', 'Klantwaarde {value}'],
  'clv.formula': [
    'Lifetime value = margin per year × r / (1 + d − r), with retention r and discount rate d.',
    'Klantwaarde = marge per jaar × r / (1 + d − r), met klantbehoud r en disconteringsvoet d.',
  ],
  'error.customersAtStart': [
    'Enter the customers at the start: a whole number, 1 or more.',
    'Vul de klanten aan het begin in: een geheel getal, 1 of meer.',
  ],
  'error.customersAtEnd': [
    'Enter the customers at the end: a whole number, 0 or more, and no fewer than those kept from the start plus the new ones.',
    'Vul de klanten aan het eind in: een geheel getal, 0 of meer, en niet minder dan de behouden klanten plus de nieuwe.',
  ],
  'error.newCustomers': [
    'Enter the new customers: a whole number, 0 or more, and no more than the customers at the end.',
    'Vul de nieuwe klanten in: een geheel getal, 0 of meer, en niet meer dan de klanten aan het eind.',
  ],
  'error.averageOrderValue': ['Enter an amount of 0 or more.', 'Vul een bedrag van 0 of meer in.'],
  'error.purchasesPerYear': ['Enter a number of purchases, 0 or more.', 'Vul een aantal aankopen van 0 of meer in.'],
  'error.grossMargin': ['Enter a margin from 0 to 100%.', 'Vul een marge van 0 tot en met 100% in.'],
  'error.retentionRate': [
    'Enter a retention from 0 to 100%; 100% needs a discount rate above 0.',
    'Vul een klantbehoud van 0 tot en met 100% in; 100% kan alleen met een disconteringsvoet boven 0.',
  ],
  'error.discountRate': ['Enter a discount rate of 0% or more.', 'Vul een disconteringsvoet van 0% of meer in.'],
});

const STYLES = css`
.form { margin: 0 0 1em; }
.block + .block { margin-top: 1.25em; }
.block-title { margin: 0; font-size: 1em; font-weight: 600; color: var(--_muted); }
`;

const RETENTION_FIELDS = ['customersAtStart', 'customersAtEnd', 'newCustomers'];
const LIFETIME_FIELDS = ['averageOrderValue', 'purchasesPerYear', 'grossMargin', 'retentionRate', 'discountRate'];
const PERCENT = new Set(['grossMargin', 'retentionRate', 'discountRate']);
const OPTIONAL = new Set(['discountRate']);

/** Builds the panel; `id(name)` makes element ids unique to the element. */
function clvPanel(id) {
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
        if (!Object.hasOwn(values, key)) continue;
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

export const clv = {
  name: 'clv',
  strings: STRINGS,
  styles: STYLES,
  readsText: false,
  formError: 'analyze() with metric="clv" takes an object of retention and lifetime-value fields',

  create(host) {
    const panel = clvPanel(host.id);
    let errors = [];
    let last = null;
    for (const field of Object.values(panel.fields)) field.input.addEventListener('input', () => host.changed());
    panel.useRetention.addEventListener('click', () => {
      const kept = last?.retention;
      if (!kept) return;
      panel.fill({ retentionRate: kept.retentionRate });
      host.changed();
      panel.fields.retentionRate.input.focus();
    });

    return {
      controls: [],
      input: panel.inputs,
      result: panel.result,
      fill: (values) => panel.fill(values),

      /** The report of the forms, and the first field in question with its message (null when all is well). */
      compute() {
        const computed = panel.compute();
        errors = computed.errors;
        last = computed.report;
        const [first] = errors;
        const error = first && { message: first.key ? host.texts().say(first.key) : first.message, field: first.field };
        return { report: computed.report, error: error ?? null };
      },

      relabel: (t) => panel.relabel(t),

      render(report, t) {
        panel.render(report, errors, t, host.options().currency);
        const { retention: r, clv: v } = report;
        const parts = [];
        if (r) parts.push(t.say('clv.summary', { retention: t.numbers.share(r.retentionRate), churn: t.numbers.share(r.churnRate) }));
        if (v) parts.push(t.say('clv.summaryValue', { value: t.numbers.amount(v.lifetimeValue, host.options().currency) }));
        return { status: parts.join('. '), saved: Boolean(r || v), charts: false };
      },
    };
  },

  copyText(report, { say, numbers }, { currency }) {
    const lines = [];
    const r = report.retention;
    if (r) {
      lines.push(`${say('retentionResult')}: ${numbers.share(r.retentionRate)}`, `${say('churnResult')}: ${numbers.share(r.churnRate)}`,
        `${say('kept')}: ${numbers.count(r.retainedCustomers)}`, `${say('lost')}: ${numbers.count(r.lostCustomers)}`);
    }
    const v = report.clv;
    if (v) {
      lines.push(`${say('lifetimeValue')}: ${numbers.amount(v.lifetimeValue, currency)}`,
        `${say('annualMargin')}: ${numbers.amount(v.annualMargin, currency)}`,
        `${say('marginMultiple')}: ${numbers.upTo2(v.marginMultiple)}×`,
        `${say('expectedLifetime')}: ${v.expectedLifetimeYears === null ? say('unlimited') : say('years', { n: numbers.decimal(v.expectedLifetimeYears) })}`);
    }
    return plain(lines);
  },

  csv(report) {
    const r = report.retention ?? {};
    const v = report.clv ?? {};
    return csv([
      ['metric', 'clv'],
      ['customers_at_start', r.customersAtStart],
      ['customers_at_end', r.customersAtEnd],
      ['new_customers', r.newCustomers],
      ['retained_customers', r.retainedCustomers],
      ['lost_customers', r.lostCustomers],
      ['retention_rate', r.retentionRate],
      ['churn_rate', r.churnRate],
      ['average_order_value', v.averageOrderValue],
      ['purchases_per_year', v.purchasesPerYear],
      ['gross_margin', v.grossMargin],
      ['yearly_retention_rate', v.retentionRate],
      ['discount_rate', v.discountRate],
      ['annual_margin', v.annualMargin],
      ['margin_multiple', v.marginMultiple],
      ['lifetime_value', v.lifetimeValue],
      ['expected_lifetime_years', v.expectedLifetimeYears],
    ]);
  },
};
