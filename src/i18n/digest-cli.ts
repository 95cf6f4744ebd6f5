/**
 * What `digest --post` says when it repeats a digest (the repeat rule, src/digest/repeat.ts: one
 * for the working group built within the minute, for the same window — the same `--since`, or
 * none — and cut-off, with nothing new stored since): `/digest`'s answer (digest-command.ts
 * `repeatPosted`, `repeatOnItsWay`, `rerunHint`) in the terminal's form — plain text, the link
 * written out, the CLI's own command to run again.
 */
import { defineCatalog } from "./define.ts";

const lv = {
  /** The repeated digest, named: asked by hand, or the automatic one after a cut-off (`auto`). */
  repeatName: (id: number, auto: boolean) =>
    auto
      ? `Automātiskais kopsavilkums pēc ziņošanas termiņa (#${id})`
      : `Šis kopsavilkums (#${id})`,
  /** It (`name`) reached the working group at `when` (Riga time); `link` opens it. */
  alreadyPosted: (name: string, when: string, link: string) =>
    `${name} jau ir publicēts ${when}: ${link}. Kopš tā nekas jauns nav saglabāts, tāpēc otru tādu pašu negatavoju.`,
  /** Built at `when` (Riga time), still on its way to `channel`. */
  alreadyQueued: (name: string, when: string, channel: string) =>
    `${name} jau tiek publicēts kanālā ${channel} (sagatavots ${when}). Kopš tā nekas jauns nav saglabāts, tāpēc otru tādu pašu negatavoju.`,
  rerunHint: "Ja vajag jaunu, pēc minūtes vēlreiz izpildiet `npm run cli -- digest --post`.",
};

const en: typeof lv = {
  repeatName: (id, auto) =>
    auto ? `The automatic digest after the reporting cut-off (#${id})` : `This digest (#${id})`,
  alreadyPosted: (name, when, link) =>
    `${name} was already posted ${when}: ${link}. Nothing new has been stored since, so I am not preparing a second copy.`,
  alreadyQueued: (name, when, channel) =>
    `${name} is already being posted in ${channel} (prepared ${when}). Nothing new has been stored since, so I am not preparing a second copy.`,
  rerunHint: "If you need a new one, run `npm run cli -- digest --post` again in a minute.",
};

/** `digest --post`'s repeat messages in `locale`. */
export const digestCliText = defineCatalog<typeof lv>({ lv, en });
