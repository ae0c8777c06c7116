// Entry of dist/loyalty-calculator.js: one classic script that exposes the API
// as window.LoyaltyScore and registers <loyalty-calculator>.
import * as api from '../js/core.js';
import { LoyaltyCalculator } from './element.js';
import { defineLoyaltyCalculator } from './define.js';

globalThis.LoyaltyScore = Object.freeze({ ...api, LoyaltyCalculator });
defineLoyaltyCalculator();
