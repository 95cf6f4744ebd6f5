/**
 * The reply notes' words for a heading named in a reminder for its sub-tasks and for the
 * "asked elsewhere" pointer, pure (src/slack/render-reply-prompt.ts): the filed note names the
 * sub-tasks without "choose below" (it has no buttons), several sub-tasks are listed, and the
 * assign prompt's preview says "saved" once beside the pointer.
 */
import { describe, expect, it } from "vitest";
import { renderAssignPrompt, renderFiledNote } from "../../src/slack/render-reply-prompt.ts";

const tasks = ["5", "13.1", "13.3"].map((number) => ({ number, title: `Uzdevums ${number}` }));

describe("a heading named in a reminder for its sub-tasks", () => {
  it("the filed note names the sub-task, with no 'choose below' (lv)", () => {
    const note = renderFiledNote(
      {
        reply: { id: 7, text: "5: darīts; 13: arī" },
        taskNumber: "5",
        unfiled: [],
        headings: [{ heading: "13", subTasks: ["13.3"] }],
        inferred: false,
        tasks,
      },
      "lv",
    );
    expect(note.text).toBe(
      "✅ Atbilde pievienota uzdevumam *5*. *13* ir virsraksts, nevis uzdevums; šajā atgādinājumā ir tā apakšuzdevums *13.3* — sāciet atbildi ar „13.3: …”. Par katru uzdevumu, lūdzu, rakstiet atsevišķu atbildi.",
    );
  });

  it("the assign prompt lists several sub-tasks (en)", () => {
    const prompt = renderAssignPrompt({ id: 7, text: "13: done" }, tasks, "en", [], [], "", [], {
      headings: [{ heading: "13", subTasks: ["13.1", "13.3"] }],
    });
    expect(prompt.text).toBe(
      '*13* is a heading, not a task; this reminder asks about its sub-tasks *13.1* and *13.3* — start your reply with one of their numbers (e.g. "13.1: …") or choose one below. The reply is saved but not yet attached to any task. Which task is this reply about?',
    );
  });
});

describe("the assign prompt with the 'asked elsewhere' pointer", () => {
  it("says saved once, in the section and the preview alike", () => {
    const elsewhere = "Uzdevums *14* tiek prasīts termiņa #2 atgādinājumā — lūdzu, atbildiet tur.";
    const prompt = renderAssignPrompt({ id: 7, text: "14: a" }, tasks, "lv", ["14"], [], "", [], {
      elsewhere,
    });
    const said = `Uzdevuma *14* šajā atgādinājumā nav. ${elsewhere} Atbilde ir saglabāta, bet vēl nav pievienota nevienam uzdevumam. Pie kura uzdevuma pievienot šo atbildi?`;
    expect(prompt.text).toBe(said);
    expect(prompt.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: said } });
  });
});
