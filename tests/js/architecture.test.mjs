// The layout the code keeps to (README, "Architecture"): the element's shell
// and shared modules name no metric, every metric has the same interface and
// words in both languages, the crate's layers depend one way, and the build's
// squeezed stylesheet holds the same rules as the source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { env, openPage, root } from './widget-harness.mjs';
import { METRICS, STRINGS, STRING_TABLES } from '../../www/metrics/index.js';
import { FRAME_STRINGS, mergeStrings } from '../../www/strings.js';
import { INPUT_STRINGS } from '../../www/input.js';
import { FILE_STRINGS } from '../../www/file-input.js';
import { PICKER_STRINGS } from '../../www/column-picker.js';
import { WARNING_STRINGS } from '../../www/warnings.js';

const read = (...path) => readFileSync(join(root, ...path), 'utf8');
// Comments may name metrics (as examples); code may not.
const code = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

test('the shell, the input and the shared modules name no metric', () => {
  const names = METRICS.map((metric) => metric.name);
  assert.deepEqual(names, ['nps', 'sci', 'likert', 'clv']);
  const shared = readdirSync(join(root, 'www')).filter((file) => file.endsWith('.js') && file !== 'page.js' && file !== 'embed-frame.js');
  assert.ok(shared.includes('element.js') && shared.includes('input.js'), shared.join(' '));
  for (const file of shared) {
    const text = code(read('www', file));
    for (const name of names) {
      assert.doesNotMatch(text, new RegExp(`['"\`]${name}['"\`.]`), `${file} names the metric ${name}`);
    }
  }
  // Each metric module imports no other metric (the NPS tools and share link are the NPS's own).
  for (const file of readdirSync(join(root, 'www/metrics')).filter((f) => f !== 'index.js')) {
    const owner = file.replace(/(-.*)?\.js$/, '');
    for (const [, target] of code(read('www/metrics', file)).matchAll(/from '\.\/([\w-]+)\.js'/g)) {
      assert.equal(target.replace(/-.*$/, ''), owner, `${file} imports ./${target}.js`);
    }
  }
});

test('every metric has the same interface', () => {
  for (const metric of METRICS) {
    for (const key of ['name', 'strings', 'create', 'copyText', 'csv']) assert.ok(metric[key], `${metric.name}.${key}`);
    if (metric.readsText) {
      assert.equal(typeof metric.analyze, 'function', `${metric.name}.analyze`);
      assert.equal(typeof metric.nothingCounted, 'function', `${metric.name}.nothingCounted`);
      assert.equal(typeof metric.reader, 'function', `${metric.name}.reader`);
    } else {
      assert.equal(typeof metric.formError, 'string', `${metric.name}.formError`);
    }
    if (metric.countGroups) assert.equal(typeof metric.fromCounts, 'function', `${metric.name}.fromCounts`);
  }
});

test('every word has an English and a Dutch text, and no key is defined twice', () => {
  for (const table of STRING_TABLES) {
    for (const lang of ['en', 'nl']) {
      for (const [key, text] of Object.entries(table[lang])) assert.ok(typeof text === 'string' && text.trim(), `${lang}.${key}`);
    }
  }
  assert.deepEqual(Object.keys(STRINGS.nl).sort(), Object.keys(STRINGS.en).sort());
  // A key in two tables would make one text win by import order.
  const tables = [FRAME_STRINGS, INPUT_STRINGS, FILE_STRINGS, PICKER_STRINGS, WARNING_STRINGS, ...METRICS.map((metric) => metric.strings)];
  assert.deepEqual(STRING_TABLES, tables);
  const keys = tables.flatMap((table) => Object.keys(table.en));
  assert.deepEqual(keys.filter((key, i) => keys.indexOf(key) !== i), []);
  assert.equal(Object.keys(STRINGS.en).length, keys.length);
  assert.deepEqual(mergeStrings({ en: { a: '1' }, nl: { a: 'een' } }, { en: { b: '2' }, nl: { b: 'twee' } }), { en: { a: '1', b: '2' }, nl: { a: 'een', b: 'twee' } });
});

test('the crate layers depend one way: binding → measures → read and stats', () => {
  const uses = (folder) => readdirSync(join(root, 'src', folder)).flatMap((file) =>
    [...code(read('src', folder, file)).matchAll(/crate::(\w+)/g)].map(([, target]) => `${folder}/${file} → ${target}`));
  const all = ['read', 'stats', 'measures'].flatMap(uses);
  for (const edge of all) {
    const [from, to] = edge.split(' → ');
    const layer = from.split('/')[0];
    const allowed = { read: ['read', 'options'], stats: ['stats', 'options'], measures: ['measures', 'read', 'stats', 'options'] }[layer];
    assert.ok(allowed.includes(to), `${edge} goes against the layers`);
  }
  assert.ok(all.some((edge) => edge.startsWith('measures/') && edge.endsWith('→ read')), 'measures read through read');
  for (const file of ['lib.rs', 'options.rs']) assert.doesNotMatch(code(read('src', file)), /crate::binding|use binding/);
});

test('the squeezed stylesheet of the build holds the same rules as the source', async (t) => {
  const { page, problems } = await openPage(t);
  await page.goto(`${env.origin}/tests/fixtures/bare.html`);
  await page.waitForFunction(() => document.querySelector('loyalty-calculator')?.report);
  const { built, source } = await page.evaluate(async () => {
    const rules = (sheet) => [...sheet.cssRules].map((rule) => rule.cssText);
    const { STYLES } = await import('/www/widget-styles.js');
    const { METRIC_STYLES } = await import('/www/metrics/index.js');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES + METRIC_STYLES);
    return { built: rules(document.querySelector('loyalty-calculator').shadowRoot.adoptedStyleSheets[0]), source: rules(sheet) };
  });
  assert.ok(source.length > 100, `${source.length} rules`);
  assert.deepEqual(built, source);
  assert.deepEqual(problems, []);
});
