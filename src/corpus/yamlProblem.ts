/**
 * What is wrong with YAML that does not parse, in Norwegian and where (line and column): the yaml library's own
 * messages are English («Flow sequence in block collection must be sufficiently indented …»). Used for every YAML
 * file a user writes: a corpus folder's metadata.yaml (inputs.ts) and the draft command's consultation file.
 */
import { YAMLParseError } from 'yaml';

/** What a yaml error code means, for the person who wrote the file. */
const YAML_PROBLEMS: Record<string, string> = {
  BAD_INDENT: 'feil innrykk, eller en [ ] eller { } som ikke er lukket',
  TAB_AS_INDENT: 'tabulator brukt som innrykk (bruk mellomrom)',
  MISSING_CHAR: 'et tegn mangler, for eksempel et avsluttende anførselstegn eller en klamme',
  MULTILINE_IMPLICIT_KEY: 'en nøkkel må stå på én linje (mangler et kolon eller en avsluttende klamme?)',
  BLOCK_AS_IMPLICIT_KEY: 'et kolon for mye på linjen (sett teksten i anførselstegn)',
  DUPLICATE_KEY: 'den samme nøkkelen står to ganger',
  UNEXPECTED_TOKEN: 'uventet tekst (sjekk innrykket)',
  BLOCK_IN_FLOW: 'en liste med «-» kan ikke stå inne i [ ] eller { }',
  BAD_SCALAR_START: 'en verdi kan ikke begynne med dette tegnet (sett teksten i anførselstegn)',
  BAD_DQ_ESCAPE: 'ugyldig \\-sekvens i tekst med doble anførselstegn',
  MULTIPLE_DOCS: 'filen har flere YAML-dokumenter (---); bruk ett',
};

/**
 * «linje 4, kolonne 3: feil innrykk …» for a YAML parse error; undefined for anything else.
 * @example try { parse('a: 1\na: 2\n') } catch (err) { yamlProblem(err) } // 'linje 2, kolonne 1: den samme nøkkelen står to ganger'
 */
export function yamlProblem(err: unknown): string | undefined {
  if (!(err instanceof YAMLParseError)) return undefined;
  const at = err.linePos?.[0];
  const what = YAML_PROBLEMS[err.code] ?? 'filen følger ikke YAML-formatet';
  return at ? `linje ${at.line}, kolonne ${at.col}: ${what}` : what;
}
