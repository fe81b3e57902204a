import { authHeaders, notifyExpired } from './client';

export interface SseMessage {
  event: string;
  data: string;
}

/**
 * Reads a Server-Sent Events stream with fetch, because EventSource cannot send the bearer token.
 * Reconnects after a dropped connection (the stream begins with the whole state again, so nothing is lost).
 * Returns a function that stops it.
 */
export function openStream(url: string, onMessage: (message: SseMessage) => void,
                           onState: (connected: boolean) => void = () => {}): () => void {
  const controller = new AbortController();
  let stopped = false;

  const run = async () => {
    while (!stopped) {
      try {
        const response = await fetch(url, { headers: { ...authHeaders(), Accept: 'text/event-stream' }, signal: controller.signal });
        if (response.status === 401) {
          notifyExpired();
          return;
        }
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        onState(true);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
            const message = parseBlock(block);
            if (message) onMessage(message);
          }
        }
      } catch (e) {
        if (stopped) return;
      }
      onState(false);
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, 1500));
    }
  };
  void run();
  return () => {
    stopped = true;
    controller.abort();
  };
}

export function parseBlock(block: string): SseMessage | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length ? { event, data: data.join('\n') } : null;
}
