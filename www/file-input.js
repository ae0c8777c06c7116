// Giving the element a file: a "Choose file" button and a drop anywhere on
// the element, a progress bar with Cancel while it is read, then a summary
// line with Clear. The file that was read stays the input (its reader kept
// for another column) until the next input; a cancelled or failed file
// leaves the previous result as it was.
import { h } from './dom.js';
import { bilingual } from './strings.js';
import { readFile } from './file-reading.js';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,text/csv,text/plain,text/tab-separated-values';

export const FILE_STRINGS = bilingual({
  chooseFile: ['Choose file', 'Bestand kiezen'],
  dropHint: ['or drop a CSV, TSV, TXT or XLSX file here', 'of sleep een CSV-, TSV-, TXT- of XLSX-bestand hierheen'],
  dropHere: ['Drop the file to read it', 'Laat het bestand los om het te lezen'],
  reading: ['Reading {name}: {done} of {total} · {rows} rows', '{name} wordt gelezen: {done} van {total} · {rows} rijen'],
  cancel: ['Cancel', 'Annuleren'],
  fileRead: ['{name} · {size} · {rows} rows', '{name} · {size} · {rows} rijen'],
  fileReadOne: ['{name} · {size} · 1 row', '{name} · {size} · 1 rij'],
  spreadsheetUnreadable: [
    'This spreadsheet cannot be read here. Save it as CSV and choose that file.',
    'Dit werkblad kan hier niet worden gelezen. Sla het op als CSV en kies dat bestand.',
  ],
});

/**
 * The file controls. `host` is the element's. `hooks`: `given()` when a file
 * is given, `loaded()` when its first report is about to be shown (the text
 * gives way to it), `published(report, metric)` after every report of the
 * file, `cleared()` after Clear.
 */
export function fileInput(host, hooks) {
  const { id } = host;
  const chooser = h('input', { type: 'file', id: id('file'), accept: ACCEPT, class: 'vh', part: 'file-input' });
  const button = h('label', { for: chooser.id, part: 'file-button', class: 'file-button' });
  const hint = h('span', { class: 'hint' });
  chooser.addEventListener('change', () => {
    const [file] = chooser.files;
    chooser.value = ''; // the same file chosen again is read again
    if (file) give(file);
  });

  const bar = h('progress', { 'aria-labelledby': id('progress') });
  const barText = h('p', { id: id('progress') });
  const cancel = h('button', { type: 'button', part: 'cancel' });
  const progressBox = h('div', { part: 'progress', class: 'big reading', hidden: true }, barText, bar, h('div', { class: 'buttons' }, cancel));
  const summaryText = h('p', {});
  const clear = h('button', { type: 'button' });
  const summary = h('div', { part: 'file', class: 'big', hidden: true }, summaryText, h('div', { class: 'buttons' }, clear));
  const error = h('p', { part: 'file-error', class: 'error', role: 'alert', hidden: true });
  const drop = h('div', { part: 'drop', class: 'drop', hidden: true });

  let shown = null; // the file that is the input: { file, metric, key, column, reading, report }
  let pending = null; // the file being read, shown when done
  let progress = null;

  const stop = (job) => job?.reading.stop();
  /** Whether `job` is the file being read; it no longer is afterwards. */
  const settled = (job) => {
    if (pending !== job) return false;
    pending = null;
    showProgress(null);
    return true;
  };

  cancel.addEventListener('click', () => {
    stop(pending);
    settled(pending);
    chooser.focus();
  });
  clear.addEventListener('click', () => {
    files.clear();
    hooks.cleared();
  });

  const accepts = (event) => host.metric().readsText && event.dataTransfer?.types.includes('Files');
  host.on('dragover', (event) => {
    if (!accepts(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    drop.hidden = false;
  });
  host.on('dragleave', () => (drop.hidden = true));
  host.on('drop', (event) => {
    drop.hidden = true;
    const file = accepts(event) && event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    give(file);
  });

  function give(file) {
    hooks.given();
    read(file, host.metric(), host.options());
  }

  function read(file, metric, options, column) {
    stop(pending);
    const job = { file, metric, key: JSON.stringify(options), column };
    pending = job;
    error.hidden = true;
    job.reading = readFile(file, metric, column === undefined ? options : { ...options, column }, (detail) => {
      if (pending !== job) return;
      showProgress(detail);
      host.notify('loyalty-progress', detail);
    });
    showProgress({ bytes: 0, total: file.size, rows: 0 });
    job.reading.report.then((report) => {
      if (!settled(job)) return;
      stop(shown);
      shown = job;
      hooks.loaded();
      publish(report);
    }, (failure) => {
      if (!settled(job)) return;
      stop(job);
      // A trap in the module (in the worker or here): the shell says so in the
      // visitor's language; the next file gets a fresh worker and instance.
      if (failure.code === 'wasm-trap') {
        host.failed();
        return;
      }
      error.textContent = failure.spreadsheet ? host.texts().say('spreadsheetUnreadable') : failure.message;
      error.hidden = false;
      host.fail('failed', error.textContent);
    });
  }

  function publish(report) {
    shown.report = report;
    labelSummary();
    hooks.published(host.publish(() => report), shown.metric);
  }

  function showProgress(detail) {
    progress = detail;
    progressBox.hidden = !detail;
    if (!detail) return;
    const { say, numbers: n } = host.texts();
    bar.max = detail.total || 1;
    bar.value = detail.bytes;
    barText.textContent = say('reading', { name: pending.file.name, done: n.bytes(detail.bytes), total: n.bytes(detail.total), rows: n.count(detail.rows) });
    cancel.textContent = say('cancel');
  }

  function labelSummary() {
    summary.hidden = !shown;
    if (!shown) return;
    const { say, numbers: n } = host.texts();
    const { rows } = shown.report;
    summaryText.textContent = say(rows === 1 ? 'fileReadOne' : 'fileRead', { name: shown.file.name, size: n.bytes(shown.file.size), rows: n.count(rows) });
    clear.textContent = say('bigClear');
  }

  const files = {
    controls: h('div', { class: 'file' }, chooser, button, ' ', hint),
    progress: progressBox,
    summary,
    error,
    drop,

    /** Whether a file is the input. */
    active: () => Boolean(shown),

    /**
     * Shows the file's report for the element's options now, reading the
     * file again only when they changed (the level, the method, the scale).
     */
    compute(metric, options) {
      const key = JSON.stringify(options);
      if (pending ? pending.key === key : shown.key === key) {
        if (!pending) publish(shown.report);
        return;
      }
      read(shown.file, metric, options, shown.column);
    },

    /**
     * The report for another column, from the reader kept for the file; a
     * reader that cannot give one (the SCI's, which joins three columns row
     * by row) has the file read again in the columns chosen.
     */
    async choose(column) {
      const job = shown;
      let report;
      try {
        report = await job.reading.reportFor(column);
      } catch {
        if (shown === job) read(job.file, job.metric, JSON.parse(job.key), column);
        return;
      }
      if (shown !== job) return;
      job.column = column;
      publish(report);
    },

    /** Forgets the file and any file being read, freeing their readers. */
    clear() {
      stop(pending);
      stop(shown);
      pending = shown = null;
      showProgress(null);
      labelSummary();
      error.hidden = true;
    },

    relabel() {
      const { say } = host.texts();
      button.textContent = say('chooseFile');
      hint.textContent = say('dropHint');
      drop.textContent = say('dropHere');
      if (progress) showProgress(progress);
      labelSummary();
    },
  };
  return files;
}
