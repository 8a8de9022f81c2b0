import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import sirv from "sirv";

/**
 * Serve a built site with Framework's clean URLs (/counts -> counts.html). Resolves once listening.
 * sirv (not dev mode) indexes the folder's files when it starts and serves only those, so no
 * request path (encoded slashes, "..", malformed escapes) can reach a file outside the folder.
 */
export function serve(root: string, port: number, host = "127.0.0.1"): Promise<http.Server> {
  const handler = sirv(path.resolve(root), {
    extensions: ["html"],
    onNoMatch: (req, res) => {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    },
  });
  const server = http.createServer((req, res) => {
    try {
      handler(req, res);
    } catch {
      // A request the handler cannot make sense of gets an error response; the server stays up.
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" });
      res.end("bad request");
    }
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? "dist";
  if (!fs.existsSync(path.join(root, "index.html"))) {
    console.error(`${root}/index.html not found: run npm run build first`);
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 3000);
  await serve(root, port, process.env.HOST ?? "127.0.0.1");
  console.log(`serving ${root} at http://localhost:${port}/ (Ctrl+C to stop)`);
}
