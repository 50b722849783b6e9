// `upki-tsv jpnic init|register|issue|fetch|revoke|reissue|delete|login|clock|export --state DIR …` — the
// simulated JPNIC resource-certificate service on a state directory. The manager's operations authenticate
// with the 資源管理者証明書 kept in the state (or --manager-cert FILE). Exit: 0 done, 1 refused, 2 usage.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JpnicEngine, JPNIC_CAS, MANAGER_PROFILE_PATTERNS, compareFingerprint, groupFingerprint, jpnicAuditTrail, type LicenseHandout, type ManagerProfile, type Refusal } from '../jpnic';
import { DEFAULT_MANAGER, LICENSE, MAIL_FROM } from '../jpnic/rules';
import { installCertificate } from '../jpnic/applicant';
import { memoryBrowserStore, toEml, jstDateTime } from '../sim';
import { DirectoryStore } from '../sim/node';
import { base64Decode, derOrText, pemDecodeAll, pemEncode } from '../pki/pem';
import type { JpnicEvent } from '../jpnic/types';
import { parseArgs } from './args';

const USAGE = `usage:
  upki-tsv jpnic init     --state DIR [--manager FILE.json]
  upki-tsv jpnic register --state DIR --user "利用者名"
  upki-tsv jpnic issue    --state DIR --account 証明書認証ID --name "Alphabet Name" --email ADDRESS
  upki-tsv jpnic fetch    --state DIR --license "XXXXX-XXXXX-XXXXX" --passphrase-file F --out DIR [--fingerprint HEX40]
  upki-tsv jpnic revoke   --state DIR --account 証明書認証ID
  upki-tsv jpnic reissue  --state DIR --account 証明書認証ID [--email NEW-ADDRESS]
  upki-tsv jpnic delete   --state DIR --account 証明書認証ID
  upki-tsv jpnic login    --state DIR --cert FILE
  upki-tsv jpnic clock    --state DIR --advance DAYS
  upki-tsv jpnic export   --state DIR --out OUT
Manager operations accept --manager-cert FILE (default: the 資源管理者証明書 in the state).
`;

type Flags = Record<string, string | true>;
const out = (s: string) => process.stdout.write(`${s}\n`);

function usage(error: string): number {
  process.stderr.write(`upki-tsv jpnic: ${error}\n${USAGE}`);
  return 2;
}

function refused(r: Refusal): number {
  process.stderr.write(`upki-tsv jpnic: ${r.message.ja}\n  ${r.message.en}\n`);
  return 1;
}

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === 'help') {
    process.stdout.write(USAGE);
    return sub ? 0 : 2;
  }
  const parsed = parseArgs(rest, { values: ['state', 'manager', 'user', 'account', 'name', 'email', 'license', 'passphrase-file', 'out', 'fingerprint', 'cert', 'advance', 'manager-cert'], booleans: [] });
  if (!parsed.ok) return usage(parsed.error);
  const flags = parsed.args.flags;
  if (parsed.args.positionals.length) return usage(`unexpected argument '${parsed.args.positionals[0]}'`);
  if (typeof flags.state !== 'string') return usage('--state DIR is required');
  const command = COMMANDS[sub];
  if (!command) return usage(`unknown sub-command '${sub}'`);
  for (const need of command.needs) if (typeof flags[need] !== 'string') return usage(`--${need} is required`);
  if (sub === 'init') return init(flags.state, flags.manager as string | undefined);
  if (!DirectoryStore.exists(flags.state)) {
    process.stderr.write(`upki-tsv jpnic: no JPNIC state in ${flags.state}; run 'upki-tsv jpnic init --state ${flags.state}' first\n`);
    return 2;
  }
  const engine = await JpnicEngine.open(new DirectoryStore<JpnicEvent>(flags.state));
  return command.run(engine, flags);
}

const COMMANDS: Record<string, { needs: string[]; run: (e: JpnicEngine, f: Flags) => Promise<number> }> = {
  init: { needs: [], run: async () => 0 },
  register: { needs: ['user'], run: register },
  issue: { needs: ['account', 'name', 'email'], run: issue },
  fetch: { needs: ['license', 'passphrase-file', 'out'], run: fetchCert },
  revoke: { needs: ['account'], run: revoke },
  reissue: { needs: ['account'], run: reissue },
  delete: { needs: ['account'], run: deleteAccount },
  login: { needs: ['cert'], run: login },
  clock: { needs: ['advance'], run: clock },
  export: { needs: ['out'], run: exportTo },
};

