import { afterAll, describe, expect, it } from 'vitest';
import { inspectCertificate } from '../../pki/certificate';
import { openssl, tempDir } from '../../pki/openssl.testkit';
import { KINDS } from '../../spec/kinds';
import { dnRejections, guessFamily, prefilledRow } from './rows';

const tmp = tempDir('upki-rows-');
afterAll(() => tmp.remove());

/** A client certificate made by OpenSSL (not by our builder), read back with the page's own reader. */
async function opensslClientCertificate(serial: string) {
  const cert = tmp.path(`client-${serial}.pem`);
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', tmp.path(`client-${serial}.key`), '-sha256', '-days', '30',
    '-subj', '/C=JP/ST=Tokyo/L=Chiyoda-ku/O=National Institute of Informatics/OU=Research Lab/CN=KOKURITSU HANAKO', '-set_serial', serial, '-out', cert]);
  const r = await inspectCertificate(tmp.read(`client-${serial}.pem`).toString());
  if (!r.ok) throw new Error(r.message.en);
  return { info: r.info, opensslSerial: openssl(['x509', '-in', cert, '-noout', '-serial']).trim().replace(/^serial=/, '') };
}

const SERVER = {
  subject: [
    { key: 'C', value: 'JP' },
    { key: 'ST', value: 'Tokyo' },
    { key: 'L', value: 'Chiyoda-ku' },
    { key: 'O', value: 'National Institute of Informatics' },
    { key: 'CN', value: 'www.example.ac.jp' },
  ] as const,
  serialDecimal: '1234567812345678123',
  serialHex: '112210e261fec92b',
};

describe('renew/revoke row prefill', () => {
  it('guesses the family from the CN', () => {
    expect(guessFamily({ subject: [...SERVER.subject] })).toBe('server');
    expect(guessFamily({ subject: [{ key: 'CN', value: 'KOKURITSU HANAKO' }] })).toBe('client');
    expect(guessFamily({ subject: [{ key: 'CN', value: 'user@example.ac.jp' }] })).toBe('client');
  });

  it('places DN (TSV order) and decimal serial in the kind’s columns; a renew row also keeps the FQDN; the rest empty', () => {
    for (const kind of ['server-renew', 'server-revoke'] as const) {
      const cells = prefilledRow(kind, { ...SERVER, subject: [...SERVER.subject] }).split('\t');
      expect(cells).toHaveLength(KINDS[kind].columnCount);
      expect(cells[0]).toBe('CN=www.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP');
      const serialAt = KINDS[kind].columns.find((c) => c.field === 'serial')!.no - 1;
      expect(cells[serialAt]).toBe('1234567812345678123');
      // Renewal keeps what the old certificate had (issue 11): FQDN = CN in column 11.
      expect(cells.filter((c) => c !== '')).toHaveLength(kind === 'server-renew' ? 3 : 2);
      if (kind === 'server-renew') expect(cells[10]).toBe('www.example.ac.jp');
    }
  });

  it('client renew and revoke rows from an OpenSSL-made client certificate: CN, OU first; serial in decimal, or 0x hex past the client limit', async () => {
    const short = await opensslClientCertificate('123456789');
    // 15 bytes: 35 decimal digits are over the client serial column's 32, the 0x form (32 characters) is not.
    const long = await opensslClientCertificate('0x7FEEDDCCBBAA99887766554433221');
    expect(guessFamily(short.info)).toBe('client');
    for (const kind of ['client-renew', 'client-revoke'] as const) {
      const serialAt = KINDS[kind].columns.find((c) => c.field === 'serial')!.no - 1;
      const max = KINDS[kind].columns[serialAt].maxLength;
      for (const [cert, expected] of [
        [short, '123456789'],
        [long, `0x${long.opensslSerial}`],
      ] as const) {
        const cells = prefilledRow(kind, cert.info).split('\t');
        expect(cells).toHaveLength(KINDS[kind].columnCount);
        expect(cells[0]).toBe('CN=KOKURITSU HANAKO,OU=Research Lab,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP');
        expect(cells[serialAt]).toBe(expected);
        expect(cells[serialAt].length).toBeLessThanOrEqual(max);
        // A renew row also keeps the P12 name (from the CN); no mail in this certificate.
        expect(cells.filter((c) => c !== '')).toHaveLength(kind === 'client-renew' ? 3 : 2);
        if (kind === 'client-renew') expect(cells[11]).toBe('KOKURITSU HANAKO');
      }
      expect(long.info.serialDecimal.length).toBeGreaterThan(max);
    }
  });
});

describe('a column-1 value the validator would reject is not offered', () => {
  it('names the validator’s own errors (U222 OU, U223 a character, U220 a missing part); a good DN has none', () => {
    expect(dnRejections('server-issue', ['CN=www.example.ac.jp,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP'])).toEqual([]);
    expect(dnRejections('server-issue', ['CN=www.example.ac.jp,OU=IT,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP']).map((i) => i.code)).toEqual(['U222']);
    expect(dnRejections('server-issue', 'CN=www.example.ac.jp,O=A & B,L=Chiyoda-ku,ST=Tokyo,C=JP\t3').map((i) => i.code)).toEqual(['U223']);
    expect(dnRejections('server-renew', ['CN=www.example.ac.jp,O=Example University,C=JP']).map((i) => i.code)).toEqual(['U220', 'U220']);
    // A client DN keeps its OU (the server rule U222 is the server family's).
    expect(dnRejections('client-renew', ['CN=KOKURITSU HANAKO,OU=Research Lab,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP'])).toEqual([]);
  });
});
