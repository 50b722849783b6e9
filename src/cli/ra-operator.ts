// `upki-tsv ra operator issue|renew|revoke --state DIR ...` — the RA operator certificate (SPEC §10) on
// the command line: the CLI plays the サービス窓口 and the 登録担当者 in one go (register, mail, PIN, URL,
// [発行]); the P12 is written where --out says and is also kept for `ra export`.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { base64Decode } from '../pki/pem';
import type { RaEngine } from '../ra/engine';
import { parseSerialText } from '../ra/row';
import { jstDateTime } from '../ra/clock';

export const OPERATOR_USAGE = `  upki-tsv ra operator issue  --state DIR --out FILE.p12 [--institution ID]
  upki-tsv ra operator renew  --state DIR --serial SERIAL --out FILE.p12
  upki-tsv ra operator revoke --state DIR --serial SERIAL
`;

type Usage = (error: string) => number;

async function writeP12(out: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, bytes, { mode: 0o600 });
}

function lastMailTo(state: Awaited<ReturnType<RaEngine['state']>>, subject: string): string {
  const mail = [...state.mails].reverse().find((m) => m.subject === subject);
  return mail ? `mail 「${mail.subject}」 → ${mail.to.join(', ')}` : '';
}

export async function runOperator(engine: () => Promise<RaEngine | undefined>, action: string | undefined, flags: Record<string, string | true>, usage: Usage): Promise<number> {
  const out = typeof flags.out === 'string' ? flags.out : undefined;
  const serialHex = typeof flags.serial === 'string' ? parseSerialText(flags.serial) : undefined;
  if (action === 'issue') {
    if (!out) return usage('--out FILE.p12 is required');
    const e = await engine();
    if (!e) return 2;
    const institution = typeof flags.institution === 'string' ? flags.institution : undefined;
    if (institution && !(await e.state()).institutions.has(institution)) return usage(`unknown institution '${institution}'`);
    const { token, pin } = await e.registerRaOperator(institution);
    const got = await e.downloadRaOperatorCertificate(token, pin);
    if (!got.ok) {
      process.stderr.write(`upki-tsv ra operator: ${got.message.ja} / ${got.message.en}\n`);
      return 1;
    }
    await writeP12(out, got.bytes);
    const cert = (await e.state()).operatorCertificates.get(got.serialsHex[0])!;
    process.stdout.write(
      `${lastMailTo(await e.state(), '登録担当者用証明書発行受付通知')}\n` +
        `RA operator certificate issued: serial ${cert.serialDecimal}, ${cert.subject}, valid until ${jstDateTime(new Date(cert.notAfter))} JST\n` +
        `access PIN (= P12 password): ${pin}\nP12 written to ${out}\n`,
    );
    return 0;
  }
  if (action === 'renew' || action === 'revoke') {
    if (!serialHex) return usage('--serial SERIAL (decimal or 0x-hex) is required');
    if (action === 'renew' && !out) return usage('--out FILE.p12 is required');
    const e = await engine();
    if (!e) return 2;
    const current = (await e.state()).operatorCertificates.get(serialHex);
    if (!current) {
      process.stderr.write(`upki-tsv ra operator: 登録担当者用証明書 ${flags.serial as string} はありません。 / no RA operator certificate with serial ${flags.serial as string}\n`);
      return 1;
    }
    if (action === 'revoke') {
      const r = await e.revokeRaOperator(serialHex);
      if (!r.ok) {
        process.stderr.write(`upki-tsv ra operator: ${r.message.ja} / ${r.message.en}\n`);
        return 1;
      }
      const crl = await e.crl('ra-operator');
      process.stdout.write(`RA operator certificate ${current.serialDecimal} revoked; CRL ra-operator No.${crl.number} lists it\n`);
      return 0;
    }
    const started = await e.startRaOperatorRenewal(serialHex);
    if (!started.ok || !started.token) {
      process.stderr.write(`upki-tsv ra operator: ${started.ok ? '' : `${started.message.ja} / ${started.message.en}`}\n`);
      return 1;
    }
    const renewed = await e.renewRaOperatorCertificate(started.token, base64Decode(current.certDerB64)!);
    if (!renewed.ok) {
      process.stderr.write(`upki-tsv ra operator: ${renewed.message.ja} / ${renewed.message.en}\n`);
      return 1;
    }
    await writeP12(out!, renewed.bytes);
    const cert = (await e.state()).operatorCertificates.get(renewed.serialsHex[0])!;
    process.stdout.write(
      `${lastMailTo(await e.state(), '登録担当者用証明書更新手続き通知')}\n` +
        `RA operator certificate renewed: serial ${cert.serialDecimal} (replaces ${current.serialDecimal}, which stays valid until ${jstDateTime(new Date(current.notAfter))} JST or revocation)\n` +
        `P12ファイル証明書PIN (P12 password, shown once): ${renewed.p12Pin}\nP12 written to ${out!}\n`,
    );
    return 0;
  }
  return usage(`ra operator: unknown action '${action ?? ''}' (issue | renew | revoke)`);
}
