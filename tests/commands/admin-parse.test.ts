import { describe, expect, it } from "vitest";
import {
  ADMIN_ARG_MAX,
  channelIdOf,
  leadingDate,
  readDate,
  tokenize,
  userIdOf,
} from "../../commands/args.ts";
import { parse as parseCutoff } from "../../commands/cutoff-parse.ts";
import { parse as parseInstitution } from "../../commands/institution-parse.ts";
import { parse as parseRole } from "../../commands/role.ts";

describe("mentions and channels as Slack escapes them", () => {
  it.each([
    ["<@U123ABC|anna>", "U123ABC"],
    ["<@U123ABC>", "U123ABC"],
    ["<@W0ENTERPRISE|janis.berzins>", "W0ENTERPRISE"],
    ["U123", "U123"],
    ["@anna", null],
    ["<@anna>", null],
    ["<#C123|iem>", null],
    ["u123", null],
  ])("reads the user in %j as %j", (token, id) => {
    expect(userIdOf(token)).toBe(id);
  });

  it.each([
    ["<#C123ABC|iem-darba-grupa>", "C123ABC"],
    ["<#C123ABC>", "C123ABC"],
    ["<#C123ABC|>", "C123ABC"],
    ["<#G0PRIVATE1|slepens>", "G0PRIVATE1"],
    ["C0123ABCD", "C0123ABCD"],
    ["CBSS", null],
    ["GRETA", null],
    ["#iem-darba-grupa", null],
    ["<@U123>", null],
  ])("reads the channel in %j as %j", (token, id) => {
    expect(channelIdOf(token)).toBe(id);
  });

  it("keeps escapes whole and splits at any whitespace", () => {
    expect(tokenize("set  IEM\t<#C1AB|iem darba>\n<@U0A1|a> ")).toEqual([
      "set",
      "IEM",
      "<#C1AB|iem darba>",
      "<@U0A1|a>",
    ]);
  });
});

describe("dates typed without a clock", () => {
  it.each([
    ["2027-02-01", { kind: "date", date: "2027-02-01" }],
    ["01.02.2027.", { kind: "date", date: "2027-02-01" }],
    ["2027. gada 1. februārī", { kind: "date", date: "2027-02-01" }],
    ["1 February 2027", { kind: "date", date: "2027-02-01" }],
    ["rīt", { kind: "relative", text: "rīt" }],
    ["1.02.", { kind: "relative", text: "1.02." }],
  ])("reads %j", (text, spec) => {
    expect(readDate(text)).toEqual({ ok: true, spec });
  });

  it("tells a day that does not exist from text that is no date", () => {
    expect(readDate("31.02.2027.")).toEqual({ ok: false, error: "invalid_date" });
    expect(readDate("vakar pēcpusdienā")).toEqual({ ok: false, error: "unrecognised_date" });
  });

  it("takes the longest run of words that is a date", () => {
    const tokens = tokenize("2027. gada 1. februārī Informatīvais ziņojums");
    expect(leadingDate(tokens)).toMatchObject({ ok: true, used: 4 });
    expect(leadingDate(tokenize("31. februārī 2027 X"))).toMatchObject({
      ok: false,
      error: "invalid_date",
    });
  });
});

