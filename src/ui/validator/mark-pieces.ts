// Split a cell into runs so the characters at `positions` can be marked.
// Positions count Unicode code points (Issue.position, from src/text BadChar.index), so a kanji outside the BMP
// (e.g. 𠮷) is one character, as a user sees it.
export interface Piece {
  text: string;
  marked: boolean;
}

export function markPieces(value: string, positions: readonly number[]): Piece[] {
  const chars = Array.from(value);
  const marks = new Set(positions.filter((p) => p >= 0 && p < chars.length));
  const out: Piece[] = [];
  chars.forEach((ch, i) => {
    const marked = marks.has(i);
    const last = out[out.length - 1];
    // Unmarked characters merge into one run; each marked character stays its own piece.
    if (last && !last.marked && !marked) last.text += ch;
    else out.push({ text: ch, marked });
  });
  return out;
}
