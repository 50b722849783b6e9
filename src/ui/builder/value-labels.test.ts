import { describe, expect, it } from 'vitest';
import { columnOf } from '../../spec/kinds';
import { profileLabel, validityText, valueChoices } from './value-labels';

const ja = (t: { ja: string }) => t.ja;

describe('what distinguishes the coded values', () => {
  it('shows each profile’s validity in force', () => {
    const now = new Date('2026-12-03T00:00:00Z');
    expect(validityText('5', now)?.ja).toBe('48か月');
    expect(validityText('13', now)?.ja).toBe('13か月');
    expect(validityText('14', now)?.ja).toBe('25か月');
    expect(validityText('7', now)?.ja).toBe('823日');
    expect(validityText('5', new Date('2023-01-01T00:00:00Z'))?.ja).toBe('52か月');
    expect(profileLabel('15', ja, now)).toMatch(/^15: S\/MIME証明書.*— 13か月$/);
  });

  it('offers 失効理由 in the manual’s words and the methods by name', () => {
    expect(valueChoices(columnOf('server-revoke', 'reason')!, ja).map((v) => v.label)).toEqual([
      '0: 未定義',
      '1: 鍵の危殆化',
      '3: 主体DNの変更',
      '4: 証明書の更新または証明書記載内容の変更',
      '5: 証明書の利用終了',
    ]);
    expect(valueChoices(columnOf('client-issue', 'method')!, ja).map((v) => v.label)).toEqual(['1: P12個別', '2: P12一括', '3: ブラウザ個別']);
    expect(valueChoices(columnOf('client-issue', 'adminName')!, ja)).toEqual([]);
  });
});
