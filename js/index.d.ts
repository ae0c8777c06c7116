/** How a confidence interval for an NPS is computed. */
export type IntervalMethod = 'adjusted-wald' | 'wald' | 'tango';

export interface IntervalOptions {
  /** Confidence level strictly between 0 and 1. Default 0.95. */
  level?: number;
  /** Default 'adjusted-wald'. */
  method?: IntervalMethod;
}

export interface NpsOptions extends IntervalOptions {
  /** The column with the answers; by default the one whose header names the question. */
  column?: ColumnSelector;
  /** A column whose values group the respondents: adds `segments`. */
  segment?: ColumnSelector;
  /** A column of dates: adds `periods`. */
  date?: ColumnSelector;
  /** The periods of `periods`; 'auto' (default) takes the longest that gives at least 4. */
  period?: 'auto' | 'day' | 'week' | 'month' | 'quarter' | 'year';
  /** Whether 5/1/2024 is 5 January ('day-first') or 1 May ('month-first'); by default the dates decide. */
  dateOrder?: DateOrder;
  /** A column of free text: adds `comments`. */
  comment?: ColumnSelector;
}

export type DateOrder = 'day-first' | 'month-first';

/** A column used beside the answers. */
export interface ExtraColumn {
  /** Counting from 1. */
  index: number;
  name: string | null;
  shortName: string | null;
}

/** A segment or period against what it is compared with (the two-sample test of compareNps; adjusted Wald under 'tango'). */
export interface Versus {
  /** This one minus the other, in NPS points. */
  difference: number | null;
  interval: Interval | null;
  pValue: number | null;
  /** Segments only: Holm-adjusted over all segments. */
  pValueAdjusted?: number | null;
  /** The (adjusted, for segments) p-value is below 1 − level. */
  significant: boolean | null;
}

export interface GroupScore extends NpsCounts {
  respondents: number;
  score: number | null;
  interval: Interval | null;
  marginOfError: number | null;
  /** Fewer than 30 respondents. */
  fewAnswers: boolean;
}

export interface SegmentScore extends GroupScore {
  /** The trimmed value; '(blank)' for blank cells, '(other)' for those beyond the 50 largest. */
  name: string;
  versusRest: Versus;
}

export interface PeriodScore extends GroupScore {
  /** Its first day, YYYY-MM-DD. */
  start: string;
  /** '2024-01-05', '2024-W01' (ISO week), '2024-01', '2024-Q1' or '2024'. */
  label: string;
  /** Against the period listed before it; null for the first. */
  versusPrevious: Versus | null;
}

export interface Comment {
  /** The row's line, from 1. */
  line: number;
  /** The answer given with it, 0–10. */
  score: number;
  text: string;
}

export interface CommentGroup {
  /** Comments written, kept or not. */
  total: number;
  /** The first 500, in order. */
  items: Comment[];
}

