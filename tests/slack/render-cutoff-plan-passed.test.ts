/** `/cutoff plan` of a cut-off already passed tells of the unmapped institutions in the past. */
import { describe, expect, it } from "vitest";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { type CutoffPlan, renderCutoffPlan } from "../../src/slack/render-cutoff.ts";

const ctx = { locale: "lv" as const, zone: "Europe/Riga", today: "2026-11-30" };

const plan = (passed: boolean): CutoffPlan => ({
  cutoff: {
    id: 1,
    at: "2026-11-20T10:00:00.000Z",
    title: "Pārskats",
    taskNumbers: null,
    tasks: 2,
    institutions: 1,
    reminders: 0,
    nextReminder: null,
    passed,
  },
  institutions: [],
  unmapped: ["IZM"],
});

describe("/cutoff plan: institutions without a channel", () => {
  it("after the cut-off: were not sent, the secretary was told (lv, en)", () => {
    const blocks = renderCutoffPlan(plan(true), ctx);
    expect(validateBlocks(blocks, "message")).toEqual([]);
    const text = blocksToText(blocks);
    expect(text).toContain("to atgādinājumi netika nosūtīti, sekretārs saņēma ziņu: IZM.");
    expect(text).not.toContain("netiks");
    const en = blocksToText(renderCutoffPlan(plan(true), { ...ctx, locale: "en" }));
    expect(en).toContain("their reminders were not sent; the secretary was told: IZM.");
  });
  it("before it: will not be sent, the secretary will be told", () => {
    const text = blocksToText(renderCutoffPlan(plan(false), ctx));
    expect(text).toContain("netiks nosūtīti, un sekretārs saņems ziņu: IZM.");
  });
});
