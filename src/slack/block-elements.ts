/**
 * The Block Kit element checks under the block and view validators of ./block-limits.ts: texts,
 * buttons, images, confirmation dialogs, selects and their options, and lists, each against the
 * limits of ./limits.ts (each with its Slack doc page). Problems are reported the way the Web
 * API words them, with a JSON pointer.
 */
import {
  ACTION_ID_MAX,
  BUTTON_ACCESSIBILITY_LABEL_MAX,
  BUTTON_TEXT_MAX,
  BUTTON_URL_MAX,
  BUTTON_VALUE_MAX,
  CHOICE_OPTIONS_MAX,
  CONFIRM_BUTTON_MAX,
  CONFIRM_TEXT_MAX,
  CONFIRM_TITLE_MAX,
  IMAGE_ALT_TEXT_MAX,
  IMAGE_URL_MAX,
  OPTION_TEXT_MAX,
  OPTION_VALUE_MAX,
  PLACEHOLDER_MAX,
  SELECT_OPTIONS_MAX,
} from "./limits.ts";

/**
 * Length of a string as the validators count it: UTF-16 code units (`string.length`; see
 * ./block-limits.ts on why that is safe for Slack's "characters").
 */
function textLength(text: string): number {
  return text.length;
}

export type Json = Record<string, unknown>;
export type Report = (problem: string, path: string) => void;

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export interface StringRule {
  max: number;
  required?: boolean;
  /** Reject the empty string (Slack: "must be more than 0 characters"). */
  nonEmpty?: boolean;
}

export function checkString(value: unknown, path: string, rule: StringRule, report: Report): void {
  if (value === undefined) {
    if (rule.required) report("must provide a string", path);
    return;
  }
  if (typeof value !== "string") {
    report("must provide a string", path);
    return;
  }
  if (rule.nonEmpty && textLength(value) === 0) report("must be more than 0 characters", path);
  if (textLength(value) > rule.max) report(`must be less than ${rule.max + 1} characters`, path);
}

export interface TextRule {
  max: number;
  required?: boolean;
  plainOnly?: boolean;
}

/** A text composition object. Source: https://api.slack.com/reference/block-kit/composition-objects#text */
export function checkText(value: unknown, path: string, rule: TextRule, report: Report): void {
  if (value === undefined) {
    if (rule.required) report("must provide an object", path);
    return;
  }
  if (!isObject(value)) {
    report("must provide an object", path);
    return;
  }
  const { type } = value;
  if (type !== "plain_text" && type !== "mrkdwn") {
    report("must be a valid enum value", `${path}/type`);
    return;
  }
  if (rule.plainOnly && type !== "plain_text") report("must be plain_text", `${path}/type`);
  if ("emoji" in value && type !== "plain_text") report("invalid additional property: emoji", path);
  if ("verbatim" in value && type !== "mrkdwn")
    report("invalid additional property: verbatim", path);
  checkString(
    value.text,
    `${path}/text`,
    { max: rule.max, required: true, nonEmpty: true },
    report,
  );
}

/** A confirmation dialog. Source: https://api.slack.com/reference/block-kit/composition-objects#confirm */
export function checkConfirm(value: unknown, path: string, report: Report): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    report("must provide an object", path);
    return;
  }
  const plain = { required: true, plainOnly: true };
  checkText(value.title, `${path}/title`, { ...plain, max: CONFIRM_TITLE_MAX }, report);
  checkText(value.text, `${path}/text`, { max: CONFIRM_TEXT_MAX, required: true }, report);
  checkText(value.confirm, `${path}/confirm`, { ...plain, max: CONFIRM_BUTTON_MAX }, report);
  checkText(value.deny, `${path}/deny`, { ...plain, max: CONFIRM_BUTTON_MAX }, report);
}

/** Source: https://api.slack.com/reference/block-kit/block-elements#button */
function checkButton(el: Json, path: string, report: Report): void {
  const label = { max: BUTTON_TEXT_MAX, required: true, plainOnly: true };
  checkText(el.text, `${path}/text`, label, report);
  checkString(el.value, `${path}/value`, { max: BUTTON_VALUE_MAX }, report);
  checkString(el.url, `${path}/url`, { max: BUTTON_URL_MAX }, report);
  const accessibility = { max: BUTTON_ACCESSIBILITY_LABEL_MAX };
  checkString(el.accessibility_label, `${path}/accessibility_label`, accessibility, report);
  if (el.style !== undefined && el.style !== "primary" && el.style !== "danger") {
    report("must be a valid enum value", `${path}/style`);
  }
  checkConfirm(el.confirm, `${path}/confirm`, report);
}

