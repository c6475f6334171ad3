import { describe, expect, it } from 'vitest';
import { draft } from '../test/builders';
import { addAlternative, addCustomScenario, cloneDraft, parseOptionalNumber, removeAlternative, removeScenario, sameDraft } from './draft';

describe('custom failure modes', () => {
  it('adds a blank custom row, unscored, and returns its index', () => {
    const d = draft();
    const index = addCustomScenario(d);
    expect(index).toBe(2);
    expect(d.risk.scenarios[2]).toEqual({ mode_id: null, mode: '', likelihood: null, impact: null, note: '' });
  });

  it('removes custom rows but never catalogue ones', () => {
    const d = draft();
    addCustomScenario(d, 'Key engineer leaves');
    expect(removeScenario(d, 0)).toBe(false);
    expect(d.risk.scenarios.map((s) => s.mode)).toEqual(['Outage', 'Degradation', 'Key engineer leaves']);
    expect(removeScenario(d, 2)).toBe(true);
    expect(d.risk.scenarios.map((s) => s.mode)).toEqual(['Outage', 'Degradation']);
    expect(removeScenario(d, 7)).toBe(false);
  });
});

describe('alternatives', () => {
  it('adds and removes rows by position', () => {
    const d = draft();
    addAlternative(d, { name: 'Adyen', readiness: 'contracted' });
    addAlternative(d, { name: 'Braintree' });
    expect(d.risk.alternatives).toEqual([
      { name: 'Adyen', readiness: 'contracted' },
      { name: 'Braintree', readiness: 'identified' },
    ]);
    expect(removeAlternative(d, 0)).toBe(true);
    expect(d.risk.alternatives.map((a) => a.name)).toEqual(['Braintree']);
    expect(removeAlternative(d, 3)).toBe(false);
  });
});

describe('unsaved-changes detection', () => {
  it('sees a copy as unchanged and any edit as a change', () => {
    const original = draft();
    const copy = cloneDraft(original);
    expect(sameDraft(original, copy)).toBe(true);
    copy.risk.scenarios[1].note = 'seen twice this year';
    expect(sameDraft(original, copy)).toBe(false);
    expect(original.risk.scenarios[1].note).toBe('');
  });
});

describe('parseOptionalNumber', () => {
  it('reads empty as unknown and tolerates thousands separators', () => {
    expect(parseOptionalNumber('')).toEqual({ value: null, ok: true });
    expect(parseOptionalNumber(' 12,500.50 ')).toEqual({ value: 12500.5, ok: true });
  });

  it('refuses text, and for counts of days or hours, fractions and negatives', () => {
    expect(parseOptionalNumber('twelve').ok).toBe(false);
    expect(parseOptionalNumber('2.5', true).ok).toBe(false);
    expect(parseOptionalNumber('-30', true).ok).toBe(false);
    expect(parseOptionalNumber('30', true)).toEqual({ value: 30, ok: true });
    // Negative money is Rust's to refuse, with its own message.
    expect(parseOptionalNumber('-5')).toEqual({ value: -5, ok: true });
  });
});
