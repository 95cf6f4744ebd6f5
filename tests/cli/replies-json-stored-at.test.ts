/**
 * `npm run cli -- replies --json` prints `storedAt`, when the app stored each reply: its post
 * time (`receivedAt`) for one stored as sent, later for one stored late (the collection job
 * catching up); the other fields as before. The real CLI on the test store (both stores).
 */
import { describe, expect, it } from "vitest";
import { insertReply } from "../../db/replies.ts";
import type { ReplyJson } from "../../src/cli/replies.ts";
import { lmReplyBase } from "../db/reply-support.ts";
import { seedCutoff } from "../db/support.ts";
import { importedStore, tempDir } from "../helpers/store.ts";
import { REPLY_JSON_FIELDS } from "./reply-json-fields.ts";
import { runCli } from "./run-cli.ts";

// Spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("replies --json", { timeout: 120_000 }, () => {
  it("has storedAt beside receivedAt, the other fields unchanged", async () => {
    const { db, path } = await importedStore();
    const { cutoff, lmId } = await seedCutoff(db);
    const base = { ...lmReplyBase(cutoff, lmId), receivedAt: "2027-01-10T08:00:00.000Z" };
    await insertReply(db, { ...base, ts: "1.000100", text: "14: laikā", source: "event" });
    await insertReply(db, {
      ...base,
      ts: "1.000200",
      text: "14: vēlu",
      source: "collect",
      storedAt: "2027-01-12T10:00:00.000Z",
    });
    await db.destroy();
    const run = await runCli(["replies", "--cutoff", String(cutoff.id), "--json"], {
      DATABASE_URL: path,
      DATA_DIR: tempDir(),
      LOG_LEVEL: "warn",
    });
    expect(run.code, run.stderr).toBe(0);
    const listed = JSON.parse(run.stdout) as ReplyJson[];
    expect(listed.map((r) => [r.text, r.receivedAt, r.storedAt])).toEqual([
      ["14: laikā", "2027-01-10T08:00:00.000Z", "2027-01-10T08:00:00.000Z"],
      ["14: vēlu", "2027-01-10T08:00:00.000Z", "2027-01-12T10:00:00.000Z"],
    ]);
    expect(Object.keys(listed[0] ?? {})).toEqual([...REPLY_JSON_FIELDS]);
  });
});
