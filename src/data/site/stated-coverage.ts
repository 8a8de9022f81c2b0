import { rows } from "../../../warehouse/print.ts";

// Reports read for earlier outcomes, by outcome; authorities holding a grade per element on 30 Sep 2013.
export default rows(`
  SELECT 'reports' AS measure, framework || ': ' || outcome AS label, count(*)::INTEGER AS value FROM stated_accounting GROUP BY ALL
  UNION ALL
  SELECT 'element as at 2013-09-30', element, graded FROM pre_sif_element_coverage_as_at('2013-09-30')
  UNION ALL
  SELECT 'stated inspections', framework || ' (' || date_precision || ')', count(*)::INTEGER FROM stated_inspections GROUP BY ALL
  ORDER BY 1, 2`);
