// Password policy (NIST 800-63B): 12–128 characters, never truncated; the most common passwords refused.
// Client-safe: forms validate with the same schema the server uses.
import { z } from "zod";

// Common passwords long enough to pass the length rule (shorter ones already fail it). Lower-cased.
const COMMON_PASSWORDS = new Set([
  "123456789012", "1234567890123", "12345678901234", "password1234", "password12345", "password123456",
  "passwordpassword", "qwertyuiop12", "qwertyuiop123", "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc",
  "iloveyou1234", "welcome12345", "letmein12345", "administrator", "abc123456789", "aaaaaaaaaaaa",
  "111111111111", "000000000000", "changeme1234", "trustno12345", "football1234", "baseball1234",
  "sunshine1234", "princess1234", "monkey123456", "dragon123456", "master123456", "superman1234",
  "qwertyuiopasdf", "asdfghjkl123", "zxcvbnm12345", "correcthorsebatterystaple", "password!234",
  "p@ssw0rd1234", "p@ssword1234", "passw0rd1234", "welcome@1234", "sounding1234", "hospital1234",
]);

export const PasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(128, "Use at most 128 characters")
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "This password is too common; choose another");
