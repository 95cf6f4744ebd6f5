/**
 * `digest` (Markdown) in local mode names people as the local Slack does (`@liene.lm`, from the
 * workspace file the local app keeps under DATA_DIR), not by their IDs (`@U0LMOK`); a person the
 * workspace does not know, and real Slack without an answer, keep the ID.
 */
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { localWorkspaceFile } from "../../src/cli/local-names.ts";
import { mrkdwnToMarkdown } from "../../src/digest/render-markdown.ts";
import { scriptStore } from "../digest/support.ts";
import { importedStore, tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

describe("mrkdwnToMarkdown with names", () => {
  it("names the people and channels it is given, else keeps the IDs", () => {
    const names = {
      users: new Map([["U0LMOK", "liene.lm"]]),
      channels: new Map([["C0LOCAL01", "darba-grupa"]]),
    };
    expect(mrkdwnToMarkdown("✅ <@U0LMOK> publicēja kanālā <#C0LOCAL01>.", names)).toBe(
      "✅ @liene.lm publicēja kanālā #darba-grupa.",
    );
    expect(mrkdwnToMarkdown("<@U0IEMOK> · <#C0IEM>", names)).toBe("@U0IEMOK · #C0IEM");
    expect(mrkdwnToMarkdown("<@U0LMOK> · <#C0LOCAL01>")).toBe("@U0LMOK · #C0LOCAL01");
  });
});

// Spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("digest in local mode", { timeout: 120_000 }, () => {
  it("shows @name for the people the local workspace names (lv and en)", async () => {
    const { db, path } = await importedStore();
    await scriptStore(db);
    // The CLI builds the digest at the system clock, and a digest lists the replies stored
    // before its instant: the scripted ones (dated for the scripted NOW, in 2027) are moved an
    // hour into the past, or this digest, built now, would rightly not have them yet.
    const past = new Date(Date.now() - 3_600_000).toISOString();
    await db.updateTable("replies").set({ received_at: past, stored_at: past }).execute();
    await db.destroy();
    // DATA_DIR of its own: on PostgreSQL `path` is a URL, not a file beside a data directory.
    const dir = tempDir("koordinators-names-");
    const users = [{ id: "U0LMOK", name: "liene.lm", locale: "lv-LV", tz: "Europe/Riga" }];
    writeFileSync(
      localWorkspaceFile(dir),
      JSON.stringify({ version: 1, users, channels: [], messages: [] }),
    );
    const env = { DATABASE_URL: path, DATA_DIR: dir, LOG_LEVEL: "warn" };
    for (const lang of ["lv", "en"]) {
      const run = await runCli(["digest", "--lang", lang], env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain("· **LM** · @liene.lm ·");
      expect(run.stdout).not.toContain("@U0LMOK");
      // Not in the workspace: the ID, as before.
      expect(run.stdout).toContain("· **IEM** · @U0IEMOK ·");
    }
  });
});
