"use client";

import type {
  AddIntegrationRequest,
  ChatError,
  DoneResult,
  IntegrationListResult,
  IntegrationResult,
  InviteResult,
  RoomKind,
  RoomListResult,
  RoomPageResult,
  RoomResult,
} from "./protocol";
import { getSocket } from "./socket";

/** How long a room request waits for the server's answer. */
const ACK_TIMEOUT_MS = 10_000;

const NO_ANSWER: { ok: false; error: ChatError } = {
  ok: false,
  error: { code: "server_error", message: "The server did not answer. Check your connection and try again." },
};

// Each room request over the page's one connection. A timeout or a lost connection becomes an error answer too,
// so callers handle one shape: { ok: true, … } or { ok: false, error }.

export function listRooms(): Promise<RoomListResult> {
  return getSocket()
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck("list rooms", {})
    .catch(() => NO_ANSWER);
}

/** A page of the public rooms this person has not joined; `cursor` is the `next` of the page before. */
export function browseRooms(search: string, cursor: string | null): Promise<RoomPageResult> {
  const request = { ...(search ? { search } : {}), ...(cursor ? { cursor } : {}) };
  return getSocket()
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck("browse rooms", request)
    .catch(() => NO_ANSWER);
}

export function joinRoom(roomId: string): Promise<RoomResult> {
  return getSocket()
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck("join room", { roomId })
    .catch(() => NO_ANSWER);
}

export function createRoom(name: string, kind: Exclude<RoomKind, "direct">): Promise<RoomResult> {
  return getSocket()
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck("create room", { name, kind })
    .catch(() => NO_ANSWER);
}

export function leaveRoom(roomId: string): Promise<DoneResult> {
  return getSocket()
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck("leave room", { roomId })
    .catch(() => NO_ANSWER);
}

export function inviteToRoom(roomId: string, who: string): Promise<InviteResult> {
  return getSocket()
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck("invite to room", { roomId, who })
    .catch(() => NO_ANSWER);
}

export function openDirect(userId: string): Promise<RoomResult> {
  return getSocket()
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck("open direct", { userId })
    .catch(() => NO_ANSWER);
}

// A room's integrations: its creator's requests from the room settings.

export function listIntegrations(roomId: string): Promise<IntegrationListResult> {
  return getSocket()
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck("list integrations", { roomId })
    .catch(() => NO_ANSWER);
}

export function addIntegration(request: AddIntegrationRequest): Promise<IntegrationResult> {
  return getSocket()
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck("add integration", request)
    .catch(() => NO_ANSWER);
}

export function rotateIntegrationSecret(roomId: string, integrationId: string): Promise<IntegrationResult> {
  return getSocket()
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck("rotate integration secret", { roomId, integrationId })
    .catch(() => NO_ANSWER);
}

export function removeIntegration(roomId: string, integrationId: string): Promise<DoneResult> {
  return getSocket()
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck("remove integration", { roomId, integrationId })
    .catch(() => NO_ANSWER);
}
