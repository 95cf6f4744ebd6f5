/**
 * `npm run cli -- replies --cutoff N` as a table: a row of column headings (in the console's
 * language) above the replies, each column as wide as its widest cell, the heading included.
 */
import { describe, expect, it } from "vitest";
import type { Cutoff } from "../../db/cutoffs.ts";
import type { NamedReply } from "../../db/replies.ts";
import { formatReplies } from "../../src/cli/replies.ts";

const cutoff = {
  id: 3,
  title: "Informatīvais ziņojums MK",
  at: "2027-02-01T21:59:00.000Z",
} as Cutoff;
const reply: NamedReply = {
  id: 1,
  cutoffId: 3,
  institutionId: 14,
  taskId: 40,
  channelId: "C0LM",
  ts: "1.1",
  threadTs: "1.0",
  userId: "U0ANNA",
  text: "Grozījumi pieņemti",
  files: [],
  statusClaim: "done",
  verified: true,
  source: "event",
  receivedAt: "2027-01-15T08:30:00.000Z",
  storedAt: "2027-01-15T08:30:00.000Z",
  editedAt: null,
  withdrawnAt: null,
  institutionCode: "LM",
  taskNumber: "14",
};

describe("replies' table", () => {
  it("has column headings, aligned with the cells (lv)", () => {
    const lines = formatReplies(cutoff, [reply], "Europe/Riga", "lv").split("\n");
    expect(lines[1]).toBe(
      "Institūcija  Uzdevums  Autors  Pārbaude    Statuss  Saņemta                    Teksts",
    );
    expect(lines[2]).toBe(
      "LM           14        U0ANNA  pārbaudīta  done     piektd. 15.01.2027. 10:30  Grozījumi pieņemti",
    );
  });

  it("in English with --lang en", () => {
    const lines = formatReplies(cutoff, [reply], "Europe/Riga", "en").split("\n");
    expect(lines[1]).toBe(
      "Institution  Task  Author  Verified  Status  Received               Text",
    );
    expect(
      lines[2]?.startsWith("LM           14    U0ANNA  verified  done    Fri 15 Jan 2027"),
    ).toBe(true);
  });

  it("names the author and shows the text as /task N does: without its task's number", () => {
    const numbered = { ...reply, text: "14. punkts: Grozījumi pieņemti, sk. <@U0ANNA>" };
    const names = new Map([["U0ANNA", "anna.berzina"]]);
    const lv = formatReplies(cutoff, [numbered], "Europe/Riga", "lv", names).split("\n");
    expect(lv[2]).toBe(
      "LM           14        @anna.berzina  pārbaudīta  done     piektd. 15.01.2027. 10:30  Grozījumi pieņemti, sk. @anna.berzina",
    );
    const en = formatReplies(cutoff, [numbered], "Europe/Riga", "en", names).split("\n");
    expect(en[2]?.startsWith("LM           14    @anna.berzina  verified")).toBe(true);
    expect(en[2]?.endsWith("  Grozījumi pieņemti, sk. @anna.berzina")).toBe(true);
    // A prefix naming another task than the one it is filed under is part of what was said.
    const other = { ...reply, text: "5: par citu" };
    expect(formatReplies(cutoff, [other], "Europe/Riga", "en", names)).toContain(
      "@anna.berzina  verified  done    Fri 15 Jan 2027 10:30  5: par citu",
    );
    // Nobody named: the ID, as before.
    expect(formatReplies(cutoff, [other], "Europe/Riga", "en")).toContain("U0ANNA  verified");
  });

  it("counts the current replies in its heading, the withdrawn apart (listed, marked)", () => {
    const gone = { ...reply, id: 2, ts: "1.2", withdrawnAt: "2027-01-16T08:00:00.000Z" };
    const one = formatReplies(cutoff, [reply, gone], "Europe/Riga", "lv").split("\n");
    expect(one[0]).toMatch(/ – 1 atbilde, 1 atsaukta$/u);
    expect(one.filter((l) => l.includes("[atsaukta]"))).toHaveLength(1);
    const two = formatReplies(cutoff, [reply, gone, { ...gone, id: 3 }], "Europe/Riga", "lv");
    expect(two.split("\n")[0]).toMatch(/ – 1 atbilde, 2 atsauktas$/u);
    const en = formatReplies(cutoff, [reply, gone], "Europe/Riga", "en");
    expect(en.split("\n")[0]).toMatch(/ – 1 reply, 1 withdrawn$/u);
    // None withdrawn: the count alone, as before.
    expect(formatReplies(cutoff, [reply], "Europe/Riga", "lv").split("\n")[0]).toMatch(
      / – 1 atbilde$/u,
    );
  });

  it("no replies: no headings, just the note", () => {
    expect(formatReplies(cutoff, [], "Europe/Riga", "en").split("\n")[1]).toBe("No replies yet.");
  });
});
