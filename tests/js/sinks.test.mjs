// No way in: nothing under www/ or js/ may hand text to the HTML parser or to
// the script compiler, so no pasted entry, file, attribute or host page can
// become markup or code. Every file is read; comments are taken out first (a
// comment may name a sink to say why it is not used), strings are kept (a
// sink can be reached as el['innerHTML']). There is no list of exceptions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from './widget-harness.mjs';

/** Each sink with the pattern that finds it in code. */
const SINKS = [
  ['innerHTML', /innerHTML/],
  ['outerHTML', /outerHTML/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['setHTMLUnsafe', /setHTMLUnsafe/],
  ['createContextualFragment', /createContextualFragment/],
  ['srcdoc', /srcdoc/i],
  ['document.write', /document\s*(\.\s*|\[\s*['"`])write/],
  ['eval', /(?<![\w$-])eval\s*\(|(?<![\w$-])eval\s*\)|\[\s*['"`]eval['"`]\s*\]/],
  ['new Function', /\bnew\s+Function\b|(?<![\w$.])Function\s*\(/],
  // A first argument that is text (a string, a template, or text joined to something) is compiled as code.
  ['a string passed to setTimeout or setInterval', /\bset(Timeout|Interval)\s*\(\s*(['"`]|[\w$.]+\s*\+)/],
  ['a javascript: address', /['"`=(]\s*javascript\s*:/i],
];

/**
 * `source` (JavaScript or TypeScript) without its comments. Strings,
 * templates (with the code in their `${}`) and regular expressions are kept,
 * so that a `//` inside them is not taken for a comment.
 */
export function withoutJsComments(source) {
  let out = '';
  let i = 0;
  const stack = []; // what each open `{` belongs to: code, or a template's `${`
  // Whether a `/` here starts a regular expression rather than dividing.
  const regexAllowed = () => {
    const before = out.trimEnd();
    if (before === '') return true;
    if (/[(,=:[!&|?{};+\-*%<>~^]$/.test(before)) return true;
    return /\b(return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/.test(before);
  };
  const quoted = (quote) => {
    let j = i + 1;
    while (j < source.length && source[j] !== quote) {
      if (source[j] === '\\') j += 1;
      j += 1;
    }
    out += source.slice(i, j + 1);
    i = j + 1;
  };
  // From just after a ` or a template's closing }, to its end or its next `${`.
  const template = () => {
    let j = i;
    while (j < source.length && source[j] !== '`' && !(source[j] === '$' && source[j + 1] === '{')) {
      if (source[j] === '\\') j += 1;
      j += 1;
    }
    if (source[j] === '$') {
      stack.push('template');
      out += source.slice(i, j + 2);
      i = j + 2;
    } else {
      out += source.slice(i, j + 1);
      i = j + 1;
    }
  };
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i += 1;
      out += ' ';
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, '') || ' ';
      i = stop;
    } else if (c === '"' || c === "'") {
      quoted(c);
    } else if (c === '`') {
      out += c;
      i += 1;
      template();
    } else if (c === '{') {
      stack.push('code');
      out += c;
      i += 1;
    } else if (c === '}') {
      out += c;
      i += 1;
      if (stack.pop() === 'template') template();
    } else if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n' && (inClass || source[j] !== '/')) {
        if (source[j] === '\\') j += 1;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j += 1;
      }
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** The text of `path` that runs or is parsed: comments taken out by the file's kind. */
export function code(path, text) {
  if (/\.(m|c)?[jt]s$/.test(path)) return withoutJsComments(text);
  if (/\.css$/.test(path)) return text.replace(/\/\*[\s\S]*?\*\//g, ' ');
  if (/\.(html|md)$/.test(path)) {
    // An HTML comment, then the scripts of the page as JavaScript.
    const page = text.replace(/<!--[\s\S]*?-->/g, ' ');
    return page.replace(/(<script\b[^>]*>)([\s\S]*?)(<\/script>)/gi, (_, open, body, close) => open + withoutJsComments(body) + close);
  }
  return text;
}

/** The sinks found in `text`, as [name, line] pairs. */
export function sinksIn(text) {
  const found = [];
  text.split('\n').forEach((line, n) => {
    for (const [name, pattern] of SINKS) if (pattern.test(line)) found.push([name, n + 1]);
  });
  return found;
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]);
}

test('no file under www/ or js/ holds an HTML or code sink', () => {
  const files = [...filesUnder(join(root, 'www')), ...filesUnder(join(root, 'js'))];
  assert.ok(files.length >= 40, `${files.length} files`);
  assert.ok(files.some((f) => f.endsWith('element.js')) && files.some((f) => f.endsWith('core.js')));
  const found = [];
  for (const file of files) {
    const name = relative(root, file);
    for (const [sink, line] of sinksIn(code(name, readFileSync(file, 'utf8')))) found.push(`${name}:${line} ${sink}`);
  }
  assert.deepEqual(found, []);
});

test('the check finds every sink in code, and none in comments', () => {
  const planted = [
    'el.innerHTML = text;',
    "el['outerHTML'] = text;",
    "el.insertAdjacentHTML('beforeend', text);",
    'shadow.setHTMLUnsafe(text);',
    'range.createContextualFragment(text);',
    "frame.setAttribute('srcdoc', text);",
    'document.write(text);',
    "document['writeln'](text);",
    'eval(text);',
    'window.eval(text);',
    '(0, eval)(text);',
    "globalThis['eval'](text);",
    "new Function('return 1');",
    "Function('return 1')();",
    "setTimeout('go()', 10);",
    'setTimeout(`go()`, 10);',
    "setInterval(code + '()', 10);",
    "link.href = 'javascript:alert(1)';",
  ];
  for (const line of planted) {
    assert.notDeepEqual(sinksIn(code('www/x.js', line)), [], line);
  }
  const harmless = [
    '// innerHTML would parse the text; textContent does not',
    '/* eval( and new Function are never used */ const a = 1;',
    "const url = 'https://example.org//path'; // document.write",
    'const re = /\\/\\/ not a comment/; const b = 2; // innerHTML',
    'const t = `a ${b ? `c` : `d`} //`; // setTimeout("x")',
    'setTimeout(() => done(), 10); setTimeout(done); setInterval(tick, 1000);',
    "const policy = \"script-src 'self' 'wasm-unsafe-eval'\";",
    'evaluate(x); retrieval(y); myFunction(z);',
  ];
  for (const line of harmless) {
    assert.deepEqual(sinksIn(code('www/x.js', line)), [], line);
  }
  assert.deepEqual(sinksIn(code('www/x.html', '<!-- innerHTML --><p>text</p>')), []);
  assert.notDeepEqual(sinksIn(code('www/x.html', '<script>document.write(1)</script>')), []);
  assert.deepEqual(sinksIn(code('www/x.css', '/* eval( */ a { color: red }')), []);
});
