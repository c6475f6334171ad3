import { describe, expect, it } from 'vitest';
import { mockCommands } from '../test/ipc';
import type { Incident } from './bindings/Incident';
import { drillDraft, drillFields, evidenceForm, incidentDraft, incidentFields } from './evidenceForms.svelte';
import { call } from './ipc';

const stored: Incident = {
  id: 7,
  provider_id: 3,
  mode_id: 2,
  started: '2026-05-04T09:00:00-04:00',
  detected: '2026-05-04T09:20:00-04:00',
  resolved: null,
  services: ['Checkout'],
  customer_facing: true,
  sla_breached: true,
  cost: 1200,
  summary: 'Card payments failed',
  postmortem_url: 'https://status.example/1',
  follow_ups: 'Add a fallback',
};

describe('the incident form', () => {
  it('starts a new incident on the machine offset with the first mode', () => {
    const f = incidentFields(null, { providerId: 3, modeId: 1, offset: '+01:00' });
    expect(f.started).toEqual({ date: '', time: '', offset: '+01:00' });
    expect([f.provider_id, f.mode_id]).toEqual([3, 1]);
  });

  it('round-trips a stored incident, offset and all, dropping blank service rows', () => {
    const f = incidentFields(stored, { providerId: null, modeId: null, offset: '+01:00' });
    expect(f.started.offset).toBe('-04:00');
    expect(f.resolved).toEqual({ date: '', time: '', offset: '-04:00' });
    f.services.push('  ');
    const checked = incidentDraft(f);
    expect(checked.ok && checked.draft).toEqual({ ...stored, id: undefined, services: ['Checkout'] } as unknown);
  });

  it('names the fields it cannot read before anything is sent', () => {
    const f = incidentFields(null, { providerId: null, modeId: 1, offset: '+00:00' });
    f.started = { date: '2026-13-01', time: '10:00', offset: '+00:00' };
    f.cost = 'a lot';
    const checked = incidentDraft(f);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && Object.keys(checked.errors)).toEqual(['incident.provider_id', 'incident.started', 'incident.cost']);
  });
});

describe('the drill form', () => {
  it('defaults to a full switch today against the first alternative', () => {
    const f = drillFields(null, 3, '2026-12-01', 'Adyen');
    expect(f).toMatchObject({ provider_id: 3, date: '2026-12-01', kind: 'full_switch', alternative: 'Adyen', result: 'met' });
    f.target_hours = '4';
    f.achieved_hours = '3.5';
    expect(drillDraft(f)).toMatchObject({ ok: true, draft: { target_hours: 4, achieved_hours: 3.5 } });
  });

  it('refuses hours that are not numbers, under their field', () => {
    const f = drillFields(null, 3, '2026-12-01');
    f.achieved_hours = 'six';
    expect(drillDraft(f)).toEqual({ ok: false, errors: { 'drill.achieved_hours': ['Enter a number of hours, or leave it empty.'] } });
  });
});

describe('evidenceForm', () => {
  it('shows Rust’s refusal under the field it names, and clears it once edited', async () => {
    mockCommands({
      add_drill: () => {
        throw {
          kind: 'validation',
          message: 'A drill cannot be dated in the future.',
          fields: [{ field: 'drill.date', message: 'A drill cannot be dated in the future.' }],
        };
      },
    });
    const form = evidenceForm(drillFields(null, 3, '2026-12-01'), drillDraft, (draft) => call('add_drill', { draft }));
    expect(await form.save()).toBeNull();
    expect(form.errors).toEqual({ 'drill.date': ['A drill cannot be dated in the future.'] });
    form.clear('drill.date');
    expect(form.errors).toEqual({});
  });

  it('returns what was saved', async () => {
    const calls = mockCommands({ add_drill: ({ draft }) => ({ id: 9, ...draft }) });
    const form = evidenceForm(drillFields(null, 3, '2026-12-01', 'Adyen'), drillDraft, (draft) => call('add_drill', { draft }));
    expect(await form.save()).toMatchObject({ id: 9, alternative: 'Adyen' });
    expect(calls[0][0]).toBe('add_drill');
  });
});
