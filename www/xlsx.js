// The spreadsheet reader: an .xlsx workbook (a Microsoft Forms export, a file
// saved from Excel) becomes tab-separated text that the calculator reads like
// a CSV export. fflate unzips, saxen tokenises the XML; this module only knows
// SpreadsheetML: which sheet to read, shared strings, and which number formats
// are dates. It is bundled on its own (dist/loyalty-xlsx.js, the package's
// loyalty-score/xlsx) so the embed stays small and loads it only when needed.
import { unzipSync, strFromU8 } from 'fflate';
import { Parser, decode } from 'saxen';
import { byteView, isOle2, isXlsx, isZip } from './xlsx-guard.js';

export { isXlsx };

const MESSAGES = {
  'empty-file': 'The file is empty.',
  'not-xlsx': 'This file is not an Excel workbook (.xlsx). Save the sheet as .xlsx or as CSV, and choose that file.',
  'not-a-workbook': 'This file is a zip archive but not an Excel workbook (.xlsx). Save the sheet as .xlsx or as CSV, and choose that file.',
  'legacy-xls': 'This is an Excel 97–2003 workbook (.xls), which cannot be read here. Save it as .xlsx or as CSV, and choose that file.',
  encrypted: 'This workbook is protected with a password, so it cannot be read. Save a copy without the password, or save the sheet as CSV, and choose that file.',
  damaged: 'This workbook could not be read: it is damaged or incomplete. Open it in Excel and save it again, or save the sheet as CSV.',
  'no-data': 'This workbook has no data: all its worksheets are empty.',
};

/** An Error with one of the messages above and its key as `code`, for the widget to translate. */
function problem(code, cause) {
  const error = new Error(MESSAGES[code], cause ? { cause } : undefined);
  error.code = code === 'not-a-workbook' ? 'not-xlsx' : code;
  return error;
}

/**
 * xlsxToText(bytes) → Promise<{ text, sheet, rows }>
 *
 * `bytes`: the file, an ArrayBuffer or a Uint8Array (a Node Buffer will do).
 * `text`: the first visible worksheet that holds data, one line per row from
 *   row 1 to its last row with data, cells separated by tabs, every row as
 *   wide as the widest (so a blank answer stays a blank cell), each line
 *   ending in "\n". Cells as the sheet shows them: numbers to 15 significant
 *   digits, as Excel shows them (9, not 9.000000000000002); cells formatted as
 *   dates or times in ISO form, `2024-01-05T10:11:12`, `2024-01-05` or
 *   `10:11:12` as the format has a date, a time or both; TRUE and FALSE;
 *   error values such as #N/A as written; strings as they are, except that
 *   tabs and line breaks become spaces (so each row stays one line), and a
 *   cell holding a double quote is quoted as in CSV ("a ""b"" c") so the
 *   reader takes the quote literally. Formulas give their last computed value.
 * `sheet`: that worksheet's name. `rows`: the lines in `text`.
 *
 * Rejects with an Error whose English `message` says what to do and whose
 * `code` is one of 'empty-file', 'not-xlsx', 'legacy-xls', 'encrypted',
 * 'damaged', 'no-data'; with a TypeError when `bytes` is not binary data.
 */
export async function xlsxToText(bytes) {
  const data = byteView(bytes);
  if (!data) throw new TypeError(`xlsxToText: bytes must be an ArrayBuffer or a Uint8Array, got ${bytes === null ? 'null' : typeof bytes}`);
  if (data.length === 0) throw problem('empty-file');
  if (isOle2(data)) throw problem(containsUtf16(data, 'EncryptionInfo') ? 'encrypted' : 'legacy-xls');
  if (!isZip(data)) throw problem('not-xlsx');

  const archive = openArchive(data);
  const workbook = readWorkbook(archive);
  for (const sheet of workbook.sheets) {
    const grid = readSheet(archive, sheet.path, workbook);
    if (grid) return { text: gridText(grid), sheet: sheet.name, rows: grid.lastRow + 1 };
  }
  throw problem('no-data');
}

// ---- the archive -----------------------------------------------------------

