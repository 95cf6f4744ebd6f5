/**
 * `remind --now`'s rows in the order `/cutoff plan` lists institutions (codes, Latvian
 * collation), and its refusals naming the institution's code in the command that fixes them:
 * no channel → map one; a channel Slack does not know → name another (pure, no app).
 */
import { describe, expect, it } from "vitest";
import { inInstitutionOrder, remindLines } from "../../src/cli/remind.ts";

const rows = [
  { institution: "VM", kind: "overdue", result: "sent" },
  { institution: "IZM", kind: "overdue", result: "no_mapping" },
  { institution: "ĀM", kind: "overdue", result: "channel_not_found" },
  { institution: "AM", kind: "overdue", result: "sent" },
];

describe("remind --now's rows", () => {
  it("are in the programme's institution order, as /cutoff plan's", () => {
    expect(inInstitutionOrder(rows).map((r) => r.institution)).toEqual(["AM", "ĀM", "IZM", "VM"]);
    expect(rows[0]?.institution).toBe("VM");
    const lines = remindLines(rows, "lv");
    expect(lines.map((l) => l.split(" ")[0])).toEqual(["AM", "ĀM", "IZM", "VM"]);
  });

  it("name the institution's code in the fix (lv, en)", () => {
    const lv = remindLines(rows, "lv");
    expect(lv[2]).toMatch(
      /^IZM +pēc termiņa +nav sūtīts: institūcijai nav piesaistīts Slack kanāls \(`npm run cli -- institution set IZM <kanāla ID> <lietotāja ID>`\)$/u,
    );
    expect(lv[1]).toMatch(
      /^ĀM +pēc termiņa +neizdevās: kanāls nav atrasts – norādiet citu \(`npm run cli -- institution set ĀM <kanāla ID> <lietotāja ID>`\)$/u,
    );
    const en = remindLines(rows, "en");
    expect(en[2]).toContain(
      "not sent: no channel mapped for the institution (`npm run cli -- institution set IZM <channelId> <userId>`)",
    );
    expect(en[1]).toContain(
      "failed: channel not found – name another (`npm run cli -- institution set ĀM <channelId> <userId>`)",
    );
  });
});
