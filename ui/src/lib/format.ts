// How figures and counts read on screen (dates: dates.ts).

/** Exposure always shows one decimal ("12.8", "5.0") so columns line up and match the PDF. */
/** One decimal, or a dash for a provider that is Not assessed (no exposure yet). */
export function formatExposure(exposure: number | null): string {
  return exposure === null ? '—' : exposure.toFixed(1);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
