// Bytes of a list file → text. UTF-8 (with or without BOM) and Shift-JIS/CP932 are read (WHATWG's shift_jis
// decoder is Windows-31J, so NEC and IBM extensions such as ① and 髙 decode); anything else is named, not guessed.
import type { Text } from '../spec/types';
import { detectEncoding } from '../text/detect';
import { pause } from './pause';

export type Decoded = { ok: true; text: string; encoding: 'UTF-8' | 'UTF-8 (BOM)' | 'Shift_JIS (CP932)' | 'ASCII' } | { ok: false; message: Text };

/** Magic numbers of files people drop by mistake, so the message says what the file is. */
const MAGIC: readonly { bytes: readonly number[]; what: Text }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: { ja: 'zip', en: 'a zip archive' } },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: { ja: 'PDF', en: 'a PDF' } },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: { ja: '旧形式のOffice文書（.xls など）', en: 'an old Office document (.xls …)' } },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: { ja: 'PNG画像', en: 'a PNG image' } },
  { bytes: [0xff, 0xd8, 0xff], what: { ja: 'JPEG画像', en: 'a JPEG image' } },
  { bytes: [0x1f, 0x8b], what: { ja: 'gzip', en: 'gzip data' } },
  { bytes: [0xff, 0xfe], what: { ja: 'UTF-16LE のテキスト', en: 'UTF-16LE text' } },
  { bytes: [0xfe, 0xff], what: { ja: 'UTF-16BE のテキスト', en: 'UTF-16BE text' } },
];

const EUC: Text = { ja: 'EUC-JP のテキスト', en: 'EUC-JP text' };
const KNOWN_WORDS = /主体者DN|シリアル番号|状態|利用者|証明書/;

export function whatIs(bytes: Uint8Array): Text | undefined {
  return MAGIC.find((m) => m.bytes.every((b, i) => bytes[i] === b))?.what;
}

function decoder(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return undefined; // a runtime without the label (small-ICU Node): say so below rather than crash
  }
}

export function decodeListText(bytes: Uint8Array): Decoded {
  const magic = whatIs(bytes);
  if (magic) return unreadable(magic);
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    return text === undefined ? unreadable({ ja: '壊れたUTF-8', en: 'broken UTF-8' }) : { ok: true, text, encoding: 'UTF-8 (BOM)' };
  }
  if (bytes.some((b) => b === 0 || (b < 0x09 && b !== 0))) return unreadable({ ja: 'テキストではないデータ（バイナリ）', en: 'binary data, not text' });
  if (bytes.every((b) => b < 0x80)) return { ok: true, text: new TextDecoder().decode(bytes), encoding: 'ASCII' };
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'UTF-8' };
  // EUC-JP kana/kanji often also decode as Shift-JIS half-width kana: the text layer's detector catches what is not
  // valid Shift-JIS, and a list whose headers read only in EUC-JP is named too.
  // Judged on the head (the header row and some lines): the detector walks every byte in JavaScript.
  const head = bytes.subarray(0, headEnd(bytes));
  if (detectEncoding(head) === 'EUC-JP') return unreadable(EUC);
  const euc = tryDecode('euc-jp', head);
  if (euc !== undefined && KNOWN_WORDS.test(euc) && !KNOWN_WORDS.test(tryDecode('shift_jis', head) ?? '')) return unreadable(EUC);
  const sjis = tryDecode('shift_jis', bytes);
  if (sjis !== undefined) return { ok: true, text: sjis, encoding: 'Shift_JIS (CP932)' };
  return unreadable({ ja: 'Shift-JIS・CP932・UTF-8 のいずれでもないデータ', en: 'neither Shift-JIS, CP932 nor UTF-8' });
}

/** About 16 KiB, cut at a line end so no character is split. */
function headEnd(bytes: Uint8Array): number {
  if (bytes.length <= 16384) return bytes.length;
  const lf = bytes.indexOf(0x0a, 16384);
  return lf < 0 ? bytes.length : lf + 1;
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return decoder(label)?.decode(bytes);
  } catch {
    return undefined;
  }
}

function unreadable(what: Text): Decoded {
  return {
    ok: false,
    message: {
      ja: `このファイルは${what.ja}です。RAのダウンロードファイル（Shift-JIS・CP932・UTF-8 のテキスト）として読めません。`,
      en: `This file is ${what.en}; it cannot be read as an RA download file (Shift-JIS, CP932 or UTF-8 text).`,
    },
  };
}

/** A decoded list whose long base64 cells were kept out of the text (see pullLongCells). */
export type DecodedList = Decoded & { long?: string[] };

/**
 * decodeListText for big files: the same checks on the head, then the body without its long base64 cells (the
 * certificate column: nine bytes in ten of an RA list with certificates) decoded in one go; those cells become
 * a token `\u0001<n>` in the text and `long[n]` holds each as a one-byte string (lists.ts puts them back).
 * WHATWG's Shift-JIS decoder is the slow part of reading a list, and the certificate column never needs it.
 */
