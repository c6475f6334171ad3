import { describe, expect, it } from 'vitest';
import { DATA_HELD, READINESS, labelOf } from './labels';

describe('choice labels', () => {
  it('falls back for an absent value', () => {
    expect(labelOf(READINESS, null, 'None listed')).toBe('None listed');
    expect(labelOf(DATA_HELD, 'payment')).toBe('Payment data');
  });
});
