import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findStage, listStages } from "../stages";

describe("findStage", () => {
  it("finds a stage by number, full name, folder or 'latest'", () => {
    assert.equal(findStage("02").stage, "02-auth");
    assert.equal(findStage("2").stage, "02-auth");
    assert.equal(findStage("02-auth").stage, "02-auth");
    assert.equal(findStage("steps/02-auth/").stage, "02-auth");
    assert.equal(findStage("template").stage, "template");
    assert.equal(findStage("latest").stage, listStages().at(-1)?.stage);
  });

  it("refuses an unknown name with the list of stages", () => {
    assert.throws(() => findStage("nope"), /No stage "nope"\. Stages: template, 01-basic/);
  });
});
