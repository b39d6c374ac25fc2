import type { DrawerState } from "@/hooks/use-drawer";

/** The header button that opens a side panel's drawer on a narrow screen; wider screens show the panel itself. */
export function DrawerToggle({ drawer, label, children }: { drawer: DrawerState; label: string; children: React.ReactNode }) {
  return (
    <button
      type="button"
      onClick={drawer.open ? drawer.close : drawer.show}
      aria-expanded={drawer.open}
      aria-controls={drawer.id}
      aria-haspopup="dialog"
      aria-label={label}
      title={label}
      className="shrink-0 rounded-lg p-1.5 text-zinc-700 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-zinc-400 md:hidden dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      {children}
    </button>
  );
}
