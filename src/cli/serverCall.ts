/**
 * One request of a CLI command to the server that holds the data directory (draft, search, ask): the body goes to
 * the server's own route with INNSPILL_TOKEN, and what the server refuses comes back as the Norwegian line the
 * command prints, marked as the user's to fix (exit 2) or as a run that could not be made (exit 3).
 */
import { fail } from './args.js';
import { sseEvents, tokenAdvice } from './serverClient.js';

/** Exit codes of a command that went through the server: 2 the request is wrong, 3 the run could not be made. */
export const SERVER_EXIT = { usage: 2, couldNotRun: 3 } as const;

export class ServerCallError extends Error {
  constructor(
    message: string,
    /** The user can fix the request (a 4xx other than 401/403). */
    readonly usage: boolean,
  ) {
    super(message);
    this.name = 'ServerCallError';
  }
}

export interface Problem {
  status?: number;
  title?: string;
  detail?: string;
  errors?: { field: string; reason: string }[];
}

/** Refusals the user fixes in the request: bad fields, an unknown id, too large, a draft that cannot be read. */
const USAGE = new Set([400, 404, 409, 413, 415, 422]);

/** A problem body (of a response, or of an SSE `error` event) as the line a CLI command prints. */
export function problemError(server: string, status: number, problem: Problem, tokenSent: boolean): ServerCallError {
  if (status === 401 || status === 403)
    return new ServerCallError(tokenAdvice(server, status, { sent: tokenSent, detail: problem.detail }), false);
  const detail = problem.detail ?? problem.title ?? `status ${status}`;
  if (USAGE.has(status)) {
    const fields = (problem.errors ?? []).map((e) => `  ${e.field}: ${e.reason}`);
    return new ServerCallError(fields.length ? `${detail}\n${fields.join('\n')}` : detail, true);
  }
  return new ServerCallError(`serveren på ${server} svarte ${status}: ${detail}`, false);
}

/**
 * @example const res = await callServer(server, '/search', { token, json: { query: 'skyløsning' } });
 */
export async function callServer(
  server: string,
  path: string,
  { token, json }: { token?: string; json?: unknown },
): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${server}${path}`, {
      method: json === undefined ? 'GET' : 'POST',
      headers: {
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new ServerCallError(
      `fikk ikke kontakt med serveren på ${server} (${cause?.code ?? cause?.message ?? (err as Error).message}).`,
      false,
    );
  }
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({}))) as Problem;
    throw problemError(server, res.status, problem, Boolean(token));
  }
  return res;
}

/**
 * A streamed POST (`stream: true`): each event but `done` and `error` goes to `onEvent`; `done`'s data is returned,
 * an `error` event's problem body is thrown as the same message a refused request gives.
 */
export async function streamFromServer<T>(
  server: string,
  path: string,
  { token, json, onEvent }: { token?: string; json: object; onEvent: (event: string, data: unknown) => void },
): Promise<T> {
  const res = await callServer(server, path, { token, json: { ...json, stream: true } });
  if (!res.body) throw new ServerCallError(`serveren på ${server} svarte uten innhold.`, false);
  for await (const { event, data } of sseEvents(res.body)) {
    const parsed = JSON.parse(data) as unknown;
    if (event === 'done') return parsed as T;
    if (event === 'error') {
      const problem = parsed as Problem;
      throw problemError(server, problem.status ?? 500, problem, Boolean(token));
    }
    onEvent(event, parsed);
  }
  throw new ServerCallError(`serveren på ${server} avbrøt svaret før det var ferdig.`, false);
}

/** The drafter the server writes with («extractive (…)»), from GET /health; undefined when it does not say. */
export async function serverDrafter(server: string): Promise<string | undefined> {
  const res = await fetch(`${server}/health`).catch(() => undefined);
  const drafter = ((await res?.json().catch(() => ({}))) as { drafter?: string } | undefined)?.drafter;
  if (!drafter) return undefined;
  const at = drafter.indexOf(':');
  return at < 0 ? drafter : `${drafter.slice(0, at)} (${drafter.slice(at + 1)})`;
}

/** A command's last word on any failure: a server's refusal by its kind, anything else as could-not-run. */
export function failServer(err: unknown): never {
  if (err instanceof ServerCallError) fail(err.message, err.usage ? SERVER_EXIT.usage : SERVER_EXIT.couldNotRun);
  throw err;
}
