// The what-if graph's layout at the size the issue asks to stay readable (200 providers, 50
// services): `npm run bench`. It runs once per pick of provider and failure mode, so a few
// hundred milliseconds is the budget, not a keystroke's 50 ms.
import { bench, describe } from 'vitest';
import { largeRadius } from '../test/dependencies';
import { layoutWhatIf, whatIfGraph } from './whatIfLayout';

const radius = largeRadius(200, 50);

describe('what-if graph, 200 providers and 50 services', () => {
  bench('nodes and edges', () => {
    whatIfGraph(radius, 'USD');
  });
  bench('dagre layout', () => {
    layoutWhatIf(radius, 'USD');
  });
});
