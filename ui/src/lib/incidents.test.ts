import { describe, expect, it } from 'vitest';
import type { IncidentRow } from './bindings/IncidentRow';
import {
  NO_INCIDENT_FILTERS,
  describeSwitchTime,
  filterIncidents,
  formatMinutes,
  formatOffset,
  joinTime,
  nextIncidentSort,
  recoveryGeometry,
  servicesOf,
  sortIncidents,
  splitTime,
  type IncidentFilters,
} from './incidents';

function incidentRow(id: number, started: string, recover: number | null, over: Partial<IncidentRow['incident']> = {}): IncidentRow {
  return {
    incident: {
      id,
      provider_id: 1,
      mode_id: 1,
      started,
      detected: null,
      resolved: recover === null ? null : started,
      services: ['Checkout'],
      customer_facing: true,
      sla_breached: false,
      cost: null,
      summary: `Incident ${id}`,
      postmortem_url: '',
      follow_ups: '',
      ...over,
    },
    provider_name: over.provider_id === 2 ? 'AWS' : 'Stripe',
    mode_name: over.mode_id === 2 ? 'Degradation' : 'Outage',
    time_to_identify: null,
    time_to_recover: recover,
  };
}

const ids = (rows: IncidentRow[]) => rows.map((r) => r.incident.id);
const filters = (f: Partial<IncidentFilters>): IncidentFilters => ({ ...NO_INCIDENT_FILTERS, ...f });

describe('times with their offset', () => {
  it('splits a time into date, clock and offset, keeping the offset recorded', () => {
    expect(splitTime('2026-05-04T09:00:00+02:00', '+00:00')).toEqual({ date: '2026-05-04', time: '09:00', offset: '+02:00' });
    expect(splitTime('2026-05-04T09:00:00Z', '+01:00')).toEqual({ date: '2026-05-04', time: '09:00', offset: '+00:00' });
    expect(splitTime(null, '-05:00')).toEqual({ date: '', time: '', offset: '-05:00' });
  });

  it('joins them back, or names what is wrong', () => {
    expect(joinTime({ date: '2026-05-04', time: '09:05', offset: '-04:00' })).toEqual({ ok: true, value: '2026-05-04T09:05:00-04:00' });
    expect(joinTime({ date: '', time: '', offset: '+01:00' })).toEqual({ ok: true, value: null });
    expect(joinTime({ date: '2026-02-30', time: '09:00', offset: '+01:00' })).toMatchObject({ ok: false, message: /date/ });
    expect(joinTime({ date: '2026-02-03', time: '9am', offset: '+01:00' })).toMatchObject({ ok: false, message: /time/ });
    expect(joinTime({ date: '2026-02-03', time: '09:00', offset: 'CET' })).toMatchObject({ ok: false, message: /offset/ });
  });

  it('writes offsets east and west of Greenwich', () => {
    expect(formatOffset(60)).toBe('+01:00');
    expect(formatOffset(-330)).toBe('-05:30');
    expect(formatOffset(0)).toBe('+00:00');
  });
});

describe('durations and switch times', () => {
  it('reads minutes as people say them', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(200)).toBe('3 h 20 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(52 * 60)).toBe('2 d 4 h');
    expect(formatMinutes(null)).toBe('—');
  });

  it('says whether the switch time was measured or estimated', () => {
    expect(describeSwitchTime({ source: 'measured', hours: 4.5, on: '2026-03-03' })).toEqual({
      hours: 4.5,
      source: 'measured in the drill of 3 Mar 2026',
    });
    expect(describeSwitchTime({ source: 'estimated', hours: 6 })).toEqual({ hours: 6, source: 'estimate' });
    expect(describeSwitchTime({ source: 'unknown' })).toBeNull();
  });
});

describe('the Incidents table', () => {
  const rows = [
    incidentRow(1, '2025-03-01T10:00:00Z', 240),
    incidentRow(2, '2026-06-01T10:00:00+02:00', 60, { provider_id: 2, services: ['Reporting', 'checkout'] }),
    incidentRow(3, '2026-01-10T10:00:00Z', null, { mode_id: 2, services: [] }),
    incidentRow(4, '2024-12-24T23:30:00-05:00', 600),
  ];

  it('filters by provider, failure mode and service (any case)', () => {
    expect(ids(filterIncidents(rows, filters({ providerId: 2 })))).toEqual([2]);
    expect(ids(filterIncidents(rows, filters({ modeId: 2 })))).toEqual([3]);
    expect(ids(filterIncidents(rows, filters({ service: 'Checkout' })))).toEqual([1, 2, 4]);
    expect(ids(filterIncidents(rows, filters({ service: 'reporting' })))).toEqual([2]);
  });

  it('filters by the day each incident started where it happened, both ends included', () => {
    expect(ids(filterIncidents(rows, filters({ from: '2025-03-01', to: '2026-01-10' })))).toEqual([1, 3]);
    // 23:30 in New York on Christmas Eve is the 24th there, though the 25th in UTC.
    expect(ids(filterIncidents(rows, filters({ to: '2024-12-24' })))).toEqual([4]);
    // A half-typed date narrows nothing yet.
    expect(ids(filterIncidents(rows, filters({ from: '2026-0' })))).toEqual([1, 2, 3, 4]);
  });

  it('sorts by start, newest first, and by time to recover with ongoing incidents last', () => {
    expect(ids(sortIncidents(rows, { key: 'started', descending: true }))).toEqual([2, 3, 1, 4]);
    expect(ids(sortIncidents(rows, { key: 'started', descending: false }))).toEqual([4, 1, 3, 2]);
    expect(ids(sortIncidents(rows, { key: 'recover', descending: true }))).toEqual([4, 1, 2, 3]);
    expect(ids(sortIncidents(rows, { key: 'recover', descending: false }))).toEqual([2, 1, 4, 3]);
  });

  it('flips the order on a second click and starts a new key longest first', () => {
    const first = nextIncidentSort({ key: 'started', descending: true }, 'recover');
    expect(first).toEqual({ key: 'recover', descending: true });
    expect(nextIncidentSort(first, 'recover')).toEqual({ key: 'recover', descending: false });
  });

  it('lists every service once', () => {
    expect(servicesOf(rows)).toEqual(['Checkout', 'Reporting']);
  });
});

describe('recoveryGeometry', () => {
  it('puts time to scale along the bottom and a round number of hours at the top', () => {
    const g = recoveryGeometry([
      { incident_id: 1, started: '2025-01-01T00:00:00Z', minutes: 240 },
      { incident_id: 2, started: '2026-01-01T00:00:00Z', minutes: 60 },
    ]);
    expect(g.points[0].x).toBe(g.plot.x);
    expect(g.points[1].x).toBe(g.plot.x + g.plot.width);
    expect(g.points[0].y).toBe(g.plot.y);
    expect(g.yTicks.map((t) => t.label)).toEqual(['0 min', '2 h', '4 h']);
    expect(g.path.startsWith('M')).toBe(true);
  });
});
