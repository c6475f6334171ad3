// The incident and drill forms' state: what the fields hold as typed, the checks the UI can make
// before Rust sees it (a date that is not a date), and the draft a save sends. Rust validates the
// rest and names the field it refuses; both kinds of message show under their field.
import type { DrillDraft } from './bindings/DrillDraft';
import type { Drill } from './bindings/Drill';
import type { Incident } from './bindings/Incident';
import type { IncidentDraft } from './bindings/IncidentDraft';
import { errorsByField, type FieldErrors } from './fieldErrors';
import { toCommandError } from './ipc';
import { parseOptionalNumber } from './draft';
import { parseIsoDate } from './dates';
import { joinTime, machineOffset, splitTime, type LocalTime } from './incidents';

export interface IncidentFields {
  provider_id: number | null;
  mode_id: number | null;
  started: LocalTime;
  detected: LocalTime;
  resolved: LocalTime;
  services: string[];
  customer_facing: boolean;
  sla_breached: boolean;
  cost: string;
  summary: string;
  postmortem_url: string;
  follow_ups: string;
}

/** The fields of an existing incident, or of a new one started today at the machine's offset. */
export function incidentFields(
  incident: Incident | null,
  defaults: { providerId: number | null; modeId: number | null; offset?: string },
): IncidentFields {
  const offset = defaults.offset ?? machineOffset();
  if (!incident) {
    return {
      provider_id: defaults.providerId,
      mode_id: defaults.modeId,
      started: { date: '', time: '', offset },
      detected: { date: '', time: '', offset },
      resolved: { date: '', time: '', offset },
      services: [],
      customer_facing: false,
      sla_breached: false,
      cost: '',
      summary: '',
      postmortem_url: '',
      follow_ups: '',
    };
  }
  return {
    provider_id: incident.provider_id,
    mode_id: incident.mode_id,
    started: splitTime(incident.started, offset),
    // A later time usually shares the start's offset; the user can change it.
    detected: splitTime(incident.detected, splitTime(incident.started, offset).offset),
    resolved: splitTime(incident.resolved, splitTime(incident.started, offset).offset),
    services: [...incident.services],
    customer_facing: incident.customer_facing,
    sla_breached: incident.sla_breached,
    cost: incident.cost === null ? '' : String(incident.cost),
    summary: incident.summary,
    postmortem_url: incident.postmortem_url,
    follow_ups: incident.follow_ups,
  };
}

export type Checked<T> = { ok: true; draft: T } | { ok: false; errors: FieldErrors };

/** The draft a save sends, or the fields the UI already knows are unreadable. */
export function incidentDraft(f: IncidentFields): Checked<IncidentDraft> {
  const errors: FieldErrors = {};
  if (f.provider_id === null) errors['incident.provider_id'] = ['Choose the provider.'];
  if (f.mode_id === null) errors['incident.mode_id'] = ['Choose a failure mode from the catalogue.'];
  const started = joinTime(f.started);
  if (!started.ok) errors['incident.started'] = [started.message];
  else if (started.value === null) errors['incident.started'] = ['Enter when the incident started.'];
  const detected = joinTime(f.detected);
  if (!detected.ok) errors['incident.detected'] = [detected.message];
  const resolved = joinTime(f.resolved);
  if (!resolved.ok) errors['incident.resolved'] = [resolved.message];
  const cost = parseOptionalNumber(f.cost);
  if (!cost.ok) errors['incident.cost'] = ['Enter an amount, or leave it empty.'];
  if (Object.keys(errors).length > 0 || !started.ok || !detected.ok || !resolved.ok || started.value === null) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      provider_id: f.provider_id!,
      mode_id: f.mode_id!,
      started: started.value,
      detected: detected.value,
      resolved: resolved.value,
      // Blank lines are the form's spare rows, not services.
      services: f.services.map((s) => s.trim()).filter((s) => s !== ''),
      customer_facing: f.customer_facing,
      sla_breached: f.sla_breached,
      cost: cost.value,
      summary: f.summary,
      postmortem_url: f.postmortem_url.trim(),
      follow_ups: f.follow_ups,
    },
  };
}

