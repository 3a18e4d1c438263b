-- The supervisor's dashboard and a person's schedule read a supervisee's sessions by status and date (the last
-- one-to-one held, those of the last 13 months, the upcoming ones, the records to write and to sign). Those
-- columns were only on supervision_session, reached after the join, so every session a person ever had was read.
-- A copy of the session's kind, status and date on each participant row, kept in step by every change of a
-- session's status or date (SessionRepository, LeaverSupervision), makes each of those reads a range of this index.
ALTER TABLE session_participant ADD COLUMN kind VARCHAR(20) NULL;
ALTER TABLE session_participant ADD COLUMN status VARCHAR(20) NULL;
ALTER TABLE session_participant ADD COLUMN meeting_date DATE NULL;
UPDATE session_participant SET
    kind = (SELECT s.kind FROM supervision_session s WHERE s.id = session_participant.session_id),
    status = (SELECT s.status FROM supervision_session s WHERE s.id = session_participant.session_id),
    meeting_date = (SELECT s.meeting_date FROM supervision_session s WHERE s.id = session_participant.session_id);
CREATE INDEX ix_participant_progress ON session_participant (supervisee_id, kind, status, meeting_date);
