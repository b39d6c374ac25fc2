import type { IncomingMessage, ServerResponse } from "node:http";
import type { ChatMessage } from "../../lib/protocol";
import { userKey } from "../rooms/room-keys";
import type { RoomStore } from "../rooms/room-store";
import type { ChatServer, ChatServerSocket } from "../types";
import { botPoster } from "./bot-posts";
import { createIncomingRoute, type PostAsBot } from "./incoming-route";
import { handleIntegrationRequests, viewOf } from "./integration-handlers";
import { PRODUCTION_SETTINGS, type IntegrationSettings } from "./integration-settings";
import type { Integration, IntegrationStore } from "./integration-store";
import { createMemoryIntegrationStore } from "./memory-integration-store";
import { createOutgoing } from "./outgoing";

/** The chat's integrations, as the custom server and the chat server plug them in. */
export interface Integrations {
  /** Answers the incoming webhooks' requests (POST /api/hooks/<id>) and returns true; false for any other. */
  routes: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Called once by createChatServer: bots' posts and failure notices go through its Socket.IO server. */
  attach: (io: ChatServer, rooms: RoomStore) => void;
  /** Registers a connection's room settings events. */
  handle: (socket: ChatServerSocket) => void;
  /** After a message's broadcast: queues it for the room's outgoing integrations, and returns at once. */
  forward: (message: ChatMessage) => void;
}

export function createIntegrations(
  settings: IntegrationSettings = PRODUCTION_SETTINGS,
  store: IntegrationStore = createMemoryIntegrationStore(),
): Integrations {
  let chat: { io: ChatServer; rooms: RoomStore; postAsBot: PostAsBot } | undefined;
  // The creator's settings show each delivery and each bot post as it happens.
  const notify = (integration: Integration | undefined) =>
    integration && chat?.io.to(userKey(integration.createdBy)).emit("integration updated", viewOf(integration));
  const outgoing = createOutgoing(store, settings, notify);
  return {
    routes: createIncomingRoute(store, async (hook, text, username) => {
      const message = await chat?.postAsBot(hook, text, username);
      if (message) notify(await store.report(hook.id, { at: message.sentAt, ok: true }));
      return message;
    }),
    attach(io, rooms) {
      chat = { io, rooms, postAsBot: botPoster(io, rooms) };
    },
    handle(socket) {
      if (chat) handleIntegrationRequests(socket, chat.rooms, store, settings, outgoing);
    },
    forward(message) {
      outgoing.forward(message).catch((error: unknown) => console.error("[integrations] forwarding failed", error));
    },
  };
}
