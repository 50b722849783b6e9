// How a character that Shift-JIS cannot hold is reported, and the converted file's name — text only, so the
// validator page shows a conversion's result without loading the character tables.
import type { Text } from '../spec/types';

/** A character that does not fit, located as the user sees the file: line (= SEQ), column, character. */
export interface MisfitChar {
  line: number;
  column: number;
  /** 1-based code-point position in the cell. */
  position: number;
  char: string;
  codePoint: string;
  suggestion?: string;
}

/** 「3行目 11列目 2文字目: 「髙」(U+9AD9) → 「高」」 */
export function misfitText(m: MisfitChar): Text {
  const fix = m.suggestion === undefined ? { ja: '', en: '' } : m.suggestion === '' ? { ja: '（削除）', en: ' (delete)' } : { ja: ` →「${m.suggestion}」`, en: ` → "${m.suggestion}"` };
  return {
    ja: `${m.line}行目 ${m.column}列目 ${m.position}文字目: 「${m.char}」(${m.codePoint})${fix.ja}`,
    en: `line ${m.line}, column ${m.column}, character ${m.position}: "${m.char}" (${m.codePoint})${fix.en}`,
  };
}

/** `name.tsv` → `name-sjis.tsv` (never the same name as the file it came from). */
export function convertedName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}-sjis${name.slice(dot)}` : `${name || 'application'}-sjis.tsv`;
}
