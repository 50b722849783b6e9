// Result values of the text layer. Nothing here throws on user input.
import type { Text } from '../spec/types';

export type BadCharReason =
  /** Encodable in Windows-31J/CP932 but outside JIS X 0208:1997 + JIS X 0201: NEC row 13 (①, ㈱), NEC-selected and
   *  IBM extended kanji (髙, 﨑), IBM symbols (ⅰ, ￤), and the user-defined area U+E000-U+E757 (外字). */
  | 'vendor-extension'
  /** Not in JIS X 0208:1997 + JIS X 0201 and not in CP932 either (𠮷, emoji, JIS X 0213 kanji, ¥ U+00A5, …). */
  | 'not-in-jis'
  /** A control character other than TAB, LF, CR (C0 controls, DEL, C1 controls). */
  | 'control';

export interface BadChar {
  /** 0-based code-point index in the input string (what a "character count" counts). */
  index: number;
  /** 0-based UTF-16 index in the input string (what String#slice and a text field's selection use). */
  utf16Index: number;
  char: string;
  codePoint: number;
  reason: BadCharReason;
  /** A replacement in JIS X 0208 + JIS X 0201, where a common one exists ('' would mean: delete it). */
  suggestion?: string;
  /** Why this particular character is refused, when the reason alone would puzzle the user (e.g. ¥). */
  note?: Text;
}

export type EncodeResult = { ok: true; bytes: Uint8Array } | { ok: false; bad: BadChar[] };

export type SjisDecodeResult = { ok: true; text: string } | { ok: false; offset: number; message: Text };

/** What detectEncoding saw in a file's bytes. */
export type DetectedEncoding =
  | 'ASCII'
  | 'Shift_JIS'
  | 'UTF-8'
  | 'UTF-8 (BOM)'
  | 'UTF-16LE'
  | 'UTF-16BE'
  | 'ISO-2022-JP'
  | 'EUC-JP'
  | 'binary'
  | 'invalid Shift_JIS';

export type DecodeResult =
  | { ok: true; text: string; encoding: 'Shift_JIS' | 'ASCII' | 'UTF-8' | 'UTF-8 (BOM)' }
  | { ok: false; encoding: DetectedEncoding; message: Text };
