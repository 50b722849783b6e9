// A training scenario is data: steps, each with the role that acts, what to do, the check that proves it done and an
// explanation with the manual's section. validateScenario() is the gate for scenarios from packs or the editor.
import type { Text } from '../spec/types';
import { CHECKS, paramsProblem, type CheckParams } from './checks';

/** The people of the simulated services; a step names who acts next and the player switches to that role. */
export const ROLES = ['admin', 'ra-operator', 'user', 'pin-distributor', 'service-desk', 'trainer', 'jpnic-manager', 'jpnic-applicant'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Readonly<Record<Role, Text>> = {
  admin: { ja: '利用管理者', en: 'usage admin' },
  'ra-operator': { ja: '登録担当者', en: 'RA operator' },
  user: { ja: '利用者', en: 'user' },
  'pin-distributor': { ja: 'アクセスPIN配付者', en: 'access PIN distributor' },
  'service-desk': { ja: 'サービス窓口', en: 'service desk' },
  trainer: { ja: 'トレーナー', en: 'trainer' },
  'jpnic-manager': { ja: 'JPNIC 資源管理者', en: 'JPNIC resource manager' },
  'jpnic-applicant': { ja: 'JPNIC 資源申請者', en: 'JPNIC resource applicant' },
};

export interface Step {
  id: string;
  role: Role;
  /** What to do, as the panel says it. */
  instruction: Text;
  check: { id: string; params: CheckParams };
  /** What just happened and why, shown when the check passes. */
  explanation: Text;
  /** Where the manual says it, e.g. 「SPEC §7.2」 or 「登録担当者マニュアル 3.2」. */
  manual: string;
  /** The control to highlight: the value of its data-guide attribute. */
  target?: string;
  hints?: Text[];
}

export interface Scenario {
  id: string;
  /** Bumped when the steps change, so a record names the version it was made with. */
  version: number;
  title: Text;
  summary: Text;
  steps: Step[];
}

export const LIMITS = { steps: 100, text: 2000, hints: 5, id: 64 } as const;

const ID = /^[a-z0-9][a-z0-9-]*$/;

function textProblem(value: unknown, where: string): string | undefined {
  if (typeof value !== 'object' || value === null) return `${where}: must be {ja, en}`;
  const t = value as Record<string, unknown>;
  for (const lang of ['ja', 'en'] as const) {
    const s = t[lang];
    if (typeof s !== 'string' || s.trim() === '') return `${where}.${lang}: must be non-empty text`;
    if (s.length > LIMITS.text) return `${where}.${lang}: longer than ${LIMITS.text} characters`;
  }
  return undefined;
}

function idProblem(value: unknown, where: string): string | undefined {
  return typeof value === 'string' && value.length <= LIMITS.id && ID.test(value) ? undefined : `${where}: must be a short id (a-z, 0-9, -)`;
}

/**
 * Every problem of an untrusted scenario, empty when it can be played. Reads only own properties, so crafted keys
 * such as __proto__ are just unknown fields.
 */
export function validateScenario(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['scenario: must be an object'];
  const s = value as Record<string, unknown>;
  const problems: string[] = [];
  const push = (p: string | undefined) => p && problems.push(p);
  push(idProblem(s.id, 'id'));
  if (!(Number.isInteger(s.version) && (s.version as number) >= 1 && (s.version as number) < 1e6)) problems.push('version: must be a whole number ≥ 1');
  push(textProblem(s.title, 'title'));
  push(textProblem(s.summary, 'summary'));
  if (!Array.isArray(s.steps) || s.steps.length === 0 || s.steps.length > LIMITS.steps) {
    problems.push(`steps: 1 to ${LIMITS.steps} steps`);
    return problems;
  }
  const seen = new Set<string>();
  s.steps.forEach((raw: unknown, i) => {
    const where = `steps[${i}]`;
    if (typeof raw !== 'object' || raw === null) return problems.push(`${where}: must be an object`);
    const step = raw as Record<string, unknown>;
    push(idProblem(step.id, `${where}.id`));
    if (typeof step.id === 'string') {
      if (seen.has(step.id)) problems.push(`${where}.id: ${step.id} is used twice`);
      seen.add(step.id);
    }
    if (!(ROLES as readonly unknown[]).includes(step.role)) problems.push(`${where}.role: one of ${ROLES.join(', ')}`);
    push(textProblem(step.instruction, `${where}.instruction`));
    push(textProblem(step.explanation, `${where}.explanation`));
    if (typeof step.manual !== 'string' || step.manual.length > 200) problems.push(`${where}.manual: text of at most 200 characters`);
    if (step.target !== undefined && (typeof step.target !== 'string' || !ID.test(step.target))) problems.push(`${where}.target: a data-guide id`);
    if (step.hints !== undefined) {
      if (!Array.isArray(step.hints) || step.hints.length > LIMITS.hints) problems.push(`${where}.hints: at most ${LIMITS.hints}`);
      else step.hints.forEach((h: unknown, j) => push(textProblem(h, `${where}.hints[${j}]`)));
    }
    const check = step.check as Record<string, unknown> | undefined;
    const def = typeof check?.id === 'string' ? CHECKS.get(check.id) : undefined;
    if (!def) problems.push(`${where}.check.id: not a known check`);
    else push(paramsProblem(def, check?.params ?? {}) && `${where}.check.params: ${paramsProblem(def, check?.params ?? {})}`);
    return undefined;
  });
  return problems;
}
