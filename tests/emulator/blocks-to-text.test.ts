import { describe, expect, it } from "vitest";
import { blocksToText, mrkdwnToText, replyToText } from "../../src/slack/blocks-to-text.ts";

describe("mrkdwnToText", () => {
  it("turns links into label (url) and keeps mentions and bold", () => {
    expect(mrkdwnToText("*Task 14*: see <https://example.lv/r|the report> by <@U123>")).toBe(
      "*Task 14*: see the report (https://example.lv/r) by <@U123>",
    );
  });

  it("renders bare links, channels, specials, dates and escapes", () => {
    expect(
      mrkdwnToText("<https://a.lv> in <#C1|general> <!here> <!date^1|1 Jan> a &lt; b &amp; c"),
    ).toBe("https://a.lv in #general @here 1 Jan a < b & c");
  });
});

describe("blocksToText", () => {
  it("renders a task reply readably", () => {
    const text = blocksToText([
      { type: "header", text: { type: "plain_text", text: "Task 14" } },
      {
        type: "section",
        text: { type: "mrkdwn", text: "*Deadline:* 2010" },
        fields: [{ type: "mrkdwn", text: "*Status*\ndone" }],
      },
      { type: "divider" },
      {
        type: "context",
        elements: [
          { type: "mrkdwn", text: "IEM" },
          { type: "plain_text", text: "VP" },
        ],
      },
      {
        type: "actions",
        elements: [
          { type: "button", text: { type: "plain_text", text: "Open" }, action_id: "o" },
          {
            type: "static_select",
            placeholder: { type: "plain_text", text: "Status" },
            action_id: "s",
          },
        ],
      },
    ]);
    expect(text).toBe(
      [
        "Task 14",
        "=======",
        "*Deadline:* 2010",
        "*Status*: done",
        "-".repeat(40),
        "IEM · VP",
        "[ Open ] [ Status ▾ ]",
      ].join("\n"),
    );
  });

  it("renders accessories, images, inputs and rich text", () => {
    const text = blocksToText([
      {
        type: "section",
        text: { type: "plain_text", text: "Reply?" },
        accessory: { type: "button", text: { type: "plain_text", text: "Yes" }, action_id: "y" },
      },
      { type: "image", image_url: "https://x.lv/c.png", alt_text: "chart" },
      {
        type: "input",
        label: { type: "plain_text", text: "Progress" },
        element: { type: "plain_text_input", action_id: "p" },
      },
      {
        type: "rich_text",
        elements: [
          {
            type: "rich_text_section",
            elements: [
              { type: "text", text: "See " },
              { type: "link", url: "https://x.lv", text: "site" },
            ],
          },
          {
            type: "rich_text_list",
            elements: [{ type: "rich_text_section", elements: [{ type: "text", text: "one" }] }],
          },
        ],
      },
    ]);
    expect(text).toBe(
      [
        "Reply?",
        "[ Yes ]",
        "(image: chart) https://x.lv/c.png",
        "Progress: [ … ]",
        "See site (https://x.lv)",
        "• one",
      ].join("\n"),
    );
  });

  it("prints each field on its own line: label and value, or the value's lines under the label", () => {
    const text = blocksToText([
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: "*Termiņš*\n2010. gada 31. decembris" },
          {
            type: "mrkdwn",
            text: "*Līdzatbildīgās institūcijas*\n*IZM* – Izglītības\n*IEM* – Iekšlietu",
          },
          { type: "mrkdwn", text: "*Deadline:*\n2010" },
          { type: "plain_text", text: "no label" },
        ],
      },
    ]);
    expect(text).toBe(
      [
        "*Termiņš*: 2010. gada 31. decembris",
        "*Līdzatbildīgās institūcijas*:",
        "  *IZM* – Izglītības",
        "  *IEM* – Iekšlietu",
        "*Deadline:* 2010",
        "no label",
      ].join("\n"),
    );
  });

  it("names a channel mentioned by id when its name is known, else keeps the id", () => {
    const channelNames = new Map([["C0LOCAL01", "darba-grupa"]]);
    expect(mrkdwnToText("in <#C0LOCAL01> and <#C0OTHER>", { channelNames })).toBe(
      "in #darba-grupa and #C0OTHER",
    );
    expect(mrkdwnToText("<#C0LOCAL01|own-label>", { channelNames })).toBe("#own-label");
    const rich = blocksToText(
      [
        {
          type: "rich_text",
          elements: [
            {
              type: "rich_text_section",
              elements: [{ type: "channel", channel_id: "C0LOCAL01" }],
            },
          ],
        },
      ],
      { channelNames },
    );
    expect(rich).toBe("#darba-grupa");
  });

  it("never throws on malformed input", () => {
    expect(blocksToText(undefined)).toBe("");
    expect(blocksToText([null, 3, { type: "mystery" }])).toBe("[mystery]");
  });
});

describe("replyToText", () => {
  it("prefers blocks, falls back to text", () => {
    expect(replyToText({ text: "fallback", blocks: [{ type: "divider" }] })).toBe("-".repeat(40));
    expect(replyToText({ text: "see <https://a.lv|this>" })).toBe("see this (https://a.lv)");
    expect(replyToText("plain")).toBe("plain");
  });
});
