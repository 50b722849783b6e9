// docs/ra-engine.md's table of RA codes stays in step with messages.ts: every code with its text, each
// code once per text, and no row for a code the engine does not have.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RA_MESSAGES } from './messages';

const DOC = readFileSync(new URL('../../docs/ra-engine.md', import.meta.url), 'utf8');
const section = DOC.slice(DOC.indexOf('### Codes the RA adds'), DOC.indexOf('### Screens'));
const rows = [...section.matchAll(/^\| `([0-9A-Z]+)` \| (.+?) \|/gm)].map((m) => `${m[1]} ${m[2]}`);

describe('RA codes in docs/ra-engine.md', () => {
  it('lists exactly the codes and Japanese texts of RA_MESSAGES, one code per rule', () => {
    const expected = Object.values(RA_MESSAGES).map((m) => `${m.code} ${m.message.ja}`);
    expect(rows.sort()).toEqual(expected.sort());
    const codes = Object.values(RA_MESSAGES).map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
