import type {
  IntervalMethod,
  AnswerScale,
  NpsReport,
  SciReport,
  LikertReport,
  NpsComparison,
  SampleSizePlan,
  RetentionReport,
  LifetimeValue,
  RetentionPeriod,
  LifetimeValueInput,
} from './loyalty-score.js';

export type Metric = 'nps' | 'sci' | 'likert' | 'clv';

/** What metric="clv" reports: each part null until its fields are filled. */
export interface ClvResult {
  retention: RetentionReport | null;
  clv: LifetimeValue | null;
}

/** Any report the element produces, by metric. */
export type CalculatorReport = NpsReport | SciReport | LikertReport | ClvResult;

export interface CalculatorErrorDetail {
  code: 'nothing-counted' | 'invalid-counts' | 'invalid-input' | 'failed';
  message: string;
  /** The report, when there is one (for example one with nothing counted). */
  report: CalculatorReport | null;
  /** For metric="clv": the API field whose value was refused. */
  field?: string;
}

/** How far the reading of a file has come (event `loyalty-progress`). */
export interface CalculatorProgressDetail {
  /** Bytes read so far. */
  bytes: number;
  /** The file's size in bytes. */
  total: number;
  /** Lines read so far. */
  rows: number;
}

/** The <loyalty-calculator> element. Importing 'loyalty-score/widget' registers it. */
export declare class LoyaltyCalculator extends HTMLElement {
  /** 'nps' when the attribute is missing or unknown. */
  metric: Metric;
  /** Confidence level, 0 < level < 1; 0.95 when the attribute is missing or invalid. */
  level: number;
  /** Interval method; 'adjusted-wald' when the attribute is missing or unknown. */
  method: IntervalMethod;
  /** Answer scale of sci ('0-10' by default) and likert ('1-5' by default). */
  scale: AnswerScale;
  /** NPS tools shown: 'compare', 'plan', 'compare plan' or ''. */
  tools: string;
  /** ISO 4217 code for the amounts of metric="clv", or null. */
  currency: string | null;
  /** 'light' (default), 'dark' or 'auto'. */
  theme: 'light' | 'dark' | 'auto';
  /** The smaller one-column layout. */
  compact: boolean;
  /** The pasted text now in the calculator ('' for metric="clv", and while a file is the input). */
  value: string;
  /** The most recent report, or null before the first computation. */
  readonly report: CalculatorReport | null;
  /** The comparison of two periods on show, or null. */
  readonly comparison: NpsComparison | null;
  /** The sample-size plan on show, or null. */
  readonly sampleSize: SampleSizePlan | null;
  /** The language in use. */
  readonly language: 'en' | 'nl';
  /** Analyses pasted text with the element's options, shows the result and returns the report. */
  analyze(text: string): NpsReport | SciReport | LikertReport | null;
  /** For metric="clv": fills the form from API fields (rates as fractions) and returns the result. */
  analyze(fields: Partial<RetentionPeriod & LifetimeValueInput>): ClvResult | null;
}

/** Registers the element under `name` (default 'loyalty-calculator') if not yet registered. */
export declare function defineLoyaltyCalculator(
  name?: string,
  registry?: CustomElementRegistry,
): CustomElementConstructor | undefined;

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-calculator': LoyaltyCalculator;
  }
  interface HTMLElementEventMap {
    'loyalty-result': CustomEvent<CalculatorReport>;
    'loyalty-error': CustomEvent<CalculatorErrorDetail>;
    'loyalty-progress': CustomEvent<CalculatorProgressDetail>;
  }
}
