"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { getAuthClient } from "@/lib/auth-client";
import { Button } from "@/components/ui/button";

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
    <Button onClick={() => void logOut()} disabled={pending} className="text-sm">
      Log out
    </Button>
  );
}
