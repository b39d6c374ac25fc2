import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/current-user";
import { DEFAULT_ROOM_ID } from "@/lib/protocol";

export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  redirect(`/rooms/${DEFAULT_ROOM_ID}`);
}
