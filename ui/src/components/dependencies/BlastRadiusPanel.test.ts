// The provider page's blast radius: totals, paths as text and the notes a reader acts on.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import BlastRadiusPanel from './BlastRadiusPanel.svelte';
import { awsOutage, emptyRadius } from '../../test/dependencies';

afterEach(() => cleanup());

const degradation = () => emptyRadius('AWS us-east-1', 'degradation');

describe('blast radius panel', () => {
  it('shows each failure mode with its total, the services reached and every path', () => {
    render(BlastRadiusPanel, { outage: awsOutage(), degradation: degradation(), currency: 'USD' });
    const totals = screen.getAllByTestId('blast-radius-total').map((t) => t.textContent);
    expect(totals).toEqual(['USD 22,500', 'USD 0']);
    const outage = within(screen.getByRole('region', { name: 'Outage' }));
    const reset = outage.getAllByTestId('reached-service').find((s) => s.dataset.serviceName === 'Password reset email')!;
    expect(within(reset).getByTestId('reach-path').textContent).toContain('AWS us-east-1 → Postmark → Password reset email');
    expect(reset.textContent).toContain('shortened: switch to SendGrid in 2 h');
    expect(reset.textContent).toContain('USD 500 an hour');
    expect(
      within(screen.getByRole('region', { name: 'Degradation' })).getByText('Its degradation reaches none of our services.'),
    ).toBeTruthy();
  });

  it('notes the off switches and the services that have no cost yet', () => {
    render(BlastRadiusPanel, { outage: awsOutage(), degradation: degradation(), currency: 'USD' });
    const checkout = screen.getAllByTestId('reached-service').find((s) => s.dataset.serviceName === 'Checkout')!;
    expect(
      within(checkout)
        .getAllByTestId('reach-path')
        .map((p) => p.textContent?.trim()),
    ).toEqual(['AWS us-east-1 → Checkout', 'AWS us-east-1 → Auth0 → Checkout · cut: off switch']);
    const receipts = screen.getAllByTestId('reached-service').find((s) => s.dataset.serviceName === 'Receipts email')!;
    expect(receipts.textContent).toContain('Unaffected');
    expect(screen.getByTestId('without-cost').textContent).toBe('1 service has no cost of downtime yet: Reporting.');
  });

  it('says so when nothing of ours depends on the provider', () => {
    render(BlastRadiusPanel, {
      outage: emptyRadius('Sentry', 'outage'),
      degradation: emptyRadius('Sentry', 'degradation'),
      currency: 'USD',
    });
    expect(screen.getByTestId('blast-radius').textContent?.trim()).toBe('Nothing of ours depends on Sentry yet.');
    expect(screen.queryByTestId('blast-radius-total')).toBeNull();
  });
});
