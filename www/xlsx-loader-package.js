// The package's version of xlsx-loader.js (same contract; see there): the
// widget bundles in pkg/ resolve './xlsx-loader.js' to this file, and the
// reader is the package's own xlsx.mjs, imported on demand so that bundlers
// split it into a chunk of its own. './xlsx.mjs' exists only beside the built
// widget in pkg/, never next to this source.
import { readerUnavailable } from './xlsx-guard.js';

export { isXlsx, readerUnavailable } from './xlsx-guard.js';

let loading = null;

export function loadXlsx() {
  loading ??= import('./xlsx.mjs').then(
    ({ xlsxToText }) => ({ xlsxToText }),
    (cause) => {
      loading = null;
      throw readerUnavailable(cause);
    },
  );
  return loading;
}
