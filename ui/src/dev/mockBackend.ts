// A fake Rust back end for looking at the UI in a plain browser (`npm run dev`, then open
// /?mock, /?mock=first, /?mock=empty or /?mock=1000) and for component tests. Dev-only: the
// production bundle never imports it. Its scoring copies the Rust rules only so the screens
// show plausible figures; the app itself always scores in Rust.
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import type { InvokeArgs } from '@tauri-apps/api/core';
import type { Provider } from '$lib/bindings/Provider';
import type { ProviderDraft } from '$lib/bindings/ProviderDraft';
import type { RiskProfile } from '$lib/bindings/RiskProfile';
import type { Scores } from '$lib/bindings/Scores';
import type { TrendPoint } from '$lib/bindings/TrendPoint';
import type { RegisterRow } from '$lib/bindings/RegisterRow';
import type { FailureMode } from '$lib/bindings/FailureMode';
import type { Category } from '$lib/bindings/Category';
import type { Readiness } from '$lib/bindings/Readiness';
import type { ExitStrategy } from '$lib/bindings/ExitStrategy';
import type { DueState } from '$lib/bindings/DueState';
import type { FieldError } from '$lib/bindings/FieldError';
import type { ColumnReading } from '$lib/bindings/ColumnReading';
import type { ImportOptions } from '$lib/bindings/ImportOptions';
import type { ImportPreview } from '$lib/bindings/ImportPreview';
import type { BlastRadius } from '$lib/bindings/BlastRadius';
import type { Failure } from '$lib/bindings/Failure';
import type { LossKind } from '$lib/bindings/LossKind';
import type { MoneyDerived } from '$lib/bindings/MoneyDerived';
import type { MoneyInput } from '$lib/bindings/MoneyInput';
import type { MoneyInputField } from '$lib/bindings/MoneyInputField';
import type { MoneyInputOverride } from '$lib/bindings/MoneyInputOverride';
import type { MoneyRange } from '$lib/bindings/MoneyRange';
import type { MoneyResolution } from '$lib/bindings/MoneyResolution';
import type { ProviderMoney } from '$lib/bindings/ProviderMoney';
import type { Scenario } from '$lib/bindings/Scenario';
import type { CommandHandlers, CommandName } from '$lib/ipc';
import { levelOrNone } from '$lib/levels';
import { scenarioScore } from '$lib/draft';
import { READINESS, rankOf } from '$lib/labels';
import { addDays, dayNumber } from '$lib/dates';

export const MOCK_TODAY = '2026-11-22';

const CATALOGUE: FailureMode[] = [
  ['Outage', 'The provider is down.'],
  ['Degradation', 'The provider is slow or partly failing.'],
  ['Price increase', 'A price hike or forced plan change.'],
  ['Provider failure', 'Goes out of business, is acquired, or sunsets the product.'],
  ['Privacy or compliance failure', 'Breach at the provider, lost certification, data-law problem.'],
  ['Account suspension', 'The account is disabled or restricted without notice.'],
  ['Unilateral change', 'Breaking API change, forced migration, maintenance at bad hours.'],
].map(([name, description], i) => ({ id: i + 1, name, description, retired: false }));

function round1(x: number) {
  return Math.round(x * 10) / 10;
}

export function mockScore(risk: RiskProfile): Scores {
  // Not assessed (null) until some failure mode has both a likelihood and an impact.
  const figures = risk.scenarios.map(scenarioScore);
  const scored = figures.filter((f): f is number => f !== null);
  const inherent = scored.length > 0 ? Math.max(...scored) : null;
  const drivers = risk.scenarios.filter((_, i) => inherent !== null && figures[i] === inherent).map((s) => s.mode);
  const escapeBefore = Math.round((risk.lock_in.level + risk.replacement.effort) / 2);
  const best = [...risk.alternatives].sort((a, b) => rankOf(READINESS, b.readiness) - rankOf(READINESS, a.readiness))[0];
  const reduction = best?.readiness === 'live' ? 2 : best?.readiness === 'contracted' ? 1 : 0;
  const escape = Math.max(1, escapeBefore - reduction);
  const exposure = inherent === null ? null : round1((inherent * escape) / 5);
  return {
    inherent,
    inherent_level: levelOrNone(inherent),
    drivers,
    lock_in: risk.lock_in.level,
    replacement_effort: risk.replacement.effort,
    escape_before_alternatives: escapeBefore,
    alternative_reduction: reduction,
    best_alternative: best?.name ?? null,
    best_readiness: best?.readiness ?? null,
    escape_difficulty: escape,
    exposure,
    exposure_level: levelOrNone(exposure),
  };
}

