import { describe, expect, it } from "vitest";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { renderAssignPrompt, renderFiledNote } from "../../src/slack/render-reply-prompt.ts";

const tasks = ["2", "5", "14"].map((number) => ({ number, title: `Uzdevums ${number}` }));
const reply = { id: 7, text: "2: izpildīts; 5: izpildīts; 14: izpildīts" };

describe("renderFiledNote", () => {
  it("names the task it was filed under and those that did not get it, in English too", () => {
    const note = renderFiledNote(
      { reply, taskNumber: "2", unfiled: ["5", "14"], inferred: false, tasks },
      "en",
    );
    expect(note.text).toBe(
      'Your reply names several tasks but was filed under task *2* only: tasks *5* and *14* did not get it. Please send one reply per task, starting with its number (e.g. "5: …").',
    );
    expect(validateBlocks(note.blocks, "message")).toEqual([]);
    expect(note.blocks.some((b) => b.type === "actions")).toBe(false);
  });

  it("names the task it was filed under and the listed numbers not in this reminder", () => {
    const note = renderFiledNote(
      { reply, taskNumber: "2", unfiled: [], notInReminder: ["99"], inferred: false, tasks },
      "en",
    );
    expect(note.text).toBe(
      "✅ Reply attached to task *2*. Task *99* is not in this reminder. Please write a separate reply for each task.",
    );
    expect(note.blocks.some((b) => b.type === "actions")).toBe(false);
  });

  it("names the numbers that are no task of the programme apart from those not in the reminder", () => {
    const note = renderFiledNote(
      {
        reply,
        taskNumber: "2",
        unfiled: [],
        notInReminder: ["3"],
        notInProgramme: ["150"],
        inferred: false,
        tasks,
      },
      "lv",
    );
    expect(note.text).toBe(
      "✅ Atbilde pievienota uzdevumam *2*. Uzdevuma *3* šajā atgādinājumā nav. Uzdevuma *150* programmā nav. Par katru uzdevumu, lūdzu, rakstiet atsevišķu atbildi.",
    );
    const only = renderFiledNote(
      {
        reply,
        taskNumber: "2",
        unfiled: [],
        notInProgramme: ["150", "151"],
        inferred: false,
        tasks,
      },
      "en",
    );
    expect(only.text).toBe(
      "✅ Reply attached to task *2*. There are no tasks *150* and *151* in the programme. Please write a separate reply for each task.",
    );
  });

  it("for a guess: a button per other task and the edit hint", () => {
    const note = renderFiledNote(
      {
        reply: { id: 7, text: "Darbs turpinās" },
        taskNumber: "14",
        unfiled: [],
        inferred: true,
        tasks,
      },
      "en",
    );
    expect(note.text).toBe(
      'Your reply names no task number, so it was filed under task *14*. If it is about another task, choose it below or edit your message to start with that task\'s number (e.g. "2: …").',
    );
    expect(validateBlocks(note.blocks, "message")).toEqual([]);
    const values = note.blocks.flatMap((b) =>
      b.type === "actions" ? b.elements.map((e) => ("value" in e ? e.value : "")) : [],
    );
    expect(values).toEqual(["7:2", "7:5"]);
  });

  it.each([
    [
      "lv",
      "Jūsu atbildē nav uzdevuma numura, tāpēc tā saglabāta pie uzdevuma *14*. Tas ir vienīgais institūcijas uzdevums šajā atgādinājumā. Ja atbilde nav par to, izdzēsiet ziņu: tā tiks atsaukta.",
    ],
    [
      "en",
      "Your reply names no task number, so it was filed under task *14*. It is the institution's only task in this reminder. If the reply is not about it, delete your message: the reply is then withdrawn.",
    ],
  ] as const)(
    "for a guess in a one-task reminder (%s): how to take it back, no buttons",
    (locale, text) => {
      const note = renderFiledNote(
        {
          reply: { id: 7, text: "Darbs turpinās" },
          taskNumber: "14",
          unfiled: [],
          inferred: true,
          tasks: tasks.filter((t) => t.number === "14"),
        },
        locale,
      );
      expect(note.text).toBe(text);
      expect(note.blocks.some((b) => b.type === "actions")).toBe(false);
    },
  );
});

describe("renderAssignPrompt for a reply naming several tasks", () => {
  it("says none of them got it before the question", () => {
    const prompt = renderAssignPrompt({ id: 7, text: "2, 5: abi" }, tasks, "en", [], ["2", "5"]);
    expect(prompt.text).toBe(
      'Your reply names several tasks (*2* and *5*), so it was saved without a task and none of them got it. Please send one reply per task, starting with its number (e.g. "2: …"), or attach this one to one of them. Which task is this reply about?',
    );
  });

  it("an edit left under its task: the preview asks nothing, says nothing saved again", () => {
    const kept = "Jūsu labotā atbilde joprojām ir pievienota uzdevumam *5*.";
    const prompt = renderAssignPrompt({ id: 7, text: "99: x" }, tasks, "lv", ["99"], [], kept, [], {
      filed: true,
    });
    expect(prompt.text).toBe(`Uzdevuma *99* šajā atgādinājumā nav. ${kept}`);
  });
});

describe("renderAssignPrompt for a reply naming no task", () => {
  it("says the reply is saved before the question, in the section and the fallback", () => {
    const prompt = renderAssignPrompt({ id: 7, text: "Darbs turpinās" }, tasks, "lv");
    const said =
      "Atbilde ir saglabāta, bet vēl nav pievienota nevienam uzdevumam. Pie kura uzdevuma pievienot šo atbildi?";
    expect(prompt.text).toBe(said);
    expect(prompt.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: said } });
  });
});
