// Reading a file given to the element: in slices pushed into a metric's
// streaming reader, with progress, in a Web Worker where one can run and on
// the main thread otherwise. The reader is kept after the file is read, so a
// report for another column needs no second reading. The file never leaves
// the browser: slices come from File.slice(), nothing is fetched or sent.
//
// The worker is the embed script itself (the one file on the host's site):
// the page side posts { file, metric, options } and then { column }; the
// worker answers { progress }, then { report } or { error } for each.
import { isXlsx, loadXlsx } from './xlsx-loader.js';
import { loadCore } from './core-loader.js';

const WORKER_SLICE = 4 << 20;
// Small enough that pushing one slice stays well under 50 ms on a slow phone.
const MAIN_SLICE = 1 << 20;
const TAG = 'loyalty-file';

let workerUrl = null;

/** The script to start as the reading worker (the embed's own URL); none reads on the main thread. */
export function useFileWorker(url) {
  workerUrl = url || null;
}

const pause = () => (globalThis.scheduler?.yield ? scheduler.yield() : new Promise((done) => setTimeout(done)));

/** The newlines in a slice of bytes: the rows read so far, near enough for progress. */
function newlines(bytes) {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) count++;
  return count;
}

/**
 * Pushes `file` into `reader` slice by slice, calling `progress({ bytes,
 * total, rows })` after each and awaiting `wait()` between them. Returns
 * false when `stopped()` turned true on the way.
 */
async function feed(file, reader, size, progress, wait, stopped = () => false) {
  let rows = 0;
  for (let bytes = 0; bytes < file.size;) {
    const slice = new Uint8Array(await file.slice(bytes, bytes + size).arrayBuffer());
    if (stopped()) return false;
    reader.push(slice);
    bytes += slice.length;
    rows += newlines(slice);
    progress({ bytes, total: file.size, rows });
    await wait?.();
  }
  return !stopped();
}

/** The worker's side: called when the embed script runs as a worker. */
export function serveFileReading(metricNamed) {
  let reader = null;
  addEventListener('message', async ({ data }) => {
    if (data?.tag !== TAG) return;
    try {
      if (Object.hasOwn(data, 'column')) {
        postMessage({ report: reader.reportFor(data.column) });
        return;
      }
      await loadCore(); // in the embed, the core comes beside the worker's script
      reader = metricNamed(data.metric).reader(data.options);
      await feed(data.file, reader, WORKER_SLICE, (progress) => postMessage({ progress }));
      postMessage({ report: reader.finish() });
    } catch (error) {
      // The code (such as wasm-trap) crosses too, so the page words it as its own.
      postMessage({ error: String(error?.message ?? error), code: error?.code });
    }
  });
}

/**
 * Starts reading `file` with `metric.reader(options)`. Returns the reading:
 * `report` (a promise of the report), `reportFor(column)` (a promise of the
 * report for another column, from the same reader) and `stop()`, which
 * cancels a reading under way or frees a finished one. A spreadsheet is
 * turned into text first, on the main thread (its reader is a script the
 * page loads); `spreadsheet` on the error says it could not be.
 */
export function readFile(file, metric, options, progress) {
  let stopped = false;
  let reader = null;
  let worker = null;
  const waiting = []; // the worker's answers come in the order they were asked for

  function inWorker() {
    return new Promise((resolve, reject) => {
      worker = new Worker(workerUrl);
      worker.onmessage = ({ data }) => {
        if (stopped) return;
        if (data.progress) progress(data.progress);
        else if (data.error) waiting.shift().reject(Object.assign(new Error(data.error), { code: data.code }));
        else waiting.shift().resolve(data.report);
      };
      // A worker that cannot start or run (a CSP without worker-src, no
      // WebAssembly there) says so here; the main thread reads instead.
      worker.onerror = (event) => {
        event.preventDefault();
        worker.terminate();
        worker = null;
        reject(new Error('no worker'));
      };
      waiting.push({ resolve, reject });
      worker.postMessage({ tag: TAG, file, metric: metric.name, options });
    });
  }

  async function onMainThread() {
    await loadCore(); // a file given before the embed's core has come waits for it
    if (stopped) return new Promise(() => {});
    reader = metric.reader(options);
    const read = await feed(file, reader, MAIN_SLICE, (p) => !stopped && progress(p), pause, () => stopped);
    // A cancelled reading never reports.
    return read && !stopped ? reader.finish() : new Promise(() => {});
  }

  /** A spreadsheet's first sheet as text, read in one go: its reader holds the whole sheet anyway. */
  async function fromSpreadsheet() {
    let sheet;
    try {
      sheet = await (await loadXlsx()).xlsxToText(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      error.spreadsheet = true;
      throw error;
    }
    await loadCore();
    if (stopped) return new Promise(() => {});
    reader = metric.reader(options);
    reader.push(sheet.text);
    progress({ bytes: file.size, total: file.size, rows: sheet.rows });
    return reader.finish();
  }

  async function start() {
    if (isXlsx(await file.slice(0, 8).arrayBuffer(), file.name)) return fromSpreadsheet();
    if (workerUrl && typeof Worker === 'function') {
      try {
        return await inWorker();
      } catch (error) {
        if (worker) throw error; // the reader's own error; a worker that failed is gone
        workerUrl = null; // and so for every later file
      }
    }
    return onMainThread();
  }

  return {
    report: start(),
    reportFor(column) {
      if (!worker) return Promise.resolve(reader.reportFor(column));
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage({ tag: TAG, column });
      });
    },
    stop() {
      stopped = true;
      worker?.terminate();
      reader?.free();
      reader = worker = null;
    },
  };
}