export async function decodeListTextAsync(bytes: Uint8Array): Promise<DecodedList> {
  if (bytes.length <= CHUNK) return decodeListText(bytes);
  const head = decodeListText(bytes.subarray(0, headEnd(bytes)));
  if (!head.ok) return head;
  const bom = head.encoding === 'UTF-8 (BOM)' ? 3 : 0;
  // The token's byte is one a list never holds (decodeListText refuses it as binary): if it is there, no tokens.
  const body = bytes.subarray(bom);
  const pulled = body.indexOf(TOKEN) < 0 ? await pullLongCells(body) : { rest: body, long: [] };
  const labels = head.encoding === 'Shift_JIS (CP932)' ? ['shift_jis'] : ['utf-8', 'shift_jis'];
  for (const label of labels) {
    const text = await streamDecode(label, pulled.rest);
    if (text === undefined) continue;
    const encoding = label === 'utf-8' ? (bom ? 'UTF-8 (BOM)' : head.encoding === 'ASCII' ? 'ASCII' : 'UTF-8') : 'Shift_JIS (CP932)';
    return { ok: true, text, encoding, long: pulled.long };
  }
  return decodeListText(bytes); // names what it is
}

const CHUNK = 1 << 20;
const TOKEN = 0x01;

/** A cell this long (a one-line base64 DER certificate is ≥ 1 000) is looked at as a possible base64 cell. */
const LONG_CELL = 256;
const BASE64_CELL = /^[\d+/a-z]+={0,2}$/i;

/**
 * The bytes with each long base64 cell replaced by TOKEN and its index, and those cells as strings. Cells end at
 * tab, LF or CR LF: bytes that are never part of a Shift-JIS or UTF-8 character, so what is left decodes to exactly
 * the text around the cells. A long cell that is not base64 (a long note in Japanese) stays in the text. The
 * delimiters are found with indexOf (native), so no JavaScript touches the cells' bytes but the one decoder call.
 */
export async function pullLongCells(body: Uint8Array): Promise<{ rest: Uint8Array; long: string[] }> {
  // Not fatal: a byte ≥ 0x80 gives a letter BASE64_CELL refuses. UTF-8 because engines decode ASCII fastest with it.
  const ascii = new TextDecoder('utf-8');
  const n = body.length;
  const rest = new Uint8Array(n);
  const long: string[] = [];
  let o = 0;
  let copied = 0; // body[copied, pos) is not yet in rest
  let nextTab = -1;
  let nextLf = -1;
  let nextPause = CHUNK;
  for (let pos = 0; pos < n; ) {
    if (nextTab < pos) nextTab = indexOr(body, 0x09, pos, n);
    if (nextLf < pos) nextLf = indexOr(body, 0x0a, pos, n);
    const end = Math.min(nextTab, nextLf);
    const cellEnd = end === nextLf && end > pos && body[end - 1] === 0x0d ? end - 1 : end;
    if (cellEnd - pos >= LONG_CELL) {
      const cell = ascii.decode(body.subarray(pos, cellEnd));
      if (BASE64_CELL.test(cell)) {
        rest.set(body.subarray(copied, pos), o);
        o += pos - copied;
        rest[o++] = TOKEN;
        for (const d of String(long.length)) rest[o++] = d.charCodeAt(0);
        long.push(cell);
        copied = cellEnd;
      }
    }
    pos = end + 1;
    if (pos >= nextPause) {
      nextPause += CHUNK;
      await pause();
    }
  }
  rest.set(body.subarray(copied, n), o);
  o += n - copied;
  return { rest: rest.subarray(0, o), long };
}

/** One decoder over 1 MiB pieces (a streaming TextDecoder keeps characters split across pieces whole), a turn
 * for the page between: a list without certificates is all text, and the main-thread fallback reads it too. */
async function streamDecode(label: string, bytes: Uint8Array): Promise<string | undefined> {
  const d = decoder(label);
  if (!d) return undefined;
  if (bytes.length <= CHUNK) return tryDecode(label, bytes);
  const parts: string[] = [];
  try {
    for (let i = 0; i < bytes.length; i += CHUNK) {
      parts.push(d.decode(bytes.subarray(i, i + CHUNK), { stream: i + CHUNK < bytes.length }));
      await pause();
    }
  } catch {
    return undefined;
  }
  return parts.join('');
}

function indexOr(bytes: Uint8Array, b: number, from: number, none: number): number {
  const i = bytes.indexOf(b, from);
  return i < 0 ? none : i;
}

/** The text of a cell that pullLongCells took out: the cell itself, or undefined when it is not a token. */
export function longCell(cell: string, long: readonly string[] | undefined): string | undefined {
  if (!long || cell.charCodeAt(0) !== TOKEN) return undefined;
  return long[Number(cell.slice(1))];
}
