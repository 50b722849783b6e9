// `upki-tsv renew-plan`: for every valid certificate expiring within N days, the renewal files — server renew
// TSV(s) with a new key pair and CSR per server (keys encrypted with one passphrase), client renew TSV(s).
import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { clientRenewRow, makeRenewalKeys, serverRenewRow, tsvFiles, type RowDefaults } from '../inventory';
import { parseArgs } from './args';
import { askNewPassphrase } from './csr-prompt';
import { expiring, load, parseDays, reportFiles } from './inventory';

const USAGE = `upki-tsv renew-plan --expiring-within DAYS --out DIR [--passphrase-file F] [--as-of DATE] [--pin-file F]
                    [--profile 3|11] [--admin-name N --admin-dept D --admin-mail M --software S] [--force] FILE|DIR...

  Writes into DIR, for the valid certificates with at most DAYS days left:
    <FQDN>.key   the new private key, PKCS#8 encrypted with the passphrase (one for all keys)
    <FQDN>.csr   its CSR (PEM)
    upki-server-renew-<date>[-i of n].tsv, upki-client-renew-<date>….tsv   split at the RA's limits, Shift-JIS CRLF
  Without --passphrase-file F the passphrase is asked twice on the terminal. --profile changes every server
  renewal's profile (default: each certificate's). The --admin-* and --software values fill rows whose files lack them.
`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, {
    values: ['expiring-within', 'out', 'passphrase-file', 'as-of', 'pin-file', 'profile', 'admin-name', 'admin-dept', 'admin-mail', 'software'],
    booleans: ['force', 'help'],
  });
  if (!parsed.ok) return usage(parsed.error);
  const { flags, positionals } = parsed.args;
  if (flags.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const days = parseDays(flags['expiring-within']);
  if (typeof days === 'string') return usage(days);
  if (days === undefined) return usage('missing --expiring-within');
  if (typeof flags.out !== 'string') return usage('missing --out');
  if (positionals.length === 0) return usage('no FILE given');
  const profile = flags.profile;
  if (profile !== undefined && profile !== '3' && profile !== '11') return usage('--profile must be 3 or 11');
  const str = (k: string) => (typeof flags[k] === 'string' ? (flags[k]) : undefined);
  const defaults: RowDefaults = { serverProfile: profile, adminName: str('admin-name'), adminDept: str('admin-dept'), adminMail: str('admin-mail'), software: str('software') };

  const loaded = await load(positionals, str('as-of'), str('pin-file'));
  if (typeof loaded === 'string') return usage(loaded);
  const readOk = reportFiles(loaded.results);
  const due = expiring(loaded.entries, days, loaded.asOf).filter((e) => e.serialDecimal);
  const servers = due.filter((e) => e.kind === 'server');
  const clients = due.filter((e) => e.kind === 'client' || e.kind === 'smime');
  process.stdout.write(`${due.length} 件が ${days} 日以内に期限切れ / expiring within ${days} days: ${servers.length} server, ${clients.length} client\n`);
  if (due.length === 0) return readOk ? 0 : 1;

  const outDir = flags.out;
  if (!flags.force) {
    for (const e of servers) {
      const clash = await exists(join(outDir, `${e.cn}.key`));
      if (clash) return fail(`ファイルが既に存在します（上書きは --force）: ${clash}\n  File exists (use --force to overwrite): ${clash}`);
    }
  }
  let passphrase = '';
  if (servers.length) {
    if (typeof flags['passphrase-file'] === 'string') {
      passphrase = (await readFile(flags['passphrase-file'], 'utf8')).split(/\r?\n/)[0];
    } else {
      if (!process.stdin.isTTY) return usage('no terminal to ask the passphrase on: give --passphrase-file F');
      const answer = await askNewPassphrase(process.stdin, process.stderr);
      if (!answer.ok) return answer.cancelled ? 130 : fail(`${answer.message.ja}\n  ${answer.message.en}`);
      passphrase = answer.passphrase;
    }
  }
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const write = async (name: string, data: string | Uint8Array, mode?: number) => {
    await writeFile(join(outDir, name), data, mode ? { mode } : undefined);
    written.push(join(outDir, name));
  };
  if (servers.length) {
    const made = await makeRenewalKeys(servers, { passphrase, defaults, onProgress: (d, n) => process.stderr.write(`\r鍵とCSR / keys and CSRs: ${d}/${n}`) });
    process.stderr.write('\n');
    if (!made.ok) return fail(`${made.message.ja}\n  ${made.message.en}`);
    for (const f of made.failures) process.stderr.write(`${f.fqdn}: ${f.message.ja} / ${f.message.en}\n`);
    for (const k of made.keys) {
      await write(`${k.fqdn}.key`, k.keyPem, 0o600);
      await write(`${k.fqdn}.csr`, k.csrPem);
    }
    const rows = made.keys.map((k) => serverRenewRow(servers.find((e) => e.id === k.entryId)!, k.csrOneLine, defaults));
    const files = tsvFiles('server-renew', rows, new Date());
    if (!files.ok) return fail(`${files.message.ja}\n  ${files.message.en}`);
    for (const f of files.files) await write(f.name, f.bytes);
  }
  if (clients.length) {
    const files = tsvFiles('client-renew', clients.map((e) => clientRenewRow(e, defaults)), new Date());
    if (!files.ok) return fail(`${files.message.ja}\n  ${files.message.en}`);
    for (const f of files.files) await write(f.name, f.bytes);
  }
  process.stdout.write(written.map((w) => `wrote ${w}\n`).join(''));
  return readOk ? 0 : 1;
}

async function exists(path: string): Promise<string | undefined> {
  try {
    await access(path);
    return path;
  } catch {
    return undefined;
  }
}

function usage(message: string): number {
  process.stderr.write(`upki-tsv renew-plan: ${message}\n\n${USAGE}`);
  return 2;
}

function fail(message: string): number {
  process.stderr.write(`upki-tsv renew-plan: ${message}\n`);
  return 1;
}
