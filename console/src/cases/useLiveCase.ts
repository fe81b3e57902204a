import { useEffect, useReducer, useState } from 'react';
import { openStream } from '../api/sse';
import { applyStreamEvent, type LiveCase, type StreamEvent } from './caseState';

/** The case as its live stream tells it: the graph first, then every node, edge, case change and streamed text. */
export function useLiveCase(caseId: string) {
  const [state, dispatch] = useReducer(
    (s: LiveCase, m: StreamEvent | { event: 'reset' }) => (m.event === 'reset' ? { graph: null, drafts: {} } : applyStreamEvent(s, m)),
    { graph: null, drafts: {} });
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    dispatch({ event: 'reset' });
    return openStream(`/api/v1/cases/${encodeURIComponent(caseId)}/stream`, (m) => {
      try {
        dispatch({ event: m.event, data: JSON.parse(m.data) } as StreamEvent);
      } catch {
        // a malformed event is skipped; the next 'graph' (after a reconnect) restores the whole state
      }
    }, setConnected);
  }, [caseId]);
  return { ...state, connected };
}
