"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ChatUser } from "@/lib/protocol";
import { openDirect } from "@/lib/room-client";

/** Opens the direct message with `user`: the one that exists, or a new one. */
export function DirectMessageButton({ user }: { user: ChatUser }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function open() {
    setError(null);
    const result = await openDirect(user.id);
    if (result.ok) router.push(`/rooms/${result.room.id}`);
    else setError(result.error.message);
  }

  return (
    <>
      <button
        type="button"
        onClick={() => void open()}
        aria-label={`Send a direct message to ${user.name}`}
        title={`Send a direct message to ${user.name}`}
        className="shrink-0 rounded px-1 text-zinc-600 dark:text-zinc-400 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        ✉
      </button>
      {error && (
        <p role="alert" className="w-full text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </>
  );
}
