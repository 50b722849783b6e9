// Application files for the e2e specs, built in Node with independent tools:
// openssl makes the CSR, iconv encodes to Shift-JIS/CP932 (so a test does not trust the project's own encoder).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A fresh RSA 2048 CSR for the server DN, as the one-line base64 body TSV column 7 wants (R-CSR). */
export function serverCsrBase64(cn: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'upki-e2e-'));
  try {
    const subj = `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=National Institute of Informatics/CN=${cn}`;
    execFileSync('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-subj', subj, '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'r.pem')], { stdio: 'ignore' });
    return readFileSync(join(dir, 'r.pem'), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l && !l.startsWith('-----'))
      .join('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 13 columns, SPEC §5.1: DN, profile, 4 blanks, CSR, admin name/dept/mail, FQDN, software, dNSName. */
export function serverIssueRow(cn: string, csr: string): string[] {
  const dn = `CN=${cn},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`;
  return [dn, '3', '', '', '', '', csr, '国立　太郎', '学術基盤推進部', 'admin@example.ac.jp', cn, 'apache2.4', ''];
}

/** 15 columns, SPEC §5.4 / ADDENDUM A (kyoto-u/shibcert's row shape). */
export function clientIssueRow(over: Partial<Record<number, string>> = {}): string[] {
  const row = [
    'CN=KOKURITSU HANAKO,OU=01,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP',
    '5',
    '1',
    '',
    '',
    '',
    '',
    '国立　太郎',
    '学術基盤推進部',
    'admin@example.ac.jp',
    '国立　花子',
    'NIIcert20180321-101010',
    '情報学研究科',
    'hanako@example.ac.jp',
    '',
  ];
  for (const [col, value] of Object.entries(over)) row[Number(col) - 1] = value ?? '';
  return row;
}

/** Rows → TSV text with CRLF, encoded by iconv. CP932 so that vendor characters (髙) can be written, as Excel would. */
export function sjisFile(name: string, rows: string[][]): UploadFile {
  const text = rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
  return { name, mimeType: 'text/tab-separated-values', buffer: execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: text, maxBuffer: 256 * 1024 * 1024 }) };
}

export function utf8File(name: string, rows: string[][]): UploadFile {
  const text = rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
  return { name, mimeType: 'text/tab-separated-values', buffer: Buffer.from(text, 'utf8') };
}
