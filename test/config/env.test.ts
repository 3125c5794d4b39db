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
});
