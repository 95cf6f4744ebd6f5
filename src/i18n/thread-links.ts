/** Links to institutions' reminder threads, as the reply notes (reply.ts) write them. */

/** An institution's reminder thread to point to: its code and a link to the thread's root. */
export interface ThreadLink {
  code: string;
  link: string;
}

/** " (LM: <link|atvērt>)", several joined by "; "; "" for none. */
export function threadLinks(threads: readonly ThreadLink[], open: string): string {
  if (threads.length === 0) return "";
  return ` (${threads.map((t) => `${t.code}: <${t.link}|${open}>`).join("; ")})`;
}
