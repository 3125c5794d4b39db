/**
 * The OpenID Connect client against a fake issuer on 127.0.0.1: a good sign-in gives the e-mail; a token signed by
 * another key, for another client, with another nonce or expired is refused; a dead issuer is a 503 problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { oidcClient } from '../../../src/http/auth/oidc.js';
import { startFakeOidcIssuer, type FakeOidcIssuer } from '../../helpers/fakeOidcIssuer.js';

let issuer: FakeOidcIssuer;
beforeAll(async () => {
  issuer = await startFakeOidcIssuer();
});
afterAll(() => issuer.close());

/** The browser's part: follow the authorize redirect back to our callback URL. */
async function signInAt(client: ReturnType<typeof oidcClient>) {
  const { url, pending } = await client.start('http://127.0.0.1:8787');
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const callback = new URL(res.headers.get('location')!);
  expect(callback.origin + callback.pathname).toBe('http://127.0.0.1:8787/auth/oidc/callback');
  return { callback, pending };
}

describe('oidcClient', () => {
  const make = () =>
    oidcClient({ issuer: issuer.issuer, clientId: issuer.clientId, clientSecret: issuer.clientSecret });

  it('signs in with the code flow and PKCE, and reads the e-mail from the verified id_token', async () => {
    const client = make();
    const { callback, pending } = await signInAt(client);
    const who = await client.finish(callback, pending);
    expect(who).toEqual({ email: 'kari@example.no', emailVerified: true, name: 'Kari Nordmann', subject: 'u-1' });
    const form = issuer.tokenRequests.at(-1)!;
    expect(form.get('code_verifier')).toBe(pending.codeVerifier);
    expect(form.get('redirect_uri')).toBe('http://127.0.0.1:8787/auth/oidc/callback');
  });

  for (const tamper of ['signature', 'audience', 'nonce', 'expired'] as const)
    it(`refuses an id_token with a wrong ${tamper}`, async () => {
      const client = make();
      const { callback, pending } = await signInAt(client);
      issuer.tamper = tamper;
      const err = await client.finish(callback, pending).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('forbidden:oidc');
      expect((err as AppError).status).toBe(403);
    });

  it('refuses a callback whose state is not the one this sign-in started with', async () => {
    const client = make();
    const { callback, pending } = await signInAt(client);
    const err = await client.finish(callback, { ...pending, state: 'en-annen-tilstand' }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('forbidden:oidc');
  });

  it('refuses a client with the wrong secret', async () => {
    const client = oidcClient({ issuer: issuer.issuer, clientId: issuer.clientId, clientSecret: 'feil' });
    const { callback, pending } = await signInAt(client);
    const err = await client.finish(callback, pending).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('forbidden:oidc');
  });

  it('answers 503 with a Norwegian detail when the issuer cannot be reached', async () => {
    const client = oidcClient({ issuer: 'http://127.0.0.1:9', clientId: 'x', clientSecret: 'y' });
    const err = await client.start('http://127.0.0.1:8787').catch((e: unknown) => e);
    expect((err as AppError).code).toBe('unavailable:oidc');
    expect((err as AppError).detail).toMatch(/identitetstilbyderen/);
  });
});
