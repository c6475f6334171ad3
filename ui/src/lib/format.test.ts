import { describe, expect, it } from 'vitest';
import { formatExposure } from './format';

describe('format', () => {
  it('shows exposure with exactly one decimal', () => {
    expect(formatExposure(12.8)).toBe('12.8');
    expect(formatExposure(5)).toBe('5.0');
    expect(formatExposure(0.2)).toBe('0.2');
  });
});
