/**
 * A validator that reports breaches the way the
 * Web API does (`invalid_blocks` with one string per problem, ending in a JSON pointer).
 *
 * The app's own fitting code imports the constants; the emulator uses the validators, so a
 * message the app builds is rejected locally exactly where Slack would reject it.
 *
 * Lengths are counted in UTF-16 code units (`string.length`). Slack documents its limits in
 * "characters" without saying more; for Latvian text (ā, č, ē, …) and most emoji-free text the
 * two agree, and an astral emoji counting as two units only makes this validator stricter.
 * The limits themselves, each with its Slack doc page, are in ./limits.ts (re-exported here).
 */
import {
  checkElement,
  checkImage,
  checkList,
  checkString,
  checkText,
  isObject,
  type Json,
  type Report,
} from "./block-elements.ts";
import {
  ACTIONS_ELEMENTS_MAX,
  BLOCK_ID_MAX,
  type BlockSurface,
  CALLBACK_ID_MAX,
  CONTEXT_ELEMENTS_MAX,
  EXTERNAL_ID_MAX,
  HEADER_TEXT_MAX,
  HOME_BLOCKS_MAX,
  IMAGE_TITLE_MAX,
  INPUT_HINT_MAX,
  INPUT_LABEL_MAX,
  KNOWN_BLOCK_TYPES,
  MESSAGE_BLOCKS_MAX,
  MODAL_BLOCKS_MAX,
  MODAL_BUTTON_TEXT_MAX,
  MODAL_TITLE_MAX,
  PRIVATE_METADATA_MAX,
  SECTION_FIELD_TEXT_MAX,
  SECTION_FIELDS_MAX,
  SECTION_TEXT_MAX,
} from "./limits.ts";

export * from "./limits.ts";

const SELECTS = ["static", "external", "users", "conversations", "channels"].flatMap((kind) => [
  `${kind}_select`,
  `multi_${kind}_select`,
]);
const PICKERS = ["datepicker", "timepicker", "datetimepicker", "checkboxes", "radio_buttons"];
const ACCESSORY_TYPES = ["button", "image", "overflow", ...PICKERS, ...SELECTS];
const ACTIONS_TYPES = ["button", "overflow", ...PICKERS, ...SELECTS, "rich_text_input"];
const INPUT_TYPES = [
  "plain_text_input",
  "email_text_input",
  "url_text_input",
  "number_input",
  "rich_text_input",
  "file_input",
  ...PICKERS,
  ...SELECTS,
];

/** The max block count for a surface: {@link MESSAGE_BLOCKS_MAX}, {@link MODAL_BLOCKS_MAX} or {@link HOME_BLOCKS_MAX}. */
export function maxBlocksFor(surface: BlockSurface): number {
  if (surface === "message") return MESSAGE_BLOCKS_MAX;
  return surface === "modal" ? MODAL_BLOCKS_MAX : HOME_BLOCKS_MAX;
}

/** Source: https://api.slack.com/reference/block-kit/blocks#section */
function checkSection(block: Json, path: string, report: Report): void {
  checkText(block.text, `${path}/text`, { max: SECTION_TEXT_MAX }, report);
  if (block.fields !== undefined) {
    const fields = checkList(block.fields, `${path}/fields`, SECTION_FIELDS_MAX, report);
    fields.forEach((field, i) => {
      checkText(
        field,
        `${path}/fields/${i}`,
        { max: SECTION_FIELD_TEXT_MAX, required: true },
        report,
      );
    });
  }
  const hasFields = Array.isArray(block.fields) && block.fields.length > 0;
  if (block.text === undefined && !hasFields) report("must provide text or fields", path);
  if (block.accessory !== undefined) {
    checkElement(block.accessory, `${path}/accessory`, ACCESSORY_TYPES, new Set(), report);
  }
}

/** Source: https://api.slack.com/reference/block-kit/blocks#context */
function checkContext(block: Json, path: string, report: Report): void {
  const elements = checkList(block.elements, `${path}/elements`, CONTEXT_ELEMENTS_MAX, report);
  elements.forEach((el, i) => {
    const at = `${path}/elements/${i}`;
    if (isObject(el) && el.type === "image") checkImage(el, at, report);
    else checkText(el, at, { max: Number.POSITIVE_INFINITY, required: true }, report);
  });
}

/** Source: https://api.slack.com/reference/block-kit/blocks#input */
function checkInput(block: Json, path: string, report: Report): void {
  const label = { max: INPUT_LABEL_MAX, required: true, plainOnly: true };
  checkText(block.label, `${path}/label`, label, report);
  checkText(block.hint, `${path}/hint`, { max: INPUT_HINT_MAX, plainOnly: true }, report);
  if (block.element === undefined) {
    report("must provide an object", `${path}/element`);
    return;
  }
  checkElement(block.element, `${path}/element`, INPUT_TYPES, new Set(), report);
}

