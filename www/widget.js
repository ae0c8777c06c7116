// <loyalty-calculator>: paste 0–10 answers or type three counts, read the Net
// Promoter Score with its interval, charts, and ways to save or share it; or,
// with metric="sci", "likert" or "clv", the Secure Customer Index, a Likert /
// CSAT summary, or retention and customer lifetime value. tools="compare plan"
// adds, to the NPS, a comparison of two periods and a sample-size planner.
// The class is exported apart from its registration (see define.js) so hosts
// can register it under another name or subclass it.
import { analyzeLikert, analyzeNps, analyzeSci, npsFromCounts } from '../js/core.js';
import { STRINGS, say, supportedLanguage } from './strings.js';
import { STYLES } from './widget-styles.js';
import { h } from './dom.js';
import { numbers } from './format.js';
import { WIDTH, barScene, histogramScene, scaleWhiskerScene, sceneToPng, sceneToSvg, stackScenes, stackedBarScene, whiskerScene } from './charts.js';
import { clvCsv, clvText, copyText, likertCsv, likertText, resultCsv, resultJson, resultText, saveFile, sciCsv, sciText } from './export.js';
import { sharedCounts, shareUrl } from './share.js';
import { clvPanel } from './clv.js';
import { toolsPanel } from './tools.js';

const METRICS = ['nps', 'sci', 'likert', 'clv'];
const TEXT_METRICS = new Set(['nps', 'sci', 'likert']);
const SCALES = ['0-10', '1-5', '1-7'];
const DEFAULT_SCALE = { sci: '0-10', likert: '1-5' };
const TOOLS = ['compare', 'plan'];
/** The groups of the SCI by scale: secure and favorable from, at risk up to. */
const SCI_BANDS = {
  '0-10': { secure: [9, 10], favorable: [7, 10], risk: [0, 6] },
  '1-7': { secure: [6, 7], favorable: [5, 7], risk: [1, 4] },
  '1-5': { secure: [4, 5], favorable: [3, 5], risk: [1, 2] },
};
const QUESTIONS = ['satisfaction', 'repurchase', 'recommend'];
const THEMES = ['light', 'dark', 'auto'];
const METHODS = ['adjusted-wald', 'wald', 'tango'];
const LEVELS = [0.8, 0.9, 0.95, 0.99];
const DEFAULT_LEVEL = 0.95;
const DEFAULT_METHOD = 'adjusted-wald';
const GROUPS = ['promoters', 'passives', 'detractors'];
const PROPERTIES = ['metric', 'lang', 'level', 'method', 'scale', 'tools', 'currency', 'value', 'theme', 'compact'];
const COLOR_ROLES = ['text', 'bg', 'muted', 'accent', 'promoter', 'passive', 'detractor'];

/**
 * A paste this large skips the textarea: Chromium alone needs seconds to lay
 * out a textarea holding 100,000 lines. It is analysed directly and shown as
 * a summary with a preview of its first lines.
 */
export const BIG_PASTE = { lines: 2000, chars: 100_000 };
const PREVIEW_LINES = 200;

let sharedSheet = null;
function styleSheet() {
  if (!sharedSheet && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(STYLES);
  }
  return sharedSheet;
}

/** Line count of `text`, stopping early once `limit` is passed. */
function countLines(text, limit = Infinity) {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1 && lines <= limit; at = text.indexOf('\n', at + 1)) {
    if (at < text.length - 1) lines++;
  }
  return lines;
}

const isBig = (text) => text.length > BIG_PASTE.chars || countLines(text, BIG_PASTE.lines) > BIG_PASTE.lines;
const range = (from, to) => `${from}\u2060–\u2060${to}`;

/** The plain-language band of a score. */
function bandKey(score) {
  if (score < 0) return 'band.negative';
  if (score === 0) return 'band.zero';
  if (score < 30) return 'band.good';
  if (score < 70) return 'band.great';
  return 'band.excellent';
}

