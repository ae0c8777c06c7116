// Shared set-up of the <loyalty-calculator> tests in Chromium: a server for the
// repository root that sends tests/fixtures/hostile.html and the other
// STRICT_PAGES with their Content-Security-Policy headers, the browser, and
// pages that collect page errors, console errors and CSP violations.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { launchChromium } from './chromium.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
// As strict, and without permission to compile WebAssembly.
export const NO_WASM_CSP = "default-src 'none'; script-src 'self'; style-src 'self'";
/** The pages served with a Content-Security-Policy header, and the policy of each. */
export const STRICT_PAGES = new Map([
  ['/tests/fixtures/hostile.html', CSP],
  ['/tests/fixtures/altered.html', CSP],
  ['/tests/fixtures/frozen.html', CSP],
  ['/tests/fixtures/xlsx.html', CSP],
  ['/tests/fixtures/lazy.html', CSP],
  ['/tests/fixtures/no-wasm.html', NO_WASM_CSP],
  ['/tests/fixtures/no-wasm-build.html', NO_WASM_CSP],
]);

export const env = { browser: null, server: null, origin: '' };

before(async () => {
  env.server = await serve(root, 0, (path) => (STRICT_PAGES.has(path) ? { 'content-security-policy': STRICT_PAGES.get(path) } : {}));
  env.origin = `http://127.0.0.1:${env.server.address().port}`;
  env.browser = await launchChromium();
});

after(async () => {
  await env.browser?.close();
  await new Promise((done) => (env.server ? env.server.close(done) : done()));
});

/**
 * A fresh page in its own context, closed when the test ends. Page errors,
 * console errors and CSP violations (in any frame) are collected in `problems`.
 */
export async function openPage(t, { width = 1024, height = 800, locale = 'en-US', colorScheme = 'light', reducedMotion = 'no-preference', clipboard = false } = {}) {
  const context = await env.browser.newContext({
    viewport: { width, height },
    locale,
    colorScheme,
    reducedMotion,
    acceptDownloads: true,
    permissions: clipboard ? ['clipboard-read', 'clipboard-write'] : [],
  });
  t.after(() => context.close());
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
    // An error the browser reports without a thrown value (a ResizeObserver
    // loop, say) reaches error trackers on a host page, but not 'pageerror'.
    addEventListener('error', (event) => {
      if (!event.error) console.error(`error event: ${event.message}`);
    });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  return { page, context, problems };
}

/** Waits (up to `timeout` ms) for the locator's text to equal `expected`, then asserts it. */
export async function expectText(locator, expected, timeout = 3000) {
  const end = Date.now() + timeout;
  let actual = await locator.textContent();
  while (actual !== expected && Date.now() < end) {
    await new Promise((done) => setTimeout(done, 20));
    actual = await locator.textContent();
  }
  assert.equal(actual, expected);
}

/** A part of the calculator matched by `calculator` (a CSS selector). */
export const part = (page, name, calculator = 'loyalty-calculator') => page.locator(`${calculator} [part~="${name}"]`).first();

/** The Respondents column of the result table: promoters, passives, detractors, total. */
export const counts = (page, calculator = 'loyalty-calculator') =>
  page.locator(`${calculator} [part="table"] tbody tr td:first-of-type`).allTextContents();

/** Records every event of `types` on document as { type, target, bubbles, composed, detail }. */
export function recordEvents(page, types = ['loyalty-result', 'loyalty-error']) {
  return page.addInitScript((list) => {
    window.events = [];
    for (const type of list) {
      document.addEventListener(type, (event) => {
        window.events.push({ type, target: event.target.id || event.target.localName, bubbles: event.bubbles, composed: event.composed, detail: event.detail });
      });
    }
  }, types);
}
