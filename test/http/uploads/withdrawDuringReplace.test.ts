/**
 * A document withdrawn (DELETE /documents/:id) while its replacement (PUT /documents/:id) is being saved: the
 * withdrawal wins, the uploader gets 409 `conflict:withdrawn` in Norwegian (it was a 500 `internal:server`), and
 * nothing of either version is left: no row, no passage, no pending save.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.js';
import { createApp } from '../../../src/http/app.js';
import { silentLogger } from '../../../src/log.js';
import { openPglite } from '../../../src/store/db.js';
import { countAll } from '../../../src/store/documents.js';
import { ensureEmbedder } from '../../../src/store/embeddings.js';
import { migrate } from '../../../src/store/migrate.js';
import { localEmbedder } from '../../helpers/runtime.js';

const db = await openPglite('memory://');
await migrate(db);
const embedder = await localEmbedder();
await ensureEmbedder(db, embedder);
const app = createApp({
  db,
  embedder,
  config: loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }),
  logger: silentLogger,
});
afterAll(() => db.close());

/** `n` paragraphs long enough to be a passage each: a save of many batches (UPLOAD_SAVE_BATCH = 100). */
const longText = (word: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `Avsnitt ${i} om ${word}. Forbundet mener at kommunene må få ${word} i god tid før omstillingen, og at ` +
      `de ansatte skal tas med i arbeidet fra første dag. Erfaringene fra ${word}-prosjekt nummer ${i} viser at ` +
      `det lønner seg å lytte til dem som kjenner tjenestene best, og at opplæring må finansieres særskilt.`,
  ).join('\n\n');

function form(text: string): FormData {
  const f = new FormData();
  f.set('file', new File([text], 'notat.txt', { type: 'text/plain' }));
  f.set('id', 'testforbundet-omstilling');
  f.set('organisation', 'Testforbundet');
  f.set('title', 'Notat om omstilling');
  f.set('date', '2024-05-01');
  return f;
}

const pendingVersion = async () =>
  (
    await db.query<{ v: number | null }>(
      `SELECT pending_version AS v FROM documents WHERE id = 'testforbundet-omstilling'`,
    )
  ).rows[0]?.v ?? null;

describe('DELETE /documents/:id while a PUT of it is being saved', () => {
  it('ends the replace with 409 «ble trukket tilbake», the withdrawal standing and nothing half-saved', async () => {
    const created = await app.request('/documents', { method: 'POST', body: form(longText('fiberkabel', 3)) });
    expect(created.status).toBe(201);
    expect((await created.json()).document.id).toBe('testforbundet-omstilling');
    const before = await countAll(db);

    const replacing = app.request('/documents/testforbundet-omstilling', {
      method: 'PUT',
      body: form(longText('satellittradio', 1500)),
    });
    // Wait until the replacement's passages are being saved (its pending version is set), then withdraw.
    while ((await pendingVersion()) === null) await new Promise((r) => setTimeout(r, 5));
    const withdrawal = await app.request('/documents/testforbundet-omstilling', { method: 'DELETE' });
    expect(withdrawal.status).toBe(200);
    expect(await withdrawal.json()).toMatchObject({ documentId: 'testforbundet-omstilling', passagesRemoved: 3 });

    const res = await replacing;
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(body).toMatchObject({ code: 'conflict:withdrawn', title: 'Dokumentet ble trukket tilbake' });
    expect(body.detail).toContain('«testforbundet-omstilling» ble trukket tilbake mens den nye versjonen ble lagret');
    expect(body.detail).toContain('Ingenting av den nye versjonen ble lagret');

    // The store: the document is gone whole, both versions, with nothing pending left behind.
    expect((await app.request('/documents/testforbundet-omstilling')).status).toBe(404);
    expect(await countAll(db)).toEqual({ documents: before.documents - 1, passages: before.passages - 3 });
    const { rows } = await db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM passages WHERE document_id = 'testforbundet-omstilling')::int
            + (SELECT count(*) FROM documents WHERE id = 'testforbundet-omstilling')::int AS n`,
    );
    expect(rows[0].n).toBe(0);
    const search = await app.request('/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'satellittradio', mode: 'text' }),
    });
    expect(search.status).toBe(200);
    expect((await search.json()).hits).toEqual([]);

    // Uploading the document again afterwards works.
    const again = await app.request('/documents', { method: 'POST', body: form(longText('satellittradio', 3)) });
    expect(again.status).toBe(201);
  });
});
