-- The date the data speaks for: the latest publication among the inspections held. Every page's
-- "as at" and every "today" in the scheduling views reads this one view.
CREATE OR REPLACE VIEW data_as_at AS
SELECT max(published_date) AS data_as_at FROM inspections;
