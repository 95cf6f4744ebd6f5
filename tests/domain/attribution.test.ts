import { describe, expect, it } from "vitest";
import {
  attributeReply,
  isNumberOnly,
  leadingNumbers,
  namedNumbers,
  replyBody,
  strayNumbers,
  taskNumberPrefix,
} from "../../src/domain/attribution.ts";

describe("taskNumberPrefix", () => {
  it.each([
    ["14: izpildīts", "14", "izpildīts"],
    ["#14 izpildīts", "14", "izpildīts"],
    ["14 – izpildīts", "14", "izpildīts"],
    ["14 - izpildīts", "14", "izpildīts"],
    ["uzd. 14 izpildīts", "14", "izpildīts"],
    ["Uzdevums 14: izpildīts", "14", "izpildīts"],
    ["task 14: done", "14", "done"],
    ["10.1.2: portāls atjaunots", "10.1.2", "portāls atjaunots"],
    ["14. Izpildīts pilnībā", "14", "Izpildīts pilnībā"],
    ["*14*: bold", "14", "bold"],
    ["*14*. Grozījumi pieņemti", "14", "Grozījumi pieņemti"],
    ["*14.* Grozījumi pieņemti", "14", "Grozījumi pieņemti"],
    ["_14_. slīpi", "14", "slīpi"],
    ["*10.1.2*. portāls", "10.1.2", "portāls"],
    ["*14*.\nJauna rinda", "14", "Jauna rinda"],
    ["14", "14", ""],
    ["14.punkts – izpildīts", "14", "izpildīts"],
    ["14. punkts: apmācīti 40 speciālisti", "14", "apmācīti 40 speciālisti"],
    ["14. punktā paredzētais izpildīts", "14", "paredzētais izpildīts"],
    ["14. uzdevums: izpildīts", "14", "izpildīts"],
    ["14.uzdevumu izpildījām", "14", "izpildījām"],
    ["Par 14. uzdevumu: izpildīts", "14", "izpildīts"],
    ["par 14. punktu – turpinās", "14", "turpinās"],
    ["*14.* uzdevums: izpildīts", "14", "izpildīts"],
    ["10.1.2. punkts: portāls", "10.1.2", "portāls"],
    ["Par uzdevumu 14: izpildīts", "14", "izpildīts"],
    ["Task 14: done", "14", "done"],
    ["Task #14: done", "14", "done"],
    ["Regarding task 14: licences checked", "14", "licences checked"],
    ["Re task 14 licences checked", "14", "licences checked"],
    ["Re: task 14 – checked", "14", "checked"],
    ["Concerning task 14: checked", "14", "checked"],
  ])("%j → task %s", (text, number, rest) => {
    expect(taskNumberPrefix(text)).toEqual({ number, rest });
  });

  it.each([
    "14 gadi strādājam",
    "2013.gadā izpildīts",
    "Izpildīts 14. punkts",
    "",
    "🙂 14:",
    "*14*.izpildīts",
    "14.5 procenti",
    "21 uzdevums izpildīts",
    "Par 14 gadiem",
    "5. decembrī notika sanāksme ar NVA",
    "2. ceturksnī pārbaudes turpinājās",
    "5. Decembrī notika sanāksme",
    "*5*. decembrī notika sanāksme",
    "1. janvāra grozījumi",
    "3. lasījumā pieņemts",
    "2. Pusgadā turpināsim",
    "10.12. sanāksme notika",
    "14. uzsākta pārbaude",
    // A list is no one task's prefix (see leadingNumbers), its first number's rest no body.
    "Tasks 5 and 14: both ongoing",
    "Regarding tasks 5 and 14: both ongoing",
    "uzd. 2 un 14: izpildīti",
    "2. un 14. punkts: izpildīti",
    "about 14 people attended",
    "Re 14 people",
    "task force met",
  ])("%j has no prefix", (text) => {
    expect(taskNumberPrefix(text)).toBeNull();
  });
});

