import { describe, expect, it } from 'vitest';
import { validateInstitution } from '../pki/subject-rules';
import { PREFECTURES, prefectureRomaji } from './prefectures';

describe('prefectures for ST', () => {
  it('has the 47 prefectures, each romaji valid as an ST value', () => {
    expect(PREFECTURES).toHaveLength(47);
    for (const [, st] of PREFECTURES) {
      expect(validateInstitution({ o: 'Example University', st, l: 'Chiyoda-ku' }).filter((i) => i.severity === 'error')).toEqual([]);
    }
  });

  it('suggests 「Tokyo」 for 「東京都」 (and the short form)', () => {
    expect(prefectureRomaji('東京都')).toBe('Tokyo');
    expect(prefectureRomaji('東京')).toBe('Tokyo');
    expect(prefectureRomaji('北海道')).toBe('Hokkaido');
    expect(prefectureRomaji('京都府')).toBe('Kyoto');
    expect(prefectureRomaji('Tokyo')).toBeUndefined();
    expect(prefectureRomaji('')).toBeUndefined();
  });
});
