import { columns } from "../../../warehouse/print.ts";

// England for every theme, the regions for overall effectiveness.
export default columns(`
  SELECT CAST(as_at AS VARCHAR) AS as_at, theme, area, authorities, graded, share_good_pct, coverage_pct, mostly_covered
  FROM trend_quarterly
  WHERE area = 'England' OR theme = 'overall'
  ORDER BY theme_order, area, trend_quarterly.as_at`);
