import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { liveScores } from './liveScores.svelte';
import type { RiskProfile } from './bindings/RiskProfile';
import type { Scores } from './bindings/Scores';
import { draft, scores } from '../test/builders';
import { mockCommands } from '../test/ipc';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('liveScores', () => {
  it('shows the answer to the latest edit even when an older one arrives later', async () => {
    const answers: ((s: Scores) => void)[] = [];
    const calls = mockCommands({ score_risk: () => new Promise<Scores>((resolve) => answers.push(resolve)) });
    const form = $state<{ risk: RiskProfile | null }>({ risk: draft().risk });
    let live: ReturnType<typeof liveScores> | undefined;
    const stop = $effect.root(() => {
      live = liveScores(() => (form.risk ? $state.snapshot(form.risk) : null));
    });
    flushSync();
    form.risk!.lock_in.level = 5;
    flushSync();
    expect(calls.map(([cmd]) => cmd)).toEqual(['score_risk', 'score_risk']);
    expect(live!.scoring).toBe(true);
    answers[1](scores({ inherent: 20 }));
    await settle();
    answers[0](scores({ inherent: 4 }));
    await settle();
    expect(live!.scores?.inherent).toBe(20);
    expect(live!.scoring).toBe(false);
    form.risk = null;
    flushSync();
    expect(live!.scores).toBeNull();
    stop();
  });
});
