import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { getMigrations } from "better-auth/db/migration";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, nameError } from "../lib/auth-rules";
import { refuseOverLongFields } from "./auth-fields";
import { logAuthMessage } from "./auth-logger";
import type { AuthSettings } from "./auth-settings";
import { openDatabase } from "./database";
import { limitFailedSignIns } from "./failed-sign-ins";
import {
  FAILED_SIGN_IN_BACKOFF,
  FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS,
  FAILED_SIGN_INS_PER_ADDRESS,
  SIGN_UPS_PER_ADDRESS,
} from "./limits";
import { limitSignUps } from "./sign-up-limit";

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
  const signIns = limitFailedSignIns({
    perAccountAndAddress: FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS,
    perAddress: FAILED_SIGN_INS_PER_ADDRESS,
    perAccount: FAILED_SIGN_IN_BACKOFF,
  });
  const signUps = limitSignUps(SIGN_UPS_PER_ADDRESS);

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
      // better-auth allows 3 sign-ups and 3 sign-ins per 10 s per address by default, which would stop people
      // behind one shared address. Sign-ups and failed sign-ins are limited by the hooks below instead.
      customRules: { "/sign-up/email": false, "/sign-in/email": false },
    },
    logger: { log: logAuthMessage },
    /* eslint-disable @typescript-eslint/require-await -- better-auth's hooks must return promises */
    hooks: {
      // In order: what is cheap to refuse first, and nothing is hashed or stored for a refused request.
      before: createAuthMiddleware(async (ctx) => {
        refuseOverLongFields(ctx);
        signUps(ctx);
        signIns.before(ctx);
      }),
      after: createAuthMiddleware(async (ctx) => signIns.after(ctx)),
    },
    databaseHooks: {
      // Every way to write a user (sign-up, update-user) passes here, so every name is checked.
      user: {
        create: { before: async (user) => ({ data: { ...user, name: checkedName(user.name) } }) },
        update: {
          before: async (user) => ({
            data: user.name === undefined ? user : { ...user, name: checkedName(user.name) },
          }),
        },
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
