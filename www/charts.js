// The result's charts, for any metric: an interval whisker on a scale, a
// stacked bar of groups, a histogram of answers, rows of estimates with
// their intervals (a dot-and-whisker chart) and estimates over time with
// their interval as a band. Each chart is first a scene (rectangles, lines,
// polygons, circles and text in a 320-unit-wide box, coloured by role), then drawn as inline SVG in the widget, as a stand-alone SVG file,
// or on a canvas for a PNG. The widget draws scenes as wide as their place in
// pixels, so text keeps its size on a phone; the files use the default width.
// Groups carry patterns as well as colours (the low group hatched, the middle
// dotted, the top solid), so the charts read without colour.
import { s } from './dom.js';

export const WIDTH = 320;

/** A value and its interval on a scale from `min` to `max`, with labelled ticks. */
export function scaleWhiskerScene(estimate, { min, max, ticks, tickText }, width = WIDTH) {
  const x = (v) => 16 + ((v - min) / (max - min)) * (width - 32);
  const items = [{ t: 'line', x1: x(min), y1: 16, x2: x(max), y2: 16, c: 'border', w: 2 }];
  for (const tick of ticks) {
    items.push({ t: 'line', x1: x(tick), y1: 11, x2: x(tick), y2: 21, c: 'muted', w: 1 });
    items.push({ t: 'text', x: x(tick), y: 37, text: tickText(tick), c: 'muted', size: 10, anchor: 'middle' });
  }
  if (estimate) {
    const { value, low, high } = estimate;
    items.push({ t: 'line', x1: x(low), y1: 16, x2: x(high), y2: 16, c: 'accent', w: 4 });
    items.push({ t: 'line', x1: x(low), y1: 8, x2: x(low), y2: 24, c: 'accent', w: 2 });
    items.push({ t: 'line', x1: x(high), y1: 8, x2: x(high), y2: 24, c: 'accent', w: 2 });
    items.push({ t: 'circle', cx: x(value), cy: 16, r: 6, c: 'text', stroke: 'bg' });
  }
  return { width, height: 44, items };
}

/** Groups ({ count, role, pattern, text }) side by side in one bar, with a legend. */
export function stackedBarScene(groups, width = WIDTH) {
  const items = [];
  const n = groups.reduce((sum, group) => sum + group.count, 0);
  let x = 0;
  if (n === 0) items.push({ t: 'rect', x: 0, y: 0, w: width, h: 24, c: 'border' });
  for (const { count, role, pattern } of groups) {
    const w = n ? (count / n) * width : 0;
    if (w > 0) items.push({ t: 'rect', x, y: 0, w, h: 24, c: role, p: pattern });
    x += w;
  }
  // The legend: the items in columns where they fit, else one per line.
  const column = width / groups.length;
  const fits = groups.every(({ text }) => 15 + text.length * 10 * 0.56 < column - 4);
  groups.forEach(({ role, pattern, text }, i) => {
    const left = fits ? i * column : 0;
    const top = fits ? 34 : 34 + i * 16;
    items.push({ t: 'rect', x: left, y: top, w: 11, h: 11, c: role, p: pattern });
    items.push({ t: 'text', x: left + 15, y: top + 10, c: 'text', size: 10, text });
  });
  return { width, height: fits ? 50 : 34 + groups.length * 16, items };
}

/**
 * How many answered each score, with the groups marked below. `scale` gives
 * the lowest answer and the bands [from, to, label key, role, pattern].
 */
