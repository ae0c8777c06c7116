// Numbers in the visitor's language with Intl.NumberFormat (Dutch has a
// decimal comma). Formatters are made once per language and kind.
const cache = new Map();

function formatter(lang, key, options) {
  const id = `${lang}|${key}`;
  let format = cache.get(id);
  if (!format) cache.set(id, (format = new Intl.NumberFormat(lang, options)));
  return format;
}

export function numbers(lang) {
  return {
    /** A whole number with grouping: 100,000 / 100.000. */
    count: (n) => formatter(lang, 'count', {}).format(n),
    /** A short count for tight spaces: 18K / 18k. */
    compact: (n) => formatter(lang, 'compact', { notation: 'compact', maximumFractionDigits: 1 }).format(n),
    /** One decimal: 36.7 / 36,7. */
    decimal: (x) => formatter(lang, 'decimal', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x),
    /** One decimal with a sign except for zero: +36.7, −5.0, 0.0. */
    signed: (x) =>
      formatter(lang, 'signed', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(x),
    /** A whole number with a sign: +50, −100 (chart axes). */
    signedWhole: (x) => formatter(lang, 'signedWhole', { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(x),
    /** A share 0..1 with one decimal: 56.7%. */
    share: (fraction) =>
      formatter(lang, 'share', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(fraction),
    /** Two decimals: 3.80 / 3,80 (averages on an answer scale). */
    decimal2: (x) => formatter(lang, 'decimal2', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x),
    /** A whole percentage for chart axes: 25%. */
    percentWhole: (fraction) => formatter(lang, 'percentWhole', { style: 'percent', maximumFractionDigits: 0 }).format(fraction),
    /** A p-value with three decimals, or "< 0.001". */
    pValue: (p) => (p < 0.001
      ? `< ${formatter(lang, 'p', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(0.001)}`
      : formatter(lang, 'p', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(p)),
    /** An amount with two decimals and grouping, in `currency` when it is a valid ISO 4217 code. */
    amount: (x, currency = null) => {
      if (currency) {
        try {
          return formatter(lang, `amount-${currency}`, { style: 'currency', currency }).format(x);
        } catch {
          // not a currency code: fall through to a plain amount
        }
      }
      return formatter(lang, 'amount', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
    },
    /** A number with up to two decimals: 2.67 / 2,67. */
    upTo2: (x) => formatter(lang, 'upTo2', { maximumFractionDigits: 2 }).format(x),
    /** A confidence level: 95%, 99.9%. */
    level: (level) => {
      const digits = Math.round(level * 1000) % 10 === 0 ? 0 : 1;
      return formatter(lang, `level${digits}`, { style: 'percent', maximumFractionDigits: digits }).format(level);
    },
    /** A size in bytes: 840 B, 12.5 kB, 1.2 MB. */
    bytes: (n) => {
      if (n < 1000) return `${formatter(lang, 'count', {}).format(n)} B`;
      const [unit, size] = n < 1e6 ? ['kB', n / 1e3] : ['MB', n / 1e6];
      return `${formatter(lang, 'bytes', { maximumFractionDigits: 1 }).format(size)} ${unit}`;
    },
  };
}
