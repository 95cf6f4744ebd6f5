/**
 * What `digest --post` says when it is a repeat of a digest asked for the same window (the same
 * `--since`, or none) within a minute: `/digest`'s answer (src/i18n/digest.ts `alreadyPosted`,
 * `alreadyQueued`, `rerunHint`) in the terminal's form — plain text, the link written out, the
 * CLI's own command to run again.
 */
import { defineCatalog } from "./define.ts";

const lv = {
  /** Digest #`id` reached the working group at `when` (Riga time); `link` opens it. */
  alreadyPosted: (id: number, when: string, link: string) =>
    `Šis kopsavilkums (#${id}) jau ir publicēts ${when}: ${link}. Otru tādu pašu negatavoju.`,
  /** Asked at `when` (Riga time), still being prepared; it will appear in `channel`. */
  alreadyQueued: (when: string, channel: string) =>
    `Šis kopsavilkums jau tiek gatavots (pieprasīts ${when}); tas parādīsies kanālā ${channel}. Otru tādu pašu negatavoju.`,
  rerunHint: "Ja vajag jaunu, pēc minūtes vēlreiz izpildiet `npm run cli -- digest --post`.",
};

const en: typeof lv = {
  alreadyPosted: (id, when, link) =>
    `This digest (#${id}) was already posted ${when}: ${link}. I am not preparing a second copy.`,
  alreadyQueued: (when, channel) =>
    `This digest is already being prepared (asked ${when}); it will appear in ${channel}. I am not preparing a second copy.`,
  rerunHint: "If you need a new one, run `npm run cli -- digest --post` again in a minute.",
};

/** `digest --post`'s repeat messages in `locale`. */
export const digestCliText = defineCatalog<typeof lv>({ lv, en });
