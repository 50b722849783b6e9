// 「練習用ファイルを作る」: the application file a step uploads, made from the simulated institution so a room of 40 does
// not hand-make TSVs in the first minute. Server CSRs are made in this browser (WebCrypto); their keys are offered
// only encrypted (PKCS#8 with a passphrase shown once on the panel). Renewals and revocations take the serial numbers
// from the engine's event log (never from the paged view). A table keyed by scenario/step says what each step needs.
import { buildRow } from '../../../tsv/fixtures';
import { encodeTsv } from '../../../tsv/codec';
import { makeKeyAndCsr } from '../../../pki/keys';
import type { RaEvent } from '../../../ra/events';
import type { Institution } from '../../../ra/types';
import type { KindId, Text } from '../../../spec/types';

export interface PracticeSpec {
  kind: KindId;
  /** Client rows: how many users and which download method. */
  users?: number;
  method?: '1' | '2' | '3';
  /** Client rows: the profile (5 client authentication, 7 S/MIME: CN = the user's mail). */
  profile?: '5' | '7';
  /** Make the file wrong in one known way (the mistake lesson): the admin mail left empty. */
  broken?: 'empty-admin-mail';
  /** The step uploads the very file made at this earlier step of the scenario (a retry after an RA-side fault). */
  sameAs?: string;
}

/** What each built-in step uploads; a new scenario's upload step adds its row here. */
export const PRACTICE: Readonly<Record<string, PracticeSpec>> = {
  'server-lifecycle/issue-upload': { kind: 'server-issue' },
  'server-lifecycle/renew-upload': { kind: 'server-renew' },
  'server-lifecycle/revoke-old': { kind: 'server-revoke' },
  'mistake-and-fix/refused': { kind: 'client-issue', users: 1, method: '1', broken: 'empty-admin-mail' },
  'mistake-and-fix/fixed': { kind: 'client-issue', users: 1, method: '1' },
  'client-p12-class/upload': { kind: 'client-issue', users: 40, method: '2' },
  'client-browser/upload': { kind: 'client-issue', users: 1, method: '3' },
  'client-method1-pins/upload': { kind: 'client-issue', users: 1, method: '1' },
  'smime-issue/upload': { kind: 'client-issue', users: 1, method: '1', profile: '7' },
  'whois-fault/refused': { kind: 'server-issue' },
  'whois-fault/retry': { kind: 'server-issue', sameAs: 'refused' },
};

export interface PracticeFile {
  fileName: string;
  bytes: Uint8Array;
  kind: KindId;
  /** The server key, PKCS#8 encrypted with `passphrase`. */
  key?: { fileName: string; pem: string; passphrase: string };
}

export type PracticeResult = { ok: true; file: PracticeFile } | { ok: false; message: Text };

const fail = (ja: string, en: string): PracticeResult => ({ ok: false, message: { ja, en } });

function randomWord(n: number): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(n));
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Server certificates still in use (issued, not revoked), newest last, and which of them were renewed. */
function serverCertificates(events: readonly RaEvent[]) {
  const renewedBy = new Map<string, string>(); // old serial → application that renews it
  const apps = new Map<string, string | undefined>();
  const live: { serialHex: string; dn: string; fqdn: string }[] = [];
  const revoked = new Set<string>();
  const fqdnOf = new Map<string, string>();
  for (const e of events) {
    if (e.type === 'application-accepted') {
      apps.set(e.application.id, e.application.renewsSerialHex);
      fqdnOf.set(e.application.id, e.application.fqdn);
      if (e.application.renewsSerialHex) renewedBy.set(e.application.renewsSerialHex.toLowerCase(), e.application.id);
    } else if (e.type === 'issued' && e.certificate.family === 'server') {
      live.push({ serialHex: e.certificate.serialHex, dn: e.certificate.dn, fqdn: fqdnOf.get(e.certificate.applicationId) ?? '' });
    } else if (e.type === 'revoked') revoked.add(e.serialHex.toLowerCase());
  }
  const inUse = live.filter((c) => !revoked.has(c.serialHex.toLowerCase()));
  return {
    /** The newest certificate nobody renewed yet: what a renewal replaces. */
    toRenew: inUse.filter((c) => !renewedBy.has(c.serialHex.toLowerCase())).at(-1),
    /** The newest certificate that was renewed and is still valid: what the revocation ends. */
    toRevoke: inUse.filter((c) => renewedBy.has(c.serialHex.toLowerCase())).at(-1),
  };
}

