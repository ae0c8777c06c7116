// The JavaScript face of the loyalty-score core. The WebAssembly module is
// inlined as base64 and instantiated synchronously on import, so there is no
// init call, no .wasm file to serve and no fetch: the same file works in
// Node, bundlers, workers, classic scripts and pages opened from disk.
//
// Instantiating is guarded: where WebAssembly cannot run (a page whose
// Content-Security-Policy lacks 'wasm-unsafe-eval', a browser with
// WebAssembly switched off) importing still works, and every function throws
// an Error that says why and how a site allows it. A trap or an
// out-of-memory inside the module leaves its memory in no known state, so
// the instance is dropped and the next call makes a fresh one.
// The glue is bundled as a factory (js/glue.js, scripts/build.mjs): each
// instance gets a glue of its own, so objects of a dropped instance never
// touch the new one.
import { glue, unbundled } from './glue.js';
import * as engine from '../.build/wasm-instance.js';
import { tapeReader } from './tape.js';

const CSP_FIX = "Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'";

let core = null; // { api, memory }: the glue and the instance it drives
let unavailable = null; // why WebAssembly cannot run here
let generation = 0; // which instance: readers of an earlier one refuse to go on

function start() {
  generation++;
  if (!glue) {
    // The source tree imported unbundled (tests of www/ in Node): the glue as
    // wasm-bindgen wrote it, which makes one instance for good.
    const exports = unbundled.initSync({ module: engine.compiled() });
    return { api: unbundled, memory: exports.memory, readTape: tapeReader(() => exports.memory) };
  }
  const api = glue();
  const instance = engine.instantiate(api.__wbg_get_imports());
  api.__wbg_finalize_init(instance, undefined);
  return { api, memory: instance.exports.memory, readTape: tapeReader(() => instance.exports.memory) };
}

// The module uses WebAssembly SIMD, which came in Chrome 91, Firefox 89,
// Safari 16.4 and Node 16.4: a module of one function returning a v128.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12, ...new Array(16).fill(0), 11]);

