// What makes an account's fields valid. The sign-in and registration forms check them before sending, and the
// server checks them again (server/auth.ts), since a client can send anything.

export const MIN_PASSWORD_LENGTH = 8;
/** Hashing very long passwords costs the server time for nothing; better-auth's default limit. */
export const MAX_PASSWORD_LENGTH = 128;
/** A name is shown next to every message and in the online list. */
export const MAX_NAME_LENGTH = 50;
/** The longest address mail can be delivered to (RFC 5321's 256-character path, less its angle brackets). */
export const MAX_EMAIL_LENGTH = 254;

export const EMAIL_TOO_LONG = `An email address can be at most ${MAX_EMAIL_LENGTH} characters.`;
export const PASSWORD_TOO_LONG = `A password can be at most ${MAX_PASSWORD_LENGTH} characters.`;

/** One error per field, in words a person can act on; no key means the field is fine. */
export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

export type RegistrationField = "name" | "email" | "password";
export type SignInField = "email" | "password";

// The same rule as the browser's own check for <input type="email">: something@domain, no spaces.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Control, format (zero-width, right-to-left override …) and unassigned characters: invisible, or able to make one
// name look like another, e.g. "\u202Eevil" displayed backwards.
const HIDDEN_CHARACTERS = /\p{C}/u;

export function nameError(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === "") return "Enter your name.";
  if (trimmed.length > MAX_NAME_LENGTH) return `A name can be at most ${MAX_NAME_LENGTH} characters.`;
  if (HIDDEN_CHARACTERS.test(trimmed)) return "A name can only use visible characters.";
}

function emailError(email: string): string | undefined {
  if (email.trim() === "") return "Enter your email address.";
  if (email.trim().length > MAX_EMAIL_LENGTH) return EMAIL_TOO_LONG;
  if (!EMAIL_PATTERN.test(email.trim())) return "Enter an email address like name@example.com.";
}

function newPasswordError(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return PASSWORD_TOO_LONG;
}

export function checkRegistration(fields: Record<RegistrationField, string>): FieldErrors<RegistrationField> {
  return withoutEmpty({
    name: nameError(fields.name),
    email: emailError(fields.email),
    password: newPasswordError(fields.password),
  });
}

export function checkSignIn(fields: Record<SignInField, string>): FieldErrors<SignInField> {
  return withoutEmpty({
    email: emailError(fields.email),
    password:
      fields.password === ""
        ? "Enter your password."
        : fields.password.length > MAX_PASSWORD_LENGTH
          ? PASSWORD_TOO_LONG
          : undefined,
  });
}

function withoutEmpty<Field extends string>(errors: Record<Field, string | undefined>): FieldErrors<Field> {
  return Object.fromEntries(Object.entries(errors).filter(([, error]) => error !== undefined)) as FieldErrors<Field>;
}
