// The chat's contract: the events and payloads that travel over Socket.IO, imported by the server and the
// browser alike so both sides are checked by the same types. docs/protocol.md describes it in words.

/** Longest message text the server accepts, in characters (UTF-16 units, as JavaScript counts) of markdown source. */
export const MAX_MESSAGE_LENGTH = 2000;
/**
 * Largest message text the server accepts, in bytes of UTF-8: two per character on average, so a text in a script
 * of three-byte characters (Chinese, Japanese…) meets this limit before MAX_MESSAGE_LENGTH.
 */
export const MAX_MESSAGE_BYTES = 4000;

/** A signed-in person as others see them. The server takes it from the session, never from a client. */
export interface ChatUser {
  id: string;
  name: string;
}

export interface ChatMessage {
  id: string;
  /** The room it was sent to: the sender's open room. */
  roomId: string;
  /** Set by the server from the sender's session. */
  author: ChatUser;
  /** Markdown source, never HTML: each client renders it with the same limited set of elements. */
  text: string;
  /** The room's members the text names as `@name`, found by the server (at most MAX_MENTIONS_PER_MESSAGE). */
  mentions: ChatUser[];
  /** Server time in milliseconds since the epoch. */
  sentAt: number;
  /** Present, and true, when a bot posted it through an incoming webhook: `author` is then no account. */
  bot?: true;
}

export type ChatErrorCode =
  | "invalid_payload" // not a string, or not the shape the event expects
  | "empty_message"
  | "message_too_long"
  | "rate_limited"
  | "unknown_event"
  | "not_found" // no such room, or not one you may see (the two look the same on purpose)
  | "forbidden" // you see the room but may not do that (invite to a public room, leave general or a DM)
  | "limit_reached" // rooms per person, members per private room, rooms the server keeps
  | "conflict" // a public room of that name exists; several people have the name you invited
  | "server_error";

export interface ChatError {
  code: ChatErrorCode;
  message: string;
}

export type SendResult = { ok: true; message: ChatMessage } | { ok: false; error: ChatError };

/** The id of the public room everyone lands in; it always exists and nobody can leave it. */
export const DEFAULT_ROOM_ID = "general";

/** "public": anyone may list and join it. "private": members only, by invitation. "direct": two people. */
export type RoomKind = "public" | "private" | "direct";

/** A room as one person sees it in their room list. */
export interface RoomSummary {
  id: string;
  /** The room's name; "" for a direct message, which clients name after the other person. */
  name: string;
  kind: RoomKind;
  /** Whether this person is a member (always true for private rooms and direct messages they can see). */
  member: boolean;
  /** Who is in it: private rooms and direct messages only (a public room may have thousands). */
  members?: ChatUser[];
  /** Who created it (not for general or a direct message): they alone manage its integrations. */
  createdBy?: string;
}

type Failure = { ok: false; error: ChatError };
export type RoomListResult = { ok: true; rooms: RoomSummary[] } | Failure;
/** A page of public rooms; `next` asks for the page after it ("browse rooms"), null on the last page. */
export type RoomPageResult = { ok: true; rooms: RoomSummary[]; next: string | null } | Failure;
export type RoomResult = { ok: true; room: RoomSummary } | Failure;
export type InviteResult = { ok: true; room: RoomSummary; invited: ChatUser } | Failure;
export type DoneResult = { ok: true } | Failure;

export interface CreateRoomRequest {
  name: string;
  kind: "public" | "private";
}

export interface RoomRequest {
  roomId: string;
}

export interface RoomActivity {
  roomId: string;
  /** Present, and true, when the message names you as `@name`. */
  mentioned?: true;
}

export interface BrowseRoomsRequest {
  /** Only public rooms whose name contains this, in any letter case (at most MAX_ROOM_NAME_LENGTH characters). */
  search?: string;
  /** The `next` of the page before, passed back unchanged; leave it out for the first page. */
  cursor?: string;
}

export interface InviteRequest {
  roomId: string;
  /** The invitee's email address, or their exact name. */
  who: string;
}

