/**
 * The admin commands read numbers typed in another script's digits as ASCII ones, as `/task
 * ١٤` does since dcbd119 (src/domain/ascii-digits.ts): `/cutoff`'s ids, dates, times and
 * `--tasks`, `/session`'s date, time and id, `/institution away`'s date (commands/args.ts,
 * cutoff-parse.ts); so too the separators other keyboards type ("：", "．", "٫", "،", "，").
 * Titles, names and the echo of a mistake keep the digits and separators as typed.
 */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { readDate, readId, resolveDate } from "../../commands/args.ts";
import { parse as parseCutoff, readCutoffTime } from "../../commands/cutoff-parse.ts";
import { parse as parseInstitution } from "../../commands/institution-parse.ts";
import { parse as parseSession } from "../../commands/session-parse.ts";
import { anyDecimalSystem, inDigits } from "../helpers/any-digits.ts";

describe("/cutoff", () => {
  it("reads ids in any script's digits", () => {
    expect(parseCutoff("plan ٣")).toEqual({ kind: "plan", id: 3 });
    expect(parseCutoff("plan #۳")).toEqual({ kind: "plan", id: 3 });
    expect(parseCutoff("remove १२")).toEqual({ kind: "remove", id: 12 });
    expect(parseCutoff("move ٣ ٢٠٢٧-٠٢-٠١")).toEqual({
      kind: "move",
      id: 3,
      date: { kind: "date", date: "2027-02-01" },
      time: null,
    });
  });

  it("reads --tasks, a date and a time in them; the title as typed", () => {
    expect(parseCutoff("add ٠١.٠٢.٢٠٢٧ ١٢:٠٠ --tasks ١٤,١٠.١.٢, ٠١٩ Sēde ١٤")).toEqual({
      kind: "add",
      date: { kind: "date", date: "2027-02-01" },
      time: { hour: 12, minute: 0 },
      title: "Sēde ١٤",
      tasks: ["14", "10.1.2", "19"],
    });
    expect(parseCutoff("add 2027-02-01 --time=plkst.٩.٣٠ X")).toMatchObject({
      kind: "add",
      time: { hour: 9, minute: 30 },
    });
    expect(readCutoffTime("٠٦:١٠:٣٠")).toEqual({ hour: 6, minute: 10, second: 30 });
  });

  // A fresh user's finding: separators typed on other keyboards were not read.
  it("reads --tasks, a date and a time with other separators; the title as typed", () => {
    expect(parseCutoff("add ٠١٫٠٢٫٢٠٢٧ ١٢：٠٠ --tasks ١٤، ١٠٫١٫٢، ٠١٩ Sēde ١٤، ١٥")).toEqual({
      kind: "add",
      date: { kind: "date", date: "2027-02-01" },
      time: { hour: 12, minute: 0 },
      title: "Sēde ١٤، ١٥",
      tasks: ["14", "10.1.2", "19"],
    });
    expect(parseCutoff("add ２０２７-０２-０１ --tasks=５，１４，１３．３ X")).toMatchObject({
      kind: "add",
      tasks: ["5", "14", "13.3"],
      title: "X",
    });
    expect(parseCutoff("add 2027-02-01 --tasks 5، 14 X")).toMatchObject({ tasks: ["5", "14"] });
    expect(parseCutoff("add 2027-02-01 --tasks ５， １４ X")).toMatchObject({ tasks: ["5", "14"] });
    expect(readCutoffTime("plkst． ９．３０")).toEqual({ hour: 9, minute: 30 });
    expect(readCutoffTime("٠٦：١٠：٣٠")).toEqual({ hour: 6, minute: 10, second: 30 });
  });

  it("echoes a mistake typed with other keyboards' separators as typed", () => {
    const mistake = (text: string) => {
      const input = parseCutoff(text);
      return input.kind === "invalid" ? input.mistake : input;
    };
    expect(mistake("add 2027-02-01 --tasks ١٤،x X")).toEqual({
      reason: "bad_tasks",
      input: "١٤،x",
    });
    expect(mistake("add 2027-02-01 --tasks ١٤، x X")).toEqual({
      reason: "bad_tasks",
      input: "١٤،x",
    });
    expect(mistake("add 2027-02-01 ٢٥：٦١ X")).toEqual({ reason: "bad_time", input: "٢٥：٦١" });
    expect(mistake("add ３１．０２．２０２７ X")).toEqual({
      reason: "bad_date",
      input: "３１．０２．２０２７",
      error: "invalid_date",
    });
  });

  it("echoes a mistake with its digits as typed", () => {
    const mistake = (text: string) => {
      const input = parseCutoff(text);
      return input.kind === "invalid" ? input.mistake : input;
    };
    expect(mistake("plan ٣x")).toEqual({ reason: "bad_id", input: "٣x", sub: "plan" });
    expect(mistake("add 2027-02-01 --tasks ١٤,x X")).toEqual({
      reason: "bad_tasks",
      input: "١٤,x",
    });
    expect(mistake("add 2027-02-01 ٢٥:٦١ X")).toEqual({ reason: "bad_time", input: "٢٥:٦١" });
    expect(mistake("add ٣١.٠٢.٢٠٢٧ X")).toEqual({
      reason: "bad_date",
      input: "٣١.٠٢.٢٠٢٧",
      error: "invalid_date",
    });
    expect(mistake("add 2027-02-01 Sēde ١٢:٠٠")).toEqual({
      reason: "time_after_title",
      input: "١٢:٠٠",
      example: "/cutoff add 2027-02-01 ١٢:٠٠ Sēde",
    });
    expect(mistake("plan ٣ ٤")).toEqual({ reason: "extra", text: "٤" });
  });

  it("reads any id, task list and time in any script's digits and separators as in ASCII", () => {
    fc.assert(
      fc.property(
        anyDecimalSystem,
        fc.integer({ min: 1, max: 999_999_999 }),
        fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(":", "："),
        fc.constantFrom(",", "،", "，", ", ", "، ", "， "),
        (nu, id, tasks, hour, minute, colon, comma) => {
          const write = (n: number, width?: number) => inDigits(nu, n, width);
          expect(parseCutoff(`plan #${write(id)}`)).toEqual(parseCutoff(`plan #${id}`));
          const time = `${write(hour)}${colon}${write(minute, 2)}`;
          const list = tasks.map((n) => write(n)).join(comma);
          const typed = `add 2027-02-01 ${time} --tasks ${list} T`;
          const ascii = `add 2027-02-01 ${hour}:${String(minute).padStart(2, "0")} --tasks ${tasks.join(",")} T`;
          expect(parseCutoff(typed)).toEqual(parseCutoff(ascii));
        },
      ),
    );
  });
});

