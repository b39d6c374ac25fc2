import { DirectMessageButton } from "@/components/direct-message-button";
import type { ChatUser } from "@/lib/protocol";

/**
 * Who is online, the signed-in person first, each other person with a button for a direct message. On a narrow
 * screen it sits in a drawer the header opens.
 */
export function OnlineUsers({ users, me }: { users: ChatUser[]; me: ChatUser }) {
  const others = users.filter((user) => user.id !== me.id);
  return (
    <aside
      aria-labelledby="online-users-heading"
      className="shrink-0 overflow-y-auto border-zinc-200 px-4 py-4 md:w-48 md:border-l dark:border-zinc-800"
    >
      <h2 id="online-users-heading" className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
        Online now
      </h2>
      <ul aria-label="Online users" className="flex flex-col gap-1 text-sm">
        <li data-user-id={me.id} className="truncate font-medium">
          {me.name} <span className="font-normal text-zinc-500">(you)</span>
        </li>
        {others.map((user) => (
          <li key={user.id} data-user-id={user.id} className="flex flex-wrap items-center justify-between gap-1">
            <span className="min-w-0 flex-1 truncate">{user.name}</span>
            <DirectMessageButton user={user} />
          </li>
        ))}
      </ul>
    </aside>
  );
}
