// Institutions: the demo one created on first start, and the JSON form `ra init --institution` reads.
import type { Text } from '../spec/types';
import type { DomainFault, Institution } from './types';

export const DEMO_INSTITUTION: Institution = {
  id: 'demo',
  o: 'Example University',
  st: 'Tokyo',
  l: 'Chiyoda-ku',
  domains: ['example.ac.jp'],
  ouAllowList: { 'example.ac.jp': ['Information Technology Center'] },
  approvalExpires: '2099-03-31',
  ra: { name: '登録　太郎', nameEn: 'TOROKU TARO', mail: 'ra@example.ac.jp' },
  admins: [{ name: '利用　管理', mail: 'admin@example.ac.jp' }],
  active: true,
};

export type InstitutionParse = { ok: true; institution: Institution } | { ok: false; error: Text };

const err = (ja: string, en: string): InstitutionParse => ({ ok: false, error: { ja, en } });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DOMAIN = /^(?=.{1,253}$)[A-Z0-9](?:[A-Z0-9-]*[A-Z0-9])?(?:\.[A-Z0-9](?:[A-Z0-9-]*[A-Z0-9])?)+$/i;

function str(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

/**
 * `{"o","st","l","domains":[..],"ouAllowList":{..},"approvalExpires":"YYYY-MM-DD"}` plus optional
 * `id`, `ra` {name, nameEn, mail}, `admins`, `active`. Missing optional parts are taken from the demo institution.
 */
export function parseInstitution(value: unknown): InstitutionParse {
  if (typeof value !== 'object' || value === null) return err('機関情報はJSONオブジェクトで指定してください。', 'institution: a JSON object is required');
  const v = value as Record<string, unknown>;
  for (const key of ['o', 'st', 'l', 'approvalExpires'] as const) {
    if (!str(v[key])) return err(`機関情報の「${key}」を入力してください。`, `institution: "${key}" must be a non-empty string`);
  }
  if (!DATE.test(v.approvalExpires as string)) return err('「approvalExpires」はYYYY-MM-DD形式で指定してください。', 'institution: "approvalExpires" must be YYYY-MM-DD');
  if (!Array.isArray(v.domains) || v.domains.length === 0 || !v.domains.every((d) => typeof d === 'string' && DOMAIN.test(d))) {
    return err('「domains」にはドメイン名を1つ以上指定してください。', 'institution: "domains" must be a non-empty list of domain names');
  }
  const ou = v.ouAllowList ?? {};
  if (typeof ou !== 'object' || ou === null || !Object.values(ou).every((l) => Array.isArray(l) && l.every((x) => typeof x === 'string'))) {
    return err('「ouAllowList」はドメインごとのOUの一覧で指定してください。', 'institution: "ouAllowList" must map a domain to a list of OUs');
  }
  const contact = (c: unknown, fallback: Institution['ra']): Institution['ra'] => {
    const r = c as Record<string, unknown> | null;
    if (typeof r !== 'object' || r === null || !str(r.mail)) return fallback;
    return { name: typeof r.name === 'string' ? r.name : '', mail: String(r.mail), ...(str(r.nameEn) ? { nameEn: r.nameEn } : {}) };
  };
  return {
    ok: true,
    institution: {
      id: str(v.id) ? v.id : 'institution-1',
      o: v.o as string,
      st: v.st as string,
      l: v.l as string,
      domains: (v.domains as string[]).map((d) => d.toLowerCase()),
      ouAllowList: ou as Record<string, string[]>,
      approvalExpires: v.approvalExpires as string,
      ra: contact(v.ra, DEMO_INSTITUTION.ra),
      admins: Array.isArray(v.admins) ? v.admins.map((a) => contact(a, DEMO_INSTITUTION.admins[0])) : DEMO_INSTITUTION.admins,
      active: v.active === undefined ? true : v.active === true,
      ...domainFaults(v.domainFaults),
    },
  };
}

const FAULTS: readonly DomainFault[] = ['whois-connection', 'whois-mismatch', 'removed'];

/** Only known faults on strings survive; anything else is dropped (a trainer's setting, not an error). */
function domainFaults(value: unknown): { domainFaults?: Record<string, DomainFault> } {
  if (typeof value !== 'object' || value === null) return {};
  const entries = Object.entries(value as Record<string, unknown>).filter(
    (e): e is [string, DomainFault] => (FAULTS as readonly unknown[]).includes(e[1]),
  );
  return entries.length ? { domainFaults: Object.fromEntries(entries.map(([d, f]) => [d.toLowerCase(), f])) } : {};
}

/** A host is under a registered domain when it equals one or ends with "." + one (case-insensitive). */
export function isUnderDomain(host: string, domains: readonly string[]): boolean {
  const h = host.toLowerCase();
  return domains.some((d) => h === d || h.endsWith(`.${d}`));
}
