/** The adversarial eval's bookkeeping: the id-parity split and what counts as a miss or an alarm. */
import { describe, expect, it } from 'vitest';
import { figures, outcomeOf, splitOf, type CaseResult } from '../../evals/verifier/adversarial/run.js';
import type { SentenceReport } from '../../src/verify/index.js';

const report = (verdict: SentenceReport['verdict'], status = 'ok', claim = true) =>
  ({ verdict, claim, citations: status ? [{ status }] : [] }) as unknown as SentenceReport;

describe('adversarial verifier eval', () => {
  it('splits by id parity: even = dev, odd = held-out', () => {
    expect(splitOf('va-002')).toBe('dev');
    expect(splitOf('va-101')).toBe('heldout');
  });

  it('counts faulty → ✓ as a dangerous miss, faithful → ✗ as hard and ≈ as soft', () => {
    expect(outcomeOf('faulty', report('supported'))).toBe('dangerous_miss');
    expect(outcomeOf('faulty', report('supported', 'misattributed'))).toBe('ok');
    expect(outcomeOf('faulty', report('partly_supported'))).toBe('ok');
    expect(outcomeOf('faithful', report('contradicted'))).toBe('hard_false_alarm');
    expect(outcomeOf('faithful', report('uncited', '', true))).toBe('hard_false_alarm');
    expect(outcomeOf('faithful', report('uncited', '', false))).toBe('ok');
    expect(outcomeOf('faithful', report('partly_supported'))).toBe('soft_alarm');
    const rs = [
      { label: 'faulty', outcome: 'dangerous_miss' },
      { label: 'faulty', outcome: 'ok' },
      { label: 'faithful', outcome: 'soft_alarm' },
      { label: 'faithful', outcome: 'hard_false_alarm' },
    ] as CaseResult[];
    expect(figures(rs)).toMatchObject({ dangerousMissRate: 0.5, hardFalseAlarmRate: 0.5, softAlarmRate: 0.5 });
  });
});
