import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { preferredLocale, setPreferredLocale } from "../../db/user-settings.ts";
import { createLocaleResolver, type UsersInfoClient } from "../../src/slack/locale.ts";
import { migratedStore } from "../helpers/store.ts";

let db: Db;
beforeEach(async () => {
  ({ db } = await migratedStore());
});
afterEach(async () => db.destroy());

const AT = "2026-12-01T10:00:00.000Z";

describe("user settings", () => {
  it("stores, replaces and forgets a user's language", async () => {
    expect(await preferredLocale(db, "U0ANNA")).toBeNull();
    await setPreferredLocale(db, "U0ANNA", "lv", AT);
    expect(await preferredLocale(db, "U0ANNA")).toBe("lv");
    await setPreferredLocale(db, "U0ANNA", "en", "2026-12-01T11:00:00.000Z");
    expect(await preferredLocale(db, "U0ANNA")).toBe("en");
    expect(await preferredLocale(db, "U0JOHN")).toBeNull();
    await setPreferredLocale(db, "U0ANNA", null, "2026-12-01T12:00:00.000Z");
    expect(await preferredLocale(db, "U0ANNA")).toBeNull();
    const rows = await db.selectFrom("user_settings").selectAll().execute();
    expect(rows).toEqual([
      { user_id: "U0ANNA", locale: null, updated_at: "2026-12-01T12:00:00.000Z" },
    ]);
  });

  it("reads a language the app does not speak as no choice", async () => {
    await db
      .insertInto("user_settings")
      .values({ user_id: "U0X", locale: "de", updated_at: AT })
      .execute();
    expect(await preferredLocale(db, "U0X")).toBeNull();
  });
});

/** Slack's users.info (it crosses the process boundary): Slack locales by user, calls counted. */
function slackUsers(locales: Record<string, string>) {
  const calls: string[] = [];
  let failing = false;
  const client: UsersInfoClient = {
    users: {
      async info({ user }) {
        calls.push(user);
        if (failing) throw new Error("slack down");
        return { user: { locale: locales[user] } };
      },
    },
  };
  return { client, calls, fail: (on: boolean) => (failing = on) };
}

describe("createLocaleResolver: the user's choice, then Slack's lv-*, then DEFAULT_LOCALE", () => {
  it("takes Slack's en-* as no signal by default: Latvian, or DEFAULT_LOCALE", async () => {
    const slack = slackUsers({ U0US: "en-US", U0GB: "en-GB", U0LV: "lv-LV", U0DE: "de-DE" });
    const latvian = createLocaleResolver(slack.client, "lv", { db });
    expect(await latvian.forUser("U0US")).toBe("lv");
    expect(await latvian.forUser("U0GB")).toBe("lv");
    expect(await latvian.forUser("U0DE")).toBe("lv");
    const english = createLocaleResolver(slack.client, "en", { db });
    expect(await english.forUser("U0US")).toBe("en");
    // lv-* is a deliberate signal (Slack's default is English): Latvian whatever the default.
    expect(await english.forUser("U0LV")).toBe("lv");
  });

  it("lets the user's choice win over any Slack locale", async () => {
    const slack = slackUsers({ U0CHOSE: "en-US", U0LVEN: "lv-LV" });
    await setPreferredLocale(db, "U0CHOSE", "en", AT);
    await setPreferredLocale(db, "U0LVEN", "en", AT);
    const resolver = createLocaleResolver(slack.client, "lv", { db });
    expect(await resolver.forUser("U0CHOSE")).toBe("en");
    expect(await resolver.forUser("U0LVEN")).toBe("en");
    expect(slack.calls).toEqual([]);
  });

  it("follows Slack's en-* as English with SLACK_LOCALE=follow", async () => {
    const slack = slackUsers({ U0US: "en-US", U0LV: "lv-LV", U0DE: "de-DE" });
    const resolver = createLocaleResolver(slack.client, "lv", { db, slackLocale: "follow" });
    expect(await resolver.forUser("U0US")).toBe("en");
    expect(await resolver.forUser("U0LV")).toBe("lv");
    expect(await resolver.forUser("U0DE")).toBe("lv");
  });
});

