// What leaves the widget on the visitor's request: the result as text for the
// clipboard, as CSV and JSON files, and files saved through a Blob and an
// <a download> click. Nothing is sent anywhere. Each metric says which rows
// and lines it exports; this module only writes them out.

/** A CSV cell: empty for null, quoted (RFC 4180) where it holds a comma, a quote or a line break. */
export function csvCell(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text a respondent wrote (a comment, a segment's name), for a CSV cell: one
 * that starts as a spreadsheet formula would (=, +, -, @, a tab or a carriage
 * return) gets an apostrophe in front, so a spreadsheet shows it as text
 * instead of computing it.
 */
export const textCell = (text) => (typeof text === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** Two-column CSV (field,value) of `rows`, with a dot for decimals whatever the language. */
export function csv(rows) {
  return ['field,value', ...rows.map(([field, value]) => `${csvCell(field)},${csvCell(value)}`)].join('\r\n') + '\r\n';
}

/** CSV of a table: the `head` row of column names, then `rows`. */
export function csvTable(head, rows) {
  return [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Lines of plain text for the clipboard. */
export function plain(lines) {
  // Word joiners keep labels together on screen; pasted elsewhere they only get in the way.
  return lines.join('\n').replace(/\u2060/g, '');
}

/** CSV rows for an interval's fields, named `<prefix>_<field>` (empty when there is no interval). */
export function intervalRows(prefix, interval, fields = ['method', 'level', 'low', 'high']) {
  return fields.map((field) => [`${prefix}_${field}`, interval?.[field]]);
}

export function resultJson(report) {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Offers `blob` as a file named `name` through a temporary <a download>. */
export function saveFile(blob, name, parent) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  parent.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Puts `text` on the clipboard; resolves to false where that is not allowed. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
