import { DEFAULT_ROOM_ID, type RoomSummary } from "../../lib/protocol";
import {
  MAX_MEMBERS_PER_PRIVATE_ROOM,
  MAX_PUBLIC_ROOMS,
  MAX_ROOMS,
  MAX_ROOMS_PER_USER,
  PUBLIC_ROOMS_PAGE_SIZE,
} from "../limits";
import type { ChatServer, ChatServerSocket } from "../types";
import type { UserDirectory } from "../user-directory";
import { membersKey, roomKey, userKey } from "./room-keys";
import { failure, roomRequestHandler } from "./room-request-handler";
import {
  browseRoomsRequest,
  createRoomRequest,
  directRequest,
  inviteRequest,
  listRoomsRequest,
  roomRequest,
} from "./room-requests";
import type { Refusal, Room, RoomLimits, RoomStore } from "./room-store";
import { findOpenableRoom, roomListFor, summarize } from "./room-views";

const NO_SUCH_ROOM = "No such room, or you are not a member of it.";
const LIMITS: RoomLimits = { perCreator: MAX_ROOMS_PER_USER, publicRooms: MAX_PUBLIC_ROOMS, allRooms: MAX_ROOMS };

/** The answer to a room the store would not create: its name is taken, the person's own limit, or the server's. */
function refusedRoom(reason: Refusal, kind: Room["kind"], name: string) {
  if (reason === "name_taken") return failure("conflict", `There is already a public room called "${name}".`);
  if (reason === "limit_reached") {
    return failure(
      "limit_reached",
      `You have reached the limit of ${MAX_ROOMS_PER_USER} rooms you created. A private room stops counting once everyone has left it.`,
    );
  }
  if (kind === "public") {
    return failure(
      "limit_reached",
      "This server has as many public rooms as it keeps: join one, or create a private room.",
    );
  }
  return failure("limit_reached", "This server has as many rooms as it keeps: try again later.");
}

/**
 * The room events of one connection. Every request is checked against the store before the connection is put in
 * a Socket.IO room: the store decides who is a member, Socket.IO only delivers.
 */
