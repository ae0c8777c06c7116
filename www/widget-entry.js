// Entry of the package's `loyalty-score/widget`: importing it registers
// <loyalty-calculator>, for sites that bundle their own JavaScript.
import { LoyaltyCalculator } from './element.js';
import { defineLoyaltyCalculator } from './define.js';

defineLoyaltyCalculator();

export { LoyaltyCalculator, defineLoyaltyCalculator };
