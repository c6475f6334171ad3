// How the register is being looked at (filters, order, tab). Lives outside the component so it
// survives a visit to a provider page and back.
import { DEFAULT_SORT, NO_FILTERS, type Filters, type Sort } from './register';

export type RegisterTab = 'table' | 'heatmap';

export const registerView = $state<{ filters: Filters; sort: Sort; tab: RegisterTab; scrollTop: number }>({
  filters: { ...NO_FILTERS },
  sort: { ...DEFAULT_SORT },
  tab: 'table',
  scrollTop: 0,
});

/** Clears what narrows the list but keeps the user's choice about retired providers. */
export function clearFilters(): void {
  registerView.filters = { ...NO_FILTERS, showRetired: registerView.filters.showRetired };
}
