/**
 * Reading the text of a Slack message as Slack sent it, the way replies are stored (losslessly,
 * never converted on the way in). Slack sends a message's `text` with `&`, `<` and `>` escaped as
 * `&amp;`, `&lt;` and `&gt;`, and with its formatting codes between `<` and `>`: `<@U123>` and
 * `<@U123|name>` (a person), `<#C123|name>` (a channel), `<!channel>`, `<!here>`, `<!everyone>`
 * (broadcasts), `<!subteam^S123|@team>` (a user group), `<!date^…|fallback>` (a date),
 * `<https://…|label>` and `<https://…>` (links). Source:
 * https://api.slack.com/reference/surfaces/formatting
 *
 * Two readings of one stored text:
 * - {@link slackPlainText}: plain text for documents (the annex, the digest's DOCX/Markdown) and
 *   the console (`cli replies`): entities decoded, codes as a person reads them.
 * - {@link slackDisplayText}: mrkdwn to show the text again in Slack (`/task N`, the Slack
 *   digest): entities kept as they are (escaped once, not twice), stray characters escaped,
 *   broadcasts and user-group mentions shown as plain text ("@channel") that notifies nobody.
 *
 * Both are forgiving: text that is no well-formed code (an excerpt cut inside a code, or a
 * stray `<` from an older store or another writer; "Submit update" modal text is escaped like a
 * typed message before it is stored, see src/replies/update.ts) stays as it is in the plain
 * reading and is escaped in the Slack one. Neither throws.
 */

import { truncateText } from "./fit.ts";

/** The names a reader knows for people and channels by ID (without "@"/"#"). */
export interface MessageNames {
  users?: ReadonlyMap<string, string>;
  channels?: ReadonlyMap<string, string>;
}

/** Slack's three entities, and only those: `&amp;`, `&lt;`, `&gt;`. */
const ENTITY = /&(amp|lt|gt);/g;
const DECODED: Record<string, string> = { amp: "&", lt: "<", gt: ">" };

/** A `<…>` formatting code: no `<`, `>` or line break inside, not starting with a space. */
const CODE = /<([^<>\s][^<>\n]*)>/g;

/** A link's target: a URL scheme ("https:", "mailto:", "tel:", "slack:"). */
const SCHEME = /^[a-z][a-z0-9+.-]*:\S/i;

/** The broadcasts Slack's `<!…>` codes name. */
const BROADCASTS = new Set(["channel", "here", "everyone", "group"]);

/**
 * `&amp;`, `&lt;` and `&gt;` back into `&`, `<` and `>`, in one pass (so `&amp;lt;` reads
 * `&lt;`); other `&…;` sequences are left as they are, as Slack sends them.
 */
export function decodeSlackEntities(text: string): string {
  return text.replace(ENTITY, (_, name: string) => DECODED[name] ?? "");
}

/**
 * Escapes `&`, `<` and `>` as Slack does when it sends typed text (`R&D < 6` →
 * `R&amp;D &lt; 6`); {@link decodeSlackEntities} undoes it exactly.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** One recognised formatting code of a message text. */
type Code =
  | { kind: "user"; id: string; label: string | undefined }
  | { kind: "channel"; id: string; label: string | undefined }
  | { kind: "broadcast"; name: string }
  | { kind: "subteam"; id: string; label: string | undefined }
  | { kind: "date"; fallback: string | undefined }
  | { kind: "special"; name: string; label: string | undefined }
  | { kind: "link"; url: string; label: string | undefined };