describe("/institution parse", () => {
  it.each(["", "  ", "help", "HELP", "palīdzība", "?"])("reads %j as help", (text) => {
    expect(parseInstitution(text)).toEqual({ kind: "help" });
  });

  it.each(["IEM", "iem", "VP GKrPP", "ĀM", "🙂", "Patvērums „Drošā māja”"])(
    "reads %j as a look-up",
    (text) => {
      expect(parseInstitution(text)).toEqual({ kind: "show", query: text });
    },
  );

  it("reads an escaped channel and mentions, with or without labels, and bare IDs", () => {
    expect(
      parseInstitution("set IEM <#C123ABC|iem-darba-grupa> <@U123|anna> <@U456> U789 <@U123|anna>"),
    ).toEqual({
      kind: "set",
      query: "IEM",
      channelId: "C123ABC",
      userIds: ["U123", "U456", "U789"],
    });
    expect(parseInstitution("set VP GKrPP C0123ABCD")).toEqual({
      kind: "set",
      query: "VP GKrPP",
      channelId: "C0123ABCD",
      userIds: null,
    });
  });

  it.each(["--no-contacts", "—no-contacts", "--NO-CONTACTS"])(
    "reads %j as clearing the contacts",
    (flag) => {
      expect(parseInstitution(`set LM <#C0LM01|lm> ${flag}`)).toEqual({
        kind: "set",
        query: "LM",
        channelId: "C0LM01",
        userIds: [],
      });
    },
  );

  it.each([
    ["set", { reason: "missing_code", sub: "set" }],
    ["set <#C1AB|x> <@U0JANIS>", { reason: "missing_code", sub: "set" }],
    ["set IEM @anna", { reason: "missing_channel", query: "IEM", noContacts: false }],
    ["set IEM --no-contacts", { reason: "missing_channel", query: "IEM", noContacts: true }],
    [
      "set IEM <@U0JANIS> —no-contacts",
      { reason: "missing_channel", query: "IEM", noContacts: true },
    ],
    ["set Iekšlietu ministrija", { reason: "missing_channel", query: "Iekšlietu ministrija" }],
    ["set IEM #iem-darba-grupa @anna", { reason: "bad_channel", problem: "not_linked" }],
    ["set IEM <#C1AB|x> @anna", { reason: "bad_user", token: "@anna", problem: "not_linked" }],
    ["set IEM <#C1AB|x> anna", { reason: "bad_user", problem: "not_a_user" }],
    ["set IEM <#C1AB|x> <@U0JANIS> --no-contacts", { reason: "contacts_and_none" }],
    ["away", { reason: "missing_user" }],
    ["away @janis 2027-01-15", { reason: "bad_user", problem: "not_linked" }],
    ["away <@U0JANIS|janis>", { reason: "missing_date" }],
    ["away <@U0JANIS|janis> 31.02.2027", { reason: "bad_date", error: "invalid_date" }],
    ["away <@U0JANIS|janis> drīz", { reason: "bad_date", error: "unrecognised_date" }],
    ["add", { reason: "missing_code", sub: "add" }],
    ["add TSAB", { reason: "missing_name", code: "TSAB" }],
    ["add T-SAB Tiesībsargs", { reason: "bad_code" }],
    ["add help Palīdzības birojs", { reason: "bad_code" }],
    ["add C0123ABCD Kanāls", { reason: "bad_code" }],
    ["add 12 Skaitlis", { reason: "bad_code" }],
  ])("refuses %j kindly", (text, mistake) => {
    expect(parseInstitution(text)).toMatchObject({ kind: "invalid", mistake });
  });

  it("reads away with a date, a relative date, and off", () => {
    expect(parseInstitution("away <@U0JANIS|janis> 2027. gada 15. janvārī")).toEqual({
      kind: "away",
      userId: "U0JANIS",
      until: { kind: "date", date: "2027-01-15" },
    });
    expect(parseInstitution("away <@U0JANIS> rīt")).toMatchObject({
      until: { kind: "relative", text: "rīt" },
    });
    for (const back of ["off", "OFF", "back", "atpakaļ"])
      expect(parseInstitution(`away <@U0JANIS> ${back}`)).toEqual({
        kind: "away",
        userId: "U0JANIS",
        until: null,
      });
  });

  it("reads add with a Unicode code and name", () => {
    expect(parseInstitution("add ĢP2 Ģenerālprokuratūras birojs")).toEqual({
      kind: "add",
      code: "ĢP2",
      name: "Ģenerālprokuratūras birojs",
    });
  });

  it("refuses huge input without reading it, and never throws on junk", () => {
    const huge = `set IEM <#C1AB> ${"<@U0JANIS> ".repeat(ADMIN_ARG_MAX)}`;
    expect(parseInstitution(huge)).toMatchObject({ mistake: { reason: "too_long" } });
    const contacts = Array.from({ length: 21 }, (_, i) => `<@U${100 + i}>`).join(" ");
    expect(parseInstitution(`set IEM <#C1AB> ${contacts}`)).toMatchObject({
      mistake: { reason: "too_many_contacts", count: 21 },
    });
    for (const junk of ["<", ">", "<<>>", "set <", "away <@", "\u0000", "🙂 🙂", "add 🙂 x"])
      expect(() => parseInstitution(junk)).not.toThrow();
  });
});

