// Register rows for tests: sensible defaults, override what the test is about.
import type { RegisterRow } from '../lib/bindings/RegisterRow';
import { levelOf } from '../lib/levels';

let nextId = 1;

export function row(overrides: Partial<RegisterRow> = {}): RegisterRow {
  const inherent = overrides.inherent ?? 6;
  const exposure = overrides.exposure ?? 3.6;
  return {
    id: nextId++,
    name: 'Provider',
    category: 'other',
    owner: 'Platform',
    value_provided: '',
    tier: 2,
    status: 'active',
    inherent,
    inherent_level: levelOf(inherent),
    exposure,
    exposure_level: levelOf(exposure),
    lock_in: 3,
    best_readiness: null,
    replacement_effort: 3,
    exit_strategy: 'accept',
    direction: 'Flat',
    heat: { likelihood: 2, impact: 3 },
    explanation: [],
    last_assessed: '2026-01-01',
    next_review: '2027-01-01',
    due: 'Current',
    renewal_date: null,
    ...overrides,
  };
}
