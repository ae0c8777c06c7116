// The built npm package from CommonJS: require() works with no init call.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const loyalty = require('../../pkg/loyalty-score.cjs');

test('require() gives the same functions, ready to call', () => {
  assert.deepEqual(Object.keys(loyalty).sort(), [
    'analyzeLikert', 'analyzeNps', 'analyzeSci', 'compareNps', 'createLikertReader', 'createNpsReader', 'createSciReader',
    'customerLifetimeValue', 'npsFromCounts', 'npsSampleSize', 'retention',
  ]);
  // 9, 10 promoters; 7 passive; 0, 6 detractors: (2 − 2)/5 = 0.
  const report = loyalty.analyzeNps('9\t10\t7\t0\t6');
  assert.equal(report.respondents, 5);
  assert.equal(report.score, 0);
  assert.equal(report.passivePct, 20);
});

test('CommonJS errors name the option too', () => {
  assert.throws(() => loyalty.npsFromCounts({ promoters: 1, passives: 1, detractors: 1 }, { level: 0 }), /`level`/);
});
