// Suggested replacements for characters outside JIS X 0208:1997 + JIS X 0201.
//
// Two sources, in this order:
// 1. SUGGESTIONS below — the common cases NFKC gets wrong or cannot do: vendor kanji with a usual JIS form
//    (髙→高), enclosed numbers written the way Japanese forms write them (①→(1), not NFKC's "1"), № → "No.".
// 2. Unicode NFKC — covers the rest generically: ㈱→(株), ㍻→平成, ℡→TEL, Ⅰ→I, ⅰ→i, 塚 U+FA10→塚, ㍉→ミリ, NBSP→space.
// A suggestion is offered only if it is itself fully encodable (checked by the caller), so a wrong row here
// cannot produce a new bad character; a test checks every row of this table anyway.
// Compatibility ideographs are written as \u escapes: editors and tools may silently NFC-normalise them.

const CIRCLED_NUMBERS: [string, string][] = Array.from({ length: 20 }, (_, i) => [
  String.fromCodePoint(0x2460 + i), // ①..⑳
  `(${i + 1})`,
]);

export const SUGGESTIONS: ReadonlyMap<string, string> = new Map<string, string>([
  ...CIRCLED_NUMBERS,
  ['\u9ad9', '高'], // 髙 (はしご高, IBM/NEC-selected)
  ['\ufa11', '崎'], // 﨑 (たつさき, IBM)
  ['\u5fb7', '徳'], // 德 (IBM)
  ['\ud842\udfb7', '吉'], // 𠮷 U+20BB7 (つちよし, JIS X 0213)
  ['\u6ff5', '浜'], // 濵 (IBM)
  ['\u7028', '瀬'], // 瀨 (IBM)
  ['\u9ed1', '黒'], // 黑 (IBM)
  ['\u2116', 'No.'], // № (NFKC would give "No")
  ['\uffe4', '|'], // ￤ BROKEN BAR (IBM)
  ['\u00a6', '|'], // ¦ BROKEN BAR
  ['\u2013', '-'], // – EN DASH
  ['\u00b7', '・'], // · MIDDLE DOT
  ['\u2022', '・'], // • BULLET
  ['\u3094', 'ヴ'], // ゔ (JIS X 0213)
  ['\u3095', 'ヵ'], // ゕ
  ['\u3096', 'ヶ'], // ゖ
  ['\ufeff', ''], // ZERO WIDTH NO-BREAK SPACE (a stray BOM): delete it
  ['\u200b', ''], // ZERO WIDTH SPACE: delete it
]);

/** The replacement to propose for `char`, before the encodability check; undefined if none. */
export function candidateSuggestion(char: string): string | undefined {
  const fromTable = SUGGESTIONS.get(char);
  if (fromTable !== undefined) return fromTable;
  const normalized = char.normalize('NFKC');
  return normalized !== char && normalized.length > 0 ? normalized : undefined;
}
