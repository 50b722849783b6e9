// Test-only helpers: run the real `openssl` on files in a temp dir (the independent tool for pki tests).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  dir: string;
  path(name: string): string;
  write(name: string, data: string | Uint8Array): string;
  read(name: string): Buffer;
  remove(): void;
}

export function tempDir(prefix = 'upki-pki-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    path: (name) => join(dir, name),
    write(name, data) {
      writeFileSync(join(dir, name), data);
      return join(dir, name);
    },
    read: (name) => readFileSync(join(dir, name)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Run openssl; returns stdout (and, with `stderr: true`, stderr appended). Throws with the output on a non-zero exit. */
export function openssl(args: string[], options: { cwd?: string; input?: string | Uint8Array; stderr?: boolean } = {}): string {
  const r = spawnSync('openssl', args, { cwd: options.cwd, input: options.input });
  const out = r.stdout?.toString() ?? '';
  const err = r.stderr?.toString() ?? '';
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} exited ${r.status}: ${out}${err}`);
  return options.stderr ? out + err : out;
}

/** `openssl req -verify` prints its verdict on stderr. */
export function verifyCsr(path: string, inform: 'PEM' | 'DER' = 'PEM'): string {
  return openssl(['req', '-inform', inform, '-in', path, '-verify', '-noout'], { stderr: true });
}

/** Like openssl(), but returns the exit status and stdout+stderr instead of throwing. */
export function opensslStatus(args: string[], options: { cwd?: string } = {}): { status: number; output: string } {
  const r = spawnSync('openssl', args, { cwd: options.cwd });
  return { status: r.status ?? -1, output: `${r.stdout?.toString() ?? ''}${r.stderr?.toString() ?? ''}` };
}

export function opensslBytes(args: string[], options: { cwd?: string } = {}): Buffer {
  return execFileSync('openssl', args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
}
