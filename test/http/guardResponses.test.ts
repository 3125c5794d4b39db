/** /openapi.json names the problems the app-wide guards answer with, on the routes they guard (issue 14). */
import { describe, expect, it } from 'vitest';
import { seededApp } from '../helpers/runtime.js';

const { app } = await seededApp();
const doc = (await (await app.request('/openapi.json')).json()) as {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
};
const statuses = (path: string, method: string) => Object.keys(doc.paths[path][method].responses).map(Number);

describe('/openapi.json lists the guards’ problems', () => {
  it('421 on every operation; 403 on every POST, PUT and DELETE; 429 and 507 on writes; 413 where there is a body', () => {
    for (const [path, item] of Object.entries(doc.paths))
      for (const method of Object.keys(item)) expect(statuses(path, method), `${method} ${path}`).toContain(421);
    expect(statuses('/documents', 'post')).toEqual(expect.arrayContaining([403, 413, 429, 507, 201]));
    expect(statuses('/documents/{id}', 'delete')).toEqual(expect.arrayContaining([403, 429, 507]));
    expect(statuses('/search', 'post')).toEqual(expect.arrayContaining([400, 413, 415]));
    // A session cookie without the CSRF token, or a cross-site Origin, is refused on the read-only POSTs too.
    expect(statuses('/search', 'post')).toContain(403);
    expect(statuses('/search', 'post')).not.toContain(507);
    expect(statuses('/passages/{id}', 'get')).toContain(400);
    expect(statuses('/passages/{id}', 'get')).not.toContain(403);
    expect(statuses('/health', 'get')).not.toContain(429);
  });

  it('401 on every route but the public ones (health, the API description, signing in and out)', () => {
    expect(statuses('/documents', 'get')).toContain(401);
    expect(statuses('/drafts/{id}', 'get')).toContain(401);
    expect(statuses('/search', 'post')).toContain(401);
    expect(statuses('/health', 'get')).not.toContain(401);
  });

  it('503 on every operation: a stopping server refuses new requests (http/shutdown.ts)', () => {
    for (const [path, item] of Object.entries(doc.paths))
      for (const method of Object.keys(item)) expect(statuses(path, method), `${method} ${path}`).toContain(503);
  });

  it('429 on the routes that call a language model', () => {
    expect(statuses('/ask', 'post')).toContain(429);
    expect(statuses('/drafts', 'post')).toContain(429);
  });
});