function explanation(s: Scores): string[] {
  const lines = [
    s.inherent === null
      ? 'Not assessed: no failure mode has been scored.'
      : `Inherent risk ${s.inherent} (${s.inherent_level}) is driven by ${s.drivers.join(', ')}.`,
    `Escape difficulty starts at ${s.escape_before_alternatives} = round(mean(lock-in ${s.lock_in}, replacement effort ${s.replacement_effort})).`,
  ];
  lines.push(
    s.alternative_reduction === 0
      ? 'No contracted or live alternative lowers it.'
      : `${s.best_alternative} (${s.best_readiness}) lowers it by ${s.alternative_reduction} step${s.alternative_reduction === 1 ? '' : 's'} to ${s.escape_difficulty}.`,
  );
  lines.push(
    s.exposure === null
      ? 'No exposure until a failure mode is scored.'
      : `Exposure ${s.exposure.toFixed(1)} (${s.exposure_level}) = ${s.inherent} × ${s.escape_difficulty} / 5.`,
  );
  return lines;
}

function blankDraft(): ProviderDraft {
  return {
    profile: {
      name: '',
      category: 'other',
      value_provided: '',
      owner: '',
      tier: 3,
      status: 'active',
      fourth_party: false,
      annual_spend: null,
      currency: 'USD',
      renewal_date: null,
      notice_period_days: null,
      data_held: 'none',
      website: '',
      status_page: '',
      notes: '',
    },
    risk: {
      scenarios: CATALOGUE.map((m) => ({ mode_id: m.id, mode: m.name, likelihood: null, impact: null, note: '' })),
      lock_in: { level: 1, reasons: '' },
      alternatives: [],
      replacement: { effort: 1, person_weeks: null, emergency_switch_hours: null },
      exit: { strategy: 'accept', plan: '', last_rehearsed: null },
    },
  };
}

interface Stored {
  provider: Provider;
  history: { taken_on: string; risk: RiskProfile }[];
}

type Seed = [string, Category, string, number, number[], number, number, Readiness | null, ExitStrategy, number];

// name, category, owner, tier, scenario likelihood/impact pairs, lock-in, effort, best alternative, exit, days since review
const DEMO: Seed[] = [
  ['Stripe', 'payments', 'Payments team', 1, [2, 5, 3, 3, 2, 3, 1, 5, 2, 4, 2, 5, 3, 3], 4, 4, 'evaluated', 'prepare_exit', 100],
  ['AWS', 'hosting', 'Platform', 1, [2, 5, 3, 4, 3, 2, 1, 5, 1, 4, 1, 5, 3, 3], 5, 5, 'identified', 'mitigate', 40],
  ['Postmark', 'email', 'Platform', 2, [2, 3, 2, 2, 2, 2, 2, 3, 1, 3, 2, 3, 2, 2], 2, 2, 'contracted', 'live_alternative', 200],
  ['Auth0', 'auth', 'Identity', 1, [2, 5, 2, 4, 4, 3, 2, 4, 2, 5, 1, 5, 3, 3], 4, 4, null, 'prepare_exit', 170],
  ['Datadog', 'monitoring', 'SRE', 2, [2, 3, 2, 2, 4, 3, 1, 3, 1, 2, 1, 3, 2, 2], 3, 3, 'evaluated', 'mitigate', 300],
  ['Cloudflare', 'cdn', 'Platform', 1, [2, 5, 2, 3, 2, 2, 1, 4, 1, 3, 1, 4, 2, 3], 3, 2, 'identified', 'mitigate', 80],
  ['Amplitude', 'analytics', 'Product', 4, [2, 1, 2, 1, 3, 1, 2, 2, 2, 3, 1, 1, 2, 1], 2, 2, 'identified', 'accept', 390],
  ['Zendesk', 'support', 'Customer support', 3, [2, 2, 2, 2, 3, 2, 2, 2, 2, 4, 1, 3, 2, 2], 3, 3, 'evaluated', 'accept', 20],
  ['Amazon S3', 'storage', 'Platform', 1, [1, 5, 2, 3, 2, 2, 1, 5, 1, 4, 1, 5, 2, 2], 4, 3, 'live', 'live_alternative', 60],
  ['Neon Postgres', 'database', 'Data', 1, [3, 5, 3, 4, 3, 2, 3, 5, 2, 4, 1, 5, 3, 3], 3, 4, 'contracted', 'prepare_exit', 95],
  ['Twilio SMS', 'other', 'Identity', 2, [2, 4, 3, 3, 4, 2, 2, 3, 2, 3, 2, 4, 3, 3], 2, 2, null, 'accept', 360],
  ['Ärger & Söhne GmbH — Übersetzungen', 'other', 'Product', 4, [1, 2, 1, 1, 2, 1, 2, 2, 1, 3, 1, 1, 1, 1], 1, 1, null, 'accept', 10],
  // Added, not scored yet: Not assessed.
  ['Linear', 'other', 'Product', 3, [], 2, 2, 'identified', 'accept', 5],
];

