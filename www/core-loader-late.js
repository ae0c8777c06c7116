// The embed's version of core-loader.js (same contract; see there). The core
// (the WebAssembly module and the views that only draw its results) is the
// classic script dist/loyalty-core.js beside the embed, so that a page that
// shows the calculator pays for the 40 KB of the embed alone until a visitor
// or a script needs a result. In the embed, every function of a module that
// comes with the core is a stand-in (scripts/build.mjs) that calls
// lateModule(key) for the loaded module.
import { loadBeside } from './script-url.js';

const CORE_FILE = 'loyalty-core.js';
// The core script sets it to a promise of its modules, which it resolves once
// its WebAssembly is compiled; a copy of the embed that comes second on a
// page takes the first one's.
const GLOBAL = 'LoyaltyCore';
let modules = null;
let loading = null;

export const coreLoaded = () => modules !== null;

export function loadCore() {
  if (modules) return Promise.resolve();
  loading ??= (globalThis[GLOBAL] ? Promise.resolve(globalThis[GLOBAL]) : loadBeside(CORE_FILE, GLOBAL)).then(
    (ready) => {
      modules = ready;
    },
    (cause) => {
      loading = null;
      const error = new Error(`loyalty-score: the calculator's core did not load (${cause?.message ?? cause}). Serve ${CORE_FILE} beside loyalty-calculator.js, and allow it in the page's Content-Security-Policy as the embed is.`, { cause });
      error.code = 'core-unavailable';
      throw error;
    },
  );
  return loading;
}

// The smallest valid module: where even this cannot be compiled and run (a
// policy without 'wasm-unsafe-eval' stops WebKit at the instance, the others
// at the module), the core's own error, and the element's notice, should
// come without waiting.
const EMPTY_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);

export function coreWantedAtOnce() {
  try {
    new WebAssembly.Instance(new WebAssembly.Module(EMPTY_MODULE));
    return false;
  } catch {
    return true;
  }
}

/** The functions of the late module `key`, or an Error (code 'core-not-loaded') when the core has not arrived. */
export function lateModule(key) {
  if (modules) return modules[key];
  const error = new Error('loyalty-score: the core has not loaded yet. In the embed, await LoyaltyScore.load() before the first call.');
  error.code = 'core-not-loaded';
  throw error;
}
