// Loads the spreadsheet reader on demand. This is the embed's version: the
// reader is the classic script dist/loyalty-xlsx.js beside the embed, added
// with a <script> element (allowed by script-src 'self' and, through the
// embed's nonce, by nonce-based policies too). The package's builds get
// xlsx-loader-package.js in its place (scripts/build.mjs), which imports the
// package's own xlsx.mjs. Both have the same contract:
//
//   loadXlsx() → Promise<{ xlsxToText }>
//     Loads nothing until called; later calls share the first load, and a
//     failed load is tried afresh on the next call. Resolves to the reader,
//     whose xlsxToText(bytes) → Promise<{ text, sheet, rows }> is described
//     in xlsx.js; `text` goes to the same analysis as a pasted CSV export.
//     Rejects with readerUnavailable() (code 'xlsx-unavailable', a message
//     asking for CSV instead) when the file is missing (404), blocked by the
//     page's Content-Security-Policy, or does not define the reader.
//   isXlsx(bytes, fileName?) → boolean: whether a file goes to the reader at
//     all (xlsx-guard.js); it needs nothing loaded.
//
//   Use: if (isXlsx(bytes, file.name)) loadXlsx().then((x) => x.xlsxToText(bytes))
import { ownScript } from './script-url.js';
import { readerUnavailable } from './xlsx-guard.js';

export { isXlsx, readerUnavailable } from './xlsx-guard.js';

const READER_FILE = 'loyalty-xlsx.js';
let loading = null;

export function loadXlsx() {
  if (globalThis.LoyaltyXlsx) return Promise.resolve(globalThis.LoyaltyXlsx);
  loading ??= addReaderScript().catch((error) => {
    loading = null;
    throw error;
  });
  return loading;
}

function addReaderScript() {
  return new Promise((resolve, reject) => {
    const page = globalThis.document;
    if (!page) throw readerUnavailable();
    const { src, nonce } = ownScript();
    const script = page.createElement('script');
    // Beside the embed script; under a bundler or a module script there is no
    // current script, and the page's own folder is the best guess.
    script.src = new URL(READER_FILE, src || page.baseURI).href;
    script.async = true;
    if (nonce) script.nonce = nonce;
    const fail = () => {
      script.remove();
      reject(readerUnavailable());
    };
    // A script blocked by the policy, or answered with 404, fires `error`; one
    // that ran but was not the reader (an HTML error page) fires `load`.
    script.addEventListener('error', fail);
    script.addEventListener('load', () => (globalThis.LoyaltyXlsx ? resolve(globalThis.LoyaltyXlsx) : fail()));
    (page.head ?? page.documentElement).append(script);
  });
}
