import { describe, expect, it } from "vitest";
import { PasswordSchema } from "@/lib/auth/password-policy";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password policy", () => {
  it("rejects short, overlong and common passwords", () => {
    expect(PasswordSchema.safeParse("short-pass").success).toBe(false);
    expect(PasswordSchema.safeParse("x".repeat(129)).success).toBe(false);
    expect(PasswordSchema.safeParse("Password1234").success).toBe(false);
  });
  it("accepts 12–128 characters without truncating", async () => {
    const long = `${"a".repeat(100)}-distinct-tail`;
    expect(PasswordSchema.safeParse(long).success).toBe(true);
    const hash = await hashPassword(long);
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, long)).toBe(true);
    // a change beyond byte 72 (where bcrypt would truncate) must fail verification
    expect(await verifyPassword(hash, `${"a".repeat(100)}-distinct-tai1`)).toBe(false);
  });
  it("treats a malformed hash as a failed verification, not a crash", async () => {
    expect(await verifyPassword("not-a-hash", "whatever-password")).toBe(false);
  });
});
