// Test-only: a simulated RA with servers and clients issued, renewed and revoked, and every file it hands out
// (the RA downloads, PIN zips, clientAll.zip, a P12 with its PIN, server.crt) — the inventory's real inputs.
import { clientIssueRow, clientRevokeRow, makeServerCsr, serverIssueRow, serverRenewRow, serverRevokeRow } from '../tsv/fixtures';
import type { RaEngine } from '../ra/engine';
import { openTestEngine, tokenFrom, unzip, upload } from '../ra/ra.testkit';

export const O = 'National Institute of Informatics';
export const serverDn = (cn: string) => `CN=${cn},O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`;
const clientDn = (i: number) => `CN=USER ${i},OU=${String(i).padStart(8, '0')},O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`;

export interface RaFiles {
  engine: RaEngine;
  /** name → bytes, as an admin would have them on disk. */
  files: Record<string, Uint8Array>;
  pin: string;
  serials: { web1: string; web2: string; web2Renewed: string; revoked: string };
}

async function mailsSince(engine: RaEngine, n: number) {
  return (await engine.state()).mails.slice(n);
}

async function issueServer(engine: RaEngine, cn: string, sans: string[]): Promise<{ serial: string; crt: Uint8Array }> {
  const csr = await makeServerCsr({ dn: serverDn(cn) });
  const before = (await engine.state()).mails.length;
  const r = await upload(engine, 'server-issue', [serverIssueRow({ dn: serverDn(cn), csr: csr.oneLine, fqdn: cn, dnsNames: sans.map((s) => `dNSName=${s}`).join(',') })]);
  if (!r.ok) throw new Error(JSON.stringify(r.records[0].errors));
  const mail = (await mailsSince(engine, before)).find((m) => m.subject === 'サーバ証明書発行受付通知')!;
  const got = await engine.downloadServerCertificate(tokenFrom(mail.body, '証明書取得URL'));
  if (!got.ok) throw new Error(got.message.en);
  return { serial: r.records[0].serialDecimal!, crt: got.bytes };
}

export async function makeRaFiles(): Promise<RaFiles> {
  const engine = await openTestEngine();
  const files: Record<string, Uint8Array> = {};
  const web1 = await issueServer(engine, 'web1.nii.ac.jp', ['www1.nii.ac.jp']);
  files['server.crt'] = web1.crt;
  const web2 = await issueServer(engine, 'web2.nii.ac.jp', ['alias.nii.ac.jp']);
  const old = await issueServer(engine, 'old.nii.ac.jp', []);
  // web2 renewed with one SAN more (the SAN-change warning), old revoked.
  const csr = await makeServerCsr({ dn: serverDn('web2.nii.ac.jp') });
  const before = (await engine.state()).mails.length;
  const renew = await upload(engine, 'server-renew', [
    serverRenewRow({ dn: serverDn('web2.nii.ac.jp'), serial: web2.serial, csr: csr.oneLine, fqdn: 'web2.nii.ac.jp', dnsNames: 'dNSName=alias.nii.ac.jp,dNSName=new.nii.ac.jp' }),
  ]);
  if (!renew.ok) throw new Error(JSON.stringify(renew.records[0].errors));
  const renewMail = (await mailsSince(engine, before)).find((m) => m.subject === 'サーバ証明書発行受付通知')!;
  const renewed = await engine.downloadServerCertificate(tokenFrom(renewMail.body, '証明書取得URL'));
  if (!renewed.ok) throw new Error(renewed.message.en);
  const rev = await upload(engine, 'server-revoke', [serverRevokeRow({ dn: serverDn('old.nii.ac.jp'), serial: old.serial, adminMail: 'admin@nii.ac.jp' })]);
  if (!rev.ok) throw new Error(JSON.stringify(rev.records[0].errors));

  // Clients: method 1 (PIN zip + one P12), method 2 (PIN zip + clientAll.zip), method 3 (waits for the user).
  let n = (await engine.state()).mails.length;
  const m1 = await upload(engine, 'client-issue', [1, 2].map((i) => clientIssueRow({ dn: clientDn(i), p12Name: `user${i}`, userMail: `user${i}@nii.ac.jp` })));
  if (!m1.ok) throw new Error('m1');
  let mails = await mailsSince(engine, n);
  const pins1 = await engine.downloadPins(tokenFrom(mails.find((m) => m.subject === 'アクセスPIN発行通知')!.body, 'アクセスPIN取得URL'));
  if (!pins1.ok) throw new Error(pins1.message.en);
  files['clientPin.zip'] = pins1.bytes;
  const pinText = new TextDecoder('shift_jis').decode((await unzip(pins1.bytes))['clientPin.txt']);
  const pin = pinText.split('\r\n')[1].split('\t')[2];
  const user1 = mails.filter((m) => m.subject === 'クライアント証明書発行受付通知').find((m) => m.to.includes('user1@nii.ac.jp'))!;
  const p12 = await engine.downloadClientCertificate(tokenFrom(user1.body, '証明書取得URL'));
  if (!p12.ok) throw new Error(p12.message.en);
  files['user1.p12'] = p12.bytes;

  n = (await engine.state()).mails.length;
  const m2 = await upload(engine, 'client-issue', [3, 4, 5].map((i) => clientIssueRow({ dn: clientDn(i), method: '2', p12Name: `user${i}`, userMail: `user${i}@nii.ac.jp` })));
  if (!m2.ok) throw new Error('m2');
  mails = await mailsSince(engine, n);
  const pins2 = await engine.downloadPins(tokenFrom(mails.find((m) => m.subject === 'アクセスPIN発行通知')!.body, 'アクセスPIN取得URL'));
  if (!pins2.ok) throw new Error(pins2.message.en);
  files['clientAllPin.zip'] = pins2.bytes;
  const all = await engine.downloadClientAll(tokenFrom(mails.find((m) => m.subject === 'クライアント証明書発行受付通知')!.body, '証明書取得URL'));
  if (!all.ok) throw new Error(all.message.en);
  files['clientAll.zip'] = all.bytes;

  const m3 = await upload(engine, 'client-issue', [clientIssueRow({ dn: clientDn(6), method: '3', p12Name: 'user6', userMail: 'user6@nii.ac.jp' })]);
  if (!m3.ok) throw new Error('m3');
  const revokeClient = await upload(engine, 'client-revoke', [clientRevokeRow({ dn: clientDn(5), serial: m2.records[2].serialDecimal! })]);
  if (!revokeClient.ok) throw new Error(JSON.stringify(revokeClient.records[0].errors));

  files['serverCertificateList.txt'] = await engine.certificateList('server');
  files['clientCertificateList.txt'] = await engine.certificateList('client');
  files['allCertificateList.txt'] = await engine.certificateList('all');
  files['statistics.txt'] = await engine.statisticsFile();
  files['ouAllowList.txt'] = await engine.ouAllowListFile();
  return { engine, files, pin, serials: { web1: web1.serial, web2: web2.serial, web2Renewed: renew.records[0].serialDecimal!, revoked: old.serial } };
}

/** The same text re-encoded as UTF-8 (an admin who opened and saved the list in a UTF-8 editor). */
export function toUtf8(sjis: Uint8Array): Uint8Array {
  return new TextEncoder().encode(new TextDecoder('shift_jis', { fatal: true }).decode(sjis));
}
