// Entry of dist/loyalty-calculator.js: one classic script that exposes the API
// as window.LoyaltyScore and registers <loyalty-calculator>. Started as a
// worker (by the element, with this script's own URL), it reads files there.
// Its core is dist/loyalty-core.js, loaded when first needed
// (core-loader-late.js): LoyaltyScore.load() resolves once the functions
// can be called. The embed without WebAssembly holds its core.
import {
  analyzeLikert, analyzeNps, analyzeSci, compareNps, createLikertReader, createNpsReader, createSciReader, customerLifetimeValue,
  npsFromCounts, npsSampleSize, retention,
} from '../js/core.js';
import { LoyaltyCalculator } from './element.js';
import { defineLoyaltyCalculator } from './define.js';
import { serveFileReading, useFileWorker } from './file-reading.js';
import { metricNamed } from './metrics/index.js';
import { loadCore } from './core-loader.js';

const load = () => loadCore().then(() => globalThis.LoyaltyScore);

// Named one by one: a namespace object would be built with for-in, which a
// page's enumerable additions to Object.prototype break (js/glue.js).
globalThis.LoyaltyScore = Object.freeze({
  analyzeLikert, analyzeNps, analyzeSci, compareNps, createLikertReader, createNpsReader, createSciReader, customerLifetimeValue,
  npsFromCounts, npsSampleSize, retention, LoyaltyCalculator, load,
});
if (typeof importScripts === 'function' && typeof document === 'undefined') {
  serveFileReading(metricNamed);
} else {
  // Only known while the script runs.
  useFileWorker(globalThis.document?.currentScript?.src);
  defineLoyaltyCalculator();
}
