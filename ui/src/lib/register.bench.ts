// The register's sort, filter and search on 1,000 providers: `npm run bench` (see
// docs/PERFORMANCE.md). The goal is an answer within 50 ms of a click or keystroke.
import { bench, describe } from 'vitest';
import { row } from '../test/builders';
import { NO_FILTERS, filterRows, sortRows, summarise } from './register';
import type { Category } from './bindings/Category';

const categories: Category[] = [
  'hosting',
  'payments',
  'email',
  'database',
  'cdn',
  'auth',
  'monitoring',
  'analytics',
  'support',
  'storage',
  'other',
];
const rows = Array.from({ length: 1000 }, (_, i) =>
  row({
    id: i,
    name: `Provider ${String(i).padStart(5, '0')}`,
    category: categories[i % categories.length],
    owner: `Team ${i % 37}`,
    inherent: 1 + ((i * 7) % 25),
    exposure: ((i * 13) % 125) / 5,
  }),
);

describe('1,000 providers', () => {
  bench('sort by name', () => {
    sortRows(rows, { key: 'name', descending: false });
  });
  bench('sort by exposure', () => {
    sortRows(rows, { key: 'exposure', descending: true });
  });
  bench('filter by category and owner', () => {
    filterRows(rows, { ...NO_FILTERS, category: 'payments', owner: 'Team 3' });
  });
  bench('search then sort (one keystroke)', () => {
    sortRows(filterRows(rows, { ...NO_FILTERS, search: 'provider 004' }), { key: 'exposure', descending: true });
  });
  bench('summary counts', () => {
    summarise(rows);
  });
});
