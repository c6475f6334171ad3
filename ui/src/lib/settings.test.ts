import { describe, expect, it } from 'vitest';
import { drillCadenceText, readDrillCadence } from './settings';

describe('the drill cadence fields', () => {
  it('shows no drills as an empty field and reads it back as none', () => {
    const text = drillCadenceText({ critical: 180, high: 365, medium: null, low: null });
    expect(text).toEqual({ critical: '180', high: '365', medium: '', low: '' });
    expect(readDrillCadence({ ...text, medium: ' 730 ' })).toEqual({
      ok: true,
      cadence: { critical: 180, high: 365, medium: 730, low: null },
    });
  });

  it('names the level whose days are not a whole number', () => {
    expect(readDrillCadence({ critical: '90.5', high: '', medium: 'x', low: '' })).toEqual({
      ok: false,
      errors: {
        'settings.drill_cadence.critical': ['Critical: enter a whole number of days, or leave it empty for no drills.'],
        'settings.drill_cadence.medium': ['Medium: enter a whole number of days, or leave it empty for no drills.'],
      },
    });
  });
});
