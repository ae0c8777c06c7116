// What leaves the widget on the visitor's request: the result as text for the
// clipboard, as CSV and JSON files, and files saved through a Blob and an
// <a download> click. Nothing is sent anywhere.

/** The result in a few lines of plain text in the visitor's language. */
export function resultText(report, { say, numbers, band }) {
  const lines = [`${say('scoreLabel')}: ${numbers.signed(report.score)} (${band})`];
  if (report.interval) {
    lines.push(
      `${say('interval', {
        level: numbers.level(report.interval.level),
        low: numbers.signed(report.interval.low),
        high: numbers.signed(report.interval.high),
      })} · ${say('margin', { margin: numbers.decimal(report.marginOfError) })}`,
    );
  }
  for (const key of ['promoters', 'passives', 'detractors']) {
    const pct = report[`${key.slice(0, -1)}Pct`];
    lines.push(`${say(key)}: ${numbers.count(report[key])} (${numbers.share(pct / 100)})`);
  }
  lines.push(`${say('total')}: ${numbers.count(report.respondents)}`);
  // Word joiners keep labels together on screen; pasted elsewhere they only get in the way.
  return lines.join('\n').replace(/\u2060/g, '');
}

/** The report as two-column CSV (field,value), with a dot for decimals whatever the language. */
export function resultCsv(report) {
  const rows = [
    ['metric', 'nps'],
    ['score', report.score],
    ['respondents', report.respondents],
    ['promoters', report.promoters],
    ['passives', report.passives],
    ['detractors', report.detractors],
    ['promoter_pct', report.promoterPct],
    ['passive_pct', report.passivePct],
    ['detractor_pct', report.detractorPct],
    ['interval_method', report.interval?.method],
    ['interval_level', report.interval?.level],
    ['interval_low', report.interval?.low],
    ['interval_high', report.interval?.high],
    ['margin_of_error', report.marginOfError],
    ['rejected', report.rejectedCount],
  ];
  if (report.histogram) report.histogram.forEach((count, score) => rows.push([`answers_${score}`, count]));
  return ['field,value', ...rows.map(([field, value]) => `${field},${value ?? ''}`)].join('\r\n') + '\r\n';
}

export function resultJson(report) {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Offers `blob` as a file named `name` through a temporary <a download>. */
export function saveFile(blob, name, parent) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  parent.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Puts `text` on the clipboard; resolves to false where that is not allowed. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
