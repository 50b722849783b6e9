import { describe, expect, it } from 'vitest';
import { owns, restOf } from './router';

describe('hash routes', () => {
  it('a route owns its own path and its sub-paths only', () => {
    expect(owns('/ra', '/ra')).toBe(true);
    expect(owns('/ra', '/ra/uploads/3')).toBe(true);
    expect(owns('/ra', '/rab')).toBe(false);
    expect(owns('/ra', '/')).toBe(false);
  });

  it('passes the segments after the route path, decoded', () => {
    expect(restOf('/ra', '/ra/uploads/3')).toEqual(['uploads', '3']);
    expect(restOf('/ra', '/ra')).toEqual([]);
    expect(restOf('/keys', '/keys/%E9%8D%B5')).toEqual(['鍵']);
  });
});
