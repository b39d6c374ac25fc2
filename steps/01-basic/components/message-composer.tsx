"use client";

import { useState, type FormEvent } from "react";
import type { ConnectionStatus } from "@/lib/chat-state";
import { MAX_MESSAGE_LENGTH } from "@/lib/protocol";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

const PLACEHOLDERS: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  connected: "Type a message and press Enter",
  reconnecting: "Reconnecting… you can send again in a moment",
  offline: "Offline",
};

export function MessageComposer({ status, onSend }: { status: ConnectionStatus; onSend: (text: string) => void }) {
  const [text, setText] = useState("");
  const disabled = status !== "connected";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = text.trim();
    if (disabled || trimmed === "") return;
    onSend(trimmed);
    setText("");
  }

  return (
    <form onSubmit={submit} className="flex gap-2 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <label htmlFor="message-input" className="sr-only">
        Message
      </label>
      <Input
        id="message-input"
        value={text}
        onChange={(event) => setText(event.target.value)}
        // Read-only rather than disabled: a disabled input drops keyboard focus on every reconnect.
        readOnly={disabled}
        aria-disabled={disabled}
        maxLength={MAX_MESSAGE_LENGTH}
        placeholder={PLACEHOLDERS[status]}
        autoComplete="off"
        autoFocus
        className="min-w-0 flex-1"
      />
      <Button variant="primary" type="submit" disabled={disabled || text.trim() === ""} className="shrink-0">
        Send
      </Button>
    </form>
  );
}
