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
});