export function histogramScene(histogram, scale, { numbers, say }, width = WIDTH) {
  const bins = histogram.length;
  const bin = width / bins;
  const top = 14;
  const base = 96;
  const most = Math.max(1, ...histogram);
  const bandOf = (value) => scale.bands.find(([from, to]) => value >= from && value <= to);
  const items = [];
  histogram.forEach((count, i) => {
    const value = scale.min + i;
    const [, , , role, pattern] = bandOf(value);
    const h = (count / most) * (base - top);
    const x = i * bin + 3;
    if (h > 0) items.push({ t: 'rect', x, y: base - h, w: bin - 6, h, c: role, p: pattern });
    if (count > 0) items.push({ t: 'text', x: x + (bin - 6) / 2, y: base - h - 4, text: count >= 10_000 || (bin < 30 && count >= 1000) ? numbers.compact(count) : numbers.count(count), c: 'text', size: 9, anchor: 'middle' });
    items.push({ t: 'text', x: x + (bin - 6) / 2, y: base + 13, text: String(value), c: 'muted', size: 10, anchor: 'middle' });
  });
  items.push({ t: 'line', x1: 0, y1: base, x2: width, y2: base, c: 'border', w: 1 });
  let dropped = false;
  scale.bands.forEach(([from, to, key], i) => {
    const x1 = (from - scale.min) * bin + 3;
    const x2 = (to - scale.min + 1) * bin - 3;
    const text = say(key);
    const wide = text.length * 9.5 * 0.56;
    items.push({ t: 'line', x1, y1: base + 19, x2, y2: base + 19, c: 'muted', w: 1 });
    // The last label ends at the right edge and a wide first one starts at the left;
    // a middle label wider than its room drops a line, clear of its neighbours.
    const last = i === scale.bands.length - 1;
    const first = i === 0 && wide > x2 - x1;
    const low = !last && i > 0 && wide + 16 > x2 - x1;
    dropped ||= low;
    items.push({
      t: 'text',
      x: last ? x2 : first ? x1 : (x1 + x2) / 2,
      y: base + (low ? 43 : 31),
      text,
      c: 'text',
      size: 9.5,
      anchor: last ? 'end' : first ? 'start' : 'middle',
    });
  });
  return { width, height: base + (dropped ? 47 : 35), items };
}

const clamp = (v, min, max) => Math.max(min, Math.min(max, v));
const round = (v) => Math.round(v * 100) / 100;
/** About how wide `text` is at `size`: the estimate of glyph widths the legends use. */
const textWidth = (text, size) => text.length * size * 0.56;

/** `text` cut to about `room` units at `size`, with an ellipsis where it was cut. */
export function fitText(text, room, size) {
  const most = Math.max(1, Math.floor(room / (size * 0.56)));
  return text.length <= most ? text : `${text.slice(0, Math.max(1, most - 1))}…`;
}

/** A significant difference up or down: a triangle in the colour of the top or bottom group. */
const markItem = (mark, x, y, anchor) => ({ t: 'text', x, y, text: mark === 'up' ? '▲' : '▼', c: mark === 'up' ? 'promoter' : 'detractor', size: 10, anchor });

/**
 * Estimates with their intervals on one scale, a row each (a dot-and-whisker
 * chart). Rows are { label, note, value, low, high, muted, mark }: `note` (a
 * count) stands at the end of the label, `muted` rows are drawn pale and
 * thin, and `mark` ('up', 'down' or null) flags a significant difference at
 * the right end. `reference` is drawn as a dashed vertical line with
 * `referenceText` above it.
 */
