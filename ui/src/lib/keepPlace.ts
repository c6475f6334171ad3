// Keeps an element where the user sees it while the content around it is replaced: a new import
// preview can add or drop lines above the select the user just changed.
import { tick } from 'svelte';

/** The nearest ancestor that scrolls vertically, if any. */
function scroller(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  return null;
}

/** Runs `work`, then scrolls so `anchor` is as far from the top of the window as it was. */
export async function keepPlace(anchor: HTMLElement, work: () => Promise<void>): Promise<void> {
  const before = anchor.getBoundingClientRect().top;
  await work();
  await tick();
  if (!anchor.isConnected) return;
  const box = scroller(anchor);
  const moved = anchor.getBoundingClientRect().top - before;
  if (box && moved) box.scrollTop += moved;
}
