import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { RoomView } from "@/components/room-view";
import { getOpenableRoom } from "@/server/rooms/current-room";
import { getCurrentUser } from "@/server/current-user";
import { roomTitle } from "@/lib/room-title";

export async function generateMetadata({ params }: PageProps<"/rooms/[id]">): Promise<Metadata> {
  const user = await getCurrentUser();
  const room = user && (await getOpenableRoom((await params).id, user.id));
  return { title: room ? `${roomTitle(room, user)} — Chat` : "Room not found — Chat" };
}

export default async function RoomPage({ params }: PageProps<"/rooms/[id]">) {
  // Next renders a layout and its page at the same time: the page checks the session itself.
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const room = await getOpenableRoom((await params).id, user.id);
  // Unknown, or private and not yours: the same answer, which names no room.
  if (!room) notFound();
  return <RoomView room={room} />;
}
