import { beforeEach, describe, expect, it } from "vitest";
import { handle as handleCutoff, parse as parseCutoff } from "../../commands/cutoff.ts";
import { handle, parse } from "../../commands/institution.ts";
import { getMapping } from "../../db/contacts.ts";
import { findInstitution } from "../../db/institutions.ts";
import {
  adminSuite,
  as,
  auditOf,
  delayedJobIds,
  MEMBER,
  SECRETARY,
  shown,
} from "./admin-support.ts";

const w = adminSuite();

const run = (text: string, userId = SECRETARY, locale: "lv" | "en" = "lv") =>
  handle(parse(text), w.deps, as(userId, locale));

async function mappingOf(code: string) {
  const institution = await findInstitution(w.db, code);
  return institution && getMapping(w.db, institution.id);
}

describe("/institution: looking", () => {
  it("shows an unmapped institution to anyone, by code or alias in any case", async () => {
    for (const query of ["IEM", "iem", "IeM"]) {
      const reply = await run(query, MEMBER);
      expect(reply.found).toBe(true);
      const text = shown(reply);
      expect(text).toContain("IEM – Iekšlietu ministrija");
      expect(text).toContain("nav piesaistīts");
    }
  });

  it("lists every institution with a mapped / not mapped marker", async () => {
    await run("set IEM <#C0IEM0001|iem-darba-grupa> <@U0ANNA|anna>");
    const text = shown(await run("", MEMBER));
    expect(text).toContain("/institution set IEM");
    expect(text).toContain("✅ *IEM* Iekšlietu ministrija → <#C0IEM0001>");
    expect(text).toContain("⚪ *LM* Labklājības ministrija – _nav piesaistīta_");
    expect(text).toContain("piesaistītas Slack: 1 no");
  });

  it("answers an unknown code kindly with the known codes", async () => {
    const reply = await run("XYZ<b>", MEMBER);
    expect(reply.found).toBe(false);
    const text = shown(reply);
    expect(text).toContain("„XYZ&lt;b&gt;” nav");
    expect(text).toContain("IEM");
  });
});

describe("/institution set", () => {
  it("maps a channel and contacts, audits before → after, and shows it", async () => {
    const reply = await run("set iem <#C0IEM0001|iem-darba-grupa> <@U0ANNA|anna> <@U0JANIS>");
    expect(reply.found).toBe(true);
    expect(shown(reply)).toContain("kanāls <#C0IEM0001>, kontaktpersonas: <@U0ANNA>, <@U0JANIS>");
    expect(shown(reply)).not.toContain("Redis");
    expect(await mappingOf("IEM")).toMatchObject({
      channelId: "C0IEM0001",
      contacts: [
        { userId: "U0ANNA", awayUntil: null },
        { userId: "U0JANIS", awayUntil: null },
      ],
    });
    await run("set IEM <#C0IEM0002> <@U0ANNA>");
    const audit = await auditOf(w.db, "mapping", "IEM");
    expect(audit.map((a) => [a.actor, a.field, a.before, a.after])).toEqual([
      [SECRETARY, "contacts", ["U0ANNA", "U0JANIS"], ["U0ANNA"]],
      [SECRETARY, "channel", "C0IEM0001", "C0IEM0002"],
      [SECRETARY, "contacts", [], ["U0ANNA", "U0JANIS"]],
      [SECRETARY, "channel", null, "C0IEM0001"],
    ]);
    expect(audit[0]?.at).toBe("2026-11-29T12:00:00.000Z");
    const show = shown(await run("IEM", MEMBER));
    expect(show).toContain("<#C0IEM0002>");
    expect(show).not.toContain("U0JANIS");
  });

  it("maps a code with spaces", async () => {
    await run("set VP GKrPP <#C0VP00001>");
    expect((await mappingOf("VP GKrPP"))?.channelId).toBe("C0VP00001");
  });

  it("re-plans the reminders after a change", async () => {
    await handleCutoff(parseCutoff("add 2027-02-01 Ziņojums"), w.deps, as(SECRETARY));
    await w.queue.obliterate({ force: true });
    expect(await delayedJobIds(w.queue)).toEqual([]);
    await run("set IEM <#C0IEM0001> <@U0ANNA>");
    expect((await delayedJobIds(w.queue)).length).toBeGreaterThan(0);
  });

  it("refuses everyone but the secretary, names the secretary, changes nothing", async () => {
    for (const text of [
      "set IEM <#C0IEM0001> <@U0ANNA>",
      "away <@U0ANNA> 2027-01-15",
      "add TSAB Tiesībsarga birojs",
    ]) {
      const reply = await run(text, MEMBER);
      expect(reply.found).toBe(false);
      expect(shown(reply)).toContain("var tikai sekretārs (<@U0SECRETARY>)");
    }
    expect((await mappingOf("IEM"))?.channelId).toBeNull();
    expect(await findInstitution(w.db, "TSAB")).toBeUndefined();
    expect(await auditOf(w.db, "mapping", "IEM")).toEqual([]);
    const en = shown(await run("set IEM <#C0IEM0001>", MEMBER, "en"));
    expect(en).toContain("only the secretary can change how institutions are mapped");
  });

  it("says which mention it could not read", async () => {
    const text = shown(await run("set IEM #iem-darba-grupa @anna"));
    expect(text).toContain("„#iem-darba-grupa” nav Slack kanāla saite");
    expect(shown(await run("set NAV <#C0X000001>"))).toContain("Institūcijas „NAV” nav");
  });
});

