import JSZip from "jszip";

// A fixed timestamp keeps an archive byte-identical while its contents are unchanged.
const date = new Date("2000-01-01T00:00:00Z");

/** A deflated zip of files (name -> text or bytes), as Framework's archive loaders write to stdout. */
export async function zipFiles(files: Iterable<[string, string | Buffer]>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of files) zip.file(name, text, { date });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
