// A base64 decoder that needs no globals (atob and Buffer are not everywhere).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

export function decodeBase64(text) {
  let end = text.length;
  while (end > 0 && text[end - 1] === '=') end--;
  const bytes = new Uint8Array((end * 3) >> 2);
  let out = 0;
  let i = 0;
  for (; i + 4 <= end; i += 4) {
    const n =
      (VALUES[text.charCodeAt(i)] << 18) |
      (VALUES[text.charCodeAt(i + 1)] << 12) |
      (VALUES[text.charCodeAt(i + 2)] << 6) |
      VALUES[text.charCodeAt(i + 3)];
    bytes[out++] = n >> 16;
    bytes[out++] = (n >> 8) & 255;
    bytes[out++] = n & 255;
  }
  const left = end - i;
  if (left >= 2) {
    const n = (VALUES[text.charCodeAt(i)] << 18) | (VALUES[text.charCodeAt(i + 1)] << 12) |
      (left === 3 ? VALUES[text.charCodeAt(i + 2)] << 6 : 0);
    bytes[out++] = n >> 16;
    if (left === 3) bytes[out++] = (n >> 8) & 255;
  }
  return bytes;
}
