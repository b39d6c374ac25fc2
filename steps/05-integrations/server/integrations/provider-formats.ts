import type { ChatMessage } from "../../lib/protocol";

// A chat message as each kind of receiver wants it. The chat's markdown is converted outside code only, cut to
// the provider's limit, and stripped of every way to ping a crowd.

/** Slack cuts longer texts itself; Discord refuses a content over 2,000 characters. */
export const SLACK_TEXT_LIMIT = 40_000;
export const DISCORD_CONTENT_LIMIT = 2_000;

/** Applies `convert` to the prose of markdown `text`, leaving fenced code blocks and inline code as they are. */
function outsideCode(text: string, convert: (prose: string) => string): string {
  return text
    .split(/(```[\s\S]*?```|`[^`\n]+`)/)
    .map((part, index) => (index % 2 === 0 ? convert(part) : part))
    .join("");
}

/** At most `limit` characters, ending in "…" when cut (never in half of an emoji's surrogate pair). */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit - 1).replace(/[\uD800-\uDBFF]$/, "")}…`;
}

const escapeSlack = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Slack's mrkdwn: *bold*, _italic_, ~strike~, <url|label>. `&`, `<` and `>` are escaped first, so no text can
 * become Slack's own syntax: no <!everyone>, <!channel> or <@user> ping.
 */
export function toSlackMrkdwn(markdown: string): string {
  return outsideCode(escapeSlack(markdown), (prose) =>
    prose
      .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)|]+)\)/g, "<$2|$1>")
      .replace(/(^|[^*\w])\*(?=\S)([^*\n]*?\S)\*(?![*\w])/g, "$1_$2_")
      .replace(/(\*\*|__)(?=\S)(.*?\S)\1/g, "*$2*")
      .replace(/~~(?=\S)(.*?\S)~~/g, "~$1~")
      .replace(/^#{1,6}[ \t]+(.+)$/gm, "*$1*"),
  );
}

/** Discord's markdown is the chat's, except that __text__ underlines there: it becomes **bold**, as the chat shows it. */
export function toDiscordMarkdown(markdown: string): string {
  return outsideCode(markdown, (prose) => prose.replace(/__(?=\S)(.*?\S)__/g, "**$1**"));
}

const escapeDiscord = (text: string) => text.replace(/[\\*_~`|<>#[\]()@:-]/g, "\\$&");

export function slackBody(message: ChatMessage): string {
  const text = `*${escapeSlack(message.author.name)}*: ${toSlackMrkdwn(message.text)}`;
  return JSON.stringify({ text: truncate(text, SLACK_TEXT_LIMIT) });
}

/** allowed_mentions with an empty `parse` list: Discord pings nobody, not even for @everyone or @here. */
export function discordBody(message: ChatMessage): string {
  const content = `**${escapeDiscord(message.author.name)}**: ${toDiscordMarkdown(message.text)}`;
  return JSON.stringify({ content: truncate(content, DISCORD_CONTENT_LIMIT), allowed_mentions: { parse: [] } });
}

/** A Standard Webhooks event: the message as the chat's own clients receive it. */
export function webhookBody(message: ChatMessage): string {
  return JSON.stringify({ type: "message.created", timestamp: new Date(message.sentAt).toISOString(), data: message });
}
