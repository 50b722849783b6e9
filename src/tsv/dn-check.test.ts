// Subject DN rules (SPEC §3; ADDENDUM A L rule, B.5, B.9): one passing and one failing case each.
import { describe, expect, it } from 'vitest';
import { checkDnString } from './dn-check';
import { clientIssueRow, rowCodes, rowIssues, serverIssueRow, smimeIssueRow } from './fixtures';

const where = { seq: 1, column: 1 };
const server = (dn: string) => checkDnString('server', dn, where).issues.map((i) => i.code);
const client = (dn: string, smime = false) => checkDnString('client', dn, where, { smime }).issues.map((i) => i.code);

const O = 'O=National Institute of Informatics';
const TAIL = `${O},L=Chiyoda-ku,ST=Tokyo,C=JP`;

describe('server DN', () => {
  it('accepts CN,O,L,ST,C', () => {
    expect(server(`CN=www.nii.ac.jp,${TAIL}`)).toEqual([]);
  });

  it('rejects another order with NII 206', () => {
    const issues = checkDnString('server', `${O},CN=www.nii.ac.jp,L=Chiyoda-ku,ST=Tokyo,C=JP`, where).issues;
    expect(issues.map((i) => i.code)).toEqual(['206']);
    expect(issues[0].message.ja).toBe('主体者DNがDN情報のフォーマットに準じていません。');
    expect(issues[0].hint?.ja).toContain('CN,O,L,ST,C');
    expect(server(`CN=www.nii.ac.jp,${O},ST=Tokyo,L=Chiyoda-ku,C=JP`)).toEqual(['206']);
  });

  it('rejects text that is not KEY=value', () => {
    expect(server('www.nii.ac.jp')).toEqual(['206']);
    expect(server(`CN=www.nii.ac.jp,XX=1,${TAIL}`)).toEqual(['U234', 'U210']); // an unknown key stays inside CN's value
    expect(server(`DC=jp,CN=www.nii.ac.jp,${TAIL}`)).toEqual(['206']);
  });

  it('requires C=JP', () => {
    expect(server(`CN=www.nii.ac.jp,${O},L=Chiyoda-ku,ST=Tokyo,C=US`)).toEqual(['U226']);
    expect(server(`CN=www.nii.ac.jp,${O},L=Chiyoda-ku,ST=Tokyo`)).toEqual(['U220']);
  });

  it('requires both ST and L', () => {
    expect(server(`CN=www.nii.ac.jp,${O},L=Chiyoda-ku,C=JP`)).toEqual(['U220']);
    expect(server(`CN=www.nii.ac.jp,${O},ST=Tokyo,C=JP`)).toEqual(['U220']);
  });

  it('rejects an OU, citing its abolition on 2022-07-26 (B.9)', () => {
    const issues = checkDnString('server', `CN=www.nii.ac.jp,OU=Lab,${TAIL}`, where).issues;
    expect(issues.map((i) => i.code)).toEqual(['U222']);
    expect(issues[0].hint?.ja).toContain('2022年7月26日');
  });

  it('rejects an Email attribute', () => {
    expect(server(`CN=www.nii.ac.jp,E=a@nii.ac.jp,${TAIL}`)).toEqual(['U222']);
    expect(server(`CN=www.nii.ac.jp,emailAddress=a@nii.ac.jp,${TAIL}`)).toContain('U222');
  });

  it('checks O characters and length (64)', () => {
    expect(server(`CN=www.nii.ac.jp,O=A'(),-./:= b,L=Chiyoda-ku,ST=Tokyo,C=JP`)).toEqual([]);
    expect(server(`CN=www.nii.ac.jp,O=A&B,L=Chiyoda-ku,ST=Tokyo,C=JP`)).toEqual(['U223']);
    expect(server(`CN=www.nii.ac.jp,O=${'a'.repeat(64)},L=Chiyoda-ku,ST=Tokyo,C=JP`)).toEqual([]);
    expect(server(`CN=www.nii.ac.jp,O=${'a'.repeat(65)},L=Chiyoda-ku,ST=Tokyo,C=JP`)).toEqual(['U224']);
  });

  it('checks CN as an FQDN (≤ 64, [A-Za-z0-9.-], no leading/trailing . or -)', () => {
    expect(server(`CN=${'a'.repeat(57)}.ac.jp,${TAIL}`)).toEqual([]); // 63
    expect(server(`CN=${'a'.repeat(59)}.ac.jp,${TAIL}`)).toEqual(['U224']); // 65
    expect(server(`CN=www_1.nii.ac.jp,${TAIL}`)).toEqual(['U210']);
    expect(server(`CN=.nii.ac.jp,${TAIL}`)).toEqual(['U210']);
    expect(server(`CN=nii.ac.jp-,${TAIL}`)).toEqual(['U210']);
    expect(server(`CN=*.nii.ac.jp,${TAIL}`)).toEqual(['U210']);
  });

  it('applies NII\'s L rule: no "Academe" or "Default", not "City" alone', () => {
    expect(server(`CN=www.nii.ac.jp,${O},L=Chiyoda City,ST=Tokyo,C=JP`)).toEqual([]);
    expect(server(`CN=www.nii.ac.jp,${O},L=Default City,ST=Tokyo,C=JP`)).toEqual(['U227']);
    expect(server(`CN=www.nii.ac.jp,${O},L=Academe,ST=Tokyo,C=JP`)).toEqual(['U227']);
    expect(server(`CN=www.nii.ac.jp,${O},L=city,ST=Tokyo,C=JP`)).toEqual(['U228']);
  });

  it('rejects a repeated attribute and an empty value', () => {
    expect(server(`CN=www.nii.ac.jp,CN=nii.ac.jp,${TAIL}`)).toEqual(['U221']);
    expect(server(`CN=www.nii.ac.jp,O=,L=Chiyoda-ku,ST=Tokyo,C=JP`)).toEqual(['U231']);
  });

  it('warns about lower-case keys and spaces around separators', () => {
    expect(server(`cn=www.nii.ac.jp,${TAIL}`)).toEqual(['U233']);
    expect(server(`CN=www.nii.ac.jp, ${TAIL}`)).toEqual(['U232']);
    expect(server(`CN=www.nii.ac.jp,O=National Institute of Informatics ,L=Chiyoda-ku,ST=Tokyo,C=JP`)).toEqual(['U232']);
  });

  it('limits the whole DN to 250 characters (202)', () => {
    const long = `CN=www.nii.ac.jp,O=${'a'.repeat(64)},L=${'b'.repeat(64)},ST=${'c'.repeat(100)},C=JP`;
    expect(long.length).toBeGreaterThan(250);
    expect(rowCodes('server-issue', serverIssueRow({ csr: 'MIIB', dn: long }))).toContain('202');
  });
});

