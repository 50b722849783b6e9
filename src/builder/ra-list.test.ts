// The RA's client lists → client renew/revoke rows: headers as the simulated RA writes them (src/ra/files/layouts.ts).
import { describe, expect, it } from 'vitest';
import { CLIENT_LIST_COLUMNS, CLIENT_TXT_COLUMNS, SERVER_LIST_COLUMNS } from '../ra/files/layouts';
import { tsvText } from '../ra/files/tsv-file';
import { KINDS } from '../spec/kinds';
import { guessMapping } from './mapping';
import { parseRoster } from './roster';
import { isRaList, p12NameOfList, rowsFromRaList } from './ra-list';

const asOf = new Date('2026-12-01T00:00:00Z');
const DN1 = 'CN=USER 1,OU=00000001,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP';
const DN2 = 'CN=USER 2,OU=00000002,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP';

/** client.txt: serial, name, mail, DN, P12 file name, profile, dates, dept, 申請ID. */
const clientTxt = tsvText([
  CLIENT_TXT_COLUMNS.map((c) => c.header),
  ['1001', '利用者　1', 'user1@example.ac.jp', DN1, 'user1.p12', '5', '2026/11/01 10:00:00', '2027/11/01 10:00:00', '工学部', 'A000011'],
  ['1002', '利用者　2', 'user2@example.ac.jp', DN2, 'user2.p12', '5', '2026/11/01 10:00:00', '2027/11/01 10:00:00', '理学部', 'A000012'],
]);

const listRow = (id: string, serial: string, status: string, dn: string, n: number) => {
  const values: Record<string, string> = {
    '発行・更新申請-申請ID': id, '発行・更新申請-シリアル番号': serial, 状態: status, 主体者DN: dn, 証明書プロファイルID: '5', ダウンロード方法: '1',
    有効期間開始: serial ? '2026/11/01 10:00:00' : '', 有効期間終了: serial ? '2027/11/01 10:00:00' : '',
    利用管理者氏名: '利用　管理', 利用管理者所属: '情報基盤センター', 利用管理者メールアドレス: 'admin@example.ac.jp',
    利用者氏名: `利用者　${n}`, 利用者所属: '工学部', 利用者メールアドレス: `user${n}@example.ac.jp`, P12ダウンロードファイル名: `user${n}`,
  };
  return CLIENT_LIST_COLUMNS.map((c) => values[c.header] ?? '');
};

describe('RA client lists as a renewal roster', () => {
  it('client.txt → renew rows: DN, serial, mail, name, dept carried over; X.p12 → X; 申請ID and profile are not an OU', () => {
    const r = rowsFromRaList(KINDS['client-renew'], 'client.txt', clientTxt, { institution: null, method: '2', asOf });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.format).toBe('client-txt');
    expect(r.rows).toEqual([
      [DN1, '5', '2', '1001', '', '', '', '', '', '', '利用者　1', 'user1', '工学部', 'user1@example.ac.jp', ''],
      [DN2, '5', '2', '1002', '', '', '', '', '', '', '利用者　2', 'user2', '理学部', 'user2@example.ac.jp', ''],
    ]);
    expect(r.rows.flat().join()).not.toContain('A00001');
  });

  it('clientCertificateList → renew rows; revoked, renewed and not-yet-issued certificates are skipped and named', () => {
    const text = tsvText([
      CLIENT_LIST_COLUMNS.map((c) => c.header),
      listRow('A1', '2001', '5', DN1, 1),
      listRow('A2', '2002', '7', DN2, 2),
      listRow('A3', '', '4', 'CN=USER 3,OU=3,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP', 3),
    ]);
    const r = rowsFromRaList(KINDS['client-renew'], 'clientCertificateList.txt', text, { institution: null, method: '2', asOf });
    if (!r.ok) throw new Error(r.message.en);
    expect(r.rows).toEqual([[DN1, '5', '1', '2001', '', '', '', '利用　管理', '情報基盤センター', 'admin@example.ac.jp', '利用者　1', 'user1', '工学部', 'user1@example.ac.jp', '']]);
    expect(r.skipped.map((s) => s.status)).toEqual(['revoked', 'pending']);
  });

  it('revoke rows: DN and serial, the reason left for the user, the "changed mail" columns empty', () => {
    const r = rowsFromRaList(KINDS['client-revoke'], 'client.txt', clientTxt, { institution: null, method: '1', asOf });
    if (!r.ok) throw new Error(r.message.en);
    expect(r.rows[0]).toEqual([DN1, '', '', '1001', '', '', '', '', '', '', '', '', '', '', '']);
  });

  it('an expired certificate is not offered for renewal', () => {
    const r = rowsFromRaList(KINDS['client-renew'], 'client.txt', clientTxt, { institution: null, method: '1', asOf: new Date('2028-01-01T00:00:00Z') });
    if (!r.ok) throw new Error(r.message.en);
    expect(r.rows).toEqual([]);
    expect(r.skipped.map((s) => s.status)).toEqual(['expired', 'expired']);
  });

  it('a server list or a plain roster is not taken as a client list', () => {
    const server = tsvText([SERVER_LIST_COLUMNS.map((c) => c.header), SERVER_LIST_COLUMNS.map((c) => (c.header === '主体者DN' ? 'CN=www.example.ac.jp,O=X,L=Y,ST=Tokyo,C=JP' : c.header === '状態' ? '5' : ''))]);
    const r = rowsFromRaList(KINDS['client-renew'], 'serverCertificateList.txt', server, { institution: null, method: '1', asOf });
    expect(r.ok).toBe(false);
    expect(isRaList('roster.csv', '氏名,メール,学籍番号\n国立 太郎,taro@example.ac.jp,123\n')).toBe(false);
    expect(isRaList('client.txt', clientTxt)).toBe(true);
  });

  it('P12 names: only a trailing .p12 goes', () => {
    expect(p12NameOfList('user1.p12')).toBe('user1');
    expect(p12NameOfList('a.p12.b')).toBe('a.p12.b');
    expect(p12NameOfList(undefined)).toBeUndefined();
  });

  it('read as a plain roster, the 申請ID and profile columns are not guessed as OU either', () => {
    const mapping = guessMapping(KINDS['client-renew'], parseRoster(clientTxt.replace(/\r\n/g, '\n')));
    const header = CLIENT_TXT_COLUMNS.map((c) => c.header);
    expect(mapping[header.indexOf('申請ID')]).toBe('ignore');
    expect(mapping[header.indexOf('証明書プロファイルID')]).toBe('profile');
    expect(mapping).not.toContain('ou');
  });
});