describe("attributeReply", () => {
  it("follows an explicit number in scope", () =>
    expect(attributeReply("5: ok", ["1", "5"], ["1", "5"])).toBe("5"));
  it("ignores a number outside scope", () =>
    expect(attributeReply("9: ok", ["1", "5"], ["1", "5"])).toBeNull());
  it("asks about a number outside scope even with one open task", () =>
    expect(attributeReply("99: nav tāda", ["1", "5"], ["5"])).toBeNull());
  it("files a reply naming several tasks under the first named that is in scope", () => {
    const scope = ["2", "5", "14"];
    expect(attributeReply("2, 5: abi", scope, scope)).toBe("2");
    expect(attributeReply("Par 2. un 14. uzdevumu: abi turpinās", scope, scope)).toBe("2");
    expect(attributeReply("2: apmācības; 14: licences", scope, scope)).toBe("2");
    expect(attributeReply("99, 14 un 2: abi", scope, ["5"])).toBe("14");
    expect(attributeReply("Sveiki!\n14: ok\n2: ok", scope, ["5"])).toBe("14");
    expect(attributeReply("2, 5: abi", scope, [], { byNumberOnly: true })).toBe("2");
  });
  it("files under the first named task in scope when an earlier named one is not", () => {
    expect(attributeReply("2: a; 14: b", ["5", "14"], ["5", "14"])).toBe("14");
    expect(attributeReply("2 un 14 – kopā", ["5", "14"], ["5", "14"])).toBe("14");
    expect(attributeReply("2: a; 99: b", ["5", "14"], ["5"])).toBeNull();
  });
  it.each([
    ["Regarding tasks 5 and 14: both ongoing", "5"],
    ["Tasks 5 and 14: both ongoing", "5"],
    ["Tasks 14 and 5 were discussed", "14"],
    ["Regarding task 14: done", "14"],
    ["Re task 14 done", "14"],
    ["Concerning tasks 2, 5 and 14 – ongoing", "2"],
    ["Par uzdevumiem 14 un 2: turpinās", "14"],
  ])("reads the English (and 'Par uzdevumiem') form %j: task %s", (text, number) =>
    expect(attributeReply(text, ["2", "5", "14"], ["2", "5", "14"])).toBe(number),
  );
  it("asks about a list naming no task in scope", () =>
    expect(attributeReply("98, 99: abi", ["2", "5"], ["5"])).toBeNull());
  it("gives a plain reply to the one open task", () =>
    expect(attributeReply("ok", ["1", "5"], ["5"])).toBe("5"));
  it("leaves a plain reply unassigned when several are open", () =>
    expect(attributeReply("ok", ["1", "5"], ["1", "5"])).toBeNull());
  it("gives a plain reply to the only task when it is answered already (a follow-up)", () =>
    expect(attributeReply("ok", ["5"], [])).toBe("5"));
  it("by number only: a plain reply stays unassigned, even with one task or one open", () => {
    expect(attributeReply("ok", ["5"], [], { byNumberOnly: true })).toBeNull();
    expect(attributeReply("ok", ["1", "5"], ["5"], { byNumberOnly: true })).toBeNull();
    expect(attributeReply("5: ok", ["1", "5"], ["1"], { byNumberOnly: true })).toBe("5");
  });
});

describe("replyBody: the text the annex, the digest and the history show", () => {
  it.each([
    ["14: Izpildīts.", "14", "Izpildīts."],
    ["*14*. Izpildīts.", "14", "Izpildīts."],
    ["uzd. 14 izpildīts", "14", "izpildīts"],
    // Only the number of the task the reply belongs to goes; anything else stays as written.
    ["2013. gadā izpildīts", "14", "2013. gadā izpildīts"],
    ["5: cits uzdevums", "14", "5: cits uzdevums"],
    ["14:", "14", "14:"],
    ["14: bez uzdevuma", null, "14: bez uzdevuma"],
    ["14. uzdevums: izpildīts", "14", "izpildīts"],
    ["Par 14. uzdevumu: izpildīts", "14", "izpildīts"],
    ["Regarding task 14: done", "14", "done"],
    // A list stays whole: its first task's row must not read "and 14: …" or "un 14. punkts: …".
    ["Tasks 5 and 14: both ongoing", "5", "Tasks 5 and 14: both ongoing"],
    ["2. un 14. punkts: izpildīti", "2", "2. un 14. punkts: izpildīti"],
    ["uzd. 2 un 14: izpildīti", "2", "uzd. 2 un 14: izpildīti"],
    ["5. decembrī notika sanāksme", "5", "5. decembrī notika sanāksme"],
    // Several numbered parts too: "5: a; 14: b" under 5 must not read "a; 14: b".
    ["5: a; 14: b", "5", "5: a; 14: b"],
    ["5: a\n14: b", "5", "5: a\n14: b"],
    ["2: a; 14: b", "14", "2: a; 14: b"],
    ["14: 2 līgumi; 3 apmācības", "14", "2 līgumi; 3 apmācības"],
  ])("%j for task %s → %j", (text, number, shown) => {
    expect(replyBody(text, number)).toBe(shown);
  });
});

