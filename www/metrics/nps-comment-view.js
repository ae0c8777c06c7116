// The comments behind the score, grouped by promoters, passives and
// detractors, with a search box that filters them, and their rows in the
// result's CSV.
import { h } from '../dom.js';
import { bilingual } from '../strings.js';
import { textCell } from '../export.js';
import { css } from '../css.js';
import { columnName } from './nps-breakdown-parts.js';

const GROUPS = ['promoters', 'passives', 'detractors'];

export const COMMENT_STRINGS = bilingual({
  'bd.commentsTitle': ['Comments from “{column}”', 'Opmerkingen uit “{column}”'],
  'bd.search': ['Search the comments', 'Zoek in de opmerkingen'],
  'bd.commentCount': ['{n} comments', '{n} opmerkingen'],
  'bd.commentCountOne': ['1 comment', '1 opmerking'],
  'bd.commentShown': ['{shown} of {n} comments', '{shown} van {n} opmerkingen'],
  'bd.commentsKept': ['The first {kept} are listed.', 'De eerste {kept} staan hier.'],
  'bd.noMatch': ['No comment matches.', 'Geen opmerking gevonden.'],
  'bd.noComments': ['No comments.', 'Geen opmerkingen.'],
  'bd.found': ['{n} comments match “{query}”.', '{n} opmerkingen bevatten “{query}”.'],
  'bd.foundOne': ['1 comment matches “{query}”.', '1 opmerking bevat “{query}”.'],
  'bd.line': ['line {line}', 'regel {line}'],
  'bd.scoreOf': ['score {score}', 'score {score}'],
});

export const COMMENT_STYLES = css`
.search { margin-top: 0.6em; }
.search label { margin-bottom: 0.2em; }
.search input {
  width: 100%; max-width: 24em; background: var(--_bg); border: 1px solid var(--_control); border-radius: 0.3em; padding: 0.25em 0.4em;
}
.comment-group { margin-top: 0.75em; }
.comment-group h4 { margin: 0; font-size: 0.95em; font-weight: 600; padding-left: 0.5em; border-left: 4px solid var(--_border); }
.comment-group.promoters h4 { border-left-color: var(--_promoter); }
.comment-group.passives h4 { border-left-color: var(--_passive); }
.comment-group.detractors h4 { border-left-color: var(--_detractor); }
.comment-group ul { list-style: none; margin: 0.3em 0 0; padding: 0; max-height: 20em; overflow: auto; }
.comment-group li { display: flex; gap: 0.6em; align-items: baseline; padding: 0.3em 0; border-bottom: 1px solid var(--_border); }
.comment-score { flex: none; min-width: 1.6em; text-align: right; font-weight: 700; font-variant-numeric: tabular-nums; }
.comment-text { flex: 1; min-width: 0; white-space: pre-line; overflow-wrap: anywhere; }
.comment-group .where { flex: none; font-size: 0.85em; }
`;

/** Text folded for searching: without accents, in lower case. */
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** The comments' section, shown when the report has a comment column. */
export function commentsSection(host) {
  const heading = h('h3', { id: host.id('comments-title') });
  const searchLabel = h('label', { for: host.id('comment-search') });
  const search = h('input', { type: 'search', id: host.id('comment-search'), part: 'comment-search', autocomplete: 'off', spellcheck: 'false' });
  const found = h('p', { class: 'note', 'aria-live': 'polite' });
  const groups = GROUPS.map((group) => {
    const title = h('h4', { id: host.id(`${group}-comments`) });
    const list = h('ul', { 'aria-labelledby': title.id });
    const kept = h('p', { class: 'note' });
    const empty = h('p', { class: 'note' });
    const root = h('div', { part: `comment-group ${group.slice(0, -1)}-comments`, class: `comment-group ${group}` }, title, list, empty, kept);
    return { group, title, list, kept, empty, root, items: [] };
  });
  const root = h('section', { part: 'comments', class: 'breakdown comments', 'aria-labelledby': heading.id, hidden: true },
    heading, h('div', { class: 'search' }, searchLabel, search), found, ...groups.map((g) => g.root));
  let shown = null;

  function filter() {
    if (!shown) return;
    const { report, t } = shown;
    const query = search.value.trim();
    const words = fold(query).split(/\s+/).filter(Boolean);
    let matches = 0;
    for (const g of groups) {
      const { total } = report.comments[g.group];
      let count = 0;
      for (const item of g.items) {
        const match = words.every((word) => item.folded.includes(word));
        item.li.hidden = !match;
        if (match) count++;
      }
      matches += count;
      const counted = words.length
        ? t.say('bd.commentShown', { shown: t.numbers.count(count), n: t.numbers.count(total) })
        : t.say(total === 1 ? 'bd.commentCountOne' : 'bd.commentCount', { n: t.numbers.count(total) });
      g.title.textContent = `${t.say(g.group)} · ${counted}`;
      g.empty.hidden = count > 0;
      g.empty.textContent = t.say(total === 0 ? 'bd.noComments' : 'bd.noMatch');
    }
    found.hidden = !words.length;
    found.textContent = words.length ? t.say(matches === 1 ? 'bd.foundOne' : 'bd.found', { n: t.numbers.count(matches), query }) : '';
  }
  search.addEventListener('input', filter);

  return {
    root,
    render(report, t) {
      const has = Boolean(report.comments && report.commentColumn);
      root.hidden = !has;
      shown = has ? { report, t } : null;
      if (!has) {
        for (const g of groups) g.list.replaceChildren();
        return;
      }
      heading.textContent = t.say('bd.commentsTitle', { column: columnName(report.commentColumn, t) });
      searchLabel.textContent = t.say('bd.search');
      for (const g of groups) {
        const { total, items } = report.comments[g.group];
        g.items = items.map((item) => ({
          folded: fold(item.text),
          li: h('li', {},
            h('span', { class: 'comment-score', title: t.say('bd.scoreOf', { score: item.score }) }, String(item.score)),
            h('span', { class: 'comment-text' }, item.text),
            h('span', { class: 'where' }, t.say('bd.line', { line: item.line }))),
        }));
        g.list.replaceChildren(...g.items.map((item) => item.li));
        g.kept.hidden = total <= items.length;
        g.kept.textContent = t.say('bd.commentsKept', { kept: t.numbers.count(items.length) });
      }
      filter();
    },
  };
}

/** The rows the comments add to the result's CSV (field,value), numbered from 1. */
export function commentCsvRows(report) {
  const rows = [['comment_column', report.commentColumn.index], ['comment_column_name', textCell(report.commentColumn.name)]];
  for (const group of GROUPS) {
    const { total, items } = report.comments[group];
    const one = group.slice(0, -1);
    rows.push([`${one}_comments`, total]);
    items.forEach((item, i) => rows.push(
      [`${one}_comment_${i + 1}_line`, item.line], [`${one}_comment_${i + 1}_score`, item.score], [`${one}_comment_${i + 1}_text`, textCell(item.text)]));
  }
  return rows;
}
