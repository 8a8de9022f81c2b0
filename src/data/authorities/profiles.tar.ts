// Every authority profile in one archive, from one warehouse build: the pages read
// profiles/<la_code>.json, profiles/shared.json and profiles/directory.json out of it, so the site
// build runs this loader once instead of once per authority.
import { buildWarehouse } from "../../../warehouse/build.ts";
import { profileDocuments } from "./documents.ts";

/** A POSIX ustar archive of regular files (what Framework's archive extractor reads). */
function tar(files: { name: string; text: string }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const file of files) {
    const body = Buffer.from(file.text, "utf8");
    const header = Buffer.alloc(512);
    const field = (value: string, offset: number, length: number) => header.write(value, offset, length, "ascii");
    const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, "0") + "\0";
    field(file.name, 0, 100);
    field(octal(0o644, 8), 100, 8);
    field(octal(0, 8), 108, 8);
    field(octal(0, 8), 116, 8);
    field(octal(body.length, 12), 124, 12);
    field(octal(0, 12), 136, 12);
    field("        ", 148, 8);
    field("0", 156, 1);
    field("ustar\0", 257, 6);
    field("00", 263, 2);
    const checksum = header.reduce((sum, byte) => sum + byte, 0);
    field(checksum.toString(8).padStart(6, "0") + "\0 ", 148, 8);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

const wh = await buildWarehouse();
try {
  const { profiles, shared, directory } = await profileDocuments(wh);
  const files = [
    ...[...profiles].map(([la, doc]) => ({ name: `${la}.json`, text: JSON.stringify(doc) })),
    { name: "shared.json", text: JSON.stringify(shared) },
    { name: "directory.json", text: JSON.stringify(directory) },
  ];
  process.stdout.write(tar(files));
} finally {
  wh.close();
}