// Elements without a lang of their own follow <html lang>, also when a page switches it.
const followers = new Set();
let htmlObserver = null;
function followHtmlLang(element, on) {
  if (on) followers.add(element);
  else followers.delete(element);
  if (!htmlObserver && on && typeof MutationObserver === 'function') {
    htmlObserver = new MutationObserver(() => followers.forEach((follower) => follower.languageChanged()));
    htmlObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
}

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
  #report = null;
  #reportMetric = null;
  #shown = null; // the metric whose controls are showing
  #drafts = {}; // the text pasted for each metric, kept while another is shown
  #clvErrors = [];
  #built = false;
  #mode = 'paste';
  #big = null; // { text, lines, bytes } for a paste kept out of the textarea
  #chartWidth = 0;
  #id = `lc${++instances}`;
  #tools = null;

  constructor() {
    super();
    // Attributes are not readable yet when the parser creates the element:
    // everything that needs them waits for connectedCallback.
    this.#root = this.attachShadow({ mode: 'open' });
  }

  /** nps (default), sci, likert or clv. */
  get metric() {
    const metric = this.getAttribute('metric')?.toLowerCase();
    return METRICS.includes(metric) ? metric : 'nps';
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

  /** The interval method; an unknown name gives 'adjusted-wald'. */
  get method() {
    const method = this.getAttribute('method');
    return METHODS.includes(method) ? method : DEFAULT_METHOD;
  }
  set method(value) {
    this.setAttribute('method', String(value));
  }

  /** The answer scale of sci ('0-10' by default) and likert ('1-5' by default): '0-10', '1-5' or '1-7'. */
  get scale() {
    const scale = this.getAttribute('scale');
    return SCALES.includes(scale) ? scale : DEFAULT_SCALE[this.metric] ?? '0-10';
  }
  set scale(value) {
    this.setAttribute('scale', String(value));
  }

  /** The NPS tools shown: 'compare', 'plan' or both ('compare plan'); none by default. */
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
    return this.#tools?.comparison ?? null;
  }

  /** The sample-size plan on show (npsSampleSize's result), or null. */
  get sampleSize() {
    return this.#tools?.sampleSize ?? null;
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

  /** The pasted text now in the calculator ('' for metric="clv"). */
  get value() {
    if (!this.#built) return this.getAttribute('value') ?? '';
    if (!TEXT_METRICS.has(this.metric)) return '';
    return this.#big ? this.#big.text : this.#p.input.value;
  }
  set value(text) {
    if (!this.#built) {
      this.setAttribute('value', String(text));
      return;
    }
    if (!TEXT_METRICS.has(this.metric)) return;
    this.#setMode('paste');
    this.#setText(String(text));
    this.#compute();
  }

  /** The most recent report, or null before the first computation. */
  get report() {
    return this.#report;
  }

  /** The language used: the closest lang at or above the element (also across shadow roots), then the browser's. */
  get language() {
    for (let node = this; node; node = node.parentElement ?? node.parentNode?.host) {
      const tag = node.getAttribute?.('lang');
      if (tag) return supportedLanguage(tag);
    }
    return supportedLanguage(typeof navigator !== 'undefined' ? navigator.language : 'en');
  }

  /**
   * Analyses `text` with the element's options, shows and announces the
   * result, and returns the report. With metric="clv" it takes an object of
   * the API's fields instead (customersAtStart, …, retentionRate and the other
   * rates as fractions), fills the form with it and returns { retention, clv }.
   */
  analyze(text) {
    if (this.metric === 'clv') return this.#analyzeClv(text);
    text = String(text);
    if (this.#built) {
      this.#setMode('paste');
      this.#setText(text);
    }
    return this.#analyzeText(text);
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
    if (!this.#built) {
      this.#build();
      this.#restoreShared();
    }
    this.#tools.show(new Set(this.metric === 'nps' ? this.tools.split(' ') : []));
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
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#built || oldValue === newValue) return;
    if (name === 'value') {
      this.#setMode('paste');
      this.#setText(newValue ?? '');
    }
    if (name === 'metric' || name === 'tools') {
      this.#applyMetric();
      this.#tools.show(new Set(this.metric === 'nps' ? this.tools.split(' ') : []));
    }
    if (name === 'metric') this.#relabel();
    if (name === 'lang') this.#relabel();
    this.#syncControls();
    this.#compute();
    if (name === 'method' || name === 'level') this.#tools.computeCompare();
  }

  // ── building ────────────────────────────────────────────────────────────

  #build() {
    const sheet = styleSheet();
    if (sheet) this.#root.adoptedStyleSheets = [sheet];
    else this.#root.append(h('style', {}, STYLES));

    const p = this.#p;
    const id = (name) => `${this.#id}-${name}`;

    // Input: a choice between pasting scores and typing counts.
    p.modeLegend = h('legend', { class: 'vh' });
    p.modes = {};
    const seg = h('div', { class: 'seg', part: 'modes' });
    for (const mode of ['paste', 'counts']) {
      p.modes[mode] = { input: h('input', { type: 'radio', name: id('mode'), value: mode, checked: mode === 'paste' }), text: h('span') };
      p.modes[mode].input.addEventListener('change', () => {
        this.#setMode(mode);
        this.#compute();
      });
      seg.append(h('label', {}, p.modes[mode].input, p.modes[mode].text));
    }
    p.modeField = h('fieldset', {}, p.modeLegend, seg);

    p.inputLabel = h('label', { for: id('input'), part: 'label' });
    p.input = h('textarea', { id: id('input'), part: 'input', rows: '8', spellcheck: 'false', autocomplete: 'off' });
    p.input.value = this.getAttribute('value') ?? '';
    this.#shown = this.metric;
    p.input.addEventListener('input', () => this.#compute());
    p.input.addEventListener('paste', (event) => this.#onPaste(event));

    p.bigText = h('p', {});
    p.bigView = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': id('preview') });
    p.bigClear = h('button', { type: 'button' });
    p.bigPreview = h('pre', { id: id('preview'), tabindex: '0', hidden: true });
    p.bigView.addEventListener('click', () => this.#togglePreview());
    p.bigClear.addEventListener('click', () => {
      this.#setText('');
      this.#compute();
      p.input.focus();
    });
    p.big = h('div', { class: 'big', part: 'big-paste', hidden: true }, p.bigText, h('div', { class: 'buttons' }, p.bigView, p.bigClear), p.bigPreview);
    p.paste = h('div', { class: 'paste' }, p.inputLabel, p.input, p.big);

    p.countsHint = h('p', { class: 'hint' });
    p.counts = {};
    const countFields = GROUPS.map((group) => {
      const label = h('label', { for: id(group) });
      const input = h('input', { id: id(group), type: 'number', min: '0', step: '1', inputmode: 'numeric', part: `count ${group}` });
      input.addEventListener('input', () => this.#compute());
      p.counts[group] = { label, input };
      return h('div', {}, label, input);
    });
    p.countsError = h('p', { class: 'error', hidden: true });
    p.countsBox = h('div', { class: 'counts-box', hidden: true }, p.countsHint, h('div', { class: 'counts' }, ...countFields), p.countsError);

    p.levelLabel = h('label', { for: id('level') });
    p.level = h('select', { id: id('level'), part: 'level' });
    for (const level of LEVELS) p.level.append(h('option', { value: String(level) }));
    p.level.addEventListener('change', () => (this.level = Number(p.level.value)));
    p.methodLabel = h('label', { for: id('method') });
    p.method = h('select', { id: id('method'), part: 'method' });
    for (const method of METHODS) p.method.append(h('option', { value: method }));
    p.method.addEventListener('change', () => (this.method = p.method.value));
    p.scaleLabel = h('label', { for: id('scale') });
    p.scale = h('select', { id: id('scale'), part: 'scale' });
    for (const scale of SCALES) p.scale.append(h('option', { value: scale }));
    p.scale.addEventListener('change', () => (this.scale = p.scale.value));

    p.clv = clvPanel(id);
    for (const field of Object.values(p.clv.fields)) field.input.addEventListener('input', () => this.#compute());
    p.clv.useRetention.addEventListener('click', () => {
      const kept = this.#report?.retention;
      if (!kept) return;
      p.clv.fill({ retentionRate: kept.retentionRate });
      this.#compute();
      p.clv.fields.retentionRate.input.focus();
    });

    // Result.
    p.scoreLabel = h('div', { class: 'score-label', id: id('score-label') });
    p.score = h('div', { part: 'score', class: 'score', 'aria-describedby': id('score-label') });
    p.band = h('p', { part: 'band', class: 'band' });
    p.whisker = h('div', { part: 'chart whisker', class: 'chart' });
    p.interval = h('p', { part: 'interval', class: 'interval' });
    p.status = h('p', { role: 'status', 'aria-live': 'polite', class: 'vh' });
    p.bar = h('div', { part: 'chart bar', class: 'chart' });
    p.table = h('table', { part: 'table' });
    p.histogramTitle = h('p', { class: 'chart-title' });
    p.histogram = h('div', { part: 'chart histogram', class: 'chart' });
    p.histogramBox = h('div', {}, p.histogramTitle, p.histogram);
    p.column = h('p', { part: 'column', class: 'note' });
    p.csat = h('p', { part: 'csat', class: 'csat' });
    p.csatInterval = h('p', { part: 'csat-interval', class: 'interval' });
    p.csatBox = h('div', { hidden: true }, p.csat, p.csatInterval);
    p.groupsNote = h('p', { class: 'note', part: 'groups' });
    p.questionsTitle = h('p', { class: 'chart-title', id: id('questions') });
    p.questions = h('table', { part: 'questions', class: 'plain', 'aria-labelledby': id('questions') });
    p.cli = h('p', { part: 'cli', class: 'cli' });
    p.cliNote = h('span', { class: 'note' });
    p.columns = h('p', { part: 'columns', class: 'note' });
    p.orderNote = h('p', { part: 'order-note', class: 'note' });
    p.followUp = h('p', { part: 'at-risk', class: 'follow-up' });
    p.sciDetails = h('div', { part: 'details', hidden: true },
      p.groupsNote, p.questionsTitle, p.questions, p.cli, p.columns, p.orderNote, p.followUp);
    p.rejectedTitle = h('summary');
    p.rejectedList = h('ul');
    p.rejected = h('details', { part: 'rejected', class: 'rejected' }, p.rejectedTitle, p.rejectedList);

    // Saving and sharing.
    p.actionsTitle = h('h3', { id: id('actions') });
    p.buttons = {};
    const buttons = h('div', { class: 'buttons' });
    for (const [key, run] of [
      ['copy', () => this.#copyResult()],
      ['csv', () => this.#save(new Blob([this.#csv()], { type: 'text/csv' }), `${this.#reportMetric}.csv`)],
      ['json', () => this.#save(new Blob([resultJson(this.#report)], { type: 'application/json' }), `${this.#reportMetric}.json`)],
      ['svg', () => this.#saveSvg()],
      ['png', () => this.#savePng()],
      ['shareLink', () => this.#copyShareLink()],
    ]) {
      p.buttons[key] = h('button', { type: 'button', part: `action ${key === 'shareLink' ? 'share' : key}` });
      p.buttons[key].addEventListener('click', run);
      buttons.append(p.buttons[key]);
    }
    p.feedback = h('p', { class: 'feedback', role: 'status' });
    p.manual = h('textarea', { class: 'manual', readonly: true, hidden: true, 'aria-labelledby': id('actions') });
    p.actions = h('div', { class: 'actions', part: 'actions', role: 'group', 'aria-labelledby': id('actions') },
      p.actionsTitle, buttons, p.feedback, p.manual);

    p.privacy = h('p', { part: 'privacy', class: 'privacy wide' });

    p.levelBox = h('span', {}, p.levelLabel, p.level);
    p.methodBox = h('span', {}, p.methodLabel, p.method);
    p.scaleBox = h('span', {}, p.scaleLabel, p.scale);
    p.options = h('div', { class: 'options' }, p.scaleBox, p.levelBox, p.methodBox);
    p.inputSide = h('div', { class: 'input' }, p.modeField, p.paste, p.countsBox, p.clv.inputs, p.options);
    p.textResult = h('div', {}, p.scoreLabel, p.score, p.band, p.whisker, p.interval, p.csatBox, p.bar, p.table,
      p.histogramBox, p.sciDetails, p.column, p.rejected);
    p.result = h('div', { part: 'result', class: 'result' }, p.textResult, p.clv.result, p.status, p.actions);
    this.#tools = toolsPanel({ id, texts: () => this.#texts(), level: () => this.level, method: () => this.method }, LEVELS);
    p.root = h('div', { part: 'container', class: 'root' },
      h('div', { class: 'layout' }, p.inputSide, p.result, this.#tools.root, p.privacy));
    this.#root.append(p.root);
    if (typeof ResizeObserver === 'function') {
      new ResizeObserver(() => {
        const width = Math.max(240, Math.min(480, Math.round(p.result.clientWidth)));
        if (this.#report && p.result.clientWidth && Math.abs(width - this.#chartWidth) > 4) this.#renderCharts(this.#report, this.#texts());
      }).observe(p.result);
    }
    this.#built = true;
    this.#setText(p.input.value);
    this.#syncControls();
  }

  /** Counts in a share link (#p=…&m=…&d=…) start the element in counts mode. */
  #restoreShared() {
    const counts = typeof location === 'undefined' ? null : sharedCounts(location.hash, this.id);
    if (!counts || this.metric !== 'nps') return;
    for (const group of GROUPS) this.#p.counts[group].input.value = String(counts[group]);
    this.#setMode('counts');
  }

  /** Shows the controls of the metric, and swaps in the text pasted for it. */
  #applyMetric() {
    const metric = this.metric;
    const p = this.#p;
    if (this.#shown !== metric) {
      if (TEXT_METRICS.has(this.#shown)) this.#drafts[this.#shown] = this.#big ? this.#big.text : p.input.value;
      if (TEXT_METRICS.has(metric)) this.#setText(this.#drafts[metric] ?? '');
      this.#shown = metric;
      p.status.textContent = '';
    }
    const nps = metric === 'nps';
    const text = TEXT_METRICS.has(metric);
    p.modeField.hidden = !nps;
    if (!nps) this.#setMode('paste');
    p.paste.hidden = !text || (nps && this.#mode !== 'paste');
    p.countsBox.hidden = !nps || this.#mode !== 'counts';
    p.clv.inputs.hidden = text;
    p.clv.result.hidden = text;
    p.textResult.hidden = !text;
    p.levelBox.hidden = !text;
    p.methodBox.hidden = !nps;
    p.scaleBox.hidden = nps || !text;
    p.options.hidden = !text;
    p.input.placeholder = nps || !text ? '' : say(this.language, `${metric}.placeholder`);
  }

  #setMode(mode) {
    const p = this.#p;
    if (mode === 'counts' && this.#mode === 'paste' && this.#reportMetric === 'nps' && this.#report?.respondents) {
      // Start from the counts of what was pasted.
      for (const group of GROUPS) p.counts[group].input.value = String(this.#report[group]);
    }
    this.#mode = mode;
    p.modes[mode].input.checked = true;
    p.paste.hidden = mode !== 'paste';
    p.countsBox.hidden = mode !== 'counts';
  }

  /** Puts `text` in the textarea, or keeps it aside with a summary when it is big. */
  #setText(text) {
    const p = this.#p;
    if (isBig(text)) {
      this.#big = { text, lines: countLines(text), bytes: new Blob([text]).size };
      p.input.value = '';
      p.bigPreview.hidden = true;
      p.bigPreview.replaceChildren();
    } else {
      this.#big = null;
      if (p.input.value !== text) p.input.value = text;
    }
    p.input.hidden = Boolean(this.#big);
    p.big.hidden = !this.#big;
    this.#labelBig();
  }

  #onPaste(event) {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!isBig(text)) return;
    // The textarea never sees it: the whole paste replaces what was there.
    event.preventDefault();
    this.#setText(text);
    this.#compute();
    this.#p.bigView.focus();
  }

  #togglePreview() {
    const p = this.#p;
    const open = p.bigPreview.hidden;
    if (open && !p.bigPreview.firstChild) {
      const text = this.#big.text;
      let end = 0;
      for (let i = 0; i < PREVIEW_LINES && end !== -1; i++) end = text.indexOf('\n', end + 1);
      const more = this.#big.lines - PREVIEW_LINES;
      p.bigPreview.append(end === -1 ? text : text.slice(0, end));
      if (more > 0) p.bigPreview.append(`\n${say(this.language, 'bigPreviewMore', { n: numbers(this.language).count(more) })}`);
    }
    p.bigPreview.hidden = !open;
    p.bigView.setAttribute('aria-expanded', String(open));
    this.#labelBig();
  }

  #labelBig() {
    const p = this.#p;
    if (!this.#big) return;
    const lang = this.language;
    const n = numbers(lang);
    const size = n.bytes(this.#big.bytes);
    p.bigText.textContent = this.#big.lines === 1
      ? say(lang, 'bigPastedOne', { size })
      : say(lang, 'bigPasted', { lines: n.count(this.#big.lines), size });
    p.bigView.textContent = say(lang, p.bigPreview.hidden ? 'bigView' : 'bigHide');
    p.bigClear.textContent = say(lang, 'bigClear');
    p.bigPreview.setAttribute('aria-label', p.bigText.textContent);
  }

  #syncControls() {
    const p = this.#p;
    const level = this.level;
    if (![...p.level.options].some((option) => Number(option.value) === level)) {
      p.level.append(h('option', { value: String(level) }, numbers(this.language).level(level)));
    }
    p.level.value = [...p.level.options].find((option) => Number(option.value) === level).value;
    p.method.value = this.method;
    p.scale.value = this.scale;
  }

  #relabel() {
    const lang = this.language;
    const p = this.#p;
    const n = numbers(lang);
    const text = (node, key) => (node.textContent = say(lang, key));
    p.root.setAttribute('lang', lang);
    const metric = this.metric;
    text(p.modeLegend, 'modeLegend');
    text(p.modes.paste.text, 'modePaste');
    text(p.modes.counts.text, 'modeCounts');
    text(p.inputLabel, metric === 'nps' ? 'inputLabel' : `${metric}.inputLabel`);
    p.input.placeholder = metric === 'sci' || metric === 'likert' ? say(lang, `${metric}.placeholder`) : '';
    text(p.scaleLabel, 'scaleLabel');
    for (const option of p.scale.options) option.textContent = say(lang, `scale.${option.value}`);
    text(p.questionsTitle, 'sci.questions');
    p.clv.relabel(this.#texts());
    text(p.countsHint, 'countsHint');
    text(p.countsError, 'countsInvalid');
    for (const group of GROUPS) text(p.counts[group].label, group);
    text(p.levelLabel, 'levelLabel');
    text(p.methodLabel, 'methodLabel');
    for (const option of p.level.options) option.textContent = n.level(Number(option.value));
    for (const option of p.method.options) option.textContent = say(lang, `method.${option.value}`);
    text(p.scoreLabel, metric === 'nps' || metric === 'clv' ? 'scoreLabel' : `${metric}.scoreLabel`);
    text(p.histogramTitle, 'histogramTitle');
    text(p.actionsTitle, 'actions');
    for (const [key, button] of Object.entries(p.buttons)) text(button, key);
    text(p.privacy, 'privacy');
    p.feedback.textContent = '';
    p.manual.hidden = true;
    this.#labelBig();
    this.#tools.relabel();
    if (this.#report && this.#reportMetric === metric) this.#render(this.#report);
  }

  // ── computing ───────────────────────────────────────────────────────────

  #compute() {
    if (!this.#built) return;
    const metric = this.metric;
    if (metric === 'clv') {
      this.#computeClv();
      return;
    }
    if (metric !== 'nps' || this.#mode === 'paste') {
      this.#analyzeText(this.#big ? this.#big.text : this.#p.input.value);
      return;
    }
    const counts = {};
    let valid = true;
    for (const group of GROUPS) {
      const input = this.#p.counts[group].input;
      const text = input.value.trim();
      const number = text === '' ? 0 : Number(text);
      const ok = !input.validity.badInput && Number.isSafeInteger(number) && number >= 0;
      if (ok) input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', 'true');
      valid &&= ok;
      counts[group] = number;
    }
    this.#p.countsError.hidden = valid;
    if (!valid) {
      this.#fail('invalid-counts', say(this.language, 'countsInvalid'));
      return;
    }
    this.#publish(() => npsFromCounts(counts, { level: this.level, method: this.method }));
  }

  #analyzeText(text) {
    const metric = this.metric;
    if (metric === 'sci') return this.#publish(() => analyzeSci(text, { level: this.level, scale: this.scale }));
    if (metric === 'likert') return this.#publish(() => analyzeLikert(text, { level: this.level, scale: this.scale }));
    return this.#publish(() => analyzeNps(text, { level: this.level, method: this.method }));
  }

  #analyzeClv(values) {
    if (!values || typeof values !== 'object') {
      this.#fail('invalid-input', 'analyze() with metric="clv" takes an object of retention and lifetime-value fields');
      return null;
    }
    if (this.#built) {
      this.#p.clv.fill(values);
      return this.#computeClv();
    }
    return null;
  }

  /** Retention and lifetime value from the form; an error names the first field in question. */
  #computeClv() {
    const { report, errors } = this.#p.clv.compute();
    this.#report = report;
    this.#reportMetric = 'clv';
    this.#clvErrors = errors;
    this.#render(report);
    if (errors.length) {
      const [first] = errors;
      const message = first.key ? say(this.language, first.key) : first.message;
      this.#fail('invalid-input', message, report, first.field);
    } else {
      this.dispatchEvent(new CustomEvent('loyalty-result', { bubbles: true, composed: true, detail: report }));
    }
    return report;
  }

  /** Runs `make`, shows its report and tells the page: loyalty-result, or loyalty-error when nothing could be counted. */
  #publish(make) {
    let report;
    try {
      report = make();
    } catch (error) {
      this.#fail('failed', String(error?.message ?? error));
      return null;
    }
    this.#report = report;
    this.#reportMetric = this.metric;
    if (this.#built) this.#render(report);
    if (report.respondents === 0 && report.rejectedCount > 0) {
      this.#fail('nothing-counted', this.#nothingCounted(report), report);
    } else {
      this.dispatchEvent(new CustomEvent('loyalty-result', { bubbles: true, composed: true, detail: report }));
    }
    return report;
  }

  #nothingCounted(report) {
    const metric = this.#reportMetric;
    if (metric === 'nps') return say(this.language, 'nothingCounted');
    return say(this.language, `${metric}.nothingCounted`, { min: report.scale.min, max: report.scale.max });
  }

  #fail(code, message, report = null, field = undefined) {
    const detail = field === undefined ? { code, message, report } : { code, message, report, field };
    this.dispatchEvent(new CustomEvent('loyalty-error', { bubbles: true, composed: true, detail }));
  }

  // ── showing ─────────────────────────────────────────────────────────────

  #texts() {
    const lang = this.language;
    return { lang, numbers: numbers(lang), say: (key, values) => say(lang, key, values) };
  }

  #intervalText(report, t) {
    return t.say('interval', {
      level: t.numbers.level(report.interval.level),
      low: t.numbers.signed(report.interval.low),
      high: t.numbers.signed(report.interval.high),
    });
  }

  #render(report) {
    const metric = this.#reportMetric;
    const p = this.#p;
    p.csatBox.hidden = metric !== 'likert';
    p.sciDetails.hidden = metric !== 'sci';
    p.table.classList.toggle('plain', metric === 'likert');
    p.table.hidden = false;
    p.buttons.shareLink.hidden = metric !== 'nps';
    if (metric === 'clv') return this.#renderClv(report);
    if (metric === 'sci') return this.#renderSci(report);
    if (metric === 'likert') return this.#renderLikert(report);
    return this.#renderNps(report);
  }

  #renderNps(report) {
    const t = this.#texts();
    const { numbers: n } = t;
    const p = this.#p;
    const has = report.score !== null;
    p.score.textContent = has ? n.signed(report.score) : '–';
    p.band.textContent = has ? t.say(bandKey(report.score)) : '';
    p.band.hidden = !has;
    p.interval.textContent = has
      ? `${this.#intervalText(report, t)} · ${t.say('margin', { margin: n.decimal(report.marginOfError) })}`
      : report.rejectedCount > 0 ? t.say('nothingCounted') : t.say(this.#mode === 'counts' ? 'emptyCounts' : 'empty');
    p.status.textContent = has
      ? t.say(report.respondents === 1 ? 'summaryOne' : 'summary', { score: n.signed(report.score), n: n.count(report.respondents) })
      : '';

    this.#renderCharts(report, t);

    const row = (label, count, pct, cls) =>
      h('tr', { class: cls }, h('th', { scope: 'row' }, label),
        h('td', {}, n.count(count)),
        h('td', {}, pct === null ? '–' : n.share(pct / 100)));
    p.table.replaceChildren(
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.say('group')),
        h('th', { scope: 'col' }, t.say('count')), h('th', { scope: 'col' }, t.say('share')))),
      h('tbody', {},
        row(t.say('promoters'), report.promoters, report.promoterPct, 'promoters'),
        row(t.say('passives'), report.passives, report.passivePct, 'passives'),
        row(t.say('detractors'), report.detractors, report.detractorPct, 'detractors'),
        row(t.say('total'), report.respondents, has ? 100 : null, 'total')),
    );

    this.#renderReading(report, t, has);
  }

  /** How the paste was read (its column), what was not counted, and the save buttons. */
  #renderReading(report, t, has) {
    const p = this.#p;
    const column = report.column;
    p.column.textContent = column ? t.say(column.name ? 'column' : 'columnUnnamed', { index: column.index, name: column.name ?? '' }) : '';
    p.column.hidden = !column;
    this.#renderRejected(report, t);
    p.actions.hidden = !has;
    p.buttons.svg.hidden = p.buttons.png.hidden = !has;
  }

  /** The entries not counted, with line, column and reason (on the report's own scale). */
  #renderRejected(report, t) {
    const p = this.#p;
    const n = t.numbers;
    const scaled = this.#reportMetric !== 'nps';
    const reason = (r) => {
      if (scaled && r.reason === 'out-of-range') return t.say('reason.out-of-scale', { min: report.scale.min, max: report.scale.max });
      if (scaled && r.reason === 'missing-value') return t.say('reason.missing-answer');
      return t.say(`reason.${r.reason}`);
    };
    const rejected = report.rejectedCount;
    p.rejected.hidden = rejected === 0;
    p.rejectedTitle.textContent = t.say(rejected === 1 ? 'rejectedOne' : 'rejectedMany', { n: n.count(rejected) });
    const items = report.rejected.map((r) =>
      h('li', {}, h('span', { class: 'where' }, t.say('at', { line: r.line, column: r.column })), ' ',
        h('code', {}, r.text), ' — ', reason(r)));
    if (rejected > report.rejected.length) items.push(h('li', {}, t.say('rejectedMore', { n: n.count(rejected - report.rejected.length) })));
    p.rejectedList.replaceChildren(...items);
  }

  /** A group row of a result table: a swatch by class, the count and the share. */
  #groupRow(t, label, count, pct, cls) {
    const n = t.numbers;
    return h('tr', { class: cls }, h('th', { scope: 'row' }, label),
      h('td', {}, n.count(count)),
      h('td', {}, pct === null ? '–' : n.share(pct / 100)));
  }

  #emptyText(report, t, metric) {
    if (report.rejectedCount > 0) return this.#nothingCounted(report);
    return t.say(`${metric}.empty`);
  }

  #renderSci(report) {
    const t = this.#texts();
    const { numbers: n } = t;
    const p = this.#p;
    const has = report.index !== null;
    const pct = (x) => n.share(x / 100);
    p.score.textContent = has ? pct(report.index) : '–';
    p.band.textContent = has ? t.say('sci.band') : '';
    p.band.hidden = !has;
    p.interval.textContent = has
      ? t.say('sci.interval', { level: n.level(report.interval.level), low: pct(report.interval.low), high: pct(report.interval.high) })
      : this.#emptyText(report, t, 'sci');
    p.status.textContent = has
      ? t.say(report.respondents === 1 ? 'sci.summaryOne' : 'sci.summary', { index: pct(report.index), n: n.count(report.respondents) })
      : '';
    this.#renderCharts(report, t);

    p.table.hidden = false;
    p.table.replaceChildren(
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.say('group')),
        h('th', { scope: 'col' }, t.say('count')), h('th', { scope: 'col' }, t.say('share')))),
      h('tbody', {},
        this.#groupRow(t, t.say('secure'), report.secure, report.securePct, 'promoters'),
        this.#groupRow(t, t.say('favorable'), report.favorable, report.favorablePct, 'passives'),
        this.#groupRow(t, t.say('atRisk'), report.atRisk, report.atRiskPct, 'detractors'),
        this.#groupRow(t, t.say('total'), report.respondents, has ? 100 : null, 'total')),
    );
    const bands = SCI_BANDS[`${report.scale.min}-${report.scale.max}`];
    p.groupsNote.textContent = t.say('sci.groups', {
      secure: range(...bands.secure), favorable: range(...bands.favorable), risk: range(...bands.risk),
    });
    p.sciDetails.hidden = false;
    p.questions.replaceChildren(
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.say('question')), h('th', { scope: 'col' }, t.say('topTwo')))),
      h('tbody', {}, ...QUESTIONS.map((q) => h('tr', {}, h('th', { scope: 'row' }, t.say(`q.${q}`)),
        h('td', {}, report.perQuestion[q] === null ? '–' : pct(report.perQuestion[q]))))),
    );
    p.questionsTitle.hidden = p.questions.hidden = !has;
    p.cli.hidden = report.cli === null;
    p.cliNote.textContent = ` (${t.say('sci.cliNote')})`;
    p.cli.replaceChildren(report.cli === null ? '' : t.say('sci.cli', { cli: n.decimal(report.cli) }), p.cliNote);

    const columns = report.columns;
    const ref = (c) => t.say(c.name ? 'sci.columnNamed' : 'sci.columnUnnamed', { index: c.index, name: c.name ?? '' });
    const read = report.respondents > 0 || report.rejectedCount > 0;
    p.columns.hidden = !read;
    p.columns.textContent = t.say('sci.columns', Object.fromEntries(QUESTIONS.map((q) => [q, ref(columns[q])])));
    p.orderNote.hidden = !read || columns.chosenBy !== 'order';
    p.orderNote.textContent = t.say('sci.order');

    const lines = report.atRiskLines;
    p.followUp.hidden = lines.length === 0;
    let list = lines.map((line) => String(line)).join(', ');
    if (report.atRisk > lines.length) list = t.say('more', { list, n: n.count(report.atRisk - lines.length) });
    p.followUp.textContent = lines.length ? t.say(lines.length === 1 && report.atRisk === 1 ? 'sci.followUpOne' : 'sci.followUp', { lines: list }) : '';

    p.column.hidden = true;
    this.#renderRejected(report, t);
    p.actions.hidden = !has;
    p.buttons.svg.hidden = p.buttons.png.hidden = !has;
  }

  #renderLikert(report) {
    const t = this.#texts();
    const { numbers: n } = t;
    const p = this.#p;
    const has = report.mean !== null;
    const { min, max } = report.scale;
    const pct = (x) => (x === null ? '–' : n.share(x / 100));
    p.score.textContent = has ? n.decimal2(report.mean) : '–';
    p.band.textContent = has ? t.say('likert.band', { min, max }) : '';
    p.band.hidden = !has;
    p.interval.textContent = has
      ? t.say('likert.interval', { level: n.level(report.meanInterval.level), low: n.decimal2(report.meanInterval.low), high: n.decimal2(report.meanInterval.high) })
      : this.#emptyText(report, t, 'likert');
    p.status.textContent = has
      ? t.say(report.respondents === 1 ? 'likert.summaryOne' : 'likert.summary', { mean: n.decimal2(report.mean), n: n.count(report.respondents) })
      : '';
    const csat = min === 1 && max === 5;
    p.csatBox.hidden = !has;
    p.csat.textContent = has ? t.say(csat ? 'likert.csat' : 'likert.topTwoLine', { pct: pct(report.topTwoBoxPct) }) : '';
    p.csatInterval.textContent = has
      ? t.say('likert.csatInterval', { level: n.level(report.topTwoBoxInterval.level), low: pct(report.topTwoBoxInterval.low), high: pct(report.topTwoBoxInterval.high) })
      : '';
    this.#renderCharts(report, t);

    const row = (key, text) => h('tr', {}, h('th', { scope: 'row' }, t.say(key)), h('td', {}, text));
    p.table.hidden = !has;
    p.table.replaceChildren(
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.say('statistic')), h('th', { scope: 'col' }, t.say('value')))),
      h('tbody', {},
        row('respondents', n.count(report.respondents)),
        row('mean', has ? n.decimal2(report.mean) : '–'),
        row('median', report.median === null ? '–' : n.upTo2(report.median)),
        row('sd', report.sd === null ? '–' : n.decimal2(report.sd)),
        row('topBox', pct(report.topBoxPct)),
        row(csat ? 'topTwo.csat' : 'topTwo', pct(report.topTwoBoxPct)),
        row('bottomTwo', pct(report.bottomTwoBoxPct))),
    );
    this.#renderReading(report, t, has);
  }

  #renderClv(report) {
    const t = this.#texts();
    const p = this.#p;
    p.clv.render(report, this.#clvErrors, t, this.currency);
    const { retention: r, clv: v } = report;
    const parts = [];
    if (r) parts.push(t.say('clv.summary', { retention: t.numbers.share(r.retentionRate), churn: t.numbers.share(r.churnRate) }));
    if (v) parts.push(t.say('clv.summaryValue', { value: t.numbers.amount(v.lifetimeValue, this.currency) }));
    p.status.textContent = parts.join('. ');
    p.actions.hidden = !r && !v;
    p.buttons.svg.hidden = p.buttons.png.hidden = true;
  }

  /** The charts of the report on show: a whisker, and a bar or a histogram (none for clv). */
  #renderCharts(report, t) {
    const p = this.#p;
    const svgId = `${this.#id}-svg`;
    const metric = this.#reportMetric;
    // Drawn as wide as their place, so that text in them keeps its size.
    const width = Math.max(240, Math.min(480, Math.round(this.#p.result.clientWidth) || WIDTH));
    this.#chartWidth = width;
    if (metric === 'clv') return;
    if (metric !== 'nps') {
      const charts = this.#scenes(report, t, width);
      const show = (box, scene, key, label) => {
        box.replaceChildren(scene ? sceneToSvg(scene, { id: `${svgId}${key}`, label }) : '');
        box.hidden = !scene;
      };
      show(p.whisker, charts.whisker, 'w', charts.whiskerLabel);
      show(p.bar, charts.bar, 'b', charts.barLabel);
      show(p.histogram, charts.histogram, 'h', charts.histogramLabel);
      p.histogramBox.hidden = !charts.histogram;
      return;
    }
    const { numbers: n } = t;
    const has = report.score !== null;
    p.whisker.replaceChildren(has
      ? sceneToSvg(whiskerScene(report, t, width), {
          id: `${svgId}w`,
          label: t.say('whiskerAlt', { score: n.signed(report.score), level: n.level(report.interval.level), low: n.signed(report.interval.low), high: n.signed(report.interval.high) }),
        })
      : '');
    p.whisker.hidden = !has;
    p.bar.replaceChildren(has ? sceneToSvg(barScene(report, t, width), { id: `${svgId}b`, label: this.#barLabel(report, t) }) : '');
    p.bar.hidden = !has;
    const histogram = has && report.histogram;
    p.histogram.replaceChildren(histogram ? sceneToSvg(histogramScene(report.histogram, t, width), { id: `${svgId}h`, label: this.#histogramLabel(report, t) }) : '');
    p.histogramBox.hidden = !histogram;

  }

  /** The SCI's and the Likert summary's chart scenes with their text alternatives (null where there is none). */
  #scenes(report, t, width = WIDTH) {
    const { numbers: n } = t;
    const none = { whisker: null, bar: null, histogram: null };
    if (this.#reportMetric === 'sci') {
      if (report.index === null) return none;
      const pct = (x) => n.share(x / 100);
      return {
        whisker: scaleWhiskerScene({ value: report.index, low: report.interval.low, high: report.interval.high },
          { min: 0, max: 100, ticks: [0, 25, 50, 75, 100], tickText: (v) => n.percentWhole(v / 100) }, width),
        whiskerLabel: t.say('sci.whiskerAlt', { index: pct(report.index), level: n.level(report.interval.level), low: pct(report.interval.low), high: pct(report.interval.high) }),
        bar: stackedBarScene([
          { count: report.atRisk, role: 'detractor', pattern: 'hatch', text: `${t.say('atRisk')} ${pct(report.atRiskPct)}` },
          { count: report.favorable, role: 'passive', pattern: 'dots', text: `${t.say('favorable')} ${pct(report.favorablePct)}` },
          { count: report.secure, role: 'promoter', pattern: null, text: `${t.say('secure')} ${pct(report.securePct)}` },
        ], width),
        barLabel: t.say('sci.barAlt', { r: pct(report.atRiskPct), f: pct(report.favorablePct), s: pct(report.securePct) }),
        histogram: null,
      };
    }
    if (report.mean === null) return none;
    const { min, max } = report.scale;
    const ticks = [];
    for (let v = min; v <= max; v++) ticks.push(v);
    return {
      whisker: scaleWhiskerScene({ value: report.mean, low: report.meanInterval.low, high: report.meanInterval.high },
        { min, max, ticks, tickText: String }, width),
      whiskerLabel: t.say('likert.whiskerAlt', { mean: n.decimal2(report.mean), min, max, level: n.level(report.meanInterval.level), low: n.decimal2(report.meanInterval.low), high: n.decimal2(report.meanInterval.high) }),
      bar: null,
      histogram: histogramScene(report.histogram, t, width, {
        min,
        bands: [[min, min + 1, 'lowShort', 'detractor', 'hatch'], [min + 2, max - 2, 'midShort', 'passive', 'dots'], [max - 1, max, 'highShort', 'promoter', null]],
      }),
      histogramLabel: t.say('likert.histogramAlt', { min, max, list: report.histogram.map((count, i) => `${min + i}: ${n.count(count)}`).join(', ') }),
    };
  }

  #barLabel(report, t) {
    const pct = (key) => t.numbers.share(report[key] / 100);
    return t.say('barAlt', { d: pct('detractorPct'), m: pct('passivePct'), p: pct('promoterPct') });
  }

  #histogramLabel(report, t) {
    return t.say('histogramAlt', { list: report.histogram.map((count, score) => `${score}: ${t.numbers.count(count)}`).join(', ') });
  }

  // ── saving and sharing ──────────────────────────────────────────────────

  #say(key, values) {
    this.#p.manual.hidden = true;
    this.#p.feedback.textContent = say(this.language, key, values);
  }

  async #copyResult() {
    const t = this.#texts();
    const report = this.#report;
    const metric = this.#reportMetric;
    const text = metric === 'sci' ? sciText(report, t)
      : metric === 'likert' ? likertText(report, t)
        : metric === 'clv' ? clvText(report, t, this.currency)
          : resultText(report, { ...t, band: t.say(bandKey(report.score)) });
    this.#offer(text, await copyText(text), 'copied');
  }

  #csv() {
    const metric = this.#reportMetric;
    const report = this.#report;
    return metric === 'sci' ? sciCsv(report) : metric === 'likert' ? likertCsv(report) : metric === 'clv' ? clvCsv(report) : resultCsv(report);
  }

  async #copyShareLink() {
    const url = shareUrl(this.#report, this.id);
    this.#offer(url, await copyText(url), 'linkCopied');
  }

  /** After a copy: say so, or show the text to copy by hand where the clipboard is not allowed. */
  #offer(text, copied, key) {
    const p = this.#p;
    if (copied) return this.#say(key);
    p.feedback.textContent = say(this.language, 'copyFailed');
    p.manual.value = text;
    p.manual.hidden = false;
    p.manual.focus();
    p.manual.select();
  }

  #save(blob, name) {
    saveFile(blob, name, this.#root);
    this.#say('downloaded', { file: name });
  }

  /** The whole result (score, band, interval and the charts) as one scene for the chart files. */
  #exportScene() {
    const report = this.#report;
    const t = this.#texts();
    const style = getComputedStyle(this.#p.root);
    const colors = {};
    for (const role of COLOR_ROLES) colors[role] = style.getPropertyValue(`--_${role}`).trim();
    colors.border = style.getPropertyValue('--_control').trim();
    if (this.#reportMetric !== 'nps') {
      const charts = this.#scenes(report, t);
      const title = `${this.#p.scoreLabel.textContent}: ${this.#p.score.textContent}`;
      const parts = [
        { text: title, size: 16, weight: 700 },
        { text: this.#p.band.textContent, size: 11 },
        { text: this.#p.interval.textContent, size: 10, c: 'muted' },
        charts.whisker,
      ];
      if (charts.bar) parts.push(charts.bar);
      if (this.#reportMetric === 'likert') parts.push({ text: this.#p.csat.textContent, size: 11 });
      if (charts.histogram) parts.push({ text: t.say('histogramTitle'), size: 10, c: 'muted' }, charts.histogram);
      return { scene: stackScenes(parts), colors, font: style.fontFamily, label: title };
    }
    const parts = [
      { text: `${t.say('scoreLabel')}: ${t.numbers.signed(report.score)}`, size: 16, weight: 700 },
      { text: t.say(bandKey(report.score)), size: 11 },
      { text: this.#intervalText(report, t), size: 10, c: 'muted' },
      whiskerScene(report, t),
      barScene(report, t),
    ];
    if (report.histogram) parts.push({ text: t.say('histogramTitle'), size: 10, c: 'muted' }, histogramScene(report.histogram, t));
    return { scene: stackScenes(parts), colors, font: style.fontFamily, label: `${t.say('scoreLabel')} ${t.numbers.signed(report.score)}` };
  }

  #saveSvg() {
    const { scene, colors, font, label } = this.#exportScene();
    const svg = sceneToSvg(scene, { id: this.#reportMetric, label, colors, font });
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
    this.#save(new Blob([text], { type: 'image/svg+xml' }), `${this.#reportMetric}-chart.svg`);
  }

  async #savePng() {
    const { scene, colors, font } = this.#exportScene();
    this.#save(await sceneToPng(scene, { colors, font }), `${this.#reportMetric}-chart.png`);
  }
}

export { STRINGS };