describe("createLocaleResolver with the store (SLACK_LOCALE=follow, so Slack's English counts)", () => {
  it("lets the user's own choice win over Slack's English, at once after forget", async () => {
    const slack = slackUsers({ U0ANNA: "en-GB" });
    const resolver = createLocaleResolver(slack.client, "lv", { db, slackLocale: "follow" });
    expect(await resolver.forUser("U0ANNA")).toBe("en");
    await setPreferredLocale(db, "U0ANNA", "lv", AT);
    // Still cached (up to the preference TTL) until the app forgets the user.
    expect(await resolver.forUser("U0ANNA")).toBe("en");
    resolver.forget("U0ANNA");
    expect(await resolver.forUser("U0ANNA")).toBe("lv");
    expect(await resolver.forUser("U0ANNA")).toBe("lv");
    // A chosen language needs no Slack lookup.
    expect(slack.calls).toEqual(["U0ANNA"]);
    await setPreferredLocale(db, "U0ANNA", null, AT);
    resolver.forget("U0ANNA");
    expect(await resolver.forUser("U0ANNA")).toBe("en");
  });

  it("caches both answers: Slack's for ttlMs, the choice's absence for preferenceTtlMs", async () => {
    let t = 0;
    const slack = slackUsers({ U0ANNA: "en-US" });
    const resolver = createLocaleResolver(slack.client, "lv", {
      db,
      slackLocale: "follow",
      ttlMs: 60_000,
      preferenceTtlMs: 1_000,
      now: () => t,
    });
    expect(await resolver.forUser("U0ANNA")).toBe("en");
    // Another process stores the choice: this one sees it once the preference TTL is over.
    await setPreferredLocale(db, "U0ANNA", "lv", AT);
    t = 999;
    expect(await resolver.forUser("U0ANNA")).toBe("en");
    t = 1_000;
    expect(await resolver.forUser("U0ANNA")).toBe("lv");
    await setPreferredLocale(db, "U0ANNA", null, AT);
    t = 2_500;
    // The choice is gone; Slack's answer is still fresh, so Slack is not asked again.
    expect(await resolver.forUser("U0ANNA")).toBe("en");
    expect(slack.calls).toEqual(["U0ANNA"]);
    t = 61_000;
    expect(await resolver.forUser("U0ANNA")).toBe("en");
    expect(slack.calls).toEqual(["U0ANNA", "U0ANNA"]);
  });

  it("asks the store and Slack once for simultaneous requests", async () => {
    const slack = slackUsers({ U0JOHN: "en-US" });
    const resolver = createLocaleResolver(slack.client, "lv", { db, slackLocale: "follow" });
    const answers = await Promise.all([1, 2, 3].map(() => resolver.forUser("U0JOHN")));
    expect(answers).toEqual(["en", "en", "en"]);
    expect(slack.calls).toEqual(["U0JOHN"]);
  });

  it("answers the fallback while Slack fails, without caching it; a choice needs no Slack", async () => {
    const slack = slackUsers({ U0JOHN: "en-US", U0ANNA: "en-US" });
    slack.fail(true);
    const resolver = createLocaleResolver(slack.client, "lv", { db, slackLocale: "follow" });
    expect(await resolver.forUser("U0JOHN")).toBe("lv");
    await setPreferredLocale(db, "U0ANNA", "en", AT);
    expect(await resolver.forUser("U0ANNA")).toBe("en");
    slack.fail(false);
    expect(await resolver.forUser("U0JOHN")).toBe("en");
  });

  it("goes on to Slack when the store cannot be read", async () => {
    const slack = slackUsers({ U0JOHN: "en-US" });
    const resolver = createLocaleResolver(slack.client, "lv", { db, slackLocale: "follow" });
    await db.destroy();
    expect(await resolver.forUser("U0JOHN")).toBe("en");
    ({ db } = await migratedStore());
  });
});
