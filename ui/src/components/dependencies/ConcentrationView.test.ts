// The concentration page: the sentences first, then the tables a reader checks them against.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import ConcentrationView from './ConcentrationView.svelte';
import { concentration } from '../../test/dependencies';

afterEach(() => cleanup());

describe('concentration view', () => {
  it('says each finding in a plain sentence', () => {
    render(ConcentrationView, { concentration: concentration(), onopen: () => {} });
    const findings = screen.getAllByTestId('finding').map((f) => f.textContent);
    expect(findings[0]).toBe(
      '4 providers and 3 services, USD 41,000 an hour, depend on AWS us-east-1, a fourth party we hold no contract with.',
    );
    expect(findings).toHaveLength(4);
  });

  it('lists the costliest providers, opening one on a click', async () => {
    const onopen = vi.fn();
    render(ConcentrationView, { concentration: concentration(), onopen });
    const rows = within(screen.getByTestId('top-providers')).getAllByRole('row').slice(1);
    expect(rows[0].textContent).toContain('AWS us-east-1');
    expect(rows[0].textContent).toContain('fourth party');
    expect(rows[0].textContent).toContain('USD 41,000');
    expect(rows[0].textContent).toContain('USD 20,500');
    await fireEvent.click(within(rows[1]).getByRole('button', { name: 'Stripe' }));
    expect(onopen).toHaveBeenCalledWith(7);
  });

  it('names the providers that share a fourth party and the single points of failure', () => {
    render(ConcentrationView, { concentration: concentration(), onopen: () => {} });
    expect(screen.getByTestId('shared-providers').textContent).toContain('Postmark, Auth0, Heroku, Intercom');
    const single = within(screen.getByTestId('single-points')).getAllByRole('row')[1];
    expect(single.textContent).toContain('Checkout');
    expect(single.textContent).toContain('Stripe');
    expect(single.textContent).toContain('USD 12,500 an hour');
  });

  it('reads the spend HHI and names the spend left out', () => {
    render(ConcentrationView, { concentration: concentration(), onopen: () => {} });
    expect(screen.getByTestId('hhi').textContent).toContain('HHI 3400: highly concentrated');
    expect(screen.getByText('40 %')).toBeTruthy();
    expect(screen.getByTestId('other-currency').textContent).toBe('Left out: spend in another currency: Mollie.');
  });

  it('says when there is nothing to report', () => {
    const spend = { currency: 'USD', total: 0, shares: [], hhi: null, other_currency: [] };
    render(ConcentrationView, {
      concentration: concentration({ top: [], shared: [], single_points: [], findings: [], spend }),
      onopen: () => {},
    });
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    expect(screen.getByText('Nothing to report yet: link our services to the providers they need.')).toBeTruthy();
    expect(screen.getByText('No annual spend in USD is recorded yet.')).toBeTruthy();
  });
});
