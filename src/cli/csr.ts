// `upki-tsv csr`: make a key pair and a UPKI server CSR with the same code as the page (pki/keys.ts).
// Writes <CN>.csr (PEM), <CN>.key (PKCS#8 PEM, encrypted unless --no-encrypt) and <CN>.csr.txt (TSV column 7 form).
// The key is encrypted by default: without --passphrase-file the passphrase is asked on the terminal.
// Exit: 0 written, 1 invalid input (reasons in Japanese and English), 2 usage error, 130 cancelled at the prompt.
import { access, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeKeyAndCsr, SERVER_PROFILE_IDS, type ServerProfileId } from '../pki/keys';
import { hasErrors, parseDnsNameList, trimSubject, validateServerSubject, type SubjectIssue } from '../pki/subject-rules';
import { parseArgs } from './args';
import { askNewPassphrase } from './csr-prompt';
import { othersCanWrite, unsafeTarget, writeFileAtomic } from './safe-write';

const USAGE = `usage: upki-tsv csr --profile 3|11 --cn FQDN --o O --st ST --l L [--san host,host] --out DIR
                   [--passphrase-file F | --no-encrypt] [--force]

  --profile 3   RSA 2048, sha256WithRSAEncryption      --profile 11  ECDSA P-384, ecdsa-with-SHA384
  The key is always encrypted (PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC) unless --no-encrypt is given;
  without --passphrase-file the passphrase is asked twice on the terminal (not echoed).
  --passphrase-file F   take the passphrase from the first line of F (for scripts; no terminal needed)
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
  const fromFile = typeof flags['passphrase-file'] === 'string';
  const noEncrypt = flags['no-encrypt'] === true;
  if (fromFile && noEncrypt) return usage('give either --passphrase-file F or --no-encrypt, not both');
  if (!fromFile && !noEncrypt && !process.stdin.isTTY)
    return usage(
      'パスフレーズを尋ねる端末がありません。--passphrase-file F で指定するか、--no-encrypt で暗号化なしを選んでください。\n' +
        '  No terminal to ask the passphrase on: give --passphrase-file F, or --no-encrypt for an unencrypted key.',
    );

  const subject = { cn: value('cn'), o: value('o'), st: value('st'), l: value('l') };
  const dnsNames = parseDnsNameList(typeof flags.san === 'string' ? flags.san : '');
  // Checked before the prompt too (makeKeyAndCsr checks again), so nobody types a passphrase twice only to hear
  // the CN is wrong or the files exist.
  const early = validateServerSubject(subject, dnsNames);
  if (hasErrors(early)) return invalid(early.filter((i) => i.severity === 'error').map(formatIssue));
  const files = ['.csr', '.key', '.csr.txt'].map((ext) => join(value('out'), `${trimSubject(subject).cn}${ext}`));
  // A link in place of an output (even a dangling one) is refused, --force or not: it could point anywhere.
  for (const f of files) {
    const unsafe = await unsafeTarget(f);
    if (unsafe) return invalid([unsafe.message]);
  }
  if (!flags.force) {
    const existing = await firstExisting(files);
    if (existing)
      return invalid([`ファイルが既に存在します（上書きは --force）: ${existing}\n  File exists (use --force to overwrite): ${existing}`]);
  }

  let passphrase: string | null = null;
  if (fromFile) {
    const read = await readPassphrase(value('passphrase-file'));
    if (read instanceof Error) return invalid([read.message]);
    passphrase = read;
  } else if (!noEncrypt) {
    const answer = await askNewPassphrase(process.stdin, process.stderr);
    if (!answer.ok) {
      if (answer.cancelled) return 130;
      return invalid([`[passphrase] ${answer.message.ja}\n  ${answer.message.en}`]);
    }
    passphrase = answer.passphrase;
  }

  const result = await makeKeyAndCsr({ profile: value('profile') as ServerProfileId, subject, dnsNames, passphrase });
  if (!result.ok) return invalid(result.issues.filter((i) => i.severity === 'error').map(formatIssue));
  for (const w of result.warnings) process.stderr.write(`warning: ${formatIssue(w)}\n`);

  const out = result.value;
  await mkdir(value('out'), { recursive: true, mode: 0o700 });
  if (await othersCanWrite(value('out')))
    process.stderr.write(
      `warning: 出力先は他のユーザーも書き込めます。鍵は安全な場所に置いてください: ${value('out')}\n` +
        `  others can write to the output folder; keep keys in a folder only you can write: ${value('out')}\n`,
    );
  try {
    await writeFileAtomic(files[0], out.csrPem, 0o644);
    await writeFileAtomic(files[1], out.keyPem, 0o600);
    await writeFileAtomic(files[2], out.csrOneLine, 0o644);
  } catch (error) {
    return invalid([error instanceof Error ? error.message : String(error)]);
  }
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
