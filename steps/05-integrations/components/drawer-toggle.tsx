import type { DrawerState } from "@/hooks/use-drawer";

interface DrawerToggleProps {
  drawer: DrawerState;
  label: string;
  /** What waits in the closed drawer (say, "2 unread"): a dot on the button, and its description. */
  notice?: string;
  children: React.ReactNode;
}

/** The header button that opens a side panel's drawer on a narrow screen; wider screens show the panel itself. */
export function DrawerToggle({ drawer, label, notice, children }: DrawerToggleProps) {
  return (
    <button
      type="button"
      onClick={drawer.open ? drawer.close : drawer.show}
      aria-expanded={drawer.open}
      aria-controls={drawer.id}
      aria-haspopup="dialog"
      aria-label={label}
      title={notice ? `${label}: ${notice}` : label}
      className="relative shrink-0 rounded-lg p-1.5 text-zinc-700 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-zinc-400 md:hidden dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      {children}
      {notice && <span aria-hidden className="absolute top-0.5 right-0.5 size-2.5 rounded-full bg-emerald-600" />}
    </button>
  );
}
