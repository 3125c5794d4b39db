/**
 * The third faithful verifier set (evals/cases/verifier-faithful3.jsonl, issue 15 third round): kinds no earlier set
 * was built around, valid against the stored documents, at least 140 faithful sentences and 40 faulty controls, ids
 * unique across the case files.
 */
import { describeHandWrittenSet } from './handWrittenSet.js';

describeHandWrittenSet('the third faithful verifier set', 'verifier-faithful3.jsonl', { faulty: 40, faithful: 140 });
