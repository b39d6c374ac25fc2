import { expect } from "vitest";
import type { ClientToServerEvents, RoomSummary } from "../lib/protocol";
import type { TestClient } from "./chat-test-server";

type RequestEvent = Exclude<keyof ClientToServerEvents, "chat message">;
type RequestOf<E extends RequestEvent> = Parameters<ClientToServerEvents[E]>[0];
export type AnswerOf<E extends RequestEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** Sends a room request and resolves with the server's answer. */
export function request<E extends RequestEvent>(
  client: TestClient,
  event: E,
  payload: RequestOf<E>,
): Promise<AnswerOf<E>> {
  return sendRaw(client, event, payload) as Promise<AnswerOf<E>>;
}

/** Emits anything at all under any event name, as a hostile client could, and resolves with the answer. */
export function sendRaw(client: TestClient, event: string, ...args: unknown[]): Promise<unknown> {
  const raw = client.timeout(5000) as unknown as {
    emitWithAck: (event: string, ...args: unknown[]) => Promise<unknown>;
  };
  return raw.emitWithAck(event, ...args);
}

/** Creates a room through `client` and returns it; fails the test when the server refuses. */
export async function createRoom(client: TestClient, name: string, kind: "public" | "private"): Promise<RoomSummary> {
  const result = await request(client, "create room", { name, kind });
  if (!result.ok) throw new Error(`create room: ${result.error.code} ${result.error.message}`);
  return result.room;
}

/** A unique room name, since public room names are unique. */
export function uniqueName(prefix: string) {
  return `${prefix} ${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Every event `client` receives from now on, with its payload. A round trip (any request answered) afterwards
 * proves that whatever the server sent this client before answering has arrived: one connection keeps its order.
 */
export function recordEverything(client: TestClient) {
  const received: { event: string; payload: unknown }[] = [];
  client.onAny((event: string, payload: unknown) => received.push({ event, payload }));
  return received;
}

/** Waits until the server has answered one more request from `client`, so everything sent to it before is in. */
export async function roundTrip(client: TestClient) {
  expect((await request(client, "list rooms", {})).ok).toBe(true);
}