function lacksSimd() {
  try {
    return typeof WebAssembly === 'object' && !WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

function connect() {
  try {
    core = start();
  } catch (error) {
    const reason = error?.message ?? String(error);
    unavailable = new Error(
      lacksSimd()
        ? `loyalty-score cannot run here: this browser's WebAssembly has no SIMD, which came in Chrome 91, Firefox 89 and Safari 16.4 (${reason}). ` +
            'Use the build without WebAssembly (loyalty-calculator.nowasm.js).'
        : `loyalty-score cannot run here: WebAssembly is not allowed or not available (${reason}). ` +
            `On a web page, allow it with ${CSP_FIX}, or use the build without WebAssembly (loyalty-calculator.nowasm.js).`,
      { cause: error },
    );
    unavailable.code = 'wasm-unavailable';
  }
}

// At import, so that the first call is quick; the embed's late core
// (dist/loyalty-core.js) compiles its module before it says it is ready,
// and connects at the first call instead (scripts/build.mjs).
if (engine.eager !== false) connect();

/** The glue of a live instance; a fresh one after a trap. */
function live() {
  if (unavailable) throw unavailable;
  if (!core) connect();
  if (unavailable) throw unavailable;
  return core.api;
}

const isTrap = (error) => error instanceof RangeError || error?.name === 'RuntimeError' || (typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError);

/** Runs `body(api)`; a trap drops the instance and throws an Error that says so. */
function guarded(name, body) {
  const api = live();
  try {
    return body(api);
  } catch (error) {
    if (!isTrap(error)) throw error;
    core = null;
    const failed = new Error(`${name}: the WebAssembly module failed (${error.message}); the next call starts a fresh one`, { cause: error });
    failed.code = 'wasm-trap';
    throw failed;
  }
}

const memory = () => core.memory;

/** The report the last call wrote, `length` bytes of tape (js/tape.js). */
const report = (api, length) => core.readTape(api.outputBuffer(), length);
const encoder = new TextEncoder();

// Writes `text` as UTF-8 into the module's input buffer with encodeInto, which
// copies natively, and returns the number of bytes written.
function writeInput({ inputBuffer }, text) {
  let capacity = text.length; // exact for ASCII, the usual paste
  let address = inputBuffer(capacity);
  let { read, written } = encoder.encodeInto(text, new Uint8Array(memory().buffer, address, capacity));
  while (read < text.length) {
    // Each UTF-16 code unit left needs at most 3 bytes.
    capacity = written + (text.length - read) * 3;
    address = inputBuffer(capacity);
    const more = encoder.encodeInto(
      text.slice(read),
      new Uint8Array(memory().buffer, address + written, capacity - written),
    );
    read += more.read;
    written += more.written;
  }
  return written;
}

// Copies file bytes into the module's input buffer.
function writeBytes({ inputBuffer }, bytes) {
  const address = inputBuffer(bytes.length);
  new Uint8Array(memory().buffer, address, bytes.length).set(bytes);
  return bytes.length;
}

function requireText(name, text) {
  if (typeof text !== 'string') {
    throw new TypeError(`${name}: text must be a string, got ${text === null ? 'null' : typeof text}`);
  }
}

/** NPS report for pasted 0–10 answers. */
export function analyzeNps(text, options) {
  requireText('analyzeNps', text);
  return guarded('analyzeNps', (api) => report(api, api.analyzeNpsInput(writeInput(api, text), options)));
}

/** NPS report for { promoters, passives, detractors }. */
export function npsFromCounts(counts, options) {
  return guarded('npsFromCounts', (api) => report(api, api.npsFromCounts(counts, options)));
}

/** Change from `before` to `after`, each counts, a report, or pasted text. */
export function compareNps(before, after, options) {
  const asCounts = (sample) => (typeof sample === 'string' ? analyzeNps(sample, options) : sample);
  const counts = [asCounts(before), asCounts(after)];
  return guarded('compareNps', (api) => report(api, api.compareNps(...counts, options)));
}

/** Respondents needed for a margin of error of ±margin NPS points. */
export function npsSampleSize(request) {
  return guarded('npsSampleSize', (api) => report(api, api.npsSampleSize(request)));
}

/** Secure Customer Index and Customer Loyalty Index from three columns of answers. */
export function analyzeSci(text, options) {
  requireText('analyzeSci', text);
  return guarded('analyzeSci', (api) => report(api, api.analyzeSciInput(writeInput(api, text), options)));
}

/** Likert / CSAT summary of one column of answers. */
export function analyzeLikert(text, options) {
  requireText('analyzeLikert', text);
  return guarded('analyzeLikert', (api) => report(api, api.analyzeLikertInput(writeInput(api, text), options)));
}

/** Retention and churn over a period. */
export function retention(period) {
  return guarded('retention', (api) => report(api, api.retention(period)));
}

/** Customer lifetime value (Gupta & Lehmann 2003). */
export function customerLifetimeValue(input) {
  return guarded('customerLifetimeValue', (api) => report(api, api.customerLifetimeValue(input)));
}

/**
 * A reader that takes a survey export in chunks: strings, or Uint8Arrays of a
 * file's bytes (the encoding is found from them), in any sizes. `finish()`
 * returns the report, `reportFor(column)` afterwards another column's without
 * reading again, and `free()` gives its memory back at once.
 */
function streamReader(name, className, options) {
  const stream = guarded(name, (api) => new api[className](options));
  const born = generation;
  let ended = false;
  let freed = false;
  const use = (what, body) => {
    if (freed) throw new Error(`${name}: ${what} after free()`);
    if (born !== generation || !core) throw new Error(`${name}: ${what} after the WebAssembly module failed; start a new reader`);
    return guarded(name, body);
  };
  return {
    push(chunk) {
      if (ended && !freed) throw new Error(`${name}: push after finish()`);
      use('push', (api) => {
        if (typeof chunk === 'string') stream.push(writeInput(api, chunk), true);
        else if (chunk instanceof Uint8Array) stream.push(writeBytes(api, chunk), false);
        else if (chunk instanceof ArrayBuffer) stream.push(writeBytes(api, new Uint8Array(chunk)), false);
        else throw new TypeError(`${name}: a chunk must be a string or a Uint8Array, got ${chunk === null ? 'null' : typeof chunk}`);
      });
    },
    finish() {
      return use('finish', (api) => {
        ended = true;
        return report(api, stream.finish());
      });
    },
    reportFor(column) {
      return use('reportFor', (api) => {
        if (!ended) throw new Error(`${name}: reportFor before finish()`);
        if (typeof stream.reportFor !== 'function') throw new Error(`${name}: the SCI joins three columns row by row; read the text again with other columns`);
        return report(api, stream.reportFor(column));
      });
    },
    free() {
      // A reader of a dropped instance has nothing left to give back.
      if (!freed && born === generation && core) stream.free();
      freed = true;
    },
  };
}

/** NPS of a survey export pushed in chunks (see streamReader). */
export function createNpsReader(options) {
  return streamReader('createNpsReader', 'NpsStream', options);
}

/** Likert / CSAT of a survey export pushed in chunks. */
export function createLikertReader(options) {
  return streamReader('createLikertReader', 'LikertStream', options);
}

/** SCI and CLI of a survey export pushed in chunks (no reportFor). */
export function createSciReader(options) {
  return streamReader('createSciReader', 'SciStream', options);
}
