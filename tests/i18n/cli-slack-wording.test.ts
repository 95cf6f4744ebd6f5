/** The emulator's deletion refusal uses Slack's Latvian term "darbvieta". */
import { describe, expect, it } from "vitest";
import { slackToolText } from "../../src/i18n/cli-slack.ts";

describe("the emulator's deletion refusal", () => {
  it("says 'darbvietas administrators'", () => {
    const text = slackToolText("lv").notAuthor("delete", "1.2", "@anna");
    expect(text).toContain("vai darbvietas administrators");
    expect(text).not.toContain("darba vietas");
  });
});
