/**
 * A reminder's last reply received after the cut-off's time is marked "(pēc ziņošanas
 * termiņa)" / "(after the reporting cut-off)", as `/task N` and the digest mark it (a fresh
 * user's finding: the thread's root showed a late reply unmarked); and the root re-rendered
 * after its cut-off ("passed") says that the cut-off has passed instead of asking for replies
 * "līdz" that time, and how a reply now is marked as its task's line will mark it: late, or a
 * supplement to a task answered in time — within Block Kit's limits however long the title and
 * the mentions.
 */
import { describe, expect, it } from "vitest";
import { SECTION_TEXT_MAX, validateBlocks } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import {
  type ReminderModel,
  type ReminderTask,
  renderReminder,
} from "../../src/slack/render-reminder.ts";

const CUTOFF_AT = "2027-02-01T14:56:00.000Z"; // pirmd. 01.02.2027. 16:56 in Riga
const RIGA = "Europe/Riga";

const task = (number: string, at: string | null, verified = true): ReminderTask => ({
  number,
  title: `Uzdevums ${number}`,
  deadline: { text: "2030.gads", due: "2030-12-31", recurrence: null },
  status: null,
  lastReply: at === null ? null : { text: `${number}: izpildīts`, userId: "U0ANNA", at, verified },
});

const model = (tasks: ReminderTask[], stage: ReminderModel["stage"]): ReminderModel => ({
  cutoffId: 1,
  cutoffAt: CUTOFF_AT,
  cutoffTitle: "Informatīvais ziņojums MK",
  institution: { id: 1, code: "LM", name: "Labklājības ministrija" },
  mentions: ["U0ANNA"],
  tasks,
  stage,
  now: "2027-02-02T08:00:00.000Z",
});

/** The text of task `number`'s section. */
const section = (m: ReminderModel, locale: "lv" | "en", number: string) =>
  blocksToText(
    renderReminder(m, locale, RIGA).blocks.filter(
      (b) => b.type === "section" && b.block_id === `task_${number}`,
    ),
  );

describe("a reminder's last reply received after the cut-off", () => {
  const tasks = [
    task("5", "2027-02-02T07:00:00.000Z"), // the next morning: late
    task("14", "2027-02-01T14:00:00.000Z"), // before the cut-off: in time
    task("18", CUTOFF_AT), // at the cut-off's very instant: in time, as /task judges it
    task("20", "2027-02-01T14:56:00.001Z", false), // a stranger's, a millisecond late
    task("21", null),
  ];
  const m = model(tasks, "passed");

  it("is marked as the digest and /task mark it (lv, en); one in time is not", () => {
    expect(section(m, "lv", "5")).toContain(
      "_Pēdējā atbilde (02.02.2027., <@U0ANNA>): izpildīts (pēc ziņošanas termiņa)_",
    );
    expect(section(m, "en", "5")).toContain(
      "_Last reply (2 Feb 2027, <@U0ANNA>): izpildīts (after the reporting cut-off)_",
    );
    for (const n of ["14", "18", "21"]) {
      expect(section(m, "lv", n)).not.toContain("pēc ziņošanas termiņa");
      expect(section(m, "en", n)).not.toContain("after the reporting cut-off");
    }
  });

  it("an unverified late reply carries both marks", () => {
    expect(section(m, "lv", "20")).toContain(
      "izpildīts (nepārbaudīta: autors nav institūcijas kontaktpersona) (pēc ziņošanas termiņa)_",
    );
  });

  it("is marked in the reminders posted in the thread too (follow-up, overdue)", () => {
    for (const stage of ["follow_up", "overdue"] as const)
      expect(section(model(tasks, stage), "lv", "5")).toContain("(pēc ziņošanas termiņa)");
  });
});

