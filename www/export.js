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
    ...intervalRows('interval', report.interval),
    ['margin_of_error', report.marginOfError],
    ['rejected', report.rejectedCount],
  ];
  if (report.histogram) report.histogram.forEach((count, score) => rows.push([`answers_${score}`, count]));
  return ['field,value', ...rows.map(([field, value]) => `${field},${value ?? ''}`)].join('\r\n') + '\r\n';
}

const csv = (rows) => ['field,value', ...rows.map(([field, value]) => `${field},${value ?? ''}`)].join('\r\n') + '\r\n';
const plain = (lines) => lines.join('\n').replace(/\u2060/g, '');

/** Secure Customer Index as plain text. */
export function sciText(report, { say, numbers }) {
  const pct = (x) => (x === null ? '–' : numbers.share(x / 100));
  const lines = [`${say('sci.scoreLabel')}: ${pct(report.index)}`];
  if (report.interval) {
    lines.push(say('sci.interval', { level: numbers.level(report.interval.level), low: pct(report.interval.low), high: pct(report.interval.high) }));
  }
  for (const key of ['secure', 'favorable', 'atRisk']) lines.push(`${say(key)}: ${numbers.count(report[key])} (${pct(report[`${key}Pct`])})`);
  lines.push(`${say('total')}: ${numbers.count(report.respondents)}`);
  for (const key of ['satisfaction', 'repurchase', 'recommend']) lines.push(`${say(`q.${key}`)}, ${say('topTwo').toLowerCase()}: ${pct(report.perQuestion[key])}`);
  if (report.cli !== null) lines.push(say('sci.cli', { cli: numbers.decimal(report.cli) }));
  return plain(lines);
}

/** CSV rows for an interval's fields, named `<prefix>_<field>` (empty when there is no interval). */
function intervalRows(prefix, interval, fields = ['method', 'level', 'low', 'high']) {
  return fields.map((field) => [`${prefix}_${field}`, interval?.[field]]);
}

export function sciCsv(report) {
  return csv([
    ['metric', 'sci'],
    ['scale', `${report.scale.min}-${report.scale.max}`],
    ['index', report.index],
    ['respondents', report.respondents],
    ['secure', report.secure],
    ['favorable', report.favorable],
    ['at_risk', report.atRisk],
    ['secure_pct', report.securePct],
    ['favorable_pct', report.favorablePct],
    ['at_risk_pct', report.atRiskPct],
    ...intervalRows('interval', report.interval),
    ['satisfaction_top_two_pct', report.perQuestion.satisfaction],
    ['repurchase_top_two_pct', report.perQuestion.repurchase],
    ['recommend_top_two_pct', report.perQuestion.recommend],
    ['cli', report.cli],
    ['at_risk_lines', report.atRiskLines.join(' ')],
    ['rejected', report.rejectedCount],
  ]);
}

/** Likert / CSAT summary as plain text. */
export function likertText(report, { say, numbers }) {
  const pct = (x) => (x === null ? '–' : numbers.share(x / 100));
  const mean = report.mean === null ? '–' : numbers.decimal2(report.mean);
  const lines = [`${say('likert.scoreLabel')}: ${mean} (${say('likert.band', { min: report.scale.min, max: report.scale.max })})`];
  if (report.meanInterval) {
    lines.push(say('likert.interval', { level: numbers.level(report.meanInterval.level), low: numbers.decimal2(report.meanInterval.low), high: numbers.decimal2(report.meanInterval.high) }));
  }
  const csat = report.scale.min === 1 && report.scale.max === 5;
  lines.push(say(csat ? 'likert.csat' : 'likert.topTwoLine', { pct: pct(report.topTwoBoxPct) }));
  lines.push(`${say('median')}: ${report.median === null ? '–' : numbers.upTo2(report.median)}`);
  lines.push(`${say('sd')}: ${report.sd === null ? '–' : numbers.decimal2(report.sd)}`);
  lines.push(`${say('topBox')}: ${pct(report.topBoxPct)}`);
  lines.push(`${say('bottomTwo')}: ${pct(report.bottomTwoBoxPct)}`);
  lines.push(`${say('respondents')}: ${numbers.count(report.respondents)}`);
  return plain(lines);
}

export function likertCsv(report) {
  const rows = [
    ['metric', 'likert'],
    ['scale', `${report.scale.min}-${report.scale.max}`],
    ['respondents', report.respondents],
    ['mean', report.mean],
    ['sd', report.sd],
    ['median', report.median],
    ...intervalRows('mean_interval', report.meanInterval, ['level', 'low', 'high']),
    ['top_box_pct', report.topBoxPct],
    ['top_two_box_pct', report.topTwoBoxPct],
    ...intervalRows('top_two_box_interval', report.topTwoBoxInterval, ['low', 'high']),
    ['bottom_two_box_pct', report.bottomTwoBoxPct],
    ['rejected', report.rejectedCount],
  ];
  report.histogram.forEach((count, i) => rows.push([`answers_${report.scale.min + i}`, count]));
  return csv(rows);
}

/** Retention and lifetime value as plain text. */
export function clvText(report, { say, numbers }, currency) {
  const lines = [];
  const r = report.retention;
  if (r) {
    lines.push(`${say('retentionResult')}: ${numbers.share(r.retentionRate)}`, `${say('churnResult')}: ${numbers.share(r.churnRate)}`,
      `${say('kept')}: ${numbers.count(r.retainedCustomers)}`, `${say('lost')}: ${numbers.count(r.lostCustomers)}`);
  }
  const v = report.clv;
  if (v) {
    lines.push(`${say('lifetimeValue')}: ${numbers.amount(v.lifetimeValue, currency)}`,
      `${say('annualMargin')}: ${numbers.amount(v.annualMargin, currency)}`,
      `${say('marginMultiple')}: ${numbers.upTo2(v.marginMultiple)}×`,
      `${say('expectedLifetime')}: ${v.expectedLifetimeYears === null ? say('unlimited') : say('years', { n: numbers.decimal(v.expectedLifetimeYears) })}`);
  }
  return plain(lines);
}

export function clvCsv(report) {
  const r = report.retention ?? {};
  const v = report.clv ?? {};
  return csv([
    ['metric', 'clv'],
    ['customers_at_start', r.customersAtStart],
    ['customers_at_end', r.customersAtEnd],
    ['new_customers', r.newCustomers],
    ['retained_customers', r.retainedCustomers],
    ['lost_customers', r.lostCustomers],
    ['retention_rate', r.retentionRate],
    ['churn_rate', r.churnRate],
    ['average_order_value', v.averageOrderValue],
    ['purchases_per_year', v.purchasesPerYear],
    ['gross_margin', v.grossMargin],
    ['yearly_retention_rate', v.retentionRate],
    ['discount_rate', v.discountRate],
    ['annual_margin', v.annualMargin],
    ['margin_multiple', v.marginMultiple],
    ['lifetime_value', v.lifetimeValue],
    ['expected_lifetime_years', v.expectedLifetimeYears],
  ]);
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
