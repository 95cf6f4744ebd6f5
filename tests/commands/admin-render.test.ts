import { describe, expect, it } from "vitest";
import type { CutoffPlan } from "../../commands/cutoff-model.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { formatInstant, packParagraphs } from "../../src/slack/render-admin.ts";
import { kindLabel, renderCutoffPlan } from "../../src/slack/render-cutoff.ts";
import { renderInstitutionHelp } from "../../src/slack/render-institution.ts";

const ctx = { locale: "lv" as const, zone: "Europe/Riga", today: "2026-11-29" };

function bigPlan(institutions: number): CutoffPlan {
  const reminder = {
    kind: "before-P14D",
    at: "2027-01-18T07:00:00.000Z",
    state: "planned" as const,
  };
  return {
    cutoff: {
      id: 7,
      at: "2027-02-01T21:59:59.999Z",
      title: `Ļoti garš nosaukums ${"ā".repeat(200)}`,
      taskNumbers: null,
      tasks: 26,
      institutions,
      reminders: institutions * 4,
      nextReminder: null,
      passed: false,
    },
    institutions: Array.from({ length: institutions }, (_, i) => ({
      code: `I${i}`,
      name: `Institūcija <${i}> & co ${"x".repeat(80)}`,
      channelId: i % 2 ? `C0${i}AAAA` : null,
      contacts: [{ userId: `U0${i}AAAA`, awayUntil: "2027-01-01" }],
      tasks: Array.from({ length: 26 }, (_, n) => String(n + 1)),
      reminders: Array.from({ length: 4 }, () => ({ ...reminder, detail: null, sentAt: null })),
    })),
    unmapped: [],
  };
}

describe("admin answers stay within Slack's limits", () => {
  it("fits a plan of 300 institutions into one valid message and names what is left out", () => {
    const blocks = renderCutoffPlan(bigPlan(300), ctx, "piezīme");
    expect(validateBlocks(blocks, "message")).toEqual([]);
    expect(blocks.length).toBeLessThanOrEqual(50);
    const text = blocksToText(blocks);
    expect(text).toMatch(/… un vēl \d+\. Viss plāns: `koordinators cutoff plan 7 --json`/);
    expect(text).toContain("piezīme");
    expect(text).toContain("Institūcija <0> & co");
  });

  it("lists 2000 institutions in valid blocks, counting those left out", () => {
    const mappings = Array.from({ length: 2000 }, (_, i) => ({
      institutionId: i,
      code: `K${i}`,
      name: "Nosaukums ".repeat(20),
      channelId: i % 3 ? null : `C0${i}BBBB`,
      contacts: [],
    }));
    const blocks = renderInstitutionHelp(mappings, "en");
    expect(validateBlocks(blocks, "message")).toEqual([]);
    const text = blocksToText(blocks);
    const listed = text.split("\n").filter((l) => /^(✅|⚪) \*K\d+\*/u.test(l)).length;
    expect(text).toContain(`… and ${2000 - listed} more.`);
  });

  it("lists institutions one under another, with no blank line where a group would end", () => {
    const mappings = Array.from({ length: 45 }, (_, i) => ({
      institutionId: i,
      code: `K${i}`,
      name: "Nosaukums",
      channelId: null,
      contacts: [],
    }));
    const text = blocksToText(renderInstitutionHelp(mappings, "lv"));
    const list = text.slice(text.indexOf("⚪ *K0*"));
    expect(list).not.toContain("\n\n");
    expect(list.split("\n").filter((l) => l.startsWith("⚪"))).toHaveLength(45);
  });

  it("marks a channel whose last reminder failed with ⚠️ and the short reason (lv, en)", () => {
    const mapping = (institutionId: number, code: string, channelId: string | null) => ({
      institutionId,
      code,
      name: `${code} ministrija`,
      channelId,
      contacts: [],
    });
    const mappings = [mapping(1, "LM", "C0LM"), mapping(2, "IEM", "C0IEM"), mapping(3, "TM", null)];
    const problems = new Map([
      [1, { failed: "not_in_channel" }],
      [2, { failed: "weird_error" }],
    ]);
    const lv = blocksToText(renderInstitutionHelp(mappings, "lv", problems));
    expect(lv).toContain(
      "⚠️ *LM* LM ministrija → #C0LM – _pēdējais atgādinājums netika nosūtīts: lietotne nav pievienota kanālam_",
    );
    expect(lv).toContain(
      "⚠️ *IEM* IEM ministrija → #C0IEM – _pēdējais atgādinājums netika nosūtīts: Slack atbildēja „weird_error”_",
    );
    expect(lv).toContain("⚪ *TM* TM ministrija – _nav piesaistīta_");
    expect(lv).not.toContain("✅");
    expect(lv).toContain("piesaistītas Slack: 2 no 3");
    const en = blocksToText(
      renderInstitutionHelp(mappings, "en", new Map([[1, { failed: "is_archived" }]])),
    );
    expect(en).toContain(
      "⚠️ *LM* LM ministrija → #C0LM – _the last reminder could not be sent: the channel is archived_",
    );
    expect(en).toContain("✅ *IEM* IEM ministrija → #C0IEM");
  });

  it("packs paragraphs in order and reports none left when all fit", () => {
    const blocks = packParagraphs(["a", "b", "c"], 5, (n) => `more ${n}`);
    expect(blocksToText(blocks)).toBe("a\n\nb\n\nc");
  });

  it("labels offsets and times for people in Riga", () => {
    expect(kindLabel("before-P14D", "lv")).toBe("14 dienas pirms termiņa");
    expect(kindLabel("before-PT30S", "en")).toBe("30 seconds before");
    expect(kindLabel("before-PT1H30M", "lv")).toBe("1 stunda un 30 minūtes pirms termiņa");
    expect(kindLabel("overdue", "en")).toBe("after the cut-off");
    // 28 March 2027: summer time starts in Riga (UTC+3 from 04:00 local).
    expect(formatInstant("2027-03-28T01:30:00.000Z", "Europe/Riga", "en")).toBe(
      "Sun 28 Mar 2027 04:30",
    );
    expect(formatInstant("2027-01-18T07:00:00.000Z", "Europe/Riga", "lv")).toBe(
      "pirmd. 18.01.2027. 09:00",
    );
  });
});
