import { describe, expect, it } from 'vitest';
import { awsOutage, largeRadius } from '../test/dependencies';
import { edgePath, fitLabel, layoutWhatIf, MAX_LABEL_CHARS, whatIfGraph, type GraphNode } from './whatIfLayout';

function overlapping(nodes: GraphNode[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const [a, b] = [nodes[i], nodes[j]];
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) pairs.push([a.id, b.id]);
    }
  }
  return pairs;
}

describe('what-if graph', () => {
  it('has a box for the failing provider, each provider and service reached, and each cut-only service', () => {
    const { nodes } = whatIfGraph(awsOutage(), 'USD');
    expect(nodes.map((n) => `${n.kind}:${n.label}:${n.sublabel}:${n.effect}`)).toEqual([
      'provider:AWS us-east-1:Outage:down',
      'provider:Postmark::down',
      'provider:Auth0::down',
      'provider:Heroku:fourth party:down',
      'provider:Intercom::down',
      'service:Checkout:USD 12,500 / h:down',
      'service:Login:USD 8,000 / h:down',
      'service:Messenger:USD 1,500 / h:degraded',
      'service:Password reset email:USD 500 / h:down',
      'service:Reporting:no cost yet:down',
      'service:Receipts email:off switch:unaffected',
    ]);
  });

  it('draws each arrow from the provider before it on the path, marking shortened and cut ones', () => {
    const { edges } = whatIfGraph(awsOutage(), 'USD');
    const flags = (e: (typeof edges)[number]) => `${e.from}>${e.to} ${e.effect}${e.shortened ? ' shortened' : ''}${e.cut ? ' cut' : ''}`;
    expect(edges.map(flags)).toEqual([
      'p1>p2 down',
      'p1>p3 down',
      'p1>p4 down',
      'p4>p5 down',
      'p1>s1 down',
      'p3>s2 down',
      'p5>s3 degraded',
      'p2>s4 down shortened',
      'p1>s5 down',
      'p2>s6 unaffected cut',
      'p3>s1 unaffected cut',
    ]);
  });

  it('lays the radius out left to right: the failing provider first, our services in the last column', () => {
    const layout = layoutWhatIf(awsOutage(), 'USD');
    const at = (id: string) => layout.nodes.find((n) => n.id === id)!;
    expect(at('p1').x).toBeLessThan(at('p2').x);
    expect(at('p4').x).toBeLessThan(at('p5').x);
    expect(at('p5').x).toBeLessThan(at('s3').x);
    // Every service in one last column, even those a provider near the failing one takes down.
    const services = layout.nodes.filter((n) => n.kind === 'service');
    const column = Math.min(...services.map((n) => n.x));
    expect(services.every((n) => n.x + n.width / 2 === services[0].x + services[0].width / 2)).toBe(true);
    expect(layout.nodes.filter((n) => n.kind === 'provider').every((n) => n.x + n.width < column)).toBe(true);
    expect(overlapping(layout.nodes)).toEqual([]);
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.edges.every((e) => e.points.length >= 2)).toBe(true);
  });

  it('lays out 200 providers and 50 services without overlapping boxes', () => {
    const radius = largeRadius(200, 50);
    const layout = layoutWhatIf(radius, 'USD');
    // 200 providers, 50 services and the 5 services reached only by cut paths.
    expect(layout.nodes.filter((n) => n.kind === 'provider')).toHaveLength(200);
    expect(layout.nodes.filter((n) => n.kind === 'service')).toHaveLength(55);
    expect(overlapping(layout.nodes)).toEqual([]);
    expect(layout.edges.every((e) => e.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)))).toBe(true);
  });

  it('draws smooth paths and shortens long labels', () => {
    expect(edgePath([])).toBe('');
    expect(
      edgePath([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 20, y: 10 },
      ]),
    ).toBe('M0,0 Q10,0 15,5 L20,10');
    const long = 'x'.repeat(MAX_LABEL_CHARS + 5);
    expect(fitLabel(long)).toHaveLength(MAX_LABEL_CHARS);
    expect(fitLabel(long).endsWith('…')).toBe(true);
    expect(fitLabel('Postmark')).toBe('Postmark');
  });
});
