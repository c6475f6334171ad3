// Blast radii and a concentration for the dependency views' tests and benchmark: a small one a
// person can check by hand, and a generated one the size the issue asks to stay readable.
import type { BlastRadius } from '$lib/bindings/BlastRadius';
import type { Concentration } from '$lib/bindings/Concentration';
import type { Effect } from '$lib/bindings/Effect';
import type { PathStep } from '$lib/bindings/PathStep';
import type { ReachedProvider } from '$lib/bindings/ReachedProvider';
import type { ReachedService } from '$lib/bindings/ReachedService';

const step = (provider_id: number, name: string): PathStep => ({ provider_id, name });
const AWS = step(1, 'AWS us-east-1');
const POSTMARK = step(2, 'Postmark');
const AUTH0 = step(3, 'Auth0');
const HEROKU = step(4, 'Heroku');
const INTERCOM = step(5, 'Intercom');

/**
 * AWS us-east-1's outage: Checkout and Reporting directly, Login through Auth0, Password reset
 * email through Postmark (whose live alternative is SendGrid), Messenger through Heroku (a fourth
 * party) and Intercom. Receipts email and Checkout's guest path have off switches.
 * USD 12,500 + 8,000 + 1,500 + 500 = 22,500 an hour; Reporting has no cost yet.
 */
export function awsOutage(overrides: Partial<BlastRadius> = {}): BlastRadius {
  const provider = (s: PathStep, via: PathStep[], fourth_party = false): ReachedProvider => ({ ...s, fourth_party, via: [...via, s] });
  const service = (service_id: number, name: string, effect: Effect, cost_per_hour: number | null, via: PathStep[]): ReachedService => ({
    service_id,
    name,
    effect,
    cost_per_hour,
    paths: [{ via, effect, shortened_by: null }],
    shortened: false,
  });
  const reset = service(4, 'Password reset email', 'down', 500, [AWS, POSTMARK]);
  reset.paths[0].shortened_by = { provider_id: 2, provider: 'Postmark', alternative: 'SendGrid', switch_hours: 2 };
  reset.shortened = true;
  return {
    provider_id: 1,
    name: 'AWS us-east-1',
    failure: 'outage',
    providers: [provider(POSTMARK, [AWS]), provider(AUTH0, [AWS]), provider(HEROKU, [AWS], true), provider(INTERCOM, [AWS, HEROKU])],
    services: [
      service(1, 'Checkout', 'down', 12500, [AWS]),
      service(2, 'Login', 'down', 8000, [AWS, AUTH0]),
      service(3, 'Messenger', 'degraded', 1500, [AWS, HEROKU, INTERCOM]),
      reset,
      service(5, 'Reporting', 'down', null, [AWS]),
    ],
    cut: [
      { service_id: 6, service: 'Receipts email', via: [AWS, POSTMARK] },
      { service_id: 1, service: 'Checkout', via: [AWS, AUTH0] },
    ],
    cost_per_hour: 22500,
    services_without_cost: ['Reporting'],
    ...overrides,
  };
}

/** A radius that reaches nothing of ours. */
export function emptyRadius(name: string, failure: BlastRadius['failure']): BlastRadius {
  return { provider_id: 9, name, failure, providers: [], services: [], cut: [], cost_per_hour: 0, services_without_cost: [] };
}

/**
 * Provider 0's outage reaching `providers - 1` providers (the first 20 run on it, each later one
 * on an earlier one) and `services` services, each through one to three of them; some paths
 * shortened by a live alternative, some cut by an off switch, and a few services only cut.
 */