function seedProvider(id: number, seed: Seed, today: string): Stored {
  const [name, category, owner, tier, pairs, lockIn, effort, readiness, strategy, age] = seed;
  const draft = blankDraft();
  draft.profile = {
    ...draft.profile,
    name,
    category,
    owner,
    tier,
    value_provided: `${name} provides our ${category} capability.`,
    annual_spend: 1000 * (id * 7 + 3),
    renewal_date: addDays(today, ((id * 37) % 200) - 20),
    notice_period_days: 30 + (id % 3) * 30,
    data_held: category === 'payments' ? 'payment' : category === 'auth' ? 'personal' : 'internal',
    website: `https://${name.toLowerCase().replace(/[^a-z]/g, '')}.example`,
  };
  draft.risk.scenarios.forEach((s, i) => {
    s.likelihood = pairs[i * 2] ?? null;
    s.impact = pairs[i * 2 + 1] ?? null;
  });
  draft.risk.lock_in = { level: lockIn, reasons: 'Proprietary API and data gravity.' };
  draft.risk.replacement.effort = effort;
  draft.risk.replacement.person_weeks = effort * 3;
  if (readiness) draft.risk.alternatives.push({ name: `${name} alternative`, readiness });
  draft.risk.exit.strategy = strategy;
  const taken = addDays(today, -age);
  // Older snapshots were a little different, so trends have something to show.
  const history = [400, 250, 0].map((back, i) => {
    const risk = structuredClone(draft.risk);
    const outage = risk.scenarios[0];
    if (i < 2 && outage.likelihood !== null) outage.likelihood = Math.max(1, Math.min(5, outage.likelihood + ((id + i) % 3) - 1));
    return { taken_on: addDays(taken, -back), risk };
  });
  return {
    provider: { id, profile: draft.profile, risk: draft.risk, created_on: history[0].taken_on },
    history: id % 4 === 0 ? history.slice(2) : history,
  };
}

const CADENCE = { Critical: 90, High: 180, Medium: 365, Low: 365 } as const;

function trendOf(stored: Stored): TrendPoint[] {
  return stored.history.map((h) => {
    const s = mockScore(h.risk);
    return {
      taken_on: h.taken_on,
      inherent: s.inherent,
      exposure: s.exposure,
      level: s.inherent_level,
      review_id: null,
      expected_loss: null,
    };
  });
}

function rowOf(stored: Stored, today: string): RegisterRow {
  const { provider } = stored;
  const scores = mockScore(provider.risk);
  const trend = trendOf(stored);
  const last = trend[trend.length - 1]?.taken_on ?? provider.created_on;
  // A Not assessed provider is due from the day it was recorded, as in Rust.
  const next = addDays(last, scores.inherent_level === null ? 0 : CADENCE[scores.inherent_level]);
  const left = dayNumber(next) - dayNumber(today);
  const due: DueState = left < 0 ? 'Overdue' : left === 0 ? 'Due' : left <= 30 ? 'DueSoon' : 'Current';
  const exposures = trend.map((p) => p.exposure).filter((e): e is number => e !== null);
  const [prev, lastExposure] = exposures.slice(-2).length === 2 ? exposures.slice(-2) : [null, null];
  const driver = provider.risk.scenarios
    .flatMap((s) => (s.likelihood === null || s.impact === null ? [] : [{ likelihood: s.likelihood, impact: s.impact }]))
    .sort((a, b) => b.likelihood * b.impact - a.likelihood * a.impact || b.impact - a.impact)[0];
  return {
    id: provider.id,
    name: provider.profile.name,
    category: provider.profile.category,
    owner: provider.profile.owner,
    value_provided: provider.profile.value_provided,
    tier: provider.profile.tier,
    status: provider.profile.status,
    inherent: scores.inherent,
    inherent_level: scores.inherent_level,
    exposure: scores.exposure,
    exposure_level: scores.exposure_level,
    lock_in: scores.lock_in,
    best_readiness: scores.best_readiness,
    replacement_effort: scores.replacement_effort,
    exit_strategy: provider.risk.exit.strategy,
    direction: prev === null || lastExposure === null ? 'New' : lastExposure > prev ? 'Up' : lastExposure < prev ? 'Down' : 'Flat',
    heat: driver ?? null,
    explanation: explanation(scores),
    last_assessed: last,
    next_review: next,
    due,
    renewal_date: provider.profile.renewal_date,
    last_rehearsed: provider.risk.exit.last_rehearsed,
    drill_due: null,
    // The mock keeps no services, so nothing of ours depends on a provider.
    outage_cost_per_hour: 0,
  };
}

class ValidationFailure {
  kind = 'validation';
  message = 'Some fields need fixing.';
  constructor(public fields: FieldError[]) {}
}

