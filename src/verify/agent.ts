/**
 * Who does it, when the cited text says it in the passive: «Godtgjersla skal fastsetjast av generalforsamlinga» names
 * the one who sets it after «av»; a sentence that makes it active with another actor («Styret fastset godtgjersla»)
 * moves the act. subject.ts compares active subjects; this reads the passive's agent. Actors are the actors lexicon's
 * groups (lexicons/actors.json), so only a named actor against another counts. Read without a parser: review only.
 */
import { lexicons, lexiconTokens } from './lexicon.js';

/** The actors lexicon's groups (single-word terms), as the other scale checks read them. */
let groups: { test: (token: string) => boolean }[] | undefined;
function actorGroups() {
  groups ??= (lexicons().find((l) => l.lexicon.name === 'actors')?.scales ?? []).flatMap((scale) =>
    scale.map((group) => {
      const terms = group.filter((t) => t.words.length === 1);
      return {
        test: (token: string) => terms.some((t) => (t.prefix ? token.startsWith(t.words[0]) : token === t.words[0])),
      };
    }),
  );
  return groups;
}
const groupOf = (token: string) => actorGroups().findIndex((g) => g.test(token));

/** A passive verb form: Bokmål «-es», Nynorsk «-ast»/«-est» (fastsettes, fastsetjast). */
const PASSIVE = /^(\p{L}{4,}?)(?:es|ast|est)$/u;
const ARTICLES = new Set(['den', 'det', 'dei', 'de', 'ein', 'en', 'eit', 'et']);
/** Words that may stand between an active subject and its verb («Styret sjølv fastset», «styret kan fastsette»). */
const BETWEEN = new Set(['selv', 'sjølv', 'skal', 'må', 'kan', 'bør', 'vil', 'også', 'òg', 'alene', 'åleine']);

/** Whether two verb forms share a stem: a common start of at least five letters, most of the shorter one. */
function sameVerb(a: string, b: string): boolean {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k >= 5 && k >= Math.min(a.length, b.length) * 0.7;
}

export interface AgentShift {
  /** The sentence's actor and verb, and the cited agent, as the tokens read them. */
  said: string;
  verb: string;
  source: string;
}

/**
 * The first passive with an agent in the cited text («… fastsetjast av generalforsamlinga») whose verb the sentence
 * uses actively with an actor of another group as its subject, or null.
 */
export function agentShift(sentence: string, cited: string): AgentShift | null {
  const c = lexiconTokens(cited);
  const s = lexiconTokens(sentence);
  for (let i = 0; i + 2 < c.length; i++) {
    const passive = c[i].match(PASSIVE);
    if (!passive || c[i + 1] !== 'av') continue;
    const agent = ARTICLES.has(c[i + 2]) ? c[i + 3] : c[i + 2];
    const agentGroup = agent ? groupOf(agent) : -1;
    if (agentGroup < 0) continue;
    for (let j = 1; j < s.length; j++) {
      if (!sameVerb(s[j], passive[1])) continue;
      let k = j - 1;
      while (k > 0 && BETWEEN.has(s[k])) k--;
      const subjectGroup = groupOf(s[k]);
      if (subjectGroup >= 0 && subjectGroup !== agentGroup) return written(sentence, cited, s[k], s[j], agent);
      // The sentence's own passive with another agent («fastsettes av styret»).
      const other = s[j + 1] === 'av' ? (ARTICLES.has(s[j + 2]) ? s[j + 3] : s[j + 2]) : undefined;
      const otherGroup = other ? groupOf(other) : -1;
      if (otherGroup >= 0 && otherGroup !== agentGroup) return written(sentence, cited, other!, s[j], agent);
    }
  }
  return null;
}

/** The words as the texts write them (a Nynorsk sentence's «styret» «fastset», not their Bokmål reading). */
function written(sentence: string, cited: string, said: string, verb: string, source: string): AgentShift {
  const as = (text: string, token: string) =>
    (text.match(/[\p{L}\p{N}-]+/gu) ?? []).find((w) => lexiconTokens(w)[0] === token) ?? token;
  return { said: as(sentence, said), verb: as(sentence, verb), source: as(cited, source) };
}
