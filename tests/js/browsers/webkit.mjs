// WebKit, Safari's engine (Debian's webkit2gtk-driver), driven by W3C WebDriver
// over HTTP with Node's fetch: `xvfb-run -a WebKitWebDriver --port=N` starts
// the driver in a virtual X display, and the session runs the MiniBrowser of
// libwebkit2gtk-4.1 in automation mode. Only 127.0.0.1 is contacted.
//
// WebDriver classic cannot run a script before the page's own, nor report the
// console: the probe is installed once the page has loaded, and violations
// during the load reach the test site as CSP reports (see site.mjs).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename } from 'node:path';
import { installProbe } from './probe.mjs';

/** How a paste ClipboardEvent made by a script carries its text here (see cases.mjs). */
export const pasteEventData = 'clipboardData';
export const name = 'WebKit';
export const binary = process.env.WEBKIT_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const DRIVER = '/usr/bin/WebKitWebDriver';
const XVFB = '/usr/bin/xvfb-run';
const ENTER = '\uE007';

/** Why the browser cannot run here, or null. */
export function missing() {
  const absent = [binary, DRIVER, XVFB].filter((path) => !existsSync(path));
  return absent.length ? `WebKit not found (${absent.join(', ')} missing): run \`make webkit\` (or \`make test\`), which installs webkit2gtk-driver and xvfb` : null;
}

const freePort = () => new Promise((done, fail) => {
  const probe = createServer().once('error', fail).listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => done(port));
  });
});

export async function launch() {
  const port = await freePort();
  // Its own process group, so that closing ends xvfb-run, Xvfb, the driver and the browser together.
  const child = spawn(XVFB, ['-a', DRIVER, `--port=${port}`, '--host=127.0.0.1'], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
  const exited = new Promise((done) => child.once('exit', done));
  const base = `http://127.0.0.1:${port}`;

  async function call(method, path, body) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json; charset=utf-8' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const answer = await response.json();
    if (!response.ok || answer.value?.error) throw new Error(`WebDriver ${method} ${path}: ${answer.value?.error} ${answer.value?.message ?? ''}`);
    return answer.value;
  }

  const end = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await call('GET', '/status')).ready) break;
    } catch (error) {
      if (Date.now() > end || child.exitCode !== null) throw new Error(`WebKitWebDriver did not start: ${error.message}\n${log}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  const session = await call('POST', '/session', {
    capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary, args: ['--automation'] } } },
  });
  const at = (path) => `/session/${session.sessionId}${path}`;
  await call('POST', at('/timeouts'), { script: 120_000, pageLoad: 60_000 });
  await call('POST', at('/window/rect'), { width: 1024, height: 800 }).catch(() => {});

  /**
   * Runs `fn(...args)` in the page; arguments go in as JSON in the script's
   * text, and the outcome comes back as JSON text, since WebKitWebDriver's
   * own serializer also walks what a page added to Object.prototype.
   */
  async function run(fn, args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn}).apply(null, ${JSON.stringify(args)}))
        .then((value) => done(JSON.stringify({ value: value === undefined ? null : value })), (error) => done(JSON.stringify({ error: String(error && error.stack || error) })));`;
    const result = JSON.parse(await call('POST', at('/execute/async'), { script, args: [] }));
    if (result.error) throw new Error(`in the page: ${result.error}`);
    return result.value;
  }

  /**
   * A real click on the element `locate()` returns. WebKitWebDriver's element click
   * sees the shadow host on top of an element in a shadow root and refuses it as
   * intercepted, so the click is a pointer action at the element's centre.
   */
  async function click(locate) {
    const { x, y } = await run(`(function () {
      const element = (${locate})();
      element.scrollIntoView({ block: 'center' });
      const box = element.getBoundingClientRect();
      return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
    })`, []);
    await call('POST', at('/actions'), {
      actions: [{
        type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
        actions: [{ type: 'pointerMove', x, y, origin: 'viewport' }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }],
      }],
    });
    await call('DELETE', at('/actions'));
  }

  return {
    name,
    async open(url) {
      await call('POST', at('/url'), { url });
      await run(installProbe, [false]);
    },
    evaluate: (fn, ...args) => run(fn, args),
    async type(locate, text) {
      await click(locate);
      await run(`(function () { (${locate})().focus(); })`, []);
      const keys = [...text].flatMap((key) => {
        const value = key === '\n' ? ENTER : key;
        return [{ type: 'keyDown', value }, { type: 'keyUp', value }];
      });
      await call('POST', at('/actions'), { actions: [{ type: 'key', id: 'keyboard', actions: keys }] });
      await call('DELETE', at('/actions'));
    },
    click,
    /** WebDriver cannot reach an input in a shadow root with a path: the File is made in the page from the file's bytes. */
    setFile(calculator, path) {
      return run((selector, name, base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const input = document.querySelector(selector).shadowRoot.querySelector('[part="file-input"]');
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: 'text/csv' }));
        input.files = transfer.files;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, [calculator, basename(path), readFileSync(path).toString('base64')]);
    },
    problems: () => run(() => window.__probe ?? ['the probe is missing'], []),
    async close() {
      await call('DELETE', at('')).catch(() => {});
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }
    },
  };
}
