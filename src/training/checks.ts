// The checks a training step can use: each reads the simulated service's event log, never the clicks, so a step
// counts as done only when the engine really did it (an upload registered, a certificate downloaded, a CRL published).
import type { Text } from '../spec/types';
import type { RaEvent } from '../ra/events';
import type { TokenPurpose } from '../ra/types';
import type { JpnicEvent } from '../jpnic/types';
import { JPNIC_CHECKS } from './checks-jpnic';

/** What a check's parameters may be; the pack validator and the scenario editor read these. */
export type ParamSpec =
  | { type: 'enum'; values: readonly string[]; label: Text }
  | { type: 'count'; min: number; max: number; label: Text }
  | { type: 'text'; maxLength: number; label: Text };

export type CheckParams = Readonly<Record<string, string | number>>;

/** The events a step may look at: those after the step began (seq > sinceSeq). */
export interface CheckInput {
  events: readonly RaEvent[];
  sinceSeq: number;
  /** The JPNIC engine's log (its own seq space) and where the step began in it; absent when the page has none. */
  jpnicEvents?: readonly JpnicEvent[];
  jpnicSinceSeq?: number;
}

export interface CheckDef {
  id: string;
  label: Text;
  params: Readonly<Record<string, ParamSpec>>;
  test(input: CheckInput, params: CheckParams): boolean;
}

const KINDS = ['server-issue', 'server-renew', 'server-revoke', 'client-issue', 'client-renew', 'client-revoke'] as const;
const PURPOSES: readonly TokenPurpose[] = ['server-cert', 'pin', 'client-cert', 'client-all', 'ra-operator'];
const FAMILIES = ['server', 'client'] as const;
const FAULTS = ['whois-connection', 'whois-mismatch', 'removed'] as const;
const CAS = ['root', 'server-rsa', 'server-ecc', 'client-auth', 'smime', 'ra-operator'] as const;

function since(input: CheckInput): RaEvent[] {
  return input.events.filter((e) => e.seq > input.sinceSeq);
}

/** Every RA code of a refused or partly refused upload event (rows' and the file's). */
function refusalCodes(e: RaEvent): string[] {
  return e.type === 'uploaded' ? [...(e.fileCodes ?? []), ...e.records.flatMap((r) => r.codes)] : [];
}

function num(params: CheckParams, key: string, fallback: number): number {
  const v = params[key];
  return typeof v === 'number' ? v : fallback;
}

