/**
 * `/cutoff move <id> <date>` without a time keeps the cut-off's wall time of day in Europe/Riga
 * on the new day, and says so; a time given still wins; an end-of-day cut-off stays end of day;
 * a kept time the new day does not have (spring forward) is refused as a typed one is. The CLI's
 * `cutoff move` without `--time` does the same. Signed requests to the real app; real CLI process.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCutoff } from "../../db/cutoffs.ts";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import { fixedClock } from "../../src/time.ts";
import { runCli } from "../cli/run-cli.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { slashText } from "../helpers/slash.ts";
import { tempDir } from "../helpers/store.ts";

const SECRETARY = "U0SECMOVE";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock("2026-11-30T08:00:00Z"),
    config: { secretaryUserIds: [SECRETARY] },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
});
afterAll(async () => {
  await t?.stop();
});

const cutoff = (text: string) => slashText(t, "/cutoff", text, SECRETARY);

/** Adds a cut-off and returns its id, read from the answer ("*#N*"). */
async function added(text: string): Promise<number> {
  const answer = await cutoff(`add ${text}`);
  const id = /#(\d+)/.exec(answer)?.[1];
  if (!id) throw new Error(`no cut-off added: ${answer}`);
  return Number(id);
}

describe("/cutoff move with only a date", { timeout: 60_000 }, () => {
  it("keeps 10:00 on the new day and says so; a typed time wins", async () => {
    const id = await added("2026-12-01 10:00 Desmitos");
    const moved = await cutoff(`move ${id} 2026-12-02`);
    expect(moved).toContain("*trešd. 02.12.2026. 10:00*");
    expect(moved).toContain(cutoffText("lv").keptTime("10:00"));
    expect((await findCutoff(t.app.db, id))?.at).toBe("2026-12-02T08:00:00.000Z");
    const typed = await cutoff(`move ${id} 2026-12-03 15:30`);
    expect(typed).toContain("*ceturtd. 03.12.2026. 15:30*");
    expect(typed).not.toContain(cutoffText("lv").keptTime("10:00"));
    expect((await findCutoff(t.app.db, id))?.at).toBe("2026-12-03T13:30:00.000Z");
  });

  it("keeps the wall time across a change of offset (winter 10:00 → summer 10:00)", async () => {
    const id = await added("2027-03-01 10:00 Ziema");
    await cutoff(`move ${id} 2027-04-01`);
    expect((await findCutoff(t.app.db, id))?.at).toBe("2027-04-01T07:00:00.000Z");
  });

  it("an end-of-day cut-off stays end of day", async () => {
    const id = await added("2026-12-10 Dienas beigas");
    const moved = await cutoff(`move ${id} 2026-12-11`);
    expect(moved).not.toContain(cutoffText("lv").keptTime("23:59"));
    // The answer says the time was kept: still the end of the day.
    expect(moved).toContain(
      "Laiks nav norādīts – termiņš joprojām ir dienas beigās (23:59); citu laiku norādiet pēc datuma vai ar `--time`.",
    );
    expect((await findCutoff(t.app.db, id))?.at).toBe("2026-12-11T21:59:59.999Z");
    const typed = await cutoff(`move ${id} 2026-12-12 12:00`);
    expect(typed).not.toContain("dienas beigās (23:59)");
  });

  it("a kept time the new day does not have is refused, as a typed one", async () => {
    const id = await added("2027-03-27 03:30 Naktī");
    const refused = await cutoff(`move ${id} 2027-03-28`);
    expect(refused).toContain("plkst. 03:30 (Europe/Riga) nav");
    expect((await findCutoff(t.app.db, id))?.at).toBe("2027-03-27T01:30:00.000Z");
  });

  it("the CLI's cutoff move without --time keeps the time too", async () => {
    const dir = tempDir();
    const env = { DATABASE_URL: join(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };
    const add = await runCli(["cutoff", "add", "2099-12-01", "CLI", "--time", "10:00"], env);
    expect(add.code).toBe(0);
    const moved = await runCli(["cutoff", "move", "1", "2099-12-02"], env);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain("02.12.2099. 10:00");
    expect(moved.stdout).toContain(cutoffText("lv").keptTime("10:00", true));
    const en = await runCli(
      ["cutoff", "move", "1", "2099-12-03", "--time", "11:00", "--lang", "en"],
      env,
    );
    expect(en.stdout).toContain("3 Dec 2099 11:00");
    expect(en.stdout).not.toContain("No time given");
  });
});
