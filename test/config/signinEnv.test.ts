/** The sign-in settings: OIDC needs all three of issuer, client id and secret; TRUST_PROXY is a boolean word. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.js';

describe('sign-in configuration', () => {
  it('names the missing OIDC settings in Norwegian when only some are set', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.no' })).toThrow(ConfigError);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.no' })).toThrow(
      /OIDC_CLIENT_ID: mangler[\s\S]*OIDC_CLIENT_SECRET: mangler/,
    );
  });

  it('accepts all three or none, and reads TRUST_PROXY and the session lengths', () => {
    const c = loadConfig({
      OIDC_ISSUER: 'https://login.example.no',
      OIDC_CLIENT_ID: 'innspill',
      OIDC_CLIENT_SECRET: 's',
      TRUST_PROXY: 'true',
      SESSION_IDLE_MINUTES: '30',
    });
    expect(c).toMatchObject({ TRUST_PROXY: true, SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 24 });
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'kanskje' })).toThrow(/TRUST_PROXY/);
  });
});
