import { randomUUID } from "node:crypto";

/** Somebody using the chat in a test. Unique per call, so reruns against the same app never collide. */
export interface Person {
  name: string;
  email: string;
  password: string;
}

export function newPerson(name: string): Person {
  const id = randomUUID().slice(0, 8);
  return { name: `${name} ${id}`, email: `${name.toLowerCase()}-${id}@example.test`, password: `pw-${randomUUID()}` };
}

/** A short unique tag for message texts, so a test only looks at the messages it sent. */
export function runTag() {
  return randomUUID().slice(0, 8);
}
