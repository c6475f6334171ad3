// The "what if" graph: a blast radius turned into boxes and arrows, laid out left to right by
// dagre (failing provider on the left, our services on the right). Dagre is a kept library with
// no eval and no remote code, so it runs under the app's strict CSP; the app only sizes boxes.
import dagre from '@dagrejs/dagre';
import type { BlastRadius } from './bindings/BlastRadius';
import type { Effect } from './bindings/Effect';
import type { PathStep } from './bindings/PathStep';
import type { ProviderId } from './bindings/ProviderId';
import type { ServiceId } from './bindings/ServiceId';
import { failureLabel, formatMoney } from './reach';

export type NodeKind = 'provider' | 'service';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  sublabel: string;
  /** Top-left corner, in the layout's units (SVG user units). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** What the failure does to it; `unaffected` for a service only reached by cut paths. */
  effect: Effect;
}

export interface Point {
  x: number;
  y: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  points: Point[];
  effect: Effect;
  /** Ends at a service that carries on thanks to an off switch. */
  cut: boolean;
  /** A live alternative on the path lets us switch away sooner. */
  shortened: boolean;
}

export interface WhatIfLayout {
  width: number;
  height: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const NODE_HEIGHT = 44;
const MIN_WIDTH = 120;
const MAX_WIDTH = 220;
// About what a 13 px system-ui character takes; jsdom cannot measure text, and a box a little
// too wide reads better than a label cut short.
const CHAR_WIDTH = 7.2;
const PADDING_X = 24;
/** How many characters of a label fit in the widest box; longer ones end in "…". */
export const MAX_LABEL_CHARS = Math.floor((MAX_WIDTH - PADDING_X) / CHAR_WIDTH);

export const providerNodeId = (id: ProviderId): string => `p${id}`;
export const serviceNodeId = (id: ServiceId): string => `s${id}`;

function boxWidth(label: string, sublabel: string): number {
  const chars = Math.max(label.length, sublabel.length);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(chars * CHAR_WIDTH + PADDING_X)));
}

type Box = Omit<GraphNode, 'x' | 'y'>;
type Link = Omit<GraphEdge, 'points'>;

/** Worse effects win when two paths give the same arrow (the enum is ordered least harm first). */
const HARM: Record<Effect, number> = { unaffected: 0, degraded: 1, down: 2 };

/** The nodes and edges of a radius, before layout: each provider and service once, each arrow once. */
export function whatIfGraph(radius: BlastRadius, currency: string): { nodes: Box[]; edges: Link[] } {
  const nodes = new Map<string, Box>();
  const edges = new Map<string, Link>();
  const failing = radius.failure === 'outage' ? 'down' : 'degraded';
  const addNode = (id: string, kind: NodeKind, label: string, sublabel: string, effect: Effect) => {
    if (!nodes.has(id)) nodes.set(id, { id, kind, label, sublabel, effect, width: boxWidth(label, sublabel), height: NODE_HEIGHT });
  };
  const addEdge = (via: PathStep[], to: string, effect: Effect, cut: boolean, shortened: boolean) => {
    const last = via[via.length - 1];
    if (!last) return;
    const from = providerNodeId(last.provider_id);
    const key = `${from}>${to}`;
    const known = edges.get(key);
    if (!known || HARM[effect] > HARM[known.effect]) edges.set(key, { from, to, effect, cut, shortened });
  };

  addNode(providerNodeId(radius.provider_id), 'provider', radius.name, failureLabel(radius.failure), failing);
  // A provider runs on the one before it on its path, and fails the same way.
  for (const p of radius.providers) {
    addNode(providerNodeId(p.provider_id), 'provider', p.name, p.fourth_party ? 'fourth party' : '', failing);
    addEdge(p.via.slice(0, -1), providerNodeId(p.provider_id), failing, false, false);
  }
  for (const s of radius.services) {
    const id = serviceNodeId(s.service_id);
    addNode(id, 'service', s.name, s.cost_per_hour === null ? 'no cost yet' : `${formatMoney(s.cost_per_hour, currency)} / h`, s.effect);
    for (const path of s.paths) addEdge(path.via, id, path.effect, false, path.shortened_by !== null);
  }
  // Cut paths come last so a service some other path reaches keeps its own box and figures.
  for (const c of radius.cut) {
    const id = serviceNodeId(c.service_id);
    addNode(id, 'service', c.service, 'off switch', 'unaffected');
    addEdge(c.via, id, 'unaffected', true, false);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Lays the graph out left to right; boxes never overlap (dagre keeps `nodesep` between them). */
export function layoutWhatIf(radius: BlastRadius, currency: string): WhatIfLayout {
  const { nodes, edges } = whatIfGraph(radius, currency);
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 70, edgesep: 8, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  // Our services all stand in the last column, whatever depth their provider is at: the reader
  // sees what we lose in one place. An edge to a service is made long enough to reach it.
  const depth = new Map<string, number>([[providerNodeId(radius.provider_id), 0]]);
  for (const p of radius.providers) depth.set(providerNodeId(p.provider_id), p.via.length - 1);
  const last = Math.max(...depth.values()) + 1;
  for (const e of edges) g.setEdge(e.from, e.to, depth.has(e.to) ? {} : { minlen: last - (depth.get(e.from) ?? 0) });
  dagre.layout(g);

  const graph = g.graph();
  return {
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
    // Dagre gives centres; SVG rectangles want corners.
    nodes: nodes.map((n) => {
      const placed = g.node(n.id);
      return { ...n, x: (placed.x ?? 0) - n.width / 2, y: (placed.y ?? 0) - n.height / 2 };
    }),
    edges: edges.map((e) => ({ ...e, points: g.edge(e.from, e.to).points ?? [] })),
  };
}

/** An SVG path through dagre's bend points, rounded at each bend so crossings stay legible. */
export function edgePath(points: Point[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M${first.x},${first.y}`;
  rest.forEach((p, i) => {
    const next = rest[i + 1];
    d += next ? ` Q${p.x},${p.y} ${(p.x + next.x) / 2},${(p.y + next.y) / 2}` : ` L${p.x},${p.y}`;
  });
  return d;
}

/** A label that fits its box: long names end in "…" (the full name is in the node's tooltip). */
export function fitLabel(label: string): string {
  return label.length <= MAX_LABEL_CHARS ? label : `${label.slice(0, MAX_LABEL_CHARS - 1)}…`;
}
