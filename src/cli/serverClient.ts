/** Reaching the server that holds the data directory (its URL is in the directory's lock, store/pglite/lock.ts). */

import type { Config } from '../config/env.js';
import { readLockHolder } from '../store/db.js';

/**
 * The URL of the server that holds the embedded store's data directory, when one runs; none with DATABASE_URL
 * (any number of processes may share PostgreSQL).
 */
export const runningServer = (config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>): string | undefined =>
  config.DATABASE_URL ? undefined : readLockHolder(config.DATA_DIR)?.url;

/** The first of a comma-separated token list. */
export const firstToken = (tokens: string | undefined) =>
  (tokens ?? '')
    .split(',')
    .map((t) => t.trim())
    .find(Boolean);

/**
 * The token a CLI sends to the server: INNSPILL_TOKEN (a personal token, the way the README sets a server up), else
 * the first of API_TOKENS (the same environment the server reads).
 */
export const cliToken = (config: Pick<Config, 'INNSPILL_TOKEN' | 'API_TOKENS'>) =>
  config.INNSPILL_TOKEN?.trim() || firstToken(config.API_TOKENS);

/**
 * What to do when the server refuses the CLI's token (401) or its role (403), in Norwegian: what actually works
 * with a server set up as the README says (users and personal tokens; service tokens are optional).
 * @example tokenAdvice('http://127.0.0.1:8787', 401, { sent: false })
 */
export function tokenAdvice(
  server: string,
  status: number,
  { sent, detail }: { sent: boolean; detail?: string },
): string {
  if (status === 403)
    return (
      `serveren på ${server} godtok nøkkelen, men den gir ikke tilgang til dette${detail ? ` («${detail}»)` : ''}. ` +
      'Sett INNSPILL_TOKEN til nøkkelen til en bruker med rett rolle, eller stopp serveren og kjør kommandoen igjen.'
    );
  return (
    `serveren på ${server} ${sent ? 'godtok ikke nøkkelen' : 'krever en tilgangsnøkkel'}. Sett INNSPILL_TOKEN til ` +
    'en personlig nøkkel (den INNSPILL_ADMIN_EMAIL skrev ut ved første oppstart, eller en ny fra administrasjonssiden ' +
    '/admin), eller stopp serveren og kjør kommandoen igjen: uten server åpner kommandoen lageret selv.'
  );
}

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
