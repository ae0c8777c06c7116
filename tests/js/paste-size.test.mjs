// The summary of a big paste: its lines and its size in UTF-8, counted in one
// pass (www/input.js measureText), against countLines and TextEncoder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countLines, measureText } from '../../www/input.js';

test('measureText gives the lines of countLines and the UTF-8 size of TextEncoder', () => {
  const encoder = new TextEncoder();
  // By hand: "é" 2 bytes, "€" 3, "😀" (a pair) 4, a lone surrogate 3 (U+FFFD).
  assert.deepEqual(measureText(''), { lines: 1, bytes: 0 });
  assert.deepEqual(measureText('9\n10\n'), { lines: 2, bytes: 5 });
  assert.deepEqual(measureText('é\n€\n😀'), { lines: 3, bytes: 2 + 1 + 3 + 1 + 4 });
  assert.deepEqual(measureText('\ud800\n\udc00x\ud83d'), { lines: 2, bytes: 3 + 1 + 3 + 1 + 3 });
  assert.deepEqual(measureText('\r\n\r\n9'), { lines: 3, bytes: 5 });
  // Random texts of ASCII, two- and three-byte characters, pairs and lone halves.
  const pieces = ['9', '10', '\n', '\r\n', ' ', 'é', 'ñ', '€', '中', '😀', '\ud800', '\udfff', '\u0000', '\u07ff', '\u0800', '\uffff'];
  let seed = 2024;
  for (let round = 0; round < 500; round++) {
    let text = '';
    const length = round % 50;
    for (let i = 0; i < length; i++) {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      text += pieces[seed % pieces.length];
    }
    assert.deepEqual(measureText(text), { lines: countLines(text), bytes: encoder.encode(text).length }, JSON.stringify(text));
  }
});
