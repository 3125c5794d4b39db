/**
 * The faithful-paraphrase verifier set (evals/cases/verifier-faithful2.jsonl, issue 15's false alarms): valid against
 * the stored documents, at least 120 faithful sentences and 40 faulty controls, ids unique across the case files.
 */
import { describeHandWrittenSet } from './handWrittenSet.js';

describeHandWrittenSet('the faithful-paraphrase verifier set', 'verifier-faithful2.jsonl', {
  faulty: 40,
  faithful: 120,
});
