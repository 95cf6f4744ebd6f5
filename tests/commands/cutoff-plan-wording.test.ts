/**
 * Wording of `/cutoff plan` and `/cutoff list` found by fresh users: (1) a reminder of an
 * institution with no Slack channel reads the same cause in the same words whether it failed
 * ("netika nosūtīts – nav kanāla") or is still planned ("netiks nosūtīts – nav kanāla"), while a
 * channel Slack refused stays "neizdevās: …"; (2) a cut-off whose time has passed says so, with
 * its date, in the plan's summary, and in the list even while its reminder after the cut-off is
 * still to go; (3) a passed cut-off warns that an unreachable channel's reminders "neizdosies"
 * only while one is still to go (none left: its failed rows say what happened). The pure
 * renderers, lv and en.
 */
import { describe, expect, it } from "vitest";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import {
  type CutoffPlan,
  type CutoffRenderContext,
  type CutoffSummary,
  renderCutoffList,
  renderCutoffPlan,
} from "../../src/slack/render-cutoff.ts";

const ctx = (locale: "lv" | "en"): CutoffRenderContext => ({
  locale,
  zone: "Europe/Riga",
  today: "2026-12-01",
});

function summary(over: Partial<CutoffSummary> = {}): CutoffSummary {
  return {
    id: 2,
    at: "2026-11-30T21:59:00.000Z",
    title: "Pārbaude",
    taskNumbers: null,
    tasks: 2,
    institutions: 2,
    reminders: 2,
    nextReminder: null,
    passed: false,
    ...over,
  };
}

/** LM without a channel: its first reminder failed "no_mapping", its overdue one is planned. */
function plan(cutoff: CutoffSummary): CutoffPlan {
  const lmFailed = {
    kind: "before-P1D",
    at: "2026-11-30T07:00:00.000Z",
    state: "failed" as const,
    detail: "no_mapping",
    sentAt: null,
  };
  const lmPlanned = {
    kind: "overdue",
    at: "2026-12-02T07:00:00.000Z",
    state: "planned" as const,
    detail: null,
    sentAt: null,
  };
  const iemRefused = { ...lmFailed, detail: "channel_not_found" };
  return {
    cutoff,
    institutions: [
      {
        code: "IEM",
        name: "Iekšlietu ministrija",
        channelId: "C0IEM0001",
        contacts: [],
        tasks: ["5"],
        reminders: [iemRefused],
      },
      {
        code: "LM",
        name: "Labklājības ministrija",
        channelId: null,
        contacts: [],
        tasks: ["5", "14"],
        reminders: [lmFailed, lmPlanned],
      },
    ],
    unmapped: ["LM"],
  };
}

function text(blocks: ReturnType<typeof renderCutoffPlan>): string {
  expect(validateBlocks(blocks, "message")).toEqual([]);
  return blocksToText(blocks);
}

describe("/cutoff plan: no channel reads the same, failed or planned", () => {
  it("lv: 'netika nosūtīts – nav kanāla' beside 'netiks nosūtīts – nav kanāla'", () => {
    const lv = text(renderCutoffPlan(plan(summary()), ctx("lv")));
    expect(lv).toContain("1 diena pirms termiņa – netika nosūtīts – nav kanāla");
    expect(lv).toContain("pēc termiņa – netiks nosūtīts – nav kanāla");
    expect(lv).not.toContain("institūcija nav piesaistīta Slack");
    // A channel Slack refused is a real failure and says so.
    expect(lv).toContain("1 diena pirms termiņa – neizdevās: kanāls nav atrasts");
  });

  it("en: 'not sent – no channel' beside 'will not be sent – no channel'", () => {
    const en = text(renderCutoffPlan(plan(summary()), ctx("en")));
    expect(en).toContain("1 day before – not sent – no channel");
    expect(en).toContain("after the cut-off – will not be sent – no channel");
    expect(en).not.toContain("not mapped to Slack");
    expect(en).toContain("1 day before – failed: channel not found");
  });
});

