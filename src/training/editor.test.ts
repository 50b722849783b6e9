// The editor's model: a built-in scenario survives draft → scenario unchanged in its steps; form text becomes typed
// parameters; what is wrong is named by the same gate as packs; reordering moves one step.
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from './builtin';
import { blankDraft, blankStep, draftOf, moved, scenarioOf } from './editor';
import { validateScenario } from './scenario';

describe('scenario editor model', () => {
  it.each(BUILTIN_SCENARIOS.map((s) => [s.id, s] as const))('%s: a copy keeps every step and is valid under a new id', (_id, s) => {
    const copy = scenarioOf(draftOf(s));
    expect(validateScenario(copy)).toEqual([]);
    expect(copy.id).toBe(`${s.id}-custom`);
    expect(copy.steps.map((st) => [st.role, st.check, st.instruction, st.explanation, st.manual, st.target, st.hints])).toEqual(s.steps.map((st) => [st.role, st.check, st.instruction, st.explanation, st.manual, st.target, st.hints]));
  });

  it('a blank draft names what is missing; typed counts become numbers, bad ones stay text and are refused', () => {
    const d = blankDraft();
    expect(validateScenario(scenarioOf(d)).join('\n')).toMatch(/title\.ja[\s\S]*steps\[0\]\.instruction\.ja/);
    const step = { ...blankStep('certificates-issued'), params: { min: '40', method: '2', family: '' } };
    expect(scenarioOf({ ...d, steps: [step] }).steps[0].check.params).toEqual({ min: 40, method: '2' });
    const bad = { ...step, params: { min: 'forty' } };
    expect(validateScenario(scenarioOf({ ...d, steps: [bad] })).join('\n')).toContain('min must be a whole number');
    // A parameter left from the previously chosen check is dropped, not smuggled in.
    const switched = { ...step, checkId: 'reminder-sent' };
    expect(scenarioOf({ ...d, steps: [switched] }).steps[0].check.params).toEqual({});
  });

  it('moves a step up or down, and not past the ends', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
