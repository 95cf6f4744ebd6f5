/**
 * `/institution add` stores the name as typed: Slack sends `&`, `<`, `>` in command text as
 * `&amp;`, `&lt;`, `&gt;`, which are read back, and nothing is spaced apart (`<b>` and `a<b`
 * were saved as "<b> … </b>" and "a < b"). Answers show the name escaped for Slack's mrkdwn,
 * so Slack shows it as typed. Through the signed endpoint (text sent as the local client, like
 * Slack, escapes it) and the real CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInstitution } from "../../db/institutions.ts";
import { commandTextAsSlackSends } from "../../src/emulator/typed-text.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { runCli } from "../cli/run-cli.ts";
import type { TestApp } from "../helpers/app.ts";
import { slashAnswer, slashText } from "../helpers/slash.ts";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";
import { startInstitutionApp } from "./support/institution.ts";

const SECRETARY = "U0SEC0001";
let t: TestApp;

beforeAll(async () => {
  t = await startInstitutionApp({ secretary: SECRETARY });
});
afterAll(async () => {
  await t?.stop();
});

/** `typed` sent as Slack sends a typed command; the answer's raw body (blocks) and its text. */
async function institution(typed: string): Promise<{ raw: string; text: string }> {
  const text = commandTextAsSlackSends(typed);
  const body = await slashAnswer(t, "/institution", text, SECRETARY);
  return {
    raw: JSON.stringify(body.blocks),
    text: blocksToText(body.blocks as Parameters<typeof blocksToText>[0]),
  };
}

const nameOf = async (code: string) => (await findInstitution(t.app.db, code))?.name;

describe("/institution add keeps the name as typed", () => {
  it("sends & < > escaped, as Slack does, and keeps Slack's codes", () => {
    expect(commandTextAsSlackSends("add RND R&D <b>x</b>")).toBe(
      "add RND R&amp;D &lt;b&gt;x&lt;/b&gt;",
    );
    expect(commandTextAsSlackSends("set LM <#C0LOCAL01> <@U0LOCAL01|anna> a<b")).toBe(
      "set LM <#C0LOCAL01> <@U0LOCAL01|anna> a&lt;b",
    );
  });

  it("HTML-like text and & are stored as typed and shown escaped", async () => {
    const added = await institution("add RND R&D <b>Pētniecība</b> & Co");
    expect(await nameOf("RND")).toBe("R&D <b>Pētniecība</b> & Co");
    expect(added.text).toContain("R&D <b>Pētniecība</b> & Co");
    expect(added.raw).toContain("R&amp;D &lt;b&gt;Pētniecība&lt;/b&gt; &amp; Co");
    const shown = await slashText(t, "/institution", "RND", SECRETARY);
    expect(shown).toContain("RND – R&D <b>Pētniecība</b> & Co");
  });

  it("a < without spaces stays so, escaped or not", async () => {
    await institution("add QR a<b");
    expect(await nameOf("QR")).toBe("a<b");
    // Text that reaches the parser unescaped (the CLI's) is read the same way.
    await slashText(t, "/institution", "add QS x<y>z  &  w", SECRETARY);
    expect(await nameOf("QS")).toBe("x<y>z & w");
  });
});

describe("CLI institution add", { timeout: 60_000 }, () => {
  it("stores and prints the name as typed", async () => {
    const dir = tempDir();
    const env = {
      DATABASE_URL: await testDatabaseUrl(dir, "cli.db"),
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
    };
    const added = await runCli(
      ["institution", "add", "RND", "R&D", "<b>Pētniecība</b>", "&", "Co"],
      env,
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain("RND – R&D <b>Pētniecība</b> & Co");
    const shown = await runCli(["institution", "show", "RND"], env);
    expect(shown.stdout).toContain("RND – R&D <b>Pētniecība</b> & Co");
  });
});
