/**
 * What typing a message into Slack sends: Slack's client escapes `&`, `<` and `>` as `&amp;`,
 * `&lt;` and `&gt;`, and turns what it recognises into its formatting codes — `@channel`,
 * `@here`, `@everyone` into `<!channel>`…, `@name` of a member into `<@U…>`, a bare URL into
 * `<https://…>`. The local Slack's `npm run slack -- --reply` sends typed text this way, so a
 * local reply reaches the app as a real one would (`R&D` arrives as `R&amp;D`).
 * Source: https://api.slack.com/reference/surfaces/formatting
 */
import { escapeSlackText } from "../slack/message-text.ts";

/** Where a mention or a URL may start: the text's start, or after a space or an opening bracket. */
const BEFORE = "(^|[\\s(\\[„“\"'])";

/**
 * `typed` as Slack's client sends it: `&`, `<`, `>` escaped; `@channel`/`@here`/`@everyone`
 * as `<!channel>`…; `@name` as `<@U…>` when `people` (name → user ID) has that name (others
 * stay text, as in Slack when nobody is picked); `http(s)://…` as `<url>` (trailing
 * punctuation left outside).
 */
export function typedToSlackText(
  typed: string,
  people: ReadonlyMap<string, string> = new Map(),
): string {
  return escapeSlackText(typed)
    .replace(new RegExp(`${BEFORE}@(channel|here|everyone)(?![\\p{L}\\p{N}._-])`, "gu"), "$1<!$2>")
    .replace(
      new RegExp(`${BEFORE}@([\\p{L}\\p{N}._-]*[\\p{L}\\p{N}])`, "gu"),
      (whole, pre, name) => {
        const id = people.get(name);
        return id ? `${pre}<@${id}>` : whole;
      },
    )
    .replace(new RegExp(`${BEFORE}(https?://[^\\s<>]*[^\\s<>.,;:!?)\\]”"'])`, "gu"), "$1<$2>");
}

/** A user, channel or broadcast code, or a link, written in Slack's own escape form. */
const SLACK_CODE = /(<(?:[@#!][^<>\s]*|https?:\/\/[^<>\s]+)>)/u;

/**
 * A slash command's text as Slack sends it (the manifest's `should_escape: true`): `&`, `<` and
 * `>` typed are escaped as `&amp;`, `&lt;`, `&gt;`
 * (https://api.slack.com/reference/surfaces/formatting#escaping); a typed `@name` of a member
 * (`people`: name → user ID) and `#name` of a channel (`channels`: name → channel ID) become
 * `<@U…|name>` and `<#C…|name>`, as Slack escapes the users and channels a command names
 * (https://api.slack.com/interactivity/slash-commands, "Escape channels, users, and links"),
 * other names staying text; what is already written as Slack's code (`<@U…>`, `<#C…|name>`,
 * `<!here>`, `<https://…>`) is sent as it is.
 */
export function commandTextAsSlackSends(
  typed: string,
  people: ReadonlyMap<string, string> = new Map(),
  channels: ReadonlyMap<string, string> = new Map(),
): string {
  const named = (sigil: "@" | "#") =>
    new RegExp(`${BEFORE}${sigil}([\\p{L}\\p{N}._-]*[\\p{L}\\p{N}])`, "gu");
  return typed
    .split(SLACK_CODE)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : escapeSlackText(part)
            .replace(named("@"), (whole, pre, name) => {
              const id = people.get(name);
              return id ? `${pre}<@${id}|${name}>` : whole;
            })
            .replace(named("#"), (whole, pre, name) => {
              const id = channels.get(name);
              return id ? `${pre}<#${id}|${name}>` : whole;
            }),
    )
    .join("");
}
