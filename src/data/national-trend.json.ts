import { printQuery } from "../../warehouse/print.ts";

// England for every theme, the regions for overall effectiveness; parallel columns, one row.
await printQuery(`
  WITH t AS (
    SELECT * FROM trend_quarterly WHERE area = 'England' OR theme = 'overall'
  )
  SELECT
    list(CAST(as_at AS VARCHAR) ORDER BY theme_order, area, as_at) AS as_at,
    list(theme ORDER BY theme_order, area, as_at) AS theme,
    list(area ORDER BY theme_order, area, as_at) AS area,
    list(authorities ORDER BY theme_order, area, as_at) AS authorities,
    list(graded ORDER BY theme_order, area, as_at) AS graded,
    list(share_good_pct ORDER BY theme_order, area, as_at) AS share_good_pct,
    list(coverage_pct ORDER BY theme_order, area, as_at) AS coverage_pct,
    list(mostly_covered ORDER BY theme_order, area, as_at) AS mostly_covered
  FROM t`);
