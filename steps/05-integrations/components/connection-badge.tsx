import type { ConnectionStatus } from "@/lib/chat-state";

const LABELS: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

const DOT_COLORS: Record<ConnectionStatus, string> = {
  connecting: "bg-amber-400 animate-pulse",
  connected: "bg-emerald-500",
  reconnecting: "bg-amber-500 animate-pulse",
  offline: "bg-zinc-400",
};

/** The connection's state; `reason`, when the server last ended the connection for one, says why. */
export function ConnectionBadge({
  status,
  transport,
  reason = null,
}: {
  status: ConnectionStatus;
  transport: string | null;
  reason?: string | null;
}) {
  return (
    <span
      role="status"
      aria-label={`Connection: ${LABELS[status]}${reason ? `. ${reason}` : ""}`}
      data-status={status}
      data-transport={transport ?? ""}
      title={reason ?? (transport ? `Transport: ${transport}` : undefined)}
      className="inline-flex min-w-0 items-center gap-2 rounded-full border border-zinc-200 px-3 py-1 text-sm whitespace-nowrap dark:border-zinc-700"
    >
      <span aria-hidden className={`size-2 shrink-0 rounded-full ${DOT_COLORS[status]}`} />
      {LABELS[status]}
      {reason && (
        <span data-part="close-reason" className="max-w-48 truncate text-amber-700 dark:text-amber-400">
          {reason}
        </span>
      )}
    </span>
  );
}
