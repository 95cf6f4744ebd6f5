/**
 * `npm run cli -- digest --post` twice within a minute posts one digest (a fresh user's finding:
 * #5 and a nearly empty #6, "Jaunu atbilžu nav."): the repeat names the digest posted, with its
 * link and how to ask again, as `/digest` refuses a repeat, in Latvian or English, and exits 0.
 * A repeat is one for the same window (the same `--since`, or none). The real CLI against a
 * running local app (its emulator), and the store's rule on both stores.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDigest } from "../../db/digests.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { repeatOf } from "../../src/cli/digest.ts";
import { LOCAL_CHANNEL_ID } from "../../src/config.ts";
import type { Running } from "../../src/main.ts";
import { startLocalApp } from "../helpers/app.ts";
import { importedStore, tempDir } from "../helpers/store.ts";
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
      /^This digest \(#1\) was already posted .+: https:\/\/slack\.com\/archives\/C0LOCAL01\/p\d+\. I am not preparing a second copy\.\nIf you need a new one, run `npm run cli -- digest --post` again in a minute\.\n$/u,
    );
    const lv = await runCli(["digest", "--post"], env);
    expect(lv.code).toBe(0);
    expect(lv.stderr).toMatch(
      /^Šis kopsavilkums \(#1\) jau ir publicēts .+\. Otru tādu pašu negatavoju\.\n/u,
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

describe("repeatOf: a manual digest for the same window within a minute", () => {
  it("matches by the window asked, within MANUAL_REPEAT_MS", async () => {
    const { db } = await importedStore();
    const programme = await currentProgramme(db);
    if (!programme) throw new Error("no programme");
    const store = (key: string, kind: "manual" | "cutoff", builtAt: string, asked: string | null) =>
      insertDigest(db, {
        programmeId: programme.id,
        requestKey: key,
        kind,
        since: "1970-01-01T00:00:00.000Z",
        builtAt,
        requestedBy: "cli",
        locale: "lv",
        sessionId: null,
        cutoffId: null,
        content: JSON.stringify({ requestedSince: asked }),
        postedAt: null,
      });
    const auto = await store("manual-cli-1", "manual", "2027-01-20T10:00:00.000Z", null);
    const dated = await store(
      "manual-cli-2",
      "manual",
      "2027-01-20T10:00:10.000Z",
      "2026-10-31T22:00:00.000Z",
    );
    await store("cutoff-1", "cutoff", "2027-01-20T10:00:20.000Z", null);
    expect((await repeatOf(db, null, "2027-01-20T10:00:30.000Z"))?.id).toBe(auto.id);
    expect((await repeatOf(db, "2026-10-31T22:00:00.000Z", "2027-01-20T10:00:30.000Z"))?.id).toBe(
      dated.id,
    );
    expect(
      await repeatOf(db, "2026-11-01T22:00:00.000Z", "2027-01-20T10:00:30.000Z"),
    ).toBeUndefined();
    // A minute after it, no longer a repeat.
    expect(await repeatOf(db, null, "2027-01-20T10:01:00.001Z")).toBeUndefined();
  });
});
