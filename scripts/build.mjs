// Turns the wasm-bindgen output in target/wasm-bindgen/ into the npm package
// (pkg/) and the static site (dist/), all from the one entry js/core.js:
// ESM and CommonJS for the package, a single classic script for the embed.
// The spreadsheet reader (www/xlsx.js) is built apart, into files loaded only
// when a visitor gives a spreadsheet: dist/loyalty-xlsx.js, pkg/xlsx.mjs/.cjs.
//
// dist/loyalty-calculator.nowasm.js is the same embed for pages where
// WebAssembly cannot run: the core built without reference types
// (target/nowasm, see the Makefile), bound by wasm-bindgen without externref,
// lowered to MVP WebAssembly and turned into JavaScript by binaryen's wasm2js.
//
// `node scripts/build.mjs trap-test` builds only the test embed
// target/trap-test/loyalty-calculator.js from the core built with the cargo
// feature `trap-test` (tests/js/widget-reliability.test.mjs does both).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);
const tool = (name) => at('node_modules/.bin', name);

// The wasm-bindgen CLI that wasm-pack fetched for the crate's wasm-bindgen version.
function wasmBindgenCli() {
  const version = /name = "wasm-bindgen"\nversion = "([^"]+)"/.exec(readFileSync(at('Cargo.lock'), 'utf8'))[1];
  const cached = join(homedir(), '.cache/.wasm-pack', `wasm-bindgen-cargo-install-${version}`, 'wasm-bindgen');
  return existsSync(cached) ? cached : 'wasm-bindgen';
}

