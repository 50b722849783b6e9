import { describe, expect, it } from 'vitest';
import { KINDS } from '../spec/kinds';
import { blankProfile, type InstitutionProfile } from './institution';
import { guessMapping, mapRoster, mapRosterRow, mappingTargets } from './mapping';
import { p12NameFrom } from './smime';
import { parseRoster } from './roster';

const inst: InstitutionProfile = {
  ...blankProfile('x', 'X'),
  o: 'Example University',
  l: 'Chiyoda-ku',
  st: 'Tokyo',
  adminName: '管理　太郎',
  adminMail: 'admin@example.ac.jp',
  software: 'nginx',
};

const spec = KINDS['client-issue'];

describe('roster mapping', () => {
  const roster = parseRoster('氏名,ローマ字,学籍番号,メール\n山田　太郎,YAMADA TARO,2024001,taro@example.ac.jp\n');

  it('guesses targets from header words', () => {
    expect(guessMapping(spec, roster)).toEqual(['userName', 'cn', 'ou', 'userMail']);
  });

  it('maps split name columns named by the header to the same target', () => {
    const split = parseRoster('姓,名,姓（ローマ字）,名（ローマ字）,メール\n山田,太郎,YAMADA,TARO,t@example.ac.jp\n');
    expect(guessMapping(spec, split)).toEqual(['userName', 'userName', 'cn', 'cn', 'userMail']);
  });

  it('guesses targets from values when there is no header', () => {
    const bare = parseRoster('2024001\tYAMADA TARO\ttaro@example.ac.jp\t山田　太郎\n2024002\tSATO JIRO\tjiro@example.ac.jp\t佐藤　次郎\n');
    expect(bare.header).toBeNull();
    expect(guessMapping(spec, bare)).toEqual(['ou', 'cn', 'userMail', 'userName']);
  });

  it('builds client issue cells: DN in CN,OU,O,L,ST,C order, profile, method and admin defaults', () => {
    const [cells] = mapRoster(spec, roster, ['userName', 'cn', 'ou', 'userMail'], { institution: inst, profileId: '5', method: '2' });
    expect(cells).toEqual([
      'CN=YAMADA TARO,OU=2024001,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP',
      '5',
      '2',
      '',
      '',
      '',
      '',
      '管理　太郎',
      '',
      'admin@example.ac.jp',
      '山田　太郎',
      '',
      '',
      'taro@example.ac.jp',
      '',
    ]);
  });

  it('sets CN = mail for S/MIME profiles, whatever was mapped to CN', () => {
    const cells = mapRosterRow(spec, ['YAMADA TARO', 'taro@example.ac.jp'], ['cn', 'userMail'], { institution: inst, profileId: '15', method: '1' });
    expect(cells[0]).toBe('CN=taro@example.ac.jp,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP');
    expect(cells[11]).toBe('taro-example.ac.jp');
    const bulk = mapRosterRow(spec, ['YAMADA TARO', 'taro@example.ac.jp'], ['cn', 'userMail'], { institution: inst, profileId: '7', method: '2' });
    expect(bulk[11]).toBe('');
    expect(p12NameFrom('a_b@c.jp', 64)).toBe('a-b-c.jp');
    const plain = mapRosterRow(spec, ['YAMADA TARO', 'taro@example.ac.jp'], ['cn', 'userMail'], { institution: inst, profileId: '13', method: '1' });
    expect(plain[0]).toBe('CN=YAMADA TARO,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP');
  });

  it('keeps several OUs in roster order and ignores unmapped columns', () => {
    const cells = mapRosterRow(spec, ['A', 'Dept', '42', 'junk'], ['cn', 'ou', 'ou', 'ignore'], { institution: inst, profileId: '5', method: '1' });
    expect(cells[0]).toBe('CN=A,OU=Dept,OU=42,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP');
  });

  it('joins several columns mapped to CN or to the user name', () => {
    const cells = mapRosterRow(spec, ['YAMADA', 'TARO', '山田', '太郎'], ['cn', 'cn', 'userName', 'userName'], { institution: inst, profileId: '5', method: '1' });
    expect(cells[0]).toBe('CN=YAMADA TARO,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP');
    expect(cells[10]).toBe('山田　太郎');
  });

  it('maps serial numbers for revocation and leaves blank columns empty', () => {
    const revoke = KINDS['client-revoke'];
    expect(mappingTargets(revoke)).not.toContain('pin');
    const cells = mapRosterRow(revoke, ['A', '0x1F', '5'], ['cn', 'serial', 'reason'], { institution: inst });
    expect(cells[3]).toBe('0x1F');
    expect(cells[4]).toBe('5');
    expect(cells[9]).toBe('');
    expect(cells.length).toBe(15);
  });
});
