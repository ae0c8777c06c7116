// The test site of the Firefox and WebKit tests: the repository root served by
// scripts/serve.mjs, with tests/fixtures/hostile.html sent under the strict
// Content-Security-Policy of the Chromium tests. The policy also names a
// report-uri, so a violation is known even where no listener can be in the
// page before it loads (WebDriver classic has no init scripts): the browser
// then posts a report, which the site records like every other request.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../../scripts/serve.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
export const REPORTS = '/csp-report';
export const HOSTILE = '/tests/fixtures/hostile.html';
export const NO_WASM = '/tests/fixtures/no-wasm.html';
export const NO_WASM_BUILD = '/tests/fixtures/no-wasm-build.html';
/** Host pages whose scripts altered the built-ins before the embed: enumerable additions, and frozen prototypes. */
export const ALTERED = '/tests/fixtures/altered.html';
export const FROZEN = '/tests/fixtures/frozen.html';
/** A policy that allows scripts from the site but not compiling WebAssembly. */
export const NO_WASM_CSP = "default-src 'none'; script-src 'self'; style-src 'self'";
const POLICIES = new Map([[HOSTILE, CSP], [ALTERED, CSP], [FROZEN, CSP], [NO_WASM, NO_WASM_CSP], [NO_WASM_BUILD, NO_WASM_CSP]]);

/** Starts the site; `requests` lists the path of every request it receives, in order. */
export async function startSite() {
  const requests = [];
  const reports = [];
  const server = await serve(root, 0, (path) => (POLICIES.has(path) ? { 'content-security-policy': `${POLICIES.get(path)}; report-uri ${REPORTS}` } : {}));
  server.on('request', (request) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    requests.push(path);
    if (path !== REPORTS) return;
    const report = { at: requests.length - 1, body: '' };
    reports.push(report);
    request.on('data', (chunk) => (report.body += chunk));
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  // WebKit's MiniBrowser asks for /favicon.ico itself, under the page's policy, and
  // reports that as img-src; the request is the browser's own, not the page's.
  const isFavicon = (report) => report.body.includes(`"blocked-uri":"${origin}/favicon.ico"`) && report.body.includes('"effective-directive":"img-src"');
  return {
    origin,
    requests,
    /** The CSP reports received since request number `since`, as problems. */
    reports: (since = 0) => reports.filter((report) => report.at >= since && !isFavicon(report)).map((report) => `CSP report: ${report.body}`),
    close: () => new Promise((done) => {
      server.closeAllConnections?.();
      server.close(done);
    }),
  };
}
