import { readFileSync } from "node:fs";
import { expect, test } from "../../support/app-fixture";
import { runTag } from "../../support/people";
import { RoomsPanel } from "../../support/rooms";
import { armTripwires, NOTHING_SPRUNG, watch } from "../../support/tripwires";

interface Payload {
  name: string;
  markdown: string;
}

/** The corpus: each an attempt to run script, or to make a link that would, through the markdown renderer. */
const PAYLOADS = JSON.parse(readFileSync(new URL("xss-payloads.json", import.meta.url), "utf8")) as Payload[];
/** Payloads per sender: one connection's burst of messages, so the server's rate limit never refuses one. */
const BATCH = 10;
const ALLOWED_SCHEMES = ["http:", "https:", "mailto:"];

/**
 * Runs in the browser: for each message row, what in it could run script or lead to a scheme that is not allowed.
 * Self-contained, since Playwright sends its source to the page.
 */
function dangerIn(rows: Element[], allowedSchemes: string[]): string[][] {
  const forbiddenElements = ["script", "iframe", "frame", "object", "embed", "svg", "math", "img", "video", "audio"];
  forbiddenElements.push("source", "style", "link", "meta", "base", "form", "input", "template", "details");
  const forbiddenAttributes = ["src", "srcdoc", "action", "formaction", "data", "xlink:href", "poster", "background"];
  return rows.map((row) => {
    const problems: string[] = [];
    for (const element of row.querySelectorAll("*")) {
      const tag = element.localName;
      if (forbiddenElements.includes(tag)) problems.push(`a <${tag}> element`);
      for (const { name, value } of element.attributes) {
        if (/^on/i.test(name) || forbiddenAttributes.includes(name)) problems.push(`<${tag} ${name}="${value}">`);
        if (name === "href" && !allowedSchemes.includes(new URL(value, location.href).protocol))
          problems.push(`<${tag} href="${value}">`);
      }
    }
    return problems;
  });
}

test.describe("rich text: XSS corpus", () => {
  test(`none of the ${PAYLOADS.length} payloads does anything in its reader's or its sender's browser`, async ({
    openChat,
  }) => {
    test.setTimeout(240_000);
    const reader = await openChat("Reader", armTripwires);
    const readerSprung = watch(reader.page);
    const roomUrl = await new RoomsPanel(reader.page).create(`XSS ${runTag()}`, "public");

    for (let first = 0; first < PAYLOADS.length; first += BATCH) {
      const batch = PAYLOADS.slice(first, first + BATCH);
      const names = batch.map((payload) => payload.name);
      const sender = await openChat("Mallory", armTripwires);
      const senderSprung = watch(sender.page);
      await sender.page.goto(roomUrl); // a public room: opening it joins it
      await expect(sender.input).toBeEnabled();
      for (const { markdown } of batch) {
        await sender.input.fill(markdown);
        await sender.input.press("Enter");
      }

      const fromSender = (chat: typeof reader) =>
        chat.messages().filter({ has: chat.page.locator('[data-part="author"]', { hasText: sender.person.name }) });
      await expect(fromSender(reader)).toHaveCount(batch.length);
      await expect(fromSender(sender).and(sender.page.locator('[data-delivery="sent"]'))).toHaveCount(batch.length);
      const clean = Object.fromEntries(names.map((name) => [name, []]));
      for (const chat of [reader, sender]) {
        const found = await fromSender(chat).evaluateAll(dangerIn, ALLOWED_SCHEMES);
        expect(Object.fromEntries(names.map((name, i) => [name, found[i]]))).toEqual(clean);
      }
      expect(await readerSprung(), `the reader, after: ${names.join(" · ")}`).toEqual(NOTHING_SPRUNG);
      expect(await senderSprung(), `the sender, after: ${names.join(" · ")}`).toEqual(NOTHING_SPRUNG);
      await sender.page.context().close();
    }
  });
});
