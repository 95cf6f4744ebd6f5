/**
 * The response rate names the answers that came only after their cut-off (a fresh reading of the
 * after-cut-off digest: an institution whose replies all came late was rated "100 %" like one
 * that answered on time). Late by the rule `/task` and the annex mark "(pēc ziņošanas termiņa)"
 * with: received after the cut-off's instant; a task with a verified reply in time is on time,
 * whatever came later, and an unverified reply in time answers nothing. The rate still counts
 * late answers (the institution did answer). Real app and store (SQLite or PostgreSQL), `/digest`
 * through the signed endpoint; English from the digest as stored. Fixture
 * (digest-upcoming-fixture.ts) plus two passed cut-offs on task 5, each reminded to IEM and LM:
 * "Novembris" (IEM late; LM on time) and "Decembris" (IEM late, after an unverified reply in
 * time; LM late).
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
  const ids = await Promise.all(
    ["IEM", "LM"].map(async (code) => (await findInstitution(db, code))?.id ?? 0),
  );
  await recordReminders(db, november, ids);
  await recordReminders(db, december, ids);
  let n = 0;
  const reply = (code: string, cutoffId: number, receivedAt: string, verified = true) =>
    storeReply(db, {
      code,
      cutoffId,
      task: "5",
      channelId: `C0${code}`,
      ts: `1799000000.00000${++n}`,
      userId: verified ? `U0${code}OK` : "U0STRANGER",
      text: "5: paveikts",
      verified,
      receivedAt,
    });
  await reply("IEM", november.id, "2026-12-01T08:00:00.000Z");
  await reply("LM", november.id, "2026-11-30T21:59:59.999Z");
  await reply("IEM", december.id, "2026-12-20T08:00:00.000Z", false);
  await reply("IEM", december.id, "2027-01-04T08:00:00.000Z");
  await reply("LM", december.id, "2027-01-01T00:00:00.000Z");
});
afterAll(async () => {
  await t?.stop();
});

describe("the response rate of answers after the cut-off", () => {
  it("says all came late, or how many of those received, in Latvian and English", async () => {
    const { messages } = await requestDigest(t, logs);
    const lines = messages
      .flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined))
      .join("\n")
      .split("\n");
    expect(lines.find((l) => l.startsWith("• *IEM*"))).toContain(
      "atsaucība 100 % (2 no 2 prasītajām atbildēm, visas pēc ziņošanas termiņa; pagājušie ziņošanas termiņi: 2)",
    );
    expect(lines.find((l) => l.startsWith("• *LM*"))).toContain(
      "atsaucība 100 % (2 no 2 prasītajām atbildēm, no saņemtajām 1 pēc ziņošanas termiņa; pagājušie ziņošanas termiņi: 2)",
    );

    const model = await storedDigest(t);
    const rate = (code: string) => model.institutions.find((i) => i.code === code)?.rate;
    expect(rate("IEM")).toMatchObject({ answered: 2, asked: 2, cutoffs: 2, late: 2 });
    expect(rate("LM")).toMatchObject({ answered: 2, asked: 2, cutoffs: 2, late: 1 });
    const en = digestMarkdown(
      digestDocument(model, { zone: t.config.timezone, variant: "digest", locale: "en" }),
    );
    expect(en).toContain(
      "response rate 100% (2 of 2 replies asked for, all after the reporting cut-off; past reporting cut-offs: 2)",
    );
    expect(en).toContain(
      "response rate 100% (2 of 2 replies asked for, 1 of those received after the reporting cut-off; past reporting cut-offs: 2)",
    );
  });
});
