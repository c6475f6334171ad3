// The closing summary: counts, risers and fallers where the e2e test and a reader look for them,
// and names shown as text, never as markup.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import ReviewSummaryView from './ReviewSummaryView.svelte';
import type { ReviewSummary } from '$lib/bindings/ReviewSummary';
import type { Standing } from '$lib/bindings/Standing';
import { movement, review, standing as standingOf } from '../../test/builders';

// Levels follow the figures: 10 High, 25 Critical, 15 High, 5 Medium, 2 Low.
const standing = (exposure: number): Standing => standingOf({ taken_on: '2027-01-15', inherent: exposure, exposure, review_id: 1 });
const move = (id: number, name: string, before: Standing, after: Standing) =>
  movement({ provider_id: id, name, before, after, inherent_change: 0 });

function summary(): ReviewSummary {
  const riser = move(1, '<b>AWS</b>', standing(10), standing(25));
  const faller = move(2, 'Postmark', standing(15), standing(5));
  return {
    review: review({ id: 2, held_on: '2027-04-10', title: 'Q2 2027 provider risk review', attendees: 'CTO, CFO', closed_on: '2027-04-10' }),
    previous: review({ id: 1, held_on: '2027-01-10', closed_on: '2027-01-10' }),
    reviewed: 3,
    not_reviewed: [{ provider_id: 4, name: 'Sentry', next_review: '2027-12-01' }],
    changes: {
      from: '2027-01-10',
      to: '2027-04-10',
      risers: [riser],
      fallers: [faller],
      level_changes: [riser, faller],
      new: [],
      retired: [{ provider_id: 5, name: 'Legacy CDN', standing: standing(2) }],
      unchanged: 1,
      steady: [],
      money_risers: [],
      money_fallers: [],
    },
    still_overdue: [{ provider_id: 6, name: 'Zendesk', next_review: '2027-03-01' }],
    evidence: { incidents: 3, customer_facing: 2, drills: 1, drills_missed_target: 1 },
  };
}

afterEach(() => cleanup());

describe('review summary', () => {
  it('shows the counts and lists risers, fallers, retired and still overdue providers', () => {
    render(ReviewSummaryView, { summary: summary() });
    expect(screen.getByTestId('summary-reviewed').textContent).toBe('3');
    expect(screen.getByTestId('summary-overdue').textContent).toBe('1');
    const risers = within(screen.getByTestId('summary-risers')).getAllByTestId('riser');
    expect(risers.map((r) => r.getAttribute('data-provider-name'))).toEqual(['<b>AWS</b>']);
    expect(risers[0].textContent).toContain('Exposure 10.0 → 25.0 (+15.0)');
    expect(within(screen.getByTestId('summary-fallers')).getByText('Postmark')).toBeTruthy();
    expect(within(screen.getByTestId('summary-retired')).getByText('Legacy CDN')).toBeTruthy();
    expect(screen.getByTestId('summary-still-overdue').textContent).toContain('Zendesk');
    expect(screen.getAllByText(/since Q1 2027 provider risk review/).length).toBe(2);
  });

  it('counts the incidents and drills since the previous review', () => {
    render(ReviewSummaryView, { summary: summary() });
    expect(screen.getByTestId('summary-incidents').textContent).toBe('3');
    expect(screen.getByTestId('summary-drills').textContent).toBe('1');
    expect(screen.getByTestId('summary-evidence').textContent).toBe(
      'Evidence since Q1 2027 provider risk review (10 Jan 2027): 3 incidents (2 customer-facing), 1 exit drill (1 missed the target).',
    );
  });

  it('renders a name with markup as text', () => {
    render(ReviewSummaryView, { summary: summary() });
    expect(document.querySelector('[data-testid="summary-risers"] b')).toBeNull();
    expect(screen.getAllByText('<b>AWS</b>').length).toBeGreaterThan(0);
  });
});
