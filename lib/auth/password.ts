// Password hashing (TRUST.md): argon2id. The policy lives in password-policy.ts (client-safe).
import { hash, verify } from "@node-rs/argon2";

// OWASP minimum for argon2id is 19 MiB, t=2; 64 MiB is affordable on these machines.
const ARGON2_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 65_536, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps the timing of "no such user" close to "wrong password".
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hash("not-a-real-password-for-timing", ARGON2_OPTIONS));
}
