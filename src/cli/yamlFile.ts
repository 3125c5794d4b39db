/**
 * A YAML file a command reads (`npm run draft -- høring.yaml`), with what went wrong said in Norwegian and naming
 * the file (and the line, for YAML that does not parse, corpus/yamlProblem.ts): node's and the yaml library's own
 * messages are English («ENOENT: no such file or directory», «Flow sequence in block collection must be …»).
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { yamlProblem } from '../corpus/yamlProblem.js';
import { AppError } from '../errors.js';

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
    const problem = yamlProblem(err);
    if (!problem) throw err;
    throw new AppError('bad_request:body', { detail: `ugyldig YAML i «${path}», ${problem}.`, cause: err });
  }
}
