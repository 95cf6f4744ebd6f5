/**
 * Times people read are shown to the minute everywhere, in one style: `/cutoff list` with a
 * cut-off stored to a second (by an earlier version: `/cutoff add` now refuses seconds, as
 * `/session` does) next to one on a whole minute, an end-of-day cut-off ("23:59") and
 * its test-mode reminders (PT4M: "23:55", not "23:55:59"), `/cutoff add`'s refusal of a past
 * day, and the digest's "next 30 days" with a cut-off and a session. Stored instants keep
 * their seconds. Signed requests to the real app (fixed clock), its worker and the emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCutoff, listCutoffs } from "../../db/cutoffs.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { slashText } from "../helpers/slash.ts";

const SECRETARY = "U0SECMIN";
const WG = "C0WGMIN01";
const SECONDS = /\d{2}:\d{2}:\d{2}/u;
let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  const offsets = parseOffsets("PT4M");
  if (!offsets.ok) throw new Error(offsets.error);
  logs = watchLogs();
  t = await startTestApp({
    logger: logs.logger,
    clock: fixedClock("2026-11-30T08:00:00Z"),
    config: {
      secretaryUserIds: [SECRETARY],
      workgroupChannelId: WG,
      reminderOffsets: offsets.offsets,
    },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addChannel({ id: WG, name: "darba-grupa" });
});
afterAll(async () => {
  await t?.stop();
});

const slash = (command: string, text: string) => slashText(t, command, text, SECRETARY);

describe("times to the minute", { timeout: 60_000 }, () => {
  it("/cutoff add, list and the past-day refusal: HH:MM only; the store keeps the seconds", async () => {
    const withSeconds = await slash("/cutoff", "add 2026-12-04 14:59:30 Sekundes");
    expect(withSeconds).toContain("Laiks „14:59:30” ir ar sekundēm");
    expect(withSeconds).toContain("piemēram, 14:59.");
    await insertCutoff(t.app.db, {
      programmeId: (await currentProgramme(t.app.db))?.id ?? 0,
      at: "2026-12-04T12:59:30.000Z",
      title: "Sekundes",
      taskNumbers: null,
      createdBy: SECRETARY,
      createdAt: "2026-11-30T08:00:00.000Z",
    });
    await slash("/cutoff", "add 2026-12-07 14:59 Minūtes");
    await slash("/cutoff", "add 2026-12-08 Dienas beigas");
    const list = await slash("/cutoff", "list");
    expect(list).not.toMatch(SECONDS);
    expect(list).toContain("piektd. 04.12.2026. 14:59");
    expect(list).toContain("pirmd. 07.12.2026. 14:59");
    expect(list).toContain("otrd. 08.12.2026. 23:59");
    const stored = (await listCutoffs(t.app.db)).map((c) => c.at);
    expect(stored).toContain("2026-12-04T12:59:30.000Z");
    expect(stored).toContain("2026-12-08T21:59:59.999Z");
    const plan = await slash("/cutoff", `plan ${(await listCutoffs(t.app.db)).length}`);
    expect(plan).not.toMatch(SECONDS);
    const past = await slash("/cutoff", "add 2026-11-29 Pagātnē");
    expect(past).toContain("23:59");
    expect(past).not.toMatch(SECONDS);
  });

  it("the digest's next 30 days: the cut-offs and a session in one style", async () => {
    await slash("/session", "add 2026-12-10 10:00 Sēde");
    await slash("/digest", "");
    await logs.waitFor((l) => l.msg === "digest posted" && l.channel === WG, 30_000);
    const posted = JSON.stringify(t.emulator.messagesIn(WG).map((m) => m.blocks ?? m.text));
    expect(posted).toContain("14:59");
    expect(posted).toContain("10:00");
    expect(posted).not.toMatch(SECONDS);
  });
});
