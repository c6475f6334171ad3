// The what-if view: the headline a CTO reads, a box per thing reached, and the same paths as text.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import WhatIfGraph from './WhatIfGraph.svelte';
import { awsOutage, emptyRadius, largeRadius } from '../../test/dependencies';

afterEach(() => cleanup());

describe('what-if graph', () => {
  it('says what the failure costs and draws every provider and service it reaches', () => {
    render(WhatIfGraph, { radius: awsOutage(), currency: 'USD' });
    expect(screen.getByTestId('what-if-total').textContent).toBe(
      'If AWS us-east-1 has an outage: 5 services, USD 22,500 an hour, through 4 providers',
    );
    const nodes = screen.getAllByTestId('what-if-node');
    expect(nodes.filter((n) => n.dataset.kind === 'provider').map((n) => n.querySelector('.label')?.textContent)).toEqual([
      'AWS us-east-1',
      'Postmark',
      'Auth0',
      'Heroku',
      'Intercom',
    ]);
    expect(nodes.filter((n) => n.dataset.kind === 'service')).toHaveLength(6);
    expect(screen.getByText('fourth party')).toBeTruthy();
    expect(screen.getByText('Cut by an off switch')).toBeTruthy();
  });

  it('lists each service with its paths, shortened and cut, below the graph', () => {
    render(WhatIfGraph, { radius: awsOutage(), currency: 'USD' });
    const list = screen.getByRole('region', { name: 'Services reached' });
    expect(list.textContent).toContain('AWS us-east-1 → Heroku → Intercom → Messenger');
    expect(list.textContent).toContain('shortened: switch to SendGrid in 2 h');
    expect(list.textContent).toContain('AWS us-east-1 → Postmark → Receipts email · cut: off switch');
  });

  it('opens a large graph at actual size and fits it on request', async () => {
    render(WhatIfGraph, { radius: largeRadius(200, 50), currency: 'USD' });
    const svg = screen.getByTestId('what-if-graph').querySelector('svg[role="img"]')!;
    expect(Number(svg.getAttribute('height'))).toBeGreaterThan(640);
    await fireEvent.click(screen.getByRole('button', { name: 'Fit to view' }));
    expect(svg.getAttribute('height')).toBeNull();
    expect(screen.getAllByTestId('what-if-node')).toHaveLength(255);
  });

  it('says so when the failure reaches nothing', () => {
    render(WhatIfGraph, { radius: emptyRadius('Sentry', 'degradation'), currency: 'USD' });
    expect(screen.getByTestId('what-if-total').textContent).toBe('If Sentry has a degradation: 0 services, USD 0 an hour, directly');
    expect(screen.getByText('Nothing of ours depends on Sentry yet.')).toBeTruthy();
    expect(screen.queryAllByTestId('what-if-node')).toHaveLength(0);
  });
});