describe("/institution away", () => {
  beforeEach(async () => {
    await run("set IEM <#C0IEM0001> <@U0ANNA> <@U0JANIS>");
    await run("set LM <#C0LM00001> <@U0JANIS>");
  });

  it("marks a contact away in every institution, audits it, and shows the date", async () => {
    const reply = await run("away <@U0JANIS|janis> 2027-01-15");
    expect(shown(reply)).toContain("prombūtnē līdz *15.01.2027.* ieskaitot");
    // IEM has Anna besides; LM has nobody else, which the warning says (not "the others").
    expect(shown(reply)).toContain("Atgādinājumos (IEM) pa to laiku pieminēsim pārējās");
    expect(shown(reply)).toContain("⚠️ LM: citu kontaktpersonu");
    expect((await mappingOf("LM"))?.contacts).toEqual([
      { userId: "U0JANIS", awayUntil: "2027-01-15" },
    ]);
    const audit = await auditOf(w.db, "mapping", "IEM");
    expect(audit[0]).toMatchObject({
      field: "away_until:U0JANIS",
      before: null,
      after: "2027-01-15",
    });
    expect(shown(await run("IEM", MEMBER, "en"))).toContain("away until 15 Jan 2027, inclusive");
  });

  it("warns when an institution is left with no contact to mention (LM has only Jānis)", async () => {
    const reply = shown(await run("away <@U0JANIS> 2027-01-15"));
    expect(reply).toContain("⚠️ LM: citu kontaktpersonu, kas nav prombūtnē, nav");
    expect(reply).not.toContain("IEM: citu");
    const en = shown(await run("away <@U0JANIS> 2027-01-16", SECRETARY, "en"));
    expect(en).toContain("⚠️ LM: no other contact who is not away");
    expect(shown(await run("away <@U0JANIS> off"))).not.toContain("⚠️");
  });

  it("reads relative dates against the clock, and off as back", async () => {
    await run("away <@U0JANIS> rīt");
    expect((await mappingOf("IEM"))?.contacts[1]?.awayUntil).toBe("2026-11-30");
    const back = await run("away <@U0JANIS> off");
    expect(shown(back)).toContain("atkal ir darbā");
    expect((await mappingOf("IEM"))?.contacts[1]?.awayUntil).toBeNull();
  });

  it("refuses a past date and someone who is no contact", async () => {
    expect(shown(await run("away <@U0JANIS> 2026-11-28"))).toContain("jau ir pagājis");
    const stranger = await run("away <@U0STRANGER> 2027-01-15");
    expect(stranger.found).toBe(false);
    expect(shown(stranger)).toContain("nav nevienas institūcijas kontaktpersona");
  });
});

describe("/institution add", () => {
  it("adds an institution that tasks and look-ups can name, audited", async () => {
    const reply = await run("add TSAB Tiesībsarga birojs");
    expect(reply.found).toBe(true);
    expect(shown(reply)).toContain("Pievienota institūcija *TSAB* – Tiesībsarga birojs");
    expect(await findInstitution(w.db, "tsab")).toMatchObject({
      code: "TSAB",
      name: "Tiesībsarga birojs",
    });
    expect(await auditOf(w.db, "institution", "TSAB")).toMatchObject([
      { actor: SECRETARY, action: "create", after: { code: "TSAB", name: "Tiesībsarga birojs" } },
    ]);
  });

  it.each([
    ["add gp Ģenerālprokuratūra", "*GP* – Ģenerālprokuratūra"],
    ["add IEM Iekšlietu ministrija", "*IEM* – Iekšlietu ministrija"],
    ["add ieM Cita ministrija", "*IEM* – Iekšlietu ministrija"],
    ["add am Aizsardzība", "*AiM* – Aizsardzības ministrija"],
  ])("refuses %j: the code clashes, ignoring case", async (text, taken) => {
    const reply = await run(text);
    expect(reply.found).toBe(false);
    expect(shown(reply)).toContain(taken);
  });
});

describe("/institution when the queue is down", () => {
  it("saves the change and says the reminders will be planned later", async () => {
    w.deps.replan = async () => {
      throw new Error("Connection is closed.");
    };
    const reply = await run("set IEM <#C0IEM0001> <@U0ANNA>");
    expect(reply.found).toBe(true);
    expect(shown(reply)).toContain("Atgādinājumu rinda (Redis) šobrīd nav pieejama");
    expect((await mappingOf("IEM"))?.channelId).toBe("C0IEM0001");
    w.deps.replan = async () => null;
    expect(shown(await run("away <@U0ANNA> 2027-01-15", SECRETARY, "en"))).toContain(
      "reminder queue (Redis) is not reachable",
    );
  });
});
