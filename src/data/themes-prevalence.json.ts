import { printQuery } from "../../warehouse/print.ts";

// Parallel columns in one row (the page turns them back into rows): smaller than one object per row.
await printQuery(`
  SELECT
    list(dimension ORDER BY dimension, level, theme_order) AS dimension,
    list(level ORDER BY dimension, level, theme_order) AS level,
    list(theme_id ORDER BY dimension, level, theme_order) AS theme_id,
    list(reports ORDER BY dimension, level, theme_order) AS reports,
    list(reports_improve ORDER BY dimension, level, theme_order) AS reports_improve,
    list(reports_praised ORDER BY dimension, level, theme_order) AS reports_praised,
    list(reports_criticised ORDER BY dimension, level, theme_order) AS reports_criticised
  FROM theme_prevalence`);
