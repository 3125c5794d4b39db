/**
 * `npm run draft` while a server holds the data directory: the request goes to POST /drafts with `stream: true`,
 * its `retrieval` events feed the same progress lines a local run prints, and the saved draft (`done`) is fetched
 * as the file `--out` names through the export the web page uses (GET /drafts/{id}/export). Without `--out` the
 * draft is the Markdown export, which is what a local run prints.
 */
import { writeFile } from 'node:fs/promises';
import type { DraftRequest } from '../domain/draftRequest.js';
import type { DraftEvent } from '../draft/pipeline.js';
import type { DraftDocument } from '../draft/types.js';
import type { VerificationReport } from '../verify/index.js';
import { callServer, serverDrafter, streamFromServer } from './serverCall.js';

/** The saved draft as POST /drafts returns it (http/routes/drafts.schemas.ts DraftVersionSchema), what the CLI reads. */
export interface ServerDraft {
  id: string;
  version: number;
  draft: DraftDocument;
  verification: VerificationReport;
  usage: { inputTokens: number; outputTokens: number };
  timings: { totalMs?: number };
  /** The export as Markdown: what is printed when `--out` is not given. */
  markdown: string;
}

/**
 * @example const saved = await draftViaServer(url, { request, token, out: 'utkast.docx', onEvent: print });
 */
export async function draftViaServer(
  server: string,
  {
    request,
    token,
    out,
    onEvent,
  }: { request: DraftRequest; token?: string; out?: string; onEvent: (e: DraftEvent) => void },
): Promise<ServerDraft> {
  const drafter = await serverDrafter(server);
  process.stderr.write(
    `Skriver med ${drafter ? `${drafter} på ` : ''}serveren på ${server} for ${request.organisation.name} …\n`,
  );
  const saved = await streamFromServer<Omit<ServerDraft, 'markdown'>>(server, '/drafts', {
    token,
    json: request,
    onEvent: (event, data) => event === 'retrieval' && onEvent(data as DraftEvent),
  });
  const docx = Boolean(out?.toLowerCase().endsWith('.docx'));
  // A local run writes a draft with ✗ sentences too (marked, and exit 1): the export is told it may.
  const file = await callServer(
    server,
    `/drafts/${encodeURIComponent(saved.id)}/export?version=${saved.version}&format=${docx ? 'docx' : 'md'}&allowUnverified=true`,
    { token },
  );
  const bytes = Buffer.from(await file.arrayBuffer());
  if (out) await writeFile(out, bytes);
  return { ...saved, markdown: docx ? '' : bytes.toString('utf8') };
}
