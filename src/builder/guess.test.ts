import { describe, expect, it } from 'vitest';
import { KINDS } from '../spec/kinds';
import { guessKind } from './guess';

const specs = Object.values(KINDS);
const best = (rows: string[][]) => guessKind(specs, rows)[0].kind;

const SDN = 'CN=www.example.ac.jp,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP';
const CDN = 'CN=YAMADA TARO,OU=2024001,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP';

describe('guessKind', () => {
  it('tells the three server kinds apart from their filled columns', () => {
    expect(best([[SDN, '3', '', '', '', '', 'MIIB', '', '', 'a@example.ac.jp', 'www.example.ac.jp', 'nginx', '']])).toBe('server-issue');
    expect(best([[SDN, '3', '', '1234', '', '', 'MIIB', '', '', 'a@example.ac.jp', 'www.example.ac.jp', 'nginx', '']])).toBe('server-renew');
    expect(best([[SDN, '', '', '1234', '5', 'bye', '', '', '', '', '', '', '']])).toBe('server-revoke');
  });

  it('tells the three client kinds apart', () => {
    const issue = [CDN, '5', '1', '', '', '', '', '', '', 'a@example.ac.jp', '', '', '', 't@example.ac.jp', ''];
    const renew = [CDN, '5', '1', '0x1F', '', '', '', '', '', 'a@example.ac.jp', '', '', '', 't@example.ac.jp', ''];
    const revoke = [CDN, '', '', '0x1F', '0', '', '', '', '', '', '', '', '', '', ''];
    expect(best([issue])).toBe('client-issue');
    expect(best([renew])).toBe('client-renew');
    expect(best([revoke])).toBe('client-revoke');
  });

  it('uses the column count first: 15 columns are never a server kind', () => {
    const row = [CDN, '', '', '1', '0', '', '', '', '', '', '', '', '', '', ''];
    const ranking = guessKind(specs, [row]);
    expect(ranking.slice(0, 3).every((g) => g.kind.startsWith('client'))).toBe(true);
  });
});
