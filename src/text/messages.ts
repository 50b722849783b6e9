// Ready-made ja/en wording for a refused character, so the validator, the builder and the CLI say the same thing.
// (The validator may wrap it with its own code and column; see tsv/.)
import type { Text } from '../spec/types';
import type { BadChar, BadCharReason } from './types';

export const BAD_CHAR_REASON_TEXT: Record<BadCharReason, Text> = {
  'vendor-extension': {
    ja: '機種依存文字（Windowsの拡張文字・外字）で、JIS X 0208:1997＋JIS X 0201の範囲外です',
    en: 'a Windows vendor-specific character (NEC/IBM extension or user-defined), outside JIS X 0208:1997 + JIS X 0201',
  },
  'not-in-jis': {
    ja: 'JIS X 0208:1997＋JIS X 0201の範囲外の文字です',
    en: 'outside JIS X 0208:1997 + JIS X 0201',
  },
  control: { ja: '制御文字です', en: 'a control character' },
};

/** U+9AD9 style label; control characters are shown only by their code. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** e.g. 「髙」(U+9AD9)は機種依存文字…です。「高」に置き換えてください。 / "髙" (U+9AD9) is a Windows … Use "高" instead. */
export function badCharMessage(bad: BadChar): Text {
  const label = codePointLabel(bad.codePoint);
  const shown = bad.reason === 'control' ? { ja: label, en: label } : { ja: `「${bad.char}」(${label})`, en: `"${bad.char}" (${label})` };
  const reason = BAD_CHAR_REASON_TEXT[bad.reason];
  let ja = `${shown.ja}は${reason.ja}。`;
  let en = `${shown.en} is ${reason.en}.`;
  if (bad.note) {
    ja += bad.note.ja;
    en += ` ${bad.note.en}`;
  }
  if (bad.suggestion === '') {
    ja += '削除してください。';
    en += ' Delete it.';
  } else if (bad.suggestion !== undefined) {
    ja += `「${bad.suggestion}」に置き換えてください。`;
    en += ` Use "${bad.suggestion}" instead.`;
  }
  return { ja, en };
}
