// The RA's downloads (lists, statistics, allow-list), URL expiry, and renewal of an expired server
// certificate (no revocation TSV attached). Files decoded with an independent Shift-JIS decoder.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { clientIssueRows, makeServerCsr, serverIssueRow, serverRenewRow, smimeIssueRow } from '../tsv/fixtures';
import { NII, openTestEngine, readSjisTsv, tokenFrom, upload } from './ra.testkit';

const DN = 'CN=www.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';

const pem = (label: string, b64: string) => `-----BEGIN ${label}-----\n${b64.replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;

/** The serial OpenSSL reads from a one-line base64 certificate cell, as `0x` + upper-case hex. */
function opensslSerial(b64: string): string {
  const r = spawnSync('openssl', ['x509', '-noout', '-serial'], { input: pem('CERTIFICATE', b64), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl x509: ${r.stderr}`);
  return `0x${r.stdout.trim().replace(/^serial=/, '')}`;
}

describe('RA downloads', () => {
  it('counts per domain and type, lists server certificates with the known headers, and lists the OU allow-list', async () => {
    const engine = await openTestEngine();
    const csr = await makeServerCsr({ dn: DN });
    const server = await upload(engine, 'server-issue', [serverIssueRow({ csr: csr.oneLine, dnsNames: 'dNSName=alt.nii.ac.jp' })]);
    await upload(engine, 'client-issue', clientIssueRows(2, { method: '2' }));
    await upload(engine, 'client-issue', [smimeIssueRow({ method: '2', p12Name: '' })]);

    const stats = readSjisTsv(await engine.statisticsFile());
    expect(stats[0]).toEqual(['ドメイン', '証明書種別', '取得待ち', '発行済み', '更新済み', '失効済み', '合計']);
    expect(stats).toContainEqual(['nii.ac.jp', 'サーバ証明書', '1', '0', '0', '0', '1']);
    expect(stats).toContainEqual(['nii.ac.jp', 'S/MIME証明書', '1', '0', '0', '0', '1']);
    expect(stats).toContainEqual(['(全体)', 'クライアント証明書', '2', '0', '0', '0', '2']);

    const list = readSjisTsv(await engine.certificateList('server'));
    expect(list[0].slice(0, 6)).toEqual(['主体者DN', '状態', '証明書プロファイルID', '発行・更新申請-申請ID', '発行・更新申請-シリアル番号', '発行・更新申請-日時']);
    expect(list[1][0]).toBe(DN);
    expect(list[1][1]).toBe('4');
    expect(list[1][4]).toBe(server.records[0].serialDecimal);
    expect(list[1][5]).toBe('2026/11/23 09:00:00');
    expect(list[1][16]).toBe('dNSName=alt.nii.ac.jp');
    expect(list[1][19]).toBe(csr.oneLine);

    expect(opensslSerial(list[1][20])).toBe(list[1][18]);

    // Client list: the ADDENDUM A columns where they were, the certificate added at the end.
    const clients = readSjisTsv(await engine.certificateList('client'));
    expect([clients[0][3], clients[0][14]]).toEqual(['主体者DN', '利用者メールアドレス']);
    expect(clients[0].slice(20)).toEqual(['シリアル番号(16進)', '証明書']);
    for (const row of clients.slice(1)) expect(opensslSerial(row[21])).toBe(row[20]);

    const all = readSjisTsv(await engine.certificateList('all'));
    expect(all).toHaveLength(5);
    expect(all[0]).toEqual([
      '主体者DN', '状態', '証明書種別', '証明書プロファイルID', '発行・更新申請-申請ID', '発行・更新申請-シリアル番号', '発行・更新申請-日時',
      '有効期間開始', '有効期間終了', '失効-日時', '失効理由', '利用管理者氏名', '利用管理者メールアドレス', '利用者氏名', '利用者メールアドレス',
      'シリアル番号(16進)', 'CSR', '証明書',
    ]);
    const serverRow = all.find((r) => r[0] === DN)!;
    expect(serverRow[16]).toBe(csr.oneLine);
    expect(spawnSync('openssl', ['req', '-noout', '-verify'], { input: pem('CERTIFICATE REQUEST', serverRow[16]), encoding: 'utf8' }).stderr).toContain('verify OK');
    for (const row of all.slice(1)) {
      expect(opensslSerial(row[17])).toBe(row[15]);
      expect(BigInt(row[15]).toString()).toBe(row[5]); // the decimal and the hex serial are one number
    }

    expect(readSjisTsv(await engine.ouAllowListFile())).toEqual([
      ['ドメイン', 'OU'],
      ['nii.ac.jp', NII.ouAllowList['nii.ac.jp'][0]],
    ]);
  });
});

describe('one-time URLs and time', () => {
  it('expire one month after sending', async () => {
    // 2026-11-23 + 1 month = 2026-12-23: still open after 29 days, expired after 31.
    for (const [days, outcome] of [[29, 'ok'], [31, 'expired']] as const) {
      const engine = await openTestEngine();
      const csr = await makeServerCsr({ dn: DN });
      await upload(engine, 'server-issue', [serverIssueRow({ csr: csr.oneLine })]);
      const mail = (await engine.state()).mails.find((m) => m.subject === 'サーバ証明書発行受付通知')!;
      await engine.advanceClock(days);
      const got = await engine.downloadServerCertificate(tokenFrom(mail.body, '証明書取得URL'));
      expect(got.ok ? 'ok' : got.reason, `${days} days`).toBe(outcome);
    }
  });

  it('renews an expired server certificate without attaching a revocation TSV', async () => {
    const engine = await openTestEngine();
    const first = await makeServerCsr({ dn: DN });
    const issued = await upload(engine, 'server-issue', [serverIssueRow({ csr: first.oneLine })]);
    const notAfter = new Date((await engine.state()).certificates.get(issued.records[0].serialHex!)!.notAfter);
    expect(Math.round((notAfter.getTime() - Date.parse('2026-11-23T00:00:00Z')) / 86_400_000)).toBe(199);
    await engine.advanceClock(200);
    const csr = await makeServerCsr({ dn: DN });
    const renewed = await upload(engine, 'server-renew', [serverRenewRow({ csr: csr.oneLine, serial: issued.records[0].serialDecimal })]);
    expect(renewed.records[0].errors).toEqual([]);
    const mails = (await engine.state()).mails.filter((m) => m.subject === 'サーバ証明書発行受付通知');
    const got = await engine.downloadServerCertificate(tokenFrom(mails[mails.length - 1].body, '証明書取得URL'));
    expect(got.ok).toBe(true);
    const notice = (await engine.state()).mails.find((m) => m.subject === '[UPKI] Webサーバ用証明書更新通知')!;
    expect(notice.attachments).toEqual([]);
    expect(notice.body).toContain('TSVファイルは添付されていません');
  });
});
