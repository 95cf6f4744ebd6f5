/**
 * Every command parser a user's text reaches, fed arbitrary text (any Unicode, Slack's
 * escapes, near-misses built from the real vocabulary): none throws, each returns one of its
 * documented kinds, and the `/task` reading keeps its promises (numbers normalised, long text
 * refused by length).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseCalendar } from "../../commands/calendar.ts";
import { parse as parseCutoff, readCutoffTime } from "../../commands/cutoff-parse.ts";
import { parse as parseDigest } from "../../commands/digest.ts";
import { parse as parseExport } from "../../commands/export.ts";
import { parse as parseInstitution } from "../../commands/institution-parse.ts";
import { parse as parseProgramme } from "../../commands/programme.ts";
import { parse as parseRole } from "../../commands/role.ts";
import { parse as parseSession } from "../../commands/session-parse.ts";
import { parse as parseTask, TASK_ARG_MAX } from "../../commands/task.ts";
import { parseHistory } from "../../commands/task-history.ts";
import { parseSet } from "../../commands/task-set.ts";
import { userText } from "./arbitraries.ts";

const PARSERS: Array<[string, (text: string) => { kind: string }]> = [
  ["/task", parseTask],
  ["/cutoff", parseCutoff],
  ["/institution", parseInstitution],
  ["/session", parseSession],
  ["/role", parseRole],
  ["/digest", parseDigest],
  ["/export", parseExport],
  ["/programme", parseProgramme],
  ["/calendar", parseCalendar],
];

describe.each(PARSERS)("%s parse", (_name, parse) => {
  it("never throws and returns a typed input or a typed mistake", () => {
    fc.assert(
      fc.property(userText, (text) => {
        const input = parse(text);
        expect(typeof input.kind).toBe("string");
        expect(JSON.parse(JSON.stringify(input))).toEqual(input);
      }),
      { numRuns: 400 },
    );
  });
});

describe("/task sub-readings", () => {
  it("`set` and `history` never throw", () => {
    fc.assert(
      fc.property(userText, (text) => {
        const set = parseSet(text);
        expect(typeof set.ok).toBe("boolean");
        const history = parseHistory(text);
        expect(history === null || history.kind === "history").toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("reads any task number, however it is decorated, as the programme writes it", () => {
    const number = fc
      .array(fc.integer({ min: 0, max: 9999 }), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.map(String));
    const decoration = fc.constantFrom(
      ["", ""],
      ["#", ""],
      ["nr. ", ""],
      ["uzd. ", "."],
      [" ", " "],
    );
    fc.assert(
      fc.property(number, decoration, (parts, [before, after]) => {
        const input = parseTask(`${before}${parts.join(".")}${after}`);
        expect(input).toMatchObject({
          kind: "task",
          number: parts.join(".").replace(/^0+(?=\d)/, ""),
        });
      }),
    );
  });

  it("refuses, by its length, any text longer than the limit", () => {
    fc.assert(
      fc.property(fc.string({ minLength: TASK_ARG_MAX + 1, maxLength: 1_000 }), (text) => {
        const arg = text.replace(/\s+/g, " ").trim();
        const input = parseTask(text);
        if (arg.length > TASK_ARG_MAX)
          expect(input).toEqual({ kind: "invalid", reason: "too_long", length: arg.length });
        else expect(input.kind).not.toBe("too_long");
      }),
    );
  });
});

describe("/cutoff add --tasks", () => {
  it("names the word it cannot read as task numbers", () => {
    const word = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((w) => /^[^\s<]+$/u.test(w) && !/^[\d.,]+$/u.test(w) && !w.startsWith("--"));
    fc.assert(
      fc.property(word, (w) => {
        const input = parseCutoff(`add 2027-02-01 --tasks ${w} X`);
        expect(input).toMatchObject({ kind: "invalid", mistake: { reason: "bad_tasks" } });
        if (input.kind === "invalid" && input.mistake.reason === "bad_tasks")
          expect(input.mistake.input).toContain(w);
      }),
    );
  });
});

describe("/cutoff time after the date", () => {
  const two = (n: number) => String(n).padStart(2, "0");

  // readCutoffTime reads seconds; `/cutoff` refuses them naming the minute (as `/session`).
  it("reads every HH:MM and HH:MM:SS, also after „plkst.”, and keeps it out of the title", () => {
    const time = fc.record({
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
    });
    const prefix = fc.constantFrom("", "plkst. ", "plkst.", "Plkst ");
    fc.assert(
      fc.property(time, prefix, fc.boolean(), ({ hour, minute, second }, before, padded) => {
        const hh = padded ? two(hour) : String(hour);
        const typed = `${hh}:${two(minute)}${second === undefined ? "" : `:${two(second)}`}`;
        const wanted = second === undefined ? { hour, minute } : { hour, minute, second };
        expect(readCutoffTime(`${before}${typed}`)).toEqual(wanted);
        const parsed = parseCutoff(`add 2027-02-01 ${before}${typed} Nosaukums`);
        if (second === undefined)
          expect(parsed).toMatchObject({ kind: "add", time: wanted, title: "Nosaukums" });
        else
          expect(parsed).toEqual({
            kind: "invalid",
            mistake: {
              reason: "time_seconds",
              input: `${before}${typed}`.trim(),
              minute: `${two(hour)}:${two(minute)}`,
            },
          });
      }),
    );
  });

  it("refuses a time-shaped word out of range, naming it, and never puts it in the title", () => {
    const part = fc.integer({ min: 0, max: 999 }).map(String);
    const shaped = fc
      .tuple(part, part, fc.option(part, { nil: undefined }))
      .map(([h, m, s]) => `${h}:${m}${s === undefined ? "" : `:${s}`}`);
    fc.assert(
      fc.property(shaped, (word) => {
        const input = parseCutoff(`add 2027-02-01 ${word} X`);
        if (input.kind === "add") {
          expect(input.time).not.toBeNull();
          expect(input.title).toBe("X");
        } else
          expect(input).toEqual({ kind: "invalid", mistake: { reason: "bad_time", input: word } });
      }),
    );
  });
});
