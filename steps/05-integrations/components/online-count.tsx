export function OnlineCount({ online }: { online: number | null }) {
  if (online === null) return null;
  return (
    <span
      role="status"
      aria-label="People online"
      data-online={online}
      className="text-sm text-zinc-600 dark:text-zinc-400"
    >
      {online} online
    </span>
  );
}
