import { describe, expect, it } from "vitest";
import type { Cutoff } from "../../db/cutoffs.ts";
import type { NamedReply } from "../../db/replies.ts";
import { formatReplies, replyJson, replyMarks } from "../../src/cli/replies.ts";
import {
  parseUpdateButton,
  parseUpdateMetadata,
  readUpdateForm,
  updateMetadata,
} from "../../src/replies/update.ts";
import { validateBlocks, validateView } from "../../src/slack/block-limits.ts";
import {
  ASSIGN_ACTION_PATTERN,
  excerpt,
  parseAssignValue,
  renderAssignPrompt,
  renderUnverified,
} from "../../src/slack/render-reply-prompt.ts";
import {
  renderUpdateConfirmation,
  renderUpdateModal,
  UpdateField,
} from "../../src/slack/render-update-modal.ts";
import { REPLY_JSON_FIELDS } from "../cli/reply-json-fields.ts";

const tasks = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    number: `${i + 1}`,
    title: `Uzdevums ${"ā".repeat(90)}`,
  }));

describe("the assign prompt", () => {
  it("puts at most 25 buttons in an actions block and stays within Slack's limits", () => {
    for (const count of [1, 25, 26, 60, 2000]) {
      const { blocks } = renderAssignPrompt({ id: 7, text: "Darbs turpinās" }, tasks(count), "lv");
      expect(validateBlocks(blocks, "message"), `${count} tasks`).toEqual([]);
      const actions = blocks.filter((b) => b.type === "actions");
      expect(actions.length).toBe(Math.min(Math.ceil(count / 25), 48));
    }
  });

  it("carries <replyId>:<number> in each button, read back by parseAssignValue", () => {
    const { blocks } = renderAssignPrompt({ id: 7, text: "" }, tasks(2), "en");
    const buttons = blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
    expect(buttons.map((b) => ("value" in b ? b.value : undefined))).toEqual(["7:1", "7:2"]);
    expect(buttons.every((b) => ASSIGN_ACTION_PATTERN.test(b.action_id ?? ""))).toBe(true);
    expect(parseAssignValue("7:10.1.2")).toEqual({ replyId: 7, number: "10.1.2" });
    expect(parseAssignValue("x:14")).toBeUndefined();
  });

  it("explains an unverified reply in both languages, naming the contacts", () => {
    expect(renderUnverified("LM", ["U1", "U2"], "lv").text).toContain("<@U1>, <@U2>");
    expect(renderUnverified("LM", [], "en").text).toContain("no contacts yet");
  });
});

describe("the update modal", () => {
  const model = {
    cutoffAt: "2027-02-01T21:59:59.999Z",
    institutionCode: "LM",
    task: { number: "10.1.2", title: "Ļoti garš nosaukums ".repeat(200) },
    privateMetadata: updateMetadata({ cutoffId: 3, institutionId: 14, number: "10.1.2" }),
  };

  it("is a valid modal in both languages", () => {
    for (const locale of ["lv", "en"] as const)
      expect(validateView(renderUpdateModal(model, locale, "Europe/Riga"))).toEqual([]);
  });

  it("round-trips its button value and private_metadata, refusing forgeries", () => {
    expect(parseUpdateButton("3:14:10.1.2")).toEqual({
      cutoffId: 3,
      institutionId: 14,
      number: "10.1.2",
    });
    expect(parseUpdateMetadata(model.privateMetadata)).toEqual(parseUpdateButton("3:14:10.1.2"));
    for (const bad of [
      "",
      "{",
      '{"cutoffId":"3"}',
      '{"cutoffId":3,"institutionId":1,"number":"x"}',
    ])
      expect(parseUpdateMetadata(bad)).toBeUndefined();
  });

  const form = (status: string | null, text: string | null) => ({
    [UpdateField.status.block]: {
      [UpdateField.status.action]: { selected_option: status ? { value: status } : null },
    },
    [UpdateField.text.block]: { [UpdateField.text.action]: { value: text } },
  });

  it("takes a status alone, text alone, or both; neither, or too long a text, is refused", () => {
    expect(readUpdateForm(form("no_change", null))).toEqual({
      ok: true,
      form: { status: "no_change", text: "" },
    });
    expect(readUpdateForm(form(null, "  Pabeigts  "))).toEqual({
      ok: true,
      form: { status: null, text: "Pabeigts" },
    });
    expect(readUpdateForm(form(null, "   "))).toEqual({
      ok: false,
      errors: { [UpdateField.text.block]: "text_or_status" },
    });
    expect(readUpdateForm(form("forged", null))).toMatchObject({ ok: false });
    expect(readUpdateForm(form("done", "x".repeat(3001)))).toEqual({
      ok: false,
      errors: { [UpdateField.text.block]: "too_long" },
    });
  });

  it("confirms in the thread with a valid message, marking an unverified sender", () => {
    const update = {
      userId: "U1",
      number: "14",
      status: "partial" as const,
      text: "ā".repeat(5000),
      verified: false,
    };
    const { blocks, text } = renderUpdateConfirmation(update, "lv");
    expect(validateBlocks(blocks, "message")).toEqual([]);
    expect(JSON.stringify(blocks)).toContain("Izpildīts daļēji");
    expect(JSON.stringify(blocks)).toContain("nepārbaudīts");
    expect(text).toBe("Atjauninājums par uzdevumu 14");
  });
});

