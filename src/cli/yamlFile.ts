/**
 * A YAML file a command reads (`npm run draft -- høring.yaml`), with what went wrong said in Norwegian and naming
 * the file (and the line, for YAML that does not parse): node's and the yaml library's own messages are English
 * («ENOENT: no such file or directory», «Flow sequence in block collection must be sufficiently indented»).
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { AppError } from '../errors.js';

/** What a yaml error code means, for the user who wrote the file. */
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

const fileProblem = (path: string, code: string | undefined): string => {
  switch (code) {
    case 'ENOENT':
      return `fant ikke filen «${path}».`;
    case 'EISDIR':
      return `«${path}» er en mappe, ikke en fil.`;
    case 'EACCES':
    case 'EPERM':
      return `har ikke lov til å lese filen «${path}».`;
    default:
      return `kunne ikke lese filen «${path}».`;
  }
};

/**
 * The parsed contents of a YAML file (null for an empty one), or an AppError (bad_request:body, so the CLI exits 2)
 * whose detail names the file, and the line and column where YAML does not parse.
 * @example await readYamlFile('mangler.yaml') // throws «fant ikke filen «mangler.yaml».»
 */
export async function readYamlFile(path: string): Promise<unknown> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (err) {
    throw new AppError('bad_request:body', { detail: fileProblem(path, (err as { code?: string }).code), cause: err });
  }
  try {
    return parseYaml(source) ?? null;
  } catch (err) {
    if (!(err instanceof YAMLParseError)) throw err;
    const at = err.linePos?.[0];
    const where = at ? `, linje ${at.line}, kolonne ${at.col}` : '';
    const what = YAML_PROBLEMS[err.code] ?? 'filen følger ikke YAML-formatet';
    throw new AppError('bad_request:body', { detail: `ugyldig YAML i «${path}»${where}: ${what}.`, cause: err });
  }
}