describe("/session", () => {
  it("reads the date, the time and an id in any script's digits; the title as typed", () => {
    expect(parseSession("add ١٠.١٢.٢٠٢٦ ١٤:٠٠ Sēde ٥")).toEqual({
      kind: "add",
      date: { kind: "date", date: "2026-12-10" },
      time: { hour: 14, minute: 0 },
      title: "Sēde ٥",
    });
    expect(parseSession("remove #٢")).toEqual({ kind: "remove", id: 2 });
  });

  it("reads the date and the time with other keyboards' separators", () => {
    expect(parseSession("add １０．１２．２０２６ １４：００ Sēde：plāns")).toEqual({
      kind: "add",
      date: { kind: "date", date: "2026-12-10" },
      time: { hour: 14, minute: 0 },
      title: "Sēde：plāns",
    });
    expect(parseSession("add ١٠٫١٢٫٢٠٢٦ ٢٥：٠٠")).toEqual({
      kind: "invalid",
      mistake: { reason: "bad_time", input: "٢٥：٠٠" },
    });
  });

  it("echoes a mistake as typed", () => {
    expect(parseSession("remove ٢x")).toEqual({
      kind: "invalid",
      mistake: { reason: "bad_id", input: "٢x" },
    });
    expect(parseSession("add 2026-12-10 ٢٥:٠٠")).toEqual({
      kind: "invalid",
      mistake: { reason: "bad_time", input: "٢٥:٠٠" },
    });
  });
});

describe("/institution away", () => {
  it("reads the date in any script's digits; a mistake echoed as typed", () => {
    expect(parseInstitution("away <@U0JANIS|janis> ١٥.٠١.٢٠٢٧")).toEqual({
      kind: "away",
      userId: "U0JANIS",
      until: { kind: "date", date: "2027-01-15" },
    });
    expect(parseInstitution("away <@U0JANIS> ٣١.٠٢.٢٠٢٧")).toEqual({
      kind: "invalid",
      mistake: { reason: "bad_date", input: "٣١.٠٢.٢٠٢٧", error: "invalid_date" },
    });
  });

  it("reads the date with other keyboards' separators; a mistake echoed as typed", () => {
    expect(parseInstitution("away <@U0JANIS> １５．０１．２０２７")).toEqual({
      kind: "away",
      userId: "U0JANIS",
      until: { kind: "date", date: "2027-01-15" },
    });
    expect(parseInstitution("away <@U0JANIS> ٣١٫٠٢٫٢٠٢٧")).toEqual({
      kind: "invalid",
      mistake: { reason: "bad_date", input: "٣١٫٠٢٫٢٠٢٧", error: "invalid_date" },
    });
  });

  it("keeps a code's digits as typed (a code is a name, not a number)", () => {
    expect(parseInstitution("ĀM٢")).toEqual({ kind: "show", query: "ĀM٢" });
  });
});

describe("commands/args.ts", () => {
  it("reads ids and dates in any script's digits", () => {
    expect(readId("٤٢")).toBe(42);
    expect(readId("𝟒𝟐")).toBe(42);
    expect(readId("٠")).toBeNull();
    expect(readDate("٢٠٢٧. gada ١. februārī")).toEqual({
      ok: true,
      spec: { kind: "date", date: "2027-02-01" },
    });
  });

  it("keeps a relative date as typed and dates it alike", () => {
    const read = readDate("١.٠٢.");
    expect(read).toEqual({ ok: true, spec: { kind: "relative", text: "١.٠٢." } });
    if (!read.ok) return;
    const now = DateTime.fromISO("2026-11-29T12:00:00Z");
    expect(resolveDate(read.spec, "Europe/Riga", now)).toBe(
      resolveDate({ kind: "relative", text: "1.02." }, "Europe/Riga", now),
    );
  });
});
