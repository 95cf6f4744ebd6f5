import { describe, expect, it } from "vitest";
import {
  BUTTON_TEXT_MAX,
  HEADER_TEXT_MAX,
  MESSAGE_BLOCKS_MAX,
  MODAL_BLOCKS_MAX,
  SECTION_TEXT_MAX,
  validateBlocks,
  validateView,
} from "../../src/slack/block-limits.ts";

const section = (text: string, extra: Record<string, unknown> = {}) => ({
  type: "section",
  text: { type: "mrkdwn", text },
  ...extra,
});
const button = (text: string, extra: Record<string, unknown> = {}) => ({
  type: "button",
  text: { type: "plain_text", text },
  action_id: `a_${text.slice(0, 10)}`,
  ...extra,
});

describe("validateBlocks", () => {
  it("accepts a typical task reply", () => {
    const blocks = [
      { type: "header", text: { type: "plain_text", text: "14. uzdevums", emoji: true } },
      section("*Termiņš:* 2010.gads", { block_id: "task" }),
      { type: "section", fields: [{ type: "mrkdwn", text: "*Statuss*\nizpildīts" }] },
      { type: "divider" },
      { type: "context", elements: [{ type: "mrkdwn", text: "Atbildīgā: IEM" }] },
      { type: "actions", elements: [button("Open", { value: "14", style: "primary" })] },
    ];
    expect(validateBlocks(blocks, "message")).toEqual([]);
  });

  it("counts blocks per surface", () => {
    const many = (n: number) => Array.from({ length: n }, () => ({ type: "divider" }));
    expect(validateBlocks(many(MESSAGE_BLOCKS_MAX), "message")).toEqual([]);
    expect(validateBlocks(many(MESSAGE_BLOCKS_MAX + 1), "message")).toEqual([
      "must be less than 51 items [json-pointer:/blocks]",
    ]);
    expect(validateBlocks(many(MODAL_BLOCKS_MAX), "modal")).toEqual([]);
    expect(validateBlocks(many(MODAL_BLOCKS_MAX + 1), "home")).toHaveLength(1);
  });

  it("limits section text at 3000 and header text at 150 characters", () => {
    expect(validateBlocks([section("x".repeat(SECTION_TEXT_MAX))], "message")).toEqual([]);
    expect(validateBlocks([section("x".repeat(SECTION_TEXT_MAX + 1))], "message")).toEqual([
      "must be less than 3001 characters [json-pointer:/blocks/0/text/text]",
    ]);
    const header = (text: string) => ({ type: "header", text: { type: "plain_text", text } });
    expect(validateBlocks([header("h".repeat(HEADER_TEXT_MAX))], "message")).toEqual([]);
    expect(validateBlocks([header("h".repeat(HEADER_TEXT_MAX + 1))], "message")).toEqual([
      "must be less than 151 characters [json-pointer:/blocks/0/text/text]",
    ]);
  });

  it("counts UTF-16 code units, so Latvian letters count once", () => {
    expect(validateBlocks([section("ā".repeat(SECTION_TEXT_MAX))], "message")).toEqual([]);
  });

  it("requires header text to be plain_text", () => {
    const errors = validateBlocks(
      [{ type: "header", text: { type: "mrkdwn", text: "*h*" } }],
      "message",
    );
    expect(errors).toEqual(["must be plain_text [json-pointer:/blocks/0/text/type]"]);
  });

  it("checks section fields and requires text or fields", () => {
    const fields = Array.from({ length: 11 }, () => ({ type: "mrkdwn", text: "f" }));
    expect(validateBlocks([{ type: "section", fields }], "message")).toEqual([
      "must be less than 11 items [json-pointer:/blocks/0/fields]",
    ]);
    const longField = [{ type: "plain_text", text: "f".repeat(2001) }];
    expect(validateBlocks([{ type: "section", fields: longField }], "message")).toEqual([
      "must be less than 2001 characters [json-pointer:/blocks/0/fields/0/text]",
    ]);
    expect(validateBlocks([{ type: "section" }], "message")).toEqual([
      "must provide text or fields [json-pointer:/blocks/0]",
    ]);
  });

  it("checks text objects: type, non-empty text, emoji only on plain_text", () => {
    expect(
      validateBlocks([{ type: "section", text: { type: "markdown", text: "x" } }], "message"),
    ).toEqual(["must be a valid enum value [json-pointer:/blocks/0/text/type]"]);
    expect(validateBlocks([section("")], "message")).toEqual([
      "must be more than 0 characters [json-pointer:/blocks/0/text/text]",
    ]);
    expect(
      validateBlocks(
        [section("x", { text: { type: "mrkdwn", text: "x", emoji: true } })],
        "message",
      ),
    ).toEqual(["invalid additional property: emoji [json-pointer:/blocks/0/text]"]);
  });

  it("checks buttons", () => {
    const actions = (el: Record<string, unknown>) => [{ type: "actions", elements: [el] }];
    expect(validateBlocks(actions(button("b".repeat(BUTTON_TEXT_MAX + 1))), "message")).toEqual([
      "must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]",
    ]);
    expect(validateBlocks(actions(button("ok", { style: "secondary" })), "message")).toEqual([
      "must be a valid enum value [json-pointer:/blocks/0/elements/0/style]",
    ]);
    expect(
      validateBlocks(actions(button("ok", { value: "v".repeat(2001) })), "message"),
    ).toHaveLength(1);
    expect(
      validateBlocks(actions(button("ok", { url: "u".repeat(3001) })), "message"),
    ).toHaveLength(1);
    expect(
      validateBlocks(actions(button("ok", { action_id: "a".repeat(256) })), "message"),
    ).toHaveLength(1);
    const mrkdwnLabel = button("ok", { text: { type: "mrkdwn", text: "ok" } });
    expect(validateBlocks(actions(mrkdwnLabel), "message")).toEqual([
      "must be plain_text [json-pointer:/blocks/0/elements/0/text/type]",
    ]);
  });

  it("checks the options of selects and radio buttons, and that the initial one is among them", () => {
    const option = (text: string, value = text) => ({ text: { type: "plain_text", text }, value });
    const select = (extra: Record<string, unknown>) => [
      section("Valoda", { accessory: { type: "static_select", action_id: "lang", ...extra } }),
    ];
    const options = [option("Latviešu", "lv"), option("English", "en")];
    expect(
      validateBlocks(select({ options, initial_option: option("English", "en") }), "home"),
    ).toEqual([]);
    expect(
      validateBlocks(select({ options, initial_option: option("Deutsch", "de") }), "home"),
    ).toEqual([
      "must match one of the provided options [json-pointer:/blocks/0/accessory/initial_option]",
    ]);
    expect(validateBlocks(select({ options: [] }), "home")).toEqual([
      "must provide at least 1 item [json-pointer:/blocks/0/accessory/options]",
    ]);
    expect(
      validateBlocks(
        select({ options: [option("x".repeat(76), "x"), option("y", "v".repeat(151))] }),
        "home",
      ),
    ).toEqual([
      "must be less than 76 characters [json-pointer:/blocks/0/accessory/options/0/text/text]",
      "must be less than 151 characters [json-pointer:/blocks/0/accessory/options/1/value]",
    ]);
    const mrkdwn = { text: { type: "mrkdwn", text: "*a*" }, value: "a" };
    expect(validateBlocks(select({ options: [mrkdwn] }), "home")).toEqual([
      "must be plain_text [json-pointer:/blocks/0/accessory/options/0/text/type]",
    ]);
    const radio = {
      type: "actions",
      elements: [
        {
          type: "radio_buttons",
          action_id: "r",
          options: Array.from({ length: 11 }, (_, i) => ({ ...mrkdwn, value: `v${i}` })),
        },
      ],
    };
    expect(validateBlocks([radio], "modal")).toEqual([
      "must be less than 11 items [json-pointer:/blocks/0/elements/0/options]",
    ]);
  });

  it("limits context to 10 and actions to 25 elements", () => {
    const texts = Array.from({ length: 11 }, () => ({ type: "plain_text", text: "c" }));
    expect(validateBlocks([{ type: "context", elements: texts }], "message")).toEqual([
      "must be less than 11 items [json-pointer:/blocks/0/elements]",
    ]);
    const buttons = Array.from({ length: 26 }, (_, i) => button(`b${i}`, { action_id: `a${i}` }));
    expect(validateBlocks([{ type: "actions", elements: buttons }], "message")).toEqual([
      "must be less than 26 items [json-pointer:/blocks/0/elements]",
    ]);
  });

  it("requires unique block_ids and action_ids unique within a block", () => {
    expect(
      validateBlocks([section("a", { block_id: "x" }), section("b", { block_id: "x" })], "message"),
    ).toEqual(["duplicate block_id: x [json-pointer:/blocks/1/block_id]"]);
    const twice = [button("a", { action_id: "same" }), button("b", { action_id: "same" })];
    expect(validateBlocks([{ type: "actions", elements: twice }], "message")).toEqual([
      "duplicate action_id: same [json-pointer:/blocks/0/elements/1/action_id]",
    ]);
    expect(validateBlocks([section("a", { block_id: "b".repeat(256) })], "message")).toEqual([
      "must be less than 256 characters [json-pointer:/blocks/0/block_id]",
    ]);
  });

  it("rejects unknown block types and non-arrays", () => {
    expect(validateBlocks([{ type: "carousel" }], "message")).toEqual([
      "unsupported type: carousel [json-pointer:/blocks/0/type]",
    ]);
    expect(validateBlocks("[]", "message")).toEqual([
      "must provide an array [json-pointer:/blocks]",
    ]);
  });
});

