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

test('the embed script exposes LoyaltyScore in a host with no DOM at all', () => {
  const context = bareContext();
  vm.runInContext(readFileSync(join(root, 'dist/loyalty-calculator.js'), 'utf8'), context);
  const api = vm.runInContext('LoyaltyScore', context);
  // 10, 9 promoters; 8 passive; 3 detractor: (2 − 1)/4 = 25.
  assert.equal(api.analyzeNps('10\n9\n8\n3').score, 25);
});
