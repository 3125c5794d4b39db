/**
 * Who holds the position: "vi" or a named holder the citations do not back, a joint view one holder's quote does not
 * cover, a position the cited text only reports, and the fault kinds of unplanned.ts.
 */
import { findHolder, namedIn, sameOrganisation } from '../holder.js';
import { contentOverlap } from '../overlap.js';
import { REASONS } from '../reasons.js';
import { unplannedReasons } from '../unplanned.js';
import { contextOf } from './citedText.js';
import { flag, type Flag, type SupportInput } from './input.js';
import { CLAUSE_COVERED } from './thresholds.js';

/** «både … og», «begge», «alle tre»: a view given to several holders at once. */
const JOINTLY = /(?<![\p{L}])(?:både|begge|alle\s+(?:tre|fire|fem)|samstemt|samstemte|felles\s+syn)(?![\p{L}])/iu;
/**
 * The cited organisations a sentence gives its view to jointly: those it names when it names two or more, or all of
 * them when it says «begge»/«både … og» without naming them; [] when the citations come from one organisation.
 */
function jointlyHeld(sentence: string, orgs: string[]): string[] {
  if (orgs.length < 2) return [];
  const named = orgs.filter((o) => orgNamedIn(o, sentence));
  if (named.length >= 2) return named;
  return JOINTLY.test(sentence) && named.length === 0 ? orgs : [];
}
/** Is the organisation (or one of its other names) named in the sentence? */
const orgNamedIn = (organisation: string, sentence: string) =>
  (sentence.match(/\p{Lu}[\p{L}'’]*(?:\s+\p{Lu}[\p{L}'’]*)*/gu) ?? []).some((name) =>
    sameOrganisation(name, organisation),
  );

/** "vi" who is not the cited organisation, or a named holder neither cited nor named in the cited text. */
export function checkHolder({ holder, found, orgs }: SupportInput): Flag[] {
  if (!holder || holder.ok) return [];
  return found?.kind === 'we'
    ? [flag('holder:we', 'unsupported', REASONS.weWrong(holder.name, orgs))]
    : [flag('holder:named', 'unsupported', REASONS.holderWrong(holder.name, orgs))];
}

/**
 * NOTE (issue 15, sixth blind set's category list): a view given to two or more organisations («Både KS og NTL
 * mener …», «begge organisasjonene») with a citation from each is held by each only where each one's own cited text
 * covers it: two quotes pooled may cover a claim that neither makes alone. ≈ naming the organisation whose quote
 * covers too little.
 */
export function checkJointHolder({ written, orgs, usable, sentence, exclude }: SupportInput): Flag[] {
  return jointlyHeld(written, orgs)
    .filter((o) => {
      const own = contextOf(usable.filter((u) => u.passage.document.organisation === o));
      return contentOverlap(sentence, own, exclude).score < CLAUSE_COVERED;
    })
    .map((o) => flag('joint-holder', 'partly_supported', REASONS.jointHolder(o)));
}

/** A position the cited text reports («Regjeringen har som mål at …») is not its organisation's own. */
export function checkReportedPosition({ own, usable, orgs, sentence, found, opener }: SupportInput): Flag[] {
  const reported = own
    ? usable
        .map((u) => findHolder(u.citation.quote))
        .find(
          (h) => h?.kind === 'named' && !orgs.some((o) => sameOrganisation(h.text, o)) && !namedIn(h.text, sentence),
        )
    : undefined;
  if (!reported) return [];
  return [
    flag('reported-position', 'partly_supported', REASONS.reportedPosition(reported.text, found?.text ?? opener!)),
  ];
}

/** NOTE (issue 15, third misses round): fault kinds no earlier set was built around (unplanned.ts); review only. */
export function checkUnplanned({ sentence, context, usable, own, swaps, swapped }: SupportInput): Flag[] {
  const citations = usable.map((u) => ({ quote: u.citation.quote, passage: u.passage }));
  const swapFound = swaps.length > 0 || swapped !== null;
  return unplannedReasons({ sentence, context, citations, own, swapFound }).map((r) =>
    flag(r.check, 'partly_supported', r.reason),
  );
}
