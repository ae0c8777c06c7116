// The built module's fast paths (src/read/scan.rs: blocks of short scores
// counted with WebAssembly SIMD; src/read/rows.rs: rows without quotes split
// at the delimiter) against the same text pushed to a reader in pieces of a
// few bytes, where no block and no whole row ever fits, so the byte-by-byte
// reading and csv-core count it. Every report must be the same, rejects,
// places and warnings included. Native `cargo test` runs the scalar
// counting only, so this is where the vector code is checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeNps, analyzeLikert, createNpsReader, createLikertReader } from '../../pkg/loyalty-score.mjs';

/** A fixed generator (32-bit LCG), so every run checks the same texts. */
function generator(seed) {
  return (below) => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return (seed >>> 8) % below;
  };
}

const inPieces = (create, text, size) => {
  const reader = create();
  for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size));
  const report = reader.finish();
  reader.free();
  return report;
};

// Mostly short scores, so that most blocks are clean, with the entries that
// must send a block the general way now and then: other numbers, words,
// decimals, labels, non-ASCII text and runs of separators.
const ODD = ['07', '11', '100', '9.5', '8,5', 'x', 'n/a', '10 - Extremely likely', 'één', '９', '-1', '', '  ', '\t'];

function list(next, entries, separators, oddOneIn) {
  const parts = [];
  for (let i = 0; i < entries; i++) {
    parts.push(next(oddOneIn) === 0 ? ODD[next(ODD.length)] : String(next(11)));
    parts.push(separators[next(separators.length)]);
  }
  return parts.join('');
}

const SHAPES = [['\n'], ['\r\n'], ['\n', '\r\n'], [' '], [', ', ','], [';', '\t', ' '], ['\n', ' ', '\n\n']];

test('lists of scores give the report of the byte-by-byte reading, whatever separates them', () => {
  const next = generator(7);
  for (const separators of SHAPES) {
    // Odd entries often (every block is read the general way) and rarely
    // (most blocks are counted whole, a few hold one odd entry).
    for (const [entries, oddOneIn] of [[50, 40], [700, 40], [5_000, 40], [20_000, 3_000]]) {
      const text = list(next, entries, separators, oddOneIn);
      const whole = analyzeNps(text);
      assert.deepEqual(inPieces(createNpsReader, text, 5), whole, JSON.stringify(separators));
      assert.ok(whole.respondents > entries * 0.8, 'most entries are scores');
    }
  }
});

test('one odd entry among thousands of scores is found wherever it stands', () => {
  const next = generator(5);
  for (const odd of ODD) {
    for (const separators of [['\n'], [' '], ['\r\n']]) {
      const text = list(next, 2_000 + next(100), separators, Infinity) + odd + separators[0] + list(next, 2_000, separators, Infinity);
      assert.deepEqual(analyzeNps(text), inPieces(createNpsReader, text, 5), JSON.stringify([odd, separators]));
    }
  }
});

test('a clean column counts every score, the last one without a line end too', () => {
  const next = generator(11);
  const values = Array.from({ length: 100_003 }, () => next(11));
  const histogram = Array(11).fill(0);
  for (const v of values) histogram[v]++;
  for (const end of ['\n', '\r\n']) {
    const report = analyzeNps(values.join(end));
    assert.deepEqual(report.histogram, histogram);
    assert.equal(report.rejectedCount, 0);
  }
});

// Where every line holds the same score, the same lanes of every vector
// hold it, so each of the vector code's counters reaches its most before it
// is emptied (src/read/scan.rs: a nibble 15 vectors, a byte 255). A counter
// that overflowed would lose counts, which sends its block the general way:
// the histogram must come out right either way.
test('a column of one score, each score in turn, counts every line', () => {
  for (let score = 0; score <= 10; score++) {
    for (const end of ['\n', '\r\n', ' ', ', ']) {
      const text = `${score}${end}`.repeat(20_000);
      const report = analyzeNps(text);
      const histogram = Array(11).fill(0);
      histogram[score] = 20_000;
      assert.deepEqual(report.histogram, histogram, JSON.stringify([score, end]));
      assert.equal(report.rejectedCount, 0);
      assert.deepEqual(inPieces(createNpsReader, text.slice(0, 9_000), 5), analyzeNps(text.slice(0, 9_000)));
    }
  }
});

test('a value off a shorter scale sends its block the general way, with its place', () => {
  const text = `${'3\n'.repeat(3_000)}7\n${'4\n'.repeat(3_000)}`;
  const report = analyzeLikert(text, { scale: '1-5' });
  assert.equal(report.rejectedCount, 1);
  assert.equal(report.rejected[0].line, 3_001);
  assert.deepEqual(report, inPieces(() => createLikertReader({ scale: '1-5' }), text, 5));
});

