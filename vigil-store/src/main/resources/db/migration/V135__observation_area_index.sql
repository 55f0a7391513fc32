-- One state's values of every indicator (GET /api/areas/{code}/latest, the state page; the risk
-- inputs and reports of one state): observation_series leads with the indicator, so a read by area
-- alone scanned the whole table. Same columns after the area, so the read's ORDER BY (indicator,
-- period, id) comes from the index.
CREATE INDEX observation_area ON observation (area_code, indicator_code, period_code, id);
