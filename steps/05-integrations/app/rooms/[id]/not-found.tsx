import Link from "next/link";
import { ShowRoomOnceMember } from "@/components/show-room-once-member";
import { DEFAULT_ROOM_ID } from "@/lib/protocol";

/** What a room's URL shows to someone who may not open it: the same for a room that does not exist. */
export default function RoomNotFound() {
  return (
    <section className="m-auto flex max-w-sm flex-col gap-3 px-4 text-center">
      <h2 className="text-lg font-semibold">Room not found</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        This room does not exist, or it is private and you are not a member. A member can invite you.
      </p>
      <Link href={`/rooms/${DEFAULT_ROOM_ID}`} className="underline">
        Go to general
      </Link>
      <ShowRoomOnceMember />
    </section>
  );
}
