import { parseBlock } from '../src/api/sse';

describe('server-sent event blocks', () => {
  it('reads the event name and joins data lines', () => {
    expect(parseBlock('event:node\ndata:{"a":1}')).toEqual({ event: 'node', data: '{"a":1}' });
    expect(parseBlock('event: delta\ndata: line1\ndata: line2')).toEqual({ event: 'delta', data: 'line1\nline2' });
  });
  it('ignores comments and blocks without data', () => {
    expect(parseBlock(':keep-alive')).toBeNull();
  });
});
