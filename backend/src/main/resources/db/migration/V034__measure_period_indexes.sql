-- Issue 10: the measures counted from their own tables read one period of the organisation's rows, so each needs
-- an index that starts with the organisation and then the time the period is read from; the existing ones put a
-- team or a status first, and a directorate's month would otherwise read the organisation's whole history.
CREATE INDEX ix_decision_org_signed ON case_decision (organisation_id, signed_at);
CREATE INDEX ix_audit_org_completed ON file_audit (organisation_id, completed_at);
