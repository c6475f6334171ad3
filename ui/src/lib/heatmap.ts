// The 5 × 5 likelihood × impact grid of the register.
import type { RegisterRow } from './bindings/RegisterRow';
import type { Level } from './bindings/Level';
import { levelOf } from './levels';

export interface HeatCellGroup {
  likelihood: number;
  impact: number;
  level: Level;
  rows: RegisterRow[];
}

export interface HeatMap {
  /** Likelihood 5 first, as the grid is drawn top to bottom; impact 1 → 5 left to right. */
  grid: HeatCellGroup[][];
  /** Providers with no scored failure mode, which have no place on the grid. */
  unplaced: RegisterRow[];
}

export const SCALE = [1, 2, 3, 4, 5];

export function bucketHeatMap(rows: RegisterRow[]): HeatMap {
  const grid = [...SCALE].reverse().map((likelihood) =>
    SCALE.map((impact) => ({
      likelihood,
      impact,
      level: levelOf(likelihood * impact),
      rows: [] as RegisterRow[],
    })),
  );
  const unplaced: RegisterRow[] = [];
  for (const row of rows) {
    const heat = row.heat;
    if (!heat || heat.likelihood < 1 || heat.likelihood > 5 || heat.impact < 1 || heat.impact > 5) {
      unplaced.push(row);
      continue;
    }
    grid[5 - heat.likelihood][heat.impact - 1].rows.push(row);
  }
  return { grid, unplaced };
}
