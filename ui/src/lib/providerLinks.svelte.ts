// A provider's links and blast radius, read once for its page: the side panel's summary and the
// Dependencies section show the same figures, and an edit in either reads them again for both.
import type { ProviderLinks } from './bindings/ProviderLinks';
import { call } from './ipc';
import { attempt } from './toasts.svelte';

export interface ProviderLinksState {
  readonly links: ProviderLinks | null;
  reload: () => Promise<void>;
}

export function providerLinks(id: number): ProviderLinksState {
  let links = $state.raw<ProviderLinks | null>(null);
  async function reload() {
    await attempt(async () => {
      links = await call('get_provider_links', { id });
    });
  }
  void reload();
  return {
    get links() {
      return links;
    },
    reload,
  };
}
