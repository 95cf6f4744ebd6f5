import { describe, expect, it } from "vitest";
import { statusRollups } from "../../src/domain/status-rollup.ts";
import type { TimelineEntry } from "../../src/history/timeline.ts";
import type { HomeData } from "../../src/home/model.ts";
import { validateBlocks, validateView } from "../../src/slack/block-limits.ts";
import {
  HISTORY_PAGE_SIZE,
  historyLine,
  parseHistoryValue,
  renderHistory,
} from "../../src/slack/render-history.ts";
import { renderHome } from "../../src/slack/render-home.ts";
import { report } from "../helpers/store.ts";

function entries(n: number): TimelineEntry[] {
  const long =
    report()
      .tasks.map((t) => t.progress ?? "")
      .sort((a, b) => b.length - a.length)[0] ?? "";
  return Array.from({ length: n }, (_, i) => ({
    kind: "reply" as const,
    at: new Date(Date.UTC(2027, 0, 30 - i, 9)).toISOString(),
    institution: "IEM",
    userId: "U0ANNA",
    cutoffId: 1,
    excerpt: long.slice(0, 240),
    claim: i % 2 ? "done" : null,
    verified: i % 3 !== 0,
    withdrawn: i === 4,
    late: false,
    link: i === 4 ? null : "https://slack.com/archives/C0IEM/p1700000000000100",
  }));
}

type Actions = { type: string; elements?: Array<{ action_id: string; value: string }> };

describe("/task N history pages", () => {
  it("pages newest first within Slack's limits, with buttons both ways", () => {
    const all = entries(25);
    const first = renderHistory("14", all, 1, "lv", "Europe/Riga");
    const middle = renderHistory("14", all, 2, "en", "Europe/Riga");
    const last = renderHistory("14", all, 99, "lv", "Europe/Riga");
    for (const blocks of [first, middle, last])
      expect(validateBlocks(blocks, "message")).toEqual([]);
    const buttons = (blocks: unknown[]) =>
      (blocks as Actions[])
        .filter((b) => b.type === "actions")
        .flatMap((b) => b.elements ?? [])
        .map((e) => e.value);
    expect(buttons(first)).toEqual(["14:2"]);
    expect(buttons(middle)).toEqual(["14:1", "14:3"]);
    expect(buttons(last)).toEqual(["14:2"]);
    expect(JSON.stringify(first)).toContain("1. lapa no 3 · 25 ieraksti");
    expect(JSON.stringify(middle)).toContain(`Page 2 of 3`);
    // A page past the last: the last one, saying so (not silently another page).
    expect(JSON.stringify(last)).toContain("3. lapa no 3");
    expect(JSON.stringify(last)).toContain("Lapas 99 nav: vēsturē ir 3 lapas. Rādu pēdējo.");
    expect(JSON.stringify(first)).not.toContain("nav: vēsturē");
    const one = JSON.stringify(renderHistory("14", entries(3), 999, "en", "Europe/Riga"));
    expect(one).toContain("There is no page 999: the history has 1 page. Showing the last.");
    expect(JSON.stringify(first).indexOf("30.01.2027")).toBeLessThan(
      JSON.stringify(first).indexOf("29.01.2027"),
    );
    expect(HISTORY_PAGE_SIZE).toBe(10);
    expect(parseHistoryValue("10.1.2:3")).toEqual({ number: "10.1.2", page: 3 });
    expect(parseHistoryValue("x:1")).toBeUndefined();
  });
});

describe("the App Home", () => {
  it("stays within 100 blocks for a contact of many institutions", () => {
    const tasks = report().tasks.map((t) => ({ ...t, parent: t.parent }));
    const data: HomeData = {
      programme: { code: "2009-2013", title: "Programma" },
      counts: { done: 30, partial: 2, ongoing: 0, not_done: 0, none: 0 },
      headings: 3,
      rollups: statusRollups(tasks),
      nextSession: { at: "2027-01-22T08:00:00.000Z", title: "Sēde" },
      cutoff: { title: "Informatīvais ziņojums MK", at: "2027-02-01T21:59:59.999Z" },
      notAnswered: [],
      mine: Array.from({ length: 30 }, (_, i) => ({
        code: `I${i}`,
        name: `Institūcija ${i}`,
        tasks,
        missing: ["1", "2"],
      })),
      language: "en",
    };
    const view = renderHome(data, "lv", "Europe/Riga");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(validateView(view, "home")).toEqual([]);
    expect(JSON.stringify(view.blocks)).toContain("Visas institūcijas ir atbildējušas");
    // The language choice is never cut off, and shows the stored choice.
    const choice = view.blocks.find(
      (b) => b.type === "section" && b.accessory?.type === "static_select",
    );
    expect(choice).toMatchObject({
      text: { text: "🌐 *Valoda* · Language" },
      accessory: { initial_option: { value: "en", text: { text: "English" } } },
    });
  });
});

