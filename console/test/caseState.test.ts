import { applyStreamEvent, type LiveCase } from '../src/cases/caseState';
import type { CaseGraph, CaseNode } from '../src/api/types';

const node = (id: string, status: CaseNode['status'], type: CaseNode['type'] = 'AI_ANALYSIS'): CaseNode =>
  ({ id, type, title: 'AI分析中...', status, content: {}, metadata: {} });
const graph: CaseGraph = {
  caseId: 'c1', title: 'OSPF', status: 'open', createdAt: '', updatedAt: '', category: null, vendor: null,
  nodes: [node('n1', 'COMPLETED', 'USER_QUERY'), node('n2', 'PROCESSING')], edges: [{ source: 'n1', target: 'n2' }],
};

describe('the live case stream', () => {
  const start: LiveCase = applyStreamEvent({ graph: null, drafts: {} }, { event: 'graph', data: graph });

  it('keeps a streamed draft as draft[0, offset) + text, and starts over at offset 0', () => {
    let s = applyStreamEvent(start, { event: 'delta', data: { nodeId: 'n2', offset: 0, text: 'OSPF邻居' } });
    s = applyStreamEvent(s, { event: 'delta', data: { nodeId: 'n2', offset: 6, text: '状态' } });
    expect(s.drafts.n2).toBe('OSPF邻居状态');
    s = applyStreamEvent(s, { event: 'delta', data: { nodeId: 'n2', offset: 4, text: ' MTU' } });
    expect(s.drafts.n2).toBe('OSPF MTU');
    s = applyStreamEvent(s, { event: 'delta', data: { nodeId: 'n2', offset: 0, text: 'again' } });
    expect(s.drafts.n2).toBe('again');
  });

  it('replaces a changed node, adds a new one, and drops the draft of a node that ended', () => {
    let s = applyStreamEvent(start, { event: 'delta', data: { nodeId: 'n2', offset: 0, text: 'draft' } });
    s = applyStreamEvent(s, { event: 'node', data: { node: { ...node('n2', 'COMPLETED', 'SOLUTION'), title: '解决方案' } } });
    expect(s.graph!.nodes.map((n) => [n.id, n.type, n.status])).toEqual([['n1', 'USER_QUERY', 'COMPLETED'], ['n2', 'SOLUTION', 'COMPLETED']]);
    expect(s.drafts.n2).toBeUndefined();
    s = applyStreamEvent(s, { event: 'node', data: { node: node('n3', 'PROCESSING') } });
    expect(s.graph!.nodes).toHaveLength(3);
  });

  it('adds an edge once, and follows the case status', () => {
    let s = applyStreamEvent(start, { event: 'edge', data: { edge: { source: 'n1', target: 'n2' } } });
    expect(s.graph!.edges).toHaveLength(1);
    s = applyStreamEvent(s, { event: 'edge', data: { edge: { source: 'n2', target: 'n3' } } });
    expect(s.graph!.edges).toHaveLength(2);
    s = applyStreamEvent(s, { event: 'case', data: { caseSummary: { status: 'solved' } } });
    expect(s.graph!.status).toBe('solved');
  });
});
