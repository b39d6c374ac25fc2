"use client";

import { createAuthClient } from "better-auth/client";

let authClient: ReturnType<typeof createAuthClient> | undefined;

/** better-auth's browser client for this page's own origin (/api/auth/…), created on first use in the browser. */
export function getAuthClient() {
  authClient ??= createAuthClient();
  return authClient;
}
