// Share tokens: 32 random bytes (base64url) handed out once; only their SHA-256 is stored. Looking a link up
// by the hash of the presented token (a unique index) means no secret is ever compared byte by byte in
// application code, so response time says nothing about how close a guess was.
import "server-only";
import { createHash, randomBytes } from "node:crypto";

export function generateShareToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function sharePath(token: string): string {
  return `/share/${token}`;
}
