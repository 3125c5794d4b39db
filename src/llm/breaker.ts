/**
 * A circuit breaker in front of the model: after `failures` consecutive calls that found the model unavailable it
 * answers 503 at once (with Retry-After) for `coolDownMs`, so a dead endpoint costs users no waiting and the
 * endpoint no traffic. After the cool-down calls go through again ("half open"): a success closes the breaker, a
 * failure opens it for another cool-down. A call the caller aborted counts as neither.
 */
import { LlmError } from './errors.js';
import type { GenerateOptions, LlmHealth, LlmProvider } from './types.js';

export interface BreakerOptions {
  /** Consecutive failures that open the breaker (default 5). */
  failures?: number;
  /** How long it stays open, in ms (default 30 s). */
  coolDownMs?: number;
}

export class CircuitBreaker {
  readonly #threshold: number;
  readonly #coolDownMs: number;
  #failures = 0;
  #openUntil = 0;

  constructor(opts: BreakerOptions = {}) {
    this.#threshold = opts.failures ?? 5;
    this.#coolDownMs = opts.coolDownMs ?? 30_000;
  }

  health(now = Date.now()): LlmHealth {
    if (this.#failures < this.#threshold) return { state: 'closed' };
    if (now < this.#openUntil)
      return { state: 'open', retryAfterS: Math.max(1, Math.ceil((this.#openUntil - now) / 1000)) };
    return { state: 'half_open' };
  }

  /**
   * Run one model call through the breaker.
   * @example await breaker.run(() => provider.generate(req), { provider: 'anthropic', signal })
   */
  async run<T>(
    call: () => Promise<T>,
    { provider, signal }: { provider: LlmProvider['name']; signal?: AbortSignal },
  ): Promise<T> {
    const h = this.health();
    if (h.state === 'open') {
      throw new LlmError(
        'unavailable:llm',
        `Språkmodellen har feilet ${this.#failures} ganger på rad; vi prøver den igjen om ${h.retryAfterS} s.`,
        { provider, retryable: true, retryAfterS: h.retryAfterS },
      );
    }
    try {
      const result = await call();
      this.#failures = 0;
      return result;
    } catch (err) {
      if (err instanceof LlmError && err.code === 'unavailable:llm' && !signal?.aborted) {
        this.#failures++;
        if (this.#failures >= this.#threshold) this.#openUntil = Date.now() + this.#coolDownMs;
      }
      throw err;
    }
  }
}

/**
 * The provider with every call going through the breaker, and its state for /health.
 * @example const llm = withBreaker(createAnthropicProvider({ … }), new CircuitBreaker())
 */
export function withBreaker(provider: LlmProvider, breaker: CircuitBreaker): LlmProvider {
  return {
    name: provider.name,
    model: provider.model,
    extractive: provider.extractive,
    generate: (req, opts: GenerateOptions = {}) =>
      breaker.run(() => provider.generate(req, opts), { provider: provider.name, signal: opts.signal }),
    health: () => breaker.health(),
  };
}