describe("replies --cutoff", () => {
  const cutoff: Cutoff = {
    id: 3,
    programmeId: 1,
    at: "2027-02-01T21:59:59.999Z",
    title: "Informatīvais ziņojums MK",
    taskNumbers: null,
    createdBy: "U0SEC",
  };
  const reply: NamedReply = {
    id: 1,
    cutoffId: 3,
    institutionId: 14,
    taskId: null,
    channelId: "C0LM",
    ts: "1.1",
    threadTs: "1.0",
    userId: "U0ANNA",
    text: "Darbs\nturpinās 👍🏽",
    files: [{ name: "a.pdf", url: "https://f/a.pdf" }],
    statusClaim: null,
    verified: false,
    source: "event",
    receivedAt: "2027-01-15T08:30:00.000Z",
    storedAt: "2027-01-15T08:30:00.000Z",
    editedAt: null,
    withdrawnAt: "2027-01-16T08:30:00.000Z",
    institutionCode: "LM",
    taskNumber: null,
  };

  it("lists replies in Riga time, in the app's date style, with their state", () => {
    const text = formatReplies(cutoff, [reply], "Europe/Riga", "en");
    expect(text).toContain(
      "Cut-off #3: Informatīvais ziņojums MK (Mon 1 Feb 2027 23:59) – 0 replies, 1 withdrawn",
    );
    expect(text).toMatch(/^Institution +Task +Author +Verified +Status +Received +Text$/m);
    expect(text).toMatch(
      /^LM +unassigned +U0ANNA +unverified +- +Fri 15 Jan 2027 10:30 +\[withdrawn\]$/m,
    );
    expect(formatReplies(cutoff, [], "Europe/Riga", "en")).toContain("No replies yet.");
    // Withdrawn: marked only, its text, files and claim not shown; the live one in full.
    const live = { ...reply, id: 2, withdrawnAt: null, statusClaim: "done" };
    const both = formatReplies(
      cutoff,
      [{ ...reply, statusClaim: "done", editedAt: "2027-01-15T09:00:00.000Z" }, live],
      "Europe/Riga",
      "en",
    );
    expect(both).toMatch(
      /^LM +unassigned +U0ANNA +unverified +- +Fri 15 Jan 2027 10:30 +\[withdrawn\] \[edited\]$/m,
    );
    expect(both).toMatch(
      /unverified +done +Fri 15 Jan 2027 10:30 +Darbs turpinās 👍🏽 \[a\.pdf\]$/m,
    );
    expect(both.match(/Darbs/g)).toHaveLength(1);
  });

  it("lists them in Latvian, the CLI's default", () => {
    const text = formatReplies(cutoff, [reply, { ...reply, id: 2 }], "Europe/Riga", "lv");
    expect(text).toContain(
      "Ziņošanas termiņš #3: Informatīvais ziņojums MK (pirmd. 01.02.2027. 23:59) – 0 atbildes, 2 atsauktas",
    );
    expect(text).toMatch(/^Institūcija +Uzdevums +Autors +Pārbaude +Statuss +Saņemta +Teksts$/m);
    expect(text).toMatch(
      /^LM +bez uzdevuma +U0ANNA +nepārbaudīta +- +piektd\. 15\.01\.2027\. 10:30 +\[atsaukta\]$/m,
    );
    expect(formatReplies(cutoff, [reply], "Europe/Riga", "lv")).toContain(
      "– 0 atbildes, 1 atsaukta",
    );
    expect(formatReplies(cutoff, [{ ...reply, withdrawnAt: null }], "Europe/Riga", "lv")).toContain(
      "– 1 atbilde\n",
    );
    expect(formatReplies(cutoff, [], "Europe/Riga", "lv")).toContain(
      "– 0 atbildes\nAtbilžu vēl nav.",
    );
  });

  it("prints the full object as JSON", () => {
    const marks = replyMarks(cutoff, [reply])(reply);
    expect(Object.keys(replyJson(reply, marks))).toEqual([...REPLY_JSON_FIELDS]);
    // A contract: --json keeps UTC ISO-8601 instants whatever the text listing shows.
    expect(replyJson(reply, marks).receivedAt).toBe("2027-01-15T08:30:00.000Z");
    expect(replyJson(reply, marks).withdrawnAt).toBe("2027-01-16T08:30:00.000Z");
  });
});

describe("a reply's excerpt in notes to its author", () => {
  it("is escaped once, as Slack sent it, a broadcast silenced, never cut inside a code", () => {
    expect(excerpt("R&amp;D, 5 &lt; 6 <!here>")).toBe("R&amp;D, 5 &lt; 6 @here");
    const long = `${"vārds ".repeat(40)}<https://lm.gov.lv/a|saite>`;
    const cut = excerpt(long, 250);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut).not.toContain("<https");
  });
});
