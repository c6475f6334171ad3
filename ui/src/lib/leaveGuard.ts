// Lets the page on screen hold navigation while it has unsaved work: the header's links go
// through `leave`, and the provider page answers by asking the user first.
type Guard = (proceed: () => void) => void;

let current: Guard | null = null;

/** Installs a guard; returns the function that removes it (and only it). */
export function setLeaveGuard(guard: Guard): () => void {
  current = guard;
  return () => {
    if (current === guard) current = null;
  };
}

/** Runs `proceed` now, or once the page on screen agrees to be left. */
export function leave(proceed: () => void): void {
  if (current) current(proceed);
  else proceed();
}
