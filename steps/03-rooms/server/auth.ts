import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { getMigrations } from "better-auth/db/migration";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, nameError } from "../lib/auth-rules";
import type { AuthSettings } from "./auth-settings";
import { openDatabase } from "./database";
import { limitFailedSignIns } from "./failed-sign-ins";
import { FAILED_SIGN_IN_LIMIT } from "./limits";

export interface AuthEvents {
  /** A session was deleted: its owner signed out, or it was revoked. */
  onSessionEnded?: (sessionId: string) => void;
}

/**
 * better-auth with email and password accounts, users and sessions in the SQLite file in the data folder. The
 * custom server answers its endpoints under /api/auth/ (server/auth-routes.ts); pages and the chat socket read
 * sessions from the same cookie.
 */
export function createAuth(settings: AuthSettings, events: AuthEvents = {}) {
  return betterAuth({
    database: openDatabase(settings.dataDir),
    secret: settings.secret,
    baseURL: settings.baseURL,
    trustedOrigins: settings.allowedOrigins,
    advanced: {
      // better-auth skips its Origin check on POSTs when NODE_ENV is "test"; this app wants it everywhere.
      disableOriginCheck: false,
      // Whose X-Forwarded-For to believe when finding a client's address (see server/auth-routes.ts).
      ipAddress: { trustedProxies: settings.trustedProxies },
    },
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: MAX_PASSWORD_LENGTH },
    rateLimit: {
      enabled: true,
      // better-auth allows 3 sign-ups and 3 sign-ins per 10 s per address by default. That would stop a load test
      // registering its virtual users, and people behind one shared address. Failed sign-ins are limited below.
      customRules: { "/sign-up/email": false, "/sign-in/email": false },
    },
    hooks: limitFailedSignIns(FAILED_SIGN_IN_LIMIT),
    /* eslint-disable @typescript-eslint/require-await -- better-auth's database hooks must return promises */
    databaseHooks: {
      // Every way to write a user (sign-up, update-user) passes here, so every name is checked.
      user: {
        create: { before: async (user) => ({ data: { ...user, name: checkedName(user.name) } }) },
        update: { before: async (user) => ({ data: user.name === undefined ? user : { ...user, name: checkedName(user.name) } }) },
      },
      session: {
        delete: { after: async (session) => events.onSessionEnded?.(session.id) },
      },
    },
    /* eslint-enable @typescript-eslint/require-await */
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** Creates or updates better-auth's tables (user, session, account, verification). Run before serving. */
export async function migrateAuthDatabase(auth: Auth) {
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
}

function checkedName(name: unknown): string {
  const error = typeof name === "string" ? nameError(name) : "A name must be text.";
  if (error) throw new APIError("BAD_REQUEST", { code: "INVALID_NAME", message: error });
  return (name as string).trim();
}
