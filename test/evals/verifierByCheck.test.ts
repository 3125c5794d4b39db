/**
 * The adversarial eval's `--by-check` (evals/verifier/adversarial/byCheck.ts): every ✗ and ≈ attributed to the checks
 * that gave it, and only over the readable sets (never the adversarial set's held-out half).
 */
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadEvalConfig } from '../../evals/lib/config.js';
import { byCheck, loadReadableCases, type Attributable } from '../../evals/verifier/adversarial/byCheck.js';

const x = (
  label: Attributable['label'],
  verdict: Attributable['verdict'],
  ...checks: [string, Attributable['verdict']][]
) => ({ label, verdict, claim: true, findings: checks.map(([check, v]) => ({ check, verdict: v })) }) as Attributable;

describe('by-check attribution', () => {
  it('counts each ✗ per check on faithful and faulty sentences, and where the check alone made it ✗', () => {
    const rows = byCheck([
      x('faithful', 'contradicted', ['polarity', 'contradicted'], ['paraphrase', 'partly_supported']),
      x('faulty', 'contradicted', ['polarity', 'contradicted'], ['number', 'contradicted']),
      x('faulty', 'contradicted', ['number', 'contradicted']),
      x('faulty', 'partly_supported', ['number', 'partly_supported']),
      x('faithful', 'partly_supported', ['paraphrase', 'partly_supported']),
      x('faithful', 'supported'),
    ]);
    const get = (check: string) => rows.find((r) => r.check === check)!;
    expect(get('polarity')).toMatchObject({ hardFaithful: 1, hardFaithfulAlone: 1, hardFaulty: 1, hardFaultyAlone: 0 });
    expect(get('number')).toMatchObject({ hardFaulty: 2, hardFaultyAlone: 1, softFaulty: 1, softFaultyAlone: 1 });
    // A ≈ finding on a ✗ sentence is not a soft alarm: paraphrase counts only its own ≈ sentence.
    expect(get('paraphrase')).toMatchObject({ hardFaithful: 0, softFaithful: 1, softFaithfulAlone: 1 });
    expect(rows[0].check).toBe('polarity');
  });

  it('reads only the readable sets: the opened blind sets, never the closed one, no held-out (odd) id of the adversarial set', async () => {
    const readable = await loadReadableCases();
    const ids = new Set(readable.map((c) => c.id));
    const adversarial = (await readFile('evals/cases/verifier-adversarial.jsonl', 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(adversarial.filter((id) => Number(id.replace(/\D/g, '')) % 2 === 1).some((id) => ids.has(id))).toBe(false);
    expect(adversarial.filter((id) => Number(id.replace(/\D/g, '')) % 2 === 0).every((id) => ids.has(id))).toBe(true);
    // The first blind set (vb-) is development data since session 12, the second (vh-) since session 13.
    expect([...ids].some((id) => id.startsWith('vh-'))).toBe(true);
    expect([...ids].some((id) => id.startsWith('vb-'))).toBe(true);
    // The fourth blind set (vq-) is development data since session 15.
    expect([...ids].some((id) => id.startsWith('vq-'))).toBe(true);
    // The fifth (vr-) since session 15, the sixth (vs-), seventh (vu-) and eighth (vw-) since session 16, the tenth
    // (vy-) and eleventh (vk-) since session 18; the ninth (vx-), twelfth (vm-), thirteenth (vn-), fourteenth (vo-)
    // and fifteenth (vp-) are closed and never read.
    expect([...ids].some((id) => id.startsWith('vr-'))).toBe(true);
    expect(['vs-', 'vu-', 'vw-', 'vy-', 'vk-'].every((p) => [...ids].some((id) => id.startsWith(p)))).toBe(true);
    expect([...ids].some((id) => /^v[xmnop]-/.test(id))).toBe(false);
    expect(readable.length).toBeGreaterThan(1000);
  });
});

describe('the hand-written sets in evals/config.yaml', () => {
  it('lists every verifier case file once, with the closed blind sets marked never to be read', async () => {
    const config = loadEvalConfig();
    const listed = Object.values(config.verifier.handWritten).map((s) => s.cases.replace('evals/cases/', ''));
    const files = (await readdir('evals/cases')).filter((f) => /^verifier-.*\.jsonl$/.test(f));
    expect([...listed].sort()).toEqual([...files].sort());
    const closed = Object.entries(config.verifier.handWritten)
      .filter(([, s]) => s.read === 'never')
      .map(([name]) => name);
    expect(closed).toEqual(['blind9', 'blind12', 'blind13', 'blind14', 'blind15']);
  });
});
