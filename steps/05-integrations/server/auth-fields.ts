import { APIError } from "better-auth/api";
import { EMAIL_TOO_LONG, MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG } from "../lib/auth-rules";

/** Endpoints whose body carries an email and password a person typed. */
const CREDENTIAL_PATHS = new Set(["/sign-up/email", "/sign-in/email"]);

/**
 * A better-auth hook step that refuses over-long emails and passwords on sign-up and sign-in (400, with the words
 * the form shows) before anything is stored or hashed. better-auth bounds neither the email nor a sign-in's password;
 * names are checked where users are written (server/auth.ts).
 */
export function refuseOverLongFields(ctx: { path?: string; body?: unknown }) {
  if (!ctx.path || !CREDENTIAL_PATHS.has(ctx.path)) return;
  const { email, password } = (ctx.body ?? {}) as { email?: unknown; password?: unknown };
  if (typeof email === "string" && email.length > MAX_EMAIL_LENGTH) {
    throw new APIError("BAD_REQUEST", { code: "EMAIL_TOO_LONG", message: EMAIL_TOO_LONG });
  }
  if (typeof password === "string" && password.length > MAX_PASSWORD_LENGTH) {
    throw new APIError("BAD_REQUEST", { code: "PASSWORD_TOO_LONG", message: PASSWORD_TOO_LONG });
  }
}