async function init(state: string, managerFile?: string): Promise<number> {
  if (DirectoryStore.exists(state)) return usage(`${state} already holds a state`);
  let manager: ManagerProfile = DEFAULT_MANAGER;
  if (managerFile) {
    try {
      manager = { ...DEFAULT_MANAGER, ...(JSON.parse(await readFile(managerFile, 'utf8')) as Partial<ManagerProfile>) };
    } catch (e) {
      process.stderr.write(`upki-tsv jpnic: cannot read ${managerFile}: ${(e as Error).message}\n`);
      return 1;
    }
    const bad = (Object.keys(MANAGER_PROFILE_PATTERNS) as (keyof ManagerProfile)[]).filter((k) => typeof manager[k] !== 'string' || !MANAGER_PROFILE_PATTERNS[k].test(manager[k]));
    if (bad.length) {
      process.stderr.write(`upki-tsv jpnic: ${managerFile}: 形式が正しくありません / invalid: ${bad.join(', ')}\n`);
      return 1;
    }
  }
  const engine = await JpnicEngine.open(new DirectoryStore<JpnicEvent>(state), { manager });
  out(`JPNIC state created in ${state}`);
  out(`資源管理者ID: ${manager.managerId}  メンテナーコード: ${manager.maintainerCode}  (${manager.organization})`);
  out(`${JPNIC_CAS['jpnic-root'].fileName}  SHA-1 fingerprint: ${groupFingerprint(await engine.rootFingerprint())}`);
  return 0;
}

async function managerAuth(engine: JpnicEngine, flags: Flags): Promise<Uint8Array | undefined> {
  if (typeof flags['manager-cert'] === 'string') return readCertificate(flags['manager-cert']);
  return base64Decode((await engine.managerCertificate()).certDerB64) ?? undefined;
}

async function readCertificate(path: string): Promise<Uint8Array | undefined> {
  const bytes = new Uint8Array(await readFile(path).catch(() => Buffer.alloc(0)));
  const form = derOrText(bytes);
  if (form && 'der' in form) return form.der;
  return form ? pemDecodeAll(form.text)?.find((b) => b.label === 'CERTIFICATE')?.der : undefined;
}

async function register(engine: JpnicEngine, flags: Flags): Promise<number> {
  const r = await engine.registerAccount(await managerAuth(engine, flags), flags.user as string);
  if (!r.ok) return refused(r);
  out(`証明書認証ID: ${r.account.accountId}  利用者名: ${r.account.userName}  (登録のみ・証明書は未発行 / registered, not issued)`);
  return 0;
}

/** 「証明書申請完了」 and the mail, as the person at each end would see them. */
async function printHandout(engine: JpnicEngine, title: string, h: LicenseHandout): Promise<void> {
  out(`● ${title}`);
  out(`  ライセンスID（画面）: ${[...h.screenBlocks, '*'.repeat(LICENSE.blockLength)].join(LICENSE.separator)}`);
  out('  ※最後のブロックは EMAIL 宛のメールでのみ通知されます。画面のブロックは本人確認のうえ対面などオフラインで伝えてください。');
  out(`  有効期限: ${jstDateTime(new Date(h.license.expiresAt))}`);
  const mail = (await engine.state()).mails.find((m) => m.id === h.mailId)!;
  out(`\n● メール / mail → ${mail.to.join(', ')}\n  件名: ${mail.subject}\n${mail.body.replace(/^/gm, '  | ')}`);
}

async function issue(engine: JpnicEngine, flags: Flags): Promise<number> {
  const r = await engine.requestIssue(await managerAuth(engine, flags), flags.account as string, { name: flags.name as string, email: flags.email as string });
  if (!r.ok) return refused(r);
  await printHandout(engine, '証明書申請完了', r);
  return 0;
}

async function reissue(engine: JpnicEngine, flags: Flags): Promise<number> {
  const auth = await managerAuth(engine, flags);
  const screen = await engine.reissueScreen(auth, flags.account as string);
  if (!screen.ok) return refused(screen);
  out(`● 証明書更新  名称: ${screen.certificate.name}  EMAIL: ${screen.certificate.email}`);
  out(`  シリアル番号（控えて申請者へ伝える / note and pass on): ${screen.newSerialDecimal}`);
  const r = await engine.requestReissue(auth, flags.account as string, typeof flags.email === 'string' ? { email: flags.email } : {});
  if (!r.ok) return refused(r);
  await printHandout(engine, '証明書更新受付完了', r);
  return 0;
}

