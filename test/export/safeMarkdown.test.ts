import { describe, expect, it } from 'vitest';
import { safeMarkdown } from '../../src/export/safeMarkdown.js';

describe('safeMarkdown', () => {
  it('escapes raw HTML so no tag survives, keeping the words', () => {
    const out = safeMarkdown('Sitat: «kontroll <img src=x onerror=alert(1)> over data» <script>x</script>');
    expect(out).not.toMatch(/<img|<script/i);
    expect(out).toContain('&lt;img src=x onerror=alert(1)>');
  });
  it('turns non-http(s) links into their text and keeps http(s) links and footnotes', () => {
    const md = [
      '# Høringssvar',
      'Se [klikk her](javascript:alert(document.cookie)) og ![bilde](data:image/svg+xml,x) og [lov](https://lovdata.no/x).',
      'Påstand.[^1]',
      '[ref]: javascript:alert(1)',
      '[^1]: kilde-p001 «sitat»',
    ].join('\n');
    const out = safeMarkdown(md);
    expect(out).not.toMatch(/\]\(\s*(javascript|data):/i);
    expect(out).not.toMatch(/^\[ref\]:/m);
    expect(out).toContain('Se klikk her og bilde og [lov](https://lovdata.no/x).');
    expect(out).toContain('Påstand.[^1]');
    expect(out).toContain('[^1]: kilde-p001 «sitat»');
  });
  it('defuses autolinks with other schemes', () => {
    expect(safeMarkdown('<javascript:alert(1)>')).not.toMatch(/<javascript:/);
  });
});
