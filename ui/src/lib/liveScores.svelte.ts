// Live score preview: Rust scores a risk profile while it is being edited (the provider page,
// review mode), so the figures beside the form stay honest. The UI never computes them itself.
import { call } from './ipc';
import type { RiskProfile } from './bindings/RiskProfile';
import type { Scores } from './bindings/Scores';

export interface LiveScores {
  /** The latest answer; set it to show known scores before the first answer arrives. */
  scores: Scores | null;
  /** A request is on its way. */
  readonly scoring: boolean;
}

/**
 * Asks Rust to score `risk()` whenever what it reads changes, `delay` ms after the last change.
 * Must be called while a component initialises. `risk` returning null means there is nothing to
 * score: the preview is empty. Answers to older requests are dropped, and a risk profile Rust
 * cannot score (a half-finished edit) keeps the last good figures.
 */
export function liveScores(risk: () => RiskProfile | null, delay = 0): LiveScores {
  // Raw: answers are replaced whole, never edited.
  let scores = $state.raw<Scores | null>(null);
  let scoring = $state(false);
  let request = 0;

  $effect(() => {
    const current = risk();
    const mine = ++request;
    if (!current) {
      scores = null;
      scoring = false;
      return;
    }
    scoring = true;
    const ask = async () => {
      try {
        const next = await call('score_risk', { risk: current });
        if (mine === request) scores = next;
      } catch {
        // Keeps the last good figures.
      } finally {
        if (mine === request) scoring = false;
      }
    };
    if (delay === 0) {
      void ask();
      return;
    }
    const timer = setTimeout(ask, delay);
    return () => clearTimeout(timer);
  });

  return {
    get scores() {
      return scores;
    },
    set scores(value: Scores | null) {
      scores = value;
    },
    get scoring() {
      return scoring;
    },
  };
}
