/** `/cutoff list`'s line of removed cut-offs: the latest five, the rest counted, titles escaped, within Slack's limits. */
import { describe, expect, it } from "vitest";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { type RemovedCutoff, renderCutoffList } from "../../src/slack/render-cutoff.ts";

const ctx = { locale: "lv" as const, zone: "Europe/Riga", today: "2026-11-30" };

const removed = (n: number): RemovedCutoff[] =>
  Array.from({ length: n }, (_, i) => ({
    id: 10 + i,
    at: "2027-02-01T10:00:30.000Z",
    title: `Termiņš <${i}>`,
    removedAt: "2026-11-29T22:30:00.000Z",
  }));

describe("/cutoff list: removed cut-offs", () => {
  it("names the latest five in one line, counts the rest, escapes titles", () => {
    const blocks = renderCutoffList([], ctx, false, removed(7));
    expect(validateBlocks(blocks, "message")).toEqual([]);
    const text = blocksToText(blocks);
    // Removed ones exist: no "vēl nav" / "yet".
    expect(text).toContain("Spēkā esošu ziņošanas termiņu nav.");
    expect(text).not.toContain("vēl nav");
    expect(text).toContain(
      "Noņemtie termiņi: #10 Termiņš <0> (pirmd. 01.02.2027. 12:00) – noņemts 30.11.2026. · #11",
    );
    expect(text).toContain("#14 ");
    expect(text).not.toContain("#15 ");
    expect(text).toContain("· … un vēl 2.");
    expect(JSON.stringify(blocks)).toContain("Termiņš &lt;0&gt;");
  });

  it("says nothing of removed ones when there are none", () => {
    const text = blocksToText(renderCutoffList([], { ...ctx, locale: "en" }, false));
    expect(text).not.toContain("Removed");
    expect(text).toContain("There are no reporting cut-offs yet.");
    const en = blocksToText(renderCutoffList([], { ...ctx, locale: "en" }, false, removed(1)));
    expect(en).toContain("Removed cut-offs: #10");
    expect(en).toContain("There are no live reporting cut-offs.");
    expect(en).not.toContain("yet");
    expect(en).toContain("– removed on 30 Nov 2026");
  });
});
