import { describe, expect, it } from "vitest";
import { stripEmphasis, terminalText, withoutNote } from "../../src/cli/terminal.ts";

describe("CLI terminal text", () => {
  it("drops mrkdwn's emphasis markers where Slack would read them", () => {
    expect(stripEmphasis("Termiņš *2010. gada 31. decembris* · *35* uzdevumi")).toBe(
      "Termiņš 2010. gada 31. decembris · 35 uzdevumi",
    );
    expect(stripEmphasis("• *LM* (<@U1>) _(nepārbaudīta)_ ~vecs~.")).toBe(
      "• LM (<@U1>) (nepārbaudīta) vecs.",
    );
    expect(stripEmphasis("„*Sēde*”\n*Kā lietot*")).toBe("„Sēde”\nKā lietot");
  });

  it("leaves asterisks and underscores that are not emphasis", () => {
    for (const text of [
      "user_settings",
      "2 * 3 * 4",
      "DIGEST_LEAD_DAYS=3",
      "a*b*c",
      "snake_case_name",
    ])
      expect(stripEmphasis(text)).toBe(text);
  });

  it("prints a command's blocks without the markers", () => {
    const blocks = [
      { type: "header", text: { type: "plain_text", text: "Uzdevums 14" } },
      { type: "section", text: { type: "mrkdwn", text: "*Statuss:* Izpildīts" } },
    ];
    const text = terminalText(blocks);
    expect(text).toContain("Statuss: Izpildīts");
    expect(text).not.toContain("*");
  });
});

describe("withoutNote", () => {
  it("drops a note on its own line or joined with ' · ', and nothing else", () => {
    const note = "Rinda nav pieejama.";
    expect(withoutNote(`Pievienots.\n${note}`, note)).toBe("Pievienots.");
    expect(withoutNote(`Pievienots.\nPlāns: /cutoff plan 1 · ${note}`, note)).toBe(
      "Pievienots.\nPlāns: /cutoff plan 1",
    );
    expect(withoutNote(`${note} · Plāns`, note)).toBe("Plāns");
    expect(withoutNote("Pievienots.", note)).toBe("Pievienots.");
  });
});
