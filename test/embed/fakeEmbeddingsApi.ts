/**
 * A fake OpenAI-compatible /v1/embeddings on 127.0.0.1 (port 0). By default it answers like a real server:
 * one vector per input, in order. A test swaps `reply` to script failures: status codes, headers, bad JSON,
 * out-of-order or missing vectors, no answer at all ('hang'), or an answer held until a promise settles.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmbeddingsRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: { model: string; input: string[]; dimensions?: number };
}

export type Reply = { status?: number; headers?: Record<string, string>; json?: unknown; raw?: string } | 'hang';

export interface FakeEmbeddingsApi {
  url: string;
  requests: EmbeddingsRequest[];
  /** Decides the answer to the n-th request (0-based). */
  reply: (n: number, req: EmbeddingsRequest) => Reply | Promise<Reply>;
  close(): Promise<void>;
}

/**
 * The vector the fake gives an input: 1 at the position named by the input's trailing number ("t3" → index 3),
 * a small constant elsewhere — so a test can tell which input a returned vector belongs to.
 */
function vectorFor(text: string, dimension: number): number[] {
  const k = Number(/(\d+)$/.exec(text)?.[1] ?? 0) % dimension;
  return Array.from({ length: dimension }, (_, i) => (i === k ? 3 : 0.1));
}

/** A well-formed response for `input`, optionally with the data array reversed. */
export function okReply(input: string[], dimension = 8, reversed = false): Reply {
  const data = input.map((t, index) => ({ object: 'embedding', index, embedding: vectorFor(t, dimension) }));
  return { json: { object: 'list', model: 'fake', data: reversed ? data.reverse() : data } };
}

export async function startFakeEmbeddingsApi(reply?: FakeEmbeddingsApi['reply']): Promise<FakeEmbeddingsApi> {
  const api: FakeEmbeddingsApi = {
    url: '',
    requests: [],
    reply: reply ?? ((_, req) => okReply(req.body.input)),
    close: async () => undefined,
  };
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const request: EmbeddingsRequest = { path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : {} };
    const n = api.requests.length;
    api.requests.push(request);
    if (request.path !== '/v1/embeddings') {
      res.writeHead(404).end();
      return;
    }
    const r = await api.reply(n, request);
    if (r === 'hang') return;
    res.writeHead(r.status ?? 200, { 'content-type': 'application/json', ...r.headers });
    res.end(r.raw ?? JSON.stringify(r.json ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections(); // hung requests would otherwise keep close() waiting
      server.close(() => resolve());
    });
  return api;
}