export function largeRadius(providers = 200, services = 50): BlastRadius {
  const names = Array.from({ length: providers }, (_, i) => step(i, `Provider ${String(i).padStart(3, '0')}`));
  const via: PathStep[][] = [[names[0]]];
  const reached: ReachedProvider[] = [];
  for (let i = 1; i < providers; i++) {
    const parent = i <= 20 ? 0 : 1 + ((i * 7919) % (i - 1));
    via[i] = [...via[parent], names[i]];
    reached.push({ ...names[i], fourth_party: i % 9 === 0, via: via[i] });
  }
  const pick = (j: number, m: number) => (j * 37 + m * 53 + 1) % providers;
  const list: ReachedService[] = Array.from({ length: services }, (_, j) => {
    const paths = Array.from({ length: 1 + (j % 3) }, (_, m) => ({
      via: via[pick(j, m)],
      effect: ((j + m) % 3 === 0 ? 'degraded' : 'down') as Effect,
      shortened_by:
        (j + m) % 4 === 0 ? { provider_id: pick(j, m), provider: `Provider ${pick(j, m)}`, alternative: 'Backup', switch_hours: 1 } : null,
    }));
    const effect: Effect = paths.some((p) => p.effect === 'down') ? 'down' : 'degraded';
    const cost = j % 7 === 0 ? null : 1000 * (j + 1);
    return { service_id: j, name: `Service ${j}`, effect, cost_per_hour: cost, paths, shortened: paths.every((p) => p.shortened_by) };
  });
  const cut = Array.from({ length: Math.ceil(services / 5) }, (_, k) => ({
    // Every other cut reaches a service of the list; the rest reach services nothing else does.
    service_id: k % 2 === 0 ? k * 5 : services + k,
    service: k % 2 === 0 ? `Service ${k * 5}` : `Cut-only service ${k}`,
    via: via[(k * 11 + 3) % providers],
  }));
  return {
    provider_id: 0,
    name: names[0].name,
    failure: 'outage',
    providers: reached,
    services: list,
    cut,
    cost_per_hour: list.reduce((sum, s) => sum + (s.cost_per_hour ?? 0), 0),
    services_without_cost: list.filter((s) => s.cost_per_hour === null).map((s) => s.name),
  };
}

/** The demo's concentration: AWS us-east-1 under four providers, spend moderately concentrated. */
export function concentration(overrides: Partial<Concentration> = {}): Concentration {
  return {
    currency: 'USD',
    top: [
      {
        provider_id: 1,
        name: 'AWS us-east-1',
        fourth_party: true,
        outage_cost_per_hour: 41000,
        degradation_cost_per_hour: 20500,
        services: 3,
        providers: 4,
      },
      {
        provider_id: 7,
        name: 'Stripe',
        fourth_party: false,
        outage_cost_per_hour: 12500,
        degradation_cost_per_hour: 6250,
        services: 1,
        providers: 0,
      },
    ],
    shared: [
      {
        provider_id: 1,
        name: 'AWS us-east-1',
        fourth_party: true,
        providers: [step(2, 'Postmark'), step(3, 'Auth0'), step(4, 'Heroku'), step(5, 'Intercom')],
        services: 3,
        cost_per_hour: 41000,
      },
    ],
    single_points: [{ service_id: 1, service: 'Checkout', provider_id: 7, provider: 'Stripe', cost_per_hour: 12500 }],
    spend: {
      currency: 'USD',
      total: 200000,
      shares: [
        { provider_id: 7, name: 'Stripe', spend: 80000, share: 0.4 },
        { provider_id: 2, name: 'Postmark', spend: 60000, share: 0.3 },
        { provider_id: 3, name: 'Auth0', spend: 60000, share: 0.3 },
      ],
      hhi: 3400,
      other_currency: ['Mollie'],
    },
    findings: [
      '4 providers and 3 services, USD 41,000 an hour, depend on AWS us-east-1, a fourth party we hold no contract with.',
      'An outage at AWS us-east-1 takes 3 services down or degraded: USD 41,000 an hour.',
      'Checkout goes down with Stripe alone (USD 12,500 an hour): there is no live alternative.',
      'Spend is highly concentrated (HHI 3400); Stripe takes 40 % of it.',
    ],
    ...overrides,
  };
}
