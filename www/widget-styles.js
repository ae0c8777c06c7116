// The widget's styles, adopted as a constructable stylesheet so that a strict
// Content-Security-Policy (style-src 'self') does not block them. The host page
// can reach in only through the --loyalty-* custom properties and ::part():
// .root resets every inherited property (all: initial), and sizes are in em
// from .root or px, because inherited properties and rem cross the shadow
// boundary. Tables inherit colour and size explicitly: on a host page in
// quirks mode (no doctype) they would drop both. The layout follows the
// element's own width (container queries).

import { css } from './css.js';

// The dark palette, for theme="dark" and for theme="auto" on a dark system.
const DARK = css`
  --_text: var(--loyalty-text, #e6edf3);
  --_bg: var(--loyalty-background, #161b22);
  --_muted: var(--loyalty-muted, #a5b0bc);
  --_border: var(--loyalty-border, #3a4350);
  --_control: var(--loyalty-control-border, #7d8896);
  --_accent: var(--loyalty-accent, #79b8ff);
  --_on-accent: var(--loyalty-on-accent, #0d1117);
  --_soft: var(--loyalty-soft, #222a34);
  --_promoter: var(--loyalty-promoter, #56d364);
  --_passive: var(--loyalty-passive, #e3b341);
  --_detractor: var(--loyalty-detractor, #ff7b72);
  color-scheme: dark;
`;

