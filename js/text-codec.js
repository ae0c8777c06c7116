// UTF-8 TextEncoder and TextDecoder for hosts that lack them (bare V8
// isolates, some embedded runtimes). The build injects these names into the
// bundle wherever the code refers to the globals, so a host that has them
// uses its own and nothing global is ever replaced.

const REPLACEMENT = 0xfffd;

class Utf8Encoder {
  get encoding() {
    return 'utf-8';
  }

  encode(text = '') {
    const buffer = new Uint8Array(text.length * 3);
    const { written } = this.encodeInto(text, buffer);
    return buffer.slice(0, written);
  }

  /** Writes as much of `text` as fits; a character never straddles the end. */
  encodeInto(text, view) {
    let read = 0;
    let written = 0;
    while (read < text.length) {
      let code = text.charCodeAt(read);
      let units = 1;
      if (code >= 0xd800 && code <= 0xdbff) {
        const low = read + 1 < text.length ? text.charCodeAt(read + 1) : 0;
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          units = 2;
        } else {
          code = REPLACEMENT;
        }
      } else if (code >= 0xdc00 && code <= 0xdfff) {
        code = REPLACEMENT;
      }
      const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      if (written + size > view.length) break;
      if (size === 1) {
        view[written] = code;
      } else if (size === 2) {
        view[written] = 0xc0 | (code >> 6);
        view[written + 1] = 0x80 | (code & 0x3f);
      } else if (size === 3) {
        view[written] = 0xe0 | (code >> 12);
        view[written + 1] = 0x80 | ((code >> 6) & 0x3f);
        view[written + 2] = 0x80 | (code & 0x3f);
      } else {
        view[written] = 0xf0 | (code >> 18);
        view[written + 1] = 0x80 | ((code >> 12) & 0x3f);
        view[written + 2] = 0x80 | ((code >> 6) & 0x3f);
        view[written + 3] = 0x80 | (code & 0x3f);
      }
      read += units;
      written += size;
    }
    return { read, written };
  }
}

class Utf8Decoder {
  get encoding() {
    return 'utf-8';
  }

  /** Decodes UTF-8; each malformed sequence becomes U+FFFD. */
  decode(bytes) {
    if (!bytes) return '';
    const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes.buffer ?? bytes);
    const units = [];
    let text = '';
    let i = 0;
    while (i < view.length) {
      const first = view[i];
      let code = REPLACEMENT;
      let size = 1;
      const continuation = (k) => i + k < view.length && (view[i + k] & 0xc0) === 0x80;
      if (first < 0x80) {
        code = first;
      } else if (first >= 0xc2 && first < 0xe0 && continuation(1)) {
        code = ((first & 0x1f) << 6) | (view[i + 1] & 0x3f);
        size = 2;
      } else if (first >= 0xe0 && first < 0xf0 && continuation(1) && continuation(2)) {
        code = ((first & 0x0f) << 12) | ((view[i + 1] & 0x3f) << 6) | (view[i + 2] & 0x3f);
        size = 3;
        if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) code = REPLACEMENT;
      } else if (first >= 0xf0 && first < 0xf5 && continuation(1) && continuation(2) && continuation(3)) {
        code = ((first & 0x07) << 18) | ((view[i + 1] & 0x3f) << 12) | ((view[i + 2] & 0x3f) << 6) | (view[i + 3] & 0x3f);
        size = 4;
        if (code < 0x10000 || code > 0x10ffff) code = REPLACEMENT;
      }
      if (code >= 0x10000) {
        code -= 0x10000;
        units.push(0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff));
      } else {
        units.push(code);
      }
      i += size;
      // Flush in pieces: fromCharCode takes a limited number of arguments.
      if (units.length >= 8192) text += String.fromCharCode(...units.splice(0));
    }
    return text + String.fromCharCode(...units);
  }
}

const hostEncoder = globalThis.TextEncoder;
const hostDecoder = globalThis.TextDecoder;

export const TextEncoder = typeof hostEncoder === 'function' ? hostEncoder : Utf8Encoder;
export const TextDecoder = typeof hostDecoder === 'function' ? hostDecoder : Utf8Decoder;
export { Utf8Encoder, Utf8Decoder };
