// For server components only: it reads the request's cookies and the SQLite file.
import { headers } from "next/headers";
import { createAuth, type Auth } from "./auth";
import { readAuthSettings } from "./auth-settings";
import type { ChatUser } from "../lib/protocol";

/** Next's own copy of the auth setup (the custom server has another), made on first use rather than at build time. */
let auth: Auth | undefined;

/** The signed-in person making this request, from the session cookie; null for a visitor who is not signed in. */
export async function getCurrentUser(): Promise<ChatUser | null> {
  const requestHeaders = await headers(); // first: it marks the page as rendered per request, never at build time
  auth ??= createAuth(readAuthSettings());
  const session = await auth.api.getSession({ headers: requestHeaders });
  return session ? { id: session.user.id, name: session.user.name } : null;
}
