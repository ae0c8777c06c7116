// The result's charts, for any metric: an interval whisker on a scale, a
// stacked bar of groups and a histogram of answers. Each chart is first a
// scene (rectangles, lines, circles and text in a 320-unit-wide box, coloured
// by role), then drawn as inline SVG in the widget, as a stand-alone SVG file,
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
      element = paint(s('line', { x1: item.x1, y1: item.y1, x2: item.x2, y2: item.y2, 'stroke-width': item.w }), 'stroke', item.c);
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
      g.beginPath();
      g.moveTo(item.x1, item.y1);
      g.lineTo(item.x2, item.y2);
      g.stroke();
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
