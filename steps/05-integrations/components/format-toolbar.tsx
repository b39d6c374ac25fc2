"use client";

import type { Format } from "@/components/markdown-format";

const BUTTONS: { format: Format; label: string; key: string; face: React.ReactNode }[] = [
  { format: "bold", label: "Bold", key: "B", face: <strong>B</strong> },
  { format: "italic", label: "Italic", key: "I", face: <em className="font-serif">I</em> },
  { format: "code", label: "Code", key: "E", face: <code className="font-mono text-xs">{"</>"}</code> },
  { format: "link", label: "Link", key: "K", face: <span className="underline">link</span> },
];

const BUTTON =
  "min-w-8 rounded-md px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-zinc-400 aria-pressed:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-pressed:bg-zinc-700";

type ToolbarProps = { onFormat: (format: Format) => void; preview: boolean; onPreview: () => void };

/** Buttons that format the message's selection, each with its shortcut, and the preview's switch. */
export function FormatToolbar({ onFormat, preview, onPreview }: ToolbarProps) {
  return (
    <div role="group" aria-label="Formatting" className="flex items-center gap-1">
      {BUTTONS.map(({ format, label, key, face }) => (
        <button
          key={format}
          type="button"
          aria-label={label}
          aria-keyshortcuts={`Control+${key} Meta+${key}`}
          title={`${label} (Ctrl+${key} or ⌘${key})`}
          // The message box keeps the focus, and with it the selection to format.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onFormat(format)}
          className={BUTTON}
        >
          {face}
        </button>
      ))}
      <button type="button" aria-pressed={preview} onClick={onPreview} className={BUTTON}>
        Preview
      </button>
    </div>
  );
}
