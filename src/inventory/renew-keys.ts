// New key pairs and CSRs for server renewals (SPEC §2.1: a renewal needs a new key pair), made with WebCrypto —
// whose key generation runs off the calling thread — two at a time, with progress and cancel. Each private key
// is written only encrypted (PKCS#8, one passphrase, PBKDF2 once per batch) and the plain copy is wiped.
import { createCsr, csrToOneLine, csrToPem } from '../pki/csr';
import { parseDnString } from '../pki/dn';
import { exportPkcs8, generateServerKeyPair, keyAlgorithm } from '../pki/keys';
import { serverSubjectRdns, type ServerSubject } from '../pki/name';
import { checkPassphrase, DEFAULT_PBKDF2_ITERATIONS, pkcs8BatchEncryptor, pkcs8ToPem } from '../pki/pkcs8';
import { hasErrors, trimSubject, validateServerSubject } from '../pki/subject-rules';
import { PROFILES } from '../spec/profiles';
import type { Text } from '../spec/types';
import { extraDnsNames, renewalDn, serverProfileOf, type RowDefaults } from './rows';
import type { InventoryEntry } from './types';

export interface RenewalKey {
  entryId: string;
  fqdn: string;
  profile: '3' | '11';
  csrPem: string;
  csrOneLine: string;
  /** "ENCRYPTED PRIVATE KEY" PEM. */
  keyPem: string;
}

export interface RenewalKeyFailure {
  entryId: string;
  fqdn: string;
  message: Text;
}

export interface RenewalKeyOptions {
  passphrase: string;
  defaults?: RowDefaults;
  iterations?: number;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export type RenewalKeysResult =
  | { ok: true; keys: RenewalKey[]; failures: RenewalKeyFailure[] }
  | { ok: false; cancelled?: boolean; message: Text };

/** The CSR subject from the certificate's DN (TSV order), without OU (ADDENDUM B.9). */
export function subjectOf(e: InventoryEntry): ServerSubject | undefined {
  const parsed = parseDnString(renewalDn(e));
  if (!parsed.ok) return undefined;
  const get = (k: string) => parsed.rdns.find((r) => r.key === k)?.value ?? '';
  return trimSubject({ cn: get('CN'), o: get('O'), st: get('ST'), l: get('L') });
}

export async function makeRenewalKeys(entries: readonly InventoryEntry[], options: RenewalKeyOptions): Promise<RenewalKeysResult> {
  const check = checkPassphrase(options.passphrase);
  if (!check.ok) return { ok: false, message: check.message };
  const encrypt = await pkcs8BatchEncryptor(options.passphrase, options.iterations ?? DEFAULT_PBKDF2_ITERATIONS);
  const keys: (RenewalKey | undefined)[] = [];
  const failures: RenewalKeyFailure[] = [];
  let done = 0;
  let next = 0;
  const one = async (e: InventoryEntry, slot: number) => {
    const subject = subjectOf(e);
    const fqdn = e.cn ?? e.id;
    const dnsNames = extraDnsNames(e);
    const issues = subject ? validateServerSubject(subject, dnsNames) : [];
    if (!subject || hasErrors(issues)) {
      const first = issues.find((i) => i.severity === 'error');
      failures.push({ entryId: e.id, fqdn, message: first?.message ?? { ja: 'DNを読めません。', en: 'The DN cannot be read.' } });
      return;
    }
    const profile = serverProfileOf(e, options.defaults ?? {});
    const pair = await generateServerKeyPair(profile);
    const csrDer = await createCsr({ keys: pair, subject: serverSubjectRdns(subject), dnsNames, hash: keyAlgorithm(PROFILES[profile].key).hash });
    const pkcs8 = await exportPkcs8(pair.privateKey);
    const keyPem = pkcs8ToPem(await encrypt(pkcs8), true);
    pkcs8.fill(0);
    keys[slot] = { entryId: e.id, fqdn, profile, csrPem: csrToPem(csrDer), csrOneLine: csrToOneLine(csrDer), keyPem };
  };
  const worker = async () => {
    while (next < entries.length) {
      if (options.signal?.aborted) return;
      const slot = next++;
      await one(entries[slot], slot);
      options.onProgress?.(++done, entries.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  if (options.signal?.aborted) return { ok: false, cancelled: true, message: { ja: '中止しました。鍵は保存していません。', en: 'Cancelled; no key was kept.' } };
  return { ok: true, keys: keys.filter((k): k is RenewalKey => !!k), failures };
}