/** The code `inner` (what stands between `<` and `>`) is, or null for none Slack sends. */
function parseCode(inner: string): Code | null {
  const bar = inner.indexOf("|");
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);
  if (/^@[UWB][A-Z0-9]+$/.test(target)) return { kind: "user", id: target.slice(1), label };
  if (/^#[CGD][A-Z0-9]+$/.test(target)) return { kind: "channel", id: target.slice(1), label };
  if (target.startsWith("!")) {
    const [name = "", ...rest] = target.slice(1).split("^");
    if (BROADCASTS.has(name)) return { kind: "broadcast", name };
    if (name === "subteam") return { kind: "subteam", id: rest[0] ?? "", label };
    if (name === "date") return { kind: "date", fallback: label };
    if (/^[a-z_]+$/i.test(name)) return { kind: "special", name, label };
    return null;
  }
  if (SCHEME.test(target)) return { kind: "link", url: target, label };
  return null;
}

/** `name` with one leading `prefix` ("@team" and "team" both read "@team"). */
function prefixed(prefix: string, name: string): string {
  return name.startsWith(prefix) ? name : `${prefix}${name}`;
}

/** A code as plain text (entities in it decoded). */
function plainCode(code: Code, names: MessageNames): string {
  const d = decodeSlackEntities;
  switch (code.kind) {
    case "user":
      return `@${names.users?.get(code.id) ?? (code.label ? d(code.label) : code.id)}`;
    case "channel":
      return `#${names.channels?.get(code.id) ?? (code.label ? d(code.label) : code.id)}`;
    case "broadcast":
      return `@${code.name}`;
    case "subteam":
      return prefixed("@", code.label ? d(code.label) : code.id);
    case "date":
      return d(code.fallback ?? "");
    case "special":
      return code.label ? d(code.label) : `@${code.name}`;
    case "link": {
      const url = d(code.url);
      const label = code.label === undefined ? "" : d(code.label).trim();
      if (label === "" || label === url || `mailto:${label}` === url || `tel:${label}` === url)
        return label || url;
      return `${label} (${url})`;
    }
  }
}

/**
 * A message text as Slack sent it, read as plain text for documents and the console: `&amp;`,
 * `&lt;`, `&gt;` decoded; `<@U1>`/`<@U1|name>` → `@name` (the name `names.users` gives, else
 * the code's label, else the ID); `<#C1|name>` → `#name` (likewise); `<!channel>`, `<!here>`,
 * `<!everyone>` → `@channel`, `@here`, `@everyone`; `<!subteam^S1|@team>` → `@team`;
 * `<!date^…|fallback>` → fallback; `<url|label>` → `label (url)`; `<url>` → url. Anything
 * else stays as written. Never throws.
 */
export function slackPlainText(text: string, names: MessageNames = {}): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(CODE)) {
    const code = parseCode(m[1] ?? "");
    if (!code) continue;
    out += decodeSlackEntities(text.slice(last, m.index)) + plainCode(code, names);
    last = m.index + m[0].length;
  }
  return out + decodeSlackEntities(text.slice(last));
}

/**
 * A message text as Slack sent it, folded onto one line and cut to `max` characters as
 * `truncateText` cuts (at a sentence or word, "…" when anything was left out), but never
 * inside a formatting code or an entity: a code or entity the cut would split is left out
 * whole. For excerpts, before {@link slackDisplayText} or {@link slackPlainText}.
 */
export function excerptSlackText(text: string, max: number): string {
  const folded = text.replace(/\s+/g, " ").trim();
  const cut = truncateText(folded, max);
  if (cut === folded) return cut;
  let head = cut.slice(0, -1);
  const open = head.lastIndexOf("<");
  if (open > head.lastIndexOf(">")) head = head.slice(0, open);
  head = head.replace(/&[a-z]{0,3}$/, "");
  return `${head.trimEnd()}…`;
}

/**
 * What a person typed in a slash command (Slack sends its text with `&`, `<`, `>` escaped as
 * `&amp;`, `&lt;`, `&gt;`: https://api.slack.com/interactivity/slash-commands#app_command_handling),
 * repeated in an answer ("Nesapratu „R&D”"): cut to `max` characters as
 * {@link excerptSlackText} cuts, then shown as {@link slackDisplayText} shows it, so it is
 * escaped once, never twice ("R&amp;amp;D"); raw text from the CLI is escaped as needed. Never
 * throws.
 */
