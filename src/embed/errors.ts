/**
 * The one error type embedders throw. `code` says what went wrong for callers that branch on it (src/errors.ts
 * maps all three to 'unavailable:embedder'); `userMessage` is Norwegian Bokmål for people; `message` carries
 * the technical detail for the log. Neither ever contains the API key.
 */
import { StageError, type EmbeddingErrorCode } from '../errors.js';

export type { EmbeddingErrorCode } from '../errors.js';

const USER_MESSAGES: Record<EmbeddingErrorCode, string> = {
  embedder_unavailable:
    'Tjenesten som lager vektorer (embeddings), svarer ikke eller avviste forespørselen. Prøv igjen senere.',
  embedder_bad_response:
    'Tjenesten som lager vektorer (embeddings), ga et svar vi ikke kan bruke. Sjekk modell og dimensjon i oppsettet.',
  embedder_timeout: 'Tjenesten som lager vektorer (embeddings), brukte for lang tid på å svare. Prøv igjen senere.',
};

export class EmbeddingError extends StageError {
  override readonly name = 'EmbeddingError';
  override readonly code: EmbeddingErrorCode;
  /** For people: Norwegian Bokmål, no technical detail. */
  readonly userMessage: string;
  /** The HTTP status of the last failed response, when there was one. */
  readonly status?: number;

  /**
   * @example throw new EmbeddingError('embedder_timeout', 'no response in 30000 ms from http://127.0.0.1:11434/v1/embeddings')
   */
  constructor(
    code: EmbeddingErrorCode,
    detail: string,
    options: { status?: number; userMessage?: string; cause?: unknown } = {},
  ) {
    super(code, detail, { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.userMessage = options.userMessage ?? USER_MESSAGES[code];
  }

  override userText(): string {
    return this.userMessage;
  }
}

/** Narrow an unknown caught value (also across module copies, where `instanceof` fails). */
export function isEmbeddingError(err: unknown): err is EmbeddingError {
  return err instanceof Error && err.name === 'EmbeddingError' && typeof (err as EmbeddingError).code === 'string';
}
