import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parse as parseDigest, resolveSince } from "../../commands/digest.ts";
import { parse, sessionCommand } from "../../commands/session.ts";
import { parse as parseTask } from "../../commands/task.ts";
import type { CommandDeps } from "../../commands/types.ts";
import type { Db } from "../../db/client.ts";
import { listSessions } from "../../db/sessions.ts";
import { testConfig } from "../../src/config.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { importedStore } from "../helpers/store.ts";
import { as, MEMBER, SECRETARY, storeDeps } from "./admin-support.ts";

describe("/session text", () => {
  it("reads add, list, remove and help", () => {
    expect(parse("add 2026-12-10 10:00 Darba grupas sēde")).toEqual({
      kind: "add",
      date: { kind: "date", date: "2026-12-10" },
      time: { hour: 10, minute: 0 },
      title: "Darba grupas sēde",
    });
    expect(parse("add 2026. gada 10. decembrī 9.30")).toMatchObject({
      kind: "add",
      date: { kind: "date", date: "2026-12-10" },
      time: { hour: 9, minute: 30 },
      title: null,
    });
    expect(parse("list")).toEqual({ kind: "list" });
    expect(parse("")).toEqual({ kind: "help" });
    expect(parse("remove #3")).toEqual({ kind: "remove", id: 3 });
  });

  it("names each mistake", () => {
    expect(parse("add")).toMatchObject({ mistake: { reason: "missing_date" } });
    expect(parse("add 2026-12-10")).toMatchObject({ mistake: { reason: "missing_time" } });
    expect(parse("add 2026-12-10 25:00")).toMatchObject({ mistake: { reason: "bad_time" } });
    expect(parse("add 2026-12-10 Sēde 14:00")).toMatchObject({
      mistake: {
        reason: "time_after_title",
        input: "14:00",
        example: "/session add 2026-12-10 14:00 Sēde",
      },
    });
    // A time after the start time is the title's, as under /cutoff add.
    expect(parse("add 2026-12-10 10:00 Sēde līdz 14:00")).toMatchObject({
      title: "Sēde līdz 14:00",
    });
    expect(parse("add 2026-02-31 10:00")).toMatchObject({
      mistake: { reason: "bad_date", invalid: true },
    });
    expect(parse(`add 2026-12-10 10:00 ${"x".repeat(121)}`)).toMatchObject({
      mistake: { reason: "title_too_long" },
    });
    expect(parse("remove x")).toMatchObject({ mistake: { reason: "bad_id" } });
    expect(parse("remove 3 4")).toMatchObject({ mistake: { reason: "extra" } });
    expect(parse("move 3")).toMatchObject({ mistake: { reason: "not_understood" } });
  });
});

describe("/digest and /task history text", () => {
  it("reads /digest forms", () => {
    expect(parseDigest("")).toEqual({ kind: "request", since: null });
    expect(parseDigest("since 2026-11-01")).toEqual({
      kind: "request",
      since: { kind: "date", date: "2026-11-01" },
    });
    expect(parseDigest("list")).toEqual({ kind: "list" });
    expect(parseDigest("show 4")).toEqual({ kind: "show", id: 4 });
    expect(parseDigest("since nekad")).toMatchObject({ kind: "invalid", reason: "bad_date" });
  });

  it("reads `/digest since vakar`, `aizvakar` and `yesterday` as days before today", () => {
    const now = DateTime.fromISO("2026-12-01T10:00:00Z");
    for (const [word, day] of [
      ["vakar", "2026-11-30"],
      ["aizvakar", "2026-11-29"],
      ["yesterday", "2026-11-30"],
    ] as const) {
      const input = parseDigest(`since ${word}`);
      expect(input).toEqual({ kind: "request", since: { kind: "relative", text: word } });
      if (input.kind !== "request" || !input.since) throw new Error("not a request");
      // Midnight in Riga (UTC+2 in winter) is 22:00 UTC the evening before.
      const before = DateTime.fromISO(day).minus({ days: 1 }).toISODate();
      expect(resolveSince(input.since, "Europe/Riga", now)).toMatch(
        new RegExp(`^${before}T22:00:00`),
      );
    }
  });

  it("reads `/task 14 history` and its pages, leaving the other forms alone", () => {
    expect(parseTask("14 history")).toEqual({ kind: "history", number: "14", page: 1 });
    expect(parseTask("10.1.2 vēsture 3")).toEqual({ kind: "history", number: "10.1.2", page: 3 });
    expect(parseTask("#014 History")).toEqual({ kind: "history", number: "14", page: 1 });
    expect(parseTask("14")).toMatchObject({ kind: "task", number: "14" });
    expect(parseTask("IEM")).toMatchObject({ kind: "institution" });
  });
});

/** Command deps on `db` at 1 December 2026, re-planning nothing. */
function depsOn(db: Db): CommandDeps {
  return storeDeps(db);
}

