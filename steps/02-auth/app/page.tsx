import { redirect } from "next/navigation";
import { Chat } from "@/components/chat";
import { getCurrentUser } from "@/server/current-user";

export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return <Chat user={user} />;
}
