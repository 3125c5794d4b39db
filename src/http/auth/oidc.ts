/**
 * OpenID Connect sign-in through `openid-client` (authorization code flow with PKCE, state and nonce). The issuer
 * is discovered on first use, not at startup, so a server whose identity provider is down still starts and serves
 * password sign-in; a failed discovery is tried again on the next sign-in.
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { AppError } from '../errors.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the issuer sends the browser back; by default the request's origin + /auth/oidc/callback. */
  redirectUrl?: string;
}

/** What a sign-in needs to remember between the redirect out and the callback (stored server-side by `state`). */
export interface OidcPending {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

export interface OidcIdentity {
  email: string;
  /** The issuer's email_verified claim; undefined when it sends none (many enterprise issuers do not). */
  emailVerified: boolean | undefined;
  name?: string;
  subject: string;
}

export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function oidcClient(settings: OidcSettings) {
  let config: Promise<client.Configuration> | undefined;
  const issuer = new URL(settings.issuer);
  // NOTE: openid-client refuses plain http. An issuer on this machine (a test's fake, a local Keycloak) is allowed
  // to speak it; anything else must be https.
  const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  const discover = () =>
    (config ??= client
      .discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
        timeout: 10,
      })
      .catch((err: unknown) => {
        config = undefined;
        throw new AppError('unavailable:oidc', {
          detail: 'Fikk ikke kontakt med identitetstilbyderen. Prøv igjen om litt, eller logg inn med passord.',
          cause: err,
        });
      }));

  return {
    /** The issuer's authorization URL to send the browser to, and what the callback must check. */
    async start(origin: string): Promise<{ url: URL; pending: OidcPending }> {
      const cfg = await discover();
      const pending: OidcPending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        redirectUri: settings.redirectUrl ?? new URL(OIDC_CALLBACK_PATH, origin).href,
      };
      const url = client.buildAuthorizationUrl(cfg, {
        redirect_uri: pending.redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pending };
    },

    /**
     * Redeem the callback's code and check the id_token (signature from the issuer's JWKS, issuer, audience,
     * expiry, nonce). Throws forbidden:oidc for anything the issuer or the browser got wrong.
     */
    async finish(callbackUrl: URL, pending: OidcPending): Promise<OidcIdentity> {
      const cfg = await discover();
      // The issuer saw the redirect_uri we sent; the token request must name the same one, whatever Host we are
      // reached under behind a proxy.
      const current = new URL(pending.redirectUri);
      current.search = callbackUrl.search;
      let claims: client.IDToken | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(cfg, current, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
        // NOTE: openid-client trusts an id_token from the token endpoint on the strength of TLS and the client
        // secret (OIDC Core 3.1.3.7 allows it). We check its signature against the issuer's JWKS as well: it is
        // one cached key fetch, and a proxy or a misconfigured http issuer then cannot hand us a made-up identity.
        const jwksUri = cfg.serverMetadata().jwks_uri;
        if (!jwksUri || !tokens.id_token) throw new Error('no jwks_uri or id_token');
        jwks ??= createRemoteJWKSet(new URL(jwksUri));
        await jwtVerify(tokens.id_token, jwks, { issuer: cfg.serverMetadata().issuer, audience: settings.clientId });
      } catch (err) {
        throw new AppError('forbidden:oidc', {
          detail: 'Identitetstilbyderen ga ikke et gyldig svar på innloggingen. Prøv igjen.',
          cause: err,
        });
      }
      const email = typeof claims?.email === 'string' ? claims.email.trim().toLowerCase() : '';
      if (!claims || !email)
        throw new AppError('forbidden:oidc', {
          detail: 'Identitetstilbyderen oppga ingen e-postadresse, så vi vet ikke hvilken bruker du er.',
        });
      return {
        email,
        emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : undefined,
        name: typeof claims.name === 'string' ? claims.name : undefined,
        subject: claims.sub,
      };
    },
  };
}

export type OidcClient = ReturnType<typeof oidcClient>;