/** Columns of a table that fit as segment, date or comment (from 1), judged from its first lines. */
export interface SuggestedColumns {
  segment: number | null;
  date: number | null;
  comment: number | null;
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

export type RejectReason =
  | 'not-a-number'
  | 'out-of-range'
  | 'not-a-whole-number'
  | 'missing-value'
  | 'label-without-number'
  /** Dates only (`dateRejected`): the answer still counts. */
  | 'invalid-date'
  | 'date-against-order';

/** A column: its position counting from 1, or its header (in every header row, ignoring case and surrounding spaces). */
export type ColumnSelector = number | string;

/** What one column holds: answers on the scale, blanks, anything else, and the smallest and largest number in it. */
export interface ColumnProfile {
  scores: number;
  blank: number;
  other: number;
  min: number | null;
  max: number | null;
}

/** One column of the text. */
export interface ColumnSummary {
  /** Counting from 1. */
  index: number;
  /** The header; with several header rows (Qualtrics) the question text. */
  name: string | null;
  /** The short name beside the question text, such as Qualtrics' "Q15". */
  shortName: string | null;
  profile: ColumnProfile;
}

export type WarningCode = 'several-columns' | 'short-scale' | 'test-responses' | 'chosen-by-values' | 'unclosed-quote';

/** Something a careful analyst would stop at. `message` is English; translate by `code`. */
export interface ReadingWarning {
  code: WarningCode;
  message: string;
  /** The columns (from 1) it is about, if it names some. */
  columns?: number[];
  /** The place in the text it is about (the quote that never closes). */
  at?: { line: number; column: number };
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

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
  shortName: string | null;
  /** Which rule chose it: the `column` option, a header word, the values, or the only column. */
  chosenBy: 'option' | 'header' | 'values' | 'first' | 'only';
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
  /** Every column with its profile (one for a list); [] for a report made from counts. */
  columns: ColumnSummary[];
  warnings: ReadingWarning[];
  /** How the bytes were read; null for a report made from counts. */
  encoding: Encoding | null;
  /** Rows of data (entries, for a list); null for a report made from counts. */
  rows: number | null;
  /** For a table: the columns that fit as segment, date or comment. */
  suggested?: SuggestedColumns;
  /** With `segment`. */
  segmentColumn?: ExtraColumn;
  /** With `segment`: one per value, largest first; at most 50 and '(other)'. */
  segments?: SegmentScore[];
  /** With `date`. */
  dateColumn?: ExtraColumn;
  /** With `date`: the periods with answers, in time order. */
  periods?: PeriodScore[];
  /** With `date`: the period used. */
  period?: 'day' | 'week' | 'month' | 'quarter' | 'year';
  /** With `date`: the order used for dates such as 5/1/2024; null when every date was unambiguous. */
  dateOrder?: DateOrder | null;
  /** With `date`: answers whose date cell is blank. */
  undated?: number;
  /** With `date`: the first 100 dates that could not be read (their answers count overall). */
  dateRejected?: Rejected[];
  dateRejectedCount?: number;
  /** With `comment`. */
  commentColumn?: ExtraColumn;
  /** With `comment`: the comments by group. */
  comments?: { promoters: CommentGroup; passives: CommentGroup; detractors: CommentGroup };
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
export function analyzeNps(text: string, options?: NpsOptions): NpsReport;
/** The same report from counts. */
export function npsFromCounts(counts: NpsCounts, options?: IntervalOptions): NpsReport;
/** The change from `before` to `after`; each is counts, a report, or pasted text. */
export function compareNps(before: NpsCounts | string, after: NpsCounts | string, options?: CompareOptions): NpsComparison;
/** Respondents needed for a margin of error of ±margin points. */
export function npsSampleSize(request: SampleSizeRequest): SampleSizePlan;

/** Answer scales of the SCI and Likert analyses. */
export type AnswerScale = '0-10' | '1-5' | '1-7';

export interface ScaleOptions<S extends AnswerScale = AnswerScale> {
  /** Confidence level strictly between 0 and 1. Default 0.95. */
  level?: number;
  scale?: S;
}

export interface LikertOptions extends ScaleOptions {
  /** The column with the answers; by default the one whose header names the question. */
  column?: ColumnSelector;
}

export interface SciOptions extends ScaleOptions {
  /** The columns of the three questions; a question left out is found as usual. */
  columns?: { satisfaction?: ColumnSelector; repurchase?: ColumnSelector; recommend?: ColumnSelector };
  /** A column whose values group the respondents: adds `segments`. */
  segment?: ColumnSelector;
}

export interface SciSegment {
  /** The trimmed value; '(blank)' for blank cells, '(other)' for those beyond the 50 largest. */
  name: string;
  respondents: number;
  secure: number;
  favorable: number;
  atRisk: number;
  /** % secure, 0–100. */
  index: number | null;
  /** Wilson interval for the index, in percent. */
  interval: Bounds | null;
  /** Fewer than 30 respondents. */
  fewAnswers: boolean;
}

export interface Bounds {
  /** 't' for a mean (Student's t), 'wilson' for a percentage. */
  method: 't' | 'wilson';
  level: number;
  low: number;
  high: number;
}

export interface ScaleRange {
  min: number;
  max: number;
}

export interface SciColumn {
  /** Counting from 1. */
  index: number;
  name: string | null;
}

export interface SciReport {
  scale: ScaleRange;
  respondents: number;
  secure: number;
  favorable: number;
  atRisk: number;
  /** % secure, 0–100; null with no respondents. */
  index: number | null;
  /** Wilson interval for the index, in percent. */
  interval: Bounds | null;
  securePct: number | null;
  favorablePct: number | null;
  atRiskPct: number | null;
  /** Top-two-box % of each question. */
  perQuestion: { satisfaction: number | null; repurchase: number | null; recommend: number | null };
  /** Customer Loyalty Index, 0–100. */
  cli: number | null;
  /** Lines of the first 100 at-risk respondents. */
  atRiskLines: number[];
  columns: {
    satisfaction: SciColumn;
    repurchase: SciColumn;
    recommend: SciColumn;
    /** 'header' when the header named all three; 'order' when read as satisfaction, repurchase, recommend; 'option' when the `columns` option named them. */
    chosenBy: 'header' | 'order' | 'option';
    delimiter: 'tab' | 'semicolon' | 'comma' | null;
    header: boolean;
  };
  rejected: Rejected[];
  rejectedCount: number;
  /** Every column with its profile on the scale. */
  table: ColumnSummary[];
  warnings: ReadingWarning[];
  encoding: Encoding;
  rows: number;
  /** With `segment`. */
  segmentColumn?: SciColumn;
  /** With `segment`: one per value, largest first; at most 50 and '(other)'. */
  segments?: SciSegment[];
}

export interface LikertReport {
  scale: ScaleRange;
  respondents: number;
  mean: number | null;
  /** Sample standard deviation (n − 1); null below two answers. */
  sd: number | null;
  median: number | null;
  /** Counts from the scale's lowest answer up. */
  histogram: number[];
  topBoxPct: number | null;
  /** CSAT on a 1–5 scale. */
  topTwoBoxPct: number | null;
  bottomTwoBoxPct: number | null;
  meanInterval: Bounds | null;
  /** Wilson interval for topTwoBoxPct, in percent. */
  topTwoBoxInterval: Bounds | null;
  rejected: Rejected[];
  rejectedCount: number;
  column: ScoreColumn | null;
  layout: Layout;
  columns: ColumnSummary[];
  warnings: ReadingWarning[];
  encoding: Encoding;
  rows: number;
  /** The label scale that answers in words were read with, e.g. "agreement (English, 5 points)". */
  labels: string | null;
}

export interface RetentionPeriod {
  customersAtStart: number;
  customersAtEnd: number;
  newCustomers: number;
}

export interface RetentionReport extends RetentionPeriod {
  retainedCustomers: number;
  lostCustomers: number;
  /** Fraction 0–1. */
  retentionRate: number;
  /** Fraction 0–1. */
  churnRate: number;
}

export interface LifetimeValueInput {
  averageOrderValue: number;
  purchasesPerYear: number;
  /** Fraction 0–1 (0.3 for 30 %). */
  grossMargin: number;
  /** Yearly retention, fraction 0–1. */
  retentionRate: number;
  /** Yearly discount rate (0.1 for 10 %). Default 0.1. */
  discountRate?: number;
}

export interface LifetimeValue {
  annualMargin: number;
  /** r / (1 + d − r). */
  marginMultiple: number;
  lifetimeValue: number;
  /** 1 / (1 − r); null at 100 % retention. */
  expectedLifetimeYears: number | null;
}

/** Secure Customer Index and Customer Loyalty Index from three columns (satisfaction, repurchase, recommend). */
export function analyzeSci(text: string, options?: SciOptions): SciReport;
/** Likert / CSAT summary of one column of answers (default scale '1-5'), in numbers or in the words of a 5- or 7-point scale. */
export function analyzeLikert(text: string, options?: LikertOptions): LikertReport;

/**
 * A reader of a survey export pushed in chunks of whatever size: strings, or the
 * bytes of a file (the encoding is found from them: a BOM, else UTF-8 when
 * valid, else Windows-1252). The first chunk decides which.
 */
export interface Reader<R, C = ColumnSelector> {
  push(chunk: string | Uint8Array | ArrayBuffer): void;
  /** Ends the input and returns the report. */
  finish(): R;
  /** After finish(): the report of another column, without reading again. */
  reportFor(column: C): R;
  /** Gives the reader's memory back now rather than when it is collected. */
  free(): void;
}

export function createNpsReader(options?: NpsOptions): Reader<NpsReport>;
export function createLikertReader(options?: LikertOptions): Reader<LikertReport>;
/** The SCI joins three columns row by row: its reader has no reportFor (it throws); read again with other `columns`. */
export function createSciReader(options?: SciOptions): Reader<SciReport, never>;
/** Retention and churn over a period. */
export function retention(period: RetentionPeriod): RetentionReport;
/** Customer lifetime value: annual margin × r / (1 + d − r). */
export function customerLifetimeValue(input: LifetimeValueInput): LifetimeValue;
