// Test-only helpers for the RA engine: an engine on a memory store with a fixed clock and an
// institution that matches tsv/fixtures.ts, and the independent tools' checks (openssl, pk12util).
import { execFileSync, spawnSync } from 'node:child_process';
import { pemEncode } from '../pki/pem';
import { tsvBytes } from '../tsv/fixtures';
import type { KindId } from '../spec/types';
import { RaEngine } from './engine';
import { mailLinks } from './notify/links';
import type { EngineOptions } from './context';
import { MemoryStore } from './store/memory-store';
import type { Store } from './store/store';
import type { ErrorMode, Institution, P12Format } from './types';
import type { TempDir } from '../pki/openssl.testkit';

export const START = new Date('2026-11-23T00:00:00Z');

export const NII: Institution = {
  id: 'nii',
  o: 'National Institute of Informatics',
  st: 'Tokyo',
  l: 'Chiyoda-ku',
  domains: ['nii.ac.jp'],
  ouAllowList: { 'nii.ac.jp': ['Cyber Science Infrastructure Development Department'] },
  approvalExpires: '2030-03-31',
  ra: { name: '登録　担当', mail: 'ra@nii.ac.jp' },
  admins: [{ name: '国立　太郎', mail: 'admin@nii.ac.jp' }],
  active: true,
};

export async function openTestEngine(store: Store = new MemoryStore(), institutions: Institution[] = [NII], options: Partial<EngineOptions> = {}) {
  return RaEngine.open(store, { clock: () => START, institutions, options });
}

export function upload(engine: RaEngine, kind: KindId, rows: string[][], opts: { mode?: ErrorMode; p12Format?: P12Format; fileName?: string } = {}) {
  return engine.upload({ bytes: tsvBytes(rows), fileName: opts.fileName ?? 'apply.tsv', kind, mode: opts.mode, p12Format: opts.p12Format });
}

/** The token at the end of a one-time URL in a mail body (via notify/links.ts). */
export function tokenFrom(body: string, label: string): string {
  const link = mailLinks(body).find((l) => l.label === label);
  if (!link) throw new Error(`no ${label} in mail:\n${body}`);
  return link.token;
}

/** Root + issuing CA certificates as one PEM file (the -CAfile of openssl verify). */
export async function writeChain(engine: RaEngine, dir: TempDir, name = 'chain.pem'): Promise<string> {
  const ids = ['root', 'server-rsa', 'server-ecc', 'client-auth', 'smime', 'ra-operator'] as const;
  const pems = await Promise.all(ids.map((id) => engine.caCertificatePem(id)));
  return dir.write(name, pems.join(''));
}

export async function writeCrls(engine: RaEngine, dir: TempDir, name = 'crls.pem'): Promise<string> {
  const ids = ['server-rsa', 'server-ecc', 'client-auth', 'smime', 'ra-operator'] as const;
  const pems = await Promise.all(ids.map(async (id) => (await engine.crl(id)).pem));
  return dir.write(name, pems.join(''));
}

export function certPem(der: Uint8Array): string {
  return pemEncode('CERTIFICATE', der);
}

/** Errors that mean openssl judged a date, not the chain or the revocation (they depend on when it runs). */
const TIME_ERRORS = /CRL has expired|CRL is not yet valid|certificate has expired|certificate is not yet valid/;

/** Seconds since the epoch, the form of `openssl verify -attime`. */
export function epochSeconds(at: Date): string {
  return String(Math.floor(at.getTime() / 1000));
}

/**
 * `openssl verify` at the engine's simulated time, never the real one: certificates and CRLs are dated by the
 * engine clock, so the verdict must not change as real days pass. A date error is thrown, not returned.
 */
export function verify(at: Date, args: string[], input?: string): { status: number; output: string } {
  const r = spawnSync('openssl', ['verify', '-attime', epochSeconds(at), ...args], { input, encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  if (TIME_ERRORS.test(output)) throw new Error(`openssl verify judged a date at ${at.toISOString()}:\n${output}`);
  return { status: r.status ?? -1, output };
}

// Python's zipfile reads the archives: the app writes them with JSZip, so JSZip would not be an independent check.
const PY_UNZIP = `
import sys, zipfile, json, base64, io
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
assert z.testzip() is None
print(json.dumps({i.filename: base64.b64encode(z.read(i)).decode() for i in z.infolist()}))
`;

export async function unzip(bytes: Uint8Array): Promise<Record<string, Uint8Array>> {
  const listing = JSON.parse(execFileSync('python3', ['-c', PY_UNZIP], { input: bytes, encoding: 'utf8' })) as Record<string, string>;
  return Object.fromEntries(Object.entries(listing).map(([name, b64]) => [name, new Uint8Array(Buffer.from(b64, 'base64'))]));
}

/** Independent Shift-JIS decoding (WHATWG TextDecoder), then TSV split. */
export function readSjisTsv(bytes: Uint8Array): string[][] {
  const text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
  if (!text.endsWith('\r\n') || /[^\r]\n/.test(text)) throw new Error('not CRLF');
  return text.slice(0, -2).split('\r\n').map((l) => l.split('\t'));
}

export function nssDb(dir: TempDir, name: string): string {
  const db = dir.path(name);
  execFileSync('mkdir', ['-p', db]);
  execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
  return db;
}

/**
 * NSS imports the P12 (`pk12util -i`) with the PIN into a fresh database, and not with a wrong one; the
 * certificate it lists with `u,u,u` is the one whose private key it found (localKeyId paired them).
 */
export function pk12utilImports(dir: TempDir, p12: string, pin: string, name: string): void {
  const db = nssDb(dir, `nss-import-${name}`);
  const wrong = spawnSync('pk12util', ['-i', p12, '-d', `sql:${db}`, '-W', `${pin}-wrong`], { encoding: 'utf8' });
  if (wrong.status === 0) throw new Error(`pk12util imported ${p12} with a wrong PIN`);
  const listBefore = execFileSync('certutil', ['-L', '-d', `sql:${db}`], { encoding: 'utf8' });
  if (/u,u,u/.test(listBefore)) throw new Error(`a wrong PIN left a certificate with its key:\n${listBefore}`);
  const ok = spawnSync('pk12util', ['-i', p12, '-d', `sql:${db}`, '-W', pin], { encoding: 'utf8' });
  if (ok.status !== 0) throw new Error(`pk12util -i ${p12} failed: ${ok.stdout}${ok.stderr}`);
  const list = execFileSync('certutil', ['-L', '-d', `sql:${db}`], { encoding: 'utf8' });
  const withKey = list.split('\n').filter((l) => /\su,u,u\s*$/.test(l));
  if (withKey.length !== 1) throw new Error(`expected one certificate with u,u,u after importing ${p12}:\n${list}`);
  // The RA's P12 carries the issuing CA and the root (chainOf); importing gives neither any trust.
  const cas = list.split('\n').filter((l) => /NOT TRUSTED/.test(l));
  if (cas.length !== 2 || !cas.some((l) => /Root CA/.test(l)) || !cas.every((l) => /\s,,\s*$/.test(l))) {
    throw new Error(`expected the issuing CA and the root, untrusted, after importing ${p12}:\n${list}`);
  }
}