function str(params: CheckParams, key: string): string | undefined {
  const v = params[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Token → purpose, from every token ever created (a download may use a token made before the step began). */
function purposes(events: readonly RaEvent[]): Map<string, TokenPurpose> {
  const map = new Map<string, TokenPurpose>();
  for (const e of events) if (e.type === 'token-created') map.set(e.token.token, e.token.purpose);
  return map;
}

/** Application id → the application's method and whether it renews, from the whole log. */
function applications(events: readonly RaEvent[]) {
  const map = new Map<string, { method?: string; renews: boolean; profile: string }>();
  for (const e of events) {
    if (e.type === 'application-accepted') {
      map.set(e.application.id, { method: e.application.method, renews: Boolean(e.application.renewsSerialHex), profile: e.application.profile });
    }
  }
  return map;
}

const label = (ja: string, en: string): Text => ({ ja, en });

const DEFS: CheckDef[] = [
  {
    id: 'upload-registered',
    label: label('申請TSVがアップロードされ登録された', 'an application file was uploaded and registered'),
    params: { kind: { type: 'enum', values: KINDS, label: label('申請の種類', 'kind') } },
    test: (input, p) => since(input).some((e) => e.type === 'uploaded' && e.registered && (!str(p, 'kind') || e.kind === str(p, 'kind'))),
  },
  {
    id: 'upload-refused',
    label: label('アップロードがRAの検査でエラーになった', 'an upload was refused by the RA checks'),
    params: {
      kind: { type: 'enum', values: KINDS, label: label('申請の種類', 'kind') },
      // Any RA code (R112, 201, …): the refusal must carry it.
      code: { type: 'text', maxLength: 8, label: label('エラーコード（例 R112）', 'error code (e.g. R112)') },
    },
    test: (input, p) =>
      since(input).some(
        (e) =>
          e.type === 'uploaded' &&
          (!e.registered || e.records.some((r) => !r.ok)) &&
          (!str(p, 'kind') || e.kind === str(p, 'kind')) &&
          (!str(p, 'code') || refusalCodes(e).includes(str(p, 'code')!)),
      ),
  },
  {
    id: 'certificates-issued',
    label: label('証明書が発行された', 'certificates were issued'),
    params: {
      family: { type: 'enum', values: FAMILIES, label: label('証明書の種類', 'family') },
      min: { type: 'count', min: 1, max: 1000, label: label('枚数（以上）', 'at least') },
      method: { type: 'enum', values: ['1', '2', '3'], label: label('ダウンロード方法', 'download method') },
      profile: { type: 'enum', values: ['3', '11', '5', '7', '13', '14', '15', '16'], label: label('プロファイル', 'profile') },
    },
    test: (input, p) => {
      const apps = applications(input.events);
      const n = since(input).filter((e) => {
        if (e.type !== 'issued') return false;
        const app = apps.get(e.certificate.applicationId);
        if (str(p, 'family') && e.certificate.family !== str(p, 'family')) return false;
        if (str(p, 'method') && app?.method !== str(p, 'method')) return false;
        if (str(p, 'profile') && e.certificate.profile !== str(p, 'profile')) return false;
        return true;
      }).length;
      return n >= num(p, 'min', 1);
    },
  },
  {
    id: 'certificate-renewed',
    label: label('更新の証明書が発行された', 'a renewal certificate was issued'),
    params: { family: { type: 'enum', values: FAMILIES, label: label('証明書の種類', 'family') } },
    test: (input, p) => {
      const apps = applications(input.events);
      return since(input).some(
        (e) => e.type === 'issued' && apps.get(e.certificate.applicationId)?.renews === true && (!str(p, 'family') || e.certificate.family === str(p, 'family')),
      );
    },
  },
  {
    id: 'downloaded',
    label: label('ワンタイムURLから取得した', 'something was fetched through a one-time URL'),
    params: {
      purpose: { type: 'enum', values: PURPOSES, label: label('URLの用途', 'purpose') },
      min: { type: 'count', min: 1, max: 1000, label: label('回数（以上）', 'at least') },
    },
    test: (input, p) => {
      const byToken = purposes(input.events);
      const n = since(input).filter((e) => e.type === 'downloaded' && (!str(p, 'purpose') || byToken.get(e.token) === str(p, 'purpose'))).length;
      return n >= num(p, 'min', 1);
    },
  },
  {
    id: 'certificates-revoked',
    label: label('証明書が失効された', 'certificates were revoked'),
    params: { min: { type: 'count', min: 1, max: 1000, label: label('枚数（以上）', 'at least') } },
    test: (input, p) => since(input).filter((e) => e.type === 'revoked').length >= num(p, 'min', 1),
  },
  {
    id: 'reminder-sent',
    label: label('旧証明書の失効依頼（14日後の通知）が送られた', 'the old-certificate reminder was sent'),
    params: {},
    test: (input) => since(input).some((e) => e.type === 'reminder-sent'),
  },
  {
    id: 'clock-advanced',
    label: label('時計を進めた', 'the clock was advanced'),
    params: { days: { type: 'count', min: 1, max: 3650, label: label('日数（以上）', 'days, at least') } },
    test: (input, p) => since(input).filter((e) => e.type === 'clock-advanced').reduce((sum, e) => sum + (e.type === 'clock-advanced' ? e.days : 0), 0) >= num(p, 'days', 1),
  },
  {
    id: 'crl-lists-revocation',
    label: label('失効がCRLに載った', 'a revocation appears on a published CRL'),
    params: { ca: { type: 'enum', values: CAS, label: label('CA', 'CA') } },
    test: (input, p) => {
      const events = since(input);
      const firstRevocation = events.find((e) => e.type === 'revoked');
      if (!firstRevocation) return false;
      return events.some((e) => e.type === 'crl-published' && e.seq > firstRevocation.seq && (!str(p, 'ca') || e.caId === str(p, 'ca')));
    },
  },
  {
    id: 'mail-sent',
    label: label('メールが送られた', 'a mail was sent'),
    params: { subject: { type: 'text', maxLength: 100, label: label('件名（を含む）', 'subject contains') } },
    test: (input, p) => since(input).some((e) => e.type === 'mailed' && e.mail.subject.includes(str(p, 'subject') ?? '')),
  },
  {
    id: 'operator-certificate-issued',
    label: label('登録担当者用証明書が発行された', 'an RA operator certificate was issued'),
    params: {},
    test: (input) => since(input).some((e) => e.type === 'operator-certificate-issued'),
  },
  {
    id: 'operator-certificate-renewed',
    label: label('登録担当者用証明書が更新された', 'an RA operator certificate was renewed'),
    params: {},
    test: (input) => since(input).some((e) => e.type === 'operator-certificate-issued' && Boolean(e.certificate.renewsSerialHex)),
  },
  {
    id: 'operator-certificate-revoked',
    label: label('登録担当者用証明書が失効された', 'an RA operator certificate was revoked'),
    params: {},
    test: (input) => since(input).some((e) => e.type === 'operator-certificate-revoked'),
  },
  {
    id: 'domain-fault-set',
    label: label('トレーナーがドメインに障害を設定した', 'the trainer set a fault on a domain'),
    params: { fault: { type: 'enum', values: FAULTS, label: label('障害', 'fault') } },
    test: (input, p) =>
      since(input).some((e) => e.type === 'institution-saved' && Object.values(e.institution.domainFaults ?? {}).some((f) => !str(p, 'fault') || f === str(p, 'fault'))),
  },
  {
    id: 'domain-fault-cleared',
    label: label('ドメインの障害が解消された', "the domains' faults were cleared"),
    params: {},
    test: (input) => since(input).some((e) => e.type === 'institution-saved' && Object.keys(e.institution.domainFaults ?? {}).length === 0),
  },
  ...JPNIC_CHECKS,
];

/** Every known check by id (a Map: ids come from packs, which are user input). */
export const CHECKS: ReadonlyMap<string, CheckDef> = new Map(DEFS.map((d) => [d.id, d]));

/** Whether `params` fit the check's declared parameters (unknown keys and out-of-range values refused). */
export function paramsProblem(def: CheckDef, params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return 'params must be an object';
  for (const [key, value] of Object.entries(params)) {
    if (!Object.hasOwn(def.params, key)) return `unknown parameter ${JSON.stringify(key).slice(0, 40)} for ${def.id}`;
    const spec = def.params[key];
    if (spec.type === 'enum' && !(typeof value === 'string' && spec.values.includes(value))) return `${key} must be one of ${spec.values.join(', ')}`;
    if (spec.type === 'count' && !(Number.isInteger(value) && (value as number) >= spec.min && (value as number) <= spec.max)) {
      return `${key} must be a whole number from ${spec.min} to ${spec.max}`;
    }
    if (spec.type === 'text' && !(typeof value === 'string' && value.length <= spec.maxLength)) return `${key} must be text of at most ${spec.maxLength} characters`;
  }
  return undefined;
}

/** Runs a check by id; an unknown id is false (a validated scenario never has one). */
export function runCheck(id: string, params: CheckParams, input: CheckInput): boolean {
  const def = CHECKS.get(id);
  return def ? def.test(input, params) : false;
}