describe("a cut-off whose time has passed", () => {
  const passed = summary({ passed: true, nextReminder: "2026-12-02T07:00:00.000Z" });

  it("the plan says it passed, with its date and time", () => {
    expect(text(renderCutoffPlan(plan(passed), ctx("lv")))).toContain(
      "Ziņošanas termiņš pagājis: *pirmd. 30.11.2026. 23:59*",
    );
    expect(text(renderCutoffPlan(plan(passed), ctx("en")))).toContain(
      "Cut-off passed: *Mon 30 Nov 2026 23:59*",
    );
    // One still ahead reads as before.
    expect(text(renderCutoffPlan(plan(summary()), ctx("lv")))).toContain(
      "Ziņošanas termiņš: *pirmd. 30.11.2026. 23:59*",
    );
  });

  it("the list says it passed even while its reminder after the cut-off is to go", () => {
    const lv = blocksToText(renderCutoffList([passed], ctx("lv"), false));
    expect(lv).toContain("*#2* pirmd. 30.11.2026. 23:59 – Pārbaude");
    expect(lv).toContain(
      "2 uzdevumi, 2 institūcijas · termiņš pagājis · nākamais atgādinājums: trešd. 02.12.2026. 09:00",
    );
    const en = blocksToText(renderCutoffList([passed], ctx("en"), false));
    expect(en).toContain("cut-off passed · next reminder: Wed 2 Dec 2026 09:00");
    const done = blocksToText(
      renderCutoffList([{ ...passed, nextReminder: null }], ctx("lv"), false),
    );
    expect(done).toMatch(/^2 uzdevumi, 2 institūcijas · termiņš pagājis$/m);
    const ahead = blocksToText(renderCutoffList([summary()], ctx("lv"), false));
    expect(ahead).toContain("· atgādinājumu vairs nav");
    expect(ahead).not.toContain("pagājis");
  });
});

describe("a passed cut-off's unreachable channel", () => {
  /** IEM's channel Slack said is gone; its only reminder of the cut-off failed there. */
  const unreachable = (cutoff: CutoffSummary, more: CutoffPlan["institutions"][0]["reminders"]) => {
    const p = plan(cutoff);
    const [iem] = p.institutions;
    if (!iem) throw new Error("no IEM");
    iem.channelProblem = "not_found";
    iem.reminders = [...iem.reminders, ...more];
    return p;
  };
  const later = {
    kind: "overdue",
    at: "2026-12-02T07:00:00.000Z",
    state: "planned" as const,
    detail: null,
    sentAt: null,
  };

  it("says no reminders 'will fail' when none is still to go (lv, en)", () => {
    const passed = summary({ passed: true });
    const lv = text(renderCutoffPlan(unreachable(passed, []), ctx("lv")));
    expect(lv).not.toContain("neizdosies");
    expect(lv).not.toContain("⚠️ *IEM*");
    // The row says what happened, and the channel still reads as unreachable.
    expect(lv).toContain("neizdevās: kanāls nav atrasts");
    expect(lv).toContain("NAV SASNIEDZAMS");
    const en = text(renderCutoffPlan(unreachable(passed, []), ctx("en")));
    expect(en).not.toContain("will fail");
  });

  it("still warns while one is to go, or before the cut-off", () => {
    const passed = summary({ passed: true, nextReminder: later.at });
    const toGo = text(renderCutoffPlan(unreachable(passed, [later]), ctx("lv")));
    expect(toGo).toContain("⚠️ *IEM*: kanāls #C0IEM0001 nav sasniedzams");
    expect(toGo).toContain("atgādinājumi neizdosies");
    const ahead = text(renderCutoffPlan(unreachable(summary(), []), ctx("lv")));
    expect(ahead).toContain("⚠️ *IEM*: kanāls #C0IEM0001 nav sasniedzams");
  });
});
