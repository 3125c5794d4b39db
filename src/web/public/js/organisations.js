// Which organisations hold positions the page can answer from: those with documents of their own views stored.

/**
 * NOTE: a consultation document speaks for its issuer (a ministry asking), and a statute is the law, not anyone's
 * view: neither makes its organisation one to ask «Svar fra» or to draft for. The server still searches them.
 */
const NOT_POSITIONS = new Set(['consultation', 'statute']);

/**
 * The organisations with at least one document of their own views (a statement, a programme, a response …), sorted.
 * @param {{ organisation: string, kind: string }[]} documents as GET /documents lists them
 * @example positionHolders([{ organisation: 'NTL', kind: 'programme' }, { organisation: 'KDD', kind: 'consultation' }]) // ['NTL']
 */
export function positionHolders(documents) {
  return [...new Set(documents.filter((d) => !NOT_POSITIONS.has(d.kind)).map((d) => d.organisation))].sort((a, b) =>
    a.localeCompare(b, 'nb'),
  );
}
