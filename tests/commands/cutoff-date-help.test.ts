/**
 * `/cutoff add` and `/cutoff move` name only dates that can be a cut-off: the date help under a
 * date not understood offers no day gone ("vakar", "aizvakar", "yesterday": a fresh user's
 * finding), and such a day typed is refused, saying a cut-off must be in the future.
 */
import { describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/cutoff.ts";
import { DATE_FORMATS_HELP, FUTURE_DATE_FORMATS_HELP } from "../../src/domain/dates.ts";
import { adminSuite, as, SECRETARY, shown } from "./admin-support.ts";

const w = adminSuite({ now: "2026-11-01T10:00:00Z" });

const run = async (text: string, locale: "lv" | "en" = "lv") =>
  shown(await handle(parse(text), w.deps, as(SECRETARY, locale)));

describe("/cutoff's date help", () => {
  it("offers today and tomorrow, not yesterday (add, move; lv, en)", async () => {
    const add = await run("add nekad Pārbaude");
    expect(add).toContain("„nekad” nav saprotams datums.");
    expect(add).toContain(FUTURE_DATE_FORMATS_HELP.lv);
    expect(add).toContain("kā arī šodien, rīt.");
    expect(add).not.toContain("vakar");
    const en = await run("add never Test", "en");
    expect(en).toContain(FUTURE_DATE_FORMATS_HELP.en);
    expect(en).toContain("also today, tomorrow.");
    expect(en).not.toContain("yesterday");
    await run("add 2026-12-10 Pārbaude");
    const move = await run("move 1 31.02.2027");
    expect(move).toContain("Datums „31.02.2027” neeksistē");
    expect(move).toContain(FUTURE_DATE_FORMATS_HELP.lv);
    expect(move).not.toContain("vakar");
    // Commands where a day gone makes sense keep it.
    expect(DATE_FORMATS_HELP.lv).toContain("vakar, aizvakar");
  });

  it("refuses a day gone, saying a cut-off must be in the future (lv, en)", async () => {
    expect(await run("add vakar Pārbaude")).toContain(
      "31.10.2026. 23:59 jau ir pagājis: ziņošanas termiņam jābūt nākotnē.",
    );
    expect(await run("add yesterday Test", "en")).toContain(
      "has already passed: a cut-off must be in the future.",
    );
  });
});
