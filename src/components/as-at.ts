// Picking what stood on a date from the warehouse's precomputed spells (view grade_spells), for
// pages whose reader chooses the date. Pure functions: no DOM, so tests run them beside the SQL.

/** One authority's grade in one theme from `from` until `until` (exclusive; null while it stands). */
export interface GradeSpell {
  la_code: string;
  theme: string;
  grade: number;
  framework: string;
  inherited_from: string | null;
  published: string;
  from: string;
  until: string | null;
}

export interface LiveAuthority {
  la_code: string;
  name: string;
  region: string;
  live_from: string | null;
  live_until: string | null;
  shapes?: string[];
}

/** One count of the stock: as stock_as_at(date) gives it (framework and grade null: not yet graded). */
export interface StockCount {
  area: string;
  framework: string | null;
  grade: number | null;
  authorities: number;
}

/** Dates compare as ISO strings (YYYY-MM-DD). */
export const stands = (from: string | null, until: string | null, date: string) =>
  (from == null || from <= date) && (until == null || date < until);

export function authoritiesOn(authorities: LiveAuthority[], date: string): LiveAuthority[] {
  return authorities.filter((a) => stands(a.live_from, a.live_until, date));
}

/** The grade each authority held in a theme on a date, by la_code. */
export function gradesOn(spells: GradeSpell[], date: string, theme: string): Map<string, GradeSpell> {
  return new Map(spells.filter((s) => s.theme === theme && stands(s.from, s.until, date)).map((s) => [s.la_code, s]));
}

/** The stock on a date for one theme: England and each region, by framework and grade. */
export function stockCounts(spells: GradeSpell[], authorities: LiveAuthority[], date: string, theme: string): StockCount[] {
  const grades = gradesOn(spells, date, theme);
  const counts = new Map<string, StockCount>();
  for (const a of authoritiesOn(authorities, date)) {
    const s = grades.get(a.la_code);
    for (const area of ["England", a.region]) {
      const key = `${area}|${s?.framework ?? ""}|${s?.grade ?? ""}`;
      const c = counts.get(key) ?? {area, framework: s?.framework ?? null, grade: s?.grade ?? null, authorities: 0};
      c.authorities += 1;
      counts.set(key, c);
    }
  }
  return [...counts.values()];
}

/** Areas in display order: England first, then the regions alphabetically. */
export function areaOrder(areas: Iterable<string>): string[] {
  const rest = [...new Set(areas)].filter((a) => a !== "England").sort();
  return ["England", ...rest];
}
