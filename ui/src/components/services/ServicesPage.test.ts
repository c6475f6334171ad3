// The Services page against a scripted back end that keeps its services and links: a refused
// name is shown under its field, a saved service lists its cost, and the providers it needs are
// added and changed in place.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import type { Dependency } from '$lib/bindings/Dependency';
import type { Service } from '$lib/bindings/Service';
import type { ServiceDraft } from '$lib/bindings/ServiceDraft';
import ServicesPage from './ServicesPage.svelte';
import { mockCommands } from '../../test/ipc';

const BLANK: ServiceDraft = {
  name: '',
  owner: '',
  description: '',
  downtime_cost_per_hour: null,
  degraded_share: 0.5,
  rto_hours: null,
  retired: false,
};
const PROVIDERS = [
  { id: 1, name: 'Stripe' },
  { id: 2, name: 'Auth0' },
];

function backend() {
  const services: Service[] = [];
  let links: Dependency[] = [];
  const calls = mockCommands({
    get_settings: () => ({
      organisation: '',
      currency: 'EUR',
      cadence: { critical: 90, high: 180, medium: 365, low: 365 },
      drill_cadence: { critical: 180, high: 365, medium: null, low: null },
      money: { weekly_person_cost: 4000, fixed_response_cost: 2000, simulated_years: 20000 },
      demo_offer_answered: true,
    }),
    get_new_service_draft: () => BLANK,
    list_services: () =>
      services.map((service) => ({
        service,
        needs: links
          .filter((l) => l.service_id === service.id)
          .map((dependency) => ({
            dependency,
            provider: {
              id: dependency.provider_id,
              name: PROVIDERS.find((p) => p.id === dependency.provider_id)!.name,
              fourth_party: false,
            },
          })),
      })),
    create_service: ({ draft }) => {
      if (draft.name.trim() === '') {
        const message = 'A service needs a name.';
        throw { kind: 'validation', message, fields: [{ field: 'service.name', message }] };
      }
      const service = { ...draft, id: services.length + 1, created_on: '2026-03-02' };
      services.push(service);
      return service;
    },
    set_dependency: ({ dependency }) => {
      links = [...links.filter((l) => !(l.service_id === dependency.service_id && l.provider_id === dependency.provider_id)), dependency];
      return dependency;
    },
  });
  return { calls, links: () => links };
}

/** Opens the new-service form once the page has read what it needs. */
async function newService() {
  const button = await screen.findByTestId('new-service');
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  await fireEvent.click(button);
}

const field = (name: string) => document.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;

describe('ServicesPage', () => {
  afterEach(cleanup);

  it('creates a service, refusing it without a name, and shows its cost in the register currency', async () => {
    backend();
    render(ServicesPage, { providers: PROVIDERS, onchanged: () => {}, onleave: () => {} });
    await newService();
    await fireEvent.click(screen.getByTestId('service-save'));
    expect(await screen.findByText('A service needs a name.', { selector: '[data-field="service.name"]' })).toBeTruthy();
    await fireEvent.input(field('service.name'), { target: { value: 'Checkout' } });
    await fireEvent.input(field('service.downtime_cost_per_hour'), { target: { value: '18000' } });
    await fireEvent.click(screen.getByTestId('service-save'));
    await waitFor(() => expect(screen.queryByTestId('service-form')).toBeNull());
    expect((await screen.findByTestId('service-cost')).textContent).toBe('EUR 18,000');
    expect(screen.getByTestId('service-row').textContent).toContain('50 %');
  });

  it('adds a provider the service needs with what it does to it, and changes it in place', async () => {
    const { links } = backend();
    render(ServicesPage, { providers: PROVIDERS, onchanged: () => {}, onleave: () => {} });
    await newService();
    await fireEvent.input(field('service.name'), { target: { value: 'Checkout' } });
    await fireEvent.click(screen.getByTestId('service-save'));
    await screen.findByTestId('dependency-links');
    await fireEvent.change(field('link.choice'), { target: { value: '1' } });
    await fireEvent.click(screen.getByTestId('link-add'));
    await waitFor(() => expect(screen.getAllByTestId('dependency-link')).toHaveLength(1));
    expect(links()).toEqual([{ service_id: 1, provider_id: 1, when_down: 'down', when_degraded: 'degraded', note: '' }]);
    // Stripe is linked: only Auth0 is left to add.
    expect([...(field('link.choice') as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Add a provider it needs…', 'Auth0']);
    const whenSlow = screen.getByLabelText('Checkout when Stripe is degraded') as HTMLSelectElement;
    await fireEvent.change(whenSlow, { target: { value: 'down' } });
    await waitFor(() => expect(links()[0].when_degraded).toBe('down'));
  });
});
