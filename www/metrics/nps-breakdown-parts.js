// What the breakdown's views share: the words and numbers of a score, its
// interval and its answers, the NPS scale of their charts, and a chart's
// section (title, chart, legend, table and its CSV, SVG and PNG files).
import { h } from '../dom.js';
import { bilingual } from '../strings.js';
import { sceneLook, sceneToPng, sceneToSvg, stackScenes, svgFile } from '../charts.js';
import { saveFile } from '../export.js';
import { css } from '../css.js';
import { warningsBox } from '../warnings.js';

export const PARTS_STRINGS = bilingual({
  'bd.period.day': ['day', 'dag'],
  'bd.period.week': ['week', 'week'],
  'bd.period.month': ['month', 'maand'],
  'bd.period.quarter': ['quarter', 'kwartaal'],
  'bd.period.year': ['year', 'jaar'],
  'bd.orderShort.day-first': ['day first', 'dag eerst'],
  'bd.orderShort.month-first': ['month first', 'maand eerst'],
  'bd.column': ['column {index}', 'kolom {index}'],
  'bd.score': ['NPS', 'NPS'],
  'bd.n': ['n', 'n'],
  'bd.nTitle': ['respondents', 'respondenten'],
  'bd.intervalHead': ['{level} interval', '{level}-interval'],
  'bd.range': ['{low} to {high}', '{low} tot {high}'],
  'bd.few': ['few answers', 'weinig antwoorden'],
  'bd.altItem': ['{name} {score} ({answers}, interval {low} to {high}; {verdict})', '{name} {score} ({answers}, interval {low} tot {high}; {verdict})'],
  'bd.altItemBare': ['{name} {score} ({answers}; {verdict})', '{name} {score} ({answers}; {verdict})'],
  'bd.answers': ['{n} answers', '{n} antwoorden'],
  'bd.answersOne': ['1 answer', '1 antwoord'],
});

export const PARTS_STYLES = css`
.breakdown { margin-top: 1.25em; padding-top: 0.75em; border-top: 1px solid var(--_border); }
.breakdown h3 { margin: 0; font-size: 1em; font-weight: 700; }
.breakdown .buttons { margin-top: 0.6em; }
.breakdown .scroll { overflow-x: auto; }
.breakdown table { font-size: 0.9em; }
.breakdown table.plain tbody th { white-space: nowrap; }
.breakdown table.plain td.verdict, .breakdown table.plain th.verdict { text-align: left; white-space: normal; padding-left: 0.5em; min-width: 9em; }
.breakdown tr.few th, .breakdown tr.few td { color: var(--_muted); }
.breakdown tr.up td.verdict { color: var(--_promoter); font-weight: 600; }
.breakdown tr.down td.verdict { color: var(--_detractor); font-weight: 600; }
`;

export const columnName = (column, t) => column.name || column.shortName || t.say('bd.column', { index: column.index });
export const answers = (count, t) => (count === 1 ? t.say('bd.answersOne') : t.say('bd.answers', { n: t.numbers.count(count) }));
export const score = (value, t) => (value === null || value === undefined ? '–' : t.numbers.signed(value));
export const intervalText = (interval, t) => (interval ? t.say('bd.range', { low: t.numbers.signed(interval.low), high: t.numbers.signed(interval.high) }) : '–');
export const level = (report, t) => t.numbers.level(report.interval?.level ?? 0.95);

export const mark = (versus) => (versus?.significant && versus.difference ? (versus.difference > 0 ? 'up' : 'down') : null);

/** A scale in NPS points around `values`, in steps of 25 (50 beyond 100 points wide), within −100…+100. */
export function scaleAround(values, t) {
  const known = values.filter((v) => v !== null && v !== undefined && Number.isFinite(v));
  let min = Math.max(-100, Math.floor(Math.min(0, ...known) / 25) * 25);
  let max = Math.min(100, Math.ceil(Math.max(0, ...known) / 25) * 25);
  if (max - min < 50) {
    if (max < 100) max = Math.min(100, min + 50);
    if (max - min < 50) min = max - 50;
  }
  const step = max - min > 100 ? 50 : 25;
  const ticks = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max; tick += step) ticks.push(tick);
  return { min, max, ticks, tickText: t.numbers.signedWhole };
}

