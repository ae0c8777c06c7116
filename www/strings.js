// The words of the element's shared frame (result area, rejected entries,
// actions, privacy line, options) in English and Dutch, and how strings are
// filled in. Each metric and the input module bring their own words, each
// English text beside its Dutch one; the registry merges them into one table. `{name}` marks a value filled in
// with textContent, never as HTML. Ranges such as 9⁠–⁠10 hold a word joiner
// (U+2060) on each side of the dash, so "(9–" and "10)" never part at a line end.
/** Words written as { key: [English, Dutch] }, as the table { en: { key: English }, nl: { key: Dutch } }. */
export function bilingual(pairs) {
  const table = { en: {}, nl: {} };
  for (const [key, [en, nl]] of Object.entries(pairs)) {
    table.en[key] = en;
    table.nl[key] = nl;
  }
  return table;
}

export const range = (from, to) => `${from}\u2060–\u2060${to}`;

export const FRAME_STRINGS = bilingual({
  privacy: [
    'Your data never leaves this page: everything is computed in your browser.',
    'Je gegevens verlaten deze pagina nooit: alles wordt in je browser berekend.',
  ],
  group: ['Group', 'Groep'],
  count: ['Respondents', 'Aantal'],
  share: ['Share', 'Aandeel'],
  total: ['Total', 'Totaal'],
  histogramTitle: ['Answers per score', 'Antwoorden per score'],
  rejectedMany: ['{n} entries not counted', '{n} waarden niet meegeteld'],
  rejectedOne: ['1 entry not counted', '1 waarde niet meegeteld'],
  rejectedMore: ['…and {n} more', '…en nog {n}'],
  at: ['line {line}, column {column}', 'regel {line}, kolom {column}'],
  column: ['Read column {index}: “{name}”', 'Kolom {index} gelezen: “{name}”'],
  columnUnnamed: ['Read column {index}', 'Kolom {index} gelezen'],
  levelLabel: ['Confidence level', 'Betrouwbaarheidsniveau'],
  'reason.not-a-number': ['not a number', 'geen getal'],
  'reason.out-of-range': [`outside ${range(0, 10)}`, `buiten ${range(0, 10)}`],
  'reason.not-a-whole-number': ['not a whole number', 'geen geheel getal'],
  'reason.missing-value': ['no value in the score column', 'geen waarde in de scorekolom'],
  actions: ['Save or share the result', 'Resultaat bewaren of delen'],
  copy: ['Copy result', 'Resultaat kopiëren'],
  csv: ['CSV', 'CSV'],
  json: ['JSON', 'JSON'],
  svg: ['Chart (SVG)', 'Grafiek (SVG)'],
  png: ['Chart (PNG)', 'Grafiek (PNG)'],
  shareLink: ['Copy share link', 'Deellink kopiëren'],
  copied: ['Result copied.', 'Resultaat gekopieerd.'],
  linkCopied: [
    'Link copied. It holds only the three counts, never the answers.',
    'Link gekopieerd. Er staan alleen de drie aantallen in, nooit de antwoorden.',
  ],
  copyFailed: [
    'Copying is not allowed here; select the text below and copy it.',
    'Kopiëren mag hier niet; selecteer de tekst hieronder en kopieer die.',
  ],
  downloaded: ['Downloaded {file}.', '{file} gedownload.'],
  'reason.out-of-scale': ['outside {min}\u2060–\u2060{max}', 'buiten {min}\u2060–\u2060{max}'],
  'reason.missing-answer': ['a missing answer', 'een ontbrekend antwoord'],
  scaleLabel: ['Answer scale', 'Antwoordschaal'],
  'scale.0-10': ['0 to 10', '0 tot en met 10'],
  'scale.1-5': ['1 to 5', '1 tot en met 5'],
  'scale.1-7': ['1 to 7', '1 tot en met 7'],
  more: ['{list} and {n} more', '{list} en nog {n}'],
  'error.number': ['Enter a number.', 'Vul een getal in.'],
});

/** The supported language closest to a BCP 47 tag: Dutch for nl-*, else English. */
export function supportedLanguage(tag) {
  return typeof tag === 'string' && tag.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** One table of every language's words from several tables of the same shape (a test checks that no key is defined twice). */
export function mergeStrings(...tables) {
  const merged = { en: {}, nl: {} };
  for (const table of tables) for (const lang of Object.keys(merged)) Object.assign(merged[lang], table[lang]);
  return merged;
}

/** The language's string `key` from `table` with its `{name}` slots filled; English, then the key, where it is missing. */
export function fill(table, lang, key, values = {}) {
  return (table[lang][key] ?? table.en[key] ?? key).replace(/\{(\w+)\}/g, (slot, name) => (name in values ? String(values[name]) : slot));
}
