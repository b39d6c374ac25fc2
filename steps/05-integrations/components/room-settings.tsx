"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import type { IntegrationKind, IntegrationResult, IntegrationView } from "@/lib/protocol";
import { addIntegration, listIntegrations, removeIntegration, rotateIntegrationSecret } from "@/lib/room-client";
import { getSocket } from "@/lib/socket";

const KINDS: Record<IntegrationKind, string> = {
  slack: "Slack",
  discord: "Discord",
  webhook: "Signed webhook (any HTTPS endpoint)",
  incoming: "Incoming webhook (bots post here)",
};

const time = (at: number | null) => at && new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** How an integration is doing, in one line: working or disabled, last success, last error, messages dropped. */
function statusLine({ kind, status }: IntegrationView) {
  return [
    status.disabled ? `Disabled: ${status.disabled}` : "Active",
    status.lastSuccessAt && `last ${kind === "incoming" ? "post" : "delivery"} ${time(status.lastSuccessAt)}`,
    status.lastError && `last error ${time(status.lastErrorAt)}: ${status.lastError}`,
    status.dropped > 0 && `${status.dropped} message${status.dropped === 1 ? "" : "s"} dropped`,
  ]
    .filter(Boolean)
    .join(" · ");
}

/**
 * The room's integrations, for its creator, in a modal dialog over the room (the browser's own <dialog>: focus
 * stays inside, Escape closes it, focus returns to the button): connect, see how deliveries go, rotate, remove.
 */
export function RoomSettings({ roomId }: { roomId: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
        className="self-start text-sm"
      >
        Integrations
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="room-settings-title"
        onClose={() => setOpen(false)}
        className="m-auto w-[min(36rem,calc(100%-2rem))] rounded-xl bg-background p-4 text-sm text-foreground shadow-xl backdrop:bg-black/40"
      >
        <div className="mb-3 flex items-center justify-between gap-3">
          <h2 id="room-settings-title" className="text-base font-semibold">
            Integrations
          </h2>
          <Button onClick={() => dialog.current?.close()}>Close</Button>
        </div>
        {open && <IntegrationsPanel roomId={roomId} />}
      </dialog>
    </>
  );
}

function IntegrationsPanel({ roomId }: { roomId: string }) {
  const [integrations, setIntegrations] = useState<IntegrationView[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  /** A secret from the one answer that carries it: shown until dismissed, then gone for good. */
  const [secret, setSecret] = useState<{ integration: IntegrationView; secret: string } | null>(null);
  const [kind, setKind] = useState<IntegrationKind>("slack");
  const [url, setUrl] = useState("");

  useEffect(() => {
    let current = true;
    const socket = getSocket();
    const onUpdated = (updated: IntegrationView) =>
      setIntegrations((list) => list.map((item) => (item.id === updated.id ? updated : item)));
    socket.on("integration updated", onUpdated);
    void listIntegrations(roomId).then((result) => {
      if (current) return result.ok ? setIntegrations(result.integrations) : setProblem(result.error.message);
    });
    return () => {
      current = false;
      socket.off("integration updated", onUpdated);
    };
  }, [roomId]);

  function received(result: IntegrationResult) {
    if (!result.ok) return setProblem(result.error.message);
    const { integration } = result;
    setProblem(null);
    setIntegrations((list) => [...list.filter((item) => item.id !== integration.id), integration]);
    setSecret(result.secret ? { integration, secret: result.secret } : null);
  }

  async function connect(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await addIntegration(kind === "incoming" ? { roomId, kind } : { roomId, kind, url: url.trim() });
    if (result.ok) setUrl("");
    received(result);
  }

  async function remove(integration: IntegrationView) {
    const result = await removeIntegration(roomId, integration.id);
    if (!result.ok) return setProblem(result.error.message);
    setIntegrations((list) => list.filter((item) => item.id !== integration.id));
    if (secret?.integration.id === integration.id) setSecret(null);
  }

  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-2 empty:hidden">
        {integrations.map((integration) => (
          <li key={integration.id} className="rounded-lg border border-zinc-200 p-2 dark:border-zinc-800">
            <p className="font-medium">{KINDS[integration.kind]}</p>
            <p className="break-all text-zinc-600 dark:text-zinc-400">{integration.target}</p>
            <p data-part="status" className={integration.status.disabled ? "text-red-600 dark:text-red-400" : ""}>
              {statusLine(integration)}
            </p>
            <div className="mt-1 flex gap-2">
              {(integration.kind === "webhook" || integration.kind === "incoming") && (
                <Button onClick={() => void rotateIntegrationSecret(roomId, integration.id).then(received)}>
                  New secret
                </Button>
              )}
              <Button onClick={() => void remove(integration)}>Remove</Button>
            </div>
          </li>
        ))}
      </ul>
      {secret && (
        <div
          role="status"
          aria-label="New secret"
          className="flex flex-col gap-1 rounded-lg bg-amber-50 p-2 dark:bg-amber-950"
        >
          <p>Copy the secret now: it will not be shown again.</p>
          {secret.integration.kind === "incoming" && (
            <p className="break-all">
              URL: <code data-part="hook-url">{`${window.location.origin}${secret.integration.target}`}</code>
            </p>
          )}
          <p className="break-all">
            Secret: <code data-part="secret">{secret.secret}</code>
          </p>
          <Button onClick={() => setSecret(null)} className="self-start">
            Done
          </Button>
        </div>
      )}
      <form
        aria-label="Connect this room"
        noValidate
        onSubmit={(event) => void connect(event)}
        className="flex flex-col gap-2"
      >
        <label htmlFor="integration-kind" className="font-medium">
          Connect to
        </label>
        <select
          id="integration-kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as IntegrationKind)}
          className="rounded-lg border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
        >
          {Object.entries(KINDS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {kind !== "incoming" && (
          <TextField
            id="integration-url"
            label="Webhook URL"
            type="url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            autoComplete="off"
          />
        )}
        <Button type="submit" disabled={kind !== "incoming" && url.trim() === ""} className="self-start">
          {kind === "incoming" ? "Create incoming webhook" : "Connect"}
        </Button>
      </form>
      <p role="alert" className="text-red-600 empty:hidden dark:text-red-400">
        {problem}
      </p>
    </div>
  );
}
