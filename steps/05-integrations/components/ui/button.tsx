import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  /** The one main action of a form or view: Send, Sign in, Create. */
  primary:
    "rounded-lg bg-zinc-900 px-4 py-2 font-medium text-white hover:bg-zinc-700 disabled:opacity-40 dark:bg-zinc-100 dark:text-zinc-900",
  /** Everything else: Log out, Invite, Leave. */
  secondary:
    "rounded-lg border border-zinc-300 px-3 py-1 hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800",
} as const;

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof VARIANTS;
}

/** The app's button: one look per variant; `className` adds layout (margins, width), never colours. */
export function Button({ variant = "secondary", type = "button", className = "", ...button }: ButtonProps) {
  return (
    <button
      type={type}
      className={`${VARIANTS[variant]} focus-visible:ring-2 focus-visible:ring-zinc-400 ${className}`}
      {...button}
    />
  );
}
