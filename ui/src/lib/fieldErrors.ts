// Validation errors from Rust, keyed by field path (`profile.name`, `risk.scenarios.2.likelihood`),
// so each input can show its own message and the summary can say where to look.
import type { FieldError } from './bindings/FieldError';
import type { ProviderDraft } from './bindings/ProviderDraft';

export type FieldErrors = Record<string, string[]>;

export function errorsByField(errors: FieldError[]): FieldErrors {
  const byField: FieldErrors = {};
  for (const { field, message } of errors) (byField[field] ??= []).push(message);
  return byField;
}

const FIELD_NAMES: Record<string, string> = {
  'profile.name': 'Name',
  'profile.category': 'Category',
  'profile.value_provided': 'Value provided',
  'profile.owner': 'Owner',
  'profile.tier': 'Tier',
  'profile.status': 'Status',
  'profile.annual_spend': 'Annual spend',
  'profile.currency': 'Currency',
  'profile.renewal_date': 'Renewal date',
  'profile.notice_period_days': 'Notice period',
  'profile.data_held': 'Data held',
  'profile.website': 'Website',
  'profile.status_page': 'Status page',
  'profile.notes': 'Notes',
  'profile.fourth_party': 'Fourth party',
  'risk.lock_in.level': 'Lock-in level',
  'risk.lock_in.reasons': 'What locks us in',
  'risk.replacement.effort': 'Replacement effort',
  'risk.replacement.person_weeks': 'Person-weeks',
  'risk.replacement.emergency_switch_hours': 'Emergency switch',
  'risk.exit.strategy': 'Exit strategy',
  'risk.exit.plan': 'Exit plan',
  'risk.exit.last_rehearsed': 'Last rehearsed',
};

const SCENARIO_PARTS: Record<string, string> = { mode: 'name', likelihood: 'likelihood', impact: 'impact', note: 'note' };

/** Where a field is, in the words of the form: "Risk profile, Outage: likelihood". */
export function describeField(path: string, draft?: ProviderDraft): string {
  if (FIELD_NAMES[path]) return FIELD_NAMES[path];
  const scenario = /^risk\.scenarios\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (scenario) {
    const index = Number(scenario[1]);
    const mode = draft?.risk.scenarios[index]?.mode.trim();
    const row = mode ? mode : `row ${index + 1}`;
    const part = scenario[2] ? `: ${SCENARIO_PARTS[scenario[2]] ?? scenario[2]}` : '';
    return `Risk profile, ${row}${part}`;
  }
  const alternative = /^risk\.alternatives\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (alternative) {
    const part = alternative[2] ? `: ${alternative[2]}` : '';
    return `Alternative ${Number(alternative[1]) + 1}${part}`;
  }
  return path;
}

/**
 * After a row of a list is removed, errors of later rows move up one index and the removed row's
 * errors go, so every message stays under the row it is about.
 */
export function shiftAfterRemoval(errors: FieldErrors, listPath: string, removed: number): FieldErrors {
  const pattern = new RegExp(`^${listPath.replace(/\./g, '\\.')}\\.(\\d+)(\\..*)?$`);
  const shifted: FieldErrors = {};
  for (const [field, messages] of Object.entries(errors)) {
    const match = pattern.exec(field);
    if (!match) {
      shifted[field] = messages;
      continue;
    }
    const index = Number(match[1]);
    if (index === removed) continue;
    const at = index > removed ? index - 1 : index;
    shifted[`${listPath}.${at}${match[2] ?? ''}`] = messages;
  }
  return shifted;
}