async function fetchCert(engine: JpnicEngine, flags: Flags): Promise<number> {
  if (typeof flags.fingerprint === 'string') {
    const verdict = compareFingerprint(flags.fingerprint, await engine.rootFingerprint());
    if (verdict !== 'match') {
      process.stderr.write(`upki-tsv jpnic: ルート証明書のフィンガープリントが一致しません。インストールを中止します。\n  root fingerprint ${verdict === 'mismatch' ? 'does not match' : 'is not 40 hex digits'}: stop.\n`);
      return 1;
    }
  }
  const passphrase = (await readFile(flags['passphrase-file'] as string, 'utf8').catch(() => '')).split(/\r?\n/)[0] ?? '';
  const check = await engine.checkLicense(flags.license as string);
  if (!check.ok) return refused(check);
  out(`● ライセンスIDチェック OK — 名称: ${check.license.name}  EMAIL: ${check.license.email}（メールの内容と一致することを確認してください）`);
  const r = await installCertificate({ engine, store: memoryBrowserStore(), licenseInput: flags.license as string, passphrase });
  if (!r.ok) return refused(r);
  const dir = flags.out as string;
  await mkdir(dir, { recursive: true });
  const base = `jpnic-${r.certificate.serialDecimal}`;
  await writeFile(join(dir, `${base}.p12`), r.p12, { mode: 0o600 });
  await writeFile(join(dir, `${base}.cer`), r.stored.certificateDer);
  out(`● 証明書インストール完了 — シリアル番号 ${r.certificate.serialDecimal}, ${jstDateTime(new Date(r.certificate.notBefore))} 〜 ${jstDateTime(new Date(r.certificate.notAfter))}`);
  out(`  ${join(dir, `${base}.p12`)} (passphrase-protected), ${join(dir, `${base}.cer`)}`);
  return 0;
}

async function revoke(engine: JpnicEngine, flags: Flags): Promise<number> {
  const r = await engine.revoke(await managerAuth(engine, flags), flags.account as string);
  if (!r.ok) return refused(r);
  out(`● 証明書失効完了 — シリアル番号 ${r.certificate.serialDecimal}; 通知メール → ${r.certificate.email}; CRL No.${(await engine.crl()).number}`);
  return 0;
}

async function deleteAccount(engine: JpnicEngine, flags: Flags): Promise<number> {
  const r = await engine.deleteAccount(await managerAuth(engine, flags), flags.account as string);
  if (!r.ok) return refused(r);
  out(`● アカウント削除 ${r.account.accountId} — 削除は失効ではありません / deleting is not revoking.`);
  if (r.unrevoked) out(`  証明書 ${r.unrevoked.serialDecimal} は失効しておらず CRL に載りませんが、Web申請システムにはログインできません。`);
  return 0;
}

async function login(engine: JpnicEngine, flags: Flags): Promise<number> {
  const r = await engine.login(await readCertificate(flags.cert as string));
  if (!r.ok) return refused(r);
  out(`ログイン OK: ${r.role === 'manager' ? '資源管理者' : `資源申請者 ${r.account?.accountId}`} — ${r.certificate.name} (${r.certificate.serialDecimal})`);
  return 0;
}

async function clock(engine: JpnicEngine, flags: Flags): Promise<number> {
  const r = await engine.advanceClock(Number(flags.advance));
  if (!r.ok) return usage('--advance DAYS must be a positive number');
  out(`simulated time: ${jstDateTime(await engine.now())} JST`);
  return 0;
}

async function exportTo(engine: JpnicEngine, flags: Flags): Promise<number> {
  const dir = flags.out as string;
  const state = await engine.state();
  const files: [string, Uint8Array | string][] = [];
  for (const id of ['jpnic-root', 'jpnic-resource'] as const) files.push([JPNIC_CAS[id].fileName, await engine.caCertificate(id)]);
  files.push(['fingerprint.txt', `${JPNIC_CAS['jpnic-root'].fileName} SHA-1: ${await engine.rootFingerprint()}\n`]);
  const crl = await engine.crl();
  files.push(['jpnic-resource-service-ca-s2.crl', crl.der], ['jpnic-resource-service-ca-s2.crl.pem', crl.pem]);
  for (const c of state.certificates.values()) files.push([`certificates/${c.kind}-${c.serialDecimal}.pem`, pemEncode('CERTIFICATE', base64Decode(c.certDerB64)!)]);
  for (const m of state.mails) files.push([`mail/${m.id}.eml`, toEml(m, () => undefined, MAIL_FROM)]);
  files.push(['audit.txt', jpnicAuditTrail(await engine.events()).map((l) => `${l.seq}\t${l.at}\t${l.text.ja}`).join('\n') + '\n']);
  for (const [name, data] of files) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), data);
  }
  out(`${files.length} files written to ${dir}`);
  return 0;
}
