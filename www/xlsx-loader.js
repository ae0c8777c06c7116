// Loads the spreadsheet reader on demand. This is the embed's version: the
// reader is the classic script dist/loyalty-xlsx.js beside the embed
// (script-url.js loadBeside). The package's builds get
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
import { loadBeside } from './script-url.js';
import { readerUnavailable } from './xlsx-guard.js';

export { isXlsx, readerUnavailable } from './xlsx-guard.js';

const READER_FILE = 'loyalty-xlsx.js';
let loading = null;

export function loadXlsx() {
  if (globalThis.LoyaltyXlsx) return Promise.resolve(globalThis.LoyaltyXlsx);
  loading ??= loadBeside(READER_FILE, 'LoyaltyXlsx').catch(() => {
    loading = null;
    throw readerUnavailable();
  });
  return loading;
}