export function dotWhiskerScene(rows, { min, max, ticks, tickText, reference = null, referenceText = '' }, width = WIDTH) {
  const labelRoom = Math.round(width * 0.34);
  const left = labelRoom + 12;
  const right = width - 20;
  const x = (v) => left + ((clamp(v, min, max) - min) / (max - min)) * (right - left);
  const top = 22;
  const step = 22;
  const items = [];
  rows.forEach((row, i) => {
    const y = top + i * step + step / 2;
    const ink = row.muted ? 'muted' : 'text';
    const noteRoom = row.note ? textWidth(row.note, 9) + 6 : 0;
    items.push({ t: 'line', x1: left, y1: y, x2: right, y2: y, c: 'border', w: 0.5 });
    items.push({ t: 'text', x: 0, y: y + 3.5, text: fitText(row.label, labelRoom - noteRoom, 10), c: ink, size: 10, weight: row.muted ? null : 600 });
    if (row.note) items.push({ t: 'text', x: labelRoom, y: y + 3.5, text: row.note, c: 'muted', size: 9, anchor: 'end' });
    if (row.value !== null && row.low !== null && row.high !== null) {
      const c = row.muted ? 'muted' : 'accent';
      items.push({ t: 'line', x1: x(row.low), y1: y, x2: x(row.high), y2: y, c, w: row.muted ? 1.5 : 3 });
      for (const end of [row.low, row.high]) items.push({ t: 'line', x1: x(end), y1: y - 4, x2: x(end), y2: y + 4, c, w: 1.5 });
      items.push({ t: 'circle', cx: x(row.value), cy: y, r: row.muted ? 4 : 5, c: ink, stroke: 'bg' });
    }
    if (row.mark) items.push(markItem(row.mark, width, y + 4, 'end'));
  });
  const bottom = top + rows.length * step;
  if (reference !== null) {
    const at = x(reference);
    items.push({ t: 'line', x1: at, y1: top - 6, x2: at, y2: bottom, c: 'text', w: 1, dash: [3, 3] });
    const half = textWidth(referenceText, 9.5) / 2;
    const anchor = at - half < 0 ? 'start' : at + half > width ? 'end' : 'middle';
    items.push({ t: 'text', x: anchor === 'start' ? Math.max(0, at - 4) : anchor === 'end' ? Math.min(width, at + 4) : at, y: top - 10, text: referenceText, c: 'text', size: 9.5, anchor });
  }
  items.push({ t: 'line', x1: left, y1: bottom + 4, x2: right, y2: bottom + 4, c: 'border', w: 1 });
  for (const tick of ticks) {
    items.push({ t: 'line', x1: x(tick), y1: bottom + 1, x2: x(tick), y2: bottom + 7, c: 'muted', w: 1 });
    items.push({ t: 'text', x: x(tick), y: bottom + 19, text: tickText(tick), c: 'muted', size: 9.5, anchor: 'middle' });
  }
  return { width, height: bottom + 24, items };
}

/**
 * Estimates over time at equal steps, joined by a line, with their intervals
 * as a band around it. Points are { label, note, value, low, high, muted,
 * mark }: `note` (a count) stands under each point and `label` below it (every
 * second or more of them where they would not fit), `muted` points are pale,
 * and `mark` ('up', 'down' or null) flags a significant change above the point.
 */
export function timeLineScene(points, { min, max, ticks, tickText }, width = WIDTH) {
  const left = 30;
  const right = width - 6;
  const top = 14;
  const base = 134;
  const y = (v) => base - ((clamp(v, min, max) - min) / (max - min)) * (base - top);
  const step = (right - left) / Math.max(1, points.length);
  const x = (i) => left + step * (i + 0.5);
  const has = (p) => p && p.value !== null && p.low !== null && p.high !== null;
  const items = [];
  for (const tick of ticks) {
    items.push({ t: 'line', x1: left, y1: y(tick), x2: right, y2: y(tick), c: 'border', w: 0.5 });
    items.push({ t: 'text', x: left - 4, y: y(tick) + 3, text: tickText(tick), c: 'muted', size: 9, anchor: 'end' });
  }
  // The band: one polygon over each run of points with an interval; a lone point gets a short one of its own.
  let run = [];
  const flush = () => {
    if (run.length === 1) {
      const [i, p] = run[0];
      const half = Math.min(6, step / 3);
      run = [[i - half / step, p], [i + half / step, p]];
    }
    if (run.length > 1) {
      const upper = run.map(([i, p]) => [x(i), y(p.high)]);
      const lower = run.map(([i, p]) => [x(i), y(p.low)]).reverse();
      items.push({ t: 'poly', points: [...upper, ...lower], c: 'accent', o: 0.2 });
    }
    run = [];
  };
  points.forEach((p, i) => (has(p) ? run.push([i, p]) : flush()));
  flush();
  points.forEach((p, i) => {
    const before = points[i - 1];
    if (i > 0 && before.value !== null && p.value !== null) {
      items.push({ t: 'line', x1: x(i - 1), y1: y(before.value), x2: x(i), y2: y(p.value), c: 'accent', w: 2 });
    }
  });
  points.forEach((p, i) => {
    if (p.value === null) return;
    items.push({ t: 'circle', cx: x(i), cy: y(p.value), r: 4, c: p.muted ? 'muted' : 'text', stroke: 'bg' });
    if (p.mark) items.push(markItem(p.mark, x(i), Math.max(10, y(has(p) ? p.high : p.value) - 5), 'middle'));
  });
  items.push({ t: 'line', x1: left, y1: base, x2: right, y2: base, c: 'border', w: 1 });
  const widest = Math.max(0, ...points.map((p) => Math.max(textWidth(p.label, 9), textWidth(p.note ?? '', 9)))) + 6;
  const every = Math.max(1, Math.ceil(widest / step));
  points.forEach((p, i) => {
    if (i % every) return;
    if (p.note) items.push({ t: 'text', x: x(i), y: base + 13, text: p.note, c: 'muted', size: 9, anchor: 'middle' });
    items.push({ t: 'text', x: x(i), y: base + 26, text: p.label, c: 'text', size: 9, anchor: 'middle' });
  });
  return { width, height: base + 32, items };
}

