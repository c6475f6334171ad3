// The provider trend: scores on their 0–25 axis, and the expected annual loss on a strip of its
// own where the snapshots kept their money.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import TrendChart from './TrendChart.svelte';
import { trendPoint } from '../../test/builders';

afterEach(() => cleanup());

describe('the trend chart', () => {
  it('shows the expected annual loss of the snapshots that kept it', () => {
    const trend = [
      trendPoint('2026-01-01', 10, 8),
      { ...trendPoint('2026-04-01', 12, 9), expected_loss: 40_000 },
      { ...trendPoint('2026-09-01', 16, 12), expected_loss: 95_000 },
    ];
    render(TrendChart, { trend, currency: 'USD' });
    const points = screen.getAllByTestId('trend-loss-point');
    expect(points.map((p) => p.getAttribute('data-date'))).toEqual(['2026-04-01', '2026-09-01']);
    expect(points[1].textContent).toContain('expected annual loss USD 95,000');
    expect(screen.getByTestId('trend-loss').textContent).toContain('USD 100,000');
    expect(screen.getByTestId('trend-chart').textContent).toContain('Expected annual loss');
  });

  it('leaves the money strip out until a snapshot kept its money', () => {
    render(TrendChart, { trend: [trendPoint('2026-01-01', 10, 8)] });
    expect(screen.queryByTestId('trend-loss')).toBeNull();
    expect(screen.getByTestId('trend-chart').textContent).not.toContain('Expected annual loss');
  });
});
