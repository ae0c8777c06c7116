// The widget's styles, adopted as a constructable stylesheet so that a strict
// Content-Security-Policy (style-src 'self') does not block them. Sizes are in
// em from :host, because rem and inherited properties cross the shadow boundary.
export const STYLES = `
:host {
  all: initial;
  display: block;
  contain: content;
  box-sizing: border-box;
  font-family: var(--loyalty-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: var(--loyalty-font-size, 16px);
  line-height: 1.45;
  color: var(--loyalty-text, #1d232b);
  --_bg: var(--loyalty-background, #ffffff);
  --_muted: var(--loyalty-muted, #545e6b);
  --_border: var(--loyalty-border, #c4cbd4);
  --_accent: var(--loyalty-accent, #0b5cad);
  --_radius: var(--loyalty-radius, 0.5em);
  --_gap: var(--loyalty-spacing, 1em);
  --_promoter: var(--loyalty-promoter, #1b7a3d);
  --_passive: var(--loyalty-passive, #8a6d00);
  --_detractor: var(--loyalty-detractor, #b3261e);
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: inherit; }
.container {
  background: var(--_bg);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  padding: var(--_gap);
  display: grid;
  gap: var(--_gap);
  grid-template-columns: minmax(0, 1fr);
}
@media (min-width: 48em) {
  .container { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
  .note[part="privacy"] { grid-column: 1 / -1; }
}
@media (max-width: 25em) {
  .container { padding: 0.75em; }
  table { font-size: 0.8em; }
}
label { display: block; font-weight: 600; margin-bottom: 0.35em; }
textarea {
  display: block; width: 100%; min-height: 10em; resize: vertical;
  font: 0.95em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  color: inherit; background: var(--_bg);
  border: 1px solid var(--_border); border-radius: calc(var(--_radius) * 0.6);
  padding: 0.5em 0.6em;
}
textarea:focus-visible, select:focus-visible, summary:focus-visible {
  outline: 3px solid var(--_accent); outline-offset: 2px;
}
.options { display: flex; flex-wrap: wrap; gap: 0.5em 1em; margin-top: 0.75em; }
.options > span { min-width: 0; max-width: 100%; }
.options label { display: inline; font-weight: 500; margin-right: 0.4em; }
select { max-width: 100%; font: inherit; color: inherit; background: var(--_bg); border: 1px solid var(--_border); border-radius: 0.3em; padding: 0.15em 0.3em; }
.score-label { color: var(--_muted); font-weight: 600; }
.score { font-size: 3em; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.interval { margin: 0.25em 0 0; color: var(--_muted); }
.status { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin-top: 0.75em; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 0.25em 0.5em 0.25em 0; border-bottom: 1px solid var(--_border); }
td { text-align: right; }
th:last-child, td:last-child { padding-right: 0; }
thead th { font-weight: 600; color: var(--_muted); }
thead th:not(:first-child) { text-align: right; }
tr.promoters th { color: var(--_promoter); }
tr.passives th { color: var(--_passive); }
tr.detractors th { color: var(--_detractor); }
tr.total th, tr.total td { font-weight: 600; border-bottom: none; }
.note { margin: 0.5em 0 0; color: var(--_muted); font-size: 0.9em; }
.rejected { margin-top: 0.75em; }
.rejected summary { cursor: pointer; color: var(--_detractor); font-weight: 600; }
.rejected ul { margin: 0.4em 0 0; padding-left: 1.2em; max-height: 12em; overflow: auto; }
.rejected code { overflow-wrap: anywhere; background: rgba(127, 127, 127, 0.15); padding: 0 0.25em; border-radius: 0.2em; }
.where { color: var(--_muted); }
[hidden] { display: none !important; }
`;