/** Several scenes (and lines of text) one below the other, for the downloads. */
export function stackScenes(parts, { padding = 16, gap = 14 } = {}) {
  const items = [];
  let y = padding;
  for (const part of parts) {
    if (part.text !== undefined) {
      items.push({ t: 'text', x: padding, y: y + part.size, text: part.text, c: part.c ?? 'text', size: part.size, weight: part.weight });
      y += part.size + 8;
      continue;
    }
    for (const item of part.items) items.push(shift(item, padding, y));
    y += part.height + gap;
  }
  const width = WIDTH + 2 * padding;
  const height = y - gap + padding;
  return { width, height, items: [{ t: 'rect', x: 0, y: 0, w: width, h: height, c: 'bg' }, ...items] };
}

function shift(item, dx, dy) {
  const moved = { ...item };
  if (item.points) moved.points = item.points.map(([x, y]) => [x + dx, y + dy]);
  for (const k of ['x', 'x1', 'x2', 'cx']) if (k in moved) moved[k] += dx;
  for (const k of ['y', 'y1', 'y2', 'cy']) if (k in moved) moved[k] += dy;
  return moved;
}

/**
 * The scene as an <svg> element. Without `colors` it is coloured by classes
 * (f-role, s-role) that the widget's stylesheet themes; with `colors` (role →
 * CSS colour) and `font` it carries its colours itself, for a stand-alone file.
 */
