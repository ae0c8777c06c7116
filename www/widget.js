// <loyalty-calculator>: paste 0–10 answers, read the Net Promoter Score.
// The class is exported apart from its registration (see define.js) so hosts
// can register it under another name or subclass it.
import { analyzeNps } from '../js/core.js';
import { STRINGS, say, supportedLanguage } from './strings.js';
import { STYLES } from './widget-styles.js';

const METHODS = ['adjusted-wald', 'wald', 'tango'];
const LEVELS = [0.8, 0.9, 0.95, 0.99];
const DEFAULT_LEVEL = 0.95;
const DEFAULT_METHOD = 'adjusted-wald';

let sharedSheet = null;
function styleSheet() {
  if (!sharedSheet && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(STYLES);
  }
  return sharedSheet;
}

/** Creates an element; children are nodes or strings (set as text, never HTML). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(child);
  return element;
}

let instances = 0;

// Importing the widget where there is no DOM (server-side rendering, Node)
// must not throw; the element is only usable in a browser anyway.
const ElementBase = globalThis.HTMLElement ?? class {};

export class LoyaltyCalculator extends ElementBase {
  static get observedAttributes() {
    return ['lang', 'value', 'level', 'method'];
  }

  #root;
  #parts = {};
  #report = null;
  #built = false;
  #id = `lc${++instances}`;

  constructor() {
    super();
    // Attributes are not readable yet when the element is created by the
    // parser: everything that needs them waits for connectedCallback.
    this.#root = this.attachShadow({ mode: 'open' });
  }

  /** The confidence level, 0 < level < 1; invalid or missing attributes give 0.95. */
  get level() {
    const level = Number.parseFloat(this.getAttribute('level'));
    return level > 0 && level < 1 ? level : DEFAULT_LEVEL;
  }
  set level(value) {
    this.setAttribute('level', String(value));
  }

  /** The interval method; an unknown name gives 'adjusted-wald'. */
  get method() {
    const method = this.getAttribute('method');
    return METHODS.includes(method) ? method : DEFAULT_METHOD;
  }
  set method(value) {
    this.setAttribute('method', String(value));
  }

  /** The pasted text now in the calculator. */
  get value() {
    return this.#built ? this.#parts.input.value : this.getAttribute('value') ?? '';
  }
  set value(text) {
    if (this.#built) {
      this.#parts.input.value = String(text);
      this.#compute();
    } else {
      this.setAttribute('value', String(text));
    }
  }

  /** The most recent report, or null before the first computation. */
  get report() {
    return this.#report;
  }

  /** The language used: the element's own lang, the closest one above it, then the browser's. */
  get language() {
    const tagged = this.closest('[lang]')?.getAttribute('lang');
    return supportedLanguage(tagged || (typeof navigator !== 'undefined' ? navigator.language : 'en'));
  }

  /** Analyses `text` with the element's options, shows and announces the result, and returns the report. */
  analyze(text) {
    if (this.#built && this.#parts.input.value !== text) this.#parts.input.value = text;
    return this.#analyzeText(String(text));
  }

  connectedCallback() {
    if (!this.#built) this.#build();
    this.#relabel();
    this.#compute();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#built || oldValue === newValue) return;
    if (name === 'value') {
      this.#parts.input.value = newValue ?? '';
    }
    if (name === 'lang') this.#relabel();
    this.#syncControls();
    this.#compute();
  }

  #build() {
    const sheet = styleSheet();
    if (sheet) this.#root.adoptedStyleSheets = [sheet];
    else this.#root.append(h('style', {}, STYLES));

    const p = this.#parts;
    const inputId = `${this.#id}-input`;
    p.inputLabel = h('label', { for: inputId, part: 'label' });
    p.input = h('textarea', { id: inputId, part: 'input', rows: '8', spellcheck: 'false', autocomplete: 'off' });
    p.input.value = this.getAttribute('value') ?? '';
    p.input.addEventListener('input', () => this.#compute());

    p.levelLabel = h('label', { for: `${this.#id}-level` });
    p.level = h('select', { id: `${this.#id}-level`, part: 'level' });
    for (const level of LEVELS) p.level.append(h('option', { value: String(level) }));
    p.level.addEventListener('change', () => (this.level = Number(p.level.value)));
    p.methodLabel = h('label', { for: `${this.#id}-method` });
    p.method = h('select', { id: `${this.#id}-method`, part: 'method' });
    for (const method of METHODS) p.method.append(h('option', { value: method }));
    p.method.addEventListener('change', () => (this.method = p.method.value));

    p.scoreLabel = h('div', { class: 'score-label' });
    p.score = h('div', { part: 'score', class: 'score' });
    p.interval = h('p', { part: 'interval', class: 'interval' });
    p.status = h('p', { role: 'status', 'aria-live': 'polite', class: 'status' });
    p.table = h('table', { part: 'table' });
    p.column = h('p', { part: 'column', class: 'note' });
    p.rejectedTitle = h('summary');
    p.rejectedList = h('ul');
    p.rejected = h('details', { part: 'rejected', class: 'rejected' }, p.rejectedTitle, p.rejectedList);
    p.privacy = h('p', { part: 'privacy', class: 'note' });

    this.#root.append(
      h(
        'div',
        { part: 'container', class: 'container' },
        h('div', { class: 'input' }, p.inputLabel, p.input,
          h('div', { class: 'options' },
            h('span', {}, p.levelLabel, p.level),
            h('span', {}, p.methodLabel, p.method))),
        h('div', { part: 'result', class: 'result' },
          p.scoreLabel, p.score, p.interval, p.status, p.table, p.column, p.rejected),
        p.privacy,
      ),
    );
    this.#built = true;
    this.#syncControls();
  }

  #syncControls() {
    const p = this.#parts;
    const level = this.level;
    if (!LEVELS.includes(level) && !p.level.querySelector(`option[value="${level}"]`)) {
      p.level.append(h('option', { value: String(level) }, this.#percent(level)));
    }
    p.level.value = String(level);
    p.method.value = this.method;
  }

  #relabel() {
    const lang = this.language;
    const p = this.#parts;
    p.inputLabel.textContent = say(lang, 'inputLabel');
    p.levelLabel.textContent = say(lang, 'levelLabel');
    p.methodLabel.textContent = say(lang, 'methodLabel');
    for (const option of p.level.options) option.textContent = this.#percent(Number(option.value));
    for (const option of p.method.options) option.textContent = say(lang, `method.${option.value}`);
    p.scoreLabel.textContent = say(lang, 'scoreLabel');
    p.privacy.textContent = say(lang, 'privacy');
    if (this.#report) this.#render(this.#report);
  }

  #compute() {
    if (this.#built) this.#analyzeText(this.#parts.input.value);
  }

  #analyzeText(text) {
    let report;
    try {
      report = analyzeNps(text, { level: this.level, method: this.method });
    } catch (error) {
      this.dispatchEvent(
        new CustomEvent('loyalty-error', { bubbles: true, composed: true, detail: { message: String(error?.message ?? error) } }),
      );
      return null;
    }
    this.#report = report;
    if (this.#built) this.#render(report);
    this.dispatchEvent(new CustomEvent('loyalty-result', { bubbles: true, composed: true, detail: report }));
    return report;
  }

  #number(value, digits = 1, sign = false) {
    return new Intl.NumberFormat(this.language, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: sign ? 'exceptZero' : 'auto',
    }).format(value);
  }

  #percent(share) {
    const digits = Math.round(share * 1000) % 10 === 0 ? 0 : 1;
    return new Intl.NumberFormat(this.language, { style: 'percent', maximumFractionDigits: digits }).format(share);
  }

  #share(fraction) {
    return new Intl.NumberFormat(this.language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(fraction);
  }

  #render(report) {
    const lang = this.language;
    const p = this.#parts;
    const has = report.score !== null;
    p.score.textContent = has ? this.#number(report.score, 1, true) : '–';
    p.interval.textContent = has
      ? `${say(lang, 'interval', {
          level: this.#percent(report.interval.level),
          low: this.#number(report.interval.low, 1, true),
          high: this.#number(report.interval.high, 1, true),
        })} · ${say(lang, 'margin', { margin: this.#number(report.marginOfError) })}`
      : say(lang, 'empty');
    p.status.textContent = has
      ? say(lang, report.respondents === 1 ? 'summaryOne' : 'summary', {
          score: this.#number(report.score, 1, true),
          n: new Intl.NumberFormat(lang).format(report.respondents),
        })
      : '';

    const row = (label, count, pct, cls) =>
      h('tr', { class: cls }, h('th', { scope: 'row' }, label),
        h('td', {}, new Intl.NumberFormat(lang).format(count)),
        h('td', {}, pct === null ? '–' : this.#share(pct / 100)));
    p.table.replaceChildren(
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, say(lang, 'group')),
        h('th', { scope: 'col' }, say(lang, 'count')), h('th', { scope: 'col' }, say(lang, 'share')))),
      h('tbody', {},
        row(say(lang, 'promoters'), report.promoters, report.promoterPct, 'promoters'),
        row(say(lang, 'passives'), report.passives, report.passivePct, 'passives'),
        row(say(lang, 'detractors'), report.detractors, report.detractorPct, 'detractors'),
        row(say(lang, 'total'), report.respondents, has ? 100 : null, 'total')),
    );

    const column = report.column;
    p.column.textContent = column
      ? say(lang, column.name ? 'column' : 'columnUnnamed', { index: column.index, name: column.name ?? '' })
      : '';
    p.column.hidden = !column;

    const n = report.rejectedCount;
    p.rejected.hidden = n === 0;
    p.rejectedTitle.textContent = say(lang, n === 1 ? 'rejectedOne' : 'rejectedMany', { n: new Intl.NumberFormat(lang).format(n) });
    const items = report.rejected.map((r) =>
      h('li', {}, h('span', { class: 'where' }, say(lang, 'at', { line: r.line, column: r.column })), ' ',
        h('code', {}, r.text), ' — ', say(lang, `reason.${r.reason}`)));
    if (n > report.rejected.length) items.push(h('li', {}, say(lang, 'rejectedMore', { n: n - report.rejected.length })));
    p.rejectedList.replaceChildren(...items);
  }
}

export { STRINGS };
