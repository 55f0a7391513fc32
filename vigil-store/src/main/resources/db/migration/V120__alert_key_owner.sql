-- An alert's deduplication key names the owner of the series it is about (rule|indicator|area|
-- period|owner): the same finding on two owners' series of one area is two alerts, and one owner's
-- alert can never stand in for (or suppress) another's.
UPDATE alert SET dedup_key = dedup_key || '|' || owner_org;
