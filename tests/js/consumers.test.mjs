// The npm package as a developer meets it: `npm pack` the built pkg/, install
// the tarball into a throwaway project, and use it from Node (ESM and
// CommonJS), TypeScript, Vite, webpack, a plain module page, a Web Worker and
// the widget entry. The build tools come from this repository's own dev
// dependencies; the package itself comes only from the tarball.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { launchChromium } from './chromium.mjs';

const root = new URL('../../', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules/.bin', name);
// 9 and 10 are promoters, 3 a detractor: (2 − 1)/3 = 33.33 points.
const PASTE = '9\\n10\\n3';
const EXPECTED = '33.33';

let work, app, browser, server, origin;

function write(path, text) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'loyalty-score-consumers-'));
  const packed = execFileSync('npm', ['pack', join(root, 'pkg'), '--pack-destination', work, '--silent'], { encoding: 'utf8' });
  const tarball = join(work, packed.trim().split('\n').pop());
  app = join(work, 'app');
  write(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: app, stdio: 'pipe' });
  server = await serve(work);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Opens `path` under the test server and returns the text of #out once it is filled. */
async function resultOf(path) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.goto(`${origin}/${path}`);
    await page.waitForFunction(() => document.querySelector('#out')?.textContent, null, { timeout: 10_000 });
    assert.deepEqual(problems, []);
    return await page.textContent('#out');
  } finally {
    await page.close();
  }
}

test('the tarball ships only the built files and has no runtime dependencies', () => {
  const installed = join(app, 'node_modules/loyalty-score');
  const files = readdirSync(installed).sort();
  assert.deepEqual(files, [
    'CHANGELOG.md', 'LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'loyalty-score.cjs', 'loyalty-score.d.ts',
    'loyalty-score.mjs', 'package.json', 'widget.cjs', 'widget.d.ts', 'widget.mjs', 'xlsx.cjs', 'xlsx.d.ts', 'xlsx.mjs',
  ]);
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.dependencies, undefined);
  assert.equal(manifest.license, 'MIT OR Apache-2.0');
});

test('Node ESM: import { analyzeNps } from "loyalty-score"', () => {
  write(join(app, 'esm.mjs'), `import { analyzeNps } from 'loyalty-score';\nconsole.log(analyzeNps('${PASTE}').score.toFixed(2));\n`);
  assert.equal(execFileSync('node', ['esm.mjs'], { cwd: app, encoding: 'utf8' }).trim(), EXPECTED);
});

test('Node CommonJS: require("loyalty-score")', () => {
  write(join(app, 'cjs.cjs'), `const { analyzeNps } = require('loyalty-score');\nconsole.log(analyzeNps('${PASTE}').score.toFixed(2));\n`);
  assert.equal(execFileSync('node', ['cjs.cjs'], { cwd: app, encoding: 'utf8' }).trim(), EXPECTED);
});

test('TypeScript: a strict consumer compiles and wrong calls do not', () => {
  const dir = join(app, 'ts');
  const tsconfig = (files) => JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [] },
    files,
  });
  write(join(dir, 'good.mts'), `
import { analyzeNps, npsFromCounts, compareNps, npsSampleSize, analyzeSci, analyzeLikert, retention, customerLifetimeValue } from 'loyalty-score';
import type { NpsReport, Rejected, IntervalMethod, NpsComparison, SampleSizePlan, SciReport, LikertReport } from 'loyalty-score';
import { LoyaltyCalculator, defineLoyaltyCalculator } from 'loyalty-score/widget';
const method: IntervalMethod = 'tango';
const report: NpsReport = analyzeNps('9\\n10', { level: 0.9, method });
const score: number | null = report.score;
const first: Rejected | undefined = report.rejected[0];
const line: number = first ? first.line : 0;
const histogram: number[] | null = report.histogram;
const fromCounts: NpsReport = npsFromCounts({ promoters: 1, passives: 2, detractors: 3 });
const change: NpsComparison = compareNps(fromCounts, 'text', { method: 'wald' });
const significant: boolean | null = change.significant;
const plan: SampleSizePlan = npsSampleSize({ margin: 5, promoterShare: 0.4 });
const n: number = plan.respondents;
const sci: SciReport = analyzeSci('9\\t9\\t9', { scale: '0-10', level: 0.9 });
const cli: number | null = sci.cli;
const likert: LikertReport = analyzeLikert('5\\n4', { scale: '1-5' });
const csat: number | null = likert.topTwoBoxPct;
const churn: number = retention({ customersAtStart: 10, customersAtEnd: 9, newCustomers: 1 }).churnRate;
const clv: number = customerLifetimeValue({ averageOrderValue: 50, purchasesPerYear: 4, grossMargin: 0.3, retentionRate: 0.8 }).lifetimeValue;
const element: LoyaltyCalculator = document.createElement('loyalty-calculator');
element.addEventListener('loyalty-result', (event) => {
  const detail = event.detail;
  if ('score' in detail) { const s: number | null = detail.score; void s; }
});
element.addEventListener('loyalty-error', (event) => { const code: string = event.detail.code; void code; });
element.metric = 'sci';
element.scale = '1-7';
defineLoyaltyCalculator('my-calculator');
export { score, line, histogram, significant, n, element, cli, csat, churn, clv };
`);
  write(join(dir, 'good.cts'), `
import loyalty = require('loyalty-score');
export const score: number | null = loyalty.analyzeNps('9').score;
`);
  write(join(dir, 'tsconfig.json'), tsconfig(['good.mts', 'good.cts']));
  const good = run(bin('tsc'), ['-p', 'tsconfig.json'], dir);
  assert.equal(good.code, 0, good.output);

  const bad = join(app, 'ts-bad');
  write(join(bad, 'bad.mts'), `
import { analyzeNps, npsFromCounts, compareNps, analyzeSci } from 'loyalty-score';
import 'loyalty-score/widget';
analyzeNps(42);
analyzeNps('9', { method: 'exact' });
npsFromCounts({ promoters: 1, passives: 2 });
compareNps('9', '10', { method: 'tango' });
const wrong: string = analyzeNps('9').score;
analyzeNps('9').scroe;
analyzeSci('9', { scale: '1-10' });
document.createElement('loyalty-calculator').metric = 'csat';
`);
  write(join(bad, 'tsconfig.json'), tsconfig(['bad.mts']));
  const result = run(bin('tsc'), ['-p', 'tsconfig.json'], bad);
  assert.notEqual(result.code, 0);
  // One error for each of the eight wrong lines (4 to 11).
  for (const lineNumber of [4, 5, 6, 7, 8, 9, 10, 11]) assert.match(result.output, new RegExp(`bad\\.mts\\(${lineNumber},`), result.output);
});