export function echoTypedText(text: string, max: number): string {
  return slackDisplayText(excerptSlackText(text, max));
}

/** Escapes what is not yet escaped: `&` starting no Slack entity, and every `<` and `>`. */
function escapeOnce(text: string): string {
  return text
    .replace(/&(?!(?:amp|lt|gt);)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** How {@link slackDisplayText} shows links. */
export interface DisplayOptions {
  /**
   * Show a link whose label is not its address as `label (<url>)`, so the reader sees where it
   * leads (a document's reading, {@link slackPlainText}'s), instead of Slack's `<url|label>`.
   */
  linkTargets?: boolean;
}

/**
 * A message text as Slack sent it, as mrkdwn to show in Slack again (`/task N`, the digest):
 * entities stay as they are, so `R&amp;D` shows `R&D` (not `R&amp;D`, as escaping it again
 * would); `&`, `<` and `>` that are not yet escaped (a code cut short in an excerpt, a stray
 * character from an older store) are escaped; people, channels, dates and links
 * stay Slack's codes (links as `label (<url>)` with `linkTargets`); broadcasts (`<!channel>`,
 * `<!here>`, `<!everyone>`) and user-group mentions (`<!subteam^…|@team>`) are shown as the
 * plain text a reader expects (`@channel`, `@here`, `@everyone`, `@team`, as
 * {@link slackPlainText} reads them), so that quoting a reply notifies nobody: Slack turns
 * only its `<!…>` codes into mentions, and plain "@channel" in a message's text or mrkdwn only
 * with `link_names` (or `parse: "full"`), which the app never sends
 * (https://api.slack.com/reference/surfaces/formatting). Never throws.
 */
export function slackDisplayText(text: string, options: DisplayOptions = {}): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(CODE)) {
    const code = parseCode(m[1] ?? "");
    if (!code) continue;
    out += escapeOnce(text.slice(last, m.index)) + displayCode(code, m[1] ?? "", options);
    last = m.index + m[0].length;
  }
  return out + escapeOnce(text.slice(last));
}

/** One code as Slack mrkdwn (see {@link slackDisplayText}); `inner` is its text between `<>`. */
function displayCode(code: Code, inner: string, options: DisplayOptions): string {
  if (code.kind === "broadcast") return `@${code.name}`;
  if (code.kind === "subteam") return escapeOnce(prefixed("@", code.label || code.id));
  if (code.kind === "special") return code.label ? escapeOnce(code.label) : `@${code.name}`;
  if (code.kind === "link" && options.linkTargets && code.label !== undefined) {
    const url = escapeOnce(code.url);
    const label = escapeOnce(code.label).trim();
    const plain = decodeSlackEntities(code.label).trim();
    const target = decodeSlackEntities(code.url);
    if (plain !== "" && plain !== target && `mailto:${plain}` !== target)
      return `${label} (<${url}>)`;
  }
  return `<${escapeOnce(inner)}>`;
}

/**
 * Mrkdwn read for a document: broadcasts and user-group mentions in the escaped form
 * {@link slackDisplayText} gave them until it showed them as plain `@channel`/`@team`
 * (`&lt;!channel&gt;`, `&lt;!subteam^S1|@team&gt;`, still in digests stored then) as `@channel`
 * and `@team`, as {@link slackPlainText} reads them. Everything else is left to the caller's
 * mrkdwn conversion.
 */
export function silencedToPlain(mrkdwn: string): string {
  return mrkdwn.replace(
    /&lt;!([a-z_]+)((?:\^[^|&<>\s]*)*)(?:\|([^&<>\n]*))?&gt;/gi,
    (whole, name: string, args: string, label?: string) => {
      if (BROADCASTS.has(name)) return `@${name}`;
      if (name === "subteam") return prefixed("@", label || args.replace(/^\^/, ""));
      if (name === "date") return whole;
      return label || `@${name}`;
    },
  );
}