describe("strayNumbers: what the removed strayTaskNumber and strayListedNumbers named", () => {
  it("names every number of a list outside the reminder, whether or not another is in it", () => {
    expect(strayNumbers("99: nav tāda", ["1", "5"])).toEqual(["99"]);
    expect(strayNumbers("98, 99: nav tādu", ["1", "5"])).toEqual(["98", "99"]);
    expect(strayNumbers("2, 99: abi", ["2", "5"])).toEqual(["99"]);
    expect(strayNumbers("Tasks 98, 5 and 99: ok", ["2", "5"])).toEqual(["98", "99"]);
  });
  it("is empty for numbers in scope or no number", () => {
    expect(strayNumbers("5: ok", ["1", "5"])).toEqual([]);
    expect(strayNumbers("2, 5: abi", ["2", "5"])).toEqual([]);
    expect(strayNumbers("ok", ["1", "5"])).toEqual([]);
  });
});

describe("strayNumbers", () => {
  it("names every task number not in scope, leading or in a later numbered part", () => {
    expect(strayNumbers("2: a; 14: b", ["5", "14"])).toEqual(["2"]);
    expect(strayNumbers("2, 99: nav", ["5", "14"])).toEqual(["2", "99"]);
    expect(strayNumbers("2: a; 99: b", ["5", "14"])).toEqual(["2", "99"]);
    expect(strayNumbers("14: a\n99: b", ["5", "14"])).toEqual(["99"]);
  });
  it("names none for a reply not starting with a number, or naming tasks in scope only", () => {
    expect(strayNumbers("Labdien!\n99: b", ["5", "14"])).toEqual([]);
    expect(strayNumbers("5: a; 14: b", ["5", "14"])).toEqual([]);
    expect(strayNumbers("14: 2 līgumi; 3 apmācības\n10:00 sanāksme", ["14"])).toEqual([]);
  });
});

describe("isNumberOnly", () => {
  it.each([
    ["14:"],
    ["14"],
    [" *14*. "],
    ["14 –"],
    ["uzd. 14"],
    ["#14 ..."],
    ["2, 14:"],
    ["Par 14. uzdevumu:"],
  ])("%j is only a number", (text) => expect(isNumberOnly(text)).toBe(true));
  it.each([
    ["14: ok"],
    ["14: ✅"],
    ["Paldies"],
    [""],
    ["5. decembrī"],
    ["2, 14: abi"],
    ["14 gadi"],
  ])("%j is not", (text) => expect(isNumberOnly(text)).toBe(false));
});

describe("years in later parts are no task numbers", () => {
  const text = "14: izpildīts.\n2025: 3 līgumi\n2026: 5 līgumi";
  it("names only 14; nothing stray; the prefix is stripped under 14", () => {
    expect(namedNumbers(text)).toEqual(["14"]);
    expect(strayNumbers(text, ["5", "14"])).toEqual([]);
    expect(attributeReply(text, ["5", "14"], ["5", "14"])).toBe("14");
    expect(replyBody(text, "14")).toBe("izpildīts.\n2025: 3 līgumi\n2026: 5 līgumi");
  });
  it("a later task number still counts", () => {
    expect(namedNumbers("14: a\n99: b\n2025: c")).toEqual(["14", "99"]);
  });
});

describe("invisible characters are read as what they look like (a pasted U+200B, NBSP, BOM, bidi controls)", () => {
  it.each([["14:\u200b"], ["14:\u00a0\u200b"], ["\ufeff14:"], ["14\u2060:"]])(
    "%j is only a task number",
    (text) => {
      expect(isNumberOnly(text)).toBe(true);
    },
  );

  it("a leading zero-width space does not hide the task number; the body is what follows it", () => {
    const text = "\u200b14: ar neredzamu zīmi";
    expect(leadingNumbers(text)).toEqual(["14"]);
    expect(attributeReply(text, ["5", "14"], ["5", "14"])).toBe("14");
    expect(replyBody(text, "14")).toBe("ar neredzamu zīmi");
  });

  it.each([["\u200F14: no labās puses"], ["\u202A14\u202C: iegultā"], ["\u206614\u2069: izolētā"]])(
    "%j: a bidirectional control does not hide the task number",
    (text) => {
      expect(leadingNumbers(text)).toEqual(["14"]);
      expect(attributeReply(text, ["5", "14"], ["5", "14"])).toBe("14");
      expect(replyBody(text, "14")).not.toMatch(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/u);
    },
  );

  it.each([["14:\u200F"], ["\u202B14:\u202C"], ["\u061C14\u2069:"]])(
    "%j (a bidirectional control around a number) is only a task number",
    (text) => {
      expect(isNumberOnly(text)).toBe(true);
    },
  );

  it("an emoji's joiner in the text is kept", () => {
    expect(replyBody("5: izpildīts 👨\u200d👩\u200d👧", "5")).toBe("izpildīts 👨\u200d👩\u200d👧");
  });
});