test('the type declarations use no `any`', () => {
  for (const file of ['loyalty-score.d.ts', 'widget.d.ts']) {
    const text = readFileSync(join(app, 'node_modules/loyalty-score', file), 'utf8');
    assert.doesNotMatch(text, /\bany\b/, file);
  }
});

const PAGE = (script) => `<!doctype html><html><head><meta charset="utf-8"><title>consumer</title></head>
<body><output id="out"></output>${script}</body></html>`;
const MAIN = `import { analyzeNps } from 'loyalty-score';\ndocument.querySelector('#out').textContent = analyzeNps('${PASTE}').score.toFixed(2);\n`;

test('Vite production build runs in Chromium', async () => {
  const dir = join(app, 'vite-app');
  write(join(dir, 'index.html'), PAGE('<script type="module" src="./main.js"></script>'));
  write(join(dir, 'main.js'), MAIN);
  const built = run(bin('vite'), ['build', '--base', './', '--logLevel', 'warn'], dir);
  assert.equal(built.code, 0, built.output);
  assert.equal(await resultOf('app/vite-app/dist/index.html'), EXPECTED);
});

test('webpack 5 production build runs in Chromium', async () => {
  const dir = join(app, 'webpack-app');
  write(join(dir, 'src/main.js'), MAIN);
  write(join(dir, 'dist/index.html'), PAGE('<script src="./main.js"></script>'));
  const built = run(bin('webpack'), ['--mode', 'production', '--entry', './src/main.js', '--output-path', './dist', '--no-stats'], dir);
  assert.equal(built.code, 0, built.output);
  assert.equal(await resultOf('app/webpack-app/dist/index.html'), EXPECTED);
});

test('a plain page imports the ESM file by relative URL', async () => {
  write(join(app, 'module.html'), PAGE(`<script type="module">
import { analyzeNps } from './node_modules/loyalty-score/loyalty-score.mjs';
document.querySelector('#out').textContent = analyzeNps('${PASTE}').score.toFixed(2);
</script>`));
  assert.equal(await resultOf('app/module.html'), EXPECTED);
});

test('a module Web Worker imports it and answers the page', async () => {
  write(join(app, 'worker.mjs'), `import { analyzeNps } from './node_modules/loyalty-score/loyalty-score.mjs';
self.onmessage = (event) => self.postMessage(analyzeNps(event.data).score.toFixed(2));\n`);
  write(join(app, 'worker.html'), PAGE(`<script type="module">
const worker = new Worker('./worker.mjs', { type: 'module' });
worker.onmessage = (event) => { document.querySelector('#out').textContent = event.data; };
worker.postMessage('${PASTE}');
</script>`));
  assert.equal(await resultOf('app/worker.html'), EXPECTED);
});

test('importing "loyalty-score/widget" in a bundled app defines <loyalty-calculator>', async () => {
  const dir = join(app, 'vite-widget');
  write(join(dir, 'index.html'), PAGE(`<loyalty-calculator lang="en" value="9&#10;10&#10;3"></loyalty-calculator>
<script type="module" src="./main.js"></script>`));
  write(join(dir, 'main.js'), `import 'loyalty-score/widget';
const element = document.querySelector('loyalty-calculator');
customElements.whenDefined('loyalty-calculator').then(() => {
  document.querySelector('#out').textContent = element.report.score.toFixed(2) + ' ' + element.shadowRoot.querySelector('[part=score]').textContent;
});\n`);
  const built = run(bin('vite'), ['build', '--base', './', '--logLevel', 'warn'], dir);
  assert.equal(built.code, 0, built.output);
  assert.equal(await resultOf('app/vite-widget/dist/index.html'), `${EXPECTED} +33.3`);
});
