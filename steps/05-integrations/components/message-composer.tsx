"use client";

import { useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { FormatToolbar } from "@/components/format-toolbar";
import { applyFormat, SHORTCUTS, type Format } from "@/components/markdown-format";
import { RichText } from "@/components/rich-text";
import type { ConnectionStatus } from "@/lib/chat-state";
import { messageBudget } from "@/lib/message-budget";
import { MAX_MESSAGE_BYTES, MAX_MESSAGE_LENGTH } from "@/lib/protocol";
import { Button } from "@/components/ui/button";

const OVER = "text-red-600 dark:text-red-400";
const UNDER = "text-zinc-600 dark:text-zinc-400";

const PLACEHOLDERS: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  connected: "Type a message and press Enter",
  reconnecting: "Reconnecting… you can send again in a moment",
  offline: "Offline",
};

interface ComposerProps {
  status: ConnectionStatus;
  /** False while the server is still opening the room on this connection. */
  roomOpen: boolean;
  onSend: (text: string) => void;
}

/** Markdown in several lines: Enter sends, Shift+Enter adds a line; a toolbar and shortcuts format, a preview shows. */
export function MessageComposer({ status, roomOpen, onSend }: ComposerProps) {
  const [text, setText] = useState("");
  const [preview, setPreview] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  /** What to select once a format's edit is on screen. */
  const nextSelection = useRef<[number, number] | null>(null);
  const disabled = status !== "connected" || !roomOpen;
  const trimmed = text.trim();
  const budget = messageBudget(trimmed);
  // Shown once less than a tenth of a limit is left.
  const nearLimit = budget.left < (budget.unit === "bytes" ? MAX_MESSAGE_BYTES : MAX_MESSAGE_LENGTH) / 10;

  useLayoutEffect(() => {
    if (nextSelection.current) input.current?.setSelectionRange(...nextSelection.current);
    nextSelection.current = null;
  }, [text]);

  function submit(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (disabled || trimmed === "" || budget.left < 0) return;
    onSend(trimmed);
    setText("");
  }

  function format(kind: Format) {
    const field = input.current;
    if (!field || disabled) return;
    const edit = applyFormat(text, field.selectionStart, field.selectionEnd, kind);
    nextSelection.current = [edit.start, edit.end];
    setText(edit.text);
    field.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const shortcut = (event.ctrlKey || event.metaKey) && !event.altKey && SHORTCUTS[event.key.toLowerCase()];
    if (shortcut) format(shortcut);
    else if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    else submit();
    event.preventDefault();
  }

  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-end gap-2 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800"
    >
      {preview && (
        <section
          aria-label="Preview"
          className="max-h-48 basis-full overflow-y-auto rounded-lg border border-dashed border-zinc-300 px-3 py-2 wrap-anywhere dark:border-zinc-700"
        >
          <RichText text={trimmed} mentions={[]} me="" />
        </section>
      )}
      <div className="flex basis-full flex-wrap items-center gap-x-2">
        <FormatToolbar onFormat={format} preview={preview} onPreview={() => setPreview(!preview)} />
        <p id="message-budget" aria-live="polite" className={`ml-auto text-xs ${budget.left < 0 ? OVER : UNDER}`}>
          {nearLimit &&
            (budget.left < 0 ? `${-budget.left} ${budget.unit} over the limit` : `${budget.left} ${budget.unit} left`)}
        </p>
      </div>
      <label htmlFor="message-input" className="sr-only">
        Message
      </label>
      <textarea
        id="message-input"
        ref={input}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        // Read-only rather than disabled: a disabled input drops keyboard focus on every reconnect.
        readOnly={disabled}
        aria-disabled={disabled}
        aria-describedby="message-budget"
        aria-invalid={budget.left < 0}
        placeholder={status === "connected" && !roomOpen ? "Opening the room…" : PLACEHOLDERS[status]}
        rows={1}
        autoComplete="off"
        autoFocus
        className="max-h-40 min-w-0 flex-1 resize-none rounded-lg border border-zinc-300 bg-transparent px-3 py-2 outline-none field-sizing-content focus:border-zinc-500 focus:ring-2 focus:ring-zinc-300 aria-disabled:opacity-50 aria-invalid:border-red-500 dark:border-zinc-700 dark:focus:ring-zinc-700"
      />
      <Button
        variant="primary"
        type="submit"
        disabled={disabled || trimmed === "" || budget.left < 0}
        className="shrink-0"
      >
        Send
      </Button>
    </form>
  );
}
