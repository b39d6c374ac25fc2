"use client";

import { useEffect, useId, useRef, type KeyboardEvent, type MouseEvent } from "react";
import type { DrawerState } from "@/hooks/use-drawer";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface DrawerProps {
  drawer: DrawerState;
  title: string;
  /** The screen edge it slides in from. */
  side: "left" | "right";
  children: React.ReactNode;
}

/**
 * A side panel (`children`): on a wide screen simply in the layout (`md:contents`), on a narrow one a modal dialog
 * over the chat while open, and hidden while closed. The panel is one element either way, so its state (a
 * half-typed room name) survives a resize.
 */
export function Drawer({ drawer, title, side, children }: DrawerProps) {
  const { id, open, close } = drawer;
  const titleId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const closeButtonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) closeButtonRef.current?.focus();
    // Back to the button that opened it, unless something else took the keyboard already (a new room's message box).
    else if (wasOpen.current && focusIsLost(containerRef.current)) {
      document.querySelector<HTMLElement>(`[aria-controls="${id}"]`)?.focus();
    }
    wasOpen.current = open;
  }, [id, open]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!open) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      keepFocusInside(event);
    }
  }

  // Following a link in the drawer closes it, even one to the page already open.
  function onClick(event: MouseEvent<HTMLDivElement>) {
    if (open && event.target instanceof Element && event.target.closest("a[href]")) close();
  }

  return (
    <div
      ref={containerRef}
      id={id}
      role={open ? "dialog" : undefined}
      aria-modal={open || undefined}
      aria-labelledby={open ? titleId : undefined}
      onKeyDown={onKeyDown}
      onClick={onClick}
      className={
        open
          ? `fixed inset-0 z-40 flex md:contents ${side === "right" ? "flex-row-reverse" : ""}`
          : "hidden md:contents"
      }
    >
      <div
        className={`flex w-80 max-w-[85%] flex-col border-zinc-200 bg-background shadow-xl md:contents dark:border-zinc-700 ${side === "right" ? "border-l" : "border-r"}`}
      >
        <div className="flex items-center justify-between gap-3 border-b border-zinc-200 px-4 py-3 md:hidden dark:border-zinc-800">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          <button
            ref={closeButtonRef}
            type="button"
            onClick={close}
            aria-label="Close"
            title="Close"
            className="rounded-lg p-1.5 text-zinc-700 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-zinc-400 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            <svg
              aria-hidden
              viewBox="0 0 16 16"
              className="size-5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.75"
              strokeLinecap="round"
            >
              <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" />
            </svg>
          </button>
        </div>
        <div className="flex min-h-0 flex-1 flex-col overflow-y-auto md:contents">{children}</div>
      </div>
      {/* The dimmed chat beside the drawer: a tap there closes it (the keyboard has Escape and the close button). */}
      <div aria-hidden className="flex-1 bg-black/40 md:hidden" onClick={close} />
    </div>
  );
}

/** The keyboard is nowhere, or still in the drawer that is closing. */
function focusIsLost(container: HTMLElement | null) {
  const active = document.activeElement;
  return !active || active === document.body || Boolean(container?.contains(active));
}

/** Tab from the last control goes to the first, Shift+Tab from the first to the last: the page behind is out of reach. */
function keepFocusInside(event: KeyboardEvent<HTMLDivElement>) {
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((control) =>
    control.checkVisibility(),
  );
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
