import { randomBytes, randomUUID } from "node:crypto";

/** Somebody using the chat in a test. Unique per call, so reruns against the same app never collide. */
export interface Person {
  name: string;
  email: string;
  password: string;
  /**
   * The client address this person's browser reaches the app from, sent as X-Forwarded-For: the test server trusts
   * the loopback as its reverse proxy (support/server-env.ts), so each person meets the per-address limits on
   * sign-ups and failed sign-ins alone, as people on their own networks do.
   */
  address: string;
}

export function newPerson(name: string): Person {
  const id = randomUUID().slice(0, 8);
  const address = `10.${[...randomBytes(3)].join(".")}`;
  return {
    name: `${name} ${id}`,
    email: `${name.toLowerCase()}-${id}@example.test`,
    password: `pw-${randomUUID()}`,
    address,
  };
}

/** A short unique tag for message texts, so a test only looks at the messages it sent. */
export function runTag() {
  return randomUUID().slice(0, 8);
}
