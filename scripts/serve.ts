import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".csv": "text/csv",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Serve a built site with Framework's clean URLs (/counts -> counts.html). Resolves once listening. */
export function serve(root: string, port: number, host = "127.0.0.1"): Promise<http.Server> {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let file = path.join(base, decodeURIComponent(url.pathname));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    else if (!fs.existsSync(file) && fs.existsSync(`${file}.html`)) file = `${file}.html`;
    if (!fs.existsSync(file)) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${url.pathname}`);
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
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
