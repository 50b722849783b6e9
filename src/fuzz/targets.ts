// The seeded fuzz suite (issue 10): every reader of user input — the six TSV kinds, CSR and certificate
// PEM/DER, rosters, backups (through the engine's public restore) — fed seeds and mutations of them.
// Each input must give a clear answer: no exception, no internal error. Timing and the OpenSSL cross-check of
// accepted CSRs are done by the caller (src/fuzz/fuzz.test.ts small, bench/fuzz.ts 10 000 inputs).
import { guessMapping, mapRoster } from '../builder/mapping';
import { readRosterFile } from '../builder/roster';
import { inspectCertificate } from '../pki/certificate';
import { concatBytes } from '../pki/bytes';
import { createTrainingHierarchy } from '../pki/certificate-builder';
import { inspectCsr } from '../pki/csr';
import { pemEncode, toOneLine } from '../pki/pem';
import { MemoryStore, RaEngine } from '../ra';
import { KINDS } from '../spec/kinds';
import { KIND_IDS, type KindId } from '../spec/types';
import {
  clientIssueRow,
  clientRenewRow,
  clientRevokeRow,
  makeServerCsr,
  serverIssueRow,
  serverRenewRow,
  serverRevokeRow,
  smimeIssueRow,
  tsvBytes,
} from '../tsv/fixtures';
import { validateFile } from '../tsv';
import { NULL, sequence } from './der-edit';
import { children, tlv } from '../pki/der-tlv';
import { mutateBytes, type Rand } from './mutate';

/** What one input did. `accepted` CSRs must also be accepted by OpenSSL (checked by the caller). */
export interface Outcome {
  /** A report or result carried an internal error (the reader caught its own bug): a failure. */
  internal?: string;
  /** For CSRs: the validator accepted it (parsed, signature valid): OpenSSL must agree. */
  acceptedCsr?: Uint8Array;
}

export interface Target {
  name: string;
  /** Deliberately slow inputs (PBKDF2 of a backup) are not held to the 100 ms budget; reported apart. */
  kdfBound?: boolean;
  seeds: Uint8Array[];
  /** Structure-aware mutations on top of the byte-level ones. */
  mutate?: (seed: Uint8Array, rand: Rand) => Uint8Array;
  run: (input: Uint8Array) => Promise<Outcome>;
}

const INTERNAL_CODE = 'U199';

async function tsvTarget(kind: KindId, rows: string[][]): Promise<Target> {
  return {
    name: `tsv:${kind}`,
    seeds: [tsvBytes(rows)],
    run: async (input) => {
      const report = await validateFile(input, kind, { fileName: 'fuzz.tsv' });
      const issues = [...report.fileIssues, ...report.records.flatMap((r) => r.issues)];
      const internal = issues.find((i) => i.code === INTERNAL_CODE);
      if (report.kind !== kind) return { internal: `report for ${report.kind}` };
      return internal ? { internal: JSON.stringify(internal.message.en) } : {};
    },
  };
}

/** CSR surgery: the encodings issue 10 found accepted by us and refused by OpenSSL, and friends. */
function mutateCsr(seed: Uint8Array, rand: Rand): Uint8Array {
  let parts: Uint8Array[];
  try {
    parts = children(seed);
  } catch {
    return seed;
  }
  if (parts.length !== 3) return seed;
  const [info, alg, sig] = parts;
  const [oid] = children(alg);
  switch (Math.floor(rand() * 7)) {
    case 0:
      return sequence(info, alg, sig, NULL); // trailing element
    case 1:
      return sequence(info, sequence(oid, NULL, NULL), sig);
    case 2:
      return sequence(info, sequence(oid), sig);
    case 3:
      return sequence(info, sequence(oid, NULL), sig);
    case 4: {
      const bits = sig.slice(sig[1] & 0x80 ? 2 + (sig[1] & 0x7f) : 2);
      bits[0] = Math.floor(rand() * 8);
      return sequence(info, alg, tlv(0x03, bits));
    }
    case 5:
      return concatBytes([Uint8Array.from([0x30, 0x80]), info, alg, sig, Uint8Array.from([0, 0])]); // indefinite length
    default:
      return tlv(0x30, concatBytes([info, tlv(0x30, concatBytes(children(alg)), true), sig]));
  }
}

const text = (s: string) => new TextEncoder().encode(s);

