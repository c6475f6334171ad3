import { describe, expect, it } from 'vitest';
import type { MoneyModeResult } from './bindings/MoneyModeResult';
import { defaultsText, describeLossMovement, formatRate, frequencyText, lossText, notPricedText, shareOf, sourceText } from './money';
import { movement, standing } from '../test/builders';

describe('money words', () => {
  it('writes rates with the digits a small one needs', () => {
    expect(formatRate(0.3)).toBe('0.3');
    expect(formatRate(1)).toBe('1');
    expect(formatRate(0.05)).toBe('0.05');
    expect(formatRate(0.012)).toBe('0.012');
    expect(formatRate(12.4)).toBe('12');
    expect(frequencyText({ low: 0.3, high: 1 })).toBe('0.3–1 a year');
    expect(frequencyText({ low: 2, high: 2 })).toBe('2 a year');
    expect(lossText({ low: 1_000, high: 8_000 }, 'EUR')).toBe('EUR 1,000–8,000');
  });

  it('says where each range came from', () => {
    expect(sourceText({ source: 'likelihood_band', likelihood: 3 }, 'USD')).toBe('Likelihood 3 (Possible)');
    expect(sourceText({ source: 'evidence', incidents: 4, years: 2 }, 'USD')).toBe('4 incidents in 2.0 years');
    expect(
      sourceText(
        {
          source: 'blast_radius',
          cost_per_hour: 12_000,
          hours: { low: 1, high: 2 },
          hours_from_incidents: true,
          capped_by_switch: 2,
          fixed_response_cost: 2_000,
        },
        'USD',
      ),
    ).toBe(
      '1–2 h (from past incidents) × USD 12,000/h across its blast radius + USD 2,000 response, capped at the 2 h switch to a contracted or live alternative',
    );
    expect(sourceText({ source: 'spend_rise', spend: 120_000, rise: { low: 0.2, high: 0.6 }, cap: 50_000 }, 'USD')).toBe(
      'spend USD 120,000 × 20–60 % rise, capped at the USD 50,000 replacement cost',
    );
    expect(
      sourceText(
        {
          source: 'replacement',
          person_weeks: 12,
          weekly_cost: 4_000,
          switch_hours: { low: 1, high: 8 },
          switch_hours_known: false,
          outage_cost_per_hour: 0,
        },
        'USD',
      ),
    ).toBe('12 person-weeks × USD 4,000 + 1–8 h (assumed) down during the switch');
    expect(sourceText({ source: 'user', note: 'Fines of 2025' }, 'USD')).toBe('your figure: Fines of 2025');
  });

  it('counts defaults and unpriced modes in words, and shares of the expected loss', () => {
    expect(defaultsText(0)).toBe('No input rests on a default');
    expect(defaultsText(1)).toBe('1 input rests on a default');
    expect(defaultsText(3)).toBe('3 inputs rest on defaults');
    expect(notPricedText(0)).toBe('Every failure mode priced');
    expect(notPricedText(2)).toBe('2 failure modes not priced');
    const mode = { expected: 250 } as MoneyModeResult;
    expect(shareOf(mode, { expected: 1_000, one_in_20: 0, one_in_100: 0 })).toBe(25);
    expect(shareOf(mode, { expected: 0, one_in_20: 0, one_in_100: 0 })).toBe(0);
  });

  it('describes a move of the expected annual loss', () => {
    const m = movement({
      before: standing({ expected_loss: 40_000 }),
      after: standing({ expected_loss: 95_000 }),
      loss_change: 55_000,
    });
    expect(describeLossMovement(m, 'USD')).toBe('Expected annual loss USD 40,000 → USD 95,000 (+55,000)');
    const down = movement({ before: standing({ expected_loss: 9_000 }), after: standing({ expected_loss: 4_000 }), loss_change: -5_000 });
    expect(describeLossMovement(down, null)).toBe('Expected annual loss 9,000 → 4,000 (−5,000)');
  });
});