export const STYLES = css`
:host {
  all: initial;
  display: block;
  container-type: inline-size;
  contain: content;
}
:host([hidden]) { display: none; }
.root {
  all: initial;
  display: block;
  box-sizing: border-box;
  --_text: var(--loyalty-text, #1d232b);
  --_bg: var(--loyalty-background, #ffffff);
  --_muted: var(--loyalty-muted, #4f5966);
  --_border: var(--loyalty-border, #c9d0d8);
  --_control: var(--loyalty-control-border, #7b8592);
  --_accent: var(--loyalty-accent, #0b5cad);
  --_on-accent: var(--loyalty-on-accent, #ffffff);
  --_soft: var(--loyalty-soft, #eef2f6);
  --_promoter: var(--loyalty-promoter, #1b7a3d);
  --_passive: var(--loyalty-passive, #8a6d00);
  --_detractor: var(--loyalty-detractor, #b3261e);
  --_radius: var(--loyalty-radius, 0.5em);
  --_gap: var(--loyalty-spacing, 1em);
  color-scheme: light;
  font-family: var(--loyalty-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: var(--loyalty-font-size, 16px);
  line-height: 1.45;
  color: var(--_text);
  background: var(--_bg);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  padding: var(--_gap);
  text-align: start;
  overflow-wrap: break-word;
  position: relative;
}
:host([theme="dark"]) .root {${DARK}}
@media (prefers-color-scheme: dark) {
  :host([theme="auto"]) .root {${DARK}}
}
:host([compact]) .root { font-size: calc(var(--loyalty-font-size, 16px) * 0.875); padding: calc(var(--_gap) * 0.75); }
*, *::before, *::after { box-sizing: inherit; }
[hidden] { display: none !important; }
.layout { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); }
@container (min-width: 720px) {
  :host(:not([compact])) .layout { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
  :host(:not([compact])) .wide { grid-column: 1 / -1; }
}
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; margin: -1px; }
fieldset { border: 0; margin: 0 0 0.75em; padding: 0; min-width: 0; }
.seg { display: inline-flex; flex-wrap: wrap; border: 1px solid var(--_control); border-radius: 999px; padding: 2px; gap: 2px; }
.seg label { position: relative; display: block; margin: 0; font-weight: 500; }
.seg input { position: absolute; opacity: 0; inset: 0; margin: 0; width: 100%; height: 100%; cursor: pointer; }
.seg span { display: block; padding: 0.25em 0.85em; border-radius: 999px; }
.seg input:checked + span { background: var(--_accent); color: var(--_on-accent); }
.seg input:focus-visible + span { outline: 3px solid var(--_accent); outline-offset: 2px; }
label { display: block; font-weight: 600; margin-bottom: 0.35em; }
textarea, input, select, button { font: inherit; color: inherit; letter-spacing: normal; text-transform: none; }
textarea {
  display: block; width: 100%; min-height: 10em; resize: vertical; margin: 0;
  font: 0.95em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  background: var(--_bg); border: 1px solid var(--_control); border-radius: calc(var(--_radius) * 0.6);
  padding: 0.5em 0.6em;
}
.counts { display: grid; gap: 0.6em; grid-template-columns: minmax(0, 1fr); }
.counts label { margin-bottom: 0.2em; }
.counts input, select {
  background: var(--_bg); border: 1px solid var(--_control); border-radius: 0.3em; padding: 0.25em 0.4em; max-width: 100%;
}
.counts input { width: 8em; font-variant-numeric: tabular-nums; }
.hint { margin: 0 0 0.6em; color: var(--_muted); font-size: 0.9em; }
.error { margin: 0.5em 0 0; color: var(--_detractor); font-weight: 600; }
:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
.options { display: flex; flex-wrap: wrap; gap: 0.5em 1em; margin-top: 0.75em; }
.options > span { min-width: 0; max-width: 100%; }
.options label { display: inline; font-weight: 500; margin-right: 0.4em; }
.big { border: 1px dashed var(--_control); border-radius: calc(var(--_radius) * 0.6); padding: 0.6em 0.75em; background: var(--_soft); }
.big p { margin: 0 0 0.5em; font-weight: 600; }
.reading, .file, .picker { margin-top: 0.6em; }
.reading progress { display: block; width: 100%; margin-bottom: 0.5em; }
.file { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4em 0.6em; }
.file .hint { margin: 0; }
.file-button { font-weight: 500; }
.vh:focus-visible + .file-button { outline: 3px solid var(--_accent); outline-offset: 2px; }
.drop {
  position: absolute; inset: 0; z-index: 1; display: grid; place-items: center; pointer-events: none;
  border: 3px dashed var(--_accent); border-radius: var(--_radius); font-size: 1.25em; font-weight: 700;
  background: color-mix(in srgb, var(--_bg) 85%, transparent);
}
.warnings { margin: 0.6em 0 0; padding: 0.4em 0.6em; border-left: 4px solid var(--_passive); background: var(--_soft); }
.warnings ul { margin: 0; padding-left: 1.1em; }
.big pre { margin: 0.5em 0 0; max-height: 12em; overflow: auto; font: 0.85em/1.4 ui-monospace, Menlo, Consolas, monospace; background: var(--_bg); padding: 0.4em; border-radius: 0.3em; }
button, .file-button {
  cursor: pointer; background: var(--_bg); border: 1px solid var(--_control); border-radius: 999px;
  padding: 0.25em 0.8em; margin: 0; line-height: 1.3;
}
button:hover, .file-button:hover { background: var(--_soft); }
.buttons { display: flex; flex-wrap: wrap; gap: 0.4em; }
.score-label { color: var(--_muted); font-weight: 600; }
.score { font-size: 3em; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
:host([compact]) .score { font-size: 2.4em; }
.band { margin: 0.15em 0 0; font-weight: 600; }
.interval { margin: 0.25em 0 0; color: var(--_muted); }
svg { display: block; width: 100%; max-width: 480px; height: auto; overflow: visible; margin-top: 0.6em; font-family: inherit; }
.chart-title { margin: 1em 0 0; font-weight: 600; color: var(--_muted); font-size: 0.9em; }
.f-text { fill: var(--_text); } .f-muted { fill: var(--_muted); } .f-bg { fill: var(--_bg); } .f-border { fill: var(--_control); }
.f-accent { fill: var(--_accent); } .f-promoter { fill: var(--_promoter); } .f-passive { fill: var(--_passive); } .f-detractor { fill: var(--_detractor); }
.s-text { stroke: var(--_text); } .s-muted { stroke: var(--_muted); } .s-bg { stroke: var(--_bg); } .s-border { stroke: var(--_control); } .s-accent { stroke: var(--_accent); }
table { border-collapse: collapse; width: 100%; margin-top: 0.75em; font-variant-numeric: tabular-nums; color: inherit; font-size: inherit; line-height: inherit; }
th, td { text-align: left; padding: 0.25em 0.5em 0.25em 0; border-bottom: 1px solid var(--_border); font-weight: 400; }
td { text-align: right; }
th:last-child, td:last-child { padding-right: 0; }
thead th { font-weight: 600; color: var(--_muted); }
thead th:not(:first-child) { text-align: right; }
tbody th { font-weight: 600; position: relative; padding-left: 1.1em; }
tbody th::before { content: ""; position: absolute; left: 0; top: 0.65em; width: 0.7em; height: 0.7em; border-radius: 2px; }
tr.total th { padding-left: 0; }
tr.promoters th::before { background: var(--_promoter); }
tr.passives th::before { background: var(--_passive); }
tr.detractors th::before { background: var(--_detractor); }
tr.total th::before { display: none; }
tr.total th, tr.total td { font-weight: 700; border-bottom: none; }
.note { margin: 0.5em 0 0; color: var(--_muted); font-size: 0.9em; }
.rejected { margin-top: 0.75em; }
.rejected summary { cursor: pointer; color: var(--_detractor); font-weight: 600; }
.rejected ul { margin: 0.4em 0 0; padding-left: 1.2em; max-height: 12em; overflow: auto; }
.rejected code { font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; background: var(--_soft); padding: 0 0.25em; border-radius: 0.2em; }
.where { color: var(--_muted); }
.actions { margin-top: 1em; }
.actions h3 { margin: 0 0 0.4em; font-size: 0.9em; font-weight: 600; color: var(--_muted); }
.feedback { margin: 0.4em 0 0; font-size: 0.9em; min-height: 1.3em; }
.manual { width: 100%; min-height: 5em; margin-top: 0.4em; }
.privacy { margin: 0; color: var(--_muted); font-size: 0.9em; }
legend { padding: 0; font-weight: 700; margin-bottom: 0.5em; }
.fields { display: grid; gap: 0.6em 1em; grid-template-columns: minmax(0, 1fr); }
.field { min-width: 0; }
.field label { margin-bottom: 0.2em; }
.field input, .field select {
  background: var(--_bg); border: 1px solid var(--_control); border-radius: 0.3em; padding: 0.25em 0.4em;
  width: 10em; max-width: 100%; font-variant-numeric: tabular-nums;
}
.field input[aria-invalid="true"] { border-color: var(--_detractor); border-width: 2px; }
.field .error { margin-top: 0.25em; font-size: 0.9em; }
.field button { display: block; margin-top: 0.4em; }
button:disabled { cursor: default; opacity: 0.6; }
button:disabled:hover { background: var(--_bg); }
table.plain tbody th { padding-left: 0; }
table.plain tbody th::before { display: none; }
table.plain td { white-space: nowrap; }
@container (min-width: 480px) {
  .fields { grid-template-columns: repeat(auto-fill, minmax(12em, 1fr)); }
}
@container (min-width: 720px) {
  :host(:not([compact])) .input .fields { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
}
@media (prefers-reduced-motion: no-preference) {
  button, .seg span, textarea, input, select { transition: background-color 0.15s ease, color 0.15s ease, border-color 0.15s ease; }
}
@container (max-width: 400px) {
  .root { padding: 0.75em; }
  table { font-size: 0.875em; }
  tbody th { padding-left: 0; }
  tbody th::before { display: none; }
}
`;

let sharedSheet = null;

/**
 * Gives a shadow root the element's styles and `more` (the metrics' CSS): one
 * constructable sheet shared by every instance, or a <style> where
 * constructable sheets are missing.
 */
export function adoptStyles(root, more) {
  if (!sharedSheet && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(STYLES + more);
  }
  if (sharedSheet) root.adoptedStyleSheets = [sharedSheet];
  else root.append(Object.assign(document.createElement('style'), { textContent: STYLES + more }));
}
