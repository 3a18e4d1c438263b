-- The discussion of the quality of a supervisor's own supervisory practice, in the light of the file audits
-- noted on their supervision record (DOMAIN section 14). Part of the record's signed content when written.
ALTER TABLE session_record ADD COLUMN supervisory_practice TEXT NULL;

-- The number of completed audits a quarterly audit report was signed off with (the list shows it without reading the
-- signed copy); which audits they were is in the signed copy.
ALTER TABLE audit_report ADD COLUMN audits_completed INT NULL;
