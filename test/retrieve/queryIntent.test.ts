import { describe, expect, it } from 'vitest';
import { parseQueryIntent } from '../../src/retrieve/queryIntent.js';

const ORGS = ['Fagforbundet', 'KS', 'NTL', 'Oslo Arbeiderparti'];

describe('parseQueryIntent', () => {
  it('turns a named organisation into a filter and drops the question frame', () => {
    expect(parseQueryIntent('Hva mener Fagforbundet om en offentlig skyløsning?', ORGS)).toEqual({
      text: 'en offentlig skyløsning?',
      organisations: ['Fagforbundet'],
    });
  });

  it('knows genitives and multi-word names, and several organisations at once', () => {
    const intent = parseQueryIntent('Fagforbundets og Oslo Arbeiderparti sitt syn på personvern', ORGS);
    expect(intent.organisations.sort()).toEqual(['Fagforbundet', 'Oslo Arbeiderparti']);
    expect(intent.text).toContain('personvern');
    expect(intent.text).not.toMatch(/Fagforbund|Arbeiderparti/);
  });

  it('matches whole words only', () => {
    expect(parseQueryIntent('Hva er KSL og NTLX?', ORGS).organisations).toEqual([]);
    expect(parseQueryIntent('skyløsning', ORGS)).toEqual({ text: 'skyløsning', organisations: [] });
  });

  it('keeps the words when nothing but the frame and a name is left', () => {
    expect(parseQueryIntent('Hva mener KS?', ORGS)).toEqual({ text: 'Hva mener KS?', organisations: ['KS'] });
  });

  it('knows an organisation by the other names the table gives it, also in the genitive and in Nynorsk', () => {
    for (const q of [
      'Hva mener Norsk Tjenestemannslag om kunstig intelligens?',
      'Norsk Tjenestemannslags syn på kunstig intelligens',
      'Kva meiner Norsk Tenestemannslag om kunstig intelligens?',
    ]) {
      const intent = parseQueryIntent(q, ORGS);
      expect(intent.organisations, q).toEqual(['NTL']);
      expect(intent.text, q).toMatch(/^kunstig intelligens\??$/);
    }
    // The other way round: stored under the long name, asked by the short one.
    expect(parseQueryIntent('Hva mener NTL om lønn?', ['Norsk Tjenestemannslag']).organisations).toEqual([
      'Norsk Tjenestemannslag',
    ]);
    expect(parseQueryIntent('Hva mener Landsorganisasjonen i Norge om lønn?', ['LO', 'Norge'])).toEqual({
      text: 'lønn?',
      organisations: ['LO'],
    });
    expect(parseQueryIntent('Hva mener Oslo Ap om skolen?', ORGS).organisations).toEqual(['Oslo Arbeiderparti']);
  });

  it('reads no single common word as a name, although the word table reads it so inside one', () => {
    expect(parseQueryIntent('Hva mener kommunenes ansatte om KI?', ORGS).organisations).toEqual([]);
    expect(parseQueryIntent('Hva mener Kommunenes Sentralforbund om KI?', ORGS).organisations).toEqual(['KS']);
  });

  it('filters to every stored spelling of an organisation stored under two', () => {
    expect(parseQueryIntent('Hva mener NTL om lønn?', ['NTL', 'Norsk Tjenestemannslag']).organisations.sort()).toEqual([
      'NTL',
      'Norsk Tjenestemannslag',
    ]);
  });
});
