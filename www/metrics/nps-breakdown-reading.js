// Reading with the breakdown's columns. The core reads the segment, date and
// comment columns only when asked, and what it suggests comes with a report.
// So a text or a file is first looked at (its first MiB read alone: the core
// decides the layout and its suggestions on the first lines), the choices are
// resolved against that table, and then the whole is read with them: one
// reading of a file, a report with everything for a paste.
import { analyzeNps, createNpsReader } from '../../js/core.js';

export const ROLES = ['segment', 'date', 'comment'];
export const PERIODS = ['day', 'week', 'month', 'quarter', 'year'];
export const ORDERS = ['day-first', 'month-first'];
/** A choice that follows the core's suggestion. */
export const AUTO = 'auto';
/** How much of a text or of a file's first slice is looked at before it is read with the columns chosen. */
const LOOK = 1 << 20;

/**
 * A short fingerprint of a table's columns, or null for a list: choices made
 * for a table hold while its columns stay the same.
 */
export function layoutKey(report) {
  if (report?.layout?.kind !== 'table' || !Array.isArray(report.columns)) return null;
  const text = report.columns.map((c) => `${c.index}\u0001${c.name ?? ''}\u0001${c.shortName ?? ''}`).join('\u0002');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${report.columns.length}.${(hash >>> 0).toString(36)}`;
}

/**
 * The core's options for the breakdown `wanted` ({ layout, segment, date,
 * comment, period, dateOrder }; a column is 'auto' when missing, null for
 * none, or an index) on the table `look` describes: 'auto' takes the column
 * the core suggests, an index must be a column of the table other than the
 * answers, and choices made for another table count as 'auto'.
 */
export function extraOptions(wanted, look) {
  const extra = {};
  const key = layoutKey(look);
  if (!wanted || key === null || !look.suggested) return extra;
  const same = wanted.layout === key;
  const columns = new Set(look.columns.map((column) => column.index));
  for (const role of ROLES) {
    const choice = same && Object.hasOwn(wanted, role) ? wanted[role] : AUTO;
    const index = choice === AUTO ? look.suggested[role] : choice;
    if (Number.isInteger(index) && columns.has(index) && index !== look.column?.index) extra[role] = index;
  }
  if (Object.hasOwn(extra, 'date') && same) {
    if (PERIODS.includes(wanted.period)) extra.period = wanted.period;
    if (ORDERS.includes(wanted.dateOrder)) extra.dateOrder = wanted.dateOrder;
  }
  return extra;
}

const coreOptions = ({ level, method, column }) => (column === undefined ? { level, method } : { level, method, column });
const none = (extra) => Object.keys(extra).length === 0;

/** analyzeNps with the breakdown of `options.breakdown` resolved against the text's table. */
export function analyzeWithBreakdown(text, options) {
  const base = coreOptions(options);
  if (!options.breakdown) return analyzeNps(text, base);
  const whole = text.length <= LOOK;
  const look = analyzeNps(whole ? text : text.slice(0, LOOK), base);
  const extra = extraOptions(options.breakdown, look);
  if (none(extra)) return whole ? look : analyzeNps(text, base);
  return analyzeNps(text, { ...base, ...extra });
}

/**
 * createNpsReader with the breakdown of `options.breakdown`, resolved when
 * the first chunk comes (its first MiB read alone). Its `reportFor` is the
 * core's: the column read with its breakdown, any other without.
 */
export function breakdownReader(options) {
  const base = coreOptions(options);
  if (!options.breakdown) return createNpsReader(base);
  let reader = null;
  const open = (first) => {
    const look = createNpsReader(base);
    let extra;
    try {
      look.push(first.length > LOOK ? (typeof first === 'string' ? first.slice(0, LOOK) : first.subarray(0, LOOK)) : first);
      extra = extraOptions(options.breakdown, look.finish());
    } finally {
      look.free();
    }
    reader = createNpsReader({ ...base, ...extra });
  };
  return {
    push(chunk) {
      if (!reader) open(chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : chunk);
      reader.push(chunk);
    },
    finish() {
      reader ??= createNpsReader(base);
      return reader.finish();
    },
    reportFor: (column) => reader.reportFor(column),
    free() {
      reader?.free();
    },
  };
}
