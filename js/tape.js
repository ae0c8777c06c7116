// Builds a report from the tape the core writes (src/tape.rs describes it):
// one pass over bytes in the module's memory instead of a call out of
// WebAssembly for every key and value. One loop with a stack of open
// containers, as recursion through closures was a quarter slower.
const NULL = 0, FALSE = 1, TRUE = 2, NUMBER = 3, TEXT = 4, NAME = 5, END = 6, OBJECT = 7, ARRAY = 8;
// Places of a tape whose names are remembered: a report's first 4 KiB.
const REMEMBERED = 4096;

/** A reader of tapes in `memory()`; names (keys, enum values) are decoded once per instance. */
export function tapeReader(memory) {
  const names = new Map();
  const decoder = new TextDecoder();

  // Short ASCII is the usual text; TextDecoder costs more to call than to run.
  const text = (bytes, from, length) => {
    if (length > 24) return decoder.decode(bytes.subarray(from, from + length));
    let out = '';
    for (let i = from; i < from + length; i++) {
      const code = bytes[i];
      if (code > 0x7f) return decoder.decode(bytes.subarray(from, from + length));
      out += String.fromCharCode(code);
    }
    return out;
  };

  const name = (address, length) => {
    let found = names.get(address);
    if (found === undefined) {
      found = decoder.decode(new Uint8Array(memory().buffer, address, length));
      names.set(address, found);
    }
    return found;
  };

  // Reports of one kind put the same names at the same places of their
  // tapes: the name last read at a place, checked by its address, is
  // quicker to take than the map's.
  const namedAt = new Uint32Array(REMEMBERED);
  const nameAt = new Array(REMEMBERED).fill(null);

  return (address, length) => {
    const buffer = memory().buffer;
    const bytes = new Uint8Array(buffer, address, length);
    const view = new DataView(buffer, address, length);
    // The enclosing containers, each with the key its value goes under.
    const open = [];
    let container;
    // In an array null; in an object undefined until its key is read, then the key.
    let key;
    let at = 0;
    for (;;) {
      let value;
      switch (bytes[at++]) {
        case NULL:
          value = null;
          break;
        case FALSE:
          value = false;
          break;
        case TRUE:
          value = true;
          break;
        case NUMBER:
          value = view.getFloat64(at, true);
          at += 8;
          break;
        case TEXT: {
          const n = view.getUint32(at, true);
          value = text(bytes, at + 4, n);
          at += 4 + n;
          break;
        }
        case NAME: {
          const address = view.getUint32(at, true);
          value = at < REMEMBERED && namedAt[at] === address ? nameAt[at] : null;
          if (value === null) {
            value = name(address, view.getUint32(at + 4, true));
            if (at < REMEMBERED) {
              namedAt[at] = address;
              nameAt[at] = value;
            }
          }
          at += 8;
          break;
        }
        case OBJECT:
          open.push(container, key);
          container = {};
          key = undefined;
          continue;
        case ARRAY:
          open.push(container, key);
          container = [];
          key = null;
          continue;
        case END:
          value = container;
          key = open.pop();
          container = open.pop();
          break;
        default:
          throw new Error(`loyalty-score: unreadable report (tag ${bytes[at - 1]} at ${at - 1})`);
      }
      if (container === undefined) return value;
      if (key === null) container.push(value);
      else if (key === undefined) key = value;
      else {
        container[key] = value;
        key = undefined;
      }
    }
  };
}
