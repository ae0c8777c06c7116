// Turns the wasm-bindgen output in target/wasm-bindgen/ into the npm package
// (pkg/) and the static site (dist/), all from the one entry js/core.js:
// ESM and CommonJS for the package, a single classic script for the embed.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
for (const [format, core, out] of [['esm', './loyalty-score.mjs', 'widget.mjs'], ['cjs', './loyalty-score.cjs', 'widget.cjs']]) {
  await build({ ...common, entryPoints: [at('www/widget-entry.js')], outfile: at('pkg', out), format, platform: 'browser', plugins: [squeezeCss, coreAs(core)] });
}

const packageJson = JSON.parse(readFileSync(at('js/package.json'), 'utf8'));
packageJson.version = version;
writeFileSync(at('pkg/package.json'), JSON.stringify(packageJson, null, 2) + '\n');
cpSync(at('js/index.d.ts'), at('pkg/loyalty-score.d.ts'));
cpSync(at('js/widget.d.ts'), at('pkg/widget.d.ts'));
cpSync(at('js/README.md'), at('pkg/README.md'));
for (const file of ['LICENSE-MIT', 'LICENSE-APACHE', 'CHANGELOG.md']) cpSync(at(file), at('pkg', file));

for (const file of ['index.html', 'page.css', 'page.js', 'embed.html', 'embed-frame.js']) cpSync(at('www', file), at('dist', file));

const kib = (file) => (statSync(at(file)).size / 1024).toFixed(1) + ' KiB';
console.log(`wasm ${(wasm.length / 1024).toFixed(1)} KiB; pkg/loyalty-score.mjs ${kib('pkg/loyalty-score.mjs')}; dist/loyalty-calculator.js ${kib('dist/loyalty-calculator.js')}`);
