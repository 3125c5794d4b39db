/**
 * `npm run verify` while a server holds the data directory: no second process may open it, so the draft goes
 * through the server's own door, POST /verify, and the report that comes back is printed as a local run prints it.
 * A citation of a passage the server does not know (or the token may not read) is a 422 that still carries the
 * whole report; the CLI prints it like any report with a failed citation.
 */
import type { VerificationReport } from '../verify/index.js';
import { tokenAdvice } from './serverClient.js';

/** What came back: a report, a draft or request the user can fix (exit 2), or a run that could not be made. */
export type ServerVerifyOutcome =
  | { kind: 'report'; report: VerificationReport }
  | { kind: 'invalid'; message: string }
  | { kind: 'failed'; message: string };

interface Problem {
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: { field: string; reason: string }[];
  report?: VerificationReport;
}

/** Statuses that say the draft itself is wrong: bad Markdown, too large, not UTF-8. */
const DRAFT_REFUSALS = new Set([400, 413, 415, 422]);

/**
 * @example const out = await verifyViaServer('http://127.0.0.1:8787', { markdown, organisation: 'Fagforbundet' });
 */
export async function verifyViaServer(
  server: string,
  { markdown, organisation, token }: { markdown: string; organisation?: string; token?: string },
): Promise<ServerVerifyOutcome> {
  let res: Response;
  try {
    res = await fetch(`${server}/verify`, {
      method: 'POST',
      body: JSON.stringify({ markdown, ...(organisation ? { organisation } : {}) }),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return {
      kind: 'failed',
      message: `fikk ikke kontakt med serveren på ${server} (${cause?.code ?? cause?.message ?? (err as Error).message}).`,
    };
  }
  const body = (await res.json().catch(() => ({}))) as Problem & Partial<VerificationReport>;
  if (res.ok && Array.isArray(body.sentences)) return { kind: 'report', report: body as VerificationReport };
  if (res.status === 422 && body.report) return { kind: 'report', report: body.report };
  if (res.status === 401 || res.status === 403)
    return {
      kind: 'failed',
      message: tokenAdvice(server, res.status, { sent: token !== undefined, detail: body.detail }),
    };
  const detail = body.detail ?? body.title ?? res.statusText;
  if (DRAFT_REFUSALS.has(res.status)) {
    // The server names fields as they stand in its request body («markdown [^3]»); the file has only the footnote.
    const fields = (body.errors ?? []).map((e) => e.field.replace(/^markdown\s*/, '')).filter(Boolean);
    return { kind: 'invalid', message: `${detail}${fields.length ? ` (${fields.join(', ')})` : ''}` };
  }
  return { kind: 'failed', message: `serveren på ${server} svarte ${res.status}: ${detail}` };
}
