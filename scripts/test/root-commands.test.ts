// The root commands a new user types first: they must do what the README says, or refuse clearly.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { REPO_ROOT } from "../stages";

function npm(args: string[]) {
  const result = spawnSync("npm", args, { cwd: REPO_ROOT, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm start", () => {
  it("refuses a stage that does not exist, naming the ones that do, and builds nothing", () => {
    const { status, output } = npm(["start", "--silent", "--", "nope"]);
    assert.equal(status, 1);
    assert.match(output, /No stage "nope"\. Stages: template, 01-basic, /);
    assert.doesNotMatch(output, /Building/);
  });
});

describe("npm run dev", () => {
  it("refuses a stage that does not exist", () => {
    const { status, output } = npm(["run", "dev", "--silent", "--", "nope"]);
    assert.equal(status, 1);
    assert.match(output, /No stage "nope"/);
  });
});
