// Editing helpers for a provider draft. They change the draft in place because the form holds it
// as one deeply reactive object.
import type { ProviderDraft } from './bindings/ProviderDraft';
import type { Scenario } from './bindings/Scenario';
import type { Alternative } from './bindings/Alternative';

/** A deep copy of a plain draft (one from Rust); a `$state` draft is copied with `$state.snapshot`. */
export function cloneDraft(draft: ProviderDraft): ProviderDraft {
  return structuredClone(draft);
}

/** Whether two drafts would save the same record; drives the unsaved-changes guard. */
export function sameDraft(a: ProviderDraft, b: ProviderDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Failure modes added to this provider only; catalogue ones stay so every provider is scored on them. */
export function isCustom(scenario: Scenario): boolean {
  return scenario.mode_id === null;
}

/** Likelihood × impact, or null until both are set (Rust refuses half a score on save). */
export function scenarioScore(scenario: Scenario): number | null {
  return scenario.likelihood === null || scenario.impact === null ? null : scenario.likelihood * scenario.impact;
}

/** Adds a blank custom failure mode and returns its index, so the form can focus its name. */
export function addCustomScenario(draft: ProviderDraft, mode = ''): number {
  draft.risk.scenarios.push({ mode_id: null, mode, likelihood: null, impact: null, note: '' });
  return draft.risk.scenarios.length - 1;
}

export function removeScenario(draft: ProviderDraft, index: number): boolean {
  const scenario = draft.risk.scenarios[index];
  if (!scenario || !isCustom(scenario)) return false;
  draft.risk.scenarios.splice(index, 1);
  return true;
}

export function addAlternative(draft: ProviderDraft, alternative: Partial<Alternative> = {}): number {
  draft.risk.alternatives.push({ name: '', readiness: 'identified', ...alternative });
  return draft.risk.alternatives.length - 1;
}

export function removeAlternative(draft: ProviderDraft, index: number): boolean {
  if (index < 0 || index >= draft.risk.alternatives.length) return false;
  draft.risk.alternatives.splice(index, 1);
  return true;
}

/**
 * Text from a number input: empty means "not known" (null); anything unreadable is reported.
 * `count` fields (days, hours) are unsigned 32-bit integers in Rust, so only those are accepted:
 * anything else could not even reach Rust's validation.
 */
export function parseOptionalNumber(text: string, count = false): { value: number | null; ok: boolean } {
  const trimmed = text.trim().replace(/[\s,_]/g, '');
  if (trimmed === '') return { value: null, ok: true };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { value: null, ok: false };
  if (count && !(Number.isInteger(value) && value >= 0 && value <= 4_294_967_295)) return { value: null, ok: false };
  return { value, ok: true };
}