/**
 * Outgoing: a room's messages forwarded to Slack, Discord, or any HTTPS endpoint ("webhook", signed in the Standard
 * Webhooks format). Incoming: a URL through which bots post signed messages into the room.
 */
export type IntegrationKind = "slack" | "discord" | "webhook" | "incoming";

export interface IntegrationStatus {
  /** Why deliveries stopped (410 Gone, or refused again and again); null while it works. */
  disabled: string | null;
  /** The last delivery the endpoint accepted (outgoing), or the last post accepted (incoming). */
  lastSuccessAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  /** Messages given up on: retries used up, refused, or pushed out of a full queue. */
  dropped: number;
}

/** An integration as the room's creator sees it: never its secret, nor the secret part of its URL. */
export interface IntegrationView {
  id: string;
  roomId: string;
  kind: IntegrationKind;
  /** Outgoing: host and path, the secret part hidden. Incoming: the path bots POST to, /api/hooks/<id>. */
  target: string;
  createdAt: number;
  status: IntegrationStatus;
}

export interface AddIntegrationRequest {
  roomId: string;
  kind: IntegrationKind;
  /** Where to send the room's messages; outgoing kinds only. */
  url?: string;
}

export interface IntegrationRequest {
  roomId: string;
  integrationId: string;
}

export type IntegrationListResult = { ok: true; integrations: IntegrationView[] } | Failure;
/** `secret`: the Standard Webhooks secret of a webhook or an incoming webhook, in this answer only, never again. */
export type IntegrationResult = { ok: true; integration: IntegrationView; secret?: string } | Failure;

export interface DirectRequest {
  /** The other person's id (from the online list). */
  userId: string;
}

/** The most people a presence snapshot or update names (the count is always exact); the browser lists no more. */
export const PRESENCE_LIST_MAX = 200;

/** Sent to a client when it connects, and to everyone when too many changed at once for a PresenceBatch. */
export interface PresenceSnapshot {
  /** People connected right now, each counted once however many tabs they have open. */
  online: number;
  /** Who they are: all of them, or the first PRESENCE_LIST_MAX when more are online. */
  users: ChatUser[];
}

/**
 * In a crowd (above the server's PRESENCE_ANNOUNCE_MAX_ONLINE), what changed since the last update, sent to everyone
 * at most once per PRESENCE_BATCH_INTERVAL_MS instead of a "user joined"/"user left" per person.
 */
export interface PresenceBatch {
  /** People online now. */
  online: number;
  /** Who came online since the last update and still is; `joined` and `left` name PRESENCE_LIST_MAX at most. */
  joined: ChatUser[];
  /** Who went offline since the last update and still is. */
  left: ChatUser[];
}

/** Somebody's first tab connected, or their last one closed. */
export interface PresenceChange {
  user: ChatUser;
  /** People online after the change. */
  online: number;
}

/**
 * Why the server refused a connection: the `message` of the client's `connect_error`. "unauthorized" means no valid
 * session came with the handshake (sign in again); "forbidden_origin" means the page's origin is not this app's.
 */
export type ConnectErrorCode = "unauthorized" | "forbidden_origin" | "server_error";

/**
 * Why the server ended a connection, sent in "closing" just before it does:
 * "session_ended": signed out, revoked or expired (sign in again);
 * "too_many_refusals": it kept sending what the server refuses.
 */
export type CloseReason = "session_ended" | "too_many_refusals";

export interface ClosingNotice {
  reason: CloseReason;
  /** A sentence for people. */
  message: string;
}

/**
 * The WebSocket close code (4000–4999 belong to the application) of a connection the server dropped because it had
 * fallen too far behind reading what was sent to it: a "closing" event could not overtake the backlog, so the
 * reason travels in the close frame. Its client sees "transport close" and reconnects.
 */
export const TOO_FAR_BEHIND_CLOSE_CODE = 4000;

