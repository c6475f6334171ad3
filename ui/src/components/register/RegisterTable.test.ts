import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import RegisterTable from './RegisterTable.svelte';
import { row } from '../../test/builders';
import { DEFAULT_SORT } from '$lib/register';

afterEach(() => cleanup());

const many = Array.from({ length: 1000 }, (_, i) => row({ name: `Provider ${i}` }));

function renderTable(rows = many) {
  const opened: string[] = [];
  render(RegisterTable, { rows, sort: DEFAULT_SORT, today: '2026-11-22', onsort: () => {}, onopen: (r) => opened.push(r.name) });
  return opened;
}

describe('RegisterTable with a thousand providers', () => {
  it('keeps only a screenful of rows in the page, with the full count announced', () => {
    renderTable();
    const rendered = document.querySelectorAll('tr[data-provider-name]');
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(100);
    expect(document.querySelector('table')!.getAttribute('aria-rowcount')).toBe('1001');
  });

  it('walks to the last provider with End and opens it with Enter', async () => {
    const opened = renderTable();
    const first = document.querySelector<HTMLElement>('tr[data-index="0"]')!;
    first.focus();
    await fireEvent.keyDown(first, { key: 'End' });
    const last = document.querySelector<HTMLElement>('tr[data-index="999"]');
    expect(last?.getAttribute('data-provider-name')).toBe('Provider 999');
    expect(document.activeElement).toBe(last);
    await fireEvent.keyDown(last!, { key: 'Enter' });
    expect(opened).toEqual(['Provider 999']);
  });

  it('renders a small register whole', () => {
    renderTable(many.slice(0, 40));
    expect(document.querySelectorAll('tr[data-provider-name]').length).toBe(40);
  });
});
