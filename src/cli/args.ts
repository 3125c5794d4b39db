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
    process.stderr.write(`Feil: ${(err as Error).message}\n\n${help.trim()}\n`);
    process.exit(2);
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
