/** Shared argument parsing for the CLI commands: node's parseArgs plus a uniform --help and error exit. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { exitCode, toAppError } from '../errors.js';

export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, help: string) {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if ((parsed.values as Record<string, unknown>).help) {
      process.stdout.write(help.trim() + '\n');
      process.exit(0);
    }
    return parsed;
  } catch (err) {
    process.stderr.write(`Feil: ${norwegianArgError(err as Error & { code?: string })}\n\n${help.trim()}\n`);
    process.exit(2);
  }
}

/** node's parseArgs speaks English; the user gets the same in Norwegian, naming the option. */
function norwegianArgError(err: Error & { code?: string }): string {
  const option = /'(-{1,2}[^' ]+)/.exec(err.message)?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `ukjent valg ${option ?? ''}; se valgene under.`.replace('  ', ' ');
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `valget ${option ?? ''} mangler en verdi eller har feil type.`.replace('  ', ' ');
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'kommandoen tar ikke filer eller andre argumenter uten valg.';
    default:
      return err.message;
  }
}

/** Print a Norwegian error line and exit non-zero, without a stack trace. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`Feil: ${message}\n`);
  process.exit(code);
}

/**
 * Anything a command threw, as HTTP would answer it (src/errors.ts): a stage error's Norwegian message, exit 2
 * when the user can fix it (a 4xx), 1 otherwise. Errors outside the table print their own message.
 */
export function failWith(err: unknown): never {
  const appErr = toAppError(err);
  fail(appErr.detail ?? (err instanceof Error ? err.message : String(err)), exitCode(appErr));
}
