/**
 * A reply's task number typed in another script's digits ("١٤: darīts" on an Arabic keyboard)
 * is read as the ASCII one by every reader of src/domain/attribution.ts, as `/task ١٤` is
 * (src/domain/ascii-digits.ts); the text after the prefix keeps its digits as typed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attributeReply,
  isNumberOnly,
  leadingNumbers,
  namedNumbers,
  namedTasks,
  replyBody,
  strayNumbers,
  taskNumberPrefix,
  tasksNotFiled,
} from "../../src/domain/attribution.ts";
import { anyDecimalSystem, inDigits } from "../helpers/any-digits.ts";

describe("a reply numbered in another script's digits", () => {
  it.each([
    ["١٤: darīts", "14", "darīts"], // Arabic-Indic
    ["۱۴: ۳ līgumi", "14", "۳ līgumi"], // Extended Arabic-Indic, the rest's digits as typed
    ["१४ – izpildīts", "14", "izpildīts"], // Devanagari
    ["１４: izpildīts", "14", "izpildīts"], // fullwidth
    ["\u200F١٤: darīts", "14", "darīts"], // after a right-to-left mark
    ["*١٤*. Grozījumi", "14", "Grozījumi"],
    ["uzd. ١٤ izpildīts", "14", "izpildīts"],
    ["١٤. punkts: ٤٠ speciālisti", "14", "٤٠ speciālisti"],
    ["١٠.١.٢: portāls", "10.1.2", "portāls"],
    ["٠١٤: darīts", "14", "darīts"],
    ["𝟏𝟒: 𝟑 līgumi", "14", "𝟑 līgumi"], // mathematical digits: two UTF-16 units each
  ])("%j → task %s, rest %j", (text, number, rest) => {
    expect(taskNumberPrefix(text)).toEqual({ number, rest });
  });

  // A fresh user's finding: separators typed on other keyboards were not read.
  it.each([
    ["５：c", "5", "c"], // U+FF1A fullwidth colon
    ["１４： izpildīts", "14", "izpildīts"],
    ["١٣٫٣: darīts", "13.3", "darīts"], // U+066B Arabic decimal separator
    ["١٣٫٣： darīts", "13.3", "darīts"],
    ["１３．３：darīts", "13.3", "darīts"], // U+FF0E fullwidth full stop
    ["１４． Grozījumi", "14", "Grozījumi"],
    ["١٤: ٣٫٥ līgumi， ٢ apmācības", "14", "٣٫٥ līgumi， ٢ apmācības"], // the rest as typed
  ])("%j (another keyboard's separators) → task %s, rest %j", (text, number, rest) => {
    expect(taskNumberPrefix(text)).toEqual({ number, rest });
  });

  it("parts a reply at an Arabic or fullwidth semicolon as at ';'", () => {
    expect(namedNumbers("٥: sākts؛ ١٤: darīts")).toEqual(["5", "14"]); // U+061B Arabic semicolon
    expect(namedNumbers("５：sākts； １４：darīts")).toEqual(["5", "14"]); // U+FF1B fullwidth
    expect(namedTasks("5: sākts؛ 14: darīts", ["5", "14"])).toEqual(["5", "14"]);
    expect(taskNumberPrefix("٥: sākts؛ ١٤: darīts")?.rest).toBe("sākts؛ ١٤: darīts"); // as typed
  });

  it("reads a list separated by an Arabic or fullwidth comma as with ','", () => {
    expect(leadingNumbers("5، 14: abi turpinās")).toEqual(["5", "14"]); // U+060C Arabic comma
    expect(leadingNumbers("٥، ١٤: abi turpinās")).toEqual(["5", "14"]);
    expect(leadingNumbers("５， １４：abi")).toEqual(["5", "14"]); // U+FF0C fullwidth comma
    expect(leadingNumbers("Tasks 5، 14 and 2 were discussed")).toEqual(["5", "14", "2"]);
    expect(tasksNotFiled("٢، ١٤: abi", ["2", "14"], "2")).toEqual(["14"]);
    expect(attributeReply("٩٩، ١٤: abi", ["2", "14"], ["2", "14"])).toBe("14");
    expect(namedNumbers("٢： sākts\n١٣٫٣： darīts")).toEqual(["2", "13.3"]);
    expect(isNumberOnly("٢، ١٤：")).toBe(true);
    expect(isNumberOnly("１４．")).toBe(true);
    expect(replyBody("٥، ١٤: abi", "5")).toBe("٥، ١٤: abi");
    expect(replyBody("５：c", "5")).toBe("c");
  });

  it.each(["١٤٫٥ procenti", "１４．５ procenti", "٢،٥: daļa", "１４。"])(
    "%j names no task, as its ASCII separators do not (and '。' is no full stop of a number)",
    (text) => {
      expect(taskNumberPrefix(text)).toBeNull();
      expect(leadingNumbers(text)).toEqual([]);
    },
  );

  it.each(["١٤ gadi strādājam", "٥. decembrī notika sanāksme", "١٤.٥ procenti"])(
    "%j names no task, as its ASCII digits do not",
    (text) => {
      expect(taskNumberPrefix(text)).toBeNull();
    },
  );

  it("files, lists and counts as with ASCII digits", () => {
    expect(attributeReply("١٤: darīts", ["2", "14"], ["2", "14"])).toBe("14");
    expect(attributeReply("٩٩: darīts", ["2", "14"], ["2"])).toBeNull();
    expect(leadingNumbers("٢, ١٤: abi turpinās")).toEqual(["2", "14"]);
    expect(namedTasks("٢: sākts\n١٤: darīts", ["5", "14"])).toEqual(["14"]);
    expect(namedNumbers("٢: sākts; ١٤: darīts")).toEqual(["2", "14"]);
    expect(strayNumbers("٩٩: darīts", ["2", "14"])).toEqual(["99"]);
    expect(tasksNotFiled("٢, ١٤: abi", ["2", "14"], "2")).toEqual(["14"]);
    expect(isNumberOnly("١٤:")).toBe(true);
    expect(isNumberOnly("١٤: ٣")).toBe(false);
  });

  it("shows a reply without its prefix, the rest as typed", () => {
    expect(replyBody("١٤: ٣ līgumi", "14")).toBe("٣ līgumi");
    expect(replyBody("𝟏𝟒: 𝟑 līgumi", "14")).toBe("𝟑 līgumi");
    expect(replyBody("١٤: darīts", "2")).toBe("١٤: darīts");
  });

  it("reads a reply in any digits and separators as the same task as in ASCII ones", () => {
    fc.assert(
      fc.property(
        anyDecimalSystem,
        fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(": ", " – ", ". punkts: ", " "),
        fc.constantFrom("darīts", "Izpildīts pilnībā", "3 līgumi"),
        fc.constantFrom(".", "٫", "．"),
        fc.constantFrom(":", "："),
        (nu, parts, separator, rest, dot, colon) => {
          const typedSeparator = separator.replace(":", colon);
          const typed = `${parts.map((p) => inDigits(nu, p)).join(dot)}${typedSeparator}${rest}`;
          const ascii = `${parts.join(".")}${separator}${rest}`;
          expect(taskNumberPrefix(typed)).toEqual(taskNumberPrefix(ascii));
          expect(leadingNumbers(typed)).toEqual(leadingNumbers(ascii));
          expect(isNumberOnly(typed)).toBe(isNumberOnly(ascii));
        },
      ),
    );
  });
});
