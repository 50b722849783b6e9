// dnKeyOf (the projection's fast DN key) against dnKey over parseDnString, on generated DNs full of the cases the
// parser cares about: commas and '=' inside values, lower-case and spaced keys, unknown keys, several CNs and OUs.
import { describe, expect, it } from 'vitest';
import { dnKey, dnKeyOf, dnOf } from './dn-key';
import { prng } from '../fuzz/mutate'; // seeded: the same cases on every run, different ones per seed

const PIECES = ['CN=', 'cn =', ' OU=', 'OU = ', 'O=', 'L=', 'ST=', 'C=', 'E=', 'emailAddress=', 'X=', 'foo', 'Bar', ',', ', ', '=', ' ', 'a,b', 'USER 1', 'www.example.ac.jp', 'Ｘ'];

describe('dnKeyOf', () => {
  it('equals dnKey of the parsed DN', () => {
    const rnd = prng(7);
    const samples = ['', ' ', 'CN=a', 'CN=A.example.ac.jp,OU=x,OU=y,O=Org', 'CN=a,b=c,OU=1', 'cn = a , ou = 2', 'OU=1,CN=x,CN=y', 'garbage', '=x', 'CN=x,,OU=y'];
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(rnd() * 10);
      samples.push(Array.from({ length: n }, () => PIECES[Math.floor(rnd() * PIECES.length)]).join(''));
    }
    for (const dn of samples) {
      for (const family of ['server', 'client'] as const) expect(dnKeyOf(family, dn), dn).toBe(dnKey(family, dnOf(dn)));
    }
  });
});
