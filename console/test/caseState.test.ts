import { answeredNodes, applyStreamEvent, casePhase, pickLatest, type LiveCase } from '../src/cases/caseState';
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

describe('where a case stands', () => {
  const query = node('q', 'COMPLETED', 'USER_QUERY');
  const at = (nodes: CaseNode[], edges: { source: string; target: string }[] = [], status: CaseGraph['status'] = 'open') => {
    const answered = answeredNodes(nodes, edges);
    return casePhase(status, pickLatest(nodes, answered), answered);
  };

  it('names what an open case waits for: the analysis, the engineer\'s answer, or feedback on its solution', () => {
    expect(at([query, node('a', 'PROCESSING')])).toBe('analysing');
    expect(at([query, node('a', 'AWAITING_USER_INPUT', 'AI_CLARIFICATION')])).toBe('awaitingAnswer');
    expect(at([query, node('a', 'FAILED')])).toBe('analysisFailed');
    expect(at([query, node('a', 'COMPLETED', 'SOLUTION')])).toBe('awaitingFeedback');
  });

  it('moves on once a clarification is answered, and stays open when nothing is proposed yet', () => {
    const asked = node('c', 'AWAITING_USER_INPUT', 'AI_CLARIFICATION');
    const answer = node('r', 'COMPLETED', 'USER_RESPONSE');
    expect(at([query, asked, answer, node('a2', 'PROCESSING')], [{ source: 'c', target: 'r' }])).toBe('analysing');
    expect(at([query, asked, answer], [{ source: 'c', target: 'r' }])).toBe('open');
    expect(at([])).toBe('open');
  });

  it('says solved or closed whatever its nodes show', () => {
    expect(at([query, node('a', 'COMPLETED', 'SOLUTION')], [], 'solved')).toBe('solved');
    expect(at([query, node('a', 'PROCESSING')], [], 'closed')).toBe('closed');
  });
});
