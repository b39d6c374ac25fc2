"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DEFAULT_ROOM_ID } from "@/lib/protocol";
import { leaveRoom } from "@/lib/room-client";

/** Stops being a member of the room and goes to general; says why when the server refuses. */
export function LeaveRoomButton({ roomId }: { roomId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function leave() {
    setPending(true);
    const result = await leaveRoom(roomId);
    if (result.ok) {
      router.push(`/rooms/${DEFAULT_ROOM_ID}`);
      return; // stay "pending" until general replaces this page
    }
    setPending(false);
    setError(result.error.message);
  }

  return (
    <div className="flex shrink-0 flex-col items-end gap-1">
      <button
        type="button"
        onClick={() => void leave()}
        disabled={pending}
        className="rounded-lg border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-zinc-400 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Leave room
      </button>
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
