// Builds a report from the tape the core writes (src/tape.rs describes it):
// one pass over bytes in the module's memory instead of a call out of
// WebAssembly for every key and value.
const NULL = 0, FALSE = 1, TRUE = 2, NUMBER = 3, TEXT = 4, NAME = 5, END = 6, OBJECT = 7, ARRAY = 8;

/** A reader of tapes in `memory()`; names (keys, enum values) are decoded once per instance. */
export function tapeReader(memory) {
  const names = new Map();
  const decoder = new TextDecoder();
  let bytes;
  let view;
  let at;

  // Short ASCII is the usual text; TextDecoder costs more to call than to run.
  const text = (from, length) => {
    if (length > 24) return decoder.decode(bytes.subarray(from, from + length));
    let out = '';
    for (let i = from; i < from + length; i++) {
      const code = bytes[i];
      if (code > 0x7f) return decoder.decode(bytes.subarray(from, from + length));
      out += String.fromCharCode(code);
    }
    return out;
  };

  const value = () => {
    switch (bytes[at++]) {
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case NUMBER:
        at += 8;
        return view.getFloat64(at - 8, true);
      case TEXT: {
        const length = view.getUint32(at, true);
        at += 4 + length;
        return text(at - length, length);
      }
      case NAME: {
        const address = view.getUint32(at, true);
        at += 8;
        let name = names.get(address);
        if (name === undefined) {
          const length = view.getUint32(at - 4, true);
          name = decoder.decode(new Uint8Array(memory().buffer, address, length));
          names.set(address, name);
        }
        return name;
      }
      case OBJECT: {
        const object = {};
        while (bytes[at] !== END) {
          const key = value();
          object[key] = value();
        }
        at++;
        return object;
      }
      case ARRAY: {
        const array = [];
        while (bytes[at] !== END) array.push(value());
        at++;
        return array;
      }
      default:
        throw new Error(`loyalty-score: unreadable report (tag ${bytes[at - 1]} at ${at - 1})`);
    }
  };

  return (address, length) => {
    const buffer = memory().buffer;
    bytes = new Uint8Array(buffer, address, length);
    view = new DataView(buffer, address, length);
    at = 0;
    const report = value();
    bytes = view = undefined;
    return report;
  };
}
