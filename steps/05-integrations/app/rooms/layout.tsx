import { redirect } from "next/navigation";
import { Chat } from "@/components/chat";
import { getCurrentUser } from "@/server/current-user";

/** Every room's page inside one <Chat>: moving between rooms keeps the connection, the lists and the logs. */
export default async function RoomsLayout({ children }: LayoutProps<"/rooms">) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return <Chat user={user}>{children}</Chat>;
}
