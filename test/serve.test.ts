import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve } from "../scripts/serve.ts";

/** A raw GET (the path sent exactly as written, as a hostile client would) -> status and body. */
function get(port: number, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    // A server that died answers nothing: fail the request rather than wait for the test's timeout.
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to GET ${rawPath}`)));
    req.end();
  });
}

// A served folder "site" beside a sibling whose name starts with the served folder's name.
const parent = fs.mkdtempSync(path.join(os.tmpdir(), "serve-"));
const root = path.join(parent, "site");
let server: http.Server;
let port: number;
beforeAll(async () => {
  fs.mkdirSync(path.join(root, "authorities"), { recursive: true });
  fs.writeFileSync(path.join(root, "index.html"), "<h1>home</h1>");
  fs.writeFileSync(path.join(root, "counts.html"), "<h1>counts</h1>");
  fs.writeFileSync(path.join(root, "authorities", "index.html"), "<h1>authorities</h1>");
  fs.mkdirSync(path.join(parent, "site-secret"));
  fs.writeFileSync(path.join(parent, "site-secret", "secret.txt"), "SECRET");
  fs.writeFileSync(path.join(parent, "secret.txt"), "SECRET");
  server = await serve(root, 0);
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  fs.rmSync(parent, { recursive: true, force: true });
});

describe("the static server", () => {
  it("serves clean URLs and folder indexes", async () => {
    expect(await get(port, "/")).toMatchObject({ status: 200, body: "<h1>home</h1>" });
    expect(await get(port, "/counts")).toMatchObject({ status: 200, body: "<h1>counts</h1>" });
    expect(await get(port, "/authorities/")).toMatchObject({ status: 200, body: "<h1>authorities</h1>" });
    expect((await get(port, "/nothing-here")).status).toBe(404);
  });

  it("a malformed escape (GET /%zz) gets an error response and the server keeps serving", async () => {
    const bad = await get(port, "/%zz");
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(await get(port, "/counts")).toMatchObject({ status: 200, body: "<h1>counts</h1>" });
  });

  it.each([
    "/..%2fsite-secret%2fsecret.txt",
    "/../site-secret/secret.txt",
    "/%2e%2e/site-secret/secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e%2fsecret.txt",
    "/..%5csecret.txt",
  ])("no file outside the served folder is reachable: %s", async (p) => {
    const res = await get(port, p);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body).not.toContain("SECRET");
  });
});
