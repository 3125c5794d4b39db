/** The verifier eval runs end to end on the seed corpus (the full run, with NorQuAD, is `npx tsx evals/verifier/run.ts`). */
import { describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../evals/verifier/forge.js';
import { formatTable, runVerifierEval } from '../../evals/verifier/run.js';
import { seeds } from './seedSource.js';

describe('verifier eval', () => {
  it('forges every fault kind deterministically and reports caught and false-alarm figures', async () => {
    const passages = await seeds();
    const a = await runVerifierEval({ passages, genuine: 40, perKind: 8, seed: 3 });
    const b = await runVerifierEval({ passages, genuine: 40, perKind: 8, seed: 3 });
    expect(a.kinds.map((k) => k.kind)).toEqual([...FAULT_KINDS]);
    expect(a.kinds.map((k) => [k.total, k.caught])).toEqual(b.kinds.map((k) => [k.total, k.caught]));
    expect(a.genuine.total).toBe(40);
    for (const k of a.kinds) expect(k.total, k.kind).toBe(8);
    expect(a.genuine.rate).toBeLessThanOrEqual(0.05);
    expect(formatTable(a)).toMatch(/changed_number\s+\d+\/8/);
  });
});
