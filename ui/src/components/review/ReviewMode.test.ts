// Review mode against a scripted back end: the walk, the C and S keys, saving edited scores, and
// closing.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import ReviewMode from './ReviewMode.svelte';
import type { ReviewSummary } from '$lib/bindings/ReviewSummary';
import { review as reviewOf, reviewItem, scores } from '../../test/builders';
import { mockCommands } from '../../test/ipc';

const review = reviewOf({ id: 7 });

function backend() {
  const items = [
    reviewItem({ provider_id: 1, name: 'Stripe' }),
    reviewItem({ provider_id: 2, name: 'AWS' }),
    reviewItem({ provider_id: 3, name: 'Postmark' }),
  ];
  const find = (providerId: number) => items.find((i) => i.provider_id === providerId)!;
  return mockCommands({
    list_review_items: () => items,
    confirm_in_review: ({ providerId }) => ({ ...find(providerId), reviewed: true }),
    assess_in_review: ({ providerId, risk }) => ({ ...find(providerId), reviewed: true, current: risk }),
    note_in_review: ({ providerId, note }) => ({ ...find(providerId), reviewed: true, note }),
    score_risk: () => scores({ inherent: 25 }),
    close_review: () => ({ review: { ...review, closed_on: review.held_on } }) as ReviewSummary,
  });
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
    expect(calls).toContainEqual(['confirm_in_review', { reviewId: 7, providerId: 1 }]);
    expect(screen.getByTestId('review-progress').textContent).toBe('1 of 3 reviewed');
    await fireEvent.keyDown(window, { key: 's' });
    await waitFor(() => expect(shown()).toBe('Postmark'));
    await fireEvent.keyDown(window, { key: 'S' });
    await screen.findByTestId('review-all-done');
    expect(calls.filter(([cmd]) => cmd === 'confirm_in_review')).toHaveLength(1);
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
    const assess = calls.find(([cmd]) => cmd === 'assess_in_review')!;
    expect((assess[1].risk as { scenarios: { likelihood: number }[] }).scenarios[0].likelihood).toBe(5);
    expect(calls).toContainEqual(['note_in_review', { reviewId: 7, providerId: 1, note: 'Moving to Adyen' }]);
  });

  it('does not treat typing in the note as shortcuts', async () => {
    const calls = backend();
    render(ReviewMode, { review, onclosed: () => {}, onleave: () => {} });
    await waitFor(() => expect(shown()).toBe('Stripe'));
    const note = document.querySelector<HTMLTextAreaElement>('textarea[name="review.note"]')!;
    await fireEvent.keyDown(note, { key: 'c' });
    expect(calls.some(([cmd]) => cmd === 'confirm_in_review')).toBe(false);
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
    expect(calls.filter(([cmd]) => cmd !== 'list_review_items' && cmd !== 'get_provider_evidence')).toEqual([]);
  });
});
