import { describe, expect, it } from "vitest";
import { describeAuthError } from "../lib/auth-errors";
import {
  checkRegistration,
  checkSignIn,
  MAX_EMAIL_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
} from "../lib/auth-rules";

describe("checkRegistration", () => {
  it("accepts a name, an email and a long enough password", () => {
    expect(
      checkRegistration({ name: " Ada ", email: "ada@example.com", password: "x".repeat(MIN_PASSWORD_LENGTH) }),
    ).toEqual({});
  });

  it("names every problem, each next to its field", () => {
    const errors = checkRegistration({ name: "n".repeat(MAX_NAME_LENGTH + 1), email: "ada@", password: "short" });
    expect(errors).toEqual({
      name: `A name can be at most ${MAX_NAME_LENGTH} characters.`,
      email: expect.stringContaining("name@example.com"),
      password: `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
    });
    expect(checkRegistration({ name: "  ", email: "", password: "" })).toMatchObject({
      name: "Enter your name.",
      email: "Enter your email address.",
    });
  });

  it.each([["\u200B"], ["\u202Eevil"], ["Bob\u200D"], ["tab\there"]])(
    "refuses the name %j, which hides characters",
    (name) => {
      expect(checkRegistration({ name, email: "ada@example.com", password: "x".repeat(MIN_PASSWORD_LENGTH) })).toEqual({
        name: "A name can only use visible characters.",
      });
    },
  );
});

describe("checkSignIn", () => {
  it("asks only for an email and some password", () => {
    expect(checkSignIn({ email: "ada@example.com", password: "x" })).toEqual({});
    expect(checkSignIn({ email: "ada", password: "" })).toEqual({
      email: expect.any(String),
      password: "Enter your password.",
    });
  });

  it("refuses an email or a password longer than any account can have", () => {
    const longEmail = `${"a".repeat(MAX_EMAIL_LENGTH - "@example.com".length + 1)}@example.com`;
    expect(checkSignIn({ email: longEmail, password: "x".repeat(MAX_PASSWORD_LENGTH + 1) })).toEqual({
      email: `An email address can be at most ${MAX_EMAIL_LENGTH} characters.`,
      password: `A password can be at most ${MAX_PASSWORD_LENGTH} characters.`,
    });
    expect(checkRegistration({ name: "Ada", email: longEmail, password: "x".repeat(MIN_PASSWORD_LENGTH) })).toEqual({
      email: `An email address can be at most ${MAX_EMAIL_LENGTH} characters.`,
    });
  });
});

describe("describeAuthError", () => {
  it.each([
    [{ code: "INVALID_EMAIL_OR_PASSWORD", status: 401 }, { message: "Wrong email or password." }],
    [
      { code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", status: 422 },
      { field: "email", message: expect.stringContaining("already exists") },
    ],
    [
      { code: "VALIDATION_ERROR", message: "[body.email] Invalid email address", status: 400 },
      { field: "email", message: expect.any(String) },
    ],
    [
      { code: "INVALID_NAME", message: "Enter your name.", status: 400 },
      { field: "name", message: "Enter your name." },
    ],
    [
      { code: "PASSWORD_TOO_SHORT", status: 400 },
      { field: "password", message: expect.stringContaining(String(MIN_PASSWORD_LENGTH)) },
    ],
    [
      { code: "TOO_MANY_FAILED_SIGN_INS", message: "Too many failed attempts.", status: 429 },
      { message: "Too many failed attempts." },
    ],
    [
      { code: "EMAIL_TOO_LONG", status: 400 },
      { field: "email", message: expect.stringContaining(String(MAX_EMAIL_LENGTH)) },
    ],
    [
      { code: "PASSWORD_TOO_LONG", status: 400 },
      { field: "password", message: expect.stringContaining(String(MAX_PASSWORD_LENGTH)) },
    ],
    [{ code: "SERVER_BUSY", status: 503 }, { message: "The server is busy. Try again in a moment." }],
    [{ status: 0 }, { message: expect.stringContaining("could not be reached") }],
  ])("places %j", (error, placement) => {
    expect(describeAuthError(error)).toEqual(placement);
  });
});
