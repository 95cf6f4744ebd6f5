/**
 * `npm run cli -- digest --post` twice within a minute posts one digest (a fresh user's finding:
 * #5 and a nearly empty #6, "Jaunu atbilžu nav."): the repeat names the digest posted, with its
 * link, that nothing new was stored since, and how to ask again, as `/digest` refuses a repeat,
 * in Latvian or English, and exits 0. A repeat is one for the same window (the same `--since`,
 * or none) with nothing new since (the rule: src/digest/repeat.ts, tests/digest/repeat.test.ts).
 * The real CLI against a running local app (its emulator).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_CHANNEL_ID } from "../../src/config.ts";
import type { Running } from "../../src/main.ts";
import { startLocalApp } from "../helpers/app.ts";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

describe("digest --post repeated within a minute", { timeout: 180_000 }, () => {
  let app: Running;
  let env: Record<string, string>;
  beforeAll(async () => {
    const dataDir = tempDir();
    app = await startLocalApp({ dataDir, workgroupChannelId: null });
    env = { DATABASE_URL: app.config.databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  });
  afterAll(async () => {
    await app?.stop();
  });

  function parents(): number {
    const emulator = app.emulator;
    if (!emulator) throw new Error("local mode starts an emulator");
    return emulator.messagesIn(LOCAL_CHANNEL_ID).filter((m) => m.thread_ts === undefined).length;
  }

  it("posts once; the repeat names the posted digest, lv and en, exit 0", async () => {
    const first = await runCli(["digest", "--post", "--lang", "en"], env);
    expect(first).toMatchObject({ code: 0, stdout: "Posted to #darba-grupa.\n" });
    const posted = parents();

    const again = await runCli(["digest", "--post", "--lang", "en"], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("");
    expect(again.stderr).toMatch(
      /^This digest \(#1\) was already posted .+: https:\/\/slack\.com\/archives\/C0LOCAL01\/p\d+\. Nothing new has been stored since, so I am not preparing a second copy\.\nIf you need a new one, run `npm run cli -- digest --post` again in a minute\.\n$/u,
    );
    const lv = await runCli(["digest", "--post"], env);
    expect(lv.code).toBe(0);
    expect(lv.stderr).toMatch(
      /^Šis kopsavilkums \(#1\) jau ir publicēts .+\. Kopš tā nekas jauns nav saglabāts, tāpēc otru tādu pašu negatavoju\.\n/u,
    );
    expect(lv.stderr).toContain(
      "Ja vajag jaunu, pēc minūtes vēlreiz izpildiet `npm run cli -- digest --post`.",
    );
    expect(parents()).toBe(posted);

    // Another window is no repeat.
    const since = await runCli(["digest", "--post", "--since", "2026-11-01", "--lang", "en"], env);
    expect(since).toMatchObject({ code: 0, stdout: "Posted to #darba-grupa.\n" });
    expect(parents()).toBe(posted + 1);
  });
});
