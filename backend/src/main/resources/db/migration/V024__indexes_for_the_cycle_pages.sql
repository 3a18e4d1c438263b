-- Indexes the cycle's pages need with years of history (issue 7, item 16; docs/decisions/0020). Each serves
-- a list's filter and its keyset order together, so a page reads only its own rows, never a scan of history.

-- Sessions by status (records awaiting signature, what is planned) across the organisation, in date order:
-- without it, "status = RECORDED" walked ten years of sessions in date order to find the few recent ones.
CREATE INDEX ix_session_org_status ON supervision_session (organisation_id, status, meeting_date, start_time, id);
-- The same for the sessions one supervisor leads ("awaiting my signature", the supervisor's planned sessions).
CREATE INDEX ix_session_supervisor_status ON supervision_session (supervisor_id, status, meeting_date, start_time, id);

-- Actions in due-date order without a status filter (the list's default).
CREATE INDEX ix_action_org_due ON supervision_action (organisation_id, due_date, id);

-- Agreements of one status across the organisation, newest first (e.g. all awaiting signatures).
CREATE INDEX ix_agreement_org_status ON agreement (organisation_id, status, id);
