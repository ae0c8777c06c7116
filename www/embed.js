// Entry of dist/loyalty-calculator.js: one classic script that exposes the API
// as window.LoyaltyScore and registers <loyalty-calculator>.
import { analyzeNps, npsFromCounts, compareNps, npsSampleSize } from '../js/core.js';
import { LoyaltyCalculator } from './widget.js';
import { defineLoyaltyCalculator } from './define.js';

globalThis.LoyaltyScore = Object.freeze({ analyzeNps, npsFromCounts, compareNps, npsSampleSize, LoyaltyCalculator });
defineLoyaltyCalculator();