describe("/session add: the same session twice", () => {
  it("refuses a second session at the same date and time, naming the first", async () => {
    const { db } = await importedStore();
    const deps = depsOn(db);
    const add = async (text: string, locale: "lv" | "en" = "lv") => {
      const reply = await sessionCommand.handle(parse(text), deps, as(SECRETARY, locale));
      return { ...reply, shown: blocksToText(reply.blocks) };
    };
    const first = await add("add 2026-12-10 10:00 Darba grupas 5. sēde");
    expect(first.found).toBe(true);
    // Typed another way, and with another title: the same session all the same.
    const again = await add("add 10.12.2026. 10.00 Sēde");
    expect(again.found).toBe(false);
    expect(again.shown).toContain(
      "Šajā laikā sēde jau ir: *#1* *ceturtd. 10.12.2026. 10:00* – Darba grupas 5. sēde.",
    );
    expect(again.shown).toContain("/session remove 1");
    const en = await add("add 2026-12-10 10:00", "en");
    expect(en.shown).toContain("There is a session at that time already: *#1*");
    expect((await listSessions(db)).map((s) => s.title)).toEqual(["Darba grupas 5. sēde"]);
    // Another time the same day is another session; a removed one no longer stands in the way.
    expect((await add("add 2026-12-10 14:00")).found).toBe(true);
    await sessionCommand.handle(parse("remove 1"), deps, as(SECRETARY));
    expect((await add("add 2026-12-10 10:00 Pārcelta sēde")).found).toBe(true);
  });

  it("adds one session when the same add arrives twice at once (both stores)", async () => {
    const { db } = await importedStore();
    const deps = depsOn(db);
    const input = parse("add 2026-12-17 10:00 Darba grupas 6. sēde");
    const replies = await Promise.all(
      [1, 2, 3].map(() => sessionCommand.handle(input, deps, as(SECRETARY))),
    );
    expect(replies.filter((r) => r.found)).toHaveLength(1);
    expect((await listSessions(db)).map((s) => s.title)).toEqual(["Darba grupas 6. sēde"]);
  });
});

describe("/session: a draft whose time has passed", () => {
  it("says the draft goes out right away, and the list says it was sent", async () => {
    const { db } = await importedStore();
    const deps = depsOn(db); // 1 December 2026, 12:00 in Riga
    const show = async (text: string, locale: "lv" | "en" = "lv") =>
      blocksToText((await sessionCommand.handle(parse(text), deps, as(SECRETARY, locale))).blocks);
    // Tomorrow: its draft (DIGEST_LEAD_DAYS business days before, at 09:00) has passed.
    const soon = await show("add 2026-12-02 10:00 Rītdienas sēde");
    expect(soon).toContain("Kopsavilkuma melnraksts sekretāram: tūlīt (tā laiks,");
    expect(soon).toContain("jau pagājis).");
    expect(await show("add 2026-12-03 10:00", "en")).toContain(
      "Draft digest to the secretary: right away (its time,",
    );
    const later = await show("add 2027-01-20 10:00 Vēlāka sēde");
    expect(later).toMatch(/Kopsavilkuma melnraksts sekretāram: \S+ \d\d\.01\.2027\. 09:00\./u);
    const list = await show("list");
    expect(list).toContain("Rītdienas sēde _(melnraksts sekretāram nosūtīts)_");
    expect(list).toMatch(/Vēlāka sēde _\(melnraksts sekretāram: \S+ \d\d\.01\.2027\. 09:00\)_/u);
  });
});

describe("secretary-only commands refuse a member kindly", () => {
  it("names the secretaries (then no /role list pointer), never the server's CLI", async () => {
    const { db } = await importedStore();
    const shown = async (deps: CommandDeps, locale: "lv" | "en") =>
      blocksToText(
        (await sessionCommand.handle(parse("add 2026-12-10 10:00"), deps, as(MEMBER, locale)))
          .blocks,
      );
    const withSecretary = { ...depsOn(db), config: testConfig({ secretaryUserIds: [SECRETARY] }) };
    const lv = await shown(withSecretary, "lv");
    expect(lv).toContain(`(<@${SECRETARY}>)`);
    expect(lv).toContain("lūdziet sekretariātu to izdarīt jūsu vietā");
    // They are named already: a pointer to `/role list` would only name them again.
    expect(lv).not.toContain("/role list");
    const en = await shown(withSecretary, "en");
    expect(en).toContain("write to the secretary: they can do it for you");
    expect(en).not.toContain("/role list");
    const nobody = { ...depsOn(db), config: testConfig({ secretaryUserIds: [] }) };
    for (const locale of ["lv", "en"] as const) {
      const text = await shown(nobody, locale);
      expect(text).toContain("`/role list`");
      expect(text).not.toMatch(/koordinators |npm run|SECRETARY_USER_IDS/);
    }
    expect((await listSessions(db)).length).toBe(0);
  });
});
