import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '../src/i18n/I18n';
import { NodePanel } from '../src/cases/NodePanel';
import type { CaseNode } from '../src/api/types';

function answering(status: number, body: unknown) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: Request | string, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(input, location.origin), init);
    const text = await request.text();
    calls.push({ url: request.url, method: request.method, body: text ? JSON.parse(text) : null });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }));
  return calls;
}

const clarification: CaseNode = {
  id: 'q1', type: 'AI_CLARIFICATION', title: '需要更多信息', status: 'AWAITING_USER_INPUT', metadata: {},
  content: { analysis: 'MTU 可能不一致', suggestedQuestions: ['两端接口MTU是多少？', 'OSPF网络类型是什么？'] },
};

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('a clarification node', () => {
  it('offers its suggested questions, hides weight and tags behind "advanced", and sends the answer', async () => {
    const calls = answering(200, { newNodes: [], newEdges: [], processingNodeId: 'a2' });
    const user = userEvent.setup();
    render(<I18nProvider lang="en"><NodePanel caseId="c1" node={clarification} caseOpen /></I18nProvider>);

    expect(screen.getByText('MTU 可能不一致')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '两端接口MTU是多少？' }));
    const answer = screen.getByLabelText('Your answer');
    expect(answer).toHaveValue('两端接口MTU是多少？ ');
    await user.type(answer, '1500 和 1400');

    const advanced = screen.getByText('Advanced').closest('details')!;
    expect(advanced).not.toHaveAttribute('open');
    await user.click(screen.getByText('Advanced'));
    const weight = within(advanced).getByRole('slider');
    expect(weight).toHaveValue('0.7');
    await user.type(within(advanced).getByLabelText(/Filter tags/), 'ospf, mtu');

    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(calls).toHaveLength(1);
    expect(calls[0].method).toBe('POST');
    expect(calls[0].url).toMatch(/\/api\/v1\/cases\/c1\/interactions$/);
    expect(calls[0].body).toEqual({ parentNodeId: 'q1', response: '两端接口MTU是多少？ 1500 和 1400', retrievalWeight: 0.7, filterTags: ['ospf', 'mtu'] });
  });

  it('keeps what was typed in the session, so an expired login does not lose it', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<I18nProvider lang="en"><NodePanel caseId="c1" node={clarification} caseOpen /></I18nProvider>);
    await user.type(screen.getByLabelText('Your answer'), 'half typed');
    unmount();
    render(<I18nProvider lang="en"><NodePanel caseId="c1" node={clarification} caseOpen /></I18nProvider>);
    expect(screen.getByLabelText('Your answer')).toHaveValue('half typed');
  });
});

describe('a solution node', () => {
  const solution: CaseNode = {
    id: 's1', type: 'SOLUTION', title: '解决方案', status: 'COMPLETED', metadata: {},
    content: {
      answer: '将两端MTU改为一致', commands: ['display ospf peer', 'mtu 1500'],
      commandDetails: [{ command: 'display ospf peer', safety: 'read-only' }, { command: 'mtu 1500', safety: 'config-change', rollback: 'undo mtu' }],
      sources: [{ docId: 'd1', fileName: 'ospf.md', chunkId: 'k1', score: 0.91, location: { section: 'MTU', page: null } }],
    },
  };

  it('lists each command with its own copy button and safety label', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<I18nProvider lang="en"><NodePanel caseId="c1" node={solution} caseOpen /></I18nProvider>);
    expect(screen.getByText('read-only')).toBeInTheDocument();
    expect(screen.getByText('config-change')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy: mtu 1500' }));
    expect(writeText).toHaveBeenCalledWith('mtu 1500');
    expect(screen.getByRole('button', { name: 'Copy: mtu 1500' })).toHaveTextContent('Copied');
  });

  it('opens a cited passage on click', async () => {
    answering(200, { chunkId: 'k1', text: 'ExStart 状态通常由 MTU 不一致引起' });
    const user = userEvent.setup();
    render(<I18nProvider lang="en"><NodePanel caseId="c1" node={solution} caseOpen /></I18nProvider>);
    const source = screen.getByRole('button', { name: /ospf\.md/ });
    expect(source).toHaveAttribute('aria-expanded', 'false');
    await user.click(source);
    expect(await screen.findByText('ExStart 状态通常由 MTU 不一致引起')).toBeInTheDocument();
  });
});

describe('a failed analysis', () => {
  it('says why and retries the node', async () => {
    const calls = answering(202, {});
    const user = userEvent.setup();
    const failed: CaseNode = { id: 'a1', type: 'AI_ANALYSIS', title: '分析失败', status: 'FAILED', metadata: {}, content: { error: 'model unreachable', attempts: 3 } };
    render(<I18nProvider lang="zh"><NodePanel caseId="c1" node={failed} caseOpen /></I18nProvider>);
    expect(screen.getByRole('alert')).toHaveTextContent('model unreachable');
    await user.click(screen.getByRole('button', { name: '重试' }));
    expect(calls[0].url).toMatch(/\/api\/v1\/cases\/c1\/nodes\/a1\/retry$/);
  });
});