export function handleRooms(io: ChatServer, socket: ChatServerSocket, store: RoomStore, users: UserDirectory) {
  const { user } = socket.data;
  const handle = roomRequestHandler(socket);
  socket.data.roomId = null;
  void socket.join(userKey(user.id));
  void subscribeToMemberRooms();

  /** Hears of activity in every room this person is a member of: counts and changes, never messages. */
  async function subscribeToMemberRooms() {
    try {
      for (const room of await store.roomsOf(user.id)) void socket.join(membersKey(room.id));
    } catch (error) {
      console.error("[chat] could not look up the rooms of a new connection", error);
    }
  }

  /** This connection's open room: the one whose messages it receives and where its messages go. */
  function openRoom(roomId: string | null) {
    const previous = socket.data.roomId;
    if (previous !== null && previous !== roomId) void socket.leave(roomKey(previous));
    if (roomId !== null) void socket.join(roomKey(roomId));
    socket.data.roomId = roomId;
  }

  /** Puts every connection of `userIds` in the room's members list and tells who needs to know how it now looks. */
  async function announceMembers(room: Room, userIds: string[]) {
    const newcomers = userIds.map(userKey);
    io.in(newcomers).socketsJoin(membersKey(room.id));
    const summary = await summarize(store, room, true);
    // A public room's summary lists no members, so only the newcomers need it; in a private room all see the list.
    io.to(room.kind === "public" ? newcomers : [membersKey(room.id), ...newcomers]).emit("room updated", summary);
    return summary;
  }

  handle("list rooms", listRoomsRequest, async () => ({ ok: true, rooms: await roomListFor(store, user.id) }));

  // One page at a time: an answer stays small and quick however many public rooms there are.
  handle("browse rooms", browseRoomsRequest, async ({ search = "", cursor = null }) => {
    const page = await store.publicRooms({ search, cursor, notJoinedBy: user.id, limit: PUBLIC_ROOMS_PAGE_SIZE });
    return {
      ok: true,
      rooms: await Promise.all(page.rooms.map((room) => summarize(store, room, false))),
      next: page.next,
    };
  });

  handle("create room", createRoomRequest, async ({ name, kind }) => {
    const created = await store.create({ name, kind, creator: user }, LIMITS);
    if (!created.ok) return refusedRoom(created.reason, kind, name);
    const summary = await announceMembers(created.room, [user.id]);
    if (kind === "public") io.except(userKey(user.id)).emit("room updated", { ...summary, member: false });
    return { ok: true, room: summary };
  });

  handle("join room", roomRequest, async ({ roomId }) => {
    const room = await findOpenableRoom(store, roomId, user.id);
    if (!room) {
      openRoom(null); // a refused join still closes the room that was open: no stale room keeps sending here
      return failure("not_found", NO_SUCH_ROOM);
    }
    let summary: RoomSummary | undefined;
    if (room.kind === "public") {
      const added = await store.addMember(room.id, user, Infinity);
      if (added.ok && !added.alreadyMember) summary = await announceMembers(room, [user.id]);
    }
    openRoom(room.id);
    // Joined first, checked again second: a "leave room" racing this join is either seen here, or it ends the
    // membership after this check and then takes every connection of this person, this one included, off the room.
    if (!(await store.isMember(room.id, user.id))) {
      openRoom(null);
      return failure("not_found", NO_SUCH_ROOM);
    }
    return { ok: true, room: summary ?? (await summarize(store, room, true)) };
  });

  handle("leave room", roomRequest, async ({ roomId }) => {
    const room = await findOpenableRoom(store, roomId, user.id);
    if (!room || !(await store.isMember(room.id, user.id))) return failure("not_found", NO_SUCH_ROOM);
    if (room.id === DEFAULT_ROOM_ID) return failure("forbidden", "Everyone stays in general.");
    if (room.kind === "direct") return failure("forbidden", "A direct message cannot be left.");

    await store.removeMember(room.id, user.id);
    // Every connection of this person stops receiving the room, in this tab and all others.
    io.in(userKey(user.id)).socketsLeave([roomKey(room.id), membersKey(room.id)]);
    if (room.kind === "public") io.to(userKey(user.id)).emit("room updated", await summarize(store, room, false));
    else {
      io.to(userKey(user.id)).emit("room removed", { roomId: room.id });
      io.to(membersKey(room.id)).emit("room updated", await summarize(store, room, true));
    }
    return { ok: true };
  });

  handle("invite to room", inviteRequest, async ({ roomId, who }) => {
    const room = await findOpenableRoom(store, roomId, user.id);
    if (!room) return failure("not_found", NO_SUCH_ROOM);
    if (room.kind === "public") return failure("forbidden", "Anyone can join a public room: share its link instead.");
    if (room.kind === "direct") return failure("forbidden", "A direct message is for two people only.");

    const found = await users.findByEmailOrName(who);
    if (found.length === 0)
      return failure("not_found", `Nobody called "${who}" or with that email address has an account.`);
    if (found.length > 1) return failure("conflict", `Several people are called "${who}": invite by email address.`);
    const added = await store.addMember(room.id, found[0], MAX_MEMBERS_PER_PRIVATE_ROOM);
    if (!added.ok)
      return failure("limit_reached", `A private room can have at most ${MAX_MEMBERS_PER_PRIVATE_ROOM} members.`);
    // The invited person's connections learn of the room; its messages reach them once they open it.
    return { ok: true, room: await announceMembers(room, [found[0].id]), invited: found[0] };
  });

  handle("open direct", directRequest, async ({ userId }) => {
    if (userId === user.id) return failure("forbidden", "A direct message needs someone else.");
    const other = await users.findById(userId);
    if (!other) return failure("not_found", "Nobody has that user id.");
    const found = await store.findOrCreateDirect(user, other, LIMITS);
    if (!found.ok) return refusedRoom(found.reason, "direct", "");
    return { ok: true, room: await announceMembers(found.room, [user.id, other.id]) };
  });
}
