// Public API of the text layer: Shift-JIS restricted to JIS X 0208:1997 + JIS X 0201 (SPEC §4.4, Appendix A).
export type {
  BadChar,
  BadCharReason,
  DecodeResult,
  DetectedEncoding,
  EncodeResult,
  SjisDecodeResult,
} from './types';
export { encodeShiftJis, decodeShiftJis, checkJis, isJisText } from './shift-jis';
export { detectEncoding, decodeTextFile, decodeUtf8, ENCODING_NAMES } from './detect';
export { isJisX0201Katakana, getSjisTables, JIS_X0208_CELLS, kutenToSjis } from './jis-table';
export { ENCODE_ALIASES, AMBIGUOUS_SINGLE_BYTE } from './lookalikes';
export { SUGGESTIONS } from './suggestions';
export { badCharMessage, BAD_CHAR_REASON_TEXT, codePointLabel } from './messages';
