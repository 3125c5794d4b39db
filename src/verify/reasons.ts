/**
 * Every message the verifier shows people, in Norwegian Bokmål, in one place so the wording stays consistent.
 */
import type { CitationReport } from '../domain/verification.js';
import type { Tier } from './quote.js';

export const VERDICT_LABEL = {
  supported: 'støttet',
  partly_supported: 'delvis støttet',
  unsupported: 'ikke støttet',
  contradicted: 'motsagt',
  uncited: 'uten kilde',
} as const;

export const STATUS_LABEL = {
  ok: 'funnet',
  misattributed: 'feil kilde',
  fabricated: 'finnes ikke i kildene',
  too_short: 'for kort',
  unknown_passage: 'ukjent passasje',
} as const;

const TIER_LABEL: Record<Tier, string> = {
  exact: 'ordrett',
  normalised: 'likt etter normalisering (mellomrom, linjeskift, anførselstegn, bindestreker)',
  loose: 'likt bare når store/små bokstaver og tegnsetting ses bort fra',
};

const where = (r: { start?: number; end?: number }) => (r.start !== undefined ? ` (tegn ${r.start}–${r.end})` : '');
const doc = (d?: { title: string; organisation: string }) =>
  d ? `«${d.title}» fra ${d.organisation}` : 'et annet dokument';

export function citationReason(r: CitationReport): string {
  switch (r.status) {
    case 'ok':
      return `Sitatet står i ${r.passageId}${where(r)}: ${TIER_LABEL[r.tier!]}.`;
    case 'too_short':
      return `Sitatet er for kort til å støtte en påstand (under 3 innholdsord eller 15 tegn).`;
    case 'misattributed':
      return `Sitatet står ikke i ${r.passageId}, men i ${r.actualPassageId}${where(r)} i ${doc(r.actualDocument)}.`;
    case 'fabricated':
      return `Sitatet finnes ikke i ${r.passageId} eller i noen annen passasje.`;
    case 'unknown_passage':
      return r.actualPassageId
        ? `Passasjen ${r.passageId} finnes ikke; sitatet står i ${r.actualPassageId}${where(r)} i ${doc(r.actualDocument)}.`
        : `Passasjen ${r.passageId} finnes ikke, og sitatet står ikke i noen passasje.`;
  }
}

