import type { InputHTMLAttributes } from "react";
import { Input } from "@/components/ui/input";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "size"> {
  id: string;
  label: string;
  /** Shown under the field and read with it; the field is marked invalid while it is set. */
  error?: string;
  /** A quiet hint under the field, read with it, while there is no error. */
  hint?: string;
}

/** A labelled input whose hint or error is tied to it (aria-describedby), so screen readers announce it too. */
export function TextField({ id, label, error, hint, ...input }: TextFieldProps) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <Input id={id} name={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : (
        hint && (
          <p id={`${id}-hint`} className="text-sm text-zinc-500">
            {hint}
          </p>
        )
      )}
    </div>
  );
}
