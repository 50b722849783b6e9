// The builder's renew rule: a CSR with the old certificate's public key is refused (R108, as the RA does).
// Certificates and CSRs come from OpenSSL, so the "same key" fact is not produced by the code under test.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectCertificate } from '../pki/certificate';
import { openssl, opensslBytes, tempDir } from '../pki/openssl.testkit';
import { KINDS } from '../spec/kinds';
import { checkSheetFull } from './check';
import { buildExport } from './export';
import { setCell, setRowMeta, createSheet, duplicateRow, metas } from './grid';

const O = 'National Institute of Informatics';
const SUBJ = `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/CN=www.nii.ac.jp`;
const DN = `CN=www.nii.ac.jp,O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`;
const tmp = tempDir('builder-key-reuse-');
afterAll(() => tmp.remove());

function key(name: string): string {
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', tmp.path(name)]);
  return tmp.path(name);
}
const oldKey = key('old.key');
const newKey = key('new.key');
openssl(['req', '-x509', '-new', '-key', oldKey, '-sha256', '-subj', SUBJ, '-set_serial', '0x1A2B', '-days', '30', '-out', tmp.path('old.crt')]);

function csrOneLine(keyPath: string): string {
  return openssl(['req', '-new', '-key', keyPath, '-sha256', '-subj', SUBJ])
    .split('\n')
    .filter((l) => l && !l.startsWith('-----'))
    .join('');
}

/** SHA-256 of the old certificate's SubjectPublicKeyInfo, as OpenSSL extracts it (not our parser). */
async function oldSpki(): Promise<string> {
  const pubPem = openssl(['x509', '-in', tmp.path('old.crt'), '-noout', '-pubkey']);
  const spkiDer = opensslBytes(['pkey', '-pubin', '-in', tmp.write('old.pub', pubPem), '-outform', 'DER']);
  const ours = await inspectCertificate(tmp.read('old.crt'));
  const spki = createHash('sha256').update(spkiDer).digest('hex');
  expect(ours.ok && ours.info.spkiSha256).toBe(spki);
  return spki;
}

function renewRow(csr: string): string[] {
  return [DN, '3', '', '6699', '', '', csr, '国立　太郎', '学術基盤推進部', 'admin@nii.ac.jp', 'www.nii.ac.jp', 'nginx', ''];
}

const spec = KINDS['server-renew'];

describe('renew rows remember the old certificate key', () => {
  it('refuses a CSR made from the old key, with the RA code R108 on column 7', async () => {
    const spki = await oldSpki();
    const rows = [renewRow(csrOneLine(oldKey)), renewRow(csrOneLine(newKey))];
    rows[1][0] = DN.replace('www', 'www2');
    const check = await checkSheetFull(spec, rows, [{ oldSpkiSha256: spki }, { oldSpkiSha256: spki }]);
    const reuse = (row: number) => (check.byRow.get(row) ?? []).filter((i) => i.code === 'R108');
    expect(reuse(0)).toEqual([expect.objectContaining({ column: 7, severity: 'error', seq: 1 })]);
    expect(reuse(0)[0].message.ja).toContain('再利用はできません');
    expect(reuse(1)).toEqual([]);
  });

  it('says nothing without the old certificate (no metadata) and on kinds that are not renewals', async () => {
    const spki = await oldSpki();
    const rows = [renewRow(csrOneLine(oldKey))];
    expect((await checkSheetFull(spec, rows)).byRow.get(0)?.some((i) => i.code === 'R108') ?? false).toBe(false);
    const issueRow = renewRow(csrOneLine(oldKey));
    issueRow[3] = '';
    const issue = await checkSheetFull(KINDS['server-issue'], [issueRow], [{ oldSpkiSha256: spki }]);
    expect(issue.byRow.get(0)?.some((i) => i.code === 'R108') ?? false).toBe(false);
  });

  it('blocks the export until the CSR is replaced by one with a new key', async () => {
    const spki = await oldSpki();
    const refused = await buildExport(spec, [renewRow(csrOneLine(oldKey))], new Date(), [{ oldSpkiSha256: spki }]);
    expect(refused.ok).toBe(false);
    const accepted = await buildExport(spec, [renewRow(csrOneLine(newKey))], new Date(), [{ oldSpkiSha256: spki }]);
    expect(accepted.ok).toBe(true);
  });

  it('keeps the metadata through cell edits and duplication, and drops it when cleared', () => {
    let sheet = createSheet(spec, [renewRow('')]);
    const id = sheet.rows[0].id;
    sheet = setRowMeta(sheet, id, { oldSpkiSha256: 'ab' });
    sheet = setCell(sheet, id, 6, 'MII');
    sheet = duplicateRow(sheet, id);
    expect(metas(sheet)).toEqual([{ oldSpkiSha256: 'ab' }, { oldSpkiSha256: 'ab' }]);
    expect(metas(setRowMeta(sheet, id, undefined))[0]).toBeUndefined();
  });
});
