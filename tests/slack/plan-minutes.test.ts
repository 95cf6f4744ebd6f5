/**
 * Times are shown to the minute everywhere: "test mode" plans (REMINDER_OFFSETS=PT20S,PT10S),
 * whose reminders fall 20 and 10 seconds before a cut-off, and cut-offs set to a second
 * (06:10:30) read "HH:MM" in `/cutoff plan` and `list`, `/task N`, the App Home and the modal.
 */
import { describe, expect, it } from "vitest";
import type { HomeData } from "../../src/home/model.ts";
import type { TaskCutoffStatus } from "../../src/reminders/task-status.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { formatInstant } from "../../src/slack/format.ts";
import {
  type CutoffPlan,
  renderCutoffList,
  renderCutoffPlan,
} from "../../src/slack/render-cutoff.ts";
import { renderHome } from "../../src/slack/render-home.ts";
import { renderCutoffStatus } from "../../src/slack/render-task-cutoff.ts";
import { renderUpdateModal } from "../../src/slack/render-update-modal.ts";

const RIGA = "Europe/Riga";
const CUTOFF = "2026-11-29T23:34:00.000Z"; // 01:34 in Riga

describe("formatInstant: to the minute", () => {
  it("drops an instant's seconds (one style everywhere)", () => {
    const iso = "2026-11-29T23:33:40.000Z";
    expect(formatInstant(iso, RIGA, "lv")).toBe("pirmd. 30.11.2026. 01:33");
    expect(formatInstant(iso, RIGA, "en")).toBe("Mon 30 Nov 2026 01:33");
    expect(formatInstant("2026-12-01T04:10:30Z", RIGA, "lv")).toBe("otrd. 01.12.2026. 06:10");
    expect(formatInstant(CUTOFF, RIGA, "lv")).toBe("pirmd. 30.11.2026. 01:34");
  });

  it("reads a day-only cut-off's 23:59:59.999 as 23:59", () => {
    expect(formatInstant("2026-12-14T21:59:59.999Z", RIGA, "lv")).toBe("pirmd. 14.12.2026. 23:59");
  });
});

function plan(offsetsSeconds: number[]): CutoffPlan {
  const at = (s: number) => new Date(Date.parse(CUTOFF) - s * 1000).toISOString();
  return {
    cutoff: {
      id: 1,
      at: CUTOFF,
      title: "Pārbaude",
      taskNumbers: ["5"],
      tasks: 1,
      institutions: 1,
      reminders: offsetsSeconds.length,
      nextReminder: offsetsSeconds[0] === undefined ? null : at(offsetsSeconds[0]),
      passed: false,
    },
    institutions: [
      {
        code: "LM",
        name: "Labklājības ministrija",
        channelId: "C0LOCAL01",
        contacts: [],
        tasks: ["5"],
        reminders: offsetsSeconds.map((s) => ({
          kind: `before-PT${s}S`,
          at: at(s),
          state: "planned" as const,
          detail: null,
          sentAt: null,
        })),
      },
    ],
    unmapped: [],
  };
}

