import { describe, expect, it } from 'vitest';
import { markPieces } from './mark-pieces';

describe('markPieces', () => {
  it('marks the character at a code-point position, keeping the rest in runs', () => {
    expect(markPieces('髙橋一郎', [0])).toEqual([
      { text: '髙', marked: true },
      { text: '橋一郎', marked: false },
    ]);
  });

  it('counts a character outside the BMP as one position', () => {
    expect(markPieces('𠮷野家', [1])).toEqual([
      { text: '𠮷', marked: false },
      { text: '野', marked: true },
      { text: '家', marked: false },
    ]);
  });

  it('keeps adjacent marked characters apart and ignores positions outside the text', () => {
    expect(markPieces('ab', [0, 1, 5, -1])).toEqual([
      { text: 'a', marked: true },
      { text: 'b', marked: true },
    ]);
    expect(markPieces('', [0])).toEqual([]);
  });
});
