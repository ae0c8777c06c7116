/** How a confidence interval for an NPS is computed. */
export type IntervalMethod = 'adjusted-wald' | 'wald' | 'tango';

export interface IntervalOptions {
  /** Confidence level strictly between 0 and 1. Default 0.95. */
  level?: number;
  /** Default 'adjusted-wald'. */
  method?: IntervalMethod;
}

/** Options of compareNps: Tango's interval has no two-sample form. */
export interface CompareOptions {
  level?: number;
  method?: 'adjusted-wald' | 'wald';
}

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface Interval {
  method: IntervalMethod;
  level: number;
  /** In NPS points, clamped to the scale. */
  low: number;
  high: number;
}

export type RejectReason = 'not-a-number' | 'out-of-range' | 'not-a-whole-number' | 'missing-value';

/** A pasted entry that was not counted. Line and column count from 1. */
export interface Rejected {
  line: number;
  column: number;
  /** The entry as pasted, shortened to 40 characters. */
  text: string;
  reason: RejectReason;
  /** The reason as an English sentence. */
  message: string;
}

export interface ScoreColumn {
  /** Counting from 1. */
  index: number;
  name: string | null;
  chosenBy: 'header' | 'values' | 'first' | 'only';
}

export interface Layout {
  kind: 'list' | 'table';
  delimiter: 'tab' | 'semicolon' | 'comma' | null;
  header: boolean;
  decimalComma: boolean;
}

export interface NpsReport extends NpsCounts {
  respondents: number;
  /** % promoters − % detractors, −100..100, unrounded; null with no respondents. */
  score: number | null;
  promoterPct: number | null;
  passivePct: number | null;
  detractorPct: number | null;
  /** Answers 0..10 counted (11 numbers); null for a report made from counts. */
  histogram: number[] | null;
  interval: Interval | null;
  /** Half the interval's width before clamping, in NPS points. */
  marginOfError: number | null;
  /** The first 100 rejected entries. */
  rejected: Rejected[];
  /** All rejected entries. */
  rejectedCount: number;
  /** The column read, for a table or a column under a header. */
  column: ScoreColumn | null;
  /** How the text was read; null for a report made from counts. */
  layout: Layout | null;
}

export interface NpsComparison {
  before: NpsReport;
  after: NpsReport;
  /** after − before in NPS points; null if either sample is empty. */
  difference: number | null;
  /** Interval for the difference, clamped to −200..200. */
  interval: Interval | null;
  marginOfError: number | null;
  standardError: number | null;
  z: number | null;
  /** Two-sided p-value for "no change". */
  pValue: number | null;
  /** pValue < 1 − level. */
  significant: boolean | null;
}

export interface SampleSizeRequest {
  /** Margin of error in NPS points, e.g. 5 for ±5. */
  margin: number;
  level?: number;
  /** Expected promoter share 0..1; the worst case when left out. */
  promoterShare?: number;
  /** Expected detractor share 0..1; the worst case when left out. */
  detractorShare?: number;
}

export interface SampleSizePlan {
  respondents: number;
  margin: number;
  level: number;
  promoterShare: number;
  detractorShare: number;
}

/** Reads pasted 0–10 answers (a column, a list, a spreadsheet selection or a CSV export). */
export function analyzeNps(text: string, options?: IntervalOptions): NpsReport;
/** The same report from counts. */
export function npsFromCounts(counts: NpsCounts, options?: IntervalOptions): NpsReport;
/** The change from `before` to `after`; each is counts, a report, or pasted text. */
export function compareNps(before: NpsCounts | string, after: NpsCounts | string, options?: CompareOptions): NpsComparison;
/** Respondents needed for a margin of error of ±margin points. */
export function npsSampleSize(request: SampleSizeRequest): SampleSizePlan;
