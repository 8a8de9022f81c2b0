import * as Inputs from "@observablehq/inputs";

/**
 * Inputs.table, made keyboard-reachable: its scrolling container gets a tab stop and a name,
 * so the rows it hides can be reached without a mouse (axe: scrollable-region-focusable).
 */
export function dataTable(rows: object[], options: Record<string, unknown> & {label: string}): HTMLElement {
  const {label, ...rest} = options;
  const table = Inputs.table(rows, {select: false, ...rest});
  table.tabIndex = 0;
  table.setAttribute("role", "region");
  table.setAttribute("aria-label", label);
  return table;
}
