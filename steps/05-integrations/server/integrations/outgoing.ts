import type { ChatMessage } from "../../lib/protocol";
import { DELIVERY_POLICY } from "../limits";
import { createDeliveryQueue, type DeliveryQueue, type Outcome } from "./delivery-queue";
import { BlockedAddressError, guardedPost, type Answer } from "./guarded-post";
import type { IntegrationSettings } from "./integration-settings";
import type { Integration, IntegrationStore } from "./integration-store";
import { discordBody, slackBody, webhookBody } from "./provider-formats";
import { signedHeaders } from "./standard-webhooks";

const BODIES = { slack: slackBody, discord: discordBody, webhook: webhookBody, incoming: webhookBody };

/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

export function outcomeOf({ status, retryAfter }: Answer): Outcome {
  if (status >= 200 && status < 300) return { kind: "delivered" };
  if (status === 410) return { kind: "gone", error: "HTTP 410 Gone: the endpoint no longer exists." };
  if (status === 429) return { kind: "retry", error: "HTTP 429 Too Many Requests", afterMs: retryAfterMs(retryAfter) };
  if (status === 408 || status >= 500) return { kind: "retry", error: `HTTP ${status}` };
  return { kind: "refused", error: `HTTP ${status}` };
}

export interface Outgoing {
  /** Queues `message` for every working outgoing integration of its room; resolves once queued, never once sent. */
  forward(message: ChatMessage): Promise<void>;
  /** Stops an integration's deliveries (removed): what waits is dropped, the attempt under way aborted. */
  stop(integrationId: string): void;
}

/** Forwards each room's messages to its outgoing integrations, one delivery queue per integration. */
export function createOutgoing(
  store: IntegrationStore,
  settings: IntegrationSettings,
  onChange: (integration: Integration) => void,
): Outgoing {
  const queues = new Map<string, DeliveryQueue<ChatMessage>>();
  const guard = {
    resolve: settings.resolve,
    allowLoopback: settings.testOrigin !== null,
    timeoutMs: DELIVERY_POLICY.timeoutMs,
  };

  /** One attempt, read afresh from the store: a rotated secret signs the very next attempt. */
  async function attempt(id: string, message: ChatMessage, signal: AbortSignal): Promise<Outcome> {
    try {
      const integration = await store.get(id);
      if (!integration?.url) return { kind: "gone", error: "Removed." };
      const body = BODIES[integration.kind](message);
      // The message's id names the event in every attempt, so a receiver can drop a retry it already has.
      const headers = integration.secret ? signedHeaders(integration.secret, `msg_${message.id}`, body) : {};
      return outcomeOf(await guardedPost(new URL(integration.url), body, headers, guard, signal));
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      return error instanceof BlockedAddressError
        ? { kind: "refused", error: problem }
        : { kind: "retry", error: problem };
    }
  }

  function queueOf(id: string) {
    let queue = queues.get(id);
    if (!queue) {
      queue = createDeliveryQueue(
        (message: ChatMessage, signal) => attempt(id, message, signal),
        DELIVERY_POLICY,
        (report) => {
          if (!report.ok && report.disable) queues.delete(id);
          store.report(id, report).then(
            (updated) => updated && onChange(updated),
            (error: unknown) => console.error("[integrations] could not record a delivery", error),
          );
        },
      );
      queues.set(id, queue);
    }
    return queue;
  }

  return {
    async forward(message) {
      for (const integration of await store.ofRoom(message.roomId)) {
        if (integration.url && integration.status.disabled === null) queueOf(integration.id).push(message);
      }
    },
    stop(id) {
      queues.get(id)?.stop();
      queues.delete(id);
    },
  };
}
