import { describe, expect, it } from 'vitest';
import { serviceDraft, serviceFields } from './services';

const blank = {
  name: '',
  owner: '',
  description: '',
  downtime_cost_per_hour: null,
  degraded_share: 0.5,
  rto_hours: null,
  retired: false,
};

describe('the service form', () => {
  it('shows the degraded share in percent and sends it back as a share', () => {
    const fields = serviceFields({ ...blank, name: 'Checkout', downtime_cost_per_hour: 18000, degraded_share: 0.35 });
    expect(fields.degraded_percent).toBe('35');
    expect(fields.downtime_cost_per_hour).toBe('18000');
    const checked = serviceDraft({ ...fields, name: '  Checkout ', downtime_cost_per_hour: '18,000' });
    expect(checked).toEqual({ ok: true, draft: { ...blank, name: 'Checkout', downtime_cost_per_hour: 18000, degraded_share: 0.35 } });
  });

  it('keeps an unknown cost unknown rather than zero', () => {
    const checked = serviceDraft(serviceFields({ ...blank, name: 'Reporting' }));
    expect(checked.ok && checked.draft.downtime_cost_per_hour).toBeNull();
  });

  it('names each field it cannot read', () => {
    const checked = serviceDraft({ ...serviceFields(blank), downtime_cost_per_hour: 'lots', degraded_percent: '', rto_hours: 'two' });
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(Object.keys(checked.errors).sort()).toEqual(['service.degraded_share', 'service.downtime_cost_per_hour', 'service.rto_hours']);
  });
});