function checkBlockBody(block: Json, path: string, report: Report): void {
  switch (block.type) {
    case "section":
      checkSection(block, path, report);
      return;
    case "header": {
      const rule = { max: HEADER_TEXT_MAX, required: true, plainOnly: true };
      checkText(block.text, `${path}/text`, rule, report);
      return;
    }
    case "context":
      checkContext(block, path, report);
      return;
    case "actions": {
      const elements = checkList(block.elements, `${path}/elements`, ACTIONS_ELEMENTS_MAX, report);
      const ids = new Set<string>();
      elements.forEach((el, i) => {
        checkElement(el, `${path}/elements/${i}`, ACTIONS_TYPES, ids, report);
      });
      return;
    }
    case "image":
      checkImage(block, path, report);
      checkText(block.title, `${path}/title`, { max: IMAGE_TITLE_MAX, plainOnly: true }, report);
      return;
    case "rich_text":
      checkList(block.elements, `${path}/elements`, Number.POSITIVE_INFINITY, report);
      return;
    case "input":
      checkInput(block, path, report);
      return;
    default:
      return; // divider: nothing beyond type and block_id
  }
}

/**
 * Validates an array of blocks for a surface.
 *
 * Checks: the count (message ≤ {@link MESSAGE_BLOCKS_MAX}, modal/home ≤ 100); known block types
 * ({@link KNOWN_BLOCK_TYPES}); `block_id` ≤ 255 and unique; section text ≤ 3000, fields ≤ 10 of
 * ≤ 2000, text or fields present; header plain_text ≤ 150; context ≤ 10 elements; actions
 * ≤ 25 elements; buttons (plain_text label ≤ 75, value ≤ 2000, url ≤ 3000, style
 * primary|danger); `action_id` ≤ 255 and unique within its block; text objects typed
 * plain_text|mrkdwn with non-empty text, `emoji` only on plain_text; input blocks' label,
 * hint and element; image url and alt text.
 *
 * @param blocks the decoded `blocks` argument (anything; a non-array is itself an error).
 * @param surface where the blocks will be shown.
 * @param options.path JSON pointer of the array, "/blocks" unless inside a view.
 * @returns Slack-style problems, e.g. "must be less than 3001 characters
 *   [json-pointer:/blocks/0/text/text]"; empty when valid. Never throws.
 */
export function validateBlocks(
  blocks: unknown,
  surface: BlockSurface,
  options: { path?: string } = {},
): string[] {
  const root = options.path ?? "/blocks";
  const problems: string[] = [];
  const report: Report = (problem, path) => problems.push(`${problem} [json-pointer:${path}]`);
  if (!Array.isArray(blocks)) {
    report("must provide an array", root);
    return problems;
  }
  const max = maxBlocksFor(surface);
  if (blocks.length > max) report(`must be less than ${max + 1} items`, root);
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const path = `${root}/${i}`;
    if (!isObject(block)) {
      report("must provide an object", path);
      return;
    }
    if (!(KNOWN_BLOCK_TYPES as readonly unknown[]).includes(block.type)) {
      report(`unsupported type: ${String(block.type)}`, `${path}/type`);
      return;
    }
    checkString(block.block_id, `${path}/block_id`, { max: BLOCK_ID_MAX, nonEmpty: true }, report);
    if (typeof block.block_id === "string") {
      if (blockIds.has(block.block_id)) {
        report(`duplicate block_id: ${block.block_id}`, `${path}/block_id`);
      }
      blockIds.add(block.block_id);
    }
    checkBlockBody(block, path, report);
  });
  return problems;
}

/**
 * Validates a view object for views.open/update/push (`surface` "modal") or views.publish
 * ("home"). Source: https://docs.slack.dev/reference/views/modal-views
 *
 * Checks: `type` equals the surface; a modal's `title` is plain_text ≤ 24 (required), `submit`
 * and `close` plain_text ≤ 24; `submit` present when any block is an input block;
 * `private_metadata` ≤ 3000; `callback_id` and `external_id` ≤ 255; `blocks` per
 * {@link validateBlocks} (≤ 100).
 *
 * @returns Slack-style problems with pointers under "/view"; empty when valid. Never throws.
 */
export function validateView(view: unknown, surface: "modal" | "home" = "modal"): string[] {
  const problems: string[] = [];
  const report: Report = (problem, path) => problems.push(`${problem} [json-pointer:${path}]`);
  if (!isObject(view)) {
    report("must provide an object", "/view");
    return problems;
  }
  if (view.type !== surface) report("must be a valid enum value", "/view/type");
  if (surface === "modal") {
    const label = { max: MODAL_BUTTON_TEXT_MAX, plainOnly: true };
    checkText(
      view.title,
      "/view/title",
      { ...label, max: MODAL_TITLE_MAX, required: true },
      report,
    );
    checkText(view.submit, "/view/submit", label, report);
    checkText(view.close, "/view/close", label, report);
    const hasInput =
      Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === "input");
    if (hasInput && view.submit === undefined) {
      report("must provide submit when blocks contain an input block", "/view/submit");
    }
  }
  const metadata = { max: PRIVATE_METADATA_MAX };
  checkString(view.private_metadata, "/view/private_metadata", metadata, report);
  checkString(view.callback_id, "/view/callback_id", { max: CALLBACK_ID_MAX }, report);
  checkString(view.external_id, "/view/external_id", { max: EXTERNAL_ID_MAX }, report);
  problems.push(...validateBlocks(view.blocks, surface, { path: "/view/blocks" }));
  return problems;
}
