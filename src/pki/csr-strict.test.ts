// Strict DER for CSRs (issue 10): each encoding OpenSSL refuses is refused by inspectCsr too, and OpenSSL is asked
// to confirm, so "the validator accepts" keeps implying "OpenSSL accepts".
import { beforeAll, describe, expect, it } from 'vitest';
import { NULL, sequence } from '../fuzz/der-edit';
import { children, tlv, tlvHeader } from './der-tlv';
import { concatBytes } from './bytes';
import { makeServerCsr } from '../tsv/fixtures';
import { inspectCsr } from './csr';
import { isStrictDer } from './der-strict';
import { opensslStatus, tempDir } from './openssl.testkit';

const tmp = tempDir('upki-csr-strict-');
let rsa: Uint8Array;
let ec: Uint8Array;

beforeAll(async () => {
  rsa = (await makeServerCsr({ profile: '3' })).der;
  ec = (await makeServerCsr({ profile: '11' })).der;
});

function opensslAccepts(der: Uint8Array, name: string): boolean {
  tmp.write(name, der);
  return opensslStatus(['req', '-inform', 'DER', '-in', tmp.path(name), '-verify', '-noout']).status === 0;
}

/** The CSR with its signature algorithm's parameters replaced. */
function withAlgorithm(der: Uint8Array, ...params: Uint8Array[]): Uint8Array {
  const [info, alg, sig] = children(der);
  const [oid] = children(alg);
  return sequence(info, sequence(oid, ...params), sig);
}

describe('CSR parsing is strict DER', () => {
  it('accepts the well-formed CSRs (OpenSSL agrees)', async () => {
    for (const [der, name] of [[rsa, 'rsa.der'], [ec, 'ec.der']] as const) {
      expect(isStrictDer(der)).toBe(true);
      const r = await inspectCsr(der);
      expect(r.ok && r.info.signatureValid).toBe(true);
      expect(opensslAccepts(der, name)).toBe(true);
    }
  });

  const cases: [string, () => Uint8Array][] = [
    ['a fourth element after the signature', () => sequence(...children(rsa), NULL)],
    ['unused bits 1 in the signature BIT STRING', () => {
      const [info, alg, sig] = children(rsa);
      const bits = sig.slice(tlvHeader(sig).headerLength);
      bits[0] = 1;
      return sequence(info, alg, tlv(0x03, bits));
    }],
    ['RSA parameters NULL, NULL', () => withAlgorithm(rsa, NULL, NULL)],
    ['ECDSA with a NULL parameter', () => withAlgorithm(ec, NULL)],
    ['a long-form length where the short form fits', () => {
      const [info, alg, sig] = children(rsa);
      const [oid, param] = children(alg);
      return sequence(info, tlv(0x30, concatBytes([oid, param]), true), sig);
    }],
    ['an indefinite-length outer SEQUENCE', () => concatBytes([Uint8Array.from([0x30, 0x80]), ...children(rsa), Uint8Array.from([0, 0])])],
  ];

  for (const [name, make] of cases) {
    it(`refuses ${name}`, async () => {
      const der = make();
      const r = await inspectCsr(der);
      expect(r.ok && r.info.signatureValid).toBe(false);
      expect(r.ok).toBe(false);
    });
  }

  it('OpenSSL refuses what the issue found we accepted: trailing elements, NULL,NULL, unused bits', () => {
    expect(opensslAccepts(sequence(...children(rsa), NULL), 'trailing.der')).toBe(false);
    expect(opensslAccepts(withAlgorithm(rsa, NULL, NULL), 'null-null.der')).toBe(false);
    const [info, alg, sig] = children(rsa);
    const bits = sig.slice(tlvHeader(sig).headerLength);
    bits[0] = 1;
    expect(opensslAccepts(sequence(info, alg, tlv(0x03, bits)), 'unused-bits.der')).toBe(false);
    // Where RFC 4055/5758 are stricter than OpenSSL (ECDSA with NULL, RSA without parameters) we follow the RFCs.
  });
});
