"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DEFAULT_ROOM_ID } from "@/lib/protocol";
import { leaveRoom } from "@/lib/room-client";
import { Button } from "@/components/ui/button";

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
      <Button onClick={() => void leave()} disabled={pending} className="text-sm">
        Leave room
      </Button>
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
