// The frame's save and share actions: copy the result as text, download it
// as CSV or JSON, download its chart as SVG or PNG, copy a share link. What
// each metric puts in them comes from its module; where the clipboard is
// refused, the text is offered to copy by hand.
import { h } from './dom.js';
import { sceneLook, sceneToPng, stackScenes, svgFile } from './charts.js';
import { copyText, resultJson, saveFile } from './export.js';

/**
 * `host` gives { id(name), texts(), shown(), elementId(), styled(), fileParent }:
 * `shown()` is { report, metric, view, options } of the result on show,
 * `styled()` the node whose computed colours the chart files take, and
 * `fileParent` where the temporary download link goes.
 */
export function actionsPanel(host) {
  const title = h('h3', { id: host.id('actions') });
  const buttons = {};
  const row = h('div', { class: 'buttons' });
  const feedback = h('p', { class: 'feedback', role: 'status' });
  const manual = h('textarea', { class: 'manual', readonly: true, hidden: true, 'aria-labelledby': host.id('actions') });

  const tell = (key, values) => {
    manual.hidden = true;
    feedback.textContent = host.texts().say(key, values);
  };
  const save = (blob, name) => {
    saveFile(blob, name, host.fileParent);
    tell('downloaded', { file: name });
  };
  /** After a copy: say so, or show the text to copy by hand where the clipboard is not allowed. */
  const offer = async (text, key) => {
    if (await copyText(text)) return tell(key);
    feedback.textContent = host.texts().say('copyFailed');
    manual.value = text;
    manual.hidden = false;
    manual.focus();
    manual.select();
  };
  /** The whole result as one scene for the chart files, in the colours and font on screen. */
  const exportScene = ({ report, view }) => {
    const { parts, label } = view.exportParts(report, host.texts());
    return { scene: stackScenes(parts), ...sceneLook(host.styled()), label };
  };

  // Each action gets { report, metric, view, options } of the result on show.
  const run = {
    copy: ({ report, metric, options }) => offer(metric.copyText(report, host.texts(), options), 'copied'),
    csv: ({ report, metric }) => save(new Blob([metric.csv(report)], { type: 'text/csv' }), `${metric.name}.csv`),
    json: ({ report, metric }) => save(new Blob([resultJson(report)], { type: 'application/json' }), `${metric.name}.json`),
    svg: (shown) => {
      const { scene, colors, font, label } = exportScene(shown);
      const text = svgFile(scene, { id: shown.metric.name, label, colors, font });
      save(new Blob([text], { type: 'image/svg+xml' }), `${shown.metric.name}-chart.svg`);
    },
    png: async (shown) => {
      const { scene, colors, font } = exportScene(shown);
      save(await sceneToPng(scene, { colors, font }), `${shown.metric.name}-chart.png`);
    },
    shareLink: ({ report, metric }) => offer(metric.shareUrl(report, host.elementId()), 'linkCopied'),
  };
  for (const [key, action] of Object.entries(run)) {
    buttons[key] = h('button', { type: 'button', part: `action ${key === 'shareLink' ? 'share' : key}` });
    buttons[key].addEventListener('click', () => action(host.shown()));
    row.append(buttons[key]);
  }

  const panel = {
    root: h('div', { class: 'actions', part: 'actions', role: 'group', 'aria-labelledby': host.id('actions') }, title, row, feedback, manual),

    /** Shows the actions that the result on show allows. */
    show({ saved, charts, share }) {
      panel.root.hidden = !saved;
      buttons.svg.hidden = buttons.png.hidden = !charts;
      buttons.shareLink.hidden = !share;
    },

    relabel(t) {
      title.textContent = t.say('actions');
      for (const [key, button] of Object.entries(buttons)) button.textContent = t.say(key);
      feedback.textContent = '';
      manual.hidden = true;
    },
  };
  return panel;
}
