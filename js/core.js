// The JavaScript face of the loyalty-score core. The WebAssembly module is
// inlined as base64 and instantiated synchronously on import, so there is no
// init call, no .wasm file to serve and no fetch: the same file works in
// Node, bundlers, workers, classic scripts and pages opened from disk.
import {
  initSync,
  inputBuffer,
  analyzeNpsInput,
  analyzeSciInput,
  analyzeLikertInput,
  retention as retentionReport,
  customerLifetimeValue as lifetimeValue,
  npsFromCounts as countsReport,
  compareNps as compareCounts,
  npsSampleSize as sampleSize,
  NpsStream,
  SciStream,
  LikertStream,
} from '../target/wasm-bindgen/loyalty_score.js';
import wasmBase64 from '../.build/wasm-base64.js';
import { decodeBase64 } from './base64.js';

const wasm = initSync({ module: decodeBase64(wasmBase64) });
const encoder = new TextEncoder();

// Writes `text` as UTF-8 into the module's input buffer with encodeInto, which
// copies natively, and returns the number of bytes written.
function writeInput(text) {
  let capacity = text.length; // exact for ASCII, the usual paste
  let address = inputBuffer(capacity);
  let { read, written } = encoder.encodeInto(text, new Uint8Array(wasm.memory.buffer, address, capacity));
  while (read < text.length) {
    // Each UTF-16 code unit left needs at most 3 bytes.
    capacity = written + (text.length - read) * 3;
    address = inputBuffer(capacity);
    const more = encoder.encodeInto(
      text.slice(read),
      new Uint8Array(wasm.memory.buffer, address + written, capacity - written),
    );
    read += more.read;
    written += more.written;
  }
  return written;
}

// Copies file bytes into the module's input buffer.
function writeBytes(bytes) {
  const address = inputBuffer(bytes.length);
  new Uint8Array(wasm.memory.buffer, address, bytes.length).set(bytes);
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
  return analyzeNpsInput(writeInput(text), options);
}

/** NPS report for { promoters, passives, detractors }. */
export function npsFromCounts(counts, options) {
  return countsReport(counts, options);
}

/** Change from `before` to `after`, each counts, a report, or pasted text. */
export function compareNps(before, after, options) {
  const asCounts = (sample) => (typeof sample === 'string' ? analyzeNps(sample, options) : sample);
  return compareCounts(asCounts(before), asCounts(after), options);
}

/** Respondents needed for a margin of error of ±margin NPS points. */
export function npsSampleSize(request) {
  return sampleSize(request);
}

/** Secure Customer Index and Customer Loyalty Index from three columns of answers. */
export function analyzeSci(text, options) {
  requireText('analyzeSci', text);
  return analyzeSciInput(writeInput(text), options);
}

/** Likert / CSAT summary of one column of answers. */
export function analyzeLikert(text, options) {
  requireText('analyzeLikert', text);
  return analyzeLikertInput(writeInput(text), options);
}

/** Retention and churn over a period. */
export function retention(period) {
  return retentionReport(period);
}

/** Customer lifetime value (Gupta & Lehmann 2003). */
export function customerLifetimeValue(input) {
  return lifetimeValue(input);
}

/**
 * A reader that takes a survey export in chunks: strings, or Uint8Arrays of a
 * file's bytes (the encoding is found from them), in any sizes. `finish()`
 * returns the report, `reportFor(column)` afterwards another column's without
 * reading again, and `free()` gives its memory back at once.
 */
function streamReader(name, Stream, options) {
  const stream = new Stream(options);
  let ended = false;
  let freed = false;
  const live = (what) => {
    if (freed) throw new Error(`${name}: ${what} after free()`);
  };
  return {
    push(chunk) {
      live('push');
      if (ended) throw new Error(`${name}: push after finish()`);
      if (typeof chunk === 'string') stream.push(writeInput(chunk), true);
      else if (chunk instanceof Uint8Array) stream.push(writeBytes(chunk), false);
      else if (chunk instanceof ArrayBuffer) stream.push(writeBytes(new Uint8Array(chunk)), false);
      else throw new TypeError(`${name}: a chunk must be a string or a Uint8Array, got ${chunk === null ? 'null' : typeof chunk}`);
    },
    finish() {
      live('finish');
      ended = true;
      return stream.finish();
    },
    reportFor(column) {
      live('reportFor');
      if (!ended) throw new Error(`${name}: reportFor before finish()`);
      if (typeof stream.reportFor !== 'function') throw new Error(`${name}: the SCI joins three columns row by row; read the text again with other columns`);
      return stream.reportFor(column);
    },
    free() {
      if (!freed) stream.free();
      freed = true;
    },
  };
}

/** NPS of a survey export pushed in chunks (see streamReader). */
export function createNpsReader(options) {
  return streamReader('createNpsReader', NpsStream, options);
}

/** Likert / CSAT of a survey export pushed in chunks. */
export function createLikertReader(options) {
  return streamReader('createLikertReader', LikertStream, options);
}

/** SCI and CLI of a survey export pushed in chunks (no reportFor). */
export function createSciReader(options) {
  return streamReader('createSciReader', SciStream, options);
}
