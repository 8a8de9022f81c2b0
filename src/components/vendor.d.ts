// Inputs ships no type declarations; the site uses table, select, search, date, radio and range.
declare module "@observablehq/inputs" {
  type Options = Record<string, unknown>;
  export function table(data: object[], options?: Options): HTMLElement & {value: unknown};
  export function select(data: unknown, options?: Options): HTMLElement & {value: unknown};
  export function search(data: object[], options?: Options): HTMLElement & {value: unknown};
  export function date(options?: Options): HTMLElement & {value: unknown};
  export function radio(data: unknown, options?: Options): HTMLElement & {value: unknown};
  export function range(extent?: [number, number], options?: Options): HTMLElement & {value: unknown};
  export function checkbox(data: unknown, options?: Options): HTMLElement & {value: unknown};
  export function text(options?: Options): HTMLElement & {value: unknown};
}

// htl 0.3 (the version Framework uses) ships no type declarations.
declare module "htl" {
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement;
}
