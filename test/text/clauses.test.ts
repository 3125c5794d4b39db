import { describe, expect, it } from 'vitest';
import { splitClauses } from '../../src/text/clauses.js';

describe('splitClauses', () => {
  it('cuts an appended claim after a comma and a connective', () => {
    expect(splitClauses('Det er behov for flere studieplasser innen IKT, og staten bør fullfinansiere disse.')).toEqual(
      ['Det er behov for flere studieplasser innen IKT', 'og staten bør fullfinansiere disse.'],
    );
    expect(splitClauses('Kommunene mangler fagfolk, noe som gjør digitaliseringen treg.')).toHaveLength(2);
    expect(splitClauses('Vi støtter planen; den sikrer gode tjenester for innbyggerne.')).toHaveLength(2);
  });

  it('keeps lists and short tails together', () => {
    expect(splitClauses('Kommunene og staten må samarbeide om dette fordi det er dyrt.')).toHaveLength(1);
    expect(splitClauses('Vi støtter forslaget.')).toEqual(['Vi støtter forslaget.']);
  });
});
