/**
 * A reply filed under no task is called "bez uzdevuma" / "no task" in the digest, as the CLI's
 * `replies` calls it (a fresh user's finding: one thing had three names, "bez uzdevuma",
 * "*nepiesaistīta*" and "unassigned"). Real app and store (SQLite or PostgreSQL), `/digest`
 * through the signed endpoint, the thread and the DOCX as posted; Markdown and English rendered
 * from the digest as stored. Fixture (digest-upcoming-fixture.ts): LM's reply to the cut-off,
 * naming no task.
 */
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDigests } from "../../db/digests.ts";
import { findInstitution } from "../../db/institutions.ts";
import { insertReply } from "../../db/replies.ts";
import { digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import {
  fileId,
  SECRETARY,
  sectionTexts,
  startUpcomingFixture,
  uploaded,
  WG,
} from "./digest-upcoming-fixture.ts";

let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  const fixture = await startUpcomingFixture();
  ({ t, logs } = fixture);
  const lm = await findInstitution(t.app.db, "LM");
  await insertReply(t.app.db, {
    cutoffId: fixture.cutoff.id,
    institutionId: lm?.id ?? 0,
    taskId: null,
    channelId: "C0LM",
    ts: "1800000000.000001",
    threadTs: null,
    userId: "U0LMOK",
    text: "Darbs turpinās",
    files: [],
    statusClaim: null,
    verified: true,
    source: "event",
    receivedAt: "2027-01-19T10:00:00.000Z",
  });
});
afterAll(async () => {
  await t?.stop();
});

describe("the digest's name for a reply without a task", () => {
  it("is the CLI's 'bez uzdevuma' / 'no task', in the thread, DOCX and Markdown", async () => {
    const docx = t.emulator.waitFor(uploaded(WG, ".docx"), 60_000);
    const res = await t.slack.command("/digest", "", { userId: SECRETARY, channelId: "C0LOCAL01" });
    expect(res.status).toBe(200);
    const docxCall = await docx;
    await logs.waitFor((l) => l.msg === "digest posted" && l.channel === WG, 60_000);

    const all = t.emulator
      .messagesIn(WG)
      .flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined))
      .join("\n");
    expect(all).toContain("• *bez uzdevuma* · *LM* · <@U0LMOK>");
    expect(all).not.toMatch(/nepiesaistīta|unassigned/u);
    const files = unzipSync(new Uint8Array(t.emulator.files.get(fileId(docxCall))?.bytes ?? []));
    const xml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
    expect(xml).toContain("bez uzdevuma");
    expect(xml).not.toContain("nepiesaistīta");

    const [stored] = await listDigests(t.app.db);
    const model = JSON.parse(stored?.content ?? "{}") as DigestModel;
    const options = { zone: t.config.timezone, variant: "digest" as const };
    const en = digestMarkdown(digestDocument(model, { ...options, locale: "en" }));
    expect(en).toContain("- **no task** · **LM**");
    expect(en).not.toContain("unassigned");
  });
});
