// What the reader warns about (report.warnings), in the visitor's language:
// the core's messages are English, so each is worded again by its code; a
// code without words here keeps the core's message.
import { h } from './dom.js';
import { bilingual, range } from './strings.js';

export const WARNING_STRINGS = bilingual({
  'warning.several-columns': [
    'Several columns could hold the answers: {columns}; check the column chosen.',
    'Meerdere kolommen kunnen de antwoorden bevatten: {columns}; controleer de gekozen kolom.',
  ],
  'warning.short-scale': [
    `The answers stop at {max}. Is this a {scale} scale? The NPS needs ${range(0, 10)}.`,
    `De antwoorden gaan niet hoger dan {max}. Is dit een schaal van {scale}? De NPS vraagt om ${range(0, 10)}.`,
  ],
  'warning.test-responses': [
    'Every response is a test or preview response.',
    'Alle antwoorden zijn test- of voorbeeldantwoorden.',
  ],
  'warning.chosen-by-values': [
    'No header named the question; the column was chosen by its values.',
    'Geen kop noemde de vraag; de kolom is gekozen op grond van de waarden.',
  ],
  'warning.date-order-unsure': [
    'Every date reads both as day–month and as month–day; they were read with the {order}. Choose the date order if that is wrong.',
    'Alle datums zijn zowel als dag-maand als maand-dag te lezen; ze zijn gelezen met de {order}. Kies de datumvolgorde als dat niet klopt.',
  ],
  'warning.order.day-first': ['day first', 'dag eerst'],
  'warning.order.month-first': ['month first', 'maand eerst'],
  'warning.many-segments': [
    'There are more than {max} segments: the smallest are counted together as “{other}”.',
    'Er zijn meer dan {max} segmenten: de kleinste zijn samen geteld als “{other}”.',
  ],
  'warning.segment.other': ['(other)', '(overig)'],
  'warning.unclosed-quote': [
    'A quote opened at line {line}, column {column} never closes, so everything after it was read as one cell.',
    'Een aanhalingsteken op regel {line}, kolom {column} wordt nooit gesloten, dus alles daarna is als één cel gelezen.',
  ],
});

/** Segments listed apart; the rest are one segment, "(other)". */
const MAX_SEGMENTS = 50;

/** One warning in words; `columns` are the indices of the columns it is about. */
function warningText(report, { code, columns = [], message, at }, say) {
  const list = (Array.isArray(report.columns) ? report.columns : report.table) ?? [];
  const named = columns.map((index) => list.find((column) => column.index === index) ?? { index });
  if (code === 'several-columns') {
    return say('warning.several-columns', { columns: named.map(({ index, name, shortName }) => (shortName || name ? `${index} “${shortName || name}”` : index)).join(', ') });
  }
  if (code === 'short-scale') {
    const max = named[0]?.profile?.max ?? /\d+/.exec(message)?.[0];
    return say('warning.short-scale', { max, scale: range(1, max) });
  }
  if (code === 'unclosed-quote') return say('warning.unclosed-quote', { line: at?.line, column: at?.column });
  if (code === 'date-order-unsure' && report.dateOrder) return say('warning.date-order-unsure', { order: say(`warning.order.${report.dateOrder}`) });
  if (code === 'many-segments') return say('warning.many-segments', { max: MAX_SEGMENTS, other: say('warning.segment.other') });
  return Object.hasOwn(WARNING_STRINGS.en, `warning.${code}`) ? say(`warning.${code}`) : message;
}

/** Warnings about the segments or the periods of a report, shown beside them rather than with the score. */
const SECTION_OF = { 'many-segments': 'segments', 'date-order-unsure': 'periods' };

/**
 * The warnings box: a note listing the report's warnings, hidden when there
 * are none. Without `section` it lists those about the whole reading; with
 * one ('segments', 'periods') those about that part of the report.
 */
export function warningsBox(section = null) {
  const list = h('ul', {});
  const part = section ? `warnings ${section.slice(0, -1)}-warnings` : 'warnings';
  const root = h('div', { part, class: 'warnings', role: 'note', hidden: true }, list);
  return {
    root,
    render(report, { say }) {
      const warnings = (report?.warnings ?? []).filter((warning) => (SECTION_OF[warning.code] ?? null) === section);
      root.hidden = warnings.length === 0;
      list.replaceChildren(...warnings.map((warning) => h('li', {}, warningText(report, warning, say))));
    },
  };
}