export function altItem(name, group, verdict, t) {
  const values = { name, score: score(group.score, t), answers: answers(group.respondents, t), verdict };
  if (!group.interval) return t.say('bd.altItemBare', values);
  return t.say('bd.altItem', { ...values, low: t.numbers.signed(group.interval.low), high: t.numbers.signed(group.interval.high) });
}

/** A table's field names after its first, prefixed, with its cells: the rows of one segment or period in the result's CSV. */
export const prefixed = (prefix, head, cells) => head.slice(1).map((field, i) => [`${prefix}_${field}`, cells[i + 1]]);

export const head = (...cells) => h('thead', {}, h('tr', {}, ...cells.map(([text, cls, title]) => h('th', { scope: 'col', class: cls ?? null, title: title ?? null }, text))));

/** A chart's section: title, chart, legend, table and its CSV, SVG and PNG. */
export function chartSection(host, name, { title, scene, alt, legend, table, csv, file }) {
  const heading = h('h3', { id: host.id(`${name}-title`) });
  const chart = h('div', { part: `chart ${name.slice(0, -1)}-chart`, class: 'chart' });
  const legendNote = h('p', { class: 'note', part: `${name.slice(0, -1)}-legend` });
  const tableBox = h('table', { part: `${name.slice(0, -1)}-table`, class: 'plain', 'aria-labelledby': heading.id });
  const warnings = warningsBox(name);
  const extra = h('div', {});
  const feedback = h('p', { class: 'feedback', 'aria-live': 'polite' });
  const buttons = {};
  const row = h('div', { class: 'buttons', role: 'group', 'aria-labelledby': heading.id });
  const root = h('section', { part: name, class: 'breakdown', 'aria-labelledby': heading.id, hidden: true },
    heading, warnings.root, chart, legendNote, extra, h('div', { class: 'scroll' }, tableBox), row, feedback);
  let shown = null; // { report, t }

  const look = () => sceneLook(root);
  const fileScene = (report, t) => stackScenes([
    { text: title(report, t), size: 14, weight: 700 },
    scene(report, t),
    ...legend(report, t).map((line) => ({ text: line, size: 8.5, c: 'muted' })),
  ]);
  const save = (blob, fileName) => {
    saveFile(blob, fileName, root);
    feedback.textContent = shown.t.say('downloaded', { file: fileName });
  };
  const actions = {
    csv: ({ report }) => save(new Blob([csv(report)], { type: 'text/csv' }), `${file}.csv`),
    svg: ({ report, t }) => {
      const text = svgFile(fileScene(report, t), { id: file, label: alt(report, t), ...look() });
      save(new Blob([text], { type: 'image/svg+xml' }), `${file}.svg`);
    },
    png: async ({ report, t }) => save(await sceneToPng(fileScene(report, t), look()), `${file}.png`),
  };
  for (const [key, action] of Object.entries(actions)) {
    buttons[key] = h('button', { type: 'button', part: `breakdown-action ${name}-${key}` });
    buttons[key].addEventListener('click', () => shown && action(shown));
    row.append(buttons[key]);
  }

  const section = {
    root,
    extra,
    draw(report, t, width) {
      chart.replaceChildren(sceneToSvg(scene(report, t, width), { id: host.id(`${name}-svg`), label: alt(report, t) }));
    },
    render(report, t, width, has) {
      root.hidden = !has;
      shown = has ? { report, t } : null;
      if (!has) {
        chart.replaceChildren();
        return;
      }
      heading.textContent = title(report, t);
      warnings.render(report, t);
      section.draw(report, t, width);
      legendNote.replaceChildren(...legend(report, t).flatMap((line, i) => (i ? [h('br'), line] : [line])));
      tableBox.replaceChildren(...table(report, t));
      for (const [key, button] of Object.entries(buttons)) button.textContent = t.say(key);
      feedback.textContent = '';
    },
    exportParts: (report, t) => [{ text: title(report, t), size: 11, weight: 700 }, scene(report, t)],
  };
  return section;
}
