// <loyalty-calculator>, the element's shell: its attributes and properties,
// lifecycle, language, theme, layout by width, events, and the frame every
// metric shares (the result area, a polite announcer, the save and share
// actions, the privacy line). It knows no metric: the one named by `metric`
// comes from the registry (metrics/index.js) and brings its own controls,
// analysis, rendering, exports and words; text and files are read by the
// input module.
// The class is exported apart from its registration (see define.js) so hosts
// can register it under another name or subclass it.
import { adoptStyles } from './widget-styles.js';
import { h } from './dom.js';
import { numbers } from './format.js';
import { WIDTH } from './charts.js';
import { textInput } from './input.js';
import { actionsPanel } from './actions.js';
import { followHtmlLang, languageOf } from './language.js';
import { METRICS, METRIC_STYLES, metricNamed, say, valuesOf } from './metrics/index.js';
import { bilingual, fill } from './strings.js';
import { coreLoaded, coreWantedAtOnce } from './core-loader.js';
import { blockedCore, CoreWait } from './core-wait.js';

// Shown by the shell itself: where the core cannot run, and when a computation failed.
const SHELL_STRINGS = bilingual({
  unavailableTitle: ['This calculator cannot run on this page.', 'Deze calculator kan op deze pagina niet werken.'],
  unavailableWhy: [
    'It computes in your browser with WebAssembly, which this page or this browser does not allow.',
    'Hij rekent in je browser met WebAssembly, en dat staat deze pagina of deze browser niet toe.',
  ],
  unavailableFix: [
    "Site owner: add 'wasm-unsafe-eval' to script-src in the page's Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'), or use loyalty-calculator.nowasm.js.",
    "Beheerder van de site: zet 'wasm-unsafe-eval' in script-src van de Content-Security-Policy van de pagina (script-src 'self' 'wasm-unsafe-eval'), of gebruik loyalty-calculator.nowasm.js.",
  ],
  coreMissing: [
    'The calculator could not load the part that computes. Check the connection and try again.',
    'De calculator kon het deel dat rekent niet laden. Controleer de verbinding en probeer het opnieuw.',
  ],
  failed: [
    'The calculation failed. Try again: paste or type the answers once more.',
    'De berekening is mislukt. Probeer het opnieuw: plak of typ de antwoorden nog eens.',
  ],
});

const SCALES = valuesOf('scales');
const METHODS = valuesOf('methods');
const TOOLS = valuesOf('tools');
const THEMES = ['light', 'dark', 'auto'];
const LEVELS = [0.8, 0.9, 0.95, 0.99];
const DEFAULT_LEVEL = 0.95;
const PROPERTIES = ['metric', 'lang', 'level', 'method', 'scale', 'tools', 'currency', 'value', 'theme', 'compact'];

let instances = 0;

// Importing the widget where there is no DOM (server-side rendering, Node)
// must not throw; the element is only usable in a browser anyway.
const ElementBase = globalThis.HTMLElement ?? class {};

export class LoyaltyCalculator extends ElementBase {
  static get observedAttributes() {
    return ['metric', 'lang', 'value', 'level', 'method', 'scale', 'tools', 'currency'];
  }

