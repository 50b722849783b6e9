// `upki-tsv csr`: make a key pair and a UPKI server CSR with the same code as the page (pki/keys.ts).
// Writes <CN>.csr (PEM), <CN>.key (PKCS#8 PEM, encrypted unless --no-encrypt) and <CN>.csr.txt (TSV column 7 form).
// Exit: 0 written, 1 invalid input (reasons in Japanese and English), 2 usage error.
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeKeyAndCsr, SERVER_PROFILE_IDS, type ServerProfileId } from '../pki/keys';
import { parseDnsNameList, type SubjectIssue } from '../pki/subject-rules';
import { parseArgs } from './args';

const USAGE = `usage: upki-tsv csr --profile 3|11 --cn FQDN --o O --st ST --l L [--san host,host] --out DIR
                   (--passphrase-file F | --no-encrypt) [--force]

  --profile 3   RSA 2048, sha256WithRSAEncryption      --profile 11  ECDSA P-384, ecdsa-with-SHA384
  --passphrase-file F   the key is encrypted (PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC) with the first line of F
  --no-encrypt          write the key unencrypted (only if you protect the file yourself)
  --force               overwrite existing <CN>.csr / <CN>.key / <CN>.csr.txt
`;

const REQUIRED = ['profile', 'cn', 'o', 'st', 'l', 'out'] as const;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, {
    values: ['profile', 'cn', 'o', 'st', 'l', 'san', 'out', 'passphrase-file'],
    booleans: ['no-encrypt', 'force', 'help'],
  });
  if (!parsed.ok) return usage(parsed.error);
  const { flags, positionals } = parsed.args;
  if (flags.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length) return usage(`unexpected argument '${positionals[0]}'`);
  const missing = REQUIRED.filter((k) => typeof flags[k] !== 'string');
  if (missing.length) return usage(`missing ${missing.map((k) => `--${k}`).join(', ')}`);
  const value = (k: string) => flags[k] as string;
  if (!(SERVER_PROFILE_IDS as readonly string[]).includes(value('profile'))) return usage(`--profile must be 3 or 11`);
  const encrypt = typeof flags['passphrase-file'] === 'string';
  if (encrypt === (flags['no-encrypt'] === true)) return usage('give exactly one of --passphrase-file F or --no-encrypt');

  const passphrase = encrypt ? await readPassphrase(value('passphrase-file')) : null;
  if (passphrase instanceof Error) return invalid([passphrase.message]);

  const subject = { cn: value('cn'), o: value('o'), st: value('st'), l: value('l') };
  const files = ['.csr', '.key', '.csr.txt'].map((ext) => join(value('out'), `${subject.cn}${ext}`));
  const result = await makeKeyAndCsr({
    profile: value('profile') as ServerProfileId,
    subject,
    dnsNames: parseDnsNameList(typeof flags.san === 'string' ? flags.san : ''),
    passphrase,
  });
  if (!result.ok) return invalid(result.issues.filter((i) => i.severity === 'error').map(formatIssue));
  for (const w of result.warnings) process.stderr.write(`warning: ${formatIssue(w)}\n`);

  if (!flags.force) {
    const existing = await firstExisting(files);
    if (existing)
      return invalid([`ファイルが既に存在します（上書きは --force）: ${existing}\n  File exists (use --force to overwrite): ${existing}`]);
  }
  const out = result.value;
  await mkdir(value('out'), { recursive: true });
  await writeFile(files[0], out.csrPem);
  await writeFile(files[1], out.keyPem, { mode: 0o600 });
  await writeFile(files[2], out.csrOneLine);
  process.stdout.write(
    [
      ...files.map((f) => `wrote ${f}`),
      `key: ${out.keyEncrypted ? 'encrypted (PBES2, AES-256-CBC)' : 'NOT encrypted / 暗号化なし'}`,
      `主体者DN / subject (TSV column 1): ${out.subjectTsv}`,
      ...(out.dnsNamesColumn ? [`dNSName (TSV column 13): ${out.dnsNamesColumn}`] : []),
      '',
    ].join('\n'),
  );
  return 0;
}

/** The first line of the file, as OpenSSL's `-passin file:` reads it. */
async function readPassphrase(path: string): Promise<string | Error> {
  try {
    return (await readFile(path, 'utf8')).split(/\r?\n/)[0];
  } catch {
    return new Error(`パスフレーズファイルを読めません: ${path}\n  Cannot read the passphrase file: ${path}`);
  }
}

async function firstExisting(paths: string[]): Promise<string | undefined> {
  for (const p of paths) {
    try {
      await access(p);
      return p;
    } catch {
      // absent: fine
    }
  }
  return undefined;
}

function formatIssue(i: SubjectIssue): string {
  return `[${i.field}] ${i.message.ja}\n  ${i.message.en}`;
}

function invalid(reasons: string[]): number {
  process.stderr.write(`upki-tsv csr: 入力に誤りがあります / invalid input\n${reasons.map((r) => `- ${r}\n`).join('')}`);
  return 1;
}

function usage(error: string): number {
  process.stderr.write(`upki-tsv csr: ${error}\n${USAGE}`);
  return 2;
}
