// The built files in hosts that lack the web's globals: a bare V8 context
// (node:vm) has WebAssembly but no TextEncoder, TextDecoder, atob, Buffer,
// document or customElements.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const vm = require('node:vm');

const root = join(__dirname, '..', '..');

function bareContext(extra = {}) {
  const context = vm.createContext({ ...extra });
  for (const name of ['TextEncoder', 'TextDecoder', 'atob', 'Buffer', 'document', 'customElements', 'HTMLElement']) {
    assert.equal(vm.runInContext(`typeof ${name}`, context), 'undefined', `${name} is absent`);
  }
  assert.equal(vm.runInContext('typeof WebAssembly', context), 'object');
  return context;
}

test('the CommonJS package works where TextEncoder and TextDecoder are missing', () => {
  const module = { exports: {} };
  const context = bareContext({ module, exports: module.exports });
  vm.runInContext(readFileSync(join(root, 'pkg/loyalty-score.cjs'), 'utf8'), context);
  const { analyzeNps, npsFromCounts } = module.exports;
  // "é" and "😀" are rejected at characters 1 and 7 of line 1; 9 and 10 are
  // promoters, 3 a detractor: (2 − 1)/3 = 33.33. The texts come back through
  // the bundle's own UTF-8 decoder.
  const report = analyzeNps('é 9 10 😀\n3\nüber');
  assert.equal(report.respondents, 3);
  assert.ok(Math.abs(report.score - 100 / 3) < 1e-9);
  // Objects from another context have other prototypes: compare plain copies.
  assert.deepEqual(
    JSON.parse(JSON.stringify(report.rejected.map((r) => [r.line, r.column, r.text]))),
    [[1, 1, 'é'], [1, 8, '😀'], [3, 1, 'über']],
  );
  assert.throws(() => npsFromCounts({ promoters: -1, passives: 0, detractors: 0 }), /`promoters`/);
});

test('the embed script exposes LoyaltyScore in a host with no DOM at all, working once its core has run', async () => {
  const context = bareContext();
  vm.runInContext(readFileSync(join(root, 'dist/loyalty-calculator.js'), 'utf8'), context);
  const api = vm.runInContext('LoyaltyScore', context);
  // The embed names its API one by one (www/embed.js): every function of the package, the element's class and load().
  const packaged = Object.keys(require(join(root, 'pkg/loyalty-score.cjs')));
  assert.deepEqual(Object.keys(api).sort(), [...packaged, 'LoyaltyCalculator', 'load'].sort());
  // Its core is the other script, and a call before it has run says so.
  assert.throws(() => api.analyzeNps('10'), (error) => error.code === 'core-not-loaded' && /LoyaltyScore\.load\(\)/.test(error.message));
  // Without a document or importScripts, load() cannot fetch it, and names the file.
  await assert.rejects(api.load(), (error) => error.code === 'core-unavailable' && /loyalty-core\.js/.test(error.message));
  vm.runInContext(readFileSync(join(root, 'dist/loyalty-core.js'), 'utf8'), context);
  assert.equal(await api.load(), api);
  // 10, 9 promoters; 8 passive; 3 detractor: (2 − 1)/4 = 25.
  assert.equal(api.analyzeNps('10\n9\n8\n3').score, 25);
});

// As old libraries and careless pages do: enumerable additions to the
// prototypes every object and array inherit.
const POLLUTE = `
  Object.prototype.extend = function extend(other) { return Object.assign(this, other); };
  Object.prototype.legacyFlag = true;
  Array.prototype.remove = function remove(item) { return this.filter((other) => other !== item); };
`;

test('the CommonJS files and the embed work in a host that added enumerable properties to Object.prototype and Array.prototype', async () => {
  const load = (file, polluted = true) => {
    const module = { exports: {} };
    // The workbook reader resolves its parts' paths with URL, as every browser and Node have it.
    const context = bareContext({ module, exports: module.exports, URL });
    if (polluted) vm.runInContext(POLLUTE, context);
    vm.runInContext(readFileSync(join(root, file), 'utf8'), context);
    return { exports: module.exports, context };
  };
  const { exports: core } = load('pkg/loyalty-score.cjs');
  assert.deepEqual(Object.keys(core).sort(), [
    'analyzeLikert', 'analyzeNps', 'analyzeSci', 'compareNps', 'createLikertReader', 'createNpsReader', 'createSciReader',
    'customerLifetimeValue', 'npsFromCounts', 'npsSampleSize', 'retention',
  ]);
  // 10, 9 promoters; 8 passive; 3 detractor: (2 − 1)/4 = 25; the options object inherits `extend` and `legacyFlag`.
  const report = core.analyzeNps('10\n9\n8\n3', { level: 0.9 });
  assert.deepEqual([report.score, report.interval.level, Object.hasOwn(report, 'extend')], [25, 0.9, false]);

  const { exports: xlsx } = load('pkg/xlsx.cjs');
  // The zip signature PK\x03\x04 is a workbook's first bytes.
  assert.equal(xlsx.isXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04])), true);
  // A workbook's cells, whose attributes are walked, read as they do in a clean host.
  const workbook = readFileSync(join(root, 'tests/fixtures/exports/microsoft-forms.xlsx'));
  const clean = await load('pkg/xlsx.cjs', false).exports.xlsxToText(new Uint8Array(workbook));
  const read = await xlsx.xlsxToText(new Uint8Array(workbook));
  assert.ok(clean.rows > 1, `${clean.rows} rows`);
  assert.deepEqual([read.text, read.sheet, read.rows], [clean.text, clean.sheet, clean.rows]);

  const { context } = load('dist/loyalty-calculator.js');
  vm.runInContext(readFileSync(join(root, 'dist/loyalty-core.js'), 'utf8'), context);
  await vm.runInContext('LoyaltyScore.load()', context);
  assert.equal(vm.runInContext("LoyaltyScore.analyzeNps('10\\n9\\n8\\n3').score", context), 25);
});

test('the ES module package works in a process that added enumerable properties to Object.prototype and Array.prototype', () => {
  const { execFileSync } = require('node:child_process');
  const script = `${POLLUTE}
    const { analyzeNps } = await import(${JSON.stringify(join(root, 'pkg/loyalty-score.mjs'))});
    const report = analyzeNps('10\\n9\\n8\\n3', { level: 0.9 });
    console.log(JSON.stringify([report.score, report.interval.level, Object.hasOwn(report, 'extend')]));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), [25, 0.9, false]);
});