/** What a providers column can be read as, in Rust's order: fields, then each failure mode's parts. */
const MOCK_READINGS: string[] = [
  ...['Provider', 'Category', 'Value provided', 'Owner', 'Tier', 'Status', 'Annual spend', 'Currency', 'Renewal date'],
  ...['Notice period (days)', 'Data held', 'Website', 'Status page', 'Notes', 'Added on', 'Lock-in', 'Lock-in reasons'],
  ...['Alternatives', 'Replacement effort', 'Replacement person-weeks', 'Emergency switch (hours)', 'Exit strategy'],
  ...['Exit plan', 'Exit plan last rehearsed'],
  ...CATALOGUE.flatMap((m) => ['likelihood', 'impact', 'rating', 'note'].map((part) => `${m.name} ${part}`)),
];

function mockColumn(column: number, header: string, reading: string | null, sample: string): ColumnReading {
  const source = reading ? 'recognised' : /exposure|inherent/i.test(header) ? 'computed' : 'not_recognised';
  return { column, letter: String.fromCharCode(64 + column), header, reading, source, sample };
}

/** A hand-kept spreadsheet with two bad cells: the preview shows them and refuses to import. */
export const MOCK_SPREADSHEET_PREVIEW: ImportPreview = {
  files: ['vendors.csv'],
  sheets: [],
  sheet: null,
  columns: [
    mockColumn(1, 'Vendor', 'Provider', 'Linear'),
    mockColumn(2, 'Category', 'Category', 'Developer tools'),
    mockColumn(3, 'Tier', 'Tier', '2'),
    mockColumn(4, 'Owner', 'Owner', 'Product engineering'),
    mockColumn(5, 'Outage', 'Outage rating', 'Medium'),
    mockColumn(6, 'Lock-in', 'Lock-in', '2'),
    mockColumn(7, 'Exposure', null, '4.5'),
    mockColumn(8, 'Alternatives', 'Alternatives', 'Jira (evaluated); GitHub Issues'),
    mockColumn(9, 'Account manager', null, 'Dana Whitfield'),
  ],
  readings: MOCK_READINGS,
  created: ['Linear', 'Sentry', 'Ärger & Söhne <b>Logistik</b>'],
  updated: [
    {
      name: 'Stripe',
      changes: [
        { field: 'Owner', from: '', to: 'Payments team' },
        { field: 'Exit strategy', from: 'Accept', to: 'Prepare exit' },
        {
          field: 'Exit plan',
          from: '',
          to: 'Keep the card vault export tested every quarter; Adyen contract ready to sign; the checkout can switch behind a flag within a day.',
        },
        { field: 'Outage likelihood', from: '2', to: '3' },
      ],
    },
  ],
  unchanged: ['Postmark', 'Zendesk'],
  snapshots: 4,
  incidents: 0,
  drills: 0,
  evidence_kept: 0,
  services: 0,
  links: 0,
  overrides_added: 0,
  overrides_changed: 0,
  overrides_unchanged: 0,
  rejected: [
    { file: 'vendors.csv', row: 4, column: 6, column_name: 'Lock-in', message: 'Lock-in must be between 1 and 5, not 7.' },
    { file: 'vendors.csv', row: 7, column: 3, column_name: 'Tier', message: 'Tier must be 1, 2 or 3, not "critical".' },
  ],
  warnings: [
    {
      file: 'vendors.csv',
      row: 1,
      column: 5,
      column_name: 'Outage',
      message:
        'Read as the Outage rating in words: Low, Medium, High and Critical are taken as likelihood × impact 2 × 2, 3 × 3, 4 × 4 and 5 × 5.',
    },
    { file: 'vendors.csv', row: 1, column: 9, column_name: 'Account manager', message: 'Column not recognised; it is ignored.' },
  ],
};

/** Lifeboat's own export of a slightly different register: clean, so it can be applied. */
export const MOCK_EXPORT_PREVIEW: ImportPreview = {
  files: ['providers.csv', 'scenarios.csv', 'history.csv'],
  sheets: [],
  sheet: null,
  columns: [mockColumn(1, 'Provider', 'Provider', 'Stripe'), mockColumn(2, 'Category', 'Category', 'Payments')],
  readings: MOCK_READINGS,
  created: ['Linear'],
  updated: [
    { name: 'Stripe', changes: [{ field: 'Tier', from: '2', to: '1' }] },
    { name: 'Datadog', changes: [{ field: 'Notes', from: 'Renewal in May.', to: '' }] },
  ],
  unchanged: ['AWS', 'Amazon S3', 'Auth0', 'Cloudflare', 'Amplitude', 'Postmark', 'Zendesk', 'Neon Postgres', 'Twilio SMS'],
  snapshots: 3,
  incidents: 2,
  drills: 1,
  evidence_kept: 0,
  services: 0,
  links: 0,
  overrides_added: 0,
  overrides_changed: 0,
  overrides_unchanged: 0,
  rejected: [],
  warnings: [],
};

