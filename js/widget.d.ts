import type { IntervalMethod, NpsReport } from './loyalty-score.js';

/** The <loyalty-calculator> element. Importing 'loyalty-score/widget' registers it. */
export declare class LoyaltyCalculator extends HTMLElement {
  /** Confidence level, 0 < level < 1; 0.95 when the attribute is missing or invalid. */
  level: number;
  /** Interval method; 'adjusted-wald' when the attribute is missing or unknown. */
  method: IntervalMethod;
  /** The pasted text now in the calculator. */
  value: string;
  /** The most recent report, or null before the first computation. */
  readonly report: NpsReport | null;
  /** The language in use: 'en' or 'nl'. */
  readonly language: 'en' | 'nl';
  /** Analyses `text`, shows the result and returns the report (null if it could not be analysed). */
  analyze(text: string): NpsReport | null;
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
    'loyalty-result': CustomEvent<NpsReport>;
    'loyalty-error': CustomEvent<{ message: string }>;
  }
}
