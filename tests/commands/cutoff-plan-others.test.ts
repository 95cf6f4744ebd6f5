/**
 * `/cutoff plan` without a number names the other live cut-offs, and tells those that passed
 * apart from those ahead (a fresh user's finding: a passed #6 stood among "5 other live
 * cut-offs"), by `/task`'s rule: passed within 30 days, or earlier; each once, in one sentence
 * (a fresh user's finding: "Spēkā ir vēl 1 termiņš (#1) … Neviens no tiem nav priekšā.
 * Pagājuši senāk: #1." told one fact three times).
 */
import { describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/cutoff.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { adminSuite, as, SECRETARY, shown } from "./admin-support.ts";

const w = adminSuite({ now: "2026-11-01T10:00:00Z" });

const run = async (text: string, locale: "lv" | "en" = "lv") =>
  shown(await handle(parse(text), w.deps, as(SECRETARY, locale)));

async function idOf(title: string): Promise<number> {
  const found = (await listCutoffs(w.db)).find((c) => c.title === title);
  if (!found) throw new Error(`no cut-off ${title}`);
  return found.id;
}

describe("/cutoff plan without a number, other cut-offs ahead and passed", () => {
  it("names the passed ones apart: within 30 days, and earlier (lv, en)", async () => {
    await run("add 2026-11-05 Senais");
    await run("add 2026-12-10 Nesenais");
    await run("add 2027-01-10 Nākamais");
    await run("add 2027-02-01 Vēlākais");
    w.clock.set("2026-12-20T10:00:00Z");
    const [old, recent, later] = [
      await idOf("Senais"),
      await idOf("Nesenais"),
      await idOf("Vēlākais"),
    ];
    const lv = await run("plan");
    expect(lv).toContain(`#${await idOf("Nākamais")} ${"Nākamais"}`);
    expect(lv).toContain(
      `Vēl ir 3 citi termiņi: #${later} – priekšā; #${recent} – pagājis pēdējās 30 dienās (atbildes vēl var pienākt); #${old} – pagājis pirms vairāk nekā 30 dienām. Cita termiņa plāns – \`/cutoff plan ${later}\`, visi termiņi – \`/cutoff list\`.`,
    );
    expect(lv).not.toContain("Spēkā ir vēl");
    const en = await run("plan", "en");
    expect(en).toContain(
      `There are 3 other cut-offs: #${later} – ahead; #${recent} – passed within the last 30 days (replies may still come in); #${old} – passed more than 30 days ago. For another one's plan, \`/cutoff plan ${later}\`; for all cut-offs, \`/cutoff list\`.`,
    );
  });

  it("says nothing more when every other one is ahead", async () => {
    await run("add 2027-01-10 Nākamais");
    await run("add 2027-02-01 Vēlākais");
    const lv = await run("plan");
    const id = await idOf("Vēlākais");
    expect(lv).toContain(
      `Spēkā ir vēl 1 termiņš (#${id}): tā plāns – \`/cutoff plan ${id}\`, visi termiņi – \`/cutoff list\`.`,
    );
    expect(lv).not.toContain("priekšā");
    expect(lv).not.toContain("pagāj");
    const en = await run("plan", "en");
    expect(en).toContain(
      `There is 1 other live cut-off (#${id}): for its plan, \`/cutoff plan ${id}\`; for all cut-offs, \`/cutoff list\`.`,
    );
  });

  it("names one passed other cut-off once, in the singular (lv, en)", async () => {
    await run("add 2026-11-05 Senais");
    await run("add 2026-12-10 Nesenais");
    w.clock.set("2026-12-20T10:00:00Z");
    const old = await idOf("Senais");
    const lv = await run("plan");
    expect(lv).toContain("rādu pēdējā pagājušā ziņošanas termiņa");
    expect(lv).toContain(
      `Vēl ir 1 cits termiņš: #${old} – pagājis pirms vairāk nekā 30 dienām. Tā plāns – \`/cutoff plan ${old}\`, visi termiņi – \`/cutoff list\`.`,
    );
    // One fact, once: not "in force", not "none of them ahead", not "passed" twice.
    expect(lv).not.toContain("Spēkā ir vēl");
    expect(lv).not.toContain("Neviens no tiem");
    expect(lv.split("Tā plāns")[0]?.match(/pagāj/gu)).toHaveLength(2); // "pagājušā", "pagājis"
    const en = await run("plan", "en");
    expect(en).toContain(
      `There is 1 other cut-off: #${old} – passed more than 30 days ago. For its plan, \`/cutoff plan ${old}\`; for all cut-offs, \`/cutoff list\`.`,
    );
    expect(en).not.toContain("None of them");
  });

  it("names several passed ones in the plural (lv)", async () => {
    await run("add 2026-11-03 Pirmais");
    await run("add 2026-11-05 Otrais");
    await run("add 2026-12-10 Nesenais");
    w.clock.set("2026-12-20T10:00:00Z");
    const lv = await run("plan");
    expect(lv).toContain(
      `Vēl ir 2 citi termiņi: #${await idOf("Pirmais")}, #${await idOf("Otrais")} – pagājuši pirms vairāk nekā 30 dienām.`,
    );
  });

  it("calls the only cut-off, once passed, not 'spēkā esošs' / 'live' (lv, en)", async () => {
    await run("add 2026-12-10 Vienīgais");
    const ahead = await run("plan");
    expect(ahead).toContain("rādu vienīgā spēkā esošā ziņošanas termiņa");
    w.clock.set("2026-12-15T10:00:00Z");
    const lv = await run("plan");
    expect(lv).toMatch(
      /rādu vienīgā ziņošanas termiņa \*#\d+\* \(Vienīgais, [^)]+\) plānu\. Tas jau pagājis, un nākamā termiņa nav, bet atbildes uz šo vēl var pienākt\./u,
    );
    expect(lv).not.toContain("spēkā esošā");
    const en = await run("plan", "en");
    expect(en).toMatch(
      /the plan of the only cut-off, \*#\d+\* \(Vienīgais, [^)]+\)\. It has passed and there is no next one, but replies to it may still come in\./u,
    );
    expect(en).not.toContain("live cut-off,");
  });
});
