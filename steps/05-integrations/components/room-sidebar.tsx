"use client";

import Link from "next/link";
import { useId } from "react";
import { CreateRoomForm } from "@/components/create-room-form";
import { usePublicRooms } from "@/hooks/use-public-rooms";
import type { ChatUser, RoomKind, RoomSummary } from "@/lib/protocol";
import { MAX_ROOM_NAME_LENGTH } from "@/lib/room-rules";
import { roomTitle } from "@/lib/room-title";
import type { RoomsState } from "@/lib/rooms-reducer";
import { Input } from "@/components/ui/input";

const LOCK = (
  <svg viewBox="0 0 16 16" className="mx-auto size-3.5" fill="currentColor">
    <path d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 1 0-4 0z" />
  </svg>
);

const KIND_MARKS: Record<RoomKind, { mark: React.ReactNode; spoken: string }> = {
  public: { mark: "#", spoken: "" },
  private: { mark: LOCK, spoken: " (private)" },
  direct: { mark: "@", spoken: " (direct message)" },
};

interface SidebarProps {
  rooms: RoomsState;
  currentRoomId: string | null;
  me: ChatUser;
}

/**
 * This person's rooms, each with its unread count, the open one marked; the public rooms they could join, a page
 * at a time with a search; and a form for a new room.
 */
export function RoomSidebar({ rooms, currentRoomId, me }: SidebarProps) {
  const list = rooms.rooms ?? [];
  const links = { currentRoomId, unread: rooms.unread, mentioned: rooms.mentioned, me };
  return (
    <nav
      aria-label="Rooms"
      className="flex shrink-0 flex-col gap-5 overflow-y-auto border-zinc-200 px-3 py-4 md:w-56 md:border-r dark:border-zinc-800"
    >
      <RoomLinks heading="Your rooms" rooms={list.filter((room) => room.kind !== "direct")} {...links} />
      <RoomLinks heading="Direct messages" rooms={list.filter((room) => room.kind === "direct")} {...links} />
      <BrowsePublicRooms {...links} />
      <CreateRoomForm />
    </nav>
  );
}

/** The public rooms this person could join: the newest first, a search by name, and more on request. */
function BrowsePublicRooms(links: Pick<RoomLinksProps, "currentRoomId" | "unread" | "mentioned" | "me">) {
  const publicRooms = usePublicRooms();
  return (
    <RoomLinks
      heading="Browse public rooms"
      rooms={publicRooms.rooms ?? []}
      empty={
        publicRooms.rooms === null
          ? "Loading…"
          : publicRooms.search
            ? "No public room to join has that in its name."
            : "None to join."
      }
      top={
        <Input
          type="search"
          aria-label="Search public rooms"
          placeholder="Search…"
          maxLength={MAX_ROOM_NAME_LENGTH}
          onChange={(event) => publicRooms.searchFor(event.target.value)}
          size="compact"
          className="mb-1 w-full"
        />
      }
      bottom={
        <>
          {publicRooms.error && <p className="text-sm text-red-600 dark:text-red-400">{publicRooms.error}</p>}
          {publicRooms.next !== null && (
            <button
              type="button"
              onClick={publicRooms.showMore}
              className="mt-1 rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-zinc-400 dark:text-zinc-400 dark:hover:bg-zinc-800"
            >
              Show more public rooms
            </button>
          )}
        </>
      }
      {...links}
    />
  );
}

interface RoomLinksProps {
  heading: string;
  rooms: RoomSummary[];
  /** What an empty list says. */
  empty?: string;
  /** Shown under the heading, above the list, and after it. */
  top?: React.ReactNode;
  bottom?: React.ReactNode;
  currentRoomId: string | null;
  unread: Record<string, number>;
  mentioned: Record<string, boolean>;
  me: ChatUser;
}

function RoomLinks(props: RoomLinksProps) {
  const { heading, rooms, empty = "None yet.", top, bottom, currentRoomId, unread, mentioned, me } = props;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2
        id={headingId}
        className="mb-1 text-xs font-semibold tracking-wide text-zinc-600 dark:text-zinc-400 uppercase"
      >
        {heading}
      </h2>
      {top}
      {rooms.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>}
      <ul aria-labelledby={headingId} className="flex flex-col gap-0.5 text-sm">
        {rooms.map((room) => {
          const count = unread[room.id] ?? 0;
          const current = room.id === currentRoomId;
          const { mark, spoken } = KIND_MARKS[room.kind];
          return (
            <li key={room.id}>
              <Link
                href={`/rooms/${room.id}`}
                aria-current={current ? "page" : undefined}
                data-unread={count}
                data-mentioned={mentioned[room.id] === true}
                className={`flex items-center gap-2 rounded-md px-2 py-1 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-zinc-400 dark:hover:bg-zinc-800 ${current ? "bg-zinc-200 font-semibold dark:bg-zinc-700" : ""}`}
              >
                <span aria-hidden className="w-4 shrink-0 text-center text-zinc-600 dark:text-zinc-400">
                  {mark}
                </span>
                <span className="min-w-0 flex-1 truncate">
                  {roomTitle(room, me)}
                  <span className="sr-only">{spoken}</span>
                </span>
                {mentioned[room.id] && (
                  <span className="rounded-full bg-amber-500 px-1.5 text-xs font-semibold text-black">
                    <span aria-hidden>@</span>
                    <span className="sr-only">, mentions you</span>
                  </span>
                )}
                {count > 0 && (
                  <span className="rounded-full bg-emerald-600 px-1.5 text-xs font-semibold text-white">
                    <span className="sr-only">, </span>
                    {count}
                    <span className="sr-only"> unread</span>
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
      {bottom}
    </section>
  );
}