// The rlib's target_features section claims reference-types (from the
// prebuilt std), which would make wasm-bindgen emit externref glue; the code
// itself has none once built with -reference-types.
function bindWithoutExternref(rawWasm, outDir) {
  mkdirSync(outDir, { recursive: true });
  const stripped = join(outDir, 'stripped.wasm');
  execFileSync(tool('wasm-opt'), [rawWasm, '--strip-target-features', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue', '-o', stripped]);
  execFileSync(wasmBindgenCli(), [stripped, '--out-dir', outDir, '--target', 'web', '--out-name', 'loyalty_score', '--no-typescript']);
  rmSync(stripped);
}

// wasm2js takes MVP WebAssembly only: the saturating conversions, sign
// extension and bulk memory are lowered first. Its memory.grow copies into a
// new ArrayBuffer but leaves the old one attached, and wasm-bindgen's glue
// only notices a new buffer when the old one is detached, so it is detached;
// a trap throws an Error named RuntimeError, as WebAssembly's would be.
function wasmToJs(wasmFile, outFile) {
  const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals'];
  const mvp = outFile.replace(/\.js$/, '.mvp.wasm');
  mkdirSync(dirname(outFile), { recursive: true });
  execFileSync(tool('wasm-opt'), [wasmFile, ...features, '--llvm-nontrapping-fptoint-lowering', '--llvm-memory-copy-fill-lowering', '--signext-lowering', '-O3', '--strip-producers', '-o', mvp]);
  execFileSync(tool('wasm2js'), [mvp, ...features, '-O3', '-o', outFile + '.raw']);
  rmSync(mvp);
  let js = readFileSync(outFile + '.raw', 'utf8');
  rmSync(outFile + '.raw');
  const swaps = [
    [/^import \* as \S+ from '\.\/loyalty_score_bg\.js';\n/m, ''],
    [/\nvar retasmFunc = asmFunc\([\s\S]*$/, '\n'],
    [/function wasm2js_trap\(\) \{ throw new Error\('abort'\); \}/, "function wasm2js_trap() { const trap = new Error('unreachable executed'); trap.name = 'RuntimeError'; throw trap; }"],
    [/(\n\s*)buffer = newBuffer;/, '$1const oldBuffer = buffer;$1buffer = newBuffer;$1detach(oldBuffer);'],
  ];
  for (const [pattern, replacement] of swaps) {
    if (!pattern.test(js)) throw new Error(`wasm2js output changed: ${pattern} not found`);
    js = js.replace(pattern, replacement);
  }
  // Each call runs the whole output again, so a fresh instance shares no state with the last.
  writeFileSync(outFile, `const detach = (old) => (old.transfer ? old.transfer(0) : structuredClone(old, { transfer: [old] }));
export const compiled = undefined; // js/core.js asks for it only unbundled
export const eager = true;
export function instantiate(imports) {
${js}
  return { exports: asmFunc(imports) };
}
`);
}

// The module ships deflated, then base64: gzip over base64 of the raw module
// loses a quarter to the 6-bit alphabet, over base64 of deflated bytes next to
// nothing, so the embed is 36 KiB smaller gzipped for fflate's inflate (about
// 2 KiB) and a few milliseconds once at start.
//
// `late` writes the flavour of dist/loyalty-core.js, which is fetched when a
// visitor first needs a result: js/core.js connects at its first call
// (`eager`), and prepare() inflates and compiles the module off the main
// thread before the script says it is ready (DecompressionStream and
// WebAssembly.compile, where the host has them), so that the visitor's first
// move over the calculator is not held up by a long task.
function writeWasmInstance(wasmFile, dir, { late = false } = {}) {
  mkdirSync(dir, { recursive: true });
  const bytes = readFileSync(wasmFile);
  const deflated = deflateRawSync(bytes, { level: 9 });
  writeFileSync(join(dir, 'wasm-base64.js'), `export default ${JSON.stringify(deflated.toString('base64'))};\n`);
  // Compiled once, instantiated again after a trap.
  writeFileSync(join(dir, 'wasm-instance.js'), `import wasmBase64 from './wasm-base64.js';
import { decodeBase64 } from ${JSON.stringify(relative(dir, at('js/base64.js')))};
import { inflateSync } from ${JSON.stringify(relative(dir, at('node_modules/fflate/esm/browser.js')))};
let module = null;
export function compiled() {
  module ??= new WebAssembly.Module(inflateSync(decodeBase64(wasmBase64), { out: new Uint8Array(${bytes.length}) }));
  return module;
}
export function instantiate(imports) {
  return new WebAssembly.Instance(compiled(), imports);
}
${late ? `export const eager = false;
export async function prepare() {
  if (module || typeof DecompressionStream !== 'function' || typeof Response !== 'function' || typeof Blob !== 'function') return;
  try {
    const inflated = new Blob([decodeBase64(wasmBase64)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    module ??= await WebAssembly.compile(await new Response(inflated).arrayBuffer());
  } catch {
    // Left to the first call, which compiles as every other build does and says why it cannot.
  }
}
` : 'export const eager = true;\n'}`);
  return bytes;
}

// js/core.js makes a fresh instance after a trap, and the wasm-bindgen glue
// keeps its instance in module state: so the glue is bundled as a factory,
// each call of which gives a copy with its own state. `glueDir` and
// `instanceDir` choose the flavour (WebAssembly, wasm2js, trap-test).
function coreFlavour(glueDir, instanceDir) {
  return {
    name: 'core-flavour',
    setup(b) {
      b.onResolve({ filter: /^\.\/glue\.js$/ }, ({ importer }) => (importer === at('js/core.js') ? { path: join(glueDir, 'loyalty_score.js') } : undefined));
      b.onResolve({ filter: /^\.\.\/\.build\/wasm-instance\.js$/ }, () => ({ path: join(instanceDir, 'wasm-instance.js') }));
      b.onLoad({ filter: /[\\/]loyalty_score\.js$/ }, ({ path }) => {
        const source = readFileSync(path, 'utf8');
        const names = [...source.matchAll(/^export (?:class|function) (\w+)/gm)].map((match) => match[1]);
        // The glue's async loader, never called, names the .wasm file by
        // import.meta.url, which bundlers of the package would try to resolve.
        const body = source
          .replace(/^export \{[^}]*\};?\s*$/m, '')
          .replace(/^export (class|function) /gm, '$1 ')
          .replace(/new URL\('[^']*\.wasm', import\.meta\.url\)/g, 'undefined');
        if (body.includes('import.meta')) throw new Error(`${path}: the glue's loader changed; import.meta left in the bundle`);
        return { loader: 'js', resolveDir: dirname(path), contents: `export function glue() {\n${body}\nreturn { __wbg_get_imports, __wbg_finalize_init, ${names.join(', ')} };\n}\nexport const unbundled = undefined; // js/core.js uses it only unbundled\n` };
      });
    },
  };
}
const wasmFlavour = coreFlavour(at('target/wasm-bindgen'), at('.build'));
const nowasmFlavour = coreFlavour(at('target/nowasm/wasm-bindgen'), at('.build/nowasm'));

if (process.argv[2] === 'trap-test') {
  const dir = at('target/trap-test');
  bindTrapTest(dir);
  writeWasmInstance(join(dir, 'wasm-bindgen/loyalty_score_bg.wasm'), join(dir, 'instance'));
  await build({
    bundle: true, logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' }, target: 'es2022', inject: [at('js/text-codec.js')],
    entryPoints: [at('www/embed.js')], outfile: join(dir, 'loyalty-calculator.js'), format: 'iife', platform: 'browser',
    plugins: [coreFlavour(join(dir, 'wasm-bindgen'), join(dir, 'instance'))],
  });
  process.exit(0);
}

// The trap-test core is built with the default features of the target, so
// wasm-bindgen's own glue (externref) fits it as it does the normal build.
function bindTrapTest(dir) {
  mkdirSync(join(dir, 'wasm-bindgen'), { recursive: true });
  execFileSync(wasmBindgenCli(), [join(dir, 'wasm32-unknown-unknown/release/loyalty_score.wasm'), '--out-dir', join(dir, 'wasm-bindgen'), '--target', 'web', '--out-name', 'loyalty_score', '--no-typescript']);
}

const wasm = writeWasmInstance(at('target/wasm-bindgen/loyalty_score_bg.wasm'), at('.build'));
writeWasmInstance(at('target/wasm-bindgen/loyalty_score_bg.wasm'), at('.build/late'), { late: true });
bindWithoutExternref(at('target/nowasm/wasm32-unknown-unknown/release/loyalty_score.wasm'), at('target/nowasm/wasm-bindgen'));
wasmToJs(at('target/nowasm/wasm-bindgen/loyalty_score_bg.wasm'), at('.build/nowasm/wasm-instance.js'));

const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(at('Cargo.toml'), 'utf8'))[1];
const banner = `/*! loyalty-score ${version} | MIT OR Apache-2.0 */`;
const bundledVersion = (name) => JSON.parse(readFileSync(at('node_modules', name, 'package.json'), 'utf8')).version;
// What carries the WebAssembly module carries fflate's inflate too.
const wasmBanner = { js: `${banner.slice(0, -3)} | includes the inflate of fflate ${bundledVersion('fflate')} (MIT, (c) Arjun Barrett) */` };
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
const common = { bundle: true, plugins: [squeezeCss, wasmFlavour], logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' }, banner: { js: banner }, target: 'es2022', legalComments: 'none' };

rmSync(at('pkg'), { recursive: true, force: true });
rmSync(at('dist'), { recursive: true, force: true });

await build({ ...common, ...codecs, banner: wasmBanner, entryPoints: [at('js/core.js')], outfile: at('pkg/loyalty-score.mjs'), format: 'esm', platform: 'neutral' });
await build({ ...common, ...codecs, banner: wasmBanner, entryPoints: [at('js/core.js')], outfile: at('pkg/loyalty-score.cjs'), format: 'cjs', platform: 'neutral' });
// The embed is two classic scripts: dist/loyalty-calculator.js, the element
// with its four calculators, which a page loads, and dist/loyalty-core.js
// beside it, which the element loads when a result is first needed
// (www/core-loader-late.js): the WebAssembly core, and the breakdown's views,
// which only ever draw its reports. In the embed each module of LATE_MODULES
// is a stand-in: its functions call the loaded module's, and its constants
// (words and styles, needed before) are the module's own, without the
// functions, which esbuild leaves out as unused. The core script holds the
// modules themselves, under their paths, in globalThis.LoyaltyCore.
const LATE_MODULES = ['js/core.js', 'www/metrics/nps-segment-view.js', 'www/metrics/nps-period-view.js', 'www/metrics/nps-comment-view.js'];
const lateLoader = at('www/core-loader-late.js');
const exportsOf = (file) => {
  const source = readFileSync(at(file), 'utf8');
  const names = (pattern) => [...source.matchAll(pattern)].map((match) => match[1]);
  const functions = names(/^export function (\w+)/gm);
  const constants = names(/^export const (\w+)/gm);
  if (functions.length + constants.length !== names(/^export (.*)$/gm).length) throw new Error(`${file} comes with the core: it may export only \`export function\` and \`export const\``);
  return { functions, constants };
};
const standIns = {
  name: 'late-stand-ins',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, ({ path, resolveDir, importer, namespace }) => {
      const file = relative(root, join(resolveDir, path));
      if (file === 'www/core-loader.js') return { path: lateLoader };
      return LATE_MODULES.includes(file) && namespace !== 'late' ? { path: file, namespace: 'late' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'late' }, ({ path }) => {
      const { functions, constants } = exportsOf(path);
      return {
        loader: 'js',
        resolveDir: root,
        contents: `import { lateModule } from ${JSON.stringify(lateLoader)};\n` +
          (constants.length ? `export { ${constants.join(', ')} } from ${JSON.stringify(at(path))};\n` : '') +
          functions.map((name) => `export function ${name}(...args) { return lateModule(${JSON.stringify(path)}).${name}(...args); }\n`).join(''),
      };
    });
  },
};
const lateEntry = at('.build/late-entry.js');
// globalThis.LoyaltyCore is a promise of the modules, kept when another copy of the script ran first.
const lateNames = (i) => exportsOf(LATE_MODULES[i]).functions.map((name) => `${name}: late${i}_${name}`).join(', ');
writeFileSync(lateEntry, LATE_MODULES.map((file, i) => `import { ${exportsOf(file).functions.map((name) => `${name} as late${i}_${name}`).join(', ')} } from ${JSON.stringify(at(file))};\n`).join('') +
  `import { prepare } from ${JSON.stringify(at('.build/late/wasm-instance.js'))};\n` +
  `globalThis.LoyaltyCore ??= prepare().then(() => Object.freeze({\n${LATE_MODULES.map((file, i) => `  ${JSON.stringify(file)}: Object.freeze({ ${lateNames(i)} }),\n`).join('')}}));\n`);
await build({ ...common, plugins: [squeezeCss, standIns], entryPoints: [at('www/embed.js')], outfile: at('dist/loyalty-calculator.js'), format: 'iife', platform: 'browser', minify: true });
await build({ ...common, ...codecs, plugins: [squeezeCss, coreFlavour(at('target/wasm-bindgen'), at('.build/late'))], banner: wasmBanner, entryPoints: [lateEntry], outfile: at('dist/loyalty-core.js'), format: 'iife', platform: 'browser', minify: true });
await build({
  ...common,
  ...codecs,
  plugins: [squeezeCss, nowasmFlavour],
  entryPoints: [at('www/embed.js')],
  outfile: at('dist/loyalty-calculator.nowasm.js'),
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
const xlsxBanner = `${banner.slice(0, -3)} | includes fflate ${bundledVersion('fflate')} (MIT, (c) Arjun Barrett) and saxen ${bundledVersion('saxen')} (MIT, (c) Vopilovskii Konstantin, Nico Rehwaldt) */`;
const xlsxCommon = { ...common, banner: { js: xlsxBanner }, minify: true };
await build({ ...xlsxCommon, entryPoints: [at('www/xlsx-embed.js')], outfile: at('dist/loyalty-xlsx.js'), format: 'iife', platform: 'browser' });
for (const [format, out] of [['esm', 'xlsx.mjs'], ['cjs', 'xlsx.cjs']]) {
  await build({ ...xlsxCommon, entryPoints: [at('www/xlsx.js')], outfile: at('pkg', out), format, platform: 'neutral' });
}

// esbuild's CommonJS files define their exports with a for-in walk, which
// also takes what a host added to Object.prototype, and then throws: own
// keys only (tests/js/hosts.test.cjs loads each file in such a host).
const FOR_IN_EXPORTS = /for ?\(var (\w+) in (\w+)\)(\s*\w+\(\w+, ?\1, ?\{ ?get: ?\2\[\1\], ?enumerable: ?(?:true|!0) ?\}\))/;
for (const file of ['loyalty-score.cjs', 'widget.cjs', 'xlsx.cjs']) {
  const source = readFileSync(at('pkg', file), 'utf8');
  if (!FOR_IN_EXPORTS.test(source)) throw new Error(`pkg/${file}: esbuild's exports helper changed; check it for for-in`);
  writeFileSync(at('pkg', file), source.replace(FOR_IN_EXPORTS, 'for (var $1 of Object.keys($2))$3'));
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
console.log(`wasm ${(wasm.length / 1024).toFixed(1)} KiB; pkg/loyalty-score.mjs ${kib('pkg/loyalty-score.mjs')}; dist/loyalty-calculator.js ${withGzip('dist/loyalty-calculator.js')}; dist/loyalty-core.js ${withGzip('dist/loyalty-core.js')}; dist/loyalty-calculator.nowasm.js ${withGzip('dist/loyalty-calculator.nowasm.js')}; dist/loyalty-xlsx.js ${withGzip('dist/loyalty-xlsx.js')}; pkg/xlsx.mjs ${withGzip('pkg/xlsx.mjs')}; pkg/xlsx.cjs ${withGzip('pkg/xlsx.cjs')}`);
