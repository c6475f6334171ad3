import { describe, expect, it } from 'vitest';
import { awsOutage, emptyRadius } from '../test/dependencies';
import {
  cutOnly,
  cutsByService,
  withoutCostText,
  costPerHour,
  effectLabel,
  formatHours,
  formatMoney,
  formatShare,
  headline,
  hhiReading,
  pathText,
  reachesNothing,
  shorteningText,
} from './reach';

describe('reach wording', () => {
  it('writes money in whole, grouped units after the currency', () => {
    expect(formatMoney(12500, 'USD')).toBe('USD 12,500');
    expect(formatMoney(1234567.6, 'EUR')).toBe('EUR 1,234,568');
    expect(formatMoney(999.4, 'USD')).toBe('USD 999');
    expect(formatMoney(0, 'USD')).toBe('USD 0');
    expect(formatMoney(null, 'USD')).toBe('—');
    expect(costPerHour(null, 'USD')).toBe('no cost of downtime yet');
    expect(costPerHour(500, 'USD')).toBe('USD 500 an hour');
  });

  it('writes a path from the failing provider to the service', () => {
    const steps = [
      { provider_id: 1, name: 'AWS us-east-1' },
      { provider_id: 2, name: 'Postmark' },
    ];
    expect(pathText(steps, 'Password reset email')).toBe('AWS us-east-1 → Postmark → Password reset email');
    expect(pathText(steps)).toBe('AWS us-east-1 → Postmark');
  });

  it('names effects as Rust labels them and says how a live alternative shortens a path', () => {
    expect(effectLabel('degraded')).toBe('Degraded');
    expect(shorteningText({ provider_id: 2, provider: 'Postmark', alternative: 'SendGrid', switch_hours: 2 })).toBe(
      'shortened: switch to SendGrid in 2 h',
    );
    expect(shorteningText({ provider_id: 2, provider: 'Postmark', alternative: 'SendGrid', switch_hours: null })).toBe(
      'shortened: switch to SendGrid',
    );
    expect(formatHours(0.5)).toBe('30 min');
    expect(formatHours(1.25)).toBe('1.3 h');
  });

  it('says what a failure costs and how far it spreads in one sentence', () => {
    expect(headline(awsOutage(), 'USD')).toBe('If AWS us-east-1 has an outage: 5 services, USD 22,500 an hour, through 4 providers');
    expect(
      headline({ ...emptyRadius('Stripe', 'degradation'), services: awsOutage().services.slice(0, 1), cost_per_hour: 12500 }, 'USD'),
    ).toBe('If Stripe has a degradation: 1 service, USD 12,500 an hour, directly');
    expect(reachesNothing(emptyRadius('Stripe', 'outage'))).toBe(true);
    expect(reachesNothing(awsOutage({ services: [] }))).toBe(false);
  });

  it('groups cut paths by the service they spare and names the services without a cost', () => {
    const radius = awsOutage();
    expect(
      cutsByService(radius)
        .get(1)
        ?.map((c) => pathText(c.via, c.service)),
    ).toEqual(['AWS us-east-1 → Auth0 → Checkout']);
    expect(cutOnly(radius).map((s) => s.name)).toEqual(['Receipts email']);
    expect(withoutCostText(['Reporting'])).toBe('1 service has no cost of downtime yet: Reporting.');
    expect(withoutCostText(['Reporting', 'Search'])).toBe('2 services have no cost of downtime yet: Reporting, Search.');
  });

  it('reads the spend HHI with the usual thresholds', () => {
    expect(hhiReading(1200)).toBe('spread out');
    expect(hhiReading(1500)).toBe('moderately concentrated');
    expect(hhiReading(2500)).toBe('highly concentrated');
    expect(formatShare(0.404)).toBe('40 %');
  });
});
