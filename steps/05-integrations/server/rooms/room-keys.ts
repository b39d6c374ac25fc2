// Names of the Socket.IO rooms the chat uses. A Socket.IO room is only a delivery list inside the server: a socket
// is put in one after the room store said it may be there, never because a client asked.

/** Connections that have the room open: they receive its messages. */
export function roomKey(roomId: string) {
  return `room:${roomId}`;
}

/** Every connection of every member: they hear of the room's activity and changes, never its messages. */
export function membersKey(roomId: string) {
  return `members:${roomId}`;
}

/** Every connection of one person, whichever room they have open. */
export function userKey(userId: string) {
  return `user:${userId}`;
}
