"use client";

import { useState, type FormEvent } from "react";
import { inviteToRoom } from "@/lib/room-client";

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
      <input
        id="invite-who"
        value={who}
        onChange={(event) => {
          setWho(event.target.value);
          setOutcome(null);
        }}
        autoComplete="off"
        aria-invalid={outcome && !outcome.ok ? true : undefined}
        aria-describedby={outcome ? "invite-outcome" : undefined}
        className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-transparent px-2 py-1 outline-none focus:border-zinc-500 focus:ring-2 focus:ring-zinc-300 aria-invalid:border-red-500 dark:border-zinc-700 dark:focus:ring-zinc-700"
      />
      <button
        type="submit"
        disabled={pending || who.trim() === ""}
        className="rounded-lg border border-zinc-300 px-3 py-1 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-zinc-400 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {pending ? "Inviting…" : "Invite"}
      </button>
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
