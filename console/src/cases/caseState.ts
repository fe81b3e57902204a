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

/** Nodes the engineer has already answered: an edge leads from them to a USER_RESPONSE. */
export function answeredNodes(nodes: CaseNode[], edges: { source: string; target: string }[]): Set<string> {
  const responses = new Set(nodes.filter((n) => n.type === 'USER_RESPONSE').map((n) => n.id));
  return new Set(edges.filter((e) => responses.has(e.target)).map((e) => e.source));
}

/** The node that needs attention: the newest one running, awaiting an answer or failed; else the newest. */
export function pickLatest(nodes: CaseNode[], answered: Set<string>): CaseNode | undefined {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    if (n.status === 'PROCESSING' || n.status === 'FAILED' || (n.status === 'AWAITING_USER_INPUT' && !answered.has(n.id))) return n;
  }
  return nodes[nodes.length - 1];
}

/**
 * Where an open case stands, from the node that needs attention ({@link pickLatest}) and the nodes already answered:
 * analysing, waiting for the engineer's answer, its analysis failed, or a solution waiting for the engineer's
 * feedback (the case stays open until then). A solved or closed case is just that.
 */
export type CasePhase = 'analysing' | 'awaitingAnswer' | 'analysisFailed' | 'awaitingFeedback' | 'open' | 'solved' | 'closed';

export function casePhase(status: CaseGraph['status'], latest: CaseNode | undefined, answered: Set<string>): CasePhase {
  if (status === 'solved' || status === 'closed') return status;
  if (!latest) return 'open';
  if (latest.status === 'PROCESSING') return 'analysing';
  if (latest.status === 'AWAITING_USER_INPUT' && !answered.has(latest.id)) return 'awaitingAnswer';
  if (latest.status === 'FAILED') return 'analysisFailed';
  if (latest.type === 'SOLUTION' && latest.status === 'COMPLETED') return 'awaitingFeedback';
  return 'open';
}
