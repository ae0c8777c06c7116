// Entry of dist/loyalty-xlsx.js: a classic script, copied beside the embed and
// loaded by xlsx-loader.js only when a visitor gives a spreadsheet.
import { xlsxToText } from './xlsx.js';

globalThis.LoyaltyXlsx = Object.freeze({ xlsxToText });
