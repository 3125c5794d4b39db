/** Structured logging (pino). Never log document text, prompts or tokens: only ids, counts and timings. */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = 'info'): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['*.authorization', '*.apiKey', '*.token', 'headers.authorization'], censor: '[skjult]' },
  });
}

/** A logger that writes nothing, for tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