const hex = (serialHex: string) => `0x${serialHex.replace(/^0x/i, '').toUpperCase()}`;

async function serverRow(inst: Institution, kind: 'server-issue' | 'server-renew', cn: string, serial?: string) {
  const passphrase = `practice-${randomWord(10)}`;
  const made = await makeKeyAndCsr({ profile: '3', subject: { cn, o: inst.o, l: inst.l, st: inst.st }, passphrase, iterations: 100_000 });
  if (!made.ok) return undefined;
  const admin = inst.admins[0] ?? { name: '利用　管理', mail: `admin@${inst.domains[0]}` };
  const row = buildRow(kind, {
    dn: made.value.subjectTsv,
    profile: '3',
    serial,
    csr: made.value.csrOneLine,
    adminName: admin.name || '利用　管理',
    adminDept: '情報基盤センター',
    adminMail: admin.mail,
    fqdn: cn,
    software: 'nginx',
    dnsNames: '',
  });
  return { row, key: { fileName: `${cn}.key`, pem: made.value.keyPem, passphrase } };
}

function clientRows(inst: Institution, spec: PracticeSpec, tag: string): string[][] {
  const admin = inst.admins[0] ?? { name: '利用　管理', mail: `admin@${inst.domains[0]}` };
  return Array.from({ length: spec.users ?? 1 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    const mail = `trainee-${tag}-${n}@${inst.domains[0]}`;
    // S/MIME (profile 7): the CN is the user's mail address (SPEC §2.2).
    const cn = spec.profile === '7' ? mail : `TRAINEE ${tag.toUpperCase()} ${n},OU=${n}`;
    return buildRow('client-issue', {
      dn: `CN=${cn},O=${inst.o},L=${inst.l},ST=${inst.st},C=JP`,
      profile: spec.profile ?? '5',
      method: spec.method ?? '1',
      adminName: admin.name || '利用　管理',
      adminDept: '情報基盤センター',
      adminMail: spec.broken === 'empty-admin-mail' ? '' : admin.mail,
      userName: `研修　${n}`,
      p12Name: `trainee-${tag}-${n}`,
      userDept: '研修クラス',
      userMail: mail,
      pin: '',
    });
  });
}

/** Makes the step's practice file from the institution and the engine's log. */
export async function makePracticeFile(spec: PracticeSpec, inst: Institution | undefined, events: readonly RaEvent[]): Promise<PracticeResult> {
  if (!inst) return fail('機関が登録されていません。', 'No institution is registered.');
  const tag = randomWord(4);
  let rows: string[][];
  let key: PracticeFile['key'];
  if (spec.kind === 'server-issue' || spec.kind === 'server-renew') {
    const old = spec.kind === 'server-renew' ? serverCertificates(events).toRenew : undefined;
    if (spec.kind === 'server-renew' && !old) return fail('更新できるサーバ証明書がまだありません。先に発行してください。', 'There is no server certificate to renew yet: issue one first.');
    const cn = old?.fqdn || `train-${tag}.${inst.domains[0]}`;
    const made = await serverRow(inst, spec.kind, cn, old && hex(old.serialHex));
    if (!made) return fail('CSRを作れませんでした（機関の情報を確認してください）。', 'The CSR could not be made (check the institution data).');
    rows = [made.row];
    key = made.key;
  } else if (spec.kind === 'server-revoke') {
    const old = serverCertificates(events).toRevoke;
    if (!old) return fail('失効させる旧証明書（更新済み）がありません。', 'There is no renewed old certificate to revoke.');
    rows = [buildRow('server-revoke', { dn: old.dn, serial: hex(old.serialHex), reason: '4', reasonComment: '証明書更新のため', adminMail: '' })];
  } else if (spec.kind === 'client-issue') {
    rows = clientRows(inst, spec, tag);
  } else {
    return fail('この種類の練習用ファイルは作れません。', 'No practice file for this kind.');
  }
  const encoded = encodeTsv(rows, spec.kind);
  if (!encoded.ok) return fail('Shift-JISに変換できない文字があります。', 'A character cannot be written in Shift-JIS.');
  return { ok: true, file: { fileName: `practice-${spec.kind}-${tag}.tsv`, bytes: encoded.bytes, kind: spec.kind, key } };
}