// An encrypted workbook is an OLE2 file whose directory names this stream
// (in UTF-16LE); a legacy .xls has none.
function containsUtf16(data, name) {
  const pattern = Array.from(name, (char) => [char.charCodeAt(0), 0]).flat();
  outer: for (let i = 0; i + pattern.length <= data.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (data[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

// Parts are unzipped one at a time, when asked for: a workbook's other sheets
// and its images are never inflated. Part names are case-insensitive (OPC).
function openArchive(data) {
  const unzip = (filter) => {
    try {
      return unzipSync(data, { filter });
    } catch (error) {
      throw problem('damaged', error);
    }
  };
  const names = new Map();
  unzip(({ name }) => {
    names.set(name.toLowerCase(), name);
    return false;
  });
  return {
    has: (path) => names.has(path.toLowerCase()),
    text(path) {
      const name = names.get(path.toLowerCase());
      if (name === undefined) return null;
      const bytes = unzip((file) => file.name === name)[name];
      return strFromU8(bytes).replace(/^\uFEFF/, '');
    },
  };
}

// Relationship targets are relative to the folder of the part that names
// them, or absolute from the package root, and may be percent-encoded.
function resolvePart(fromPart, target) {
  const base = 'http://part/' + fromPart.slice(0, fromPart.lastIndexOf('/') + 1);
  const path = new URL(target, base).pathname.slice(1);
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const relsOf = (part) => {
  const slash = part.lastIndexOf('/') + 1;
  return `${part.slice(0, slash)}_rels/${part.slice(slash)}.rels`;
};

/** Map of relationship id → { type (its last path segment), path }. */
function readRelationships(archive, part) {
  const relationships = new Map();
  const xml = archive.text(relsOf(part));
  if (xml === null) return relationships;
  parseXml(xml, {
    open(name, attrs) {
      if (name !== 'Relationship' || attrs.TargetMode === 'External' || !attrs.Target) return;
      const type = (attrs.Type || '').slice((attrs.Type || '').lastIndexOf('/') + 1);
      relationships.set(attrs.Id, { type, path: resolvePart(part, attrs.Target) });
    },
  });
  return relationships;
}

// ---- XML -------------------------------------------------------------------

// SpreadsheetML may come with a prefix (`x:c` from some generators) in the
// transitional or the strict namespace; names are matched without it.
const localName = (name) => name.slice(name.indexOf(':') + 1);

function parseXml(xml, { open, close, text }) {
  const parser = new Parser();
  parser.on('error', (error) => {
    throw problem('damaged', error);
  });
  parser.on('openTag', (name, getAttrs, decodeEntities, selfClosing) => {
    const raw = getAttrs() || {};
    const attrs = {};
    for (const key of Object.keys(raw)) attrs[localName(key)] = decode(raw[key]);
    open?.(localName(name), attrs);
    if (selfClosing) close?.(localName(name));
  });
  if (close) {
    parser.on('closeTag', (name, decodeEntities, selfClosing) => {
      if (!selfClosing) close(localName(name));
    });
  }
  if (text) {
    parser.on('text', (value) => text(decode(value)));
    parser.on('cdata', (value) => text(value));
  }
  parser.parse(xml);
}

// Characters XML cannot hold are written as _xHHHH_ (_x000D_ for a carriage
// return); _x005F_ escapes an underscore that would otherwise start one.
const unescapeOoxml = (text) => text.replace(/_x([0-9a-fA-F]{4})_/g, (all, hex) => String.fromCharCode(parseInt(hex, 16)));

// ---- the workbook ----------------------------------------------------------

function readWorkbook(archive) {
  const workbookPart = [...readRelationships(archive, '').values()].find((rel) => rel.type === 'officeDocument')?.path ?? 'xl/workbook.xml';
  const xml = archive.text(workbookPart);
  if (xml === null) throw problem('not-a-workbook');

  const listed = [];
  let date1904 = false;
  parseXml(xml, {
    open(name, attrs) {
      if (name === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
      // Hidden sheets hold lookup lists and leftovers, not the answers a person sees.
      else if (name === 'sheet' && (attrs.state ?? 'visible') === 'visible') listed.push({ name: attrs.name ?? '', id: attrs.id });
    },
  });

  const relationships = readRelationships(archive, workbookPart);
  const partOf = (type) => [...relationships.values()].find((rel) => rel.type === type)?.path;
  const sheets = listed
    .map((sheet) => ({ name: sheet.name, rel: relationships.get(sheet.id) }))
    .filter(({ rel }) => rel?.type === 'worksheet' && archive.has(rel.path))
    .map(({ name, rel }) => ({ name, path: rel.path }));
  const sharedStrings = partOf('sharedStrings');
  const styles = partOf('styles');
  return {
    sheets,
    date1904,
    strings: sharedStrings ? readSharedStrings(archive.text(sharedStrings) ?? '') : [],
    dateStyles: styles ? readDateStyles(archive.text(styles) ?? '') : [],
  };
}

function readSharedStrings(xml) {
  const strings = [];
  let current = null;
  let inText = false;
  let phonetic = 0; // <rPh> holds a reading aid for East Asian text, not shown in the cell
  parseXml(xml, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inText = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si') {
        strings.push(unescapeOoxml(current));
        current = null;
      } else if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
    },
    text(value) {
      if (inText && !phonetic && current !== null) current += value;
    },
  });
  return strings;
}

// ---- dates -----------------------------------------------------------------

// Excel stores dates as numbers; only the number format says a cell is a date.
// The built-in formats (ids below 164) are not written in styles.xml.
const BUILT_IN_DATE_FORMATS = {
  14: 'yyyy-mm-dd', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'yyyy-mm-dd h:mm', 45: 'mm:ss', 47: 'mm:ss.0',
};
// East Asian locale date formats.
for (const id of [27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]) BUILT_IN_DATE_FORMATS[id] = 'yyyy-mm-dd';
for (const id of [32, 33, 55, 56]) BUILT_IN_DATE_FORMATS[id] = 'h:mm:ss';

/** { date, time } for a date or time format, or null for a number format. */
function dateKind(formatCode) {
  const section = formatCode
    .split(';')[0]
    .replace(/"[^"]*"/g, '') // literal text
    .replace(/\\.|_.|\*./g, '') // escaped characters, spacing and fill
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, ''); // colours, conditions, locales
  // Elapsed time ([h]:mm) is a duration, shown as its number.
  if (/\[[hms]+\]/i.test(section) || !/[ydmhs]/i.test(section)) return null;
  const time = /[hs]/i.test(section);
  return { date: /[yd]/i.test(section) || !time, time };
}

/** The date kind of each cell style (index of <xf> in <cellXfs>), or null. */
function readDateStyles(xml) {
  const formats = new Map();
  const styleFormats = [];
  let section = '';
  parseXml(xml, {
    open(name, attrs) {
      if (name === 'numFmts' || name === 'cellXfs') section = name;
      // <dxf> (conditional formats) holds <numFmt>s too; only <numFmts>' count.
      else if (name === 'numFmt' && section === 'numFmts') formats.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      else if (name === 'xf' && section === 'cellXfs') styleFormats.push(Number(attrs.numFmtId ?? 0));
    },
    close(name) {
      if (name === section) section = '';
    },
  });
  return styleFormats.map((id) => {
    const code = formats.get(id) ?? BUILT_IN_DATE_FORMATS[id];
    return code ? dateKind(code) : null;
  });
}

const pad = (n) => String(n).padStart(2, '0');

// Serial day numbers count from 1900-01-01 = 1, with Excel's phantom
// 1900-02-29 as 60; or, in the 1904 system, from 1904-01-01 = 0.
function serialDate(serial, kind, date1904) {
  if (!(serial >= 0 && serial < 2958466)) return null; // before 1900 or after 9999: Excel shows ####
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : serial < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  // Whole seconds: times are stored as fractions of a day with float noise (10:11:12 is 0.42444444444444446).
  const moment = new Date(epoch + Math.round(serial * 86400) * 1000);
  const day = `${moment.getUTCFullYear()}-${pad(moment.getUTCMonth() + 1)}-${pad(moment.getUTCDate())}`;
  const time = `${pad(moment.getUTCHours())}:${pad(moment.getUTCMinutes())}:${pad(moment.getUTCSeconds())}`;
  if (kind.date && kind.time) return `${day}T${time}`;
  return kind.date ? day : time;
}

// ---- a worksheet -----------------------------------------------------------

// Excel shows at most 15 significant digits; beyond them is binary noise.
function numberText(value) {
  const number = Number(value);
  return Number.isFinite(number) ? String(Number(number.toPrecision(15))) : value;
}

function cellText(type, style, value, inline, workbook) {
  switch (type) {
    case 's':
      return workbook.strings[Number(value)] ?? '';
    case 'inlineStr':
      return unescapeOoxml(inline ?? value ?? '');
    case 'str':
      return unescapeOoxml(value ?? '');
    case 'b':
      return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value ?? '';
    case 'e':
      return value ?? '';
    case 'd': {
      // An ISO date written as such (rare; the strict format and some generators).
      const iso = /^(\d{4}-\d\d-\d\d)(?:T(\d\d:\d\d:\d\d))?/.exec(value ?? '');
      return iso ? (iso[2] && iso[2] !== '00:00:00' ? `${iso[1]}T${iso[2]}` : iso[1]) : value ?? '';
    }
    default: {
      if (value === undefined || value === '') return '';
      const kind = workbook.dateStyles[Number(style ?? 0)];
      return (kind && serialDate(Number(value), kind, workbook.date1904)) || numberText(value);
    }
  }
}

// A1-style reference → 0-based column (A → 0, Z → 25, AA → 26).
function columnOf(reference) {
  let column = 0;
  for (const char of reference.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

/** The sheet's cells as { rows: Map(row → Map(column → text)), lastRow, width }, or null when it has none. */
function readSheet(archive, path, workbook) {
  const xml = archive.text(path);
  if (xml === null) return null;
  const rows = new Map();
  let lastRow = -1;
  let width = 0;
  // Row and cell references are optional: without one, a row or cell follows the previous.
  let row = -1;
  let column = -1;
  let cell = null;
  let target = null; // 'value' inside <v>, 'inline' inside <is><t>
  let phonetic = 0;
  parseXml(xml, {
    open(name, attrs) {
      if (name === 'row') {
        row = attrs.r ? Number(attrs.r) - 1 : row + 1;
        column = -1;
      } else if (name === 'c') {
        column = attrs.r ? columnOf(attrs.r) : column + 1;
        cell = { type: attrs.t, style: attrs.s, value: undefined, inline: undefined };
      } else if (cell && name === 'v') {
        cell.value = '';
        target = 'value';
      } else if (cell && name === 'is') {
        cell.inline = '';
      } else if (cell?.inline !== undefined && name === 't') {
        target = 'inline';
      } else if (name === 'rPh') {
        phonetic++;
      }
    },
    close(name) {
      if (name === 'v' || name === 't') target = null;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell) {
        const text = cellText(cell.type, cell.style, cell.value, cell.inline, workbook);
        cell = null;
        if (text.trim() === '' || row < 0 || column < 0) return;
        if (!rows.has(row)) rows.set(row, new Map());
        rows.get(row).set(column, text);
        lastRow = Math.max(lastRow, row);
        width = Math.max(width, column + 1);
      }
    },
    text(value) {
      if (target === 'value') cell.value += value;
      else if (target === 'inline' && !phonetic) cell.inline += value;
    },
  });
  return lastRow < 0 ? null : { rows, lastRow, width };
}

// Tabs and line breaks would split the cell; a leading quote would open a
// quoted field in the CSV reader and swallow the rows after it.
function fieldText(text) {
  const flat = text.replace(/\r\n|[\t\n\r]/g, ' ');
  return flat.includes('"') ? `"${flat.replace(/"/g, '""')}"` : flat;
}

function gridText({ rows, lastRow, width }) {
  const lines = [];
  const empty = new Array(width).fill('').join('\t');
  for (let row = 0; row <= lastRow; row++) {
    const cells = rows.get(row);
    if (!cells) {
      lines.push(empty);
      continue;
    }
    const fields = new Array(width).fill('');
    for (const [column, text] of cells) fields[column] = fieldText(text);
    lines.push(fields.join('\t'));
  }
  return lines.join('\n') + '\n';
}
