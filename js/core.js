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
