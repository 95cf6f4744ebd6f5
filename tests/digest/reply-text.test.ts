/**
 * A reply's excerpt as the digest shows it in Slack (escaped once, broadcast silenced, link
 * target visible) reads plainly in the digest's Markdown and DOCX text.
 */
import { describe, expect, it } from "vitest";
import { mrkdwnToMarkdown } from "../../src/digest/render-markdown.ts";
import { plainText } from "../../src/digest/render-slack.ts";
import { slackDisplayText } from "../../src/slack/message-text.ts";

const SENT =
  "<!channel> skatīt <https://evil.example/?a=1&amp;b=2|lm.gov.lv> un <@U0JANIS> — R&amp;D un 5 &lt; 6 &amp;lt; <!date^1392734382^{date}|18.02.2014.>";
const shown = slackDisplayText(SENT, { linkTargets: true });

describe("a reply's excerpt in the digest", () => {
  it("in Slack: escaped once, the broadcast silenced, the link's target shown", () => {
    expect(shown).toBe(
      "@channel skatīt lm.gov.lv (<https://evil.example/?a=1&amp;b=2>) un <@U0JANIS> — R&amp;D un 5 &lt; 6 &amp;lt; <!date^1392734382^{date}|18.02.2014.>",
    );
  });

  it("in Markdown: plain, the person named", () => {
    expect(mrkdwnToMarkdown(shown, { users: new Map([["U0JANIS", "janis"]]) })).toBe(
      "@channel skatīt lm.gov.lv (<https://evil.example/?a=1&b=2>) un @janis — R&D un 5 < 6 &lt; 18.02.2014.",
    );
  });

  it("in the DOCX's text: plain", () => {
    expect(plainText(shown)).toBe(
      "@channel skatīt lm.gov.lv (https://evil.example/?a=1&b=2) un @U0JANIS — R&D un 5 < 6 &lt; 18.02.2014.",
    );
  });
});
