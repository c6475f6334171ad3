// @vitest-environment node
// The labels must read exactly as Rust's `label()`s, which the PDF and CSV use: this reads the
// Rust source so a change on either side fails here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, DATA_HELD, EXIT_STRATEGIES, READINESS, STATUSES, labelOf, type Choice } from './labels';

const source = readFileSync(fileURLToPath(new URL('../../../src-tauri/domain/provider.rs', import.meta.url)), 'utf8');

function rustChoices(name: string): Choice<string>[] {
  const block = new RegExp(`${name}\\s*\\{([^}]*)\\}`).exec(source);
  if (!block) throw new Error(`choice ${name} not found in provider.rs`);
  return [...block[1].matchAll(/=\s*"([^"]+)"\s*\/\s*"([^"]+)"/g)].map((m) => ({ value: m[1], label: m[2] }));
}

describe('choice labels', () => {
  it.each([
    ['Category', CATEGORIES],
    ['Status', STATUSES],
    ['DataHeld', DATA_HELD],
    ['Readiness', READINESS],
    ['ExitStrategy', EXIT_STRATEGIES],
  ] as const)('%s matches Rust keys, labels and order', (name, choices) => {
    expect(choices).toEqual(rustChoices(name));
  });

  it('falls back for an absent value', () => {
    expect(labelOf(READINESS, null, 'None listed')).toBe('None listed');
    expect(labelOf(DATA_HELD, 'payment')).toBe('Payment data');
  });
});