export interface ClientToServerEvents {
  /** Sends a message's text to this connection's open room (see "join room"); the server answers with the result. */
  "chat message": (text: string, ack: (result: SendResult) => void) => void;
  /** This person's rooms: the public and private rooms and direct messages they are a member of. */
  "list rooms": (request: Record<string, never>, ack: (result: RoomListResult) => void) => void;
  /** A page of the public rooms this person has not joined, newest first, optionally only names containing `search`. */
  "browse rooms": (request: BrowseRoomsRequest, ack: (result: RoomPageResult) => void) => void;
  /** Creates a room with this person as its first member. */
  "create room": (request: CreateRoomRequest, ack: (result: RoomResult) => void) => void;
  /**
   * Opens a room on this connection: messages sent go there, and its messages arrive. Joining a public room makes
   * you a member; a private room or direct message must already have you. One open room per connection: joining
   * closes the one before, even when the new one is refused.
   */
  "join room": (request: RoomRequest, ack: (result: RoomResult) => void) => void;
  /** Stops being a member (not of general, not of a direct message); every connection of yours closes the room. */
  "leave room": (request: RoomRequest, ack: (result: DoneResult) => void) => void;
  /** Adds someone to a private room you are in, found by email address or exact name. */
  "invite to room": (request: InviteRequest, ack: (result: InviteResult) => void) => void;
  /** The direct message room with this person: found again if it exists, else created. */
  "open direct": (request: DirectRequest, ack: (result: RoomResult) => void) => void;
  /** The integrations of a room you created (and are in). */
  "list integrations": (request: RoomRequest, ack: (result: IntegrationListResult) => void) => void;
  /** Connects a room you created to Slack, Discord or a webhook, or creates an incoming webhook for bots. */
  "add integration": (request: AddIntegrationRequest, ack: (result: IntegrationResult) => void) => void;
  /** A new secret for a webhook or an incoming webhook; the old one stops working at once. */
  "rotate integration secret": (request: IntegrationRequest, ack: (result: IntegrationResult) => void) => void;
  /** Disconnects an integration (an incoming webhook's URL stops working at once). */
  "remove integration": (request: IntegrationRequest, ack: (result: DoneResult) => void) => void;
}

export interface ServerToClientEvents {
  /** The server is about to end this connection, and why; the disconnect ("io server disconnect") follows. */
  closing: (notice: ClosingNotice) => void;
  /** A message, sent to every connection that has its room open, the sender's included. */
  "chat message": (message: ChatMessage) => void;
  /** A room in your list was added or changed: created, you joined or were invited, its members changed. */
  "room updated": (room: RoomSummary) => void;
  /** A room is no longer in your list (you left it), or no longer yours to open. */
  "room removed": (change: RoomRequest) => void;
  /** A message arrived in a room you are a member of but have not open here: a count, never the message. */
  "room activity": (activity: RoomActivity) => void;
  /** Who is online, sent to a client when it connects (and to everyone when a batch would name too many). */
  presence: (snapshot: PresenceSnapshot) => void;
  /** Somebody else came online (their first tab), in a small crowd. */
  "user joined": (change: PresenceChange) => void;
  /** Somebody else went offline (their last tab), in a small crowd. */
  "user left": (change: PresenceChange) => void;
  /** In a crowd: the exact count and who came and went, at most once per PRESENCE_BATCH_INTERVAL_MS. */
  "presence update": (batch: PresenceBatch) => void;
  /** To a room's creator: one of its integrations delivered, failed, was disabled, or took a bot's post. */
  "integration updated": (integration: IntegrationView) => void;
}

// Events between server processes (step 07).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

/** What the server knows about a connection, set once from the session during the handshake. */
export interface SocketData {
  user: ChatUser;
  /** The better-auth session the handshake's cookie belongs to; signing out disconnects its sockets. */
  sessionId: string;
  /** When that session expires, in ms since the epoch, as last read from the database; the connection ends then. */
  sessionExpiresAt: number;
  /** The room this connection has open ("join room"), or null before the first join and after a refused one. */
  roomId: string | null;
}