  #root;
  #p = {};
  #input = null;
  #views = new Map(); // metric name → its view, made when first shown
  #extras = []; // panels that metrics add below the result (the NPS tools)
  #shown = null; // the metric whose view is showing
  #report = null;
  #reportMetric = null;
  #built = false;
  #blocked = null; // the notice shown instead of the calculator where the core cannot run
  #chartWidth = 0;
  #resultWidth = 0; // the result's clientWidth when the ResizeObserver last saw it
  #core = new CoreWait({
    failed: (error) => {
      if (this.#built) this.#showFailure(true, fill(SHELL_STRINGS, this.language, (this.#failure = 'coreMissing')));
      else if (this.isConnected) this.#showBlocked();
      this.#fail('core-unavailable', error.message);
    },
    blocked: () => this.isConnected && this.#showBlocked(),
  });
  #failure = 'failed'; // the key of the message in the failure part
  #computeAgain = () => this.#compute();
  #connectAgain = () => this.isConnected && this.connectedCallback();
  #id = `lc${++instances}`;

  constructor() {
    super();
    // Attributes are not readable yet when the parser creates the element:
    // everything that needs them waits for connectedCallback.
    this.#root = this.attachShadow({ mode: 'open' });
  }

  /** The metric shown: a registered name (nps, sci, likert, clv); the first when unknown. */
  get metric() {
    return metricNamed(this.getAttribute('metric')?.toLowerCase()).name;
  }
  set metric(value) {
    this.setAttribute('metric', String(value));
  }

  /** The confidence level, 0 < level < 1; invalid or missing attributes give 0.95. */
  get level() {
    const level = Number.parseFloat(this.getAttribute('level'));
    return level > 0 && level < 1 ? level : DEFAULT_LEVEL;
  }
  set level(value) {
    this.setAttribute('level', String(value));
  }

  /** The interval method; an unknown name gives the first (adjusted Wald). */
  get method() {
    const method = this.getAttribute('method');
    return METHODS.includes(method) ? method : METHODS[0];
  }
  set method(value) {
    this.setAttribute('method', String(value));
  }

  /** The answer scale: '0-10', '1-5' or '1-7'; by default the metric's own ('0-10' for sci, '1-5' for likert). */
  get scale() {
    const scale = this.getAttribute('scale');
    return SCALES.includes(scale) ? scale : this.#metric().defaultScale ?? '0-10';
  }
  set scale(value) {
    this.setAttribute('scale', String(value));
  }

  /** The tools shown below the NPS: 'compare', 'plan' or both ('compare plan'); none by default. */
  get tools() {
    return (this.getAttribute('tools') ?? '').split(/\s+/).filter((tool) => TOOLS.includes(tool)).join(' ');
  }
  set tools(value) {
    this.setAttribute('tools', String(value));
  }

  /** An ISO 4217 code (EUR, USD) for the amounts of metric="clv"; none by default. */
  get currency() {
    const code = this.getAttribute('currency')?.trim().toUpperCase();
    return code && /^[A-Z]{3}$/.test(code) ? code : null;
  }
  set currency(value) {
    this.setAttribute('currency', String(value));
  }

  /** The comparison of two periods on show (compareNps's result), or null. */
  get comparison() {
    return this.#extras.find((extra) => Object.hasOwn(extra, 'comparison'))?.comparison ?? null;
  }

  /** The sample-size plan on show (npsSampleSize's result), or null. */
  get sampleSize() {
    return this.#extras.find((extra) => Object.hasOwn(extra, 'sampleSize'))?.sampleSize ?? null;
  }

  /** light (default), dark or auto (follows the visitor's colour scheme). */
  get theme() {
    const theme = this.getAttribute('theme');
    return THEMES.includes(theme) ? theme : 'light';
  }
  set theme(value) {
    this.setAttribute('theme', String(value));
  }

  /** The smaller one-column layout for sidebars. */
  get compact() {
    return this.hasAttribute('compact');
  }
  set compact(on) {
    this.toggleAttribute('compact', Boolean(on));
  }

  /** The pasted text now in the calculator ('' for a metric that reads no text, such as clv). */
  get value() {
    if (!this.#built) return this.getAttribute('value') ?? '';
    if (!this.#metric().readsText) return '';
    return this.#input.text();
  }
  set value(text) {
    if (!this.#built) {
      this.setAttribute('value', String(text));
      return;
    }
    if (!this.#metric().readsText) return;
    this.#input.setMode('paste');
    this.#input.setText(String(text));
    this.#compute();
  }

  /** The most recent report, or null before the first computation. */
  get report() {
    return this.#report;
  }

  /** The language used: the closest lang at or above the element (also across shadow roots), then the browser's. */
  get language() {
    return languageOf(this);
  }

  /**
   * Analyses `text` with the element's options, shows and announces the
   * result, and returns the report. A metric that reads no text (clv) takes
   * an object of the API's fields instead, fills its form with it and
   * returns its report.
   */
  analyze(text) {
    const metric = this.#metric();
    if (!metric.readsText) return this.#analyzeFields(metric, text);
    text = String(text);
    if (!this.#built) return this.#publish(() => metric.analyze(text, this.#options()));
    this.#input.setMode('paste');
    this.#input.setText(text);
    if (!this.#core.ready(this.#computeAgain)) return null;
    return this.#input.compute(metric, this.#options());
  }

  connectedCallback() {
    // Properties set before the element was defined sit on the instance and
    // hide the class's accessors: move them over.
    for (const name of PROPERTIES) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    followHtmlLang(this, true);
    // Where WebAssembly looks blocked, the core's own answer decides between
    // the calculator and the notice, so neither shows before it.
    if (!this.#built && !this.#blocked && !coreLoaded() && coreWantedAtOnce()) {
      this.#core.ready(this.#connectAgain);
      return;
    }
    if (this.#blocked || (!this.#built && blockedCore())) {
      this.#showBlocked();
      return;
    }
    if (!this.#built) {
      this.#build();
      this.#restoreShared();
    }
    this.#showExtras();
    this.#applyMetric();
    this.#relabel();
    this.#compute();
  }

  disconnectedCallback() {
    followHtmlLang(this, false);
  }

  /** Called when <html lang> changes. */
  languageChanged() {
    if (this.#built && !this.hasAttribute('lang')) this.#relabel();
    if (this.#blocked && !this.hasAttribute('lang')) this.#showBlocked();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (this.#blocked && name === 'lang') this.#showBlocked();
    if (!this.#built || oldValue === newValue) return;
    if (name === 'value') {
      this.#input.setMode('paste');
      this.#input.setText(newValue ?? '');
    }
    if (name === 'metric' || name === 'tools') {
      this.#applyMetric();
      this.#showExtras();
    }
    if (name === 'metric' || name === 'lang') this.#relabel();
    this.#syncControls();
    this.#compute();
    if (name === 'method' || name === 'level') for (const extra of this.#extras) extra.optionsChanged?.();
  }

  // ── building ────────────────────────────────────────────────────────────

  #metric() {
    return metricNamed(this.metric);
  }

  /** The element's options, and those the view of the metric on show adds of its own (its `options()`). */
  #options() {
    const own = this.#views.get(this.metric)?.options?.() ?? {};
    return { level: this.level, method: this.method, scale: this.scale, currency: this.currency, ...own };
  }

  #texts() {
    const lang = this.language;
    return { lang, numbers: numbers(lang), say: (key, values) => say(lang, key, values) };
  }

  /** What the input, the metrics and their panels may ask of the element. */
  #host() {
    return {
      id: (name) => `${this.#id}-${name}`,
      levels: LEVELS,
      texts: () => this.#texts(),
      options: () => this.#options(),
      mode: () => this.#input.mode,
      fromFile: () => this.#input.fromFile(),
      chartWidth: () => this.#measureCharts(),
      setOption: (name, value) => (this[name] = value),
      changed: () => this.#compute(),
      coreReady: (again, ask) => this.#core.ready(again, ask),
      metric: () => this.#metric(),
      publish: (make) => this.#publish(make),
      fail: (code, message) => this.#fail(code, message),
      failed: () => this.#failed(),
      notify: (type, detail) => this.#notify(type, detail),
      on: (type, listener) => this.addEventListener(type, listener),
      countsOfReport: () => {
        const metric = this.#metric();
        return this.#reportMetric === metric.name && this.#report?.respondents ? this.#report : null;
      },
    };
  }

  #build() {
    adoptStyles(this.#root, METRIC_STYLES);

    const p = this.#p;
    const host = this.#host();
    const { id } = host;
    this.#input = textInput(host, this.getAttribute('value') ?? '');

    p.levelLabel = h('label', { for: id('level') });
    p.level = h('select', { id: id('level'), part: 'level' });
    for (const level of LEVELS) p.level.append(h('option', { value: String(level) }));
    p.level.addEventListener('change', () => (this.level = Number(p.level.value)));
    p.scaleLabel = h('label', { for: id('scale') });
    p.scale = h('select', { id: id('scale'), part: 'scale' });
    for (const scale of SCALES) p.scale.append(h('option', { value: scale }));
    p.scale.addEventListener('change', () => (this.scale = p.scale.value));
    p.levelBox = h('span', {}, p.levelLabel, p.level);
    p.scaleBox = h('span', {}, p.scaleLabel, p.scale);
    p.options = h('div', { class: 'options' }, p.scaleBox, p.levelBox);
    p.inputSide = h('div', { class: 'input' }, this.#input.root, p.options);

    p.metricResult = h('div', {});
    p.failure = h('p', { part: 'failure', class: 'error', role: 'alert', hidden: true });
    p.status = h('p', { role: 'status', 'aria-live': 'polite', class: 'vh' });

    p.actions = actionsPanel({
      id,
      texts: host.texts,
      shown: () => {
        const metric = metricNamed(this.#reportMetric);
        return { report: this.#report, metric, view: this.#view(metric), options: this.#options() };
      },
      elementId: () => this.id,
      styled: () => this.#p.root,
      fileParent: this.#root,
    });

    p.privacy = h('p', { part: 'privacy', class: 'privacy wide' });
    p.result = h('div', { part: 'result', class: 'result' }, p.failure, p.metricResult, p.status, p.actions.root);
    for (const metric of METRICS) if (metric.extras) this.#extras.push(Object.assign(metric.extras(host), { owner: metric.name }));
    p.root = h('div', { part: 'container', class: 'root' },
      h('div', { class: 'layout' }, p.inputSide, p.result, ...this.#extras.map((extra) => extra.root), p.privacy));
    this.#root.append(p.root);
    if (typeof ResizeObserver === 'function') {
      let redraw = 0;
      new ResizeObserver(() => {
        this.#resultWidth = p.result.clientWidth;
        // Redrawn in the next frame: charts of a new width change the result's
        // height, and a size changed inside the observer's own callback makes
        // the browser report a ResizeObserver loop error to the host page.
        if (!redraw) redraw = requestAnimationFrame(() => {
          redraw = 0;
          const width = Math.max(240, Math.min(480, Math.round(this.#resultWidth)));
          if (this.#report && this.#resultWidth && Math.abs(width - this.#chartWidth) > 4) {
            this.#view(metricNamed(this.#reportMetric)).drawCharts?.(this.#report, this.#texts(), this.#measureCharts());
          }
        });
      }).observe(p.result);
    }
    // A visitor about to use the calculator: the embed fetches its core now,
    // so that it is usually there by the time a paste or a file comes.
    for (const type of ['pointerover', 'focusin', 'dragenter']) this.addEventListener(type, () => this.#core.ask());
    this.#built = true;
    this.#syncControls();
  }

  /** The view of `metric`, made the first time it is asked for. */
  #view(metric) {
    let view = this.#views.get(metric.name);
    if (!view) {
      view = metric.create(this.#host());
      view.sync?.(this.#options());
      this.#views.set(metric.name, view);
    }
    return view;
  }

  /**
   * Charts are drawn as wide as their place, so that text in them keeps its
   * size: as the ResizeObserver last saw it, which redraws them when it
   * changes, since reading clientWidth after the input changed would lay the
   * page out in the middle of a paste.
   */
  #measureCharts() {
    const width = this.#resultWidth || this.#p.result.clientWidth;
    this.#chartWidth = Math.max(240, Math.min(480, Math.round(width) || WIDTH));
    return this.#chartWidth;
  }

  /** Counts in a share link (#p=…&m=…&d=…) start the element in counts mode. */
  #restoreShared() {
    const metric = this.#metric();
    const counts = typeof location === 'undefined' ? null : metric.sharedCounts?.(location.hash, this.id);
    if (!counts) return;
    this.#input.show(metric);
    this.#input.fillCounts(counts);
  }

  /** Shows the controls and result view of the metric, and the input with the text pasted for it. */
  #applyMetric() {
    const metric = this.#metric();
    const p = this.#p;
    const view = this.#view(metric);
    if (this.#shown !== metric.name) {
      this.#shown = metric.name;
      p.status.textContent = '';
      p.options.replaceChildren(p.scaleBox, p.levelBox, ...view.controls);
      p.inputSide.replaceChildren(this.#input.root, ...(view.input ? [view.input] : []), p.options);
      p.metricResult.replaceChildren(view.result);
    }
    if (metric.readsText) this.#input.show(metric);
    else this.#input.setMode('paste');
    this.#input.root.hidden = !metric.readsText;
    p.options.hidden = !metric.readsText;
    p.scaleBox.hidden = !metric.scales;
  }

  #showExtras() {
    const chosen = new Set(this.tools.split(' '));
    for (const extra of this.#extras) extra.show(this.metric === extra.owner ? chosen : new Set());
  }

  #syncControls() {
    const p = this.#p;
    const level = this.level;
    if (![...p.level.options].some((option) => Number(option.value) === level)) {
      p.level.append(h('option', { value: String(level) }, numbers(this.language).level(level)));
    }
    p.level.value = [...p.level.options].find((option) => Number(option.value) === level).value;
    p.scale.value = this.scale;
    for (const view of this.#views.values()) view.sync?.(this.#options());
  }

  #relabel() {
    const t = this.#texts();
    const p = this.#p;
    const text = (node, key) => (node.textContent = t.say(key));
    const metric = this.#metric();
    const view = this.#view(metric);
    p.root.setAttribute('lang', t.lang);
    if (metric.readsText) {
      this.#input.label.textContent = view.inputLabel(t);
      this.#input.relabel(view.placeholder(t));
    }
    text(p.scaleLabel, 'scaleLabel');
    for (const option of p.scale.options) option.textContent = t.say(`scale.${option.value}`);
    text(p.levelLabel, 'levelLabel');
    for (const option of p.level.options) option.textContent = t.numbers.level(Number(option.value));
    view.relabel(t);
    p.actions.relabel(t);
    text(p.privacy, 'privacy');
    if (!p.failure.hidden) p.failure.textContent = fill(SHELL_STRINGS, t.lang, this.#failure);
    for (const extra of this.#extras) extra.relabel();
    if (this.#report && this.#reportMetric === metric.name) this.#render(this.#report);
  }

  // ── computing ───────────────────────────────────────────────────────────

  #compute() {
    if (!this.#built) return;
    const metric = this.#metric();
    // An empty input asks for no core; the visitor's first move does (#build).
    const idle = !metric.readsText || (this.#input.mode === 'paste' && !this.#input.fromFile() && this.#input.text() === '');
    if (!this.#core.ready(this.#computeAgain, !idle)) return;
    if (!metric.readsText) {
      this.#computeFields(metric);
      return;
    }
    if (this.#input.mode === 'paste') {
      this.#input.compute(metric, this.#options());
      return;
    }
    const counts = this.#input.readCounts();
    if (!counts) {
      this.#fail('invalid-counts', this.#texts().say('countsInvalid'));
      return;
    }
    this.#publish(() => metric.fromCounts(counts, this.#options()));
  }

  #analyzeFields(metric, values) {
    if (!values || typeof values !== 'object') {
      this.#fail('invalid-input', metric.formError);
      return null;
    }
    if (this.#built) {
      this.#view(metric).fill(values);
      return this.#computeFields(metric);
    }
    return null;
  }

  /** The report of a metric's own form; an error names the first field in question. */
  #computeFields(metric) {
    if (!this.#core.ready(this.#computeAgain)) return null;
    let computed;
    try {
      computed = this.#view(metric).compute();
    } catch {
      this.#failed();
      return null;
    }
    this.#showFailure(false);
    const { report, error } = computed;
    this.#report = report;
    this.#reportMetric = metric.name;
    this.#render(report);
    if (error) this.#fail('invalid-input', error.message, report, error.field);
    else this.#notify('loyalty-result', report);
    return report;
  }

  /** Runs `make`, shows its report and tells the page: loyalty-result, or loyalty-error when nothing could be counted. */
  #publish(make) {
    if (!this.#core.ready(() => this.#publish(make))) return null;
    let report;
    try {
      report = make();
    } catch (error) {
      if (this.#built) this.#failed();
      else this.#fail('failed', String(error?.message ?? error));
      return null;
    }
    if (this.#built) this.#showFailure(false);
    const metric = this.#metric();
    this.#report = report;
    this.#reportMetric = metric.name;
    if (this.#built) this.#render(report);
    if (report.respondents === 0 && report.rejectedCount > 0) {
      this.#fail('nothing-counted', metric.nothingCounted(report, this.#texts()), report);
    } else {
      this.#notify('loyalty-result', report);
    }
    return report;
  }

  /**
   * A computation threw: a trap in the module (js/core.js has already
   * dropped that instance, so the next input gets a fresh one) or a bug. The
   * result on show stays, marked by the message.
   */
  #failed() {
    const message = fill(SHELL_STRINGS, this.language, (this.#failure = 'failed'));
    // The failure part is an alert, so it is announced without the status line.
    this.#showFailure(true, message);
    this.#fail('failed', message);
  }

  #showFailure(on, message = '') {
    this.#p.failure.hidden = !on;
    this.#p.failure.textContent = message;
  }

  /** In place of the calculator: why it cannot run here, in the visitor's language, and the fix for the site owner. */
  #showBlocked() {
    if (!this.#blocked) {
      adoptStyles(this.#root, METRIC_STYLES);
      const line = (key) => h('p', { 'data-key': key });
      this.#blocked = h('div', { part: 'container unavailable', class: 'root unavailable', role: 'alert' },
        h('strong', { 'data-key': 'unavailableTitle' }), line('unavailableWhy'), line('unavailableFix'));
      this.#root.replaceChildren(this.#blocked);
    }
    const lang = this.language;
    this.#blocked.setAttribute('lang', lang);
    for (const node of this.#blocked.querySelectorAll('[data-key]')) node.textContent = fill(SHELL_STRINGS, lang, node.dataset.key);
  }

  #fail(code, message, report = null, field = undefined) {
    this.#notify('loyalty-error', field === undefined ? { code, message, report } : { code, message, report, field });
  }

  /** Tells the page: loyalty-result, loyalty-error, loyalty-progress. */
  #notify(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }

  // ── showing ─────────────────────────────────────────────────────────────

  #render(report) {
    const p = this.#p;
    const metric = metricNamed(this.#reportMetric);
    const { status, saved, charts } = this.#view(metric).render(report, this.#texts());
    p.status.textContent = status;
    p.actions.show({ saved, charts, share: Boolean(metric.shareUrl) });
  }
}
