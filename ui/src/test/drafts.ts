import type { ProviderDraft } from '../lib/bindings/ProviderDraft';

export function draft(): ProviderDraft {
  return {
    profile: {
      name: 'Stripe',
      category: 'payments',
      value_provided: '',
      owner: '',
      tier: 1,
      status: 'active',
      annual_spend: null,
      currency: 'USD',
      renewal_date: null,
      notice_period_days: null,
      data_held: 'payment',
      website: '',
      status_page: '',
      notes: '',
    },
    risk: {
      scenarios: [
        { mode_id: 1, mode: 'Outage', likelihood: 2, impact: 5, note: '' },
        { mode_id: 2, mode: 'Degradation', likelihood: 3, impact: 3, note: '' },
      ],
      lock_in: { level: 4, reasons: '' },
      alternatives: [],
      replacement: { effort: 4, person_weeks: null, emergency_switch_hours: null },
      exit: { strategy: 'accept', plan: '', last_rehearsed: null },
    },
  };
}
