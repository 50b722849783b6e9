import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, pushState, redo, replaceState, undo } from './undo';

describe('history', () => {
  it('undoes and redoes edits in order', () => {
    let h = createHistory('a');
    h = pushState(h, 'b');
    h = pushState(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('b');
    expect(canRedo(h)).toBe(true);
  });

  it('drops the redo branch after a new edit', () => {
    let h = pushState(pushState(createHistory(1), 2), 3);
    h = pushState(undo(h), 9);
    expect(h.present).toBe(9);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(2);
  });

  it('keeps at most `limit` past states', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 10; i += 1) h = pushState(h, i, 3);
    expect(h.past).toEqual([7, 8, 9]);
  });

  it('replaceState changes the present without an undo step; an identical push is ignored', () => {
    let h = pushState(createHistory('x'), 'y');
    h = replaceState(h, 'yz');
    expect(undo(h).present).toBe('x');
    expect(pushState(h, h.present)).toBe(h);
  });
});
