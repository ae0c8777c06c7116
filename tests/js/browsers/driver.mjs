// What the Firefox and WebKit tests ask of a browser, whatever drives it. A
// driver has one page open at a time:
//   open(url)                   a fresh page at `url`, with the probe installed
//   evaluate(fn, ...args)       runs `fn(...args)` in the page (JSON in and out; may return a promise)
//   type(locate, text)          real key presses into the element `locate()` returns in the page ('\n' is Enter)
//   click(locate)               a real click on that element
//   setFile(calculator, path)   gives the file at `path` to the <input type=file> in that calculator's shadow root
//   problems()                  console errors, page errors and CSP violations seen so far
//   close()                     ends the browser (and its driver)
// waitFor is the same for every driver, built on evaluate.

/** Polls `fn(...args)` in the page until it returns something truthy; resolves to it. */
export async function waitFor(driver, fn, args = [], { timeout = 10_000, interval = 50, message = '' } = {}) {
  const end = Date.now() + timeout;
  let value = await driver.evaluate(fn, ...args);
  while (!value && Date.now() < end) {
    await new Promise((done) => setTimeout(done, interval));
    value = await driver.evaluate(fn, ...args);
  }
  if (!value) throw new Error(`timed out after ${timeout} ms waiting for ${message || fn.toString().slice(0, 120)}`);
  return value;
}