describe('client DN', () => {
  it('accepts CN,OU,OU,O,L,ST,C and no OU at all', () => {
    expect(client(`CN=KOKURITSU HANAKO,OU=12345,OU=Dept,${TAIL}`)).toEqual([]);
    expect(client(`CN=TEST,OU=01,OU=TEST OU,O=NII,L=Tokyo,C=JP`)).toEqual([]); // ADDENDUM A example
  });

  it('rejects OU after O', () => {
    expect(client(`CN=KOKURITSU HANAKO,${O},OU=Dept,L=Chiyoda-ku,ST=Tokyo,C=JP`)).toEqual(['206']);
  });

  it('needs at least one of L and ST', () => {
    expect(client(`CN=A,${O},ST=Tokyo,C=JP`)).toEqual([]);
    expect(client(`CN=A,${O},L=Chiyoda-ku,C=JP`)).toEqual([]);
    expect(client(`CN=A,${O},C=JP`)).toEqual(['U229']);
  });

  it('allows @ and _ in CN but not other symbols', () => {
    expect(client(`CN=hanako_k@nii.ac.jp,${TAIL}`)).toEqual([]);
    expect(client(`CN=HANAKO & TARO,${TAIL}`)).toEqual(['U223']);
    expect(client(`CN=山田,${TAIL}`)).toEqual(['U223']);
  });

  it('limits OU and L to 64, and warns on a long O or CN', () => {
    expect(client(`CN=A,OU=${'x'.repeat(64)},${TAIL}`)).toEqual([]);
    expect(client(`CN=A,OU=${'x'.repeat(65)},${TAIL}`)).toEqual(['U224']);
    expect(client(`CN=A,${O},L=${'x'.repeat(65)},ST=Tokyo,C=JP`)).toEqual(['U224']);
    expect(client(`CN=A,O=${'x'.repeat(65)},L=Chiyoda-ku,ST=Tokyo,C=JP`)).toEqual(['U225']);
  });

  it('rejects OU characters outside the set (no @ or _)', () => {
    expect(client(`CN=A,OU=a_b,${TAIL}`)).toEqual(['U223']);
  });

  it('rejects E= and emailAddress= in a client DN (U222), through the row too', () => {
    expect(client(`CN=KOKURITSU HANAKO,OU=Dept,${TAIL}`)).toEqual([]);
    expect(client(`CN=KOKURITSU HANAKO,E=hanako@nii.ac.jp,${TAIL}`)).toEqual(['U222']);
    expect(client(`CN=KOKURITSU HANAKO,emailAddress=hanako@nii.ac.jp,${TAIL}`)).toContain('U222');
    expect(rowCodes('client-issue', clientIssueRow({ dn: `CN=KOKURITSU HANAKO,E=hanako@nii.ac.jp,${TAIL}` }))).toContain('U222');
  });

  it('requires C, and C=JP, in a client DN', () => {
    expect(client(`CN=A,${O},L=Chiyoda-ku,ST=Tokyo,C=JP`)).toEqual([]);
    expect(client(`CN=A,${O},L=Chiyoda-ku,ST=Tokyo`)).toEqual(['U220']);
    expect(client(`CN=A,${O},L=Chiyoda-ku,ST=Tokyo,C=US`)).toEqual(['U226']);
    expect(client(`CN=A,${O},L=Chiyoda-ku,ST=Tokyo,C=jp`)).toEqual(['U226']);
  });

  it('applies the L rule to clients too', () => {
    expect(client(`CN=A,${O},L=Default City,C=JP`)).toEqual(['U227']);
  });

  it('S/MIME: warns (not errors) when L or ST is missing (B.5)', () => {
    expect(client(`CN=a@nii.ac.jp,${TAIL}`, true)).toEqual([]);
    const issues = checkDnString('client', `CN=a@nii.ac.jp,${O},L=Chiyoda-ku,C=JP`, where, { smime: true }).issues;
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['U230', 'warning']]);
    expect(client(`CN=a@nii.ac.jp,${O},L=Chiyoda-ku,C=JP`, false)).toEqual([]);
  });

  it('reaches the S/MIME rule through the validator with the row profile', () => {
    const row = smimeIssueRow({ dn: `CN=hanako@nii.ac.jp,${O},ST=Tokyo,C=JP` });
    const issues = rowIssues('client-issue', row);
    expect(issues.map((i) => i.code)).toEqual(['U230']);
    expect(rowCodes('client-issue', clientIssueRow({ dn: `CN=A,${O},ST=Tokyo,C=JP` }))).toEqual([]);
  });
});

describe('positions for highlighting', () => {
  it('points at the bad character inside the DN cell (code points)', () => {
    const dn = `CN=国A,OU=a_b,${TAIL}`;
    const issues = checkDnString('client', dn, where).issues;
    expect(issues.map((i) => [i.code, i.position])).toEqual([
      ['U223', 3],
      ['U223', 10],
    ]);
    expect([...dn][10]).toBe('_');
  });

  it('points at the value for value-level rules', () => {
    const dn = `CN=www.nii.ac.jp,${O},L=Default City,ST=Tokyo,C=JP`;
    const issue = checkDnString('server', dn, where).issues[0];
    expect(issue.code).toBe('U227');
    expect(dn.slice(issue.position)).toMatch(/^Default City/);
  });
});
