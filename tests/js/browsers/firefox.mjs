// Firefox (Debian's firefox-esr), driven over WebDriver BiDi by puppeteer-core.
// No browser is ever downloaded: `make test` installs the distribution's package.
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { installProbe } from './probe.mjs';

/** How a paste ClipboardEvent made by a script carries its text here (see cases.mjs). */
export const pasteEventData = 'dataType and data';
export const name = 'Firefox';
export const binary = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Why the browser cannot run here, or null. */
export const missing = () => (existsSync(binary) ? null : `Firefox not found at ${binary}: run \`make firefox\` (or \`make test\`), which installs firefox-esr, or set FIREFOX_PATH`);

export async function launch() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: binary,
    headless: true,
    defaultViewport: { width: 1024, height: 800 },
    // No favicon fetches: the browser's own request for /favicon.ico would fall under the page's CSP.
    extraPrefsFirefox: { 'intl.accept_languages': 'en-US', 'browser.chrome.site_icons': false, 'browser.chrome.favicons': false },
  });
  let context = null;
  let page = null;
  let seen = [];

  return {
    name,
    async open(url) {
      await context?.close();
      context = await browser.createBrowserContext();
      page = await context.newPage();
      seen = [];
      page.on('console', (message) => {
        if (message.type() === 'error') seen.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => seen.push(`pageerror: ${error.message}`));
      await page.evaluateOnNewDocument(installProbe, true);
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    async type(locate, text) {
      const element = await page.evaluateHandle(`(${locate})()`);
      await element.focus();
      await page.keyboard.type(text);
      await element.dispose();
    },
    async click(locate) {
      const element = await page.evaluateHandle(`(${locate})()`);
      await element.click();
      await element.dispose();
    },
    async setFile(calculator, path) {
      const input = await page.evaluateHandle((selector) => document.querySelector(selector).shadowRoot.querySelector('[part="file-input"]'), calculator);
      await input.uploadFile(path);
      await input.dispose();
    },
    problems: async () => [...seen, ...(await page.evaluate(() => window.__probe ?? ['the probe is missing']))],
    async close() {
      await context?.close().catch(() => {});
      await browser.close();
    },
  };
}