/** Source: https://api.slack.com/reference/block-kit/block-elements#image */
export function checkImage(el: Json, path: string, report: Report): void {
  if (el.image_url === undefined && el.slack_file === undefined) {
    report("must provide image_url or slack_file", path);
  }
  checkString(el.image_url, `${path}/image_url`, { max: IMAGE_URL_MAX, nonEmpty: true }, report);
  const alt = { max: IMAGE_ALT_TEXT_MAX, required: true, nonEmpty: true };
  checkString(el.alt_text, `${path}/alt_text`, alt, report);
}

/** Elements whose choices are an `options` list (a static select may use `option_groups` instead). */
const OPTION_ELEMENTS: Record<string, { max: number; plainOnly: boolean }> = {
  static_select: { max: SELECT_OPTIONS_MAX, plainOnly: true },
  multi_static_select: { max: SELECT_OPTIONS_MAX, plainOnly: true },
  radio_buttons: { max: CHOICE_OPTIONS_MAX, plainOnly: false },
  checkboxes: { max: CHOICE_OPTIONS_MAX, plainOnly: false },
};

/** An option object. Source: https://api.slack.com/reference/block-kit/composition-objects#option */
function checkOption(value: unknown, path: string, plainOnly: boolean, report: Report): void {
  if (!isObject(value)) {
    report("must provide an object", path);
    return;
  }
  checkText(
    value.text,
    `${path}/text`,
    { max: OPTION_TEXT_MAX, required: true, plainOnly },
    report,
  );
  const rule = { max: OPTION_VALUE_MAX, required: true, nonEmpty: true };
  checkString(value.value, `${path}/value`, rule, report);
}

/**
 * The options of a select, radio buttons or checkboxes, and the initial choice, which must be
 * one of them (same text and value). Source: https://api.slack.com/reference/block-kit/block-elements#static_select
 */
function checkOptions(el: Json, path: string, report: Report): void {
  const kind = OPTION_ELEMENTS[String(el.type)];
  if (!kind) return;
  if (
    el.options === undefined &&
    el.option_groups !== undefined &&
    String(el.type).endsWith("select")
  )
    return;
  const options = checkList(el.options, `${path}/options`, kind.max, report);
  options.forEach((o, i) => {
    checkOption(o, `${path}/options/${i}`, kind.plainOnly, report);
  });
  const label = (o: Json) => (isObject(o.text) ? `${o.text.type}:${o.text.text}` : undefined);
  const same = (a: unknown, b: unknown) =>
    isObject(a) && isObject(b) && a.value === b.value && label(a) === label(b);
  const initial =
    el.initial_option === undefined ? [] : [[el.initial_option, `${path}/initial_option`] as const];
  const initials = Array.isArray(el.initial_options)
    ? el.initial_options.map((o, i) => [o, `${path}/initial_options/${i}`] as const)
    : [];
  for (const [o, at] of [...initial, ...initials]) {
    if (!options.some((candidate) => same(candidate, o)))
      report("must match one of the provided options", at);
  }
}

/**
 * An element inside a block: its type must be allowed there, its `action_id` short and unique
 * within the block. Source: https://api.slack.com/reference/block-kit/block-elements
 */
export function checkElement(
  el: unknown,
  path: string,
  allowed: readonly string[],
  actionIds: Set<string>,
  report: Report,
): void {
  if (!isObject(el)) {
    report("must provide an object", path);
    return;
  }
  if (typeof el.type !== "string" || !allowed.includes(el.type)) {
    report(`unsupported type: ${String(el.type)}`, `${path}/type`);
    return;
  }
  if (el.type === "image") {
    checkImage(el, path, report);
    return;
  }
  checkString(el.action_id, `${path}/action_id`, { max: ACTION_ID_MAX, nonEmpty: true }, report);
  if (typeof el.action_id === "string") {
    if (actionIds.has(el.action_id)) {
      report(`duplicate action_id: ${el.action_id}`, `${path}/action_id`);
    }
    actionIds.add(el.action_id);
  }
  checkText(
    el.placeholder,
    `${path}/placeholder`,
    { max: PLACEHOLDER_MAX, plainOnly: true },
    report,
  );
  if (el.type === "button") checkButton(el, path, report);
  else checkConfirm(el.confirm, `${path}/confirm`, report);
  checkOptions(el, path, report);
}

export function checkList(value: unknown, path: string, max: number, report: Report): unknown[] {
  if (!Array.isArray(value)) {
    report("must provide an array", path);
    return [];
  }
  if (value.length === 0) report("must provide at least 1 item", path);
  if (value.length > max) report(`must be less than ${max + 1} items`, path);
  return value;
}
