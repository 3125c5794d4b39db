/**
 * Document ids in their organisation's namespace (src/domain/documentIds.ts): an upload's id begins with its
 * organisation's slug and a hyphen. So an id or title another organisation holds internally answers exactly as an
 * unused one does, two organisations uploading the same title both get their own ids, and a 409 for a taken id can
 * only name a document of the uploader's own organisation. An organisation's short forms («Oslo Ap») are namespaces
 * of its own; an id held by a document stored before the rule (a local ingest's) that the uploader may not read
 * answers as an id in another organisation's namespace does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { createApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { openPglite } from '../../src/store/db.js';
import { storeFiles } from '../../src/corpus/storeFiles.js';
import { countAll } from '../../src/store/documents.js';
import { ensureEmbedder } from '../../src/store/embeddings.js';
import { migrate } from '../../src/store/migrate.js';
import { createUser, issueToken, setRole } from '../../src/store/users.js';
import { localEmbedder } from '../helpers/runtime.js';

const db = await openPglite('memory://');
await migrate(db);
const embedder = await localEmbedder();
await ensureEmbedder(db, embedder);
const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', RATE_LIMIT_WRITES_PER_MIN: '0' });
const app = createApp({ db, embedder, config, logger: silentLogger });
afterAll(() => db.close());

async function editorOf(organisation: string): Promise<string> {
  const user = await createUser(db, { email: `redaktor@${organisation.toLowerCase().replace(/\W/g, '')}.no` });
  await setRole(db, { userId: user.id, organisation, role: 'editor' });
  return (await issueToken(db, { userId: user.id, name: 'test' })).token;
}
const alfa = await editorOf('Alfa');
const beta = await editorOf('Beta');
const oslo = await editorOf('Oslo');
const osloAp = await editorOf('Oslo Arbeiderparti');
const admin = await (async () => {
  const user = await createUser(db, { email: 'drift@example.no', isAdmin: true });
  return (await issueToken(db, { userId: user.id, name: 'test' })).token;
})();

interface Answer {
  status: number;
  body: Record<string, any>;
}

let n = 0;
async function upload(
  token: string,
  fields: Record<string, string>,
  { path = '/documents', method = 'POST', text }: { path?: string; method?: string; text?: string } = {},
): Promise<Answer> {
  const f = new FormData();
  // A text of its own for every upload, so no answer is a duplicate-content refusal.
  const body = text ?? `Notat nummer ${++n} om ${fields.title ?? 'saken'}: styret mener at saken må utredes grundig.`;
  f.set('file', new File([body], 'notat.txt', { type: 'text/plain' }));
  for (const [k, v] of Object.entries({ date: '2025-03-01', ...fields })) f.set(k, v);
  const res = await app.request(path, { method, body: f, headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** A problem body with what differs per request (the request id) and the given ids replaced. */
const normalised = (a: Answer, ...ids: string[]) => {
  let text = JSON.stringify({ ...a.body, requestId: undefined });
  for (const id of ids) text = text.replaceAll(id, '«ID»');
  return { status: a.status, body: JSON.parse(text) as unknown };
};

// Beta's internal document, uploaded with no id: its id comes from the title, in Beta's namespace.
const secret = await upload(beta, { organisation: 'Beta', title: 'Streikeplan 2027', visibility: 'internal' });
// Oslo Arbeiderparti's internal document, in a namespace that begins with Oslo's.
const osloSecret = await upload(osloAp, {
  organisation: 'Oslo Arbeiderparti',
  title: 'Plan for valgkampen',
  visibility: 'internal',
});

