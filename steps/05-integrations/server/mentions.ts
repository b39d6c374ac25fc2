import { MAX_NAME_LENGTH } from "../lib/auth-rules";
import { endsWord, MENTION_START, nameKey } from "../lib/mentions";
import type { ChatUser } from "../lib/protocol";
import { MAX_MENTIONS_PER_MESSAGE } from "./limits";
import type { RoomStore } from "./rooms/room-store";

/** Fenced code blocks and code spans: shown as typed, so an @name inside them mentions nobody. Linear: no nesting. */
const CODE = /```[\s\S]*?(?:```|$)|`[^`\n]*`/g;

/**
 * Every name an @ in `text` could begin, as name keys: names may hold spaces, so each run of characters after the
 * @ that ends a word, up to MAX_NAME_LENGTH. Only the first MAX_MENTIONS_PER_MESSAGE @s count.
 */
export function mentionCandidates(text: string): string[] {
  const prose = text.replace(CODE, " ");
  const candidates = new Set<string>();
  let ats = 0;
  for (const match of prose.matchAll(MENTION_START)) {
    if (++ats > MAX_MENTIONS_PER_MESSAGE) break;
    const start = match.index + 1;
    const end = Math.min(prose.length, start + MAX_NAME_LENGTH);
    for (let index = start + 1; index <= end; index++) {
      if (endsWord(prose, index)) candidates.add(nameKey(prose.slice(start, index)));
    }
  }
  return [...candidates];
}

/** The members of `roomId` that `text` mentions: the server's word, which every client shows as it is. */
export async function findMentions(rooms: RoomStore, roomId: string, text: string): Promise<ChatUser[]> {
  const candidates = mentionCandidates(text);
  if (candidates.length === 0) return [];
  return (await rooms.membersNamed(roomId, candidates)).slice(0, MAX_MENTIONS_PER_MESSAGE);
}