test('tables of rows with and without quotes give the report of csv-core reading them byte by byte', () => {
  const next = generator(3);
  const header = 'id,date,region,How likely are you to recommend us?,comment\r\n';
  const comments = ['fine', '"said ""great"", twice"', '"two\nlines"', 'prima ñ', '', 'wat, een gedoe'.replace(',', ';')];
  const rows = Array.from({ length: 3_000 }, (_, i) => {
    const score = next(30) === 0 ? ODD[next(ODD.length)].replace(/[,\r\n]/g, '') : String(next(11));
    return `${i},2024-0${1 + next(9)}-1${next(10)},${['north', 'south', '"east"'][next(3)]},${score},${comments[next(comments.length)]}`;
  });
  for (const end of ['\n', '\r\n']) {
    const text = header + rows.join(end) + end;
    const whole = analyzeNps(text);
    assert.equal(whole.layout.kind, 'table');
    assert.equal(whole.rows, 3_000);
    assert.deepEqual(inPieces(createNpsReader, text, 3), whole);
    const segmented = analyzeNps(text, { segment: 'region', date: 'date', comment: 'comment' });
    assert.deepEqual(inPieces(() => createNpsReader({ segment: 'region', date: 'date', comment: 'comment' }), text, 3), segmented);
  }
});

// The searches (src/read/scan.rs) give the lane where a vector found the
// byte: a bare CR, a quote or a row end that falls in each lane of the first
// vectors, and past them in the bytes the vectors leave, must be found there.
test('a bare CR, a quote or a row end is found in whichever lane of a vector it falls', () => {
  // The searches test four vectors at a time, then the vector that holds
  // the find: the CR falls in every lane of the first five such windows.
  for (let tens = 0; tens < 3; tens++) {
    for (let nines = 0; nines < 160; nines += tens === 1 ? 1 : 7) {
      // The CR ends the line of the 8; the text has no LF before it.
      const text = `${'10 '.repeat(tens)}${'9 '.repeat(nines)}8\r${'7\n'.repeat(30)}x\n`;
      const report = analyzeNps(text);
      assert.deepEqual(report, inPieces(createNpsReader, text, 5), JSON.stringify(text.slice(0, 70)));
      assert.equal(report.respondents, tens + nines + 31);
      assert.deepEqual([report.histogram[10], report.histogram[9], report.histogram[8], report.histogram[7]], [tens, nines, 1, 30]);
      // The bare CR ends line 1: the x stands on line 1 + 30 + 1.
      assert.deepEqual([report.rejected[0].text, report.rejected[0].line, report.rejected[0].column], ['x', 32, 1]);
    }
  }
  // The first LF, which ends the layout's first line, in every lane too.
  for (let nines = 0; nines < 160; nines++) {
    const text = `${'9 '.repeat(nines)}8\n${'7\n'.repeat(70)}`;
    const report = analyzeNps(text);
    assert.deepEqual(report, inPieces(createNpsReader, text, 5), `${nines} nines`);
    assert.deepEqual([report.respondents, report.histogram[9], report.histogram[7]], [nines + 71, nines, 70]);
  }
  for (let width = 1; width < 40; width++) {
    const id = '4'.repeat(width);
    // Row 2's comment is quoted, with a delimiter inside; row 3 ends with a bare CR.
    const text = `id,score,comment\n${id},9,fine\n${id},7,"a, b"\n${id},10,ok\r${id},3,${'x'.repeat(width)}\n`;
    const report = analyzeNps(text);
    assert.deepEqual(report, inPieces(createNpsReader, text, 3), `id of ${width} digits`);
    assert.equal(report.layout.kind, 'table');
    assert.deepEqual([report.respondents, report.promoters, report.passives, report.detractors], [4, 2, 1, 1], `id of ${width} digits`);
    assert.equal(report.rejectedCount, 0);
  }
});

// Rows without quotes lend their cells straight from the text
// (src/read/rows.rs); each cell's place and its column's profile, with an
// id of every width from 1 to 39 bytes before them, as worked out by hand.
test('cells lent from the text keep their places and profiles, whatever width of id comes before them', () => {
  const header = `id,score,${Array.from({ length: 18 }, (_, i) => `q${i + 1}`).join(',')}\n`;
  // q1 … q18 hold 0 … 10, 0 … 6.
  const answers = Array.from({ length: 18 }, (_, i) => String(i % 11)).join(',');
  for (let width = 1; width < 40; width++) {
    const id = '4'.repeat(width);
    // Row 3's q1 is blank (its 0 left out).
    const text = header + `${id},9,${answers}\n${id},x,${answers}\n${id},6,${answers.slice(1)}\n`;
    const report = analyzeNps(text);
    assert.deepEqual(report, inPieces(createNpsReader, text, 3), `id of ${width} digits`);
    assert.deepEqual([report.respondents, report.promoters, report.detractors], [2, 1, 1], `id of ${width} digits`);
    // The x stands on line 3, after the id and its comma.
    assert.deepEqual([report.rejected[0].text, report.rejected[0].line, report.rejected[0].column], ['x', 3, width + 2]);
    assert.equal(report.columns.length, 20);
    const q1 = report.columns[2].profile;
    assert.deepEqual([q1.scores, q1.blank, q1.min, q1.max], [2, 1, 0, 0], `q1, id of ${width} digits`);
    for (let q = 2; q <= 18; q++) {
      const { scores, blank, min, max } = report.columns[q + 1].profile;
      assert.deepEqual([scores, blank, min, max], [3, 0, (q - 1) % 11, (q - 1) % 11], `q${q}, id of ${width} digits`);
    }
  }
});
