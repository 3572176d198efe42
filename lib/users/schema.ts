// Organization user administration schemas (client + server).
import { z } from "zod";
import { PasswordSchema } from "@/lib/auth/password-policy";
import { requiredText } from "@/lib/form-fields";

const email = z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.email("Enter an email address").max(320));

export const UserCreateSchema = z.strictObject({
  name: requiredText(200),
  email,
  password: PasswordSchema,
  isOrgAdmin: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
});

export const PasswordResetSchema = z.strictObject({ userId: z.string().min(1).max(64), password: PasswordSchema });
export const UserIdSchema = z.strictObject({ userId: z.string().min(1).max(64) });