describe('ids in the organisation’s namespace', () => {
  it('gives an upload with no id the title’s slug after the organisation’s prefix', () => {
    expect(secret.status, JSON.stringify(secret.body)).toBe(201);
    expect(secret.body.document.id).toBe('beta-streikeplan-2027');
    expect(osloSecret.body.document.id).toBe('oslo-arbeiderparti-plan-for-valgkampen');
  });

  it('lets two organisations upload the same title, each with its own id', async () => {
    const same = await upload(alfa, { organisation: 'Alfa', title: 'Streikeplan 2027', visibility: 'internal' });
    expect(same.status, JSON.stringify(same.body)).toBe(201);
    expect(same.body.document.id).toBe('alfa-streikeplan-2027');
    expect(JSON.stringify(same.body)).not.toContain('beta-');
    // Public documents of another organisation cannot collide either.
    const shown = await upload(beta, { organisation: 'Beta', title: 'Offentlig uttalelse om lønn' });
    const again = await upload(alfa, { organisation: 'Alfa', title: 'Offentlig uttalelse om lønn' });
    expect([shown.status, again.status]).toEqual([201, 201]);
    expect([shown.body.document.id, again.body.document.id]).toEqual([
      'beta-offentlig-uttalelse-om-lonn',
      'alfa-offentlig-uttalelse-om-lonn',
    ]);
  });

  it('answers another organisation’s internal id exactly as an unused id, and stores nothing', async () => {
    const before = await countAll(db);
    const taken = await upload(alfa, { organisation: 'Alfa', title: 'Min plan', id: 'beta-streikeplan-2027' });
    const unused = await upload(alfa, { organisation: 'Alfa', title: 'Min plan', id: 'beta-finnes-ikke-2027' });
    expect(taken.status).toBe(400);
    expect(normalised(taken, 'beta-streikeplan-2027')).toEqual(normalised(unused, 'beta-finnes-ikke-2027'));
    expect(taken.body.errors).toEqual([
      { field: 'id', reason: 'må begynne med «alfa-» og ikke høre til en annen organisasjon' },
    ]);
    expect(taken.body.detail).toContain('Utelat id-en, så lages den av tittelen.');
    // The id without any prefix is refused the same way.
    const bare = await upload(alfa, { organisation: 'Alfa', title: 'Min plan', id: 'streikeplan-2027' });
    expect(normalised(bare, 'streikeplan-2027')).toEqual(normalised(unused, 'beta-finnes-ikke-2027'));
    expect(await countAll(db)).toEqual(before);
  });

  it('refuses an id in another organisation’s longer prefix whether or not it is taken, naming no document', async () => {
    const before = await countAll(db);
    const taken = await upload(oslo, {
      organisation: 'Oslo',
      title: 'Plan',
      id: 'oslo-arbeiderparti-plan-for-valgkampen',
    });
    const unused = await upload(oslo, { organisation: 'Oslo', title: 'Plan', id: 'oslo-arbeiderparti-ubrukt' });
    expect(taken.status).toBe(400);
    expect(normalised(taken, 'oslo-arbeiderparti-plan-for-valgkampen')).toEqual(
      normalised(unused, 'oslo-arbeiderparti-ubrukt'),
    );
    expect(taken.body.errors).toEqual([
      {
        field: 'id',
        reason: 'må begynne med «oslo-» og ikke høre til en annen organisasjon',
      },
    ]);
    expect(JSON.stringify(taken.body)).not.toMatch(/finnes allerede|i bruk|Oslo Arbeiderparti/);
    expect(await countAll(db)).toEqual(before);
  });

  it('keeps an id from the title clear of another organisation’s longer prefix', async () => {
    const own = await upload(oslo, { organisation: 'Oslo', title: 'Arbeiderparti plan for valgkampen' });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.document.id).toBe('oslo-dokument-arbeiderparti-plan-for-valgkampen');
  });

  it('still answers 409 for a taken id of the uploader’s own organisation', async () => {
    const first = await upload(alfa, { organisation: 'Alfa', title: 'Eget notat', id: 'alfa-eget-notat' });
    expect(first.status).toBe(201);
    const again = await upload(alfa, { organisation: 'Alfa', title: 'Eget notat', id: 'alfa-eget-notat' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict:document');
    expect(again.body.documentId).toBe('alfa-eget-notat');
  });

  it('lets a replace keep its id, but not move the document to an organisation whose namespace it is not in', async () => {
    const kept = await upload(
      beta,
      { title: 'Streikeplan 2027, ny versjon' },
      { method: 'PUT', path: '/documents/beta-streikeplan-2027' },
    );
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    const before = await countAll(db);
    const moved = await upload(
      admin,
      { organisation: 'Alfa' },
      { method: 'PUT', path: '/documents/beta-streikeplan-2027' },
    );
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([
      { field: 'organisation', reason: 'id-en «beta-streikeplan-2027» hører ikke til Alfa' },
    ]);
    expect(await countAll(db)).toEqual(before);
    const stored = await app.request('/documents/beta-streikeplan-2027', {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(((await stored.json()) as { organisation: string }).organisation).toBe('Beta');
  });

  it('holds for a consultation too: its id is in the issuer’s namespace', async () => {
    const text =
      'Kunnskapsdepartementet\n\nHøring om leksehjelp\n\nDepartementet foreslår leksehjelp. Høringsfrist: 1. juni 2025.';
    const refused = await upload(alfa, { id: 'leksehjelp' }, { path: '/consultations', text });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: 'id', reason: 'må begynne med «kunnskapsdepartementet-» og ikke høre til en annen organisasjon' },
    ]);
    const imported = await upload(alfa, {}, { path: '/consultations', text });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.document.id).toMatch(/^kunnskapsdepartementet-/);
  });

  it('keeps a consultation of an issuer with no members public, so its id never answers another importer unseen', async () => {
    const before = await countAll(db);
    const text = 'Helsedepartementet\n\nHøring om skolehelse\n\nDepartementet foreslår flere helsesykepleiere.';
    const internal = await upload(alfa, { visibility: 'internal' }, { path: '/consultations', text });
    expect(internal.status).toBe(400);
    expect(internal.body.errors).toEqual([
      { field: 'visibility', reason: 'en høring fra en avsender utenfor organisasjonene her er offentlig' },
    ]);
    expect(await countAll(db)).toEqual(before);
    // Imported public by Alfa, the same consultation from Beta is «already imported», a document Beta can read.
    expect((await upload(alfa, {}, { path: '/consultations', text })).status).toBe(201);
    const again = await upload(beta, {}, { path: '/consultations', text });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict:consultation');
  });
});

