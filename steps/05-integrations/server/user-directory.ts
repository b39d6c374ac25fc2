import type { ChatUser } from "../lib/protocol";
import type { Auth } from "./auth";

/** Finds people who have an account, for invitations and direct messages. */
export interface UserDirectory {
  findById(userId: string): Promise<ChatUser | undefined>;
  /**
   * The people an invitation names: the one account with that email address (any letter case), or everyone
   * whose name is exactly `who`. At most two, which is enough to tell "nobody", "one" and "several" apart.
   */
  findByEmailOrName(who: string): Promise<ChatUser[]>;
}

const person = (user: { id: string; name: string }): ChatUser => ({ id: user.id, name: user.name });

/** The directory of better-auth's user table, read through better-auth's own database layer. */
export function createUserDirectory(auth: Auth): UserDirectory {
  return {
    async findById(userId) {
      const { internalAdapter } = await auth.$context;
      const user = await internalAdapter.findUserById(userId);
      return user ? person(user) : undefined;
    },
    async findByEmailOrName(who) {
      const { internalAdapter } = await auth.$context;
      if (who.includes("@")) {
        // better-auth stores email addresses in lower case.
        const found = await internalAdapter.findUserByEmail(who.toLowerCase());
        return found ? [person(found.user)] : [];
      }
      const users = await internalAdapter.listUsers(2, 0, undefined, [{ field: "name", value: who }]);
      return users.map(person);
    },
  };
}
