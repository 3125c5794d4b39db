/**
 * A small OpenID Connect issuer on 127.0.0.1 (port 0) for the sign-in tests: discovery, JWKS, an authorize endpoint
 * that signs the configured person in at once (no login form) and a token endpoint that checks the client secret and
 * the PKCE verifier and returns an RS256 id_token signed with `jose`. `tamper` breaks one thing in the next answer.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface FakeIdentity {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface FakeOidcIssuer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next sign-in is. */
  identity: FakeIdentity;
  /** Break the next id_token: signed by another key, for another audience, or with another nonce. */
  tamper?: 'signature' | 'audience' | 'nonce' | 'expired';
  /** Every token request's form (to assert the PKCE verifier and redirect_uri were sent). */
  tokenRequests: URLSearchParams[];
  close(): Promise<void>;
}

const b64url = (buf: Buffer) => buf.toString('base64url');

export async function startFakeOidcIssuer(
  opts: { clientId?: string; clientSecret?: string; identity?: FakeIdentity } = {},
): Promise<FakeOidcIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const kid = 'nokkel-1';
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; nonce: string; redirectUri: string }>();

  const fake: FakeOidcIssuer = {
    issuer: '',
    clientId: opts.clientId ?? 'innspill',
    clientSecret: opts.clientSecret ?? 'hemmelig-klient',
    identity: opts.identity ?? { sub: 'u-1', email: 'kari@example.no', email_verified: true, name: 'Kari Nordmann' },
    tokenRequests: [],
    close: async () => undefined,
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', fake.issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration')
      return json(200, {
        issuer: fake.issuer,
        authorization_endpoint: `${fake.issuer}/authorize`,
        token_endpoint: `${fake.issuer}/token`,
        jwks_uri: `${fake.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      });
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== fake.clientId || q.get('response_type') !== 'code')
        return json(400, { error: 'invalid_request' });
      const code = randomUUID();
      codes.set(code, {
        challenge: q.get('code_challenge') ?? '',
        nonce: q.get('nonce') ?? '',
        redirectUri: q.get('redirect_uri') ?? '',
      });
      const back = new URL(q.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      fake.tokenRequests.push(form);
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const [id, secret] = basic
        ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent)
        : [form.get('client_id'), form.get('client_secret')];
      if (id !== fake.clientId || secret !== fake.clientSecret) return json(401, { error: 'invalid_client' });
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      if (
        !grant ||
        form.get('redirect_uri') !== grant.redirectUri ||
        b64url(createHash('sha256').update(verifier).digest()) !== grant.challenge
      )
        return json(400, { error: 'invalid_grant' });
      const tamper = fake.tamper;
      fake.tamper = undefined;
      const { sub, ...claims } = fake.identity;
      const idToken = await new SignJWT({ ...claims, nonce: tamper === 'nonce' ? 'en-annen' : grant.nonce })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuer(fake.issuer)
        .setAudience(tamper === 'audience' ? 'noen-andre' : fake.clientId)
        .setSubject(sub)
        .setIssuedAt(tamper === 'expired' ? Math.floor(Date.now() / 1000) - 7200 : undefined)
        .setExpirationTime(tamper === 'expired' ? Math.floor(Date.now() / 1000) - 3600 : '5m')
        .sign(tamper === 'signature' ? other.privateKey : privateKey);
      return json(200, { access_token: randomUUID(), token_type: 'Bearer', expires_in: 300, id_token: idToken });
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}
