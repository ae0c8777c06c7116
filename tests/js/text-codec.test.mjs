// The UTF-8 codecs the bundle carries for hosts without TextEncoder and
// TextDecoder, checked against the host's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Utf8Encoder, Utf8Decoder } from '../../js/text-codec.js';

const samples = ['', 'ascii 0-10', 'é ü ß', '€ 9,5', '😀 emoji 👍🏽', 'mixed é😀x', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d'];

test('encode and decode agree with the host for every kind of character', () => {
  const ours = new Utf8Encoder();
  const host = new TextEncoder();
  const decoder = new Utf8Decoder();
  for (const text of samples) {
    const bytes = ours.encode(text);
    assert.deepEqual(bytes, host.encode(text), JSON.stringify(text));
    assert.equal(decoder.decode(bytes), new TextDecoder().decode(bytes), JSON.stringify(text));
  }
});

test('encodeInto stops before a character that does not fit, as the host does', () => {
  const text = 'aé😀b';
  for (let room = 0; room <= 8; room++) {
    const mine = new Uint8Array(room);
    const theirs = new Uint8Array(room);
    assert.deepEqual(new Utf8Encoder().encodeInto(text, mine), new TextEncoder().encodeInto(text, theirs), `room ${room}`);
    assert.deepEqual(mine, theirs);
  }
});

test('malformed bytes decode to U+FFFD without throwing', () => {
  const decoded = new Utf8Decoder().decode(new Uint8Array([0x39, 0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x31]));
  assert.equal(decoded[0], '9');
  assert.equal(decoded.at(-1), '1');
  assert.ok(decoded.includes('\ufffd'));
  assert.equal(new Utf8Decoder().decode(), '');
});