describe("validateView", () => {
  const modal = (extra: Record<string, unknown> = {}) => ({
    type: "modal",
    title: { type: "plain_text", text: "Progress" },
    blocks: [section("hello")],
    ...extra,
  });
  const input = {
    type: "input",
    label: { type: "plain_text", text: "Reply" },
    element: { type: "plain_text_input", action_id: "reply" },
  };

  it("accepts a modal with an input block and a submit button", () => {
    const view = modal({ blocks: [input], submit: { type: "plain_text", text: "Send" } });
    expect(validateView(view)).toEqual([]);
  });

  it("limits title, submit and close to 24 characters", () => {
    const problems = validateView(
      modal({
        title: { type: "plain_text", text: "t".repeat(25) },
        close: { type: "plain_text", text: "c".repeat(25) },
      }),
    );
    expect(problems).toEqual([
      "must be less than 25 characters [json-pointer:/view/title/text]",
      "must be less than 25 characters [json-pointer:/view/close/text]",
    ]);
  });

  it("requires submit with input blocks, and checks metadata and callback_id", () => {
    expect(validateView(modal({ blocks: [input] }))).toEqual([
      "must provide submit when blocks contain an input block [json-pointer:/view/submit]",
    ]);
    expect(
      validateView(modal({ private_metadata: "m".repeat(3001), callback_id: "c".repeat(256) })),
    ).toEqual([
      "must be less than 3001 characters [json-pointer:/view/private_metadata]",
      "must be less than 256 characters [json-pointer:/view/callback_id]",
    ]);
  });

  it("checks the type and the blocks under /view/blocks", () => {
    expect(validateView({ type: "home", blocks: [section("")] }, "home")).toEqual([
      "must be more than 0 characters [json-pointer:/view/blocks/0/text/text]",
    ]);
    expect(validateView(modal(), "home")).toEqual([
      "must be a valid enum value [json-pointer:/view/type]",
    ]);
  });
});
