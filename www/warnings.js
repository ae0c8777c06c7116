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
  'warning.unclosed-quote': [
    'A quote opened at line {line}, column {column} never closes, so everything after it was read as one cell.',
    'Een aanhalingsteken op regel {line}, kolom {column} wordt nooit gesloten, dus alles daarna is als één cel gelezen.',
  ],
});

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
  return `warning.${code}` in WARNING_STRINGS.en ? say(`warning.${code}`) : message;
}

/** The warnings box: a note listing the report's warnings, hidden when there are none. */
export function warningsBox() {
  const list = h('ul', {});
  const root = h('div', { part: 'warnings', class: 'warnings', role: 'note', hidden: true }, list);
  return {
    root,
    render(report, { say }) {
      const warnings = report?.warnings ?? [];
      root.hidden = warnings.length === 0;
      list.replaceChildren(...warnings.map((warning) => h('li', {}, warningText(report, warning, say))));
    },
  };
}
