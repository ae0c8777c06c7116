// The widget's words in English and Dutch. `{name}` marks a value filled in
// with textContent, never as HTML.
export const STRINGS = {
  en: {
    inputLabel: 'Paste your 0–10 answers (a column from a spreadsheet, or one per line)',
    privacy: 'Your data never leaves this page: everything is computed in your browser.',
    scoreLabel: 'Net Promoter Score',
    empty: 'Paste scores to see the Net Promoter Score.',
    interval: '{level} confidence interval: {low} to {high}',
    margin: 'margin of error ±{margin} points',
    summary: 'NPS {score} from {n} respondents',
    summaryOne: 'NPS {score} from 1 respondent',
    group: 'Group',
    count: 'Respondents',
    share: 'Share',
    promoters: 'Promoters (9–10)',
    passives: 'Passives (7–8)',
    detractors: 'Detractors (0–6)',
    total: 'Total',
    rejectedMany: '{n} entries not counted',
    rejectedOne: '1 entry not counted',
    rejectedMore: '…and {n} more',
    at: 'line {line}, column {column}',
    column: 'Read column {index}: “{name}”',
    columnUnnamed: 'Read column {index}',
    levelLabel: 'Confidence level',
    methodLabel: 'Interval method',
    'method.adjusted-wald': 'Adjusted Wald (recommended)',
    'method.wald': 'Wald',
    'method.tango': 'Tango score',
    'reason.not-a-number': 'not a number',
    'reason.out-of-range': 'outside 0–10',
    'reason.not-a-whole-number': 'not a whole number',
    'reason.missing-value': 'no value in the score column',
  },
  nl: {
    inputLabel: 'Plak je antwoorden van 0 tot 10 (een kolom uit een spreadsheet, of één per regel)',
    privacy: 'Je gegevens verlaten deze pagina nooit: alles wordt in je browser berekend.',
    scoreLabel: 'Net Promoter Score',
    empty: 'Plak scores om de Net Promoter Score te zien.',
    interval: '{level}-betrouwbaarheidsinterval: {low} tot {high}',
    margin: 'foutmarge ±{margin} punten',
    summary: 'NPS {score} uit {n} respondenten',
    summaryOne: 'NPS {score} uit 1 respondent',
    group: 'Groep',
    count: 'Respondenten',
    share: 'Aandeel',
    promoters: 'Promotors (9–10)',
    passives: 'Passieven (7–8)',
    detractors: 'Criticasters (0–6)',
    total: 'Totaal',
    rejectedMany: '{n} waarden niet meegeteld',
    rejectedOne: '1 waarde niet meegeteld',
    rejectedMore: '…en nog {n}',
    at: 'regel {line}, kolom {column}',
    column: 'Kolom {index} gelezen: “{name}”',
    columnUnnamed: 'Kolom {index} gelezen',
    levelLabel: 'Betrouwbaarheidsniveau',
    methodLabel: 'Intervalmethode',
    'method.adjusted-wald': 'Aangepaste Wald (aanbevolen)',
    'method.wald': 'Wald',
    'method.tango': 'Tango-score',
    'reason.not-a-number': 'geen getal',
    'reason.out-of-range': 'buiten 0–10',
    'reason.not-a-whole-number': 'geen geheel getal',
    'reason.missing-value': 'geen waarde in de scorekolom',
  },
};

/** The supported language closest to a BCP 47 tag: Dutch for nl-*, else English. */
export function supportedLanguage(tag) {
  return typeof tag === 'string' && tag.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** Fills `{name}` slots in the language's string `key`. */
export function say(lang, key, values = {}) {
  const template = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (slot, name) => (name in values ? String(values[name]) : slot));
}
