import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../lib/protocol";
import {
  DISCORD_CONTENT_LIMIT,
  discordBody,
  SLACK_TEXT_LIMIT,
  slackBody,
  toDiscordMarkdown,
  toSlackMrkdwn,
  truncate,
  webhookBody,
} from "../server/integrations/provider-formats";

const message = (text: string, name = "Alice"): ChatMessage => ({
  id: "m1",
  roomId: "room1",
  author: { id: "u1", name },
  text,
  mentions: [],
  sentAt: Date.UTC(2026, 0, 2, 3, 4, 5),
});

describe("Slack mrkdwn", () => {
  it.each([
    ["**bold**", "*bold*"],
    ["__bold__", "*bold*"],
    ["*italic*", "_italic_"],
    ["_italic_", "_italic_"],
    ["~~struck~~", "~struck~"],
    ["**bold** then *italic*", "*bold* then _italic_"],
    ["[the docs](https://example.com/a?b=1)", "<https://example.com/a?b=1|the docs>"],
    ["# A heading\ntext", "*A heading*\ntext"],
    ["2*3*4 and a*b", "2*3*4 and a*b"],
  ])("converts %j to %j", (markdown, mrkdwn) => {
    expect(toSlackMrkdwn(markdown)).toBe(mrkdwn);
  });

  it("escapes &, < and > everywhere, so no text becomes a Slack ping or link", () => {
    expect(toSlackMrkdwn("<!everyone> <!channel> <!here> <@U123> a & b")).toBe(
      "&lt;!everyone&gt; &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; a &amp; b",
    );
    expect(toSlackMrkdwn("[x](https://e.com/?a=1&b=2)")).toBe("<https://e.com/?a=1&amp;b=2|x>");
  });

  it("leaves code as it is, escapes apart", () => {
    expect(toSlackMrkdwn("`**not bold**` and ```\n*not italic* <b>\n```")).toBe(
      "`**not bold**` and ```\n*not italic* &lt;b&gt;\n```",
    );
  });

  it("does not turn a link to another scheme into a Slack link", () => {
    expect(toSlackMrkdwn("[click](javascript:alert(1))")).toBe("[click](javascript:alert(1))");
  });

  it("posts { text } with the author's name, escaped, in bold", () => {
    expect(JSON.parse(slackBody(message("hello **all**", "Bob <admin>")))).toEqual({
      text: "*Bob &lt;admin&gt;*: hello *all*",
    });
  });

  it("cuts the text to Slack's limit", () => {
    const { text } = JSON.parse(slackBody(message("x".repeat(2000), "A".repeat(SLACK_TEXT_LIMIT)))) as { text: string };
    expect(text).toHaveLength(SLACK_TEXT_LIMIT);
    expect(text.endsWith("…")).toBe(true);
  });
});

describe("Discord markdown", () => {
  it("keeps the chat's markdown, except __bold__, which underlines on Discord", () => {
    expect(toDiscordMarkdown("**a** *b* ~~c~~ [d](https://e.com) __f__ `__g__`")).toBe(
      "**a** *b* ~~c~~ [d](https://e.com) **f** `__g__`",
    );
  });

  it("never pings: allowed_mentions parses nothing, @everyone and @here included", () => {
    const body = JSON.parse(discordBody(message("@everyone @here <@123> <@&456> look"))) as Record<string, unknown>;
    expect(body).toEqual({
      content: "**Alice**: @everyone @here <@123> <@&456> look",
      allowed_mentions: { parse: [] },
    });
  });

  it("escapes markdown and mentions in the author's name", () => {
    const { content } = JSON.parse(discordBody(message("hi", "**@everyone**"))) as { content: string };
    expect(content).toBe("**\\*\\*\\@everyone\\*\\***: hi");
  });

  it("cuts the content to Discord's 2,000 characters, the name included", () => {
    const { content } = JSON.parse(discordBody(message("y".repeat(2000)))) as { content: string };
    expect(content).toHaveLength(DISCORD_CONTENT_LIMIT);
    expect(content.startsWith("**Alice**: yyy")).toBe(true);
    expect(content.endsWith("y…")).toBe(true);
  });
});

describe("the generic webhook's event", () => {
  it("is a Standard Webhooks event carrying the message as the chat's clients get it", () => {
    expect(JSON.parse(webhookBody(message("hi")))).toEqual({
      type: "message.created",
      timestamp: "2026-01-02T03:04:05.000Z",
      data: message("hi"),
    });
  });
});

describe("truncate", () => {
  it("leaves short text alone and never ends in half an emoji", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("ab😀cd", 4)).toBe("ab…");
    expect(truncate("abc😀d", 5)).toBe("abc…");
  });
});
