/**
 * Password hashing for page sign-in: argon2id (memory-hard) from `@node-rs/argon2`, a maintained native build
 * that needs no compiler and no network at install time. The PHC string it returns carries its own parameters and
 * salt, so raising the cost later only affects new hashes; old ones still verify.
 */
import { hash, verify } from '@node-rs/argon2';

/**
 * NOTE: OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 20–40 ms per sign-in on one core, a cost a
 * login page pays once and a password guesser pays per guess.
 */
const PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Shortest and longest password accepted (the upper bound keeps one sign-in from becoming a CPU sink). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/** @example await hashPassword('korrekt hest batteri') // '$argon2id$v=19$m=19456,t=2,p=1$…' */
export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

/** A hash of nothing anyone knows, verified when the e-mail is unknown so both answers take as long. */
let decoy: Promise<string> | undefined;

/**
 * Whether `password` matches the stored PHC string. With no stored hash (unknown user, or one who signs in only
 * with OIDC) a decoy hash is checked and false returned, so the time taken does not tell which e-mails exist.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX) return false;
  if (!stored) {
    decoy ??= hashPassword(crypto.randomUUID());
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** Why a new password is refused, in Norwegian; undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN) return `Passordet må ha minst ${PASSWORD_MIN} tegn.`;
  if (password.length > PASSWORD_MAX) return `Passordet kan ha høyst ${PASSWORD_MAX} tegn.`;
  if (password.includes('\0')) return 'Passordet kan ikke inneholde NUL-tegn.';
  return undefined;
}