describe("/cutoff parse", () => {
  it("reads add: date, optional time, --tasks anywhere, title", () => {
    expect(parseCutoff("add 2027-02-01 Informatīvais ziņojums MK")).toEqual({
      kind: "add",
      date: { kind: "date", date: "2027-02-01" },
      time: null,
      title: "Informatīvais ziņojums MK",
      tasks: null,
    });
    expect(parseCutoff("add 2027-02-01 12:00 --tasks 1,5,14 Sēde")).toMatchObject({
      time: { hour: 12, minute: 0 },
      title: "Sēde",
      tasks: ["1", "5", "14"],
    });
    expect(parseCutoff("add 01.02.2027. 9.30 Sēde --tasks=10.1.2,014")).toMatchObject({
      time: { hour: 9, minute: 30 },
      tasks: ["10.1.2", "14"],
    });
    expect(parseCutoff("add 2027. gada 1. februārī --tasks 1, 5, 14 Ziņojums")).toMatchObject({
      date: { kind: "date", date: "2027-02-01" },
      tasks: ["1", "5", "14"],
      title: "Ziņojums",
    });
  });

  it("reads free text as typed: Slack sends & < > escaped", () => {
    expect(parseCutoff("add 2027-02-01 R&amp;D &lt;MK&gt;")).toMatchObject({ title: "R&D <MK>" });
    expect(parseInstitution("add RD2 Rīgas dome &amp; co")).toMatchObject({
      name: "Rīgas dome & co",
    });
  });

  it.each([
    ["", { kind: "help" }],
    ["help", { kind: "help" }],
    ["list", { kind: "list" }],
    ["remove 3", { kind: "remove", id: 3 }],
    ["remove #3", { kind: "remove", id: 3 }],
    ["plan 12", { kind: "plan", id: 12 }],
    ["move 3 2027-02-05", { kind: "move", id: 3, time: null }],
    ["move 3 2027-02-05 12:00", { kind: "move", id: 3, time: { hour: 12, minute: 0 } }],
    // A time after the cut-off's own time, or a "1.5" that is no time, stays in the title.
    ["add 2027-02-01 12:00 Sēde līdz 14:00", { kind: "add", title: "Sēde līdz 14:00" }],
    ["add 2027-02-01 Ziņojums 1.5 versija", { kind: "add", title: "Ziņojums 1.5 versija" }],
  ])("reads %j", (text, input) => {
    expect(parseCutoff(text)).toMatchObject(input);
  });

  it.each([
    ["add", { reason: "missing_date", sub: "add" }],
    ["add 2027-02-01", { reason: "missing_title" }],
    ["add 2027-02-31 X", { reason: "bad_date", error: "invalid_date", input: "2027-02-31" }],
    ["add nākamnedēļ X", { reason: "bad_date", error: "unrecognised_date" }],
    ["add 2027-02-01 24:00 X", { reason: "bad_time", input: "24:00" }],
    [
      "add 2027-02-01 Pārbaude 12:00",
      {
        reason: "time_after_title",
        input: "12:00",
        example: "/cutoff add 2027-02-01 12:00 Pārbaude",
      },
    ],
    [
      "add 2027-02-01 --tasks 5,14 Sēde plkst. 9.30 MK",
      {
        reason: "time_after_title",
        input: "plkst. 9.30",
        example: "/cutoff add 2027-02-01 plkst. 9.30 Sēde MK --tasks 5,14",
      },
    ],
    ["add 2027-02-01 --tasks 1,x X", { reason: "bad_tasks" }],
    ["add 2027-02-01 --tasks X", { reason: "bad_tasks" }],
    ["add 2027-02-01 --tasks", { reason: "bad_tasks" }],
    [`add 2027-02-01 ${"ā".repeat(121)}`, { reason: "title_too_long", length: 121 }],
    ["move", { reason: "missing_id", sub: "move" }],
    ["move x 2027-02-01", { reason: "bad_id", input: "x" }],
    ["move 3", { reason: "missing_date", sub: "move" }],
    ["move 3 2027-02-05 12:00 vēl", { reason: "extra", text: "vēl" }],
    ["remove", { reason: "missing_id", sub: "remove" }],
    ["remove 0", { reason: "bad_id" }],
    ["remove -1", { reason: "bad_id" }],
    ["plan 3 4", { reason: "extra" }],
    ["delete 3", { reason: "not_understood" }],
    ["🙂", { reason: "not_understood" }],
    ["x".repeat(5000), { reason: "too_long", length: 5000 }],
  ])("refuses %j kindly", (text, mistake) => {
    expect(parseCutoff(text)).toMatchObject({ kind: "invalid", mistake });
  });
});

describe("/role parse", () => {
  it.each([
    ["", { kind: "help" }],
    ["list", { kind: "list" }],
    ["add <@U0ANNA|anna> secretary", { kind: "add", userId: "U0ANNA" }],
    ["ADD <@U0ANNA> Sekretāre", { kind: "add", userId: "U0ANNA" }],
    ["remove U0ANNA secretary", { kind: "remove", userId: "U0ANNA" }],
    ["remove <@U0ANNA>", { kind: "remove", userId: "U0ANNA" }],
  ])("reads %j", (text, input) => {
    expect(parseRole(text)).toEqual(input);
  });

  it.each([
    ["add", { reason: "missing_user" }],
    ["add @anna secretary", { reason: "bad_user", problem: "not_linked" }],
    ["add <@U0ANNA> admin", { reason: "unknown_role", role: "admin" }],
    ["add <@U0ANNA> secretary again", { reason: "not_understood" }],
    ["grant <@U0ANNA>", { reason: "not_understood" }],
    ["list everyone", { reason: "not_understood" }],
    ["y".repeat(ADMIN_ARG_MAX + 1), { reason: "too_long" }],
  ])("refuses %j kindly", (text, mistake) => {
    expect(parseRole(text)).toMatchObject({ kind: "invalid", mistake });
  });
});