export const REASONS = {
  uncited: 'Setningen inneholder en påstand, men har ingen kildehenvisning.',
  exempt: 'Setningen er en hilsen eller overgang og trenger ingen kilde.',
  noValidCitation: 'Ingen av sitatene setningen viser til, kan brukes som støtte.',
  someInvalid: (n: number) => `${n === 1 ? 'Ett av sitatene' : `${n} av sitatene`} kan ikke brukes som støtte.`,
  numberContradicted: (missing: string[], source: string[]) =>
    `${list(missing, 'Tallet', 'Tallene')} står ikke i kilden, som har ${source.length ? source.map(q).join(', ') : 'andre tall'}.`,
  numberMissing: (missing: string[]) => `${list(missing, 'Tallet', 'Tallene')} står ikke i kilden.`,
  negationAdded: (word: string, about: string[]) =>
    `Setningen sier «${word}» om ${about.slice(0, 4).map(q).join(', ')}, men kilden har ingen nektelse der.`,
  negationRemoved: (word: string, about: string[]) =>
    `Kilden sier «${word}» om ${about.slice(0, 4).map(q).join(', ')}, men setningen har ikke med nektelsen.`,
  negationAddedUnsure: (word: string, about: string[]) =>
    `Setningen sier «${word}» om ${about.slice(0, 4).map(q).join(', ')}; kilden ser ikke ut til å ha den nektelsen – kontroller.`,
  negationRemovedUnsure: (word: string, about: string[]) =>
    `Kilden sier «${word}» om ${about.slice(0, 4).map(q).join(', ')}; setningen ser ikke ut til å ha med nektelsen – kontroller.`,
  holderWrong: (holder: string, orgs: string[]) =>
    `Setningen legger standpunktet i munnen på ${holder}, men kilden er fra ${orgs.join(' og ')}, og ${holder} er ikke nevnt der.`,
  weWrong: (we: string, orgs: string[]) => `«Vi» er ${we}, men kilden er fra ${orgs.join(' og ')}.`,
  overlapLow: (score: number, missing: string[]) =>
    `Lite av innholdet står i kilden (${Math.round(score * 100)} % av innholdsordene); mangler bl.a. ${missing.slice(0, 5).map(q).join(', ')}.`,
  overlapPartial: (score: number, missing: string[]) =>
    `Bare en del av innholdet står i kilden (${Math.round(score * 100)} % av innholdsordene); mangler ${missing.slice(0, 5).map(q).join(', ')}.`,
  lexiconShift: (label: string, said: string, source: string[]) =>
    `Setningen endrer ${label}: den sier ${q(said)}, men kilden sier ${source.slice(0, 3).map(q).join(', ')}.`,
  lexiconAdded: (label: string, said: string) =>
    `Setningen sier ${q(said)}, men kilden sier ingenting om ${label}; det er setningens egen påstand.`,
  hedgeDropped: (hedge: string) => `Kilden sier ${q(hedge)} (en mulighet), men setningen sier det som sikkert.`,
  restrictionDropped: (said: string) =>
    `Kilden begrenser påstanden (${q(said)}), men setningen sier det uten forbehold.`,
  quantifierMoved: (said: string, noun: string) =>
    `Setningen sier ${q(said)} om ${q(noun)}, men kilden sier det ikke om ${q(noun)} – kontroller hvor langt det gjelder.`,
  selfAdded: (said: string) =>
    `Setningen sier at de gjør det ${q(said)}, men kilden sier ikke det – kontroller hvem som gjør det.`,
  wholeClauseCause: (part: string, verb: string) =>
    `I kilden er det hele leddet før «noe som» som ${q(verb)}, ikke ${q(part)} alene – kontroller at vilkåret er med.`,
  restrictionAdded: (said: string) => `Setningen sier ${q(said)}, men kilden sier ikke at det gjelder bare dette.`,
  reportedPosition: (reported: string, holder: string) =>
    `Kilden gjengir hva ${reported} mener eller vil; setningen gjør det til standpunktet til ${holder}.`,
  causalAdded: (word: string) => `Setningen legger til en årsak eller følge (${q(word)}) som kilden ikke har.`,
  conditionDropped: (word: string) =>
    `Kilden setter et vilkår eller en grense (${q(word)}) som setningen ikke har med.`,
  operatorAdded: (word: string) =>
    `Setningen sier ${q(word)}, som kilden ikke sier noe tilsvarende om – kontroller hvor langt, hvor ofte eller i hvilken rekkefølge det gjelder.`,
  frameRestriction: (word: string) =>
    `Sitatet er bare en del av setningen i kilden, og resten av den setter et vilkår eller en grense (${q(word)}) som setningen ikke har med.`,
  frameMatrix: (before: string, word: string) =>
    `Sitatet står i kilden etter «${before} …», og setningen har ikke med ${q(word)}.`,
  elidedRisk: (word: string) =>
    `Sitatet hopper over tekst som inneholder ${q(word)}; kontroller at utelatelsen ikke endrer meningen.`,
  clauseUncovered: (clause: string, missing: string[]) =>
    `Leddet ${q(clause)} står ikke i kilden${missing.length ? ` (mangler ${missing.slice(0, 4).map(q).join(', ')})` : ''}.`,
  paraphrase: (missing: string[]) =>
    `Omskrevet – kontroller: ${missing.length ? `${missing.slice(0, 5).map(q).join(', ')} står ikke ordrett i kilden` : 'ordlyden avviker fra kilden'}.`,
  judge: (verdict: string, reason: string) => `Språkmodellen vurderte setningen som «${verdict}»: ${reason}`,
  // Roles, enumerations, the main modal verb, swapped stretches (roles.ts, enumeration.ts, mainModal.ts, transposition.ts).
  roleSwapped: (said: string, source: string) =>
    `Setningen bytter om rollene: den gir ${q(said)} det kilden sier om ${q(source)}.`,
  listItemMissing: (items: string[], list: string[]) =>
    `Oppramsingen i setningen har ${items.map(q).join(', ')}, som ikke står i kildens oppramsing (${list.slice(0, 6).map(q).join(', ')}).`,
  pooled: (phrase: string) =>
    `Setningen setter sammen ord fra ulike setninger i kilden: ${q(phrase)} står ikke slik i noen av dem – kontroller at delene hører sammen slik.`,
  partsSwapped: (first: string, second: string) =>
    `Setningen bytter om leddene: ${q(first)} og ${q(second)} står i motsatt rekkefølge i kilden – kontroller hvem som gjør hva.`,
  mainModalShift: (said: string, source: string) =>
    `Setningen endrer hvor bindende det er: den sier ${q(said)}, men kilden sier ${q(source)}.`,
  // Issue 15, third misses round (unplanned.ts).
  statusShift: (source: string) =>
    `Kilden uttrykker et krav, mål eller ønske (${q(source)}); setningen sier det som om det allerede er slik – kontroller.`,
  decisionAdded: (said: string) =>
    `Setningen sier ${q(said)} (en beslutning), men kilden sier ikke at noe er vedtatt eller bestemt – kontroller.`,
  ownerAsAgent: (agent: string, owner: string) =>
    `Setningen gjør ${q(agent)} til den som handler, men kilden nevner bare ${q(owner)} (hvem det tilhører) – kontroller hvem som gjør hva.`,
  elisionJoined: () =>
    'Utelatelsen («…») slår sammen to setninger i kilden til én påstand – kontroller at kilden sier dette.',
  speakerShift: (subject: string) =>
    `I kilden er det ${q(subject)} som gjør eller mener dette, ikke «vi» – kontroller hvem som står bak.`,
  reportFrame: (frame: string) =>
    `Kilden gjengir et syn (${q(frame)}) uten å slutte seg til det; setningen gjør det til et eget standpunkt.`,
  passiveReversed: (subject: string, agent: string) =>
    `Setningen snur rollene: i kilden er det ${q(subject)} som handler overfor ${q(agent)}, ikke omvendt.`,
  distributiveShift: (kind: 'each' | 'total') =>
    kind === 'each'
      ? 'Setningen gir beløpet eller antallet til hver enkelt, men i kilden gjelder det til sammen – kontroller.'
      : 'Setningen gir beløpet eller antallet til sammen, men i kilden gjelder det hver enkelt – kontroller.',
  deadlineStartMoved: (said: string, source: string) =>
    `Setningen regner fristen fra ${q(said)}, men i kilden løper den fra ${q(source)} – kontroller hva fristen regnes fra.`,
  stepsTurned: (first: string, then: string) =>
    `Setningen har ${q(first)} før ${q(then)}, men kilden har dem i motsatt rekkefølge – kontroller rekkefølgen.`,
  rejectedAsserted: (rejected: string) =>
    `Kilden avviser dette (${q(rejected)} …), men setningen sier det uten nektelse – kontroller.`,
  tenseShift: (said: string, source: string, kind: 'future' | 'perfect') =>
    kind === 'future'
      ? `Setningen sier ${q(said)} (det skal eller vil skje), men kilden sier ${q(source)} (det har skjedd).`
      : `Setningen sier ${q(said)} (det har skjedd), men kilden sier ${q(source)} (det skal eller vil skje).`,
  subjectShift: (said: string, source: string, verb: string) =>
    `Setningen lar ${q(said)} ${q(verb)}, men i kilden er det ${q(source)} – kontroller hvem det gjelder.`,
  shareChanged: (number: string, said: string, source: string) =>
    `Tallet ${q(number)} gjelder ${q(source)} i kilden, ikke ${q(said)}.`,
  jointHolder: (organisation: string) =>
    `Setningen gir synet til flere, men sitatet fra ${q(organisation)} sier ikke dette alene – kontroller.`,
  jointDropped: (source: string) => `Kilden sier ${q(source)}, men setningen lar dem gjøre det alene – kontroller.`,
  degreeShift: (said: string, source: string) =>
    `Setningen endrer graden: den sier ${q(said)}, men kilden sier ${q(source)}.`,
  // Issue 15, first blind set opened (alignment.ts, comparison.ts).
  substituted: (said: string, source: string) =>
    `Setningen bytter ut ${q(source)} i kilden med ${q(said)} – kontroller at det betyr det samme.`,
  clauseDropped: (source: string) =>
    `Kilden avgrenser hvem eller hva det gjelder (${q(source)}), men setningen har ikke med avgrensningen.`,
  rankingDropped: (source: string) => `Kilden sier ${q(source)} (én av flere), men setningen gjør det til den eneste.`,
  elidedItems: (word: string) =>
    `Sitatet hopper over andre punkter i en oppramsing; setningen sier ${q(word)} om det som er igjen – kontroller.`,
  // Issue 15, second blind set opened (turned.ts).
  causeTurned: (cause: string, effect: string, pivot: string) =>
    `Setningen snur årsak og virkning: i kilden er ${q(cause)} årsaken og ${q(effect)} virkningen (${q(pivot)}) – kontroller.`,
  preferenceTurned: (preferred: string, rejected: string, pivot: string) =>
    `Setningen snur hva som foretrekkes: i kilden er det ${q(preferred)} ${q(pivot)} ${q(rejected)} – kontroller.`,
  comparisonOpposite: (said: string, source: string) =>
    `Setningen sier ${q(said)}, men kilden sier ${q(source)} om det samme – kontroller hvilken vei sammenligningen går.`,
  comparisonTurned: (first: string, second: string) =>
    `Setningen snur sammenligningen: i kilden står ${q(second)} før «enn» og ${q(first)} etter.`,
};

function q(s: string): string {
  return `«${s}»`;
}

function list(items: string[], one: string, many: string): string {
  return `${items.length === 1 ? one : many} ${items.map(q).join(', ')}`;
}