describe('short forms as namespaces', () => {
  it('lets Oslo Arbeiderparti take an id in «oslo-ap-», and refuses it to Oslo as it refuses «oslo-arbeiderparti-»', async () => {
    const own = await upload(osloAp, { organisation: 'Oslo Arbeiderparti', title: 'Plan', id: 'oslo-ap-skoleplan' });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.document.id).toBe('oslo-ap-skoleplan');
    const before = await countAll(db);
    const short = await upload(oslo, { organisation: 'Oslo', title: 'Plan', id: 'oslo-ap-skoleplan' });
    const long = await upload(oslo, { organisation: 'Oslo', title: 'Plan', id: 'oslo-arbeiderparti-ubrukt' });
    expect(short.status).toBe(400);
    expect(normalised(short, 'oslo-ap-skoleplan')).toEqual(normalised(long, 'oslo-arbeiderparti-ubrukt'));
    expect(await countAll(db)).toEqual(before);
  });
});

// A local ingest keeps the ids it is given: Beta's document under an id in Alfa's namespace, made internal by a
// replace (which keeps stored ids), as a document stored before the rule could be.
const legacy = 'alfa-lonnsplan-2027';
const legacyDir = mkdtempSync(join(tmpdir(), 'innspill-legacy-'));
const legacyText = 'Beta holder lønnsplanen for 2027 internt til forhandlingene er over.';
writeFileSync(join(legacyDir, 'lonn.txt'), legacyText);
await storeFiles({ db, embedder }, [
  {
    path: join(legacyDir, 'lonn.txt'),
    meta: { id: legacy, organisation: 'Beta', title: 'Lønnsplan 2027', kind: 'other', date: '2025', language: 'nb' },
  },
]);
const madeInternal = await upload(
  admin,
  { visibility: 'internal' },
  { method: 'PUT', path: `/documents/${legacy}`, text: legacyText },
);

describe('an id held by a document stored before the rule', () => {
  it('answers an uploader who may not read it as an id in another organisation’s namespace, and stores nothing', async () => {
    expect(madeInternal.status, JSON.stringify(madeInternal.body)).toBe(200);
    expect(madeInternal.body.document).toMatchObject({ organisation: 'Beta', visibility: 'internal' });
    const before = await countAll(db);
    const taken = await upload(alfa, { organisation: 'Alfa', title: 'Min plan', id: legacy });
    const elsewhere = await upload(alfa, { organisation: 'Alfa', title: 'Min plan', id: 'beta-ubrukt-2027' });
    expect(taken.status).toBe(400);
    expect(normalised(taken, legacy)).toEqual(normalised(elsewhere, 'beta-ubrukt-2027'));
    expect(taken.body.errors).toEqual([
      { field: 'id', reason: 'må begynne med «alfa-» og ikke høre til en annen organisasjon' },
    ]);
    // The id made from the same title: refused too, naming neither the document nor its organisation.
    const fromTitle = await upload(alfa, { organisation: 'Alfa', title: 'Lønnsplan 2027' });
    expect(fromTitle.status).toBe(400);
    expect(fromTitle.body.errors).toEqual(taken.body.errors);
    for (const a of [taken, fromTitle]) expect(JSON.stringify(a.body)).not.toMatch(/finnes allerede|i bruk|Beta/);
    expect(await countAll(db)).toEqual(before);
  });

  it('still answers 409 naming it to one who may read it', async () => {
    const seen = await upload(admin, { organisation: 'Alfa', title: 'Min plan', id: legacy });
    expect(seen.status).toBe(409);
    expect(seen.body.code).toBe('conflict:document');
    expect(seen.body.documentId).toBe(legacy);
  });
});
