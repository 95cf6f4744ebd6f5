/**
 * The assign prompt a reply without a task number gets (in a reminder with several open tasks,
 * once the institution has answered by number) says the same in English as in Latvian: the
 * number is missing, the reply is kept unattached, nothing to do if it is no answer, which task.
 */
import { describe, expect, it } from "vitest";
import { replyText } from "../../src/i18n/reply.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { renderAssignPrompt } from "../../src/slack/render-reply-prompt.ts";

const tasks = [
  { number: "5", title: "Grozījumi" },
  { number: "14", title: "Ziņojums" },
];
const prompt = (locale: "lv" | "en") =>
  blocksToText(
    renderAssignPrompt(
      { id: 1, text: "Paldies, atbildēsim rīt." },
      tasks,
      locale,
      [],
      [],
      replyText(locale).noNumberUnassigned,
    ).blocks,
  );

describe("no-number prompt (lv/en alike)", () => {
  it("explains the missing number and that nothing is needed if it is no answer", () => {
    expect(prompt("lv")).toContain("Jūsu ziņā nav uzdevuma numura");
    expect(prompt("lv")).toContain("Ja tā nav atbilde par kādu uzdevumu, nekas nav jādara.");
    expect(prompt("en")).toContain(
      "Your message names no task number, so it is kept but not attached to any task.",
    );
    expect(prompt("en")).toContain(
      "If it is not an answer about a task, nothing needs to be done.",
    );
    expect(prompt("en")).toContain("Which task is this reply about?");
  });
});
