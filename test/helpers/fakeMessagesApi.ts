/**
 * A fake Anthropic Messages API on 127.0.0.1 (port 0) for the REAL SDK to talk to. By default it answers like
 * Claude with citations enabled: it cites the first full sentence of the first documents it was given, as
 * char_location citations with true offsets, plain or streamed (SSE with an `event:` line on every frame). Other
 * scenarios answer 429, 529, 500, a 429 asking for a 600 s wait, hang until the client times out, stall after the
 * headers (and the first event when streaming), or send output we can't use.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { splitSentences } from '../../src/text/sentences.js';

export type MessagesScenario =
  | 'cite'
  | 'rate_limit'
  | 'overloaded'
  | 'server_error'
  | 'hang'
  | 'bad_json'
  | 'bad_index'
  | 'empty'
  | 'overloaded_in_stream'
  | 'rate_limit_long'
  | 'stall';

export interface RecordedRequest {
  headers: IncomingMessage['headers'];
  body: any;
}

export interface FakeMessagesApi {
  url: string;
  requests: RecordedRequest[];
  /** Scenario for each request (by 0-based count), or one for all. */
  scenario: MessagesScenario | ((n: number) => MessagesScenario);
  /** When set, the text of a plain-string request's answer (a judge's JSON) instead of the verifier judge's verdict. */
  reply?: (body: any, n: number) => string;
  close(): Promise<void>;
}

/** The first sentence of a document worth citing: ends in a full stop and has some length. */
export function firstSentence(text: string): { text: string; start: number; end: number } {
  const spans = splitSentences(text);
  const s =
    spans.find(
      (x) =>
        /[.!]$/.test(text.slice(x.start, x.end)) && x.end - x.start > 40 && !text.slice(x.start, x.end).includes('\n'),
    ) ?? spans[0];
  return { text: text.slice(s.start, s.end), start: s.start, end: s.end };
}

/** The content blocks of a cited answer: two cited sentences, then one claim without a source. */
function citedContent(body: any, uncited: boolean): any[] {
  const content = body.messages?.[0]?.content;
  const docs = (Array.isArray(content) ? content : []).filter((b: any) => b.type === 'document');
  const blocks: any[] = [];
  docs.slice(0, 2).forEach((d: any, i: number) => {
    const s = firstSentence(d.source.data);
    if (i > 0) blocks.push({ type: 'text', text: ' ', citations: null });
    blocks.push({
      type: 'text',
      text: s.text,
      citations: [
        {
          type: 'char_location',
          cited_text: s.text,
          document_index: docs.indexOf(d),
          document_title: d.title ?? null,
          start_char_index: s.start,
          end_char_index: s.end,
          file_id: null,
        },
      ],
    });
  });
  if (uncited)
    blocks.push({
      type: 'text',
      text: '\n\nLønnsoppgjøret i 2031 ga alle ansatte 12 prosent mer i lønn.',
      citations: null,
    });
  return blocks;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, {
    'content-type': 'application/json',
    'request-id': headers['request-id'] ?? 'req_fake',
    ...headers,
  });
  res.end(JSON.stringify(body));
};

const errorBody = (type: string, message: string) => ({ type: 'error', error: { type, message } });

export async function startFakeMessagesApi(
  opts: {
    scenario?: FakeMessagesApi['scenario'];
    uncited?: boolean;
    judgeVerdict?: 'entailed' | 'neutral' | 'contradicted';
    reply?: FakeMessagesApi['reply'];
  } = {},
): Promise<FakeMessagesApi> {
  const requests: RecordedRequest[] = [];
  const api: FakeMessagesApi = {
    url: '',
    requests,
    scenario: opts.scenario ?? 'cite',
    reply: opts.reply,
    close: async () => undefined,
  };
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : {};
    const n = requests.length;
    requests.push({ headers: req.headers, body });
    const scenario = typeof api.scenario === 'function' ? api.scenario(n) : api.scenario;
    const rid = { 'request-id': `req_fake_${n}`, 'retry-after-ms': '5' };
    if (scenario === 'rate_limit')
      return json(res, 429, errorBody('rate_limit_error', 'Number of requests has exceeded your rate limit'), rid);
    if (scenario === 'overloaded') return json(res, 529, errorBody('overloaded_error', 'Overloaded'), rid);
    if (scenario === 'server_error') return json(res, 500, errorBody('api_error', 'Internal server error'), rid);
    if (scenario === 'rate_limit_long')
      return json(res, 429, errorBody('rate_limit_error', 'Number of requests has exceeded your rate limit'), {
        'request-id': `req_fake_${n}`,
        'retry-after': '600',
      });
    if (scenario === 'hang') return; // never answers; the client's timeout fires
    // The verifier's judge sends its prompt as a plain string and wants one JSON object back.
    const judging = typeof body.messages?.[0]?.content === 'string';
    const verdict = { verdict: opts.judgeVerdict ?? 'entailed', reason: 'Kilden sier det samme som setningen.' };
    const content =
      scenario === 'empty'
        ? []
        : judging
          ? [{ type: 'text', text: api.reply ? api.reply(body, n) : JSON.stringify(verdict), citations: null }]
          : citedContent(body, opts.uncited ?? false);
    if (scenario === 'bad_index') content.forEach((b) => b.citations?.forEach((c: any) => (c.document_index = 42)));
    const message = {
      id: `msg_fake_${n}`,
      type: 'message',
      role: 'assistant',
      model: body.model,
      content,
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: 1200,
        output_tokens: 80,
        cache_creation_input_tokens: n === 0 ? 900 : 0,
        cache_read_input_tokens: n === 0 ? 0 : 900,
      },
    };
    if (!body.stream) {
      if (scenario === 'stall') {
        res.writeHead(200, { 'content-type': 'application/json', ...rid });
        return void res.write('{"id": "msg_fake", '); // and nothing more
      }
      if (scenario === 'bad_json') {
        res.writeHead(200, { 'content-type': 'application/json', ...rid });
        return res.end('{"id": "msg_fake", "content": [');
      }
      return json(res, 200, message, rid);
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...rid });
    const send = (event: string, data: unknown) =>
      res.write(`event: ${event}\ndata: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
    send('message_start', {
      type: 'message_start',
      message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } },
    });
    if (scenario === 'stall') return; // headers and message_start sent, then nothing
    if (scenario === 'bad_json') {
      send('content_block_start', '{"type": "content_block_start", "index": 0, "content_block": {');
      return res.end();
    }
    if (scenario === 'overloaded_in_stream') {
      send('error', errorBody('overloaded_error', 'Overloaded'));
      return res.end();
    }
    content.forEach((block, index) => {
      send('content_block_start', {
        type: 'content_block_start',
        index,
        content_block: { type: 'text', text: '', citations: block.citations ? [] : null },
      });
      for (const c of block.citations ?? [])
        send('content_block_delta', {
          type: 'content_block_delta',
          index,
          delta: { type: 'citations_delta', citation: c },
        });
      // Text arrives in pieces, as it does from the API.
      for (let i = 0; i < block.text.length; i += 40) {
        send('content_block_delta', {
          type: 'content_block_delta',
          index,
          delta: { type: 'text_delta', text: block.text.slice(i, i + 40) },
        });
      }
      send('content_block_stop', { type: 'content_block_stop', index });
    });
    send('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: message.usage.output_tokens },
    });
    send('message_stop', { type: 'message_stop' });
    res.end();
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
