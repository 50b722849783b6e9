// The scenario editor's model, free of UI: a draft whose fields are what the form holds (parameters as text), and
// the scenario it stands for. validateScenario() judges the result, so the editor and a pack share one gate.
import { CHECKS, type CheckParams } from './checks';
import type { Role, Scenario, Step } from './scenario';
import type { Text } from '../spec/types';

export interface StepDraft {
  key: string;
  role: Role;
  checkId: string;
  /** Parameter values as typed; '' means "any" (the parameter is left out). */
  params: Record<string, string>;
  instructionJa: string;
  instructionEn: string;
  explanationJa: string;
  explanationEn: string;
  manual: string;
  /** '' for none. */
  target: string;
  /** Kept from a copied scenario (the form does not edit hints). */
  hints?: Text[];
}

export interface ScenarioDraft {
  id: string;
  version: number;
  titleJa: string;
  titleEn: string;
  summaryJa: string;
  summaryEn: string;
  steps: StepDraft[];
}

let counter = 0;
const nextKey = () => `step-${++counter}`;

export function blankStep(checkId = 'upload-registered'): StepDraft {
  return { key: nextKey(), role: 'ra-operator', checkId, params: {}, instructionJa: '', instructionEn: '', explanationJa: '', explanationEn: '', manual: '', target: '' };
}

export function blankDraft(): ScenarioDraft {
  return { id: 'my-scenario', version: 1, titleJa: '', titleEn: '', summaryJa: '', summaryEn: '', steps: [blankStep()] };
}

/** A draft of an existing scenario, under a new id so it never passes for the original in a record. */
export function draftOf(s: Scenario): ScenarioDraft {
  return {
    id: `${s.id}-custom`.slice(0, 64),
    version: 1,
    titleJa: s.title.ja,
    titleEn: s.title.en,
    summaryJa: s.summary.ja,
    summaryEn: s.summary.en,
    steps: s.steps.map((st) => ({
      key: nextKey(),
      role: st.role,
      checkId: st.check.id,
      params: Object.fromEntries(Object.entries(st.check.params).map(([k, v]) => [k, String(v)])),
      instructionJa: st.instruction.ja,
      instructionEn: st.instruction.en,
      explanationJa: st.explanation.ja,
      explanationEn: st.explanation.en,
      manual: st.manual,
      target: st.target ?? '',
      ...(st.hints ? { hints: st.hints.map((h) => ({ ...h })) } : {}),
    })),
  };
}

/** The typed parameters of a step: counts become numbers (a non-number stays text, so validation names it). */
function paramsOf(d: StepDraft): CheckParams {
  const def = CHECKS.get(d.checkId);
  const out: Record<string, string | number> = {};
  for (const [key, raw] of Object.entries(d.params)) {
    const value = raw.trim();
    if (value === '') continue;
    const spec = def && Object.hasOwn(def.params, key) ? def.params[key] : undefined;
    if (!spec) continue; // a parameter of the previously chosen check
    out[key] = spec.type === 'count' && /^\d+$/.test(value) ? Number(value) : value;
  }
  return out;
}

export function scenarioOf(d: ScenarioDraft): Scenario {
  return {
    id: d.id.trim(),
    version: d.version,
    title: { ja: d.titleJa, en: d.titleEn },
    summary: { ja: d.summaryJa, en: d.summaryEn },
    steps: d.steps.map((s, i): Step => ({
      id: `s${i + 1}`,
      role: s.role,
      instruction: { ja: s.instructionJa, en: s.instructionEn },
      check: { id: s.checkId, params: paramsOf(s) },
      explanation: { ja: s.explanationJa, en: s.explanationEn },
      manual: s.manual,
      ...(s.target ? { target: s.target } : {}),
      ...(s.hints?.length ? { hints: s.hints.map((h) => ({ ja: h.ja, en: h.en })) } : {}),
    })),
  };
}

/** The steps with one moved by delta (−1 up, +1 down); unchanged at the ends. */
export function moved<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item);
  return out;
}