describe("a reminder's last reply after the cut-off to a task answered in time", () => {
  // LM answered 5 in time ("5: laikā"), then added to it the next morning: not late.
  const m = model(
    [{ ...task("5", "2027-02-02T07:00:00.000Z"), inTime: true }, task("14", CUTOFF_AT)],
    "passed",
  );

  it("is marked '(papildināts pēc ziņošanas termiņa)', never late (lv, en)", () => {
    expect(section(m, "lv", "5")).toContain(
      "_Pēdējā atbilde (02.02.2027., <@U0ANNA>): izpildīts (papildināts pēc ziņošanas termiņa)_",
    );
    expect(section(m, "lv", "5")).not.toContain("izpildīts (pēc ziņošanas termiņa)");
    expect(section(m, "en", "5")).toContain(
      "_Last reply (2 Feb 2027, <@U0ANNA>): izpildīts (supplemented after the reporting cut-off)_",
    );
  });

  it("a last reply in time carries no mark, answered in time or not", () => {
    expect(section(m, "lv", "14")).not.toContain("termiņa)");
    const inTime = model([{ ...task("14", CUTOFF_AT), inTime: true }], "passed");
    expect(section(inTime, "en", "14")).not.toContain("cut-off)");
  });
});

describe("the root re-rendered after its cut-off ('passed')", () => {
  it("says the cut-off has passed, never 'until' that time (lv, en)", () => {
    const m = model([task("5", null)], "passed");
    const lv = blocksToText(renderReminder(m, "lv", RIGA).blocks);
    expect(lv).toContain(
      "<@U0ANNA>, ziņošanas termiņš par LM uzdevumu izpildes gaitu (*pirmd. 01.02.2027. 16:56*, Informatīvais ziņojums MK) ir pagājis. Atbildes šajā pavedienā joprojām tiek saglabātas, bet tiek atzīmētas „pēc ziņošanas termiņa”.",
    );
    expect(lv).not.toContain("pagāja");
    expect(lv).not.toContain("līdz");
    const en = blocksToText(renderReminder(m, "en", RIGA).blocks);
    expect(en).toContain(
      "the reporting cut-off for the progress of LM's tasks (*Mon 1 Feb 2027 16:56*, Informatīvais ziņojums MK) has passed. Replies in this thread are still stored, but marked “after the reporting cut-off”.",
    );
    expect(en).not.toContain("by *");
    // Nobody mentioned: the sentence stands alone, capitalised.
    const alone = blocksToText(renderReminder({ ...m, mentions: [] }, "lv", RIGA).blocks);
    expect(alone).toContain("Ziņošanas termiņš par LM uzdevumu");
  });

  it("every task answered in time: replies now are supplements, not late (lv, en)", () => {
    const m = model(
      [
        { ...task("5", "2027-02-01T14:00:00.000Z"), inTime: true },
        { ...task("14", "2027-02-02T07:00:00.000Z"), inTime: true },
      ],
      "passed",
    );
    const lv = blocksToText(renderReminder(m, "lv", RIGA).blocks);
    expect(lv).toContain(
      "ir pagājis. Atbildes šajā pavedienā joprojām tiek saglabātas kā papildinājumi: visi šeit prasītie uzdevumi ir atbildēti laikā, tāpēc jaunas atbildes tiek atzīmētas „papildināts pēc ziņošanas termiņa”.",
    );
    expect(lv).not.toContain("„pēc ziņošanas termiņa”");
    expect(lv).not.toContain("(pēc ziņošanas termiņa)");
    const en = blocksToText(renderReminder(m, "en", RIGA).blocks);
    expect(en).toContain(
      "has passed. Replies in this thread are still stored, as supplements: every task asked here was answered in time, so new replies are marked “supplemented after the reporting cut-off”.",
    );
    expect(en).not.toContain("“after the reporting cut-off”");
  });

  it("some answered in time: says which mark goes to which (lv, en)", () => {
    const m = model(
      [{ ...task("5", "2027-02-01T14:00:00.000Z"), inTime: true }, task("14", null)],
      "passed",
    );
    expect(blocksToText(renderReminder(m, "lv", RIGA).blocks)).toContain(
      "ir pagājis. Atbildes šajā pavedienā joprojām tiek saglabātas: par laikā atbildētu uzdevumu tās tiek atzīmētas „papildināts pēc ziņošanas termiņa”, par pārējiem – „pēc ziņošanas termiņa”.",
    );
    expect(blocksToText(renderReminder(m, "en", RIGA).blocks)).toContain(
      "has passed. Replies in this thread are still stored: those to a task answered in time are marked “supplemented after the reporting cut-off”, those to the others “after the reporting cut-off”.",
    );
  });

  it("the first reminder (not passed) still asks 'līdz' the cut-off", () => {
    const lv = blocksToText(renderReminder(model([task("5", null)], "first"), "lv", RIGA).blocks);
    expect(lv).toContain("līdz *pirmd. 01.02.2027. 16:56*");
  });

  it("stays within Block Kit's limits with a long title, many mentions and 60 late replies", () => {
    const tasks = Array.from({ length: 60 }, (_, i) => ({
      ...task(String(i + 1), "2027-02-02T07:00:00.000Z", i % 2 === 0),
      title: "Ļoti garš nosaukums ".repeat(40),
    }));
    for (const t of tasks)
      if (t.lastReply) t.lastReply.text = `${t.number}: ${"garš teksts ".repeat(60)}`;
    const m: ReminderModel = {
      ...model(tasks, "passed"),
      cutoffTitle: "Ziņojums ".repeat(400),
      mentions: Array.from({ length: 200 }, (_, i) => `U0PERSON${i}`),
    };
    for (const locale of ["lv", "en"] as const) {
      const { blocks } = renderReminder(m, locale, RIGA);
      expect(validateBlocks(blocks, "message")).toEqual([]);
      for (const b of blocks)
        if (b.type === "section") expect(b.text?.text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
      // The mark survives on a task shown with the longest excerpt.
      expect(blocksToText(blocks)).toContain(
        locale === "lv" ? "(pēc ziņošanas termiņa)_" : "(after the reporting cut-off)_",
      );
    }
  });
});

describe("an overdue root re-rendered once every task it asked is answered", () => {
  const tasks = [task("5", "2027-02-02T07:00:00.000Z"), task("14", "2027-02-01T14:00:00.000Z")];
  it("says every task asked here is answered, not that it still waits (lv, en)", () => {
    const m = { ...model(tasks, "overdue"), allAnswered: true };
    const lv = blocksToText(renderReminder(m, "lv", RIGA).blocks);
    expect(lv).toContain(
      "<@U0ANNA>, ziņošanas termiņš (*pirmd. 01.02.2027. 16:56*) ir pagājis. Visi šeit prasītie uzdevumi ir atbildēti.",
    );
    expect(lv).not.toContain("Vēl gaidām");
    const en = blocksToText(renderReminder(m, "en", RIGA).blocks);
    expect(en).toContain(
      "the reporting cut-off (*Mon 1 Feb 2027 16:56*) has passed. Every task asked here has been answered.",
    );
    expect(en).not.toContain("still waiting");
    // Nobody mentioned: the sentence stands alone, capitalised.
    const alone = blocksToText(renderReminder({ ...m, mentions: [] }, "lv", RIGA).blocks);
    expect(alone).toContain("Ziņošanas termiņš (*pirmd. 01.02.2027. 16:56*) ir pagājis. Visi");
  });

  it("still waits while any is owed (allAnswered absent or false)", () => {
    for (const allAnswered of [undefined, false]) {
      const m = { ...model(tasks, "overdue"), ...(allAnswered === false && { allAnswered }) };
      const lv = blocksToText(renderReminder(m, "lv", RIGA).blocks);
      expect(lv).toContain("Vēl gaidām informāciju par šiem uzdevumiem.");
      expect(lv).not.toContain("Visi šeit prasītie");
    }
  });

  it("leaves the other stages' wording as it was (none of them says it waits)", () => {
    for (const stage of ["first", "passed"] as const) {
      const plain = blocksToText(renderReminder(model(tasks, stage), "lv", RIGA).blocks);
      const answered = { ...model(tasks, stage), allAnswered: true };
      expect(blocksToText(renderReminder(answered, "lv", RIGA).blocks)).toBe(plain);
      expect(plain).not.toContain("Vēl gaidām");
    }
  });
});