export function sceneToSvg(scene, { id, label, colors = null, font = null }) {
  const paint = (element, kind, role) => {
    if (colors) element.setAttribute(kind, colors[role]);
    else element.classList.add(`${kind[0]}-${role}`);
    return element;
  };
  const svg = s('svg', {
    viewBox: `0 0 ${scene.width} ${scene.height}`,
    width: colors ? scene.width : null,
    height: colors ? scene.height : null,
    role: 'img',
    'aria-label': label,
    'font-family': font,
  });
  if (colors) svg.append(s('title', {}, label));
  const defs = s('defs');
  const hatch = s('pattern', { id: `${id}-hatch`, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' });
  hatch.append(paint(s('rect', { x: 0, y: 0, width: 2.2, height: 6 }), 'fill', 'bg'));
  const dots = s('pattern', { id: `${id}-dots`, patternUnits: 'userSpaceOnUse', width: 5, height: 5 });
  dots.append(paint(s('circle', { cx: 2.5, cy: 2.5, r: 1.2 }), 'fill', 'bg'));
  defs.append(hatch, dots);
  svg.append(defs);
  for (const item of scene.items) {
    let element;
    if (item.t === 'rect') {
      element = paint(s('rect', { x: item.x, y: item.y, width: item.w, height: item.h }), 'fill', item.c);
      svg.append(element);
      if (item.p) svg.append(s('rect', { x: item.x, y: item.y, width: item.w, height: item.h, fill: `url(#${id}-${item.p})` }));
      continue;
    }
    if (item.t === 'line') {
      element = paint(s('line', { x1: item.x1, y1: item.y1, x2: item.x2, y2: item.y2, 'stroke-width': item.w, 'stroke-dasharray': item.dash?.join(' ') }), 'stroke', item.c);
    } else if (item.t === 'poly') {
      element = paint(s('polygon', { points: item.points.map(([x, y]) => `${round(x)},${round(y)}`).join(' '), 'fill-opacity': item.o }), 'fill', item.c);
    } else if (item.t === 'circle') {
      element = paint(s('circle', { cx: item.cx, cy: item.cy, r: item.r, 'stroke-width': 2 }), 'fill', item.c);
      if (item.stroke) paint(element, 'stroke', item.stroke);
    } else {
      element = paint(
        s('text', { x: item.x, y: item.y, 'font-size': item.size, 'text-anchor': item.anchor ?? 'start', 'font-weight': item.weight ?? null }, item.text),
        'fill',
        item.c,
      );
    }
    svg.append(element);
  }
  return svg;
}

/** The scene as the text of a stand-alone SVG file (sceneToSvg's options, with `colors` and `font`). */
export function svgFile(scene, options) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(sceneToSvg(scene, options))}\n`;
}

export const COLOR_ROLES = ['text', 'bg', 'muted', 'accent', 'promoter', 'passive', 'detractor'];

/** The colours of every role and the font on show at `node`, for the chart files to look as the element does. */
export function sceneLook(node) {
  const style = getComputedStyle(node);
  const colors = {};
  for (const role of COLOR_ROLES) colors[role] = style.getPropertyValue(`--_${role}`).trim();
  colors.border = style.getPropertyValue('--_control').trim();
  return { colors, font: style.fontFamily };
}

/** Draws the scene on a new canvas at `scale` (device pixels per unit); resolves to a PNG blob. */
export function sceneToPng(scene, { colors, font, scale = 2 }) {
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(scene.width * scale);
  canvas.height = Math.ceil(scene.height * scale);
  const g = canvas.getContext('2d');
  g.scale(scale, scale);
  const patterns = { hatch: tile(colors.bg, 'hatch', scale), dots: tile(colors.bg, 'dots', scale) };
  for (const item of scene.items) {
    if (item.t === 'rect') {
      g.fillStyle = colors[item.c];
      g.fillRect(item.x, item.y, item.w, item.h);
      if (item.p) {
        const pattern = g.createPattern(patterns[item.p], 'repeat');
        pattern.setTransform(new DOMMatrix().scale(1 / scale));
        g.fillStyle = pattern;
        g.fillRect(item.x, item.y, item.w, item.h);
      }
    } else if (item.t === 'line') {
      g.strokeStyle = colors[item.c];
      g.lineWidth = item.w;
      g.setLineDash(item.dash ?? []);
      g.beginPath();
      g.moveTo(item.x1, item.y1);
      g.lineTo(item.x2, item.y2);
      g.stroke();
      g.setLineDash([]);
    } else if (item.t === 'poly') {
      g.fillStyle = colors[item.c];
      g.globalAlpha = item.o ?? 1;
      g.beginPath();
      item.points.forEach(([x, y], i) => (i ? g.lineTo(x, y) : g.moveTo(x, y)));
      g.closePath();
      g.fill();
      g.globalAlpha = 1;
    } else if (item.t === 'circle') {
      g.beginPath();
      g.arc(item.cx, item.cy, item.r, 0, 2 * Math.PI);
      g.fillStyle = colors[item.c];
      g.fill();
      if (item.stroke) {
        g.strokeStyle = colors[item.stroke];
        g.lineWidth = 2;
        g.stroke();
      }
    } else {
      g.fillStyle = colors[item.c];
      g.font = `${item.weight ?? 400} ${item.size}px ${font}`;
      g.textAlign = { start: 'left', middle: 'center', end: 'right' }[item.anchor ?? 'start'];
      g.textBaseline = 'alphabetic';
      g.fillText(item.text, item.x, item.y);
    }
  }
  return new Promise((done, fail) => canvas.toBlob((blob) => (blob ? done(blob) : fail(new Error('no PNG'))), 'image/png'));
}

/** A small repeating tile of the hatch or dot pattern in `ink`. */
function tile(ink, kind, scale) {
  const size = (kind === 'hatch' ? 6 : 5) * scale;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const g = canvas.getContext('2d');
  g.fillStyle = ink;
  g.strokeStyle = ink;
  if (kind === 'dots') {
    g.beginPath();
    g.arc(size / 2, size / 2, 1.2 * scale, 0, 2 * Math.PI);
    g.fill();
  } else {
    // Diagonal stripes that meet across tile edges.
    g.lineWidth = 1.6 * scale;
    g.beginPath();
    for (const o of [-size, 0, size]) {
      g.moveTo(o, size);
      g.lineTo(o + size, 0);
    }
    g.stroke();
  }
  return canvas;
}
