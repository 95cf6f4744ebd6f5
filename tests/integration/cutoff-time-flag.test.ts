/**
 * `/cutoff add|move … --time HH:MM` through the signed HTTP endpoint: the CLI's form works in
 * Slack too (a tester's "`/cutoff add 2026-12-20 Title --time 12:00`" was refused with a
 * suggestion that, run as given, created a cut-off titled "Title --time").
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCutoffs } from "../../db/cutoffs.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";

const SECRETARY = "U0SEC0001";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock("2026-11-29T12:00:00Z"),
    config: { secretaryUserIds: [SECRETARY] },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
});
afterAll(async () => {
  await t?.stop();
});

type Answer = { text?: string; blocks?: unknown[] };

/** Sends a signed `/cutoff`; the answer's blocks as text (ack or response_url). */
async function cutoff(text: string): Promise<string> {
  const res = await t.slack.command("/cutoff", text, { userId: SECRETARY });
  expect(res.status).toBe(200);
  let body = res.body as Answer | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as Answer;
  expect(validateBlocks(body.blocks, "message")).toEqual([]);
  return blocksToText((body.blocks ?? []) as Parameters<typeof blocksToText>[0]);
}

describe("/cutoff --time through the signed endpoint", () => {
  it("adds at that time with the title as typed, moves with it, refuses two different times", async () => {
    const added = await cutoff("add 2026-12-20 Title --time 12:00");
    const [created, ...others] = await listCutoffs(t.app.db);
    expect(others).toEqual([]);
    expect(created).toMatchObject({ title: "Title", at: "2026-12-20T10:00:00.000Z" });
    expect(added).toContain(`Pievienots ziņošanas termiņš *#${created?.id}*`);

    const moved = await cutoff(`move ${created?.id} 2026-12-21 --time 13:30`);
    expect(moved).toContain(`Ziņošanas termiņš *#${created?.id}* pārcelts`);
    expect((await listCutoffs(t.app.db))[0]?.at).toBe("2026-12-21T11:30:00.000Z");

    const refused = await cutoff("add 2026-12-22 12:00 Other --time 13:00");
    expect(refused).toContain("Norādīti divi dažādi laiki: „12:00” un „13:00”.");
    expect(await listCutoffs(t.app.db)).toHaveLength(1);
  });
});
