// The NPS by segment and over time, and the comments behind the score: the
// selects beside the column picker (nps-breakdown-picker.js), and below the
// result the segments (nps-segment-view.js), the periods (nps-period-view.js)
// and the comments (nps-comment-view.js). How a text or a file is read with
// the columns chosen is nps-breakdown-reading.js.
import { h } from '../dom.js';
import { mergeStrings } from '../strings.js';
import { PARTS_STRINGS, PARTS_STYLES } from './nps-breakdown-parts.js';
import { PICKER_STRINGS, PICKER_STYLES, breakdownPicker } from './nps-breakdown-picker.js';
import { SEGMENT_STRINGS, segmentCopyLines, segmentCsvRows, segmentsSection } from './nps-segment-view.js';
import { PERIOD_STRINGS, periodCopyLines, periodCsvRows, periodsSection } from './nps-period-view.js';
import { COMMENT_STRINGS, COMMENT_STYLES, commentCsvRows, commentsSection } from './nps-comment-view.js';

export { analyzeWithBreakdown, breakdownReader } from './nps-breakdown-reading.js';

export const BREAKDOWN_STRINGS = mergeStrings(PICKER_STRINGS, PARTS_STRINGS, SEGMENT_STRINGS, PERIOD_STRINGS, COMMENT_STRINGS);
export const BREAKDOWN_STYLES = PICKER_STYLES + PARTS_STYLES + COMMENT_STYLES;

/** The rows the breakdown adds to the result's CSV (field,value): segments, periods and comments, numbered from 1. */
export function breakdownCsvRows(report) {
  return [
    ...(report.segments ? segmentCsvRows(report) : []),
    ...(report.periods ? periodCsvRows(report) : []),
    ...(report.comments ? commentCsvRows(report) : []),
  ];
}

/** The lines the breakdown adds to the result copied as text. */
export function breakdownCopyLines(report, t) {
  return [...(report.segments ? segmentCopyLines(report, t) : []), ...(report.periods ? periodCopyLines(report, t) : [])];
}

const hasSegments = (report) => Boolean(report.segments?.length && report.segmentColumn);
const hasPeriods = (report) => Boolean(report.periods?.length && report.dateColumn);

/**
 * The breakdown's part of the NPS view: `picks` (the selects, beside the
 * column picker), `root` (the sections, below the result), `options()` (the
 * choices, as the element's option `breakdown`), `render`, `draw`,
 * `exportParts`. The sections are made at the first report: in the embed
 * they come with the core (scripts/build.mjs), which a report has needed.
 */
export function breakdownView(host) {
  const picker = breakdownPicker(host);
  const root = h('div', {}, picker.again);
  let sections = null;
  const made = () => {
    if (!sections) {
      sections = { segments: segmentsSection(host), periods: periodsSection(host), comments: commentsSection(host) };
      root.append(sections.segments.root, sections.periods.root, sections.comments.root);
    }
    return sections;
  };

  return {
    picks: picker.picks,
    root,
    options: () => picker.options(),

    render(report, t, width) {
      picker.render(report, t, host.fromFile());
      const { segments, periods, comments } = made();
      segments.render(report, t, width, hasSegments(report));
      periods.render(report, t, width, hasPeriods(report));
      comments.render(report, t);
    },

    draw(report, t, width) {
      const { segments, periods } = made();
      if (hasSegments(report)) segments.draw(report, t, width);
      if (hasPeriods(report)) periods.draw(report, t, width);
    },

    /** The segment and period charts for the result's chart files. */
    exportParts(report, t) {
      const { segments, periods } = made();
      return [...(hasSegments(report) ? segments.exportParts(report, t) : []), ...(hasPeriods(report) ? periods.exportParts(report, t) : [])];
    },
  };
}
