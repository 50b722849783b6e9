// Every control a scenario points at must exist: each target of each built-in scenario, and each id of the guide
// table, is a data-guide attribute somewhere in the role screens' source — so a typo in a scenario fails here.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from '../../../training/builtin';
import { GUIDE_TARGETS } from '../../../training/targets';
import { GUIDES, guideSelector, uploadKind } from './guides';
import { PRACTICE } from './practice';

const UI = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'training' ? [] : sources(path); // the panel itself does not count
    return d.name.endsWith('.tsx') ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Every data-guide id written in the UI: literal attributes and the string literals of computed ones. */
function guideIds(): Set<string> {
  const ids = new Set<string>();
  for (const text of sources(UI)) {
    // A control may carry several ids, space-separated (data-guide~=).
    for (const m of text.matchAll(/data-guide=(?:"([a-z0-9 -]+)"|\{([^}]*)\})/g)) {
      for (const id of (m[1] ?? '').split(' ').filter(Boolean)) ids.add(id);
      for (const lit of (m[2] ?? '').matchAll(/'([a-z0-9 -]+)'/g)) for (const id of lit[1].split(' ').filter(Boolean)) ids.add(id);
    }
  }
  return ids;
}

describe('training guides', () => {
  const ids = guideIds();

  it('finds the guides in the role screens (the scan itself works)', () => {
    expect(ids.has('ra-upload')).toBe(true);
    expect(ids.has('mail-link')).toBe(true);
    expect(ids.has('no-such-guide')).toBe(false);
  });

  it.each(BUILTIN_SCENARIOS.flatMap((s) => s.steps.filter((st) => st.target).map((st) => [`${s.id}/${st.id}`, st.target!] as const)))(
    '%s points at a control that exists (%s)',
    (_, target) => {
      expect(ids.has(target), `data-guide="${target}" is not in src/ui`).toBe(true);
      expect(GUIDES[target], `guides.ts says nothing about ${target}`).toBeDefined();
    },
  );

  // The panel leads every step to a control (the e2e plays every scenario by the highlight alone).
  it.each(BUILTIN_SCENARIOS.flatMap((s) => s.steps.map((st) => [`${s.id}/${st.id}`, st] as const)))('%s names the control to use', (_, st) => {
    expect(st.target, 'a step without a target leaves the trainee without a highlight').toBeDefined();
    expect(GUIDE_TARGETS.some((g) => g.id === st.target), `${st.target} is not offered by targets.ts`).toBe(true);
  });

  it('every upload step of a built-in scenario has its practice file', () => {
    const uploads = BUILTIN_SCENARIOS.flatMap((s) => s.steps.filter((st) => st.target === 'ra-upload').map((st) => `${s.id}/${st.id}`));
    expect(uploads.length).toBeGreaterThan(8);
    for (const key of uploads) expect(PRACTICE[key], `no practice file for ${key}`).toBeDefined();
  });

  it('a practice file used again comes from an earlier step of the same scenario, of the same kind', () => {
    for (const [key, spec] of Object.entries(PRACTICE).filter(([, p]) => p.sameAs)) {
      const [scenarioId, stepId] = key.split('/');
      const steps = BUILTIN_SCENARIOS.find((s) => s.id === scenarioId)!.steps;
      const earlier = steps.findIndex((st) => st.id === spec.sameAs);
      expect(earlier, key).toBeGreaterThanOrEqual(0);
      expect(earlier, key).toBeLessThan(steps.findIndex((st) => st.id === stepId));
      expect(PRACTICE[`${scenarioId}/${spec.sameAs}`]?.kind, key).toBe(spec.kind);
    }
  });

  it.each(Object.keys(GUIDES))('guide %s exists in the UI source', (id) => {
    expect(ids.has(id)).toBe(true);
  });

  it('practice files belong to real upload steps', () => {
    for (const key of Object.keys(PRACTICE)) {
      const [scenarioId, stepId] = key.split('/');
      const step = BUILTIN_SCENARIOS.find((s) => s.id === scenarioId)?.steps.find((st) => st.id === stepId);
      expect(step, key).toBeDefined();
      expect(step!.target, key).toBe('ra-upload');
      expect(uploadKind(step!), key).toBe(PRACTICE[key].kind);
    }
  });

  it('narrows the highlight by the step’s purpose or family', () => {
    const step = BUILTIN_SCENARIOS[0].steps.find((s) => s.check.params.purpose === 'server-cert')!;
    expect(guideSelector(step)).toBe('[data-guide~="mail-link"]:is(:not([data-purpose]),[data-purpose~="server-cert"])');
    const upload = BUILTIN_SCENARIOS[0].steps[0];
    expect(guideSelector(upload)).toContain('[data-family="server"]');
  });
});
