"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { getAuthClient } from "@/lib/auth-client";

/** Ends the session (the server closes its chat connections) and goes to the log-in page. */
export function LogOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function logOut() {
    setPending(true);
    try {
      await getAuthClient().signOut();
    } finally {
      // If signing out failed, the log-in page sends a still signed-in person straight back to the chat.
      router.replace("/login");
    }
  }

  return (
    <button
      type="button"
      onClick={() => void logOut()}
      disabled={pending}
      className="rounded-lg border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-zinc-400 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      Log out
    </button>
  );
}