/** `preview` read with the user's column choices, as Rust would show it (the counts stay as they are). */
function withChoices(preview: ImportPreview, options: ImportOptions): ImportPreview {
  const columns = preview.columns.map((c) => {
    const chosen = options.columns.find((o) => o.column === c.header || o.column === c.letter);
    return chosen ? { ...c, reading: chosen.reading || null, source: 'chosen' as const } : c;
  });
  return { ...preview, columns };
}

const previewOf = (path: string) => (path === '/home/cto/Downloads/vendors.csv' ? MOCK_SPREADSHEET_PREVIEW : MOCK_EXPORT_PREVIEW);

export interface MockOptions {
  /** 'demo' (default), 'first' (first launch, empty), 'empty', or a number of generated providers. */
  register?: string;
  today?: string;
}

/** The command handler, usable with mockIPC in tests. */
export function createMockBackend(options: MockOptions = {}) {
  const today = options.today ?? MOCK_TODAY;
  const providers = new Map<number, Stored>();
  let nextId = 1;
  let demoAnswered = options.register !== 'first';
  const calls: { cmd: CommandName; args: InvokeArgs | undefined }[] = [];

  function loadDemo(count = DEMO.length) {
    for (let i = 0; i < count; i++) {
      const seed = [...DEMO[i % DEMO.length]] as Seed;
      if (i >= DEMO.length) seed[0] = `${seed[0]} ${Math.floor(i / DEMO.length) + 1}`;
      seed[9] = (seed[9] * (i + 1)) % 420;
      const id = nextId++;
      providers.set(id, seedProvider(id, seed, today));
    }
  }

  const register = options.register ?? 'demo';
  if (register === 'demo' || register === '') loadDemo();
  else if (/^\d+$/.test(register)) loadDemo(Number(register));

  function validate(draft: ProviderDraft, id: number | null) {
    const fields: FieldError[] = [];
    const name = draft.profile.name.trim();
    if (!name) fields.push({ field: 'profile.name', message: 'Name is required.' });
    else if ([...providers.values()].some((s) => s.provider.id !== id && s.provider.profile.name.toLowerCase() === name.toLowerCase()))
      fields.push({ field: 'profile.name', message: `A provider named "${name}" already exists.` });
    draft.risk.scenarios.forEach((s, i) => {
      if (!s.mode.trim()) fields.push({ field: `risk.scenarios.${i}.mode`, message: 'Failure mode needs a name.' });
      // Half a score is refused at the missing half, as Rust's validation does.
      if (s.likelihood !== null && s.impact === null)
        fields.push({ field: `risk.scenarios.${i}.impact`, message: 'Impact is needed once a likelihood is set (or clear both).' });
      if (s.likelihood === null && s.impact !== null)
        fields.push({ field: `risk.scenarios.${i}.likelihood`, message: 'Likelihood is needed once an impact is set (or clear both).' });
    });
    draft.risk.alternatives.forEach((a, i) => {
      if (!a.name.trim()) fields.push({ field: `risk.alternatives.${i}.name`, message: 'Alternative needs a name.' });
    });
    if (fields.length) throw new ValidationFailure(fields);
  }

  function detail(id: number) {
    const stored = providers.get(id);
    if (!stored) throw { kind: 'not_found', message: 'That provider no longer exists.', fields: [] };
    return { provider: stored.provider, scores: mockScore(stored.provider.risk), trend: trendOf(stored), row: rowOf(stored, today) };
  }

  function record(stored: Stored, risk: RiskProfile) {
    const last = stored.history[stored.history.length - 1];
    if (last?.taken_on === today) last.risk = risk;
    else stored.history.push({ taken_on: today, risk });
  }

  const handlers: CommandHandlers = {
    get_register_info: () => ({
      path: '/home/cto/.local/share/lifeboat/register.lifeboat',
      file_name: 'register.lifeboat',
      first_launch: !demoAnswered && providers.size === 0,
      provider_count: providers.size,
      today,
      organisation: 'Acme Software Ltd',
      open_error: null,
    }),
    list_register_rows: () => [...providers.values()].map((s) => rowOf(s, today)),
    get_provider: ({ id }) => detail(id),
    get_new_provider_draft: () => blankDraft(),
    create_provider: ({ draft }) => {
      validate(draft, null);
      const id = nextId++;
      const stored: Stored = { provider: { id, ...structuredClone(draft), created_on: today }, history: [] };
      record(stored, structuredClone(draft.risk));
      providers.set(id, stored);
      return detail(id);
    },
    update_provider: ({ id, draft }) => {
      validate(draft, id);
      const stored = providers.get(id)!;
      stored.provider = { ...stored.provider, ...structuredClone(draft) };
      record(stored, structuredClone(draft.risk));
      return detail(id);
    },
    score_risk: ({ risk }) => mockScore(risk),
    set_provider_status: ({ id, status }) => {
      providers.get(id)!.provider.profile.status = status;
      return null;
    },
    delete_provider: ({ id }) => {
      providers.delete(id);
      return null;
    },
    confirm_provider_unchanged: ({ id }) => {
      const stored = providers.get(id)!;
      record(stored, structuredClone(stored.provider.risk));
      return detail(stored.provider.id);
    },
    list_failure_modes: () => CATALOGUE,
    load_demo: () => {
      demoAnswered = true;
      loadDemo();
      return null;
    },
    dismiss_demo: () => {
      demoAnswered = true;
      return null;
    },
    // Export and import: Rust would open a native dialog first; the mock pretends the user chose.
    export_pdf: () => `/home/cto/Documents/Acme Software Ltd worksheet ${today}.pdf`,
    export_csv: () => '/home/cto/Documents/lifeboat-export',
    export_xlsx: () => `/home/cto/Documents/Acme Software Ltd register ${today}.xlsx`,
    choose_import_file: () => ({ path: '/home/cto/Downloads/vendors.csv', preview: MOCK_SPREADSHEET_PREVIEW }),
    choose_import_folder: () => ({ path: '/home/cto/Documents/lifeboat-export', preview: MOCK_EXPORT_PREVIEW }),
    preview_import: ({ path, options }) => ({ path, preview: withChoices(previewOf(path), options) }),
    apply_import: ({ path, options }) => withChoices(previewOf(path), options),
    choose_status_page_file: () => ({ path: '/home/cto/Downloads/incidents.json', preview: MOCK_STATUS_PAGE_PREVIEW }),
    apply_status_page: () => MOCK_STATUS_PAGE_PREVIEW,
    // The mock keeps no services: every provider reaches nothing of ours.
    list_services: () => [],
    get_provider_links: ({ id }) => {
      const name = providers.get(id)?.provider.profile.name ?? '';
      const nothing = (failure: Failure): BlastRadius => ({
        provider_id: id,
        name,
        failure,
        providers: [],
        services: [],
        cut: [],
        cost_per_hour: 0,
        services_without_cost: [],
      });
      return { needed_by: [], runs_on: [], carries: [], outage: nothing('outage'), degradation: nothing('degradation'), currency: 'USD' };
    },
    // Money: register
    // Plausible figures only: a scored failure mode costs likelihood × impact thousands a year on
    // defaults; an unscored one is not priced. Rust runs the real simulation.
    get_money_results: () => {
      const active = [...providers.values()].filter((s) => s.provider.profile.status !== 'retired');
      const results = active.map(({ provider }) => {
        const modes = provider.risk.scenarios.map((sc) => {
          const priced = sc.likelihood !== null && sc.impact !== null;
          const rate = priced ? sc.likelihood! / 5 : 0;
          const each = priced ? sc.impact! * 5000 : 0;
          const resolution = (low: number, high: number) =>
            priced
              ? {
                  state: 'priced' as const,
                  range: { low, high },
                  source: { source: 'likelihood_band' as const, likelihood: sc.likelihood! },
                  default: true,
                  override_note: null,
                }
              : { state: 'not_priced' as const, reason: 'No likelihood scored.' };
          return {
            mode: sc.mode,
            kind: 'other' as const,
            expected: rate * each,
            frequency: resolution(rate / 2, rate * 2),
            loss_per_event: resolution(each / 4, each * 4),
          };
        });
        const expected = modes.reduce((sum, m) => sum + m.expected, 0);
        const top = [...modes].sort((a, b) => b.expected - a.expected)[0];
        return {
          provider_id: provider.id,
          name: provider.profile.name,
          fourth_party: false,
          figures: { expected, one_in_20: expected * 4, one_in_100: expected * 9 },
          top_mode: top && top.expected > 0 ? top.mode : null,
          modes,
          not_priced: modes.filter((m) => m.frequency.state === 'not_priced').length,
          on_defaults: modes.filter((m) => m.frequency.state === 'priced').length,
        };
      });
      const expected = results.reduce((sum, r) => sum + r.figures.expected, 0);
      const worst = results.reduce((sum, r) => sum + r.figures.one_in_100, 0);
      const curve = Array.from({ length: 40 }, (_, i) => {
        const loss = Math.max(1, expected / 10) * 10 ** (i / 13);
        return { loss, probability: Math.min(1, Math.exp(-loss / Math.max(1, expected))) };
      });
      return {
        currency: 'USD',
        years: 20000,
        seed: 1,
        register: { expected, one_in_20: worst / 2, one_in_100: worst },
        curve: expected > 0 ? curve : [],
        tail: [...results]
          .filter((r) => worst > 0 && r.figures.one_in_100 > 0)
          .sort((a, b) => b.figures.one_in_100 - a.figures.one_in_100)
          .slice(0, 5)
          .map((r) => ({ provider_id: r.provider_id, name: r.name, share: r.figures.one_in_100 / worst })),
        providers: results,
        not_priced: results.reduce((sum, r) => sum + r.not_priced, 0),
        on_defaults: results.reduce((sum, r) => sum + r.on_defaults, 0),
      };
    },
    // End of Money: register
  };

  // Money: provider page. Plausible figures only (Rust simulates; the mock multiplies the
  // middles of the ranges): the likelihood band prices frequency, a flat USD 2,000–20,000 prices
  // an outage or degradation, a 20–60 % rise of the spend prices a price increase, and the rest
  // wait for the user's figures. Overrides are kept per provider, mode and field.
  const moneyOverrides = new Map<string, MoneyInputOverride>();
  const MOCK_BANDS: Record<number, MoneyRange> = {
    1: { low: 0.01, high: 0.05 },
    2: { low: 0.05, high: 0.3 },
    3: { low: 0.3, high: 1 },
    4: { low: 1, high: 3 },
    5: { low: 3, high: 10 },
  };
  const moneyKey = (id: number, mode: string, field: MoneyInputField) => `${id}|${mode}|${field}`;
  function mockLossKind(mode: string): LossKind {
    const kinds: Record<string, LossKind> = {
      outage: 'outage',
      degradation: 'degradation',
      'price increase': 'price_increase',
      'provider failure': 'provider_failure',
      'account suspension': 'account_suspension',
      'privacy or compliance failure': 'privacy_or_compliance',
      'unilateral change': 'unilateral_change',
    };
    return kinds[mode.toLowerCase()] ?? 'other';
  }
  function mockDerived(stored: Stored, scenario: Scenario, field: MoneyInputField): MoneyDerived {
    if (field === 'frequency') {
      if (scenario.likelihood === null) return { state: 'not_priced', reason: 'No likelihood scored yet.' };
      return {
        state: 'priced',
        range: MOCK_BANDS[scenario.likelihood],
        source: { source: 'likelihood_band', likelihood: scenario.likelihood },
        default: true,
      };
    }
    const kind = mockLossKind(scenario.mode);
    if (kind === 'outage' || kind === 'degradation') {
      const hours = { low: 1, high: 8 };
      const share = kind === 'degradation' ? 0.3 : 1;
      return {
        state: 'priced',
        range: { low: 2000 + 1000 * share, high: 2000 + 8000 * share },
        source: {
          source: 'blast_radius',
          cost_per_hour: 1000 * share,
          hours,
          hours_from_incidents: false,
          capped_by_switch: null,
          fixed_response_cost: 2000,
        },
        default: true,
      };
    }
    const spend = stored.provider.profile.annual_spend;
    if (kind === 'price_increase' && spend !== null && spend > 0)
      return {
        state: 'priced',
        range: { low: spend * 0.2, high: spend * 0.6 },
        source: { source: 'spend_rise', spend, rise: { low: 0.2, high: 0.6 }, cap: null },
        default: true,
      };
    if (kind === 'provider_failure' || kind === 'account_suspension') {
      const weeks = stored.provider.risk.replacement.person_weeks ?? 4;
      return {
        state: 'priced',
        range: { low: weeks * 4000 + 1000, high: weeks * 4000 + 8000 },
        source: {
          source: 'replacement',
          person_weeks: weeks,
          weekly_cost: 4000,
          switch_hours: { low: 1, high: 8 },
          switch_hours_known: false,
          outage_cost_per_hour: 1000,
        },
        default: true,
      };
    }
    return {
      state: 'not_priced',
      reason: kind === 'price_increase' ? 'No annual spend recorded.' : 'Enter your own figures (fines, notification, rework).',
    };
  }
  function mockResolve(input: MoneyInput): MoneyResolution {
    const { derived, overridden } = input;
    if (derived.state === 'priced') {
      const range = { low: overridden?.low ?? derived.range.low, high: overridden?.high ?? derived.range.high };
      const ownBoth = overridden?.low != null && overridden?.high != null;
      return {
        state: 'priced',
        range,
        source: derived.source,
        default: derived.default && !ownBoth,
        override_note: overridden?.note ?? null,
      };
    }
    if (overridden?.low != null && overridden?.high != null)
      return {
        state: 'priced',
        range: { low: overridden.low, high: overridden.high },
        source: { source: 'user', note: overridden.note },
        default: false,
        override_note: overridden.note,
      };
    return { state: 'not_priced', reason: derived.reason };
  }
  function mockProviderMoney(id: number): ProviderMoney {
    const stored = providers.get(id);
    if (!stored) throw { kind: 'not_found', message: 'That provider no longer exists.', fields: [] };
    if (stored.provider.profile.status === 'retired') return { currency: 'USD', years: 20000, inputs: null, result: null };
    const input = (scenario: Scenario, field: MoneyInputField): MoneyInput => ({
      derived: mockDerived(stored, scenario, field),
      overridden: moneyOverrides.get(moneyKey(id, scenario.mode, field)) ?? null,
    });
    const modes = stored.provider.risk.scenarios.map((s) => ({
      mode: s.mode,
      kind: mockLossKind(s.mode),
      frequency: input(s, 'frequency'),
      loss_per_event: input(s, 'loss_per_event'),
    }));
    const middle = (r: MoneyResolution) => (r.state === 'priced' ? Math.sqrt(Math.max(r.range.low, 1e-9) * r.range.high) : 0);
    const results = modes.map((m) => {
      const frequency = mockResolve(m.frequency);
      const loss_per_event = mockResolve(m.loss_per_event);
      return { mode: m.mode, kind: m.kind, expected: Math.round(middle(frequency) * middle(loss_per_event)), frequency, loss_per_event };
    });
    const priced = results.filter((r) => r.frequency.state === 'priced' && r.loss_per_event.state === 'priced');
    const expected = priced.reduce((sum, r) => sum + r.expected, 0);
    const top = [...priced].sort((a, b) => b.expected - a.expected)[0];
    return {
      currency: 'USD',
      years: 20000,
      inputs: { provider_id: id, name: stored.provider.profile.name, fourth_party: stored.provider.profile.fourth_party, modes },
      result: {
        provider_id: id,
        name: stored.provider.profile.name,
        fourth_party: stored.provider.profile.fourth_party,
        figures: { expected, one_in_20: Math.round(expected * 3.2), one_in_100: Math.round(expected * 7.5) },
        top_mode: top && top.expected > 0 ? top.mode : null,
        modes: results,
        not_priced: results.length - priced.length,
        on_defaults: priced.filter((r) => [r.frequency, r.loss_per_event].some((x) => x.state === 'priced' && x.default)).length,
      },
    };
  }
  Object.assign(handlers, {
    get_provider_money: ({ id }) => mockProviderMoney(id),
    set_money_override: ({ value }) => {
      const path = `money.${value.provider_id}.${value.mode}.${value.field}`;
      const fields: FieldError[] = [];
      if (value.low === null && value.high === null)
        fields.push({ field: path, message: 'An override gives the low end, the high end or both.' });
      if (value.low !== null && value.low < 0) fields.push({ field: `${path}.low`, message: 'The low end cannot be below 0.' });
      if (value.high !== null && value.high < 0) fields.push({ field: `${path}.high`, message: 'The high end cannot be below 0.' });
      if (value.low !== null && value.high !== null && value.low > value.high)
        fields.push({ field: `${path}.low`, message: 'The low end is above the high end.' });
      if (fields.length) throw new ValidationFailure(fields);
      moneyOverrides.set(moneyKey(value.provider_id, value.mode, value.field), { low: value.low, high: value.high, note: value.note });
      return mockProviderMoney(value.provider_id);
    },
    delete_money_override: ({ provider, mode, field }) => {
      moneyOverrides.delete(moneyKey(provider, mode, field));
      return mockProviderMoney(provider);
    },
  } satisfies CommandHandlers);
  // End of money: provider page.

  /** Answers a command as Rust would; commands the mock does not implement answer null. */
  function handle(cmd: string, args?: InvokeArgs): unknown {
    calls.push({ cmd: cmd as CommandName, args });
    const handler = handlers[cmd as CommandName] as ((args: unknown) => unknown) | undefined;
    return handler ? handler(args ?? {}) : null;
  }

  return { handle, calls, providers };
}

