import { EMAIL_TOO_LONG, MIN_PASSWORD_LENGTH, PASSWORD_TOO_LONG, type RegistrationField } from "./auth-rules";

/** An error as better-auth's client returns it: `code` is stable, `message` is better-auth's own wording. */
export interface AuthErrorResponse {
  code?: string;
  message?: string;
  status: number;
}

/** Where the form shows an error: next to a field, or for the whole form when `field` is missing. */
export interface FormErrorPlacement {
  field?: RegistrationField;
  message: string;
}

const ACCOUNT_EXISTS: FormErrorPlacement = {
  field: "email",
  message: "An account with this email already exists. Log in instead.",
};

const BY_CODE: Record<string, FormErrorPlacement> = {
  INVALID_EMAIL_OR_PASSWORD: { message: "Wrong email or password." },
  USER_ALREADY_EXISTS: ACCOUNT_EXISTS,
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: ACCOUNT_EXISTS,
  INVALID_EMAIL: { field: "email", message: "Enter an email address like name@example.com." },
  PASSWORD_TOO_SHORT: { field: "password", message: `A password needs at least ${MIN_PASSWORD_LENGTH} characters.` },
  PASSWORD_TOO_LONG: { field: "password", message: PASSWORD_TOO_LONG },
  EMAIL_TOO_LONG: { field: "email", message: EMAIL_TOO_LONG },
  SERVER_BUSY: { message: "The server is busy. Try again in a moment." },
};

/** Turns a refusal from the auth endpoints into words for the form, and says where to show them. */
export function describeAuthError(error: AuthErrorResponse): FormErrorPlacement {
  const known = error.code ? BY_CODE[error.code] : undefined;
  if (known) return known;
  // better-auth's stricter email check than the form's ("a@b.c" passes the form, not the server).
  if (error.code === "VALIDATION_ERROR" && error.message?.startsWith("[body.email]")) return BY_CODE.INVALID_EMAIL;
  // This server's own refusals (server/auth.ts) are already written for people.
  if (error.code === "INVALID_NAME") return { field: "name", message: error.message ?? "Check your name." };
  if (error.status === 429) return { message: error.message ?? "Too many attempts. Wait a moment and try again." };
  if (error.status >= 500 || error.status === 0) return { message: "The server could not be reached. Try again." };
  return { message: error.message ?? "That did not work. Check the form and try again." };
}
