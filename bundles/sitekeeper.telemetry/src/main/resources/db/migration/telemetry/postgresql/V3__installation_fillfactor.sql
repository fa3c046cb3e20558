-- Leave room in each page so that a heartbeat's update of its row stays on the page (a HOT update: no index
-- entries written, the old version pruned in place) instead of moving the row.
ALTER TABLE telemetry_installation SET (fillfactor = 70);
