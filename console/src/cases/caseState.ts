import type { CaseGraph, CaseNode, CaseEdge } from '../api/types';

/** A case as the console shows it: the graph, plus the text of running analyses as they stream. */
export interface LiveCase {
  graph: CaseGraph | null;
  drafts: Record<string, string>;
}

export type StreamEvent =
  | { event: 'graph'; data: CaseGraph }
  | { event: 'node'; data: { node: CaseNode } }
  | { event: 'edge'; data: { edge: CaseEdge } }
  | { event: 'case'; data: { caseSummary: { status: CaseGraph['status']; title?: string; updatedAt?: string } } }
  | { event: 'delta'; data: { nodeId: string; offset: number; text: string } };

/** Folds one event of /cases/{id}/stream into the live case; pure, so it is tested on its own. */
export function applyStreamEvent(state: LiveCase, message: StreamEvent): LiveCase {
  switch (message.event) {
    case 'graph':
      return { ...state, graph: message.data };
    case 'node': {
      if (!state.graph) return state;
      const node = message.data.node;
      const exists = state.graph.nodes.some((n) => n.id === node.id);
      const nodes = exists ? state.graph.nodes.map((n) => (n.id === node.id ? node : n)) : [...state.graph.nodes, node];
      const drafts = { ...state.drafts };
      if (node.status !== 'PROCESSING') delete drafts[node.id];
      return { graph: { ...state.graph, nodes }, drafts };
    }
    case 'edge': {
      if (!state.graph) return state;
      const edge = message.data.edge;
      if (state.graph.edges.some((e) => e.source === edge.source && e.target === edge.target)) return state;
      return { ...state, graph: { ...state.graph, edges: [...state.graph.edges, edge] } };
    }
    case 'case': {
      if (!state.graph) return state;
      const summary = message.data.caseSummary;
      return { ...state, graph: { ...state.graph, status: summary.status, updatedAt: summary.updatedAt ?? state.graph.updatedAt } };
    }
    case 'delta': {
      const { nodeId, offset, text } = message.data;
      const before = state.drafts[nodeId] ?? '';
      return { ...state, drafts: { ...state.drafts, [nodeId]: before.substring(0, offset) + text } };
    }
    default:
      return state;
  }
}
