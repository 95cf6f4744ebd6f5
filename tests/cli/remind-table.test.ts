/**
 * `remind --cutoff <id> --now` prints a table, not bare rows (a fresh user's low: only
 * "IZM  pēc termiņa  nosūtīts"): a header row, one line per institution in its columns, and a
 * one-line summary, lv and en. `--json` prints the results as before (no header, no summary).
 */
import { describe, expect, it } from "vitest";
import { remindLines, remindTable } from "../../src/cli/remind.ts";

const one = [{ institution: "IZM", kind: "overdue", result: "sent" }];
const three = [
  { institution: "IEM", kind: "before-P7D", result: "no_mapping" },
  { institution: "IZM", kind: "overdue", result: "sent" },
  { institution: "LM", kind: "overdue", result: "all_answered" },
];

describe("remind --now's table", () => {
  it("has a header row over the lines and a summary under them (lv)", () => {
    const table = remindTable(one, "lv");
    expect(table).toEqual([
      "Institūcija  Atgādinājums  Iznākums",
      "IZM          pēc termiņa   nosūtīts",
      "Kopā 1 institūcija: 1 nosūtīts.",
    ]);
  });

  it("counts sent, needing no sending and without a channel (lv, en), columns aligned", () => {
    const lv = remindTable(three, "lv");
    expect(lv[0]).toMatch(/^Institūcija {2}Atgādinājums +Iznākums$/);
    expect(lv.at(-1)).toBe("Kopā 3 institūcijas: 1 nosūtīts, 1 nebija jāsūta, 1 bez kanāla.");
    const en = remindTable(three, "en");
    expect(en.at(-1)).toBe(
      "In all, 3 institutions: 1 sent, 1 needed no sending, 1 without a channel.",
    );
    // A failure is counted apart from no channel.
    const four = [...three, { institution: "VP", kind: "overdue", result: "channel_not_found" }];
    expect(remindTable(four, "lv").at(-1)).toBe(
      "Kopā 4 institūcijas: 1 nosūtīts, 1 nebija jāsūta, 1 bez kanāla, 1 nav nosūtīts.",
    );
    // The outcome column starts where the header's "Outcome" does, on every row.
    const at = (en[0] ?? "").indexOf("Outcome");
    for (const row of en.slice(1, -1)) {
      expect(row.slice(at - 2, at)).toBe("  ");
      expect(row[at]).not.toBe(" ");
    }
  });

  it("leaves the bare lines (remindLines) as they were", () => {
    expect(remindLines(one, "lv")).toEqual(["IZM          pēc termiņa  nosūtīts"]);
  });
});
