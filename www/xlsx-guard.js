// What the widget needs about spreadsheets before the reader is loaded: which
// files belong to it rather than to the text reader, and the error when it
// cannot be loaded. Kept apart from xlsx.js: this module pulls in nothing.

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4": every .xlsx is a zip archive
// An OLE2 compound file: a password-protected .xlsx or a legacy .xls, both of
// which xlsxToText recognises and explains rather than leaving the text
// reader to count binary noise.
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes, magic) => bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);

/** A Uint8Array over `bytes` (an ArrayBuffer or any view), or null when it is neither. */
export function byteView(bytes) {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return null;
}

/** True when the bytes start like a zip archive. */
export const isZip = (bytes) => startsWith(bytes, ZIP);

/** True when the bytes start like an OLE2 compound file. */
export const isOle2 = (bytes) => startsWith(bytes, OLE2);

/**
 * isXlsx(bytes, fileName?) → boolean: whether a file should go to
 * xlsxToText instead of being read as text. True when the bytes (an
 * ArrayBuffer or Uint8Array; only the first 8 are looked at) start like a
 * zip archive or an OLE2 compound file, or when `fileName` ends in .xlsx,
 * .xlsm or .xls whatever the bytes. A CSV or text export is never either, so
 * a false here means: read it as text. xlsxToText then rejects files that are
 * not workbooks after all (a .docx, a damaged file) with a clear message.
 */
export function isXlsx(bytes, fileName) {
  const view = byteView(bytes);
  if (view && (isZip(view) || isOle2(view))) return true;
  return typeof fileName === 'string' && /\.xls[xm]?$/i.test(fileName.trim());
}

/**
 * The Error loadXlsx rejects with when the reader cannot be loaded (the file
 * is missing, blocked by the page's policy, or fails): `code` 'xlsx-unavailable'.
 */
export function readerUnavailable(cause) {
  const error = new Error(
    'The spreadsheet reader is not available here. Save the sheet as CSV (in Excel: File › Save As › CSV) and choose that file instead.',
    cause ? { cause } : undefined,
  );
  error.code = 'xlsx-unavailable';
  return error;
}
