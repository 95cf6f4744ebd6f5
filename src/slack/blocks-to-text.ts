/**
 * Renders Block Kit as plain terminal text, for the CLI and the local mode to show what the
 * app answered. Pure and forgiving: it never throws on malformed blocks, it shows them.
 *
 * Conventions: headers are underlined with "=", dividers are a line of "-", buttons read
 * `[ Label ]`, mrkdwn keeps `*bold*`/`_italic_`, links `<url|label>` become `label (url)`,
 * user mentions `<@U1>` stay as they are, channel mentions read `#name` when the caller knows
 * the channel's name ({@link TextOptions}), else `#C1`. Source of the mrkdwn syntax:
 * https://api.slack.com/reference/surfaces/formatting
 */

type Json = Record<string, unknown>;

/** What the printer may know about the workspace: channel names by id (`C0LOCAL01` → `darba-grupa`). */
export interface TextOptions {
  channelNames?: ReadonlyMap<string, string>;
}

/** Width of a divider line, in characters. */
export const DIVIDER_WIDTH = 40;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Turns Slack mrkdwn into readable text: `<url|label>` → `label (url)`, `<url>` → `url`,
 * `<#C1|name>` → `#name`, `<#C1>` → `#name` when `opts.channelNames` has C1 (else `#C1`),
 * `<!here>` → `@here`, `<!date^…|fallback>` → `fallback`, and the escapes `&lt; &gt; &amp;`
 * back into characters. `<@U1>` and *bold* are kept.
 */
export function mrkdwnToText(text: string, opts: TextOptions = {}): string {
  const replaced = text.replace(/<([^<>]+)>/g, (whole, inner: string) => {
    const bar = inner.indexOf("|");
    const target = bar === -1 ? inner : inner.slice(0, bar);
    const label = bar === -1 ? undefined : inner.slice(bar + 1);
    if (target.startsWith("@")) return whole;
    if (target.startsWith("#")) return `#${label ?? channelName(target.slice(1), opts)}`;
    if (target.startsWith("!date")) return label ?? target;
    if (target.startsWith("!")) return `@${target.slice(1).split("^")[0]}`;
    return label === undefined || label === target ? target : `${label} (${target})`;
  });
  return replaced.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

/** A channel's name when known, else its id. */
function channelName(id: string, opts: TextOptions): string {
  return opts.channelNames?.get(id) ?? id;
}

/** A text object's text: mrkdwn converted, plain_text as is, anything else empty. */
function textOf(value: unknown, opts: TextOptions = {}): string {
  if (!isObject(value) || typeof value.text !== "string") return "";
  return value.type === "mrkdwn" ? mrkdwnToText(value.text, opts) : value.text;
}

/** An interactive element as a one-line control: `[ Open task ]`, `[ Status ▾ ]`, `[ … ]` for text inputs. */
function elementToText(el: unknown): string {
  if (!isObject(el)) return "[ ? ]";
  switch (el.type) {
    case "button":
      return `[ ${textOf(el.text)} ]`;
    case "image":
      return `(image: ${typeof el.alt_text === "string" ? el.alt_text : ""})`;
    case "overflow":
      return "[ … ]";
    default: {
      const placeholder = textOf(el.placeholder);
      if (String(el.type).endsWith("_input")) return `[ ${placeholder || "…"} ]`;
      const option = isObject(el.initial_option) ? textOf(el.initial_option.text) : "";
      return `[ ${placeholder || option || String(el.type)} ▾ ]`;
    }
  }
}

function richTextToText(elements: unknown[], opts: TextOptions): string {
  const inline = (el: unknown): string => {
    if (!isObject(el)) return "";
    if (el.type === "text") return typeof el.text === "string" ? el.text : "";
    if (el.type === "link") {
      const url = String(el.url ?? "");
      return typeof el.text === "string" && el.text !== url ? `${el.text} (${url})` : url;
    }
    if (el.type === "user") return `<@${String(el.user_id)}>`;
    if (el.type === "channel") return `#${channelName(String(el.channel_id), opts)}`;
    if (el.type === "emoji") return `:${String(el.name)}:`;
    return "";
  };
  const part = (el: unknown): string => {
    if (!isObject(el)) return "";
    const text = asArray(el.elements).map(inline).join("");
    if (el.type === "rich_text_list") {
      return asArray(el.elements)
        .map(
          (item) =>
            `• ${asArray(isObject(item) ? item.elements : [])
              .map(inline)
              .join("")}`,
        )
        .join("\n");
    }
    if (el.type === "rich_text_quote") return `> ${text}`;
    return text;
  };
  return elements.map(part).join("\n");
}

/**
 * A section field, "label\nvalue" as Slack stacks it, on lines of its own: "*Status*: done";
 * a value of several lines goes under its label, indented ("*Responsible*:\n  *IEM* – …").
 */
function fieldToText(field: unknown, opts: TextOptions): string {
  const [label = "", ...value] = textOf(field, opts).split("\n");
  if (value.length === 0) return label;
  const colon = /[:：]\**$/u.test(label) ? "" : ":";
  if (value.length === 1) return `${label}${colon} ${value[0]}`;
  return [`${label}${colon}`, ...value.map((line) => `  ${line}`)].join("\n");
}

function sectionToText(block: Json, opts: TextOptions): string {
  const lines: string[] = [];
  const text = textOf(block.text, opts);
  if (text) lines.push(text);
  for (const field of asArray(block.fields)) lines.push(fieldToText(field, opts));
  if (block.accessory !== undefined) lines.push(elementToText(block.accessory));
  return lines.join("\n");
}

function blockToText(block: unknown, opts: TextOptions): string {
  if (!isObject(block)) return "";
  switch (block.type) {
    case "header": {
      const text = textOf(block.text);
      return `${text}\n${"=".repeat(Math.max(3, Math.min(text.length, DIVIDER_WIDTH)))}`;
    }
    case "section":
      return sectionToText(block, opts);
    case "divider":
      return "-".repeat(DIVIDER_WIDTH);
    case "context":
      return asArray(block.elements)
        .map((el) => (isObject(el) && el.type === "image" ? elementToText(el) : textOf(el, opts)))
        .join(" · ");
    case "actions":
      return asArray(block.elements).map(elementToText).join(" ");
    case "image": {
      const alt = typeof block.alt_text === "string" ? block.alt_text : "";
      return `(image: ${alt}) ${String(block.image_url ?? "")}`.trimEnd();
    }
    case "input":
      return `${textOf(block.label)}: ${elementToText(block.element)}`;
    case "rich_text":
      return richTextToText(asArray(block.elements), opts);
    default:
      return `[${String(block.type)}]`;
  }
}

/**
 * Renders blocks as text, one block after another on new lines.
 * @param blocks an array of Block Kit blocks (anything else renders as "").
 * @param opts what is known about the workspace (channel names).
 * @returns the text, without a trailing newline.
 */
export function blocksToText(blocks: unknown, opts: TextOptions = {}): string {
  return asArray(blocks)
    .map((block) => blockToText(block, opts))
    .filter((text) => text !== "")
    .join("\n");
}

/**
 * Renders a whole reply (a message, an ack body, a response_url post): its blocks when it
 * has any, else its top-level `text` as mrkdwn. Returns "" for anything without either.
 */
export function replyToText(reply: unknown, opts: TextOptions = {}): string {
  if (!isObject(reply)) return typeof reply === "string" ? reply : "";
  if (Array.isArray(reply.blocks) && reply.blocks.length > 0)
    return blocksToText(reply.blocks, opts);
  return typeof reply.text === "string" ? mrkdwnToText(reply.text, opts) : "";
}
