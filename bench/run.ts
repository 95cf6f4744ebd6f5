/** `npm run bench`: every benchmark in bench/, one after another, each with its floor. */
await import("./task-endpoint.ts");
