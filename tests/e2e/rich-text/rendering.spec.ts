import { expect, test } from "../../support/app-fixture";
import { runTag } from "../../support/people";

test.describe("rich text: rendering", () => {
  test("another person sees markdown formatted, and what a chat does not show stays harmless", async ({ openChat }) => {
    const alice = await openChat("Alice");
    const bob = await openChat("Bob");
    const tag = runTag();
    const source = [
      `# ${tag} heading`,
      "**bold** _italic_ ~~struck~~ `code`",
      "",
      "first line",
      "second line",
      "",
      "- one",
      "- two",
      "",
      "1. first",
      "2. second",
      "",
      "> quoted",
      "",
      "```ts",
      "const answer = 42;",
      "```",
      "",
      "see https://example.com/bare and [a guide](https://docs.example.org/guide)",
      "",
      "![a cat](https://images.example.net/cat.png) <b>not bold</b>",
    ].join("\n");
    await alice.input.fill(source);
    await alice.input.press("Enter");

    const message = bob.messages().filter({ hasText: tag });
    const text = message.locator('[data-part="text"]');
    await expect(text.locator("strong").first()).toHaveText(`${tag} heading`);
    await expect(text.locator("h1, h2, h3, h4, h5, h6")).toHaveCount(0);
    await expect(text.locator("em")).toHaveText("italic");
    await expect(text.locator("del")).toHaveText("struck");
    await expect(text.locator("ul > li")).toHaveText(["one", "two"]);
    await expect(text.locator("ol > li")).toHaveText(["first", "second"]);
    await expect(text.locator("blockquote")).toHaveText("quoted");
    await expect(text.locator("pre code")).toHaveText("const answer = 42;");
    await expect(text.getByText("ts", { exact: true })).toBeVisible(); // the code block's language
    await expect(text.locator("br")).toHaveCount(1);
    await expect(text.getByRole("link", { name: "https://example.com/bare" })).toHaveAttribute(
      "href",
      "https://example.com/bare",
    );
    // Link text that is not the address shows the host; an image is a link, never loaded.
    await expect(text.getByRole("link", { name: /a guide/ })).toContainText("docs.example.org");
    await expect(text.locator("img")).toHaveCount(0);
    await expect(text.getByRole("link", { name: /a cat/ })).toHaveAttribute(
      "href",
      "https://images.example.net/cat.png",
    );
    await expect(text).toContainText("<b>not bold</b>");
  });
});
