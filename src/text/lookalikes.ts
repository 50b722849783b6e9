// The look-alike policy (docs/text-policy.md explains it at length).
//
// A few JIS X 0208 cells have two Unicode spellings: the one in the JIS-based tables (JIS0208.TXT, glibc's
// SHIFT_JIS, macOS input) and the one Windows and browsers use (CP932, WHATWG `TextDecoder('shift_jis')`).
// Both spellings name the same JIS character, so encoding accepts both and writes the one cell.
// Decoding always yields the Windows/WHATWG spelling: that is what `TextDecoder` in the page gives, what
// Windows users type (e.g. ～ U+FF5E from the IME), and it keeps our decode identical to the browser's.
//
// The single byte 0x5C is a different matter: JIS X 0201 calls it YEN SIGN, but the UPKI system and every
// Windows program read it as the backslash, which is special in DNs. So 0x5C decodes to '\' (as WHATWG does),
// only '\' encodes to 0x5C, and '¥' U+00A5 is refused with a suggestion (￥ U+FFE5, the JIS X 0208 yen sign),
// rather than silently turning into a backslash. Same for 0x7E: '~' only; '‾' U+203E is refused (→ ￣).

/** [alias, canonical]: the alias is accepted on encode and written as the canonical character's code. */
export const ENCODE_ALIASES: readonly (readonly [number, number])[] = [
  [0x301c, 0xff5e], // 〜 WAVE DASH (JIS) → ～ FULLWIDTH TILDE (CP932), 0x8160
  [0x2016, 0x2225], // ‖ DOUBLE VERTICAL LINE (JIS) → ∥ PARALLEL TO (CP932), 0x8161
  [0x2212, 0xff0d], // − MINUS SIGN (JIS) → － FULLWIDTH HYPHEN-MINUS (CP932), 0x817C
  [0x00a2, 0xffe0], // ¢ CENT SIGN (JIS) → ￠ (CP932), 0x8191
  [0x00a3, 0xffe1], // £ POUND SIGN (JIS) → ￡ (CP932), 0x8192
  [0x00ac, 0xffe2], // ¬ NOT SIGN (JIS) → ￢ (CP932), 0x81CA
  [0x2014, 0x2015], // — EM DASH (JIS X 0208:1997 / Apple) → ― HORIZONTAL BAR (CP932, JIS0208.TXT), 0x815C
];

/** Characters we refuse although a Shift-JIS converter might write them as 0x5C / 0x7E (see above). */
export const AMBIGUOUS_SINGLE_BYTE: ReadonlyMap<number, { byte: number; suggestion: string }> = new Map([
  [0x00a5, { byte: 0x5c, suggestion: '\uffe5' }], // ¥ → ￥
  [0x203e, { byte: 0x7e, suggestion: '\uffe3' }], // ‾ → ￣
]);
