import { redirect } from "next/navigation";
import { Chat } from "@/components/chat";
import { getCurrentUser } from "@/lib/current-user";

export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return <Chat user={user} />;
}
