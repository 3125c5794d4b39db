import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.js';

describe('loadConfig', () => {
  it('has offline defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(8787);
    expect(c.EMBEDDER).toBe('local');
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('treats empty strings as unset (as .env.example leaves them)', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(8787);
  });

  it.each([
    ['PORT', 'åtte'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['EMBEDDER', 'magic'],
    ['LOG_LEVEL', 'loud'],
  ])('a bad %s stops startup with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it.each([
    ['PGLITE_SHARED_BUFFERS_MB', 'mye', 'PGLITE_SHARED_BUFFERS_MB: må være et tall'],
    ['PGLITE_SHARED_BUFFERS_MB', '8', 'PGLITE_SHARED_BUFFERS_MB: må være minst 16'],
    ['PORT', '70000', 'PORT: kan være høyst 65535'],
    ['PORT', '80.5', 'PORT: må være et heltall'],
    ['EMBEDDER', 'magic', 'EMBEDDER: må være en av: «local», «openai»'],
    ['ANTHROPIC_BASE_URL', 'ikke en url', 'ANTHROPIC_BASE_URL: må være en gyldig nettadresse (URL)'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL: må starte med postgres://'],
  ])('says in Norwegian what is wrong with %s=%s', (name, value, reason) => {
    expect(() => loadConfig({ [name]: value })).toThrow(reason);
  });
});
