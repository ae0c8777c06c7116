// Whether the core can be called yet, for the widget code that must not call
// it before. This version is for the builds that bundle the core (the
// package's widget, the embed without WebAssembly, the source tree): the core
// is always there. dist/loyalty-calculator.js puts core-loader-late.js in its
// place (scripts/build.mjs), whose core is dist/loyalty-core.js, loaded when
// first needed. Both have the same contract:
//
//   coreLoaded() → boolean: whether the core's functions can be called now.
//   loadCore() → Promise<void>: resolves once they can; later calls share the
//     first load, and a failed load is tried afresh on the next call. Rejects
//     with an Error of code 'core-unavailable' that names the file.
//   coreWantedAtOnce() → boolean: whether to load the core without waiting
//     for a visitor to need it (WebAssembly looks blocked here, and the core
//     is what words that for the page).

export const coreLoaded = () => true;
export const loadCore = () => Promise.resolve();
export const coreWantedAtOnce = () => false;
