import { describe, expect, it } from "vitest";
import { ConfigError, LOCAL_CHANNEL_ID, loadConfig } from "../src/config.ts";

describe("loadConfig", () => {
  it("runs in local mode with defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config.slack.mode).toBe("local");
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe("./data/koordinators.db");
    expect(config.timezone).toBe("Europe/Riga");
    expect(config.defaultLocale).toBe("lv");
    expect(config.slackLocale).toBe("ignore-english");
    expect(config.redisUrl).toBeNull();
    expect(config.slack.apiUrl).toBe("https://slack.com/api/");
    expect(Object.isFrozen(config.slack)).toBe(true);
  });

  it("uses HTTP mode with a token and a secret, Socket Mode with an app token", () => {
    const http = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" });
    expect(http.slack.mode).toBe("http");
    const socket = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      SLACK_APP_TOKEN: "xapp-1",
    });
    expect(socket.slack.mode).toBe("socket");
  });

  it("takes the local channel as the working group's in local mode only, unless one is set", () => {
    expect(loadConfig({}).workgroupChannelId).toBe(LOCAL_CHANNEL_ID);
    expect(loadConfig({ WORKGROUP_CHANNEL_ID: "C0WORKGRP" }).workgroupChannelId).toBe("C0WORKGRP");
    const slack = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" };
    expect(loadConfig(slack).workgroupChannelId).toBeNull();
  });

  it("reads SLACK_LOCALE: follow or ignore-english, anything else named with its value", () => {
    expect(loadConfig({ SLACK_LOCALE: "follow" }).slackLocale).toBe("follow");
    expect(loadConfig({ SLACK_LOCALE: " ignore-english " }).slackLocale).toBe("ignore-english");
    expect(() => loadConfig({ SLACK_LOCALE: "english" })).toThrow(
      'SLACK_LOCALE: must be ignore-english or follow (got "english")',
    );
  });

  it("adds the trailing slash Slack's WebClient expects", () => {
    expect(loadConfig({ SLACK_API_URL: "http://127.0.0.1:9/api" }).slack.apiUrl).toBe(
      "http://127.0.0.1:9/api/",
    );
  });

  it("names every invalid variable at once and never echoes a secret", () => {
    let error: unknown;
    try {
      loadConfig({
        SLACK_BOT_TOKEN: "xoxp-secret-user-token",
        PORT: "http",
        APP_TIMEZONE: "Mars/Olympus",
        DEFAULT_LOCALE: "de",
        REDIS_URL: "localhost:6379",
        SLACK_API_URL: "not a url",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    for (const name of [
      "SLACK_BOT_TOKEN",
      "PORT",
      "APP_TIMEZONE",
      "DEFAULT_LOCALE",
      "REDIS_URL",
      "SLACK_API_URL",
    ]) {
      expect(problems).toContain(name);
    }
    expect(problems).not.toContain("xoxp-secret-user-token");
  });

  it("names the missing half of the credentials", () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: "s" })).toThrow(/SLACK_BOT_TOKEN/);
  });
});

describe("loadConfig names every problem in one run", () => {
  it("reports schema and reminder problems together", () => {
    let problems: string[] = [];
    try {
      loadConfig({
        PORT: "abc",
        REMINDER_OFFSETS: "xyz",
        REMINDER_TIME: "25:00",
        COLLECT_EVERY: "-1",
      });
    } catch (e) {
      problems = (e as ConfigError).problems;
    }
    for (const name of ["PORT", "REMINDER_OFFSETS", "REMINDER_TIME", "COLLECT_EVERY"]) {
      expect(
        problems.some((p) => p.startsWith(name)),
        name,
      ).toBe(true);
    }
  });
});
