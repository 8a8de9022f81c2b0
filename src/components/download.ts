import {csvFormat} from "d3";
import {html} from "htl";

/** A download link for rows as CSV, generated in the browser (no request leaves the page). */
export function downloadCsv(rows: object[], filename: string, label = `Download ${filename}`): HTMLAnchorElement {
  const href = URL.createObjectURL(new Blob([csvFormat(rows as Record<string, string>[])], {type: "text/csv"}));
  return html`<a class="download" download=${filename} href=${href}>${label}</a>` as HTMLAnchorElement;
}
