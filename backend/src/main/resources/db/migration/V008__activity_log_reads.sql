-- Reads of a person's records go to the activity log (decision 0006): who read (account, staff
-- record, the roles in force), which record, whose record (the subjects), when, the request id and
-- the connection's address. Like activity_log itself, the new table is append-only.
ALTER TABLE activity_log ADD COLUMN actor_staff_id CHAR(36) NULL;
ALTER TABLE activity_log ADD COLUMN actor_roles VARCHAR(200) NULL;

-- Whose record was read: one row per subject person of a log row (a group session's record has
-- several supervisees). occurred_at is copied from the log row so "reads of my records, newest
-- first" walks one index.
CREATE TABLE activity_log_subject (
    activity_id      BIGINT      NOT NULL,
    subject_staff_id CHAR(36)    NOT NULL,
    occurred_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (activity_id, subject_staff_id),
    CONSTRAINT fk_activity_subject_log FOREIGN KEY (activity_id) REFERENCES activity_log (id)
);
CREATE INDEX ix_activity_subject ON activity_log_subject (subject_staff_id, occurred_at, activity_id);

-- The search orders newest first by (occurred_at, id) and filters by organisation and period;
-- record and actor filters use ix_activity_entity and ix_activity_actor from V001.
CREATE INDEX ix_activity_org_time ON activity_log (organisation_id, occurred_at, id);
