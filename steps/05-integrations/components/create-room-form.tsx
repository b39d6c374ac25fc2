"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { TextField } from "@/components/text-field";
import { createRoom } from "@/lib/room-client";
import { MAX_ROOM_NAME_LENGTH, roomNameError } from "@/lib/room-rules";
import { Button } from "@/components/ui/button";

/** A new room: its name, public or private. The server checks the name again and may refuse it. */
export function CreateRoomForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [isPrivate, setIsPrivate] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const problem = roomNameError(name);
    if (problem) {
      setError(problem);
      document.getElementById("room-name")?.focus();
      return;
    }
    setPending(true);
    const result = await createRoom(name.trim(), isPrivate ? "private" : "public");
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      document.getElementById("room-name")?.focus();
      return;
    }
    setName("");
    setIsPrivate(false);
    router.push(`/rooms/${result.room.id}`);
  }

  return (
    <form
      aria-label="Create a room"
      noValidate
      onSubmit={(event) => void submit(event)}
      className="flex flex-col gap-2 text-sm"
    >
      <TextField
        id="room-name"
        label="Room name"
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setError(undefined);
        }}
        maxLength={MAX_ROOM_NAME_LENGTH}
        autoComplete="off"
        error={error}
      />
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={isPrivate} onChange={(event) => setIsPrivate(event.target.checked)} />
        Private room
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create room"}
      </Button>
    </form>
  );
}