/** Installs the fake back end behind @tauri-apps/api, as the page's URL asks. */
export function installMockBackend(params: URLSearchParams) {
  const backend = createMockBackend({ register: params.get('mock') ?? 'demo' });
  mockWindows('main');
  // Some latency, so loading states and out-of-order answers show up as they would in the app.
  mockIPC(
    (cmd, args) =>
      new Promise((resolve, reject) =>
        setTimeout(() => {
          try {
            resolve(backend.handle(cmd, args));
          } catch (e) {
            reject(e);
          }
        }, 15),
      ),
    { shouldMockEvents: true },
  );
  return backend;
}

/**
 * For screenshots without a mouse: `?mock&click=<selector>|<selector>` clicks each element in
 * turn once the page has settled, e.g. `click=tr[data-id="3"]` opens a provider page.
 */
export function runClickScript(params: URLSearchParams) {
  const selectors = (params.get('click') ?? '').split('|').filter(Boolean);
  selectors.forEach((selector, i) => setTimeout(() => document.querySelector<HTMLElement>(selector)?.click(), 400 * (i + 1)));
}

/** A status page's export as the preview would show it; the mock records nothing. */
const MOCK_STATUS_PAGE_PREVIEW = {
  file: 'incidents.json',
  provider: 'Stripe',
  mapping:
    'Impact major or critical is recorded as Outage, minor or none as Degradation. Started and detected are when the status page posted it.',
  added: [
    {
      position: 1,
      summary: 'Elevated API error rates',
      impact: 'major',
      mode: 'Outage',
      started: '2026-03-04T09:12:00Z',
      resolved: '2026-03-04T10:02:00Z',
      components: ['API'],
    },
  ],
  duplicates: [],
  rejected: [],
};
