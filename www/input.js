// The element's input for metrics that read text: a textarea to paste into;
// a paste too big for a textarea kept aside as a summary with a preview; a
// file (file-input.js); the column to read when there are several
// (column-picker.js); and, for a metric with answer groups (the NPS), the
// choice to type the count of each group instead. Each metric keeps its own
// text while another is shown.
import { h } from './dom.js';
import { numbers } from './format.js';
import { bilingual } from './strings.js';
import { fileInput } from './file-input.js';
import { columnPicker } from './column-picker.js';

/**
 * A paste this large skips the textarea: Chromium alone needs seconds to lay
 * out a textarea holding 100,000 lines. It is analysed directly and shown as
 * a summary with a preview of its first lines.
 */
export const BIG_PASTE = { lines: 2000, chars: 100_000 };
const PREVIEW_LINES = 200;

export const INPUT_STRINGS = bilingual({
  modeLegend: ['Enter the answers', 'Voer de antwoorden in'],
  modePaste: ['Paste scores', 'Scores plakken'],
  modeCounts: ['Type counts', 'Aantallen typen'],
  countsHint: ['How many respondents gave each kind of answer.', 'Hoeveel respondenten elk soort antwoord gaven.'],
  countsInvalid: ['Counts must be whole numbers of 0 or more.', 'Aantallen moeten gehele getallen van 0 of meer zijn.'],
  bigPasted: ['{lines} lines pasted ({size})', '{lines} regels geplakt ({size})'],
  bigPastedOne: ['1 line pasted ({size})', '1 regel geplakt ({size})'],
  bigView: ['View', 'Bekijken'],
  bigHide: ['Hide', 'Verbergen'],
  bigClear: ['Clear', 'Wissen'],
  bigPreviewMore: ['…and {n} more lines', '…en nog {n} regels'],
});

/** Line count of `text`, stopping early once `limit` is passed. */
export function countLines(text, limit = Infinity) {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1 && lines <= limit; at = text.indexOf('\n', at + 1)) {
    if (at < text.length - 1) lines++;
  }
  return lines;
}

/**
 * The lines of `text`, as countLines gives them, and its size in UTF-8 (a
 * lone surrogate is the three bytes of U+FFFD, as TextEncoder writes it), in
 * one pass: a Blob made only to learn its size cost more than the analysis.
 */
export function measureText(text) {
  let newlines = 0;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code === 10) newlines++;
    } else if (code < 0x800) {
      bytes += 1;
    } else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // four bytes for the two units of a pair
      i++;
    } else {
      bytes += 2;
    }
  }
  return { lines: 1 + newlines - (text.endsWith('\n') ? 1 : 0), bytes };
}

const isBig = (text) => text.length > BIG_PASTE.chars || countLines(text, BIG_PASTE.lines) > BIG_PASTE.lines;

/**
 * Builds the input. `host` gives { id(name), texts(), changed(), countsOfReport() }:
 * element-unique ids, the strings of the element's language, a call after
 * every change, and the counts of the report on show (to start typing from);
 * and for files and columns { metric(), options(), publish(make), fail(code,
 * message), notify(type, detail), on(type, listener) }.
 */
