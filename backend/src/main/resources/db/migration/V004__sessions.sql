-- Supervision sessions (DOMAIN §5). A session has one supervisor and one supervisee (ONE_TO_ONE) or
-- several (GROUP, never counted as one-to-one). Meeting date and start time are local to the
-- organisation (Europe/London). A cancelled session may point at the session booked to replace it.
CREATE TABLE supervision_session (
    id                 CHAR(36)     NOT NULL PRIMARY KEY,
    organisation_id    CHAR(36)     NOT NULL,
    supervisor_id      CHAR(36)     NOT NULL,
    kind               VARCHAR(20)  NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    meeting_date       DATE         NOT NULL,
    start_time         CHAR(5)      NOT NULL,
    planned_minutes    INT          NOT NULL,
    location           VARCHAR(300) NOT NULL,
    series_id          CHAR(36)     NULL,
    actual_minutes     INT          NULL,
    interrupted_by     VARCHAR(300) NULL,
    cancelled_by       VARCHAR(20)  NULL,
    status_reason      VARCHAR(500) NULL,
    rebooked_as_id     CHAR(36)     NULL,
    rebooked_from_id   CHAR(36)     NULL,
    version            INT          NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    CONSTRAINT fk_session_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_session_supervisor FOREIGN KEY (supervisor_id) REFERENCES staff (id)
);
CREATE INDEX ix_session_supervisor ON supervision_session (supervisor_id, meeting_date);
CREATE INDEX ix_session_organisation ON supervision_session (organisation_id, meeting_date, start_time, id);

CREATE TABLE session_participant (
    session_id    CHAR(36) NOT NULL,
    supervisee_id CHAR(36) NOT NULL,
    PRIMARY KEY (session_id, supervisee_id),
    CONSTRAINT fk_participant_session FOREIGN KEY (session_id) REFERENCES supervision_session (id),
    CONSTRAINT fk_participant_staff FOREIGN KEY (supervisee_id) REFERENCES staff (id)
);
CREATE INDEX ix_participant_supervisee ON session_participant (supervisee_id, session_id);
