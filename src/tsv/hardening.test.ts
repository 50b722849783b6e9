// Issue 10 regressions on adversarial input: inputs that once took seconds (quadratic regexes), crashed
// (`__proto__` as a table key, spread of user-sized arrays) now give their normal answer. Timing is in bench/.
import { describe, expect, it } from 'vitest';
import { MAX_EDIT_BYTES, readTsvForEditing } from '../builder/import-tsv';
import { guessMapping } from '../builder/mapping';
import { MAX_ROSTER_CHARS, parseRoster, readRosterFile, rosterWidth } from '../builder/roster';
import { KINDS } from '../spec/kinds';
import { inspectCsr } from '../pki/csr';
import { hasArmour } from '../pki/pem';
import { parseDnString } from '../pki/dn';
import { clientIssueRow, clientIssueRows, rowCodes, serverIssueRow, tsvBytes } from './fixtures';
import { validateFile } from './index';

describe('regexes on long runs of one character', () => {
  it('a CSR cell of 8192 hyphens is judged (not armour, not base64)', () => {
    const codes = rowCodes('server-issue', serverIssueRow({ csr: '-'.repeat(8192) }));
    expect(codes).not.toContain('internalError');
    expect(codes.length).toBeGreaterThan(0);
  });

  it('a 99-row file of 8192-hyphen CSR cells validates with a result per row', async () => {
    const rows = Array.from({ length: 99 }, (_, i) => serverIssueRow({ fqdn: `h${i}.nii.ac.jp`, csr: '-'.repeat(8192) }));
    const report = await validateFile(tsvBytes(rows), 'server-issue');
    expect(report.records).toHaveLength(99);
    expect(report.records.every((r) => r.issues.some((i) => i.column === 7))).toBe(true);
  });

  it('armour is still found where it is, and 64 KiB of hyphens is not armour', async () => {
    expect(hasArmour('-----BEGIN CERTIFICATE REQUEST-----')).toBe(true);
    expect(hasArmour('---- begin')).toBe(true);
    expect(hasArmour('--- BEGIN')).toBe(false);
    expect(hasArmour('-'.repeat(64 * 1024))).toBe(false);
    expect(hasArmour(`${'-'.repeat(64 * 1024)}BEGIN`)).toBe(true);
    const pasted = await inspectCsr('-'.repeat(64 * 1024));
    expect(pasted.ok).toBe(false);
  });

  it('a 4 MB roster cell of digits is guessed as an OU column', () => {
    const roster = parseRoster(`番号\n${'1'.repeat(4 * 1024 * 1024)}\n`, { header: true });
    expect(guessMapping(KINDS['client-issue'], roster)).toEqual(['ou']);
  });

  it('a roster file over the page limit is refused with a message, before parsing', () => {
    const result = readRosterFile(new TextEncoder().encode('1'.repeat(MAX_ROSTER_CHARS + 1)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.en).toMatch(/too large/);
  });
});

describe('files opened on the page thread', () => {
  it('the builder refuses a TSV over its limit with U112 and no rows', () => {
    const opened = readTsvForEditing(new Uint8Array(MAX_EDIT_BYTES + 1).fill(0x41));
    expect(opened.records).toEqual([]);
    expect(opened.fileIssues.map((i) => i.code)).toEqual(['U112']);
  });
});

describe('table keys written by the user', () => {
  it('a download method "__proto__" is an error on its row, and the other rows keep their results', async () => {
    const rows = [...clientIssueRows(2), clientIssueRow({ method: '__proto__' }), clientIssueRow({ method: 'constructor' })];
    const report = await validateFile(tsvBytes(rows), 'client-issue');
    expect(report.fileIssues.map((i) => i.code)).not.toContain('internalError');
    expect(report.records).toHaveLength(4);
    expect(report.records[0].issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.records[2].issues.some((i) => i.severity === 'error')).toBe(true);
    expect(report.records[3].issues.some((i) => i.severity === 'error')).toBe(true);
  });

  it('a DN attribute "__proto__" or "toString" is a syntax error, not a crash', () => {
    expect(parseDnString('__proto__=x,O=a')).toMatchObject({ ok: false, reason: 'syntax' });
    expect(parseDnString('toString=x')).toMatchObject({ ok: false, reason: 'syntax' });
    const codes = rowCodes('server-issue', serverIssueRow({ dn: '__proto__=www.nii.ac.jp,O=x,L=y,ST=Tokyo,C=JP' }));
    expect(codes).not.toContain('internalError');
    expect(codes.length).toBeGreaterThan(0);
  });

  it('a profile "__proto__" is an error, not a crash', () => {
    const codes = rowCodes('server-issue', serverIssueRow({ profile: '__proto__' }));
    expect(codes).not.toContain('internalError');
    expect(codes.length).toBeGreaterThan(0);
  });
});

describe('user-sized arrays', () => {
  it('a roster of 300 000 rows has a width (no spread into Math.max)', () => {
    const roster = parseRoster(Array.from({ length: 300_000 }, (_, i) => `${i},a${i}@example.ac.jp`).join('\n'), { header: false });
    expect(roster.rows).toHaveLength(300_000);
    expect(rosterWidth(roster)).toBe(2);
  });
});
