// Shift-JIS encode / decode with the exact JIS X 0208:1997 + JIS X 0201 membership check (SPEC §4.4, Appendix A).
//
// Encode writes only JIS X 0201 (ASCII 0x20-0x7E, half-width katakana 0xA1-0xDF) and JIS X 0208:1997 cells,
// plus TAB, LF and CR, which are the TSV's own structure. Everything else is reported, never substituted.
// Decode reads the whole of CP932 (vendor characters in a real file decode, so the validator can point at them
// by column and position) and stops at the first byte sequence that is not Shift-JIS at all.

import type { BadChar, EncodeResult, SjisDecodeResult } from './types';
import { getSjisTables, isShiftJisLeadByte, isShiftJisTrailByte, HALF_WIDTH_KANA_BYTE_OFFSET } from './jis-table';
import { AMBIGUOUS_SINGLE_BYTE } from './lookalikes';
import { candidateSuggestion } from './suggestions';

/** Encodes `text` as Shift-JIS restricted to JIS X 0208:1997 + JIS X 0201; lists every bad character otherwise. */
export function encodeShiftJis(text: string): EncodeResult {
  const { encode } = getSjisTables();
  const out = new Uint8Array(text.length * 2);
  let length = 0;
  const bad: BadChar[] = [];
  let index = 0;
  let utf16Index = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const code = codePoint <= 0xffff ? encode[codePoint] : 0;
    if (code === 0) {
      bad.push(describeBadChar(char, codePoint, index, utf16Index));
    } else if (code < 0x100) {
      out[length++] = code;
    } else {
      out[length++] = code >> 8;
      out[length++] = code & 0xff;
    }
    index++;
    utf16Index += char.length;
  }
  return bad.length > 0 ? { ok: false, bad } : { ok: true, bytes: out.slice(0, length) };
}

/** The membership check alone: every character of `text` that encodeShiftJis would refuse. */
export function checkJis(text: string): BadChar[] {
  const { encode } = getSjisTables();
  const bad: BadChar[] = [];
  let index = 0;
  let utf16Index = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint > 0xffff || encode[codePoint] === 0) bad.push(describeBadChar(char, codePoint, index, utf16Index));
    index++;
    utf16Index += char.length;
  }
  return bad;
}

/** True when every character of `text` can be written (a cheap yes/no for forms and filters). */
export function isJisText(text: string): boolean {
  return checkJis(text).length === 0;
}

function describeBadChar(char: string, codePoint: number, index: number, utf16Index: number): BadChar {
  const bad: BadChar = { index, utf16Index, char, codePoint, reason: reasonFor(codePoint) };
  const ambiguous = AMBIGUOUS_SINGLE_BYTE.get(codePoint);
  const suggestion = ambiguous?.suggestion ?? candidateSuggestion(char);
  if (suggestion !== undefined && isWritable(suggestion)) bad.suggestion = suggestion;
  if (ambiguous) {
    const hex = `0x${ambiguous.byte.toString(16).toUpperCase()}`;
    bad.note = {
      ja: `「${char}」を${hex}で書くと、UPKIのシステム（Windows）では「${String.fromCharCode(ambiguous.byte)}」と読まれます。`,
      en: `Written as ${hex}, "${char}" is read as "${String.fromCharCode(ambiguous.byte)}" by the UPKI system (Windows).`,
    };
  }
  return bad;
}

function reasonFor(codePoint: number): BadChar['reason'] {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return 'control';
  if (codePoint <= 0xffff && getSjisTables().vendorOnly[codePoint] === 1) return 'vendor-extension';
  return 'not-in-jis';
}

function isWritable(text: string): boolean {
  const { encode } = getSjisTables();
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint > 0xffff || encode[codePoint] === 0 || codePoint < 0x20) return false;
  }
  return true;
}

/**
 * Decodes CP932 bytes the way the browser's TextDecoder('shift_jis') does (0x5C → '\', 0x8160 → ～ U+FF5E …),
 * vendor rows included. Fails at the first byte that does not start a Shift-JIS character, a lead byte without
 * a valid trail byte, or a two-byte code that CP932 leaves unassigned. Control bytes decode as themselves.
 */
export function decodeShiftJis(bytes: Uint8Array): SjisDecodeResult {
  const { decode } = getSjisTables();
  const units = new Uint16Array(bytes.length);
  let length = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      units[length++] = b;
      i++;
    } else if (b >= 0xa1 && b <= 0xdf) {
      units[length++] = b + HALF_WIDTH_KANA_BYTE_OFFSET;
      i++;
    } else if (isShiftJisLeadByte(b) && i + 1 < bytes.length && isShiftJisTrailByte(bytes[i + 1])) {
      const unit = decode[(b << 8) | bytes[i + 1]];
      if (unit === 0) return invalidAt(bytes, i, 2);
      units[length++] = unit;
      i += 2;
    } else {
      return invalidAt(bytes, i, isShiftJisLeadByte(b) ? 2 : 1);
    }
  }
  return { ok: true, text: unitsToString(units, length) };
}

function invalidAt(bytes: Uint8Array, offset: number, width: number): SjisDecodeResult {
  const shown = Array.from(bytes.subarray(offset, offset + width), (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`);
  const what = shown.join(' ') + (offset + width > bytes.length ? ' (end of file)' : '');
  const whatJa = shown.join(' ') + (offset + width > bytes.length ? '（ファイル末尾）' : '');
  return {
    ok: false,
    offset,
    message: {
      ja: `Shift-JISとして読めないバイト列があります（${offset + 1}バイト目: ${whatJa}）。`,
      en: `Bytes that are not Shift-JIS at byte ${offset + 1}: ${what}.`,
    },
  };
}

function unitsToString(units: Uint16Array, length: number): string {
  const chunk = 0x2000;
  let text = '';
  for (let start = 0; start < length; start += chunk) {
    text += String.fromCharCode(...units.subarray(start, Math.min(start + chunk, length)));
  }
  return text;
}
