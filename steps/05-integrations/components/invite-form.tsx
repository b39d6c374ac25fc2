"use client";

import { useState, type FormEvent } from "react";
import { inviteToRoom } from "@/lib/room-client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Adds someone to the private room, by email address or exact name; says who was added or why not. */
export function InviteForm({ roomId }: { roomId: string }) {
  const [who, setWho] = useState("");
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || who.trim() === "") return;
    setPending(true);
    const result = await inviteToRoom(roomId, who.trim());
    setPending(false);
    if (result.ok) {
      setOutcome({ ok: true, text: `${result.invited.name} is now a member.` });
      setWho("");
    } else {
      setOutcome({ ok: false, text: result.error.message });
    }
  }

  return (
    <form
      aria-label="Invite someone"
      onSubmit={(event) => void submit(event)}
      className="flex flex-wrap items-center gap-2 text-sm"
    >
      <label htmlFor="invite-who">Invite by email or name</label>
      <Input
        id="invite-who"
        value={who}
        onChange={(event) => {
          setWho(event.target.value);
          setOutcome(null);
        }}
        autoComplete="off"
        aria-invalid={outcome && !outcome.ok ? true : undefined}
        aria-describedby={outcome ? "invite-outcome" : undefined}
        size="compact"
        className="min-w-0 flex-1"
      />
      <Button type="submit" disabled={pending || who.trim() === ""}>
        {pending ? "Inviting…" : "Invite"}
      </Button>
      <p
        id="invite-outcome"
        aria-live="polite"
        className={`w-full empty:hidden ${outcome?.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-600 dark:text-red-400"}`}
      >
        {outcome?.text}
      </p>
    </form>
  );
}
