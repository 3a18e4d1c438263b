-- Items a supervisee (or their supervisor) adds to the next session's agenda between sessions (issue 7,
-- item 7). Pending until a record of theirs is signed; then kept with that record (used_in_session_id).
CREATE TABLE agenda_proposal (
    id                 CHAR(36)     NOT NULL PRIMARY KEY,
    organisation_id    CHAR(36)     NOT NULL,
    supervisee_id      CHAR(36)     NOT NULL,
    proposed_by        CHAR(36)     NOT NULL,
    text               VARCHAR(500) NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    used_in_session_id CHAR(36)     NULL,
    CONSTRAINT fk_agenda_supervisee FOREIGN KEY (supervisee_id) REFERENCES staff (id),
    CONSTRAINT fk_agenda_proposer FOREIGN KEY (proposed_by) REFERENCES staff (id),
    CONSTRAINT fk_agenda_session FOREIGN KEY (used_in_session_id) REFERENCES supervision_session (id)
);
CREATE INDEX ix_agenda_pending ON agenda_proposal (supervisee_id, used_in_session_id, created_at);
CREATE INDEX ix_agenda_used ON agenda_proposal (used_in_session_id);
