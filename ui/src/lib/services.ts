// The service form's fields as typed and the draft a save sends. Money and hours are kept as text
// so a half-typed figure is never rewritten; the degraded share is typed in percent, as people
// say it, and sent as a share. Rust validates the rest and names the field it refuses.
import type { Service } from './bindings/Service';
import type { ServiceDraft } from './bindings/ServiceDraft';
import type { Checked } from './evidenceForms.svelte';
import { parseOptionalNumber } from './draft';

export interface ServiceFields {
  name: string;
  owner: string;
  description: string;
  downtime_cost_per_hour: string;
  degraded_percent: string;
  rto_hours: string;
  retired: boolean;
}

const text = (n: number | null) => (n === null ? '' : String(n));

/** The fields of a stored service, or of `blank` (Rust's new-service draft). */
export function serviceFields(service: Service | ServiceDraft): ServiceFields {
  return {
    name: service.name,
    owner: service.owner,
    description: service.description,
    downtime_cost_per_hour: text(service.downtime_cost_per_hour),
    // Rounded so 0.35 reads "35", not "35.00000000000001".
    degraded_percent: String(Math.round(service.degraded_share * 1000) / 10),
    rto_hours: text(service.rto_hours),
    retired: service.retired,
  };
}

export function serviceDraft(f: ServiceFields): Checked<ServiceDraft> {
  const errors: Record<string, string[]> = {};
  const cost = parseOptionalNumber(f.downtime_cost_per_hour);
  if (!cost.ok) errors['service.downtime_cost_per_hour'] = ['Enter an amount per hour, or leave it empty.'];
  const percent = parseOptionalNumber(f.degraded_percent.replace('%', ''));
  if (!percent.ok || percent.value === null) errors['service.degraded_share'] = ['Enter a percentage of the cost of downtime, 0 to 100.'];
  const rto = parseOptionalNumber(f.rto_hours);
  if (!rto.ok) errors['service.rto_hours'] = ['Enter hours, or leave it empty.'];
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      name: f.name.trim(),
      owner: f.owner.trim(),
      description: f.description,
      downtime_cost_per_hour: cost.value,
      degraded_share: percent.value! / 100,
      rto_hours: rto.value,
      retired: f.retired,
    },
  };
}
