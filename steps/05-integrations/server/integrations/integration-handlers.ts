import * as z from "zod";
import type { IntegrationView } from "../../lib/protocol";
import { MAX_INTEGRATIONS_PER_ROOM, MAX_INTEGRATIONS_PER_USER, MAX_WEBHOOK_URL_LENGTH } from "../limits";
import { failure, roomRequestHandler } from "../rooms/room-request-handler";
import { roomId, roomRequest } from "../rooms/room-requests";
import type { RoomStore } from "../rooms/room-store";
import type { ChatServerSocket } from "../types";
import { HOOK_PATH_PREFIX } from "./incoming-route";
import type { IntegrationSettings } from "./integration-settings";
import type { Integration, IntegrationStore } from "./integration-store";
import { checkTarget, redactedTarget } from "./integration-targets";
import type { Outgoing } from "./outgoing";
import { newSecret } from "./standard-webhooks";

const NOT_YOURS = "No such room, or not one you created.";
const NO_SUCH_INTEGRATION = "This room has no such integration.";
const LIMITS = { perRoom: MAX_INTEGRATIONS_PER_ROOM, perCreator: MAX_INTEGRATIONS_PER_USER };

const addIntegrationRequest = z.strictObject({
  roomId,
  kind: z.enum(["slack", "discord", "webhook", "incoming"]),
  url: z.string().max(MAX_WEBHOOK_URL_LENGTH, "That URL is too long.").optional(),
});
const integrationRequest = z.strictObject({ roomId, integrationId: z.string().regex(/^[\w-]{1,64}$/, "Not an id.") });

/** What the creator sees: no secret, and of a URL only its host and the path without its secret part. */
export function viewOf({ id, roomId, kind, url, createdAt, status }: Integration): IntegrationView {
  return {
    id,
    roomId,
    kind,
    target: url ? redactedTarget(url) : `${HOOK_PATH_PREFIX}${id}`,
    createdAt,
    status: { ...status },
  };
}

/** The room settings' events: a room's integrations are its creator's alone, while they are one of its members. */
export function handleIntegrationRequests(
  socket: ChatServerSocket,
  rooms: RoomStore,
  store: IntegrationStore,
  settings: IntegrationSettings,
  outgoing: Outgoing,
) {
  const { user } = socket.data;
  const handle = roomRequestHandler(socket);

  async function ownRoom(id: string) {
    const room = await rooms.get(id);
    const mine = room?.createdBy === user.id && room.kind !== "direct" && (await rooms.isMember(id, user.id));
    return mine ? room : undefined;
  }

  async function ownIntegration(request: { roomId: string; integrationId: string }) {
    const integration = (await ownRoom(request.roomId)) && (await store.get(request.integrationId));
    return integration && integration.roomId === request.roomId ? integration : undefined;
  }

  async function remove(integration: Integration) {
    outgoing.stop(integration.id);
    await store.remove(integration.id);
  }

  handle("list integrations", roomRequest, async ({ roomId }) => {
    if (!(await ownRoom(roomId))) return failure("not_found", NOT_YOURS);
    return { ok: true, integrations: (await store.ofRoom(roomId)).map(viewOf) };
  });

  handle("add integration", addIntegrationRequest, async ({ roomId, kind, url }) => {
    if (!(await ownRoom(roomId))) return failure("not_found", NOT_YOURS);
    if (kind === "incoming" && url !== undefined)
      return failure("invalid_payload", "An incoming webhook takes no url.");
    const target = kind === "incoming" ? null : checkTarget(kind, url ?? "", settings);
    if (target && !target.ok) return failure("invalid_payload", target.problem);
    // The integrations of rooms that ended (their last member left) go first: they no longer count.
    for (const old of await store.ofCreator(user.id)) if (!(await rooms.get(old.roomId))) await remove(old);
    const secret = kind === "webhook" || kind === "incoming" ? newSecret() : null;
    const added = await store.add({ roomId, kind, createdBy: user.id, url: target?.url ?? null, secret }, LIMITS);
    if (!added) {
      const limits = `${MAX_INTEGRATIONS_PER_ROOM} per room and ${MAX_INTEGRATIONS_PER_USER} per person`;
      return failure("limit_reached", `That is as many integrations as you may have: ${limits}.`);
    }
    return { ok: true, integration: viewOf(added), ...(secret ? { secret } : {}) };
  });

  handle("rotate integration secret", integrationRequest, async (request) => {
    const integration = await ownIntegration(request);
    if (!integration) return failure("not_found", NO_SUCH_INTEGRATION);
    if (integration.secret === null) {
      return failure("forbidden", "Its secret is part of its URL: remove it, then add the provider's new URL.");
    }
    const secret = newSecret();
    await store.setSecret(integration.id, secret);
    return { ok: true, integration: viewOf(integration), secret };
  });

  handle("remove integration", integrationRequest, async (request) => {
    const integration = await ownIntegration(request);
    if (!integration) return failure("not_found", NO_SUCH_INTEGRATION);
    await remove(integration);
    return { ok: true };
  });
}
