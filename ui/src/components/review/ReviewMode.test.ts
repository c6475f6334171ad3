// Review mode against a scripted back end: the walk, the C and S keys, saving edited scores, and
// closing.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import ReviewMode from './ReviewMode.svelte';
import type { ReviewItem } from '../../lib/bindings/ReviewItem';
import type { Review } from '../../lib/bindings/Review';
import type { Scores } from '../../lib/bindings/Scores';
import { draft } from '../../test/drafts';

const review: Review = { id: 7, held_on: '2027-01-15', title: 'Q1 2027 provider risk review', attendees: '', notes: '', closed_on: null };

function scores(inherent: number): Scores {
  return {
    inherent, inherent_level: inherent >= 20 ? 'Critical' : 'High', drivers: [], lock_in: 4, replacement_effort: 4,
    escape_before_alternatives: 4, alternative_reduction: 0, best_alternative: null, best_readiness: null, escape_difficulty: 4,
    exposure: (inherent * 4) / 5, exposure_level: 'High',
  };
}

function item(id: number, name: string): ReviewItem {
  const risk = draft().risk;
  return {
    provider_id: id, name, due: 'Overdue', next_review: '2027-01-01', last: null, last_scores: null, last_review_title: null,
    current: risk, current_scores: scores(10), dropped_modes: [], reviewed: false, note: '',
  };
}

function backend() {
  const calls: [string, Record<string, unknown>][] = [];
  const items = [item(1, 'Stripe'), item(2, 'AWS'), item(3, 'Postmark')];
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push([cmd, args]);
    const find = () => items.find((i) => i.provider_id === args.providerId)!;
    switch (cmd) {
      case 'review_items':
        return items;
      case 'review_confirm':
        return { ...find(), reviewed: true };
      case 'review_assess':
        return { ...find(), reviewed: true, current: args.risk };
      case 'review_note':
        return { ...find(), reviewed: true, note: args.note };
      case 'score_risk':
        return scores(25);
      case 'close_review':
        return { review: { ...review, closed_on: review.held_on } };
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  return calls;
}

afterEach(() => cleanup());

const shown = () => screen.getByTestId('review-provider-name').textContent;

describe('review mode', () => {
  it('walks with C to confirm and S to skip, then reports every provider done', async () => {
    const calls = backend();
    render(ReviewMode, { review, onclosed: () => {}, onleave: () => {} });
    await waitFor(() => expect(shown()).toBe('Stripe'));
    await fireEvent.keyDown(window, { key: 'c' });
    await waitFor(() => expect(shown()).toBe('AWS'));
    expect(calls).toContainEqual(['review_confirm', { reviewId: 7, providerId: 1 }]);
    expect(screen.getByTestId('review-progress').textContent).toBe('1 of 3 reviewed');
    await fireEvent.keyDown(window, { key: 's' });
    await waitFor(() => expect(shown()).toBe('Postmark'));
    await fireEvent.keyDown(window, { key: 'S' });
    await screen.findByTestId('review-all-done');
    expect(calls.filter(([cmd]) => cmd === 'review_confirm')).toHaveLength(1);
  });

  it('saves edited scores with the note, and confirm is off while edited', async () => {
    const calls = backend();
    render(ReviewMode, { review, onclosed: () => {}, onleave: () => {} });
    await waitFor(() => expect(shown()).toBe('Stripe'));
    const likelihood = document.querySelector<HTMLSelectElement>('select[name="risk.scenarios.0.likelihood"]')!;
    likelihood.value = '5';
    await fireEvent.change(likelihood);
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('review-confirm').disabled).toBe(true));
    await waitFor(() => expect(screen.getByTestId('review-current-inherent').textContent).toBe('25'));
    const note = document.querySelector<HTMLTextAreaElement>('textarea[name="review.note"]')!;
    await fireEvent.input(note, { target: { value: 'Moving to Adyen' } });
    await fireEvent.click(screen.getByTestId('review-save'));
    await waitFor(() => expect(shown()).toBe('AWS'));
    const assess = calls.find(([cmd]) => cmd === 'review_assess')!;
    expect((assess[1].risk as { scenarios: { likelihood: number }[] }).scenarios[0].likelihood).toBe(5);
    expect(calls).toContainEqual(['review_note', { reviewId: 7, providerId: 1, note: 'Moving to Adyen' }]);
  });

  it('does not treat typing in the note as shortcuts', async () => {
    const calls = backend();
    render(ReviewMode, { review, onclosed: () => {}, onleave: () => {} });
    await waitFor(() => expect(shown()).toBe('Stripe'));
    const note = document.querySelector<HTMLTextAreaElement>('textarea[name="review.note"]')!;
    await fireEvent.keyDown(note, { key: 'c' });
    expect(calls.some(([cmd]) => cmd === 'review_confirm')).toBe(false);
    expect(shown()).toBe('Stripe');
  });

  it('closing with providers left asks first, then hands the summary on', async () => {
    const calls = backend();
    let closedWith: unknown = null;
    render(ReviewMode, { review, onclosed: (s: unknown) => (closedWith = s), onleave: () => {} });
    await waitFor(() => expect(shown()).toBe('Stripe'));
    await fireEvent.click(screen.getByTestId('close-review'));
    expect(await screen.findByRole('dialog')).toBeTruthy();
    expect(calls.some(([cmd]) => cmd === 'close_review')).toBe(false);
    await fireEvent.click(screen.getByTestId('close-review-anyway'));
    await waitFor(() => expect(closedWith).not.toBeNull());
  });

  it('arrow keys move through the walk without recording anything', async () => {
    const calls = backend();
    render(ReviewMode, { review, onclosed: () => {}, onleave: () => {} });
    await waitFor(() => expect(shown()).toBe('Stripe'));
    await fireEvent.keyDown(window, { key: 'ArrowDown' });
    expect(shown()).toBe('AWS');
    await fireEvent.keyDown(window, { key: 'ArrowUp' });
    await fireEvent.keyDown(window, { key: 'ArrowUp' });
    expect(shown()).toBe('Postmark');
    expect(calls.filter(([cmd]) => cmd !== 'review_items')).toEqual([]);
  });
});
