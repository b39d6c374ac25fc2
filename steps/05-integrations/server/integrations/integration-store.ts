import type { IntegrationKind, IntegrationStatus } from "../../lib/protocol";

export interface Integration {
  id: string;
  roomId: string;
  kind: IntegrationKind;
  /** The room's creator, who added it: the only person who sees it. */
  createdBy: string;
  createdAt: number;
  /** Where outgoing messages go (Slack's and Discord's URLs carry a secret); null for an incoming webhook. */
  url: string | null;
  /** The Standard Webhooks secret that signs (webhook) or verifies (incoming); null for Slack and Discord. */
  secret: string | null;
  status: IntegrationStatus;
}

export type NewIntegration = Omit<Integration, "id" | "createdAt" | "status">;

/** How the latest delivery (or incoming post) went; `dropped` messages are added to the count. */
export type DeliveryReport =
  { at: number; ok: true } | { at: number; ok: false; error: string; dropped: number; disable: boolean };

/**
 * The integrations of every room. Like the room store, each method returns a promise so that a database can stand
 * behind it (step 06); this step keeps them in memory (memory-integration-store.ts). Secrets stay in here: what
 * leaves the server is an IntegrationView (viewOf, in integration-handlers.ts).
 */
export interface IntegrationStore {
  get(id: string): Promise<Integration | undefined>;
  ofRoom(roomId: string): Promise<Integration[]>;
  ofCreator(userId: string): Promise<Integration[]>;
  /** Adds it unless its room or its creator has as many as the limits allow. */
  add(integration: NewIntegration, limits: { perRoom: number; perCreator: number }): Promise<Integration | undefined>;
  remove(id: string): Promise<void>;
  setSecret(id: string, secret: string): Promise<void>;
  report(id: string, report: DeliveryReport): Promise<Integration | undefined>;
}