export function textInput(host, initialText) {
  const { id } = host;
  const modeLegend = h('legend', { class: 'vh' });
  const modes = {};
  const seg = h('div', { class: 'seg', part: 'modes' });
  for (const mode of ['paste', 'counts']) {
    modes[mode] = { input: h('input', { type: 'radio', name: id('mode'), value: mode, checked: mode === 'paste' }), text: h('span') };
    modes[mode].input.addEventListener('change', () => {
      input.setMode(mode);
      host.changed();
    });
    seg.append(h('label', {}, modes[mode].input, modes[mode].text));
  }
  const modeField = h('fieldset', {}, modeLegend, seg);

  const label = h('label', { for: id('input'), part: 'label' });
  const textarea = h('textarea', { id: id('input'), part: 'input', rows: '8', spellcheck: 'false', autocomplete: 'off' });
  textarea.value = initialText;
  textarea.addEventListener('input', () => {
    // Text dropped into the field or set by a script can be as big as a
    // paste: it is kept aside like one before the browser lays it out.
    if (isBig(textarea.value)) {
      const focused = textarea.matches(':focus');
      input.setText(textarea.value);
      host.changed();
      if (focused) bigView.focus();
      return;
    }
    host.changed();
  });
  textarea.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!isBig(text)) return;
    // The textarea never sees it: the whole paste replaces what was there.
    event.preventDefault();
    input.setText(text);
    host.changed();
    bigView.focus();
  });

  const bigText = h('p', {});
  const bigView = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': id('preview') });
  const bigClear = h('button', { type: 'button' });
  const bigPreview = h('pre', { id: id('preview'), tabindex: '0', hidden: true });
  bigView.addEventListener('click', () => togglePreview());
  bigClear.addEventListener('click', () => {
    input.setText('');
    host.changed();
    textarea.focus();
  });
  const big = h('div', { class: 'big', part: 'big-paste', hidden: true }, bigText, h('div', { class: 'buttons' }, bigView, bigClear), bigPreview);

  const files = fileInput(host, {
    given: () => input.setMode('paste'),
    loaded() {
      // The file replaces the text, as a big paste does.
      bigPaste = null;
      textarea.value = '';
      textarea.hidden = big.hidden = true;
    },
    published: (report, metric) => picker.show(report, metric),
    cleared() {
      input.setText('');
      host.changed();
      textarea.focus();
    },
  });
  let textColumn = null; // { text, metric, column }: the column chosen for the text now in the input
  const picker = columnPicker(host, (column) => {
    if (files.active()) {
      files.choose(column);
      return;
    }
    textColumn = { text: input.text(), metric: host.metric(), column };
    host.changed();
  });
  const paste = h('div', { class: 'paste' }, label, textarea, big, files.summary, files.progress, files.controls, files.error, picker.root);

  const countsHint = h('p', { class: 'hint' });
  const countsRow = h('div', { class: 'counts' });
  const countsError = h('p', { class: 'error', hidden: true });
  const countsBox = h('div', { class: 'counts-box', hidden: true }, countsHint, countsRow, countsError);
  let counts = {}; // group → { label, input } for the metric on show
  let groups = [];

  let bigPaste = null; // { text, lines, bytes } for a paste kept out of the textarea
  let shown = null; // the metric whose text is in the input
  const drafts = {};

  function togglePreview() {
    const open = bigPreview.hidden;
    if (open && !bigPreview.firstChild) {
      const text = bigPaste.text;
      let end = 0;
      for (let i = 0; i < PREVIEW_LINES && end !== -1; i++) end = text.indexOf('\n', end + 1);
      const more = bigPaste.lines - PREVIEW_LINES;
      bigPreview.append(end === -1 ? text : text.slice(0, end));
      if (more > 0) bigPreview.append(`\n${host.texts().say('bigPreviewMore', { n: numbers(host.texts().lang).count(more) })}`);
    }
    bigPreview.hidden = !open;
    bigView.setAttribute('aria-expanded', String(open));
    labelBig();
  }

  function labelBig() {
    if (!bigPaste) return;
    const { say, numbers: n } = host.texts();
    const size = n.bytes(bigPaste.bytes);
    bigText.textContent = bigPaste.lines === 1
      ? say('bigPastedOne', { size })
      : say('bigPasted', { lines: n.count(bigPaste.lines), size });
    bigView.textContent = say(bigPreview.hidden ? 'bigView' : 'bigHide');
    bigClear.textContent = say('bigClear');
    bigPreview.setAttribute('aria-label', bigText.textContent);
  }

  const input = {
    root: h('div', {}, modeField, paste, countsBox, files.drop),
    mode: 'paste',

    /** Whether a file is the input (its reader kept), rather than text. */
    fromFile: () => files.active(),

    /** The text now in the input, big pastes included ('' while a file is the input). */
    text: () => (bigPaste ? bigPaste.text : textarea.value),

    /**
     * Analyses the input with `metric` and `options`, in the column chosen
     * for it, and shows the columns to choose from. A file's report is
     * published when it is ready; text's is also returned.
     */
    compute(metric, options) {
      if (files.active()) {
        files.compute(metric, options);
        return null;
      }
      const text = input.text();
      const column = textColumn?.text === text && textColumn.metric === metric ? textColumn.column : undefined;
      const report = host.publish(() => metric.analyze(text, column === undefined ? options : { ...options, column }));
      picker.show(report, metric);
      return report;
    },

    /** Puts `text` in the textarea, or keeps it aside with a summary when it is big; a file given before is forgotten. */
    setText(text) {
      files.clear();
      if (isBig(text)) {
        bigPaste = { text, ...measureText(text) };
        textarea.value = '';
        bigPreview.hidden = true;
        bigPreview.replaceChildren();
      } else {
        bigPaste = null;
        if (textarea.value !== text) textarea.value = text;
      }
      textarea.hidden = Boolean(bigPaste);
      big.hidden = !bigPaste;
      labelBig();
    },

    setMode(mode) {
      if (mode === 'counts' && input.mode === 'paste') {
        // Start from the counts of what was pasted.
        const start = host.countsOfReport();
        if (start) for (const group of groups) counts[group].input.value = String(start[group]);
      }
      input.mode = mode;
      modes[mode].input.checked = true;
      paste.hidden = mode !== 'paste';
      countsBox.hidden = mode !== 'counts';
    },

    /**
     * Shows the input of `metric`: its own text (kept for it while another
     * metric was shown), and the choice of typed counts when it has groups.
     */
    show(metric) {
      const name = metric.name;
      if (shown !== name) {
        if (shown !== null) {
          drafts[shown] = input.text();
          input.setText(drafts[name] ?? '');
        }
        shown = name;
        const wanted = metric.countGroups ?? [];
        if (wanted.join() !== groups.join()) buildCounts(wanted);
      }
      modeField.hidden = groups.length === 0;
      if (groups.length === 0) input.setMode('paste');
      paste.hidden = input.mode !== 'paste';
      countsBox.hidden = input.mode !== 'counts';
    },

    /** Counts typed into the fields, by group; null (and the fields marked) when one is not a whole number ≥ 0. */
    readCounts() {
      const values = {};
      let valid = true;
      for (const group of groups) {
        const field = counts[group].input;
        const text = field.value.trim();
        const number = text === '' ? 0 : Number(text);
        const ok = !field.validity.badInput && Number.isSafeInteger(number) && number >= 0;
        if (ok) field.removeAttribute('aria-invalid');
        else field.setAttribute('aria-invalid', 'true');
        valid &&= ok;
        values[group] = number;
      }
      countsError.hidden = valid;
      return valid ? values : null;
    },

    /** Fills the count fields (a share link's counts) and switches to typing counts. */
    fillCounts(values) {
      for (const group of groups) counts[group].input.value = String(values[group]);
      input.setMode('counts');
    },

    relabel(placeholder) {
      const { say } = host.texts();
      modeLegend.textContent = say('modeLegend');
      modes.paste.text.textContent = say('modePaste');
      modes.counts.text.textContent = say('modeCounts');
      textarea.placeholder = placeholder;
      countsHint.textContent = say('countsHint');
      countsError.textContent = say('countsInvalid');
      for (const group of groups) counts[group].label.textContent = say(group);
      labelBig();
      files.relabel();
      picker.relabel();
    },

    label,
  };

  function buildCounts(wanted) {
    groups = wanted;
    counts = {};
    countsRow.replaceChildren(...groups.map((group) => {
      const fieldLabel = h('label', { for: id(group) });
      const field = h('input', { id: id(group), type: 'number', min: '0', step: '1', inputmode: 'numeric', part: `count ${group}` });
      field.addEventListener('input', () => host.changed());
      counts[group] = { label: fieldLabel, input: field };
      return h('div', {}, fieldLabel, field);
    }));
  }

  input.setText(initialText);
  return input;
}
