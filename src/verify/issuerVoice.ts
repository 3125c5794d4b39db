/**
 * Whose voice: a consultation (document kind `consultation`, issue 18) is the issuer's text, never the drafting
 * organisation's. A sentence citing it must say so («Departementet foreslår at …», «I høringsnotatet heter det …»);
 * one that puts the proposal in the organisation's mouth («Vi foreslår …») or states it as nobody's is flagged. The
 * other way round, «Departementet foreslår …» cited only to the organisation's own documents puts the
 * organisation's position in the ministry's mouth, unless the cited text itself says the ministry proposes it.
 * Its own module with one hook in index.ts (verifySentence), so it merges beside other work on the verifier.
 */
import type { PassageWithDocument } from '../domain/types.js';
import { findHolder, sameOrganisation } from './holder.js';
import type { CitationReport } from './locate.js';

/** Words that attribute a sentence to the consultation's issuer or to the consultation itself (Bokmål, Nynorsk). */
const ISSUER_WORDS =
  /\b(?:departementet|departementets|departementa|departementa sine|regjeringen|regjeringa|regjeringens|høringsnotatet|høyringsnotatet|høringsbrevet|høyringsbrevet|høringsnotatets|forslaget fra|forslaget frå)\b/iu;
/** The ministry as a holder of a proposal («Departementet foreslår …»). */
const MINISTRY = /^(?:departementet|departementa)$/iu;
const PROPOSES =
  /\b(?:foreslår|foreslo|foreslås|gjer framlegg|gjør framlegg|går inn for|tilrår|vil innføre|legger opp til|legg opp til)\b/iu;

export const ISSUER_REASONS = {
  proposalAsOurs: (issuer: string, organisation: string) =>
    `Setningen legger forslaget fra ${issuer} i munnen på ${organisation}; si at det er ${issuer} som foreslår det («Departementet foreslår at …»).`,
  proposalUnattributed: (issuer: string) =>
    `Setningen gjengir høringsdokumentet fra ${issuer} uten å si at det er ${issuer} sitt forslag; i et høringsinnspill leses det som organisasjonens eget syn.`,
  positionAsIssuers: (holder: string, orgs: string[]) =>
    `Setningen legger et forslag i munnen på ${holder.toLowerCase()}, men kilden er ${orgs.join(' og ')} sitt eget dokument, ikke høringsdokumentet.`,
};

type Usable = { citation: CitationReport; passage: PassageWithDocument };

/**
 * The reason a sentence misplaces whose voice it is, or null.
 * @example issuerVoice('Vi foreslår at fristen blir ett år.', citedToConsultation, { organisation: 'KS' }) // → a reason
 */
export function issuerVoice(sentence: string, usable: Usable[], opts: { organisation?: string } = {}): string | null {
  const consultations = usable.filter((u) => u.passage.document.kind === 'consultation');
  const holder = findHolder(sentence);
  if (consultations.length) {
    const issuer = consultations[0].passage.document.organisation;
    const ours =
      holder?.kind === 'we' ||
      (holder?.kind === 'named' && !!opts.organisation && sameOrganisation(holder.text, opts.organisation));
    if (ours && opts.organisation && !sameOrganisation(opts.organisation, issuer))
      return ISSUER_REASONS.proposalAsOurs(issuer, opts.organisation);
    const attributed =
      ISSUER_WORDS.test(sentence) || (holder?.kind === 'named' && sameOrganisation(holder.text, issuer));
    if (!attributed && consultations.length === usable.length) return ISSUER_REASONS.proposalUnattributed(issuer);
    return null;
  }
  if (holder?.kind === 'named' && MINISTRY.test(holder.text) && PROPOSES.test(sentence)) {
    // The organisation's text may itself report the ministry's proposal («Departementet foreslår å …, og vi …»).
    const reported = usable.some((u) => {
      const h = findHolder(u.citation.quote);
      return h?.kind === 'named' && MINISTRY.test(h.text);
    });
    if (!reported)
      return ISSUER_REASONS.positionAsIssuers(holder.text, [
        ...new Set(usable.map((u) => u.passage.document.organisation)),
      ]);
  }
  return null;
}