export interface DrillFields {
  provider_id: number;
  date: string;
  kind: DrillDraft['kind'];
  scenario: DrillDraft['scenario'];
  alternative: string;
  target_hours: string;
  achieved_hours: string;
  result: DrillDraft['result'];
  findings: string;
  follow_ups: string;
}

export function drillFields(drill: Drill | null, providerId: number, today: string, alternative = ''): DrillFields {
  if (!drill) {
    return {
      provider_id: providerId,
      date: today,
      kind: 'full_switch',
      scenario: 'persistent_outage',
      alternative,
      target_hours: '',
      achieved_hours: '',
      result: 'met',
      findings: '',
      follow_ups: '',
    };
  }
  const hours = (h: number | null) => (h === null ? '' : String(h));
  return {
    provider_id: drill.provider_id,
    date: drill.date,
    kind: drill.kind,
    scenario: drill.scenario,
    alternative: drill.alternative,
    target_hours: hours(drill.target_hours),
    achieved_hours: hours(drill.achieved_hours),
    result: drill.result,
    findings: drill.findings,
    follow_ups: drill.follow_ups,
  };
}

export function drillDraft(f: DrillFields): Checked<DrillDraft> {
  const errors: FieldErrors = {};
  if (!parseIsoDate(f.date)) errors['drill.date'] = ['Enter the date as YYYY-MM-DD.'];
  const target = parseOptionalNumber(f.target_hours);
  if (!target.ok) errors['drill.target_hours'] = ['Enter a number of hours, or leave it empty.'];
  const achieved = parseOptionalNumber(f.achieved_hours);
  if (!achieved.ok) errors['drill.achieved_hours'] = ['Enter a number of hours, or leave it empty.'];
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      provider_id: f.provider_id,
      date: f.date.trim(),
      kind: f.kind,
      scenario: f.scenario,
      alternative: f.alternative.trim(),
      target_hours: target.value,
      achieved_hours: achieved.value,
      result: f.result,
      findings: f.findings,
      follow_ups: f.follow_ups,
    },
  };
}

/**
 * A form's live state: the fields, the errors shown under them (the UI's own checks, then Rust's),
 * and a save that sends the draft. `send` is the command call; it rejects with a CommandError.
 */
export function evidenceForm<F, D, R>(
  initial: F,
  check: (fields: F) => Checked<D>,
  send: (draft: D) => Promise<R>,
): {
  fields: F;
  errors: FieldErrors;
  readonly busy: boolean;
  formError: string | null;
  save: () => Promise<R | null>;
  clear: (field: string) => void;
} {
  const state = $state({ fields: initial, errors: {} as FieldErrors, busy: false, formError: null as string | null });
  return {
    get fields() {
      return state.fields;
    },
    set fields(next: F) {
      state.fields = next;
    },
    get errors() {
      return state.errors;
    },
    set errors(next: FieldErrors) {
      state.errors = next;
    },
    get busy() {
      return state.busy;
    },
    get formError() {
      return state.formError;
    },
    set formError(next: string | null) {
      state.formError = next;
    },
    /** Once a refused field is edited, its message has served its purpose. */
    clear(field: string) {
      if (!state.errors[field]) return;
      const rest = { ...state.errors };
      delete rest[field];
      state.errors = rest;
    },
    async save() {
      if (state.busy) return null;
      const checked = check($state.snapshot(state.fields) as F);
      if (!checked.ok) {
        state.errors = checked.errors;
        return null;
      }
      state.busy = true;
      state.formError = null;
      try {
        const saved = await send(checked.draft);
        state.errors = {};
        return saved;
      } catch (e) {
        const error = toCommandError(e);
        if (error.kind === 'validation' && error.fields.length) state.errors = errorsByField(error.fields);
        else state.formError = error.message;
        return null;
      } finally {
        state.busy = false;
      }
    },
  };
}
