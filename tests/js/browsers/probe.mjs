// Scripts the drivers run in the page under test: the problem probe (CSP
// violations through a `securitypolicyviolation` listener, and, where the
// driver cannot see them itself, page errors and console errors), and the
// capture of downloads, which keeps each file's Blob text instead of saving it.

/**
 * Installs the probe in the page. With `native`, the driver collects console
 * and page errors itself, so violations are only written to console.error.
 */
export function installProbe(native) {
  if (window.__probe) return;
  const problems = (window.__probe = []);
  const error = console.error.bind(console);
  document.addEventListener('securitypolicyviolation', (event) => {
    const text = `CSP violation: ${event.violatedDirective} ${event.blockedURI}`;
    if (native) error(text);
    else problems.push(text);
  });
  if (native) return;
  console.error = (...parts) => {
    problems.push(`console.error: ${parts.map(String).join(' ')}`);
    error(...parts);
  };
  addEventListener('error', (event) => problems.push(`pageerror: ${event.message}`));
  addEventListener('unhandledrejection', (event) => problems.push(`pageerror: ${event.reason}`));
}

/**
 * Wraps URL.createObjectURL and HTMLAnchorElement.prototype.click so that a
 * click on a download link of a Blob records { name, type, text } in
 * window.__saved instead of saving a file.
 */
export function captureDownloads() {
  if (window.__saved) return;
  window.__saved = [];
  const blobs = new Map();
  const create = URL.createObjectURL;
  URL.createObjectURL = function createObjectURL(blob) {
    const url = create.call(URL, blob);
    blobs.set(url, blob);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function captured() {
    const blob = blobs.get(this.href);
    if (!blob || !this.download) return click.call(this);
    const name = this.download;
    window.__saved.push(blob.text().then((text) => ({ name, type: blob.type, text })));
  };
}
