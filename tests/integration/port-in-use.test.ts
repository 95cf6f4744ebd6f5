import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp } from "../helpers/app.ts";

let holder: Server;
let port: number;

beforeAll(async () => {
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, "0.0.0.0", resolve));
  port = (holder.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => holder.close(resolve));
});

describe("a PORT another process holds", () => {
  it("stops the start with a message naming the port and PORT, not a raw EADDRINUSE", async () => {
    const start = startTestApp({ worker: false, config: { port } });
    await expect(start).rejects.toThrow(
      `Port ${port} is already in use (another app, or another Koordinators). Set PORT to a free port`,
    );
  });
});
