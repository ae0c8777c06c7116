// The wasm-bindgen glue as js/core.js takes it. Here, unbundled (the source
// tree imported by the tests of www/ in Node), it is the glue as wasm-bindgen
// wrote it, whose module state makes one instance for good. Every build puts
// a factory in this file's place (scripts/build.mjs), each call of which
// gives a glue with its own state. So no bundle holds a namespace object,
// whose esbuild helper walks it with for-in and breaks on a host page that
// added an enumerable property to Object.prototype.
import * as written from '../target/wasm-bindgen/loyalty_score.js';

export const glue = undefined;
export const unbundled = written;
