// Where the running classic script came from, and the scripts loaded beside
// it. document.currentScript is set only while a classic script runs its top
// level, so it is read once, when this module is evaluated inside the embed,
// and kept.
const script = globalThis.document?.currentScript;
const captured = { src: script?.src || '', nonce: script?.nonce || '' };

/** { src, nonce } of the script whose evaluation included this module ('' each when none: a module script, Node). */
export function ownScript() {
  return captured;
}

/**
 * Runs the classic script `file` from beside this one and resolves to
 * `globalThis[name]`, which the script defines. A <script> element is allowed
 * by script-src 'self' and, through the embed's nonce, by nonce-based
 * policies too; in a worker started from the embed, importScripts loads it.
 * Rejects (with no reason of its own: callers word the error) when the file
 * is missing (404), blocked by the page's Content-Security-Policy, or ran
 * without defining `name` (an HTML error page).
 */
export function loadBeside(file, name) {
  return new Promise((resolve, reject) => {
    const page = globalThis.document;
    if (!page) {
      if (typeof importScripts !== 'function') throw new Error('no document and no importScripts');
      importScripts(new URL(file, globalThis.location.href).href);
      if (!globalThis[name]) throw new Error(`${file} did not define ${name}`);
      resolve(globalThis[name]);
      return;
    }
    const { src, nonce } = ownScript();
    const added = page.createElement('script');
    // Under a bundler or a module script there is no current script, and the
    // page's own folder is the best guess.
    added.src = new URL(file, src || page.baseURI).href;
    added.async = true;
    if (nonce) added.nonce = nonce;
    const fail = () => {
      added.remove();
      reject(new Error(`${added.src} did not load or did not define ${name}`));
    };
    // A script blocked by the policy, or answered with 404, fires `error`; one
    // that ran but was not the script asked for fires `load`.
    added.addEventListener('error', fail);
    added.addEventListener('load', () => (globalThis[name] ? resolve(globalThis[name]) : fail()));
    (page.head ?? page.documentElement).append(added);
  });
}
