import { inflateSync } from 'node:zlib';

/**
 * Reads the text back out of a PDF that pdfkit wrote with its standard fonts: inflates every content stream and
 * decodes the strings of its `TJ`/`Tj` operators (hex or literal, WinAnsi). Enough for tests that check what a
 * generated document says; not a general PDF parser. Returns one line per text-showing operator, in page order, and
 * the page count.
 */
export function pdfText(pdf: Buffer): { text: string; lines: string[]; pages: number } {
  const source = pdf.toString('latin1');
  if (!source.startsWith('%PDF-')) throw new Error('not a PDF: the file does not start with %PDF-');
  const lines: string[] = [];
  const streams = /<<([^]*?)>>\s*stream\r?\n/g;
  for (let match = streams.exec(source); match; match = streams.exec(source)) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    let content: string;
    if (/\/FlateDecode/.test(match[1]!)) {
      try {
        content = inflateSync(raw).toString('latin1');
      } catch {
        continue; // an image or font program, not page content
      }
    } else {
      content = raw.toString('latin1');
    }
    lines.push(...textOperators(content));
  }
  const pages = (source.match(/\/Type\s*\/Page\b/g) ?? []).length;
  return { text: lines.join('\n'), lines, pages };
}

/** The text of every `[...] TJ` and `(...) Tj` in one content stream. */
function textOperators(content: string): string[] {
  const found: string[] = [];
  const operators =
    /\[((?:<[0-9A-Fa-f]*>|\((?:\\.|[^\\)])*\)|[-\d.\s])*)\]\s*TJ|(<[0-9A-Fa-f]*>|\((?:\\.|[^\\)])*\))\s*Tj/g;
  for (let match = operators.exec(content); match; match = operators.exec(content)) {
    const body = match[1] ?? match[2] ?? '';
    const strings = body.match(/<[0-9A-Fa-f]*>|\((?:\\.|[^\\)])*\)/g) ?? [];
    found.push(strings.map(decodeString).join(''));
  }
  return found;
}

function decodeString(token: string): string {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1);
    let out = '';
    for (let i = 0; i + 1 < hex.length; i += 2) out += winAnsi(parseInt(hex.slice(i, i + 2), 16));
    return out;
  }
  const escaped = token.slice(1, -1);
  return escaped
    .replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_all, code: string) => {
      const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
      if (simple[code]) return simple[code]!;
      if (/^[0-7]+$/.test(code)) return winAnsi(parseInt(code, 8));
      return code;
    })
    .replace(/[\x80-\x9f]/g, (char) => winAnsi(char.charCodeAt(0)));
}

/** WinAnsiEncoding differs from Latin-1 only in 0x80–0x9F. */
const winAnsiHigh: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

function winAnsi(code: number): string {
  return winAnsiHigh[code] ?? String.fromCharCode(code);
}

/** Whitespace (line wraps, table cells) folded to single spaces, for `toContain` checks across wrapped lines. */
export const flat = (text: string): string => text.replace(/\s+/g, ' ');
