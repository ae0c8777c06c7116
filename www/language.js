// Which language an element speaks, and following the page when it switches:
// the closest lang at or above the element (also across shadow roots), else
// the browser's. Elements without a lang of their own follow <html lang>.
import { supportedLanguage } from './strings.js';

/** 'en' or 'nl' for `element`. */
export function languageOf(element) {
  for (let node = element; node; node = node.parentElement ?? node.parentNode?.host) {
    const tag = node.getAttribute?.('lang');
    if (tag) return supportedLanguage(tag);
  }
  return supportedLanguage(typeof navigator !== 'undefined' ? navigator.language : 'en');
}

const followers = new Set();
let htmlObserver = null;

/** While `on`, calls `element.languageChanged()` whenever <html lang> changes. */
export function followHtmlLang(element, on) {
  if (on) followers.add(element);
  else followers.delete(element);
  if (!htmlObserver && on && typeof MutationObserver === 'function') {
    htmlObserver = new MutationObserver(() => followers.forEach((follower) => follower.languageChanged()));
    htmlObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
}
