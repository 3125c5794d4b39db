/** Reaching the server that holds the data directory (its URL is in the directory's lock, store/pglite/lock.ts). */

/** The token a CLI sends: the first of API_TOKENS, the same environment the server reads. */
export const firstToken = (tokens: string | undefined) =>
  (tokens ?? '')
    .split(',')
    .map((t) => t.trim())
    .find(Boolean);
