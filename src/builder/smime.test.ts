import { describe, expect, it } from 'vitest';
import { KINDS } from '../spec/kinds';
import { composeDn, newRowCells } from './defaults';
import { blankProfile } from './institution';
import { cnOf, syncSmimeCn, withCn } from './smime';

const inst = { ...blankProfile('x'), o: 'Example Univ', l: 'Chiyoda-ku', st: 'Tokyo', adminMail: 'a@example.ac.jp', software: 'httpd 2.4' };

describe('DN helpers', () => {
  it('composes server DNs without OU and client DNs with OU', () => {
    expect(composeDn('server', { cn: 'www.example.ac.jp', ous: ['X'] }, inst)).toBe(
      'CN=www.example.ac.jp,O=Example Univ,L=Chiyoda-ku,ST=Tokyo,C=JP',
    );
    expect(composeDn('client', { cn: 'A B', ous: ['1', ''] }, { o: 'O', l: '', st: 'Tokyo' })).toBe('CN=A B,OU=1,O=O,ST=Tokyo,C=JP');
  });

  it('replaces or adds the CN', () => {
    expect(withCn('CN=old,O=X,C=JP', 'new@x.jp')).toBe('CN=new@x.jp,O=X,C=JP');
    expect(withCn('O=X,C=JP', 'n')).toBe('CN=n,O=X,C=JP');
    expect(withCn('', 'n')).toBe('CN=n');
    expect(cnOf('CN=a,b,OU=1')).toBe('a,b');
  });

  it('keeps CN = 利用者mail in S/MIME rows', () => {
    const spec = KINDS['client-issue'];
    const cells = newRowCells(spec, inst, { profileId: '7', method: '1' });
    cells[13] = 'taro@example.ac.jp';
    expect(syncSmimeCn(spec, cells)[0]).toBe('CN=taro@example.ac.jp,O=Example Univ,L=Chiyoda-ku,ST=Tokyo,C=JP');
    const synced = syncSmimeCn(spec, cells);
    expect(syncSmimeCn(spec, synced)).toBe(synced);
  });
});

describe('new rows', () => {
  it('fill server issue defaults from the profile', () => {
    const cells = newRowCells(KINDS['server-issue'], inst, { profileId: '3' });
    expect(cells[0]).toBe('CN=,O=Example Univ,L=Chiyoda-ku,ST=Tokyo,C=JP');
    expect(cells[1]).toBe('3');
    expect(cells[9]).toBe('a@example.ac.jp');
    expect(cells[11]).toBe('httpd 2.4');
  });
  it('do not prefill the "changed address" mail of a revoke row', () => {
    const cells = newRowCells(KINDS['server-revoke'], inst);
    expect(cells[9]).toBe('');
    expect(cells.filter((c) => c !== '')).toHaveLength(1);
  });
});
