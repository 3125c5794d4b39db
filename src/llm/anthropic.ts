/**
 * Claude through @anthropic-ai/sdk with the Citations API: each retrieved passage is a `document` block with
 * citations enabled, so the quotes come back extracted by the API (verbatim), with offsets into the passage text.
 * The passages travel only inside document blocks, never in the system prompt or the instructions: text in them
 * is data. The shared instructions are marked for prompt caching; the SDK keeps its own retries, within the overall
 * deadline and the retry-after cap of limits.ts.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { claudeClient, type ClaudeOptions } from './anthropicSdk.js';
import { ChatTimeoutError, LlmOutputError, mapLlmError } from './errors.js';
import { startDeadline } from './limits.js';
import { sentencesFromBlocks, type TextBlock } from './sentencesFromBlocks.js';
import type {
  CitationRef,
  GenerateOptions,
  Generation,
  GenerationRequest,
  LlmProvider,
  SourcePassage,
} from './types.js';

/** Claude's options (deadline default 60 s), and how the answer comes. */
export interface AnthropicProviderOptions extends ClaudeOptions {
  /** Stream the answer with messages.stream() (default) or wait for it whole with messages.create(). */
  stream?: boolean;
}

/**
 * @example createAnthropicProvider({ apiKey: 'test', baseURL: 'http://127.0.0.1:4010', model: 'claude-sonnet-5-5' })
 */
export function createAnthropicProvider(opts: AnthropicProviderOptions): LlmProvider {
  const client = claudeClient(opts, 60_000);
  const log = opts.logger;

  return {
    name: 'anthropic',
    model: opts.model,
    extractive: false,
    async generate(req: GenerationRequest, { signal: caller, onText }: GenerateOptions = {}): Promise<Generation> {
      const t0 = performance.now();
      const sdk = await client(); // loaded on first use, outside the deadline: the import is ours, not the model's
      // NOTE: the SDK's `timeout` only covers each attempt up to the response headers; this covers the whole call.
      const deadline = startDeadline(opts.timeoutMs ?? 60_000, caller);
      const signal = deadline.signal;
      const params: Anthropic.MessageCreateParamsNonStreaming = {
        model: opts.model,
        max_tokens: req.maxTokens,
        system: [{ type: 'text', text: req.system, cache_control: { type: 'ephemeral' } }],
        messages: [{ role: 'user', content: [...req.sources.map(documentBlock), { type: 'text', text: req.user }] }],
      };
      let requestId: string | null | undefined;
      try {
        let message: Anthropic.Message;
        if (opts.stream === false) {
          const res = await sdk.messages.create(params, { signal }).withResponse();
          requestId = res.request_id;
          message = res.data;
        } else {
          const stream = sdk.messages.stream(params, { signal });
          if (onText) stream.on('text', (delta) => onText(delta));
          stream.on('connect', () => (requestId = stream.request_id));
          message = await stream.finalMessage();
          requestId = stream.request_id;
        }
        const generation = toGeneration(message, req.sources, requestId);
        log?.info(
          {
            provider: 'anthropic',
            model: message.model,
            requestId,
            usage: generation.usage,
            stopReason: message.stop_reason,
            ms: Math.round(performance.now() - t0),
          },
          'llm call',
        );
        return generation;
      } catch (err) {
        const mapped = mapLlmError(
          deadline.expired() ? new ChatTimeoutError('model call passed its deadline', { cause: err }) : err,
          'anthropic',
        );
        log?.warn(
          {
            provider: 'anthropic',
            model: opts.model,
            requestId: mapped.details.requestId ?? requestId,
            code: mapped.code,
            status: mapped.details.status,
            type: mapped.details.type,
          },
          'llm call failed',
        );
        throw mapped;
      }
    },
  };
}

function documentBlock(s: SourcePassage): Anthropic.DocumentBlockParam {
  return {
    type: 'document',
    source: { type: 'text', media_type: 'text/plain', data: s.text },
    title: `${s.organisation}: ${s.title} (${s.date})`.slice(0, 500),
    context: `Passasje ${s.id}`,
    citations: { enabled: true },
  };
}

/** Map the message's text blocks and char_location citations to our sentences and passage ids. */
function toGeneration(message: Anthropic.Message, sources: SourcePassage[], requestId?: string | null): Generation {
  if (!message || !Array.isArray(message.content)) throw new LlmOutputError('svaret mangler innhold');
  const blocks: TextBlock[] = [];
  for (const block of message.content) {
    if (block.type !== 'text') continue;
    if (typeof block.text !== 'string') throw new LlmOutputError('en tekstblokk mangler tekst');
    blocks.push({ text: block.text, citations: (block.citations ?? []).flatMap((c) => toCitation(c, sources)) });
  }
  const paragraphs = sentencesFromBlocks(blocks);
  if (paragraphs.length === 0) throw new LlmOutputError('svaret var tomt');
  const u = message.usage ?? ({} as Partial<Anthropic.Usage>);
  return {
    paragraphs,
    model: message.model ?? 'ukjent',
    requestId: requestId ?? null,
    stopReason: message.stop_reason ?? null,
    usage: {
      inputTokens: u.input_tokens ?? 0,
      outputTokens: u.output_tokens ?? 0,
      cacheReadInputTokens: u.cache_read_input_tokens ?? 0,
      cacheCreationInputTokens: u.cache_creation_input_tokens ?? 0,
    },
  };
}

function toCitation(c: Anthropic.TextCitation, sources: SourcePassage[]): CitationRef[] {
  if (c.type !== 'char_location') return [];
  const source = sources[c.document_index];
  if (!source) throw new LlmOutputError(`kildehenvisning til dokument ${c.document_index}, som ikke finnes`);
  if (typeof c.cited_text !== 'string' || c.cited_text.trim() === '')
    throw new LlmOutputError('kildehenvisning uten sitat');
  const quote = c.cited_text;
  // The API counts characters; trust its offsets only when they point at the quote in our text.
  if (source.text.slice(c.start_char_index, c.end_char_index) === quote) {
    return [{ passageId: source.id, quote, start: c.start_char_index, end: c.end_char_index }];
  }
  const at = source.text.indexOf(quote);
  return [
    at >= 0 ? { passageId: source.id, quote, start: at, end: at + quote.length } : { passageId: source.id, quote },
  ];
}
