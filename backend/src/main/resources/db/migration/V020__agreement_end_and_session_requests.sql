-- Lifecycle (issue 7, 3d and 3e).
-- An agreement ends when its supervisee leaves: the status moves to ENDED on the agreement row (workflow
-- state, never part of the signed snapshot) and the day it ended is kept beside it.
ALTER TABLE agreement ADD COLUMN ended_on DATE NULL;

-- A supervisee's request for an extra session (Central Bedfordshire's agreement, clause 1). The supervisor
-- books it (a planned session linked here) or declines it with a reason; the supervisee sees the outcome.
CREATE TABLE session_request (
    id               CHAR(36)      NOT NULL PRIMARY KEY,
    organisation_id  CHAR(36)      NOT NULL,
    supervisee_id    CHAR(36)      NOT NULL,
    supervisor_id    CHAR(36)      NOT NULL,
    reason           VARCHAR(2000) NOT NULL,
    preferred_dates  VARCHAR(100)  NULL,
    status           VARCHAR(20)   NOT NULL,
    session_id       CHAR(36)      NULL,
    decline_reason   VARCHAR(1000) NULL,
    decided_by       CHAR(36)      NULL,
    decided_at       DATETIME(6)   NULL,
    version          INT           NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    CONSTRAINT fk_session_request_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_session_request_supervisee FOREIGN KEY (supervisee_id) REFERENCES staff (id),
    CONSTRAINT fk_session_request_supervisor FOREIGN KEY (supervisor_id) REFERENCES staff (id),
    CONSTRAINT fk_session_request_session FOREIGN KEY (session_id) REFERENCES supervision_session (id)
);
CREATE INDEX ix_session_request_supervisor ON session_request (supervisor_id, status, created_at);
CREATE INDEX ix_session_request_supervisee ON session_request (supervisee_id, created_at);
