import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/current-user";
import { DEFAULT_ROOM_ID } from "@/lib/protocol";

export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  redirect(`/rooms/${DEFAULT_ROOM_ID}`);
}
