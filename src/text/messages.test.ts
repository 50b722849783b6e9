import { describe, expect, it } from 'vitest';
import { checkJis } from './shift-jis';
import { badCharMessage } from './messages';

describe('badCharMessage', () => {
  it('names the character, the reason and the replacement in both languages', () => {
    const [bad] = checkJis('髙');
    expect(badCharMessage(bad)).toEqual({
      ja: '「髙」(U+9AD9)は機種依存文字（Windowsの拡張文字・外字）で、JIS X 0208:1997＋JIS X 0201の範囲外です。「高」に置き換えてください。',
      en: '"髙" (U+9AD9) is a Windows vendor-specific character (NEC/IBM extension or user-defined), outside JIS X 0208:1997 + JIS X 0201. Use "高" instead.',
    });
  });

  it('shows a control character by its code only, and says to delete a zero-width space', () => {
    expect(badCharMessage(checkJis('\u0007')[0]).en).toBe('U+0007 is a control character.');
    expect(badCharMessage(checkJis('\u200b')[0]).ja).toContain('削除してください');
  });

  it('explains why ¥ is refused', () => {
    const message = badCharMessage(checkJis('¥')[0]);
    expect(message.ja).toContain('「￥」に置き換えてください');
    expect(message.en).toContain('read as "\\"');
  });
});