describe("/task N history: changes a re-import made", () => {
  it("names each field with its label and shows before → after, not column names", () => {
    const change: TimelineEntry = {
      kind: "change",
      at: "2027-01-10T09:00:00.000Z",
      actor: "import:report.txt",
      changes: [
        {
          field: "institutions",
          before: [{ code: "IEM" }],
          after: [{ code: "IEM" }, { code: "LM" }],
        },
        { field: "title", before: "Veikt <pētījumu>", after: "Veikt pētījumu" },
        { field: "due_date", before: "2013-12-31", after: "2013-12-31" },
        { field: "deadline_text", before: "2013.gads", after: "31.12.2013." },
      ],
    };
    const lv = JSON.stringify(renderHistory("14", [change], 1, "lv", "Europe/Riga"));
    expect(lv).toContain(
      "✏️ Termiņš: 2013.gads → 31.12.2013.; Nosaukums: „Veikt &lt;pētījumu&gt;” → „Veikt pētījumu”; Institūcijas: IEM → IEM, LM (imports no faila „report.txt”)",
    );
    const en = JSON.stringify(renderHistory("14", [change], 1, "en", "Europe/Riga"));
    expect(en).toContain("Deadline: 2013.gads → 31.12.2013.; Title: “Veikt &lt;pētījumu&gt;”");
    expect(en).toContain("Institutions: IEM → IEM, LM (import from the file “report.txt”)");
  });

  it("names an import's internal actor in words: the bundled report, an import, a file", () => {
    const imported = (actor: string): TimelineEntry => ({
      kind: "imported",
      at: "2027-01-10T09:00:00.000Z",
      status: "done",
      actor,
    });
    const line = (actor: string, locale: "lv" | "en") =>
      historyLine(imported(actor), locale, "Europe/Riga");
    expect(line("import:seed", "lv")).toContain(
      "📥 Importēts ar statusu ✅ Izpildīts (no pievienotā ziņojuma)",
    );
    expect(line("import:seed", "en")).toMatch(/\(from the bundled report\)$/);
    expect(line("import:cli", "lv")).toMatch(/\(imports\)$/);
    expect(line("import:cli", "en")).toMatch(/\(import\)$/);
    expect(line("import:p_*x*.txt", "lv")).not.toContain("import:");
    expect(line("U0123ABC", "lv")).toMatch(/\(<@U0123ABC>\)$/);
  });
});

describe("/task N history: a reply moved to or away from the task", () => {
  const moved = (actor: string, here: boolean): Extract<TimelineEntry, { kind: "replyMoved" }> => ({
    kind: "replyMoved",
    at: "2027-01-10T09:00:00.000Z",
    institution: "LM",
    userId: "U0ANNA",
    cutoffId: 3,
    actor,
    from: "5",
    to: here ? "14" : "7",
    here,
    link: null,
    receivedAt: "2027-01-08T09:00:00.000Z",
    late: false,
    excerpt: here ? null : "Noteikumi pieņemti",
    change: null,
    withdrawn: false,
  });
  const line = (e: TimelineEntry, locale: "lv" | "en") => historyLine(e, locale, "Europe/Riga");

  it("names its author once when the author moved it (by an edit)", () => {
    expect(line(moved("U0ANNA", true), "lv")).toMatch(
      /↪️ \*LM\* atbilde \(<@U0ANNA>, #3, saņemta 08\.01\.2027\.\) pārvietota uz šo uzdevumu no uzdevuma 5$/,
    );
    expect(line(moved("U0ANNA", false), "en")).toMatch(
      /↪️ \*LM\* reply \(<@U0ANNA>, #3, received 8 Jan 2027\) moved to task 7: “Noteikumi pieņemti”$/,
    );
  });

  it("an unattributed reply given this task is 'attached', its moving edit shown", () => {
    const attached: TimelineEntry = {
      ...moved("U0ANNA", true),
      from: null,
      change: { before: "Izpildīts", after: "14: Izpildīts" },
    };
    expect(line(attached, "lv")).toMatch(
      /saņemta 08\.01\.2027\.\) piesaistīta šim uzdevumam, labojot tekstu: „Izpildīts” → „14: Izpildīts”$/,
    );
    expect(line(attached, "en")).toMatch(
      /received 8 Jan 2027\) attributed to this task by an edit: “Izpildīts” → “14: Izpildīts”$/,
    );
  });

  it("says who moved it when that was someone else", () => {
    expect(line(moved("U0SEC", true), "lv")).toMatch(
      /saņemta 08\.01\.2027\.\) pārvietota uz šo uzdevumu no uzdevuma 5; pārvietoja <@U0SEC>$/,
    );
    expect(line(moved("cli", false), "en")).toMatch(
      /moved to task 7: “Noteikumi pieņemti”; moved by cli$/,
    );
  });
});
