/**
 * A fake OpenAI-compatible /v1/chat/completions on 127.0.0.1 (port 0). It reads the `<kilde>` elements our prompt
 * wraps the sources in and answers as a model would: JSON citing the first sentence of each source, or with a
 * quote it made up, a quote with its punctuation changed, prose with inline markers, errors, or no answer at all.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { firstSentence } from './fakeMessagesApi.js';

export type ChatScenario =
  | 'cite'
  | 'invent'
  | 'misquote'
  | 'inline'
  | 'garbage'
  | 'rate_limit'
  | 'rate_limit_long'
  | 'server_error'
  | 'hang'
  | 'stall';

export interface FakeChatApi {
  url: string;
  requests: { headers: Record<string, unknown>; body: any }[];
  scenario: ChatScenario | ((n: number) => ChatScenario);
  /** When set, the answer's text for a 200 (e.g. a judge's JSON verdict) instead of a drafted answer. */
  reply?: (body: any, n: number) => string;
  close(): Promise<void>;
}

export const INVENTED_QUOTE = 'Fagforbundet krever at alle kommuner innfører firedagersuke innen 2027';

/** The sources in a request: id and text of each <kilde>. */
export function sourcesOf(body: any): { id: string; text: string }[] {
  const user = body.messages?.find((m: any) => m.role === 'user')?.content ?? '';
  return [...String(user).matchAll(/<kilde id="([^"]+)"[^>]*>\n([\s\S]*?)\n<\/kilde>/g)].map((m) => ({
    id: m[1],
    text: m[2],
  }));
}

function answer(scenario: ChatScenario, body: any): string {
  const sources = sourcesOf(body).slice(0, 2);
  const cited = sources.map((s) => {
    const q = firstSentence(s.text).text;
    return {
      text: q,
      citations: [{ passageId: s.id, quote: scenario === 'misquote' ? q.replace(/ /g, '  ').replace(/\.$/, '') : q }],
    };
  });
  if (scenario === 'invent')
    cited.push({
      text: 'Vi krever at alle kommuner innfører firedagersuke innen 2027.',
      citations: [{ passageId: sources[0]?.id ?? 'x', quote: INVENTED_QUOTE }],
    });
  if (scenario === 'inline')
    return cited.map((c) => `${c.text} [${c.citations[0].passageId} «${c.citations[0].quote}»]`).join(' ');
  if (scenario === 'garbage') return 'Beklager, jeg kan ikke hjelpe med det.';
  return '```json\n' + JSON.stringify({ paragraphs: [cited] }) + '\n```';
}

export async function startFakeChatApi(
  opts: { scenario?: FakeChatApi['scenario']; reply?: FakeChatApi['reply'] } = {},
): Promise<FakeChatApi> {
  const api: FakeChatApi = {
    url: '',
    requests: [],
    scenario: opts.scenario ?? 'cite',
    reply: opts.reply,
    close: async () => undefined,
  };
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : {};
    const n = api.requests.length;
    api.requests.push({ headers: req.headers, body });
    const scenario = typeof api.scenario === 'function' ? api.scenario(n) : api.scenario;
    if (req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    if (scenario === 'hang') return;
    if (scenario === 'stall') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id": "chatcmpl-stall", '); // and nothing more
      return;
    }
    if (scenario === 'rate_limit_long') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '600' });
      res.end(JSON.stringify({ error: { message: 'slow down' } }));
      return;
    }
    if (scenario === 'rate_limit' || scenario === 'server_error') {
      res.writeHead(scenario === 'rate_limit' ? 429 : 500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: scenario } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: `chatcmpl-${n}`,
        object: 'chat.completion',
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: api.reply ? api.reply(body, n) : answer(scenario, body) },
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 900, completion_tokens: 120, total_tokens: 1020 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return api;
}
