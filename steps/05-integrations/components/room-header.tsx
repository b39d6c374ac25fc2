"use client";

import { InviteForm } from "@/components/invite-form";
import { LeaveRoomButton } from "@/components/leave-room-button";
import { RoomSettings } from "@/components/room-settings";
import { DEFAULT_ROOM_ID, type ChatUser, type RoomKind, type RoomSummary } from "@/lib/protocol";
import { roomTitle } from "@/lib/room-title";

const KIND_LABELS: Record<RoomKind, string> = {
  public: "Public room: anyone can join",
  private: "Private room: members only",
  direct: "Direct message",
};

/** The open room's name and kind; in a private room its members and the invite form; its settings for its creator. */
export function RoomHeader({ room, me }: { room: RoomSummary; me: ChatUser }) {
  const canLeave = room.id !== DEFAULT_ROOM_ID && room.kind !== "direct" && room.member;
  return (
    <div className="flex flex-col gap-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <div className="flex items-center justify-between gap-3">
        <div className="min-w-0">
          <h2 className="truncate text-base font-semibold" data-part="room-name">
            {roomTitle(room, me)}
          </h2>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{KIND_LABELS[room.kind]}</p>
        </div>
        {canLeave && <LeaveRoomButton roomId={room.id} />}
      </div>
      {room.kind === "private" && room.members && (
        <>
          <ul aria-label="Members" className="flex flex-wrap gap-1 text-xs">
            {room.members.map((member) => (
              <li key={member.id} className="rounded-full bg-zinc-100 px-2 py-0.5 dark:bg-zinc-800">
                {member.name}
                {member.id === me.id && <span className="text-zinc-600 dark:text-zinc-400"> (you)</span>}
              </li>
            ))}
          </ul>
          <InviteForm roomId={room.id} />
        </>
      )}
      {room.createdBy === me.id && room.kind !== "direct" && <RoomSettings roomId={room.id} />}
    </div>
  );
}
