/**
 * A heading's rolled-up cut-off section (`/task 13`) as the renderer builds it: within Block
 * Kit's limits however many sub-tasks the scope holds, those left out counted; a sub-task with
 * no institution named as such (the store-backed cases: tests/integration/task-heading-cutoff).
 */
import { describe, expect, it } from "vitest";
import type { HeadingCutoffStatus } from "../../src/reminders/heading-status.ts";
import { SECTION_TEXT_MAX, validateBlocks } from "../../src/slack/block-limits.ts";
import { renderHeadingCutoff } from "../../src/slack/render-task-heading-cutoff.ts";

const RIGA = "Europe/Riga";
const cutoff = { id: 2, at: "2027-02-01T21:59:59.999Z", title: "Apmācības", passed: false };
const texts = (s: HeadingCutoffStatus, locale: "lv" | "en" = "lv") =>
  renderHeadingCutoff(s, locale, RIGA).map((b) =>
    b.type === "section" ? (b.text?.text ?? "") : "",
  );

describe("a heading's cut-off roll-up", () => {
  it("fits Slack's limits with 2,000 sub-tasks, counting those left out", () => {
    const subtasks = Array.from({ length: 2000 }, (_, i) => ({
      number: `7.${i + 1}`,
      answered: i % 2 === 0 ? ["LM"] : [],
      waiting: ["IEM", "TM"],
    }));
    const blocks = renderHeadingCutoff({ cutoff, subtasks }, "lv", RIGA);
    expect(validateBlocks(blocks, "message")).toEqual([]);
    expect(blocks.length).toBeLessThanOrEqual(4);
    const all = texts({ cutoff, subtasks });
    for (const text of all) expect(text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
    expect(all[0]).toContain(
      "Apakšuzdevumi, uz kuriem atbildējušas visas to institūcijas: 0 no 2000",
    );
    const shown = all.join("\n").match(/^⏳ \*7\.\d+\*/gmu)?.length ?? 0;
    expect(all.at(-1)).toContain(
      `_(vēl ${2000 - shown} apakšuzdevumi nav parādīti: ziņa būtu par garu)_`,
    );
    expect(blocks.map((b) => ("block_id" in b ? b.block_id : ""))).toEqual(
      ["task_cutoff", "task_cutoff_2", "task_cutoff_3", "task_cutoff_4"].slice(0, blocks.length),
    );
  });

  it("names a sub-task with no institution, and counts only those with some", () => {
    const s: HeadingCutoffStatus = {
      cutoff,
      subtasks: [
        { number: "13.1", answered: ["ĀM"], waiting: [] },
        { number: "13.5", answered: [], waiting: [] },
      ],
    };
    expect(texts(s).join("\n")).toContain(
      "1 no 1\n✅ *13.1* – atbildēja ĀM\n⚪ *13.5* – institūcijas nav norādītas",
    );
    expect(texts(s, "en").join("\n")).toContain("⚪ *13.5* – no institution named");
  });
});
