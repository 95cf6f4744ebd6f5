/**
 * The response rate's rule for a cut-off an institution was not reminded for: left out unless
 * the institution answered every task asked (then no reminder was needed: the sender skips one,
 * "all_answered"), so an early answer is rated while a cut-off never reminded is named apart.
 * Real app and store (SQLite or PostgreSQL), `/digest` through the signed endpoint; Markdown in
 * English from the digest as stored. Fixture (digest-upcoming-fixture.ts) plus two passed
 * cut-offs on task 5: "Novembris", which IZM (no channel) answered without a reminder, and
 * "Decembris", whose reminder to IZM failed "no_mapping" and which it did not answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInstitution } from "../../db/institutions.ts";
import { digestDocument } from "../../src/digest/document.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { recordReminders } from "../digest/support.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { addCutoff, sectionTexts, startUpcomingFixture } from "./digest-upcoming-fixture.ts";
import { requestDigest, storedDigest } from "./support/digest.ts";
import { storeReply } from "./support/replies.ts";

let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  ({ t, logs } = await startUpcomingFixture());
  const db = t.app.db;
  const november = await addCutoff(t, "2026-11-30T21:59:59.999Z", "Novembris", ["5"]);
  const december = await addCutoff(t, "2026-12-31T21:59:59.999Z", "Decembris", ["5"]);
  const izm = (await findInstitution(db, "IZM"))?.id ?? 0;
  await recordReminders(db, december, [izm], false);
  await storeReply(db, {
    code: "IZM",
    cutoffId: november.id,
    task: "5",
    channelId: "C0IZMDM",
    ts: "1799000000.000001",
    userId: "U0IZMOK",
    text: "5: paveikts",
    verified: true,
    receivedAt: "2026-11-20T10:00:00.000Z",
  });
});
afterAll(async () => {
  await t?.stop();
});

describe("the response rate of an institution answering without a reminder", () => {
  it("rates the cut-off it answered in full, names the one never reminded apart", async () => {
    const { messages } = await requestDigest(t, logs);
    const lines = messages
      .flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined))
      .join("\n")
      .split("\n");
    expect(lines.find((l) => l.startsWith("• *IZM*"))).toContain(
      "atsaucība 100 % (1 no 1 prasītās atbildes; pagājušie ziņošanas termiņi: 1); 1 ziņošanas termiņš nav vērtēts – nav Slack kanāla, atgādinājumi netika sūtīti",
    );
    // LM had a channel but no reminder was recorded sent for either cut-off: not rated, no "no channel".
    expect(lines.find((l) => l.startsWith("• *LM*"))).toContain(
      "atsaucība nav vērtēta – atgādinājumi netika sūtīti",
    );

    const model = await storedDigest(t);
    const izm = model.institutions.find((i) => i.code === "IZM");
    expect(izm?.rate).toEqual({
      answered: 1,
      asked: 1,
      cutoffs: 1,
      unreminded: 1,
      noChannel: true,
      unremindedBy: { noChannel: 1, undelivered: 0, notSent: 0 },
    });
    const en = digestMarkdown(
      digestDocument(model, { zone: t.config.timezone, variant: "digest", locale: "en" }),
    );
    expect(en).toContain(
      "response rate 100% (1 of 1 reply asked for; past reporting cut-offs: 1); 1 reporting cut-off not rated – no Slack channel, no reminders were sent",
    );
  });
});
