"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/** Tailwind's `md` breakpoint: from here on the side panels sit beside the messages and need no drawer. */
const WIDE_SCREEN = "(min-width: 48rem)";

export interface DrawerState {
  /** The drawer element's id, for the toggle's aria-controls. */
  id: string;
  open: boolean;
  show: () => void;
  close: () => void;
}

/** Whether a side panel's drawer is open on a narrow screen; it closes on navigation and when the screen widens. */
export function useDrawer(id: string): DrawerState {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [shownPath, setShownPath] = useState(pathname);

  // A new page (a room chosen in the drawer) closes it, in the same render that shows the page.
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setOpen(false);
  }

  useEffect(() => {
    const wide = window.matchMedia(WIDE_SCREEN);
    const closeWhenWide = () => {
      if (wide.matches) setOpen(false);
    };
    wide.addEventListener("change", closeWhenWide);
    return () => wide.removeEventListener("change", closeWhenWide);
  }, []);

  return { id, open, show: () => setOpen(true), close: () => setOpen(false) };
}
