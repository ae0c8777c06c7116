// The registry of metrics: the element shows the one its `metric` attribute
// names, the first when the name is unknown. Each metric is one module with
// the same small interface (see README's architecture note); adding one is
// its module and its line here.
import { FRAME_STRINGS, fill, mergeStrings } from '../strings.js';
import { INPUT_STRINGS } from '../input.js';
import { FILE_STRINGS } from '../file-input.js';
import { PICKER_STRINGS } from '../column-picker.js';
import { WARNING_STRINGS } from '../warnings.js';
import { nps } from './nps.js';
import { sci } from './sci.js';
import { likert } from './likert.js';
import { clv } from './clv.js';

export const METRICS = [nps, sci, likert, clv];

/** The metric called `name`, or the first one. */
export const metricNamed = (name) => METRICS.find((metric) => metric.name === name) ?? METRICS[0];

/** Every value some metric accepts for `key` ('scales', 'methods', 'tools'), in registry order. */
export const valuesOf = (key) => [...new Set(METRICS.flatMap((metric) => metric[key] ?? []))];

/** The tables of words of the frame, the input, files, columns, warnings and every metric, in English and Dutch. */
export const STRING_TABLES = [FRAME_STRINGS, INPUT_STRINGS, FILE_STRINGS, PICKER_STRINGS, WARNING_STRINGS, ...METRICS.map((metric) => metric.strings)];
export const STRINGS = mergeStrings(...STRING_TABLES);
export const say = (lang, key, values) => fill(STRINGS, lang, key, values);

/** The CSS the metrics add to the element's stylesheet. */
export const METRIC_STYLES = METRICS.map((metric) => metric.styles ?? '').join('');
