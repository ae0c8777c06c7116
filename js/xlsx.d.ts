/** A worksheet as tab-separated text, ready for analyzeNps, analyzeLikert or analyzeSci. */
export interface XlsxText {
  /**
   * The first visible worksheet with data: one line per row from row 1 to the
   * last row with data, cells separated by tabs, every row as wide as the
   * widest, each line ending in "\n". Numbers to 15 significant digits (9, not
   * 9.000000000000002); date and time cells in ISO form (2024-01-05T10:11:12,
   * 2024-01-05 or 10:11:12, as the cell's format has a date, a time or both);
   * TRUE/FALSE; strings as they are, with tabs and line breaks turned into
   * spaces, and a cell holding a double quote quoted as in CSV.
   */
  text: string;
  /** The worksheet's name. */
  sheet: string;
  /** The number of lines in `text`. */
  rows: number;
}

/** The `code` of the Error that xlsxToText rejects with; its `message` says in English what to do. */
export type XlsxErrorCode = 'empty-file' | 'not-xlsx' | 'legacy-xls' | 'encrypted' | 'damaged' | 'no-data';

/** Reads an .xlsx workbook (a Microsoft Forms export, a file saved from Excel) as text. */
export declare function xlsxToText(bytes: ArrayBuffer | Uint8Array): Promise<XlsxText>;

/**
 * Whether a file should go to xlsxToText rather than be read as text: its bytes
 * start like a zip archive or an OLE2 file (a password-protected workbook or
 * an .xls, which xlsxToText explains), or its name ends in .xlsx, .xlsm or .xls.
 */
export declare function isXlsx(bytes: ArrayBuffer | Uint8Array | null | undefined, fileName?: string): boolean;
