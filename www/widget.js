// <loyalty-calculator>: paste 0–10 answers or type three counts, read the Net
// Promoter Score with its interval, charts, and ways to save or share it.
// The class is exported apart from its registration (see define.js) so hosts
// can register it under another name or subclass it.
import { analyzeNps, npsFromCounts } from '../js/core.js';
import { STRINGS, say, supportedLanguage } from './strings.js';
import { STYLES } from './widget-styles.js';
import { h } from './dom.js';
import { numbers } from './format.js';
import { WIDTH, barScene, histogramScene, sceneToPng, sceneToSvg, stackScenes, whiskerScene } from './charts.js';
import { copyText, resultCsv, resultJson, resultText, saveFile } from './export.js';
import { sharedCounts, shareUrl } from './share.js';

const METRICS = ['nps', 'sci', 'likert'];
const THEMES = ['light', 'dark', 'auto'];
const METHODS = ['adjusted-wald', 'wald', 'tango'];
const LEVELS = [0.8, 0.9, 0.95, 0.99];
const DEFAULT_LEVEL = 0.95;
const DEFAULT_METHOD = 'adjusted-wald';
const GROUPS = ['promoters', 'passives', 'detractors'];
const PROPERTIES = ['metric', 'lang', 'level', 'method', 'value', 'theme', 'compact'];
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
    return ['metric', 'lang', 'value', 'level', 'method'];
  }

  #root;
  #p = {};
  #report = null;
  #built = false;
  #mode = 'paste';
  #big = null; // { text, lines, bytes } for a paste kept out of the textarea
  #chartWidth = 0;
  #id = `lc${++instances}`;

  constructor() {
    super();
    // Attributes are not readable yet when the parser creates the element:
    // everything that needs them waits for connectedCallback.
    this.#root = this.attachShadow({ mode: 'open' });
  }

  /** nps (default), sci or likert. */
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

  /** The pasted text now in the calculator. */
  get value() {
    if (!this.#built) return this.getAttribute('value') ?? '';
    return this.#big ? this.#big.text : this.#p.input.value;
  }
  set value(text) {
    if (!this.#built) {
      this.setAttribute('value', String(text));
      return;
    }
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

  /** Analyses `text` with the element's options, shows and announces the result, and returns the report. */
  analyze(text) {
    text = String(text);
    if (this.metric !== 'nps') {
      this.#fail('unsupported-metric', say(this.language, 'errorUnsupported', { metric: this.metric.toUpperCase() }));
      return null;
    }
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
    if (name === 'metric') this.#applyMetric();
    if (name === 'lang') this.#relabel();
    this.#syncControls();
    this.#compute();
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
    p.rejectedTitle = h('summary');
    p.rejectedList = h('ul');
    p.rejected = h('details', { part: 'rejected', class: 'rejected' }, p.rejectedTitle, p.rejectedList);

    // Saving and sharing.
    p.actionsTitle = h('h3', { id: id('actions') });
    p.buttons = {};
    const buttons = h('div', { class: 'buttons' });
    for (const [key, run] of [
      ['copy', () => this.#copyResult()],
      ['csv', () => this.#save(new Blob([resultCsv(this.#report)], { type: 'text/csv' }), 'nps.csv')],
      ['json', () => this.#save(new Blob([resultJson(this.#report)], { type: 'application/json' }), 'nps.json')],
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

    p.soon = h('p', { class: 'soon', part: 'soon', hidden: true });
    p.privacy = h('p', { part: 'privacy', class: 'privacy wide' });

    p.inputSide = h('div', { class: 'input' }, p.modeField, p.paste, p.countsBox,
      h('div', { class: 'options' }, h('span', {}, p.levelLabel, p.level), h('span', {}, p.methodLabel, p.method)));
    p.result = h('div', { part: 'result', class: 'result' },
      p.scoreLabel, p.score, p.band, p.whisker, p.interval, p.status, p.bar, p.table, p.histogramBox, p.column, p.rejected, p.actions);
    p.root = h('div', { part: 'container', class: 'root' },
      h('div', { class: 'layout' }, p.soon, p.inputSide, p.result, p.privacy));
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

  #applyMetric() {
    const nps = this.metric === 'nps';
    const p = this.#p;
    p.soon.hidden = nps;
    p.inputSide.hidden = !nps;
    p.result.hidden = !nps;
    if (!nps) {
      p.status.textContent = '';
      p.soon.textContent = say(this.language, `soon.${this.metric}`);
    }
  }

  #setMode(mode) {
    const p = this.#p;
    if (mode === 'counts' && this.#mode === 'paste' && this.#report?.respondents) {
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
  }

  #relabel() {
    const lang = this.language;
    const p = this.#p;
    const n = numbers(lang);
    const text = (node, key) => (node.textContent = say(lang, key));
    p.root.setAttribute('lang', lang);
    text(p.modeLegend, 'modeLegend');
    text(p.modes.paste.text, 'modePaste');
    text(p.modes.counts.text, 'modeCounts');
    text(p.inputLabel, 'inputLabel');
    text(p.countsHint, 'countsHint');
    text(p.countsError, 'countsInvalid');
    for (const group of GROUPS) text(p.counts[group].label, group);
    text(p.levelLabel, 'levelLabel');
    text(p.methodLabel, 'methodLabel');
    for (const option of p.level.options) option.textContent = n.level(Number(option.value));
    for (const option of p.method.options) option.textContent = say(lang, `method.${option.value}`);
    text(p.scoreLabel, 'scoreLabel');
    text(p.histogramTitle, 'histogramTitle');
    text(p.actionsTitle, 'actions');
    for (const [key, button] of Object.entries(p.buttons)) text(button, key);
    text(p.privacy, 'privacy');
    if (this.metric !== 'nps') text(p.soon, `soon.${this.metric}`);
    p.feedback.textContent = '';
    p.manual.hidden = true;
    this.#labelBig();
    if (this.#report) this.#render(this.#report);
  }

  // ── computing ───────────────────────────────────────────────────────────

  #compute() {
    if (!this.#built || this.metric !== 'nps') return;
    if (this.#mode === 'paste') {
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
    return this.#publish(() => analyzeNps(text, { level: this.level, method: this.method }));
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
    if (this.#built) this.#render(report);
    if (report.respondents === 0 && report.rejectedCount > 0) {
      this.#fail('nothing-counted', say(this.language, 'nothingCounted'), report);
    } else {
      this.dispatchEvent(new CustomEvent('loyalty-result', { bubbles: true, composed: true, detail: report }));
    }
    return report;
  }

  #fail(code, message, report = null) {
    this.dispatchEvent(new CustomEvent('loyalty-error', { bubbles: true, composed: true, detail: { code, message, report } }));
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

    const column = report.column;
    p.column.textContent = column ? t.say(column.name ? 'column' : 'columnUnnamed', { index: column.index, name: column.name ?? '' }) : '';
    p.column.hidden = !column;

    const rejected = report.rejectedCount;
    p.rejected.hidden = rejected === 0;
    p.rejectedTitle.textContent = t.say(rejected === 1 ? 'rejectedOne' : 'rejectedMany', { n: n.count(rejected) });
    const items = report.rejected.map((r) =>
      h('li', {}, h('span', { class: 'where' }, t.say('at', { line: r.line, column: r.column })), ' ',
        h('code', {}, r.text), ' — ', t.say(`reason.${r.reason}`)));
    if (rejected > report.rejected.length) items.push(h('li', {}, t.say('rejectedMore', { n: n.count(rejected - report.rejected.length) })));
    p.rejectedList.replaceChildren(...items);

    p.actions.hidden = !has;
    p.buttons.svg.hidden = p.buttons.png.hidden = !has;
  }

  #renderCharts(report, t) {
    const p = this.#p;
    const svgId = `${this.#id}-svg`;
    const { numbers: n } = t;
    const has = report.score !== null;
    // Drawn as wide as their place, so that text in them keeps its size.
    const width = Math.max(240, Math.min(480, Math.round(this.#p.result.clientWidth) || WIDTH));
    this.#chartWidth = width;
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
    const text = resultText(this.#report, { ...t, band: t.say(bandKey(this.#report.score)) });
    this.#offer(text, await copyText(text), 'copied');
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
    const parts = [
      { text: `${t.say('scoreLabel')}: ${t.numbers.signed(report.score)}`, size: 16, weight: 700 },
      { text: t.say(bandKey(report.score)), size: 11 },
      { text: this.#intervalText(report, t), size: 10, c: 'muted' },
      whiskerScene(report, t),
      barScene(report, t),
    ];
    if (report.histogram) parts.push({ text: t.say('histogramTitle'), size: 10, c: 'muted' }, histogramScene(report.histogram, t));
    const style = getComputedStyle(this.#p.root);
    const colors = {};
    for (const role of COLOR_ROLES) colors[role] = style.getPropertyValue(`--_${role}`).trim();
    colors.border = style.getPropertyValue('--_control').trim();
    return { scene: stackScenes(parts), colors, font: style.fontFamily, label: `${t.say('scoreLabel')} ${t.numbers.signed(report.score)}` };
  }

  #saveSvg() {
    const { scene, colors, font, label } = this.#exportScene();
    const svg = sceneToSvg(scene, { id: 'nps', label, colors, font });
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
    this.#save(new Blob([text], { type: 'image/svg+xml' }), 'nps-chart.svg');
  }

  async #savePng() {
    const { scene, colors, font } = this.#exportScene();
    this.#save(await sceneToPng(scene, { colors, font }), 'nps-chart.png');
  }
}

export { STRINGS };
