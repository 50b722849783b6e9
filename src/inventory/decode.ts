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

/**
 * decodeListText for big files: the same checks on the head, then the body decoded 1 MiB at a time (a streaming
 * TextDecoder keeps characters split across chunks whole) with a pause between, so the page stays responsive.
 */
export async function decodeListTextAsync(bytes: Uint8Array): Promise<Decoded> {
  if (bytes.length <= CHUNK) return decodeListText(bytes);
  const head = decodeListText(bytes.subarray(0, headEnd(bytes)));
  if (!head.ok) return head;
  const bom = head.encoding === 'UTF-8 (BOM)' ? 3 : 0;
  const labels = head.encoding === 'Shift_JIS (CP932)' ? ['shift_jis'] : ['utf-8', 'shift_jis'];
  for (const label of labels) {
    const text = label === 'shift_jis' ? await decodeShiftJisSplit(bytes.subarray(bom)) : await streamDecode(label, bytes.subarray(bom));
    if (text !== undefined) return { ok: true, text, encoding: label === 'utf-8' ? (bom ? 'UTF-8 (BOM)' : head.encoding === 'ASCII' ? 'ASCII' : 'UTF-8') : 'Shift_JIS (CP932)' };
  }
  return decodeListText(bytes); // names what it is
}

const CHUNK = 1 << 20;

async function streamDecode(label: string, bytes: Uint8Array): Promise<string | undefined> {
  const d = decoder(label);
  if (!d) return undefined;
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

/** An ASCII cell this long (the list's certificate column: one-line base64 DER) skips the Shift-JIS decoder. */
const LONG_ASCII_CELL = 256;

/**
 * Shift-JIS text whose long ASCII cells are decoded as ASCII: WHATWG's Shift-JIS decoder costs about four times a
 * single-byte one per byte in Chromium, and in an RA list with certificates nine bytes in ten are base64. Cells
 * end at tab, CR or LF, bytes that are never part of a Shift-JIS character, so the pieces join to exactly the
 * text one decoder would give. undefined when a piece is not valid Shift-JIS. A turn for the page every 1 MiB.
 */
export async function decodeShiftJisSplit(bytes: Uint8Array): Promise<string | undefined> {
  const sjis = decoder('shift_jis');
  const ascii = decoder('windows-1252'); // identical to ASCII below 0x80, the only bytes it is given
  if (!sjis || !ascii) return undefined;
  const parts: string[] = [];
  const n = bytes.length;
  let piece = 0; // start of the Shift-JIS piece not yet decoded
  let cell = 0;
  let onlyAscii = true;
  let nextPause = CHUNK;
  try {
    for (let i = 0; i <= n; i++) {
      const b = i < n ? bytes[i] : 0x0a;
      if (b === 0x09 || b === 0x0a || b === 0x0d) {
        if (onlyAscii && i - cell >= LONG_ASCII_CELL) {
          if (cell > piece) parts.push(sjis.decode(bytes.subarray(piece, cell)));
          parts.push(ascii.decode(bytes.subarray(cell, i)));
          piece = i;
        }
        cell = i + 1;
        onlyAscii = true;
        if (i >= nextPause) {
          nextPause += CHUNK;
          await pause();
        }
      } else if (b >= 0x80) onlyAscii = false;
    }
    if (piece < n) parts.push(sjis.decode(bytes.subarray(piece, n)));
  } catch {
    return undefined;
  }
  return parts.join('');
}