describe("/cutoff plan", () => {
  const ctx = { locale: "lv" as const, zone: RIGA, today: "2026-11-30" };

  it("shows 20 and 10 seconds before the cut-off to the minute, no seconds", () => {
    const text = blocksToText(renderCutoffPlan(plan([20, 10]), ctx));
    expect(text).toContain("01:33");
    expect(text).toContain("01:34");
    expect(text).not.toMatch(/\d{2}:\d{2}:\d{2}/u);
    const en = blocksToText(renderCutoffPlan(plan([20, 10]), { ...ctx, locale: "en" }));
    expect(en).toContain("Mon 30 Nov 2026 01:33");
  });

  it("keeps minutes for a day-only cut-off (23:59:59.999) whose reminders are at 09:00", () => {
    const dayOnly = plan([]);
    dayOnly.cutoff.at = "2026-12-14T21:59:59.999Z";
    dayOnly.institutions[0]?.reminders.push({
      kind: "before-P7D",
      at: "2026-12-07T07:00:00.000Z",
      state: "planned",
      detail: null,
      sentAt: null,
    });
    const text = blocksToText(renderCutoffPlan(dayOnly, ctx));
    expect(text).toContain("pirmd. 14.12.2026. 23:59");
    expect(text).toContain("pirmd. 07.12.2026. 09:00 –");
    expect(text).not.toMatch(/\d\d:\d\d:\d\d/u);
  });

  it("shows a cut-off set to a second to the minute", () => {
    const own = plan([3600]);
    own.cutoff.at = "2026-11-29T23:34:30.000Z";
    const text = blocksToText(renderCutoffPlan(own, ctx));
    expect(text).toContain("pirmd. 30.11.2026. 01:34");
    expect(text).toContain("pirmd. 30.11.2026. 00:34 –");
    const list = blocksToText(renderCutoffList([own.cutoff], ctx, false));
    expect(list).toContain("pirmd. 30.11.2026. 01:34");
  });

  it("/cutoff list: one list, one style (a past cut-off next to a test-mode one)", () => {
    const past = { ...plan([]).cutoff, id: 1, at: "2026-11-29T07:24:00.000Z", passed: true };
    const next = { ...plan([20, 10]).cutoff, id: 2, at: "2026-11-30T07:33:00.000Z" };
    const list = blocksToText(renderCutoffList([past, next], ctx, false));
    expect(list).toContain("svētd. 29.11.2026. 09:24");
    expect(list).toContain("pirmd. 30.11.2026. 09:33");
    const minutes = blocksToText(renderCutoffList([past], ctx, false));
    expect(minutes).not.toMatch(/\d\d:\d\d:\d\d/u);
  });

  it("shows when a missed reminder was really sent (caught up late, paced 1 s per channel)", () => {
    const late = plan([20, 10]);
    const [first, second] = late.institutions[0]?.reminders ?? [];
    if (!first || !second) throw new Error("no reminders");
    Object.assign(first, { state: "skipped", detail: "superseded" });
    Object.assign(second, { state: "sent", sentAt: "2026-11-29T23:33:57.412Z" });
    const text = blocksToText(renderCutoffPlan(late, ctx));
    expect(text).toContain("pirmd. 30.11.2026. 01:33 –");
    expect(text).toContain("01:33");
  });

  it("keeps minutes for a plan in whole minutes", () => {
    const text = blocksToText(renderCutoffPlan(plan([3600, 60]), ctx));
    expect(text).toContain("pirmd. 30.11.2026. 00:34 –");
    expect(text).toContain("pirmd. 30.11.2026. 01:33 –");
    expect(text).not.toMatch(/\d\d:\d\d:\d\d/u);
  });
});

describe("/task N's cut-off and next reminder", () => {
  const status = (next: string | null): TaskCutoffStatus => ({
    cutoff: { id: 1, at: CUTOFF, title: "Pārbaude" },
    institutions: [
      { code: "LM", answered: false, hasChannel: true, latest: null, laterUnverified: 0 },
    ],
    nextReminderAt: next,
    nextReminderTo: next ? ["LM"] : [],
  });

  it("are to the minute when the next reminder falls within a minute", () => {
    const text = blocksToText(renderCutoffStatus(status("2026-11-29T23:33:50.000Z"), "lv", RIGA));
    expect(text).toContain("01:33");
    expect(text).toContain("01:34");
  });

  it("are to the minute for a cut-off set to a second", () => {
    const own = { ...status("2026-11-29T22:34:00.000Z") };
    own.cutoff = { ...own.cutoff, at: "2026-11-29T23:34:30.000Z" };
    const text = blocksToText(renderCutoffStatus(own, "en", RIGA));
    expect(text).toContain("01:34");
    expect(text).toContain("00:34");
  });

  it("have minutes otherwise", () => {
    const text = blocksToText(renderCutoffStatus(status("2026-11-29T22:34:00.000Z"), "en", RIGA));
    expect(text).toContain("00:34");
    expect(text).not.toMatch(/\d\d:\d\d:\d\d/u);
  });
});

describe("the App Home and the 'Submit update' modal (they know no plan)", () => {
  const home = (at: string): HomeData => ({
    programme: { code: "2009-2013", title: "Programma" },
    counts: { done: 1, partial: 0, ongoing: 0, not_done: 0, none: 0 },
    headings: 0,
    rollups: new Map(),
    nextSession: null,
    cutoff: { title: "Pārbaude", at },
    notAnswered: [],
    mine: [],
    language: null,
  });
  const modal = (cutoffAt: string) =>
    JSON.stringify(
      renderUpdateModal(
        {
          cutoffAt,
          institutionCode: "LM",
          task: { number: "5", title: "X" },
          privateMetadata: "{}",
        },
        "lv",
        RIGA,
      ),
    );

  it("show a cut-off set to a second to the minute", () => {
    const at = "2026-11-29T23:34:30.000Z";
    expect(blocksToText(renderHome(home(at), "lv", RIGA).blocks)).toContain("01:34");
    expect(modal(at)).toContain("pirmd. 30.11.2026. 01:34");
  });

  it("keep minutes otherwise (a day-only cut-off's 23:59:59.999 too)", () => {
    const at = "2026-12-14T21:59:59.999Z";
    expect(blocksToText(renderHome(home(at), "lv", RIGA).blocks)).toContain("14.12.2026. 23:59");
    expect(blocksToText(renderHome(home(at), "lv", RIGA).blocks)).not.toMatch(/\d\d:\d\d:\d\d/u);
    expect(modal(at)).not.toMatch(/\d\d:\d\d:\d\d/u);
  });
});
