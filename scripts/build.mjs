// Turns the wasm-bindgen output in target/wasm-bindgen/ into the npm package
// (pkg/) and the static site (dist/), all from the one entry js/core.js:
// ESM and CommonJS for the package, a single classic script for the embed.
// The spreadsheet reader (www/xlsx.js) is built apart, into files loaded only
// when a visitor gives a spreadsheet: dist/loyalty-xlsx.js, pkg/xlsx.mjs/.cjs.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);

const wasm = readFileSync(at('target/wasm-bindgen/loyalty_score_bg.wasm'));
mkdirSync(at('.build'), { recursive: true });
writeFileSync(at('.build/wasm-base64.js'), `export default ${JSON.stringify(wasm.toString('base64'))};\n`);

const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(at('Cargo.toml'), 'utf8'))[1];
const banner = `/*! loyalty-score ${version} | MIT OR Apache-2.0 */`;
// The glue's async loader mentions import.meta; it is never imported, so it is dropped.
// Hosts without TextEncoder/TextDecoder get the bundle's own UTF-8 codecs.
const codecs = { inject: [at('js/text-codec.js')] };
// CSS in css`…` literals ships without the white space written for people:
// runs of space fold to one and go altogether around { } ; : > and, except
// where a value holds var() or is a custom property (both are kept as
// written), after commas.
// Safe for these sheets: no selector holds " :" and no quoted string holds
// { } ; : > or ", " (tests/js/architecture.test.mjs compares the rules in Chromium).
function squeeze(sheet) {
  return sheet
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ ?([{};:>]) ?/g, '$1')
    .replace(/ !important/g, '!important')
    .replace(/(^|[{;])([^{};]*)/g, (all, start, part) => start + (/^--|var\(/.test(part) ? part : part.replace(/, /g, ',')))
    .replace(/;}/g, '}');
}
const squeezeCss = {
  name: 'squeeze-css',
  setup(b) {
    b.onLoad({ filter: /[\\/]www[\\/].*\.js$/ }, ({ path }) => ({
      loader: 'js',
      contents: readFileSync(path, 'utf8').replace(/\bcss`([^`]*)`/g, (literal, body) => `css\`${squeeze(body)}\``),
    }));
  },
};
const common = { bundle: true, plugins: [squeezeCss], logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' }, banner: { js: banner }, target: 'es2022', legalComments: 'none' };

rmSync(at('pkg'), { recursive: true, force: true });
rmSync(at('dist'), { recursive: true, force: true });

await build({ ...common, ...codecs, entryPoints: [at('js/core.js')], outfile: at('pkg/loyalty-score.mjs'), format: 'esm', platform: 'neutral' });
await build({ ...common, ...codecs, entryPoints: [at('js/core.js')], outfile: at('pkg/loyalty-score.cjs'), format: 'cjs', platform: 'neutral' });
await build({
  ...common,
  ...codecs,
  entryPoints: [at('www/embed.js')],
  outfile: at('dist/loyalty-calculator.js'),
  format: 'iife',
  platform: 'browser',
  minify: true,
});

// The widget entry shares the package's core instead of inlining a second copy.
const coreAs = (path) => ({
  name: 'shared-core',
  setup(b) {
    b.onResolve({ filter: /\/js\/core\.js$|^\.\.\/js\/core\.js$/ }, () => ({ path, external: true }));
  },
});
// The package's widget gets its spreadsheet reader from the package's own
// xlsx.mjs, imported on demand (so that bundlers split it off), where the
// embed adds the <script> dist/loyalty-xlsx.js beside itself.
const packageXlsxLoader = {
  name: 'package-xlsx-loader',
  setup(b) {
    b.onResolve({ filter: /(^|\/)xlsx-loader\.js$/ }, ({ path, resolveDir }) => ({ path: join(resolveDir, path.replace(/xlsx-loader\.js$/, 'xlsx-loader-package.js')) }));
    b.onResolve({ filter: /^\.\/xlsx\.mjs$/ }, ({ path }) => ({ path, external: true }));
  },
};
for (const [format, core, out] of [['esm', './loyalty-score.mjs', 'widget.mjs'], ['cjs', './loyalty-score.cjs', 'widget.cjs']]) {
  await build({ ...common, entryPoints: [at('www/widget-entry.js')], outfile: at('pkg', out), format, platform: 'browser', plugins: [squeezeCss, coreAs(core), packageXlsxLoader] });
}

// The spreadsheet reader bundles fflate and saxen, whose MIT notices it carries.
const bundledVersion = (name) => JSON.parse(readFileSync(at('node_modules', name, 'package.json'), 'utf8')).version;
const xlsxBanner = `${banner.slice(0, -3)} | includes fflate ${bundledVersion('fflate')} (MIT, (c) Arjun Barrett) and saxen ${bundledVersion('saxen')} (MIT, (c) Vopilovskii Konstantin, Nico Rehwaldt) */`;
const xlsxCommon = { ...common, banner: { js: xlsxBanner }, minify: true };
await build({ ...xlsxCommon, entryPoints: [at('www/xlsx-embed.js')], outfile: at('dist/loyalty-xlsx.js'), format: 'iife', platform: 'browser' });
for (const [format, out] of [['esm', 'xlsx.mjs'], ['cjs', 'xlsx.cjs']]) {
  await build({ ...xlsxCommon, entryPoints: [at('www/xlsx.js')], outfile: at('pkg', out), format, platform: 'neutral' });
}

const packageJson = JSON.parse(readFileSync(at('js/package.json'), 'utf8'));
packageJson.version = version;
writeFileSync(at('pkg/package.json'), JSON.stringify(packageJson, null, 2) + '\n');
cpSync(at('js/index.d.ts'), at('pkg/loyalty-score.d.ts'));
cpSync(at('js/widget.d.ts'), at('pkg/widget.d.ts'));
cpSync(at('js/xlsx.d.ts'), at('pkg/xlsx.d.ts'));
cpSync(at('js/README.md'), at('pkg/README.md'));
for (const file of ['LICENSE-MIT', 'LICENSE-APACHE', 'CHANGELOG.md']) cpSync(at(file), at('pkg', file));

for (const file of ['index.html', 'page.css', 'page.js', 'embed.html', 'embed-frame.js']) cpSync(at('www', file), at('dist', file));

const kib = (file) => (statSync(at(file)).size / 1024).toFixed(1) + ' KiB';
const withGzip = (file) => `${kib(file)} (${(gzipSync(readFileSync(at(file)), { level: 9 }).length / 1024).toFixed(1)} KiB gzipped)`;
console.log(`wasm ${(wasm.length / 1024).toFixed(1)} KiB; pkg/loyalty-score.mjs ${kib('pkg/loyalty-score.mjs')}; dist/loyalty-calculator.js ${kib('dist/loyalty-calculator.js')}; dist/loyalty-xlsx.js ${withGzip('dist/loyalty-xlsx.js')}; pkg/xlsx.mjs ${withGzip('pkg/xlsx.mjs')}; pkg/xlsx.cjs ${withGzip('pkg/xlsx.cjs')}`);
