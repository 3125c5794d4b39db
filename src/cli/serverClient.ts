/** Reaching the server that holds the data directory (its URL is in the directory's lock, store/pglite/lock.ts). */

/** The token a CLI sends: the first of API_TOKENS, the same environment the server reads. */
export const firstToken = (tokens: string | undefined) =>
  (tokens ?? '')
    .split(',')
    .map((t) => t.trim())
    .find(Boolean);

/**
 * The Server-Sent Events of a response body as they arrive: each frame's `event` (default "message") and its
 * `data` lines joined; frames without data are left out.
 * @example for await (const { event, data } of sseEvents(res.body)) if (event === 'done') return JSON.parse(data);
 */
export async function* sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<{ event: string; data: string }> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const data = lines
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      if (data) yield { event: lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message', data };
    }
  }
}
