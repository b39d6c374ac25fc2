"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { TextField } from "@/components/text-field";
import { getAuthClient } from "@/lib/auth-client";
import { describeAuthError, type AuthErrorResponse } from "@/lib/auth-errors";
import {
  checkRegistration,
  checkSignIn,
  MAX_EMAIL_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type FieldErrors,
  type RegistrationField,
} from "@/lib/auth-rules";
import { Button } from "@/components/ui/button";

type Mode = "log-in" | "register";

const TEXT: Record<Mode, { title: string; submit: string; pending: string }> = {
  "log-in": { title: "Log in", submit: "Log in", pending: "Logging in…" },
  register: { title: "Create an account", submit: "Create account", pending: "Creating account…" },
};

const FIELD_ORDER: RegistrationField[] = ["name", "email", "password"];

/** The log-in and registration form: checks the fields, calls better-auth, then opens the chat. */
export function AuthForm({ mode }: { mode: Mode }) {
  const router = useRouter();
  const [values, setValues] = useState<Record<RegistrationField, string>>({ name: "", email: "", password: "" });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<RegistrationField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const text = TEXT[mode];

  const edit = (field: RegistrationField) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
  };

  function showErrors(errors: FieldErrors<RegistrationField>, message: string | null = null) {
    setFieldErrors(errors);
    setFormError(message);
    const firstInvalid = FIELD_ORDER.find((field) => errors[field]);
    if (firstInvalid) document.getElementById(firstInvalid)?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const errors = mode === "register" ? checkRegistration(values) : checkSignIn(values);
    if (Object.keys(errors).length > 0) return showErrors(errors);

    setPending(true);
    showErrors({});
    const error = await sendToServer(mode, values);
    if (!error) {
      router.replace("/");
      return; // stay "pending" until the chat replaces this page
    }
    setPending(false);
    const placement = describeAuthError(error);
    if (placement.field) showErrors({ [placement.field]: placement.message });
    else showErrors({}, placement.message);
  }

  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-sm flex-col justify-center gap-6 px-4">
      <h1 className="text-2xl font-semibold tracking-tight">{text.title}</h1>
      {/* method="post": a submit before the page has hydrated must never put the password in the URL. */}
      <form method="post" noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
        {mode === "register" && (
          <TextField
            id="name"
            label="Name"
            autoComplete="name"
            value={values.name}
            maxLength={MAX_NAME_LENGTH}
            onChange={(event) => edit("name")(event.target.value)}
            hint={`Shown next to your messages, at most ${MAX_NAME_LENGTH} characters.`}
            error={fieldErrors.name}
            autoFocus
          />
        )}
        <TextField
          id="email"
          label="Email"
          type="email"
          autoComplete="email"
          value={values.email}
          maxLength={MAX_EMAIL_LENGTH}
          onChange={(event) => edit("email")(event.target.value)}
          error={fieldErrors.email}
          autoFocus={mode === "log-in"}
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete={mode === "register" ? "new-password" : "current-password"}
          value={values.password}
          maxLength={MAX_PASSWORD_LENGTH}
          onChange={(event) => edit("password")(event.target.value)}
          hint={mode === "register" ? `At least ${MIN_PASSWORD_LENGTH} characters.` : undefined}
          error={fieldErrors.password}
        />
        <div role="alert" className="min-h-5 text-sm text-red-600 empty:hidden dark:text-red-400">
          {formError}
        </div>
        <Button variant="primary" type="submit" disabled={pending}>
          {pending ? text.pending : text.submit}
        </Button>
      </form>
      <p className="text-sm text-zinc-500">
        {mode === "log-in" ? (
          <>
            No account yet?{" "}
            <Link href="/register" className="underline">
              Create one
            </Link>
          </>
        ) : (
          <>
            Already registered?{" "}
            <Link href="/login" className="underline">
              Log in
            </Link>
          </>
        )}
      </p>
    </main>
  );
}

/** Registers or logs in; better-auth sets the session cookie. Returns the refusal, or null on success. */
async function sendToServer(mode: Mode, values: Record<RegistrationField, string>): Promise<AuthErrorResponse | null> {
  const client = getAuthClient();
  const email = values.email.trim();
  try {
    const { error } =
      mode === "register"
        ? await client.signUp.email({ name: values.name.trim(), email, password: values.password })
        : await client.signIn.email({ email, password: values.password });
    return error;
  } catch {
    return { status: 0 };
  }
}
