import type { InputHTMLAttributes } from "react";

const SIZES = { regular: "px-3 py-2", compact: "px-2 py-1 text-sm" } as const;

interface InputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "size"> {
  size?: keyof typeof SIZES;
}

/** The app's text input: invalid (aria-invalid) and unavailable (aria-disabled) states look the same everywhere. */
export function Input({ size = "regular", className = "", ...input }: InputProps) {
  return (
    <input
      className={`rounded-lg border border-zinc-300 bg-transparent outline-none focus:border-zinc-500 focus:ring-2 focus:ring-zinc-300 aria-disabled:opacity-50 aria-invalid:border-red-500 dark:border-zinc-700 dark:focus:ring-zinc-700 ${SIZES[size]} ${className}`}
      {...input}
    />
  );
}
