/**
 * Through the signed HTTP endpoint: a reply received after its cut-off's time is marked so
 * where replies are listed to people (`/task N`, the digest's reply lines), one received in
 * time is not; and the posted digest says "no session planned" once, not twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply } from "../../db/replies.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";

const SECRETARY = "U0SEC0001";
const WG = "C0WG00001";
/** The cut-off passed two days before the app's clock. */
const CUTOFF_AT = "2027-01-18T21:59:59.999Z";
let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  logs = watchLogs();
  t = await startTestApp({
    logger: logs.logger,
    clock: fixedClock("2027-01-20T10:00:00Z"),
    config: { secretaryUserIds: [SECRETARY], workgroupChannelId: WG },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addChannel({ id: WG, name: "darba-grupa" });
  const programme = await currentProgramme(t.app.db);
  if (!programme) throw new Error("no programme");
  const cutoff = await insertCutoff(t.app.db, {
    programmeId: programme.id,
    taskNumbers: null,
    createdBy: SECRETARY,
    createdAt: "2027-01-04T08:00:00.000Z",
    at: CUTOFF_AT,
    title: "Starpziņojums",
  });
  const tasks = await t.app.db.selectFrom("tasks").select(["id", "number"]).execute();
  // IEM answers task 1 a day late; LM answers task 2 the day before the cut-off.
  for (const [code, number, receivedAt, ts] of [
    ["IEM", "1", "2027-01-19T09:00:00.000Z", "1768813200.000100"],
    ["LM", "2", "2027-01-17T09:00:00.000Z", "1768640400.000100"],
  ] as const) {
    const inst = await findInstitution(t.app.db, code);
    const task = tasks.find((x) => x.number === number);
    if (!inst || !task) throw new Error(`no ${code} or task ${number}`);
    await insertReply(t.app.db, {
      cutoffId: cutoff.id,
      institutionId: inst.id,
      taskId: task.id,
      channelId: `C0${code}00001`,
      ts,
      threadTs: null,
      userId: `U0${code}00001`,
      text: `${number}: izpildīts`,
      files: [],
      statusClaim: null,
      verified: true,
      source: "event",
      receivedAt,
    });
  }
});
afterAll(async () => {
  await t?.stop();
});

type Answer = { blocks?: unknown[] };

async function slash(command: string, text: string): Promise<string> {
  const res = await t.slack.command(command, text, { userId: SECRETARY, channelId: "C0LOCAL01" });
  let body = res.body as Answer | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as Answer;
  expect(validateBlocks(body.blocks, "message")).toEqual([]);
  return JSON.stringify(body.blocks);
}

describe("a reply received after its cut-off", () => {
  it("/task N marks it '(pēc ziņošanas termiņa)', as the digest does; a reply in time is not marked", async () => {
    const late = await slash("/task", "1");
    expect(late).toContain("*IEM* atbildēja");
    expect(late).toMatch(/\*IEM\* atbildēja[^\\]*_\(pēc ziņošanas termiņa\)_/u);
    const inTime = await slash("/task", "2");
    expect(inTime).toContain("*LM* atbildēja");
    expect(inTime).not.toContain("pēc ziņošanas termiņa");
  });

  it("the digest marks it '(pēc ziņošanas termiņa)' in its reply lines, and says 'no session planned' once", async () => {
    const ack = await slash("/digest", "");
    expect(ack).toContain("Gatavoju kopsavilkumu");
    await logs.waitFor((l) => l.msg === "digest posted" && l.channel === WG, 20_000);
    const posted = t.emulator.messagesIn(WG);
    const all = posted.map((m) => JSON.stringify(m.blocks ?? [])).join("\n");
    const lines = all.split("\\n");
    const iem = lines.find((l) => l.includes("*1* · *IEM*")) ?? "";
    expect(iem).toContain("_(pēc ziņošanas termiņa)_");
    const lm = lines.find((l) => l.includes("*2* · *LM*")) ?? "";
    expect(lm).not.toBe("");
    expect(lm).not.toContain("pēc ziņošanas termiņa");
    expect(all.split("Nākamā sēde vēl nav ieplānota").length - 1).toBe(1);
  });
});