/** Seeds and readers for every kind of input. Slow to build once (keys, a CA hierarchy, an RA with a backup). */
export async function buildTargets(): Promise<Target[]> {
  const rsa = await makeServerCsr({ profile: '3' });
  const ec = await makeServerCsr({ profile: '11' });
  const rows: Record<KindId, string[][]> = {
    'server-issue': [serverIssueRow({ csr: rsa.oneLine }), serverIssueRow({ csr: ec.oneLine, profile: '11', fqdn: 'www2.nii.ac.jp' })],
    'server-renew': [serverRenewRow({ csr: rsa.oneLine })],
    'server-revoke': [serverRevokeRow(), serverRevokeRow({ serial: '0x1F' })],
    'client-issue': [clientIssueRow(), smimeIssueRow(), clientIssueRow({ method: '2', userName: 'ｺｸﾘﾂ' })],
    'client-renew': [clientRenewRow({ method: '2', pin: 'abcdef12' })],
    'client-revoke': [clientRevokeRow(), clientRevokeRow({ reason: '4', reasonComment: '異動のため' })],
  };
  const targets: Target[] = [];
  for (const kind of KIND_IDS) targets.push(await tsvTarget(kind, rows[kind]));

  const csrRun = async (input: Uint8Array): Promise<Outcome> => {
    const r = await inspectCsr(input);
    return r.ok && r.info.signatureValid ? { acceptedCsr: r.info.der } : {};
  };
  targets.push({ name: 'csr:der', seeds: [rsa.der, ec.der], mutate: mutateCsr, run: csrRun });
  targets.push({
    name: 'csr:pem',
    seeds: [text(pemEncode('CERTIFICATE REQUEST', rsa.der)), text(pemEncode('CERTIFICATE REQUEST', ec.der)), text(toOneLine(ec.der))],
    mutate: (seed, rand) => text(pemEncode('CERTIFICATE REQUEST', mutateCsr(rsa.der, rand))),
    run: csrRun,
  });

  const hierarchy = await createTrainingHierarchy({ now: new Date('2026-04-01T00:00:00Z') });
  const certs = [hierarchy.root.certificate, hierarchy['server-rsa'].certificate, hierarchy['server-ecc'].certificate];
  const certRun = async (input: Uint8Array): Promise<Outcome> => {
    await inspectCertificate(input); // never throws by contract: a throw is caught by the caller as a failure
    return {};
  };
  targets.push({ name: 'cert:der', seeds: certs, run: certRun });
  targets.push({ name: 'cert:pem', seeds: [text(certs.map((c) => pemEncode('CERTIFICATE', c)).join(''))], run: certRun });

  const rosterSeed = text('氏名,ローマ字,学籍番号,メール\n国立 花子,KOKURITSU HANAKO,12345678,hanako@nii.ac.jp\n"情報, 太郎",JOHO TARO,87654321,taro@nii.ac.jp\n');
  targets.push({
    name: 'roster',
    seeds: [rosterSeed, text('name\tmail\nA B\ta@b.jp\n')],
    run: async (input) => {
      const read = readRosterFile(input);
      if (!read.ok) return {};
      const spec = KINDS['client-issue'];
      mapRoster(spec, read.roster, guessMapping(spec, read.roster), { profileId: '5', method: '1', institution: null });
      return {};
    },
  });

  const source = await RaEngine.open(new MemoryStore());
  const passphrase = 'fuzz passphrase 2026';
  const made = await source.backup(passphrase);
  if (!made.ok) throw new Error(made.message.en);
  const backup = made.bytes;
  const scratch = await RaEngine.open(new MemoryStore());
  targets.push({
    name: 'backup',
    kdfBound: true,
    seeds: [backup],
    mutate: (seed, rand) => mutateJson(seed, rand),
    run: async (input) => {
      const r = await scratch.restore(input, passphrase);
      if (r.ok) await scratch.state(); // a restored state must open
      return {};
    },
  });
  return targets;
}

/** Change one value of the backup's JSON envelope (type confusion, big numbers, missing keys). */
function mutateJson(seed: Uint8Array, rand: Rand): Uint8Array {
  const envelope = JSON.parse(new TextDecoder().decode(seed)) as Record<string, unknown>;
  const keys = Object.keys(envelope);
  const key = keys[Math.floor(rand() * keys.length)];
  const values: unknown[] = [null, 0, -1, 1e308, '', '__proto__', [], {}, { iterations: 1 }, 'AAAA', true, Number.NaN];
  if (rand() < 0.2) delete envelope[key];
  else envelope[key] = values[Math.floor(rand() * values.length)];
  return text(JSON.stringify(envelope));
}

export { mutateBytes };
