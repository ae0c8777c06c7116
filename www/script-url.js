// Where the running classic script came from. document.currentScript is set
// only while a classic script runs its top level, so it is read once, when
// this module is evaluated inside the embed, and kept.
const script = globalThis.document?.currentScript;
const captured = { src: script?.src || '', nonce: script?.nonce || '' };

/** { src, nonce } of the script whose evaluation included this module ('' each when none: a module script, Node). */
export function ownScript() {
  return captured;
}
