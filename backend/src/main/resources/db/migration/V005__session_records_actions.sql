-- The record of a held session (DOMAIN §5): one row per session, created when the session is marked
-- held. Content changes only while DRAFT (status guard in every update); signatures name the content
-- hash they signed, so a signature on content that later changed no longer counts.
CREATE TABLE session_record (
    session_id          CHAR(36)    NOT NULL PRIMARY KEY,
    template_id         CHAR(36)    NOT NULL,
    status              VARCHAR(20) NOT NULL,
    entries_json        TEXT        NOT NULL,
    reflection          TEXT        NULL,
    future_agenda       TEXT        NULL,
    next_date           DATE        NULL,
    personal_discussed  BOOLEAN     NOT NULL,
    confidential_notes  TEXT        NULL,
    action_reviews_json TEXT        NOT NULL,
    content_hash        CHAR(64)    NULL,
    signed_at           DATETIME(6) NULL,
    version             INT         NOT NULL,
    updated_at          DATETIME(6) NOT NULL,
    CONSTRAINT fk_record_session FOREIGN KEY (session_id) REFERENCES supervision_session (id),
    CONSTRAINT fk_record_template FOREIGN KEY (template_id) REFERENCES policy_template (id)
);

CREATE TABLE record_signature (
    id                CHAR(36)    NOT NULL PRIMARY KEY,
    session_id        CHAR(36)    NOT NULL,
    signer_staff_id   CHAR(36)    NOT NULL,
    signer_account_id CHAR(36)    NOT NULL,
    signed_at         DATETIME(6) NOT NULL,
    content_hash      CHAR(64)    NOT NULL,
    CONSTRAINT fk_rsig_record FOREIGN KEY (session_id) REFERENCES session_record (session_id),
    CONSTRAINT uq_rsig UNIQUE (session_id, signer_staff_id, content_hash)
);

-- Comments, amendments and disagreements (before signing, part of the record) and addenda (after).
CREATE TABLE record_note (
    id              CHAR(36)    NOT NULL PRIMARY KEY,
    session_id      CHAR(36)    NOT NULL,
    kind            VARCHAR(20) NOT NULL,
    author_staff_id CHAR(36)    NOT NULL,
    text            TEXT        NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    CONSTRAINT fk_note_record FOREIGN KEY (session_id) REFERENCES session_record (session_id)
);
CREATE INDEX ix_note_session ON record_note (session_id, created_at);

CREATE TABLE supervision_action (
    id                    CHAR(36)      NOT NULL PRIMARY KEY,
    organisation_id       CHAR(36)      NOT NULL,
    supervisee_id         CHAR(36)      NOT NULL,
    owner_staff_id        CHAR(36)      NOT NULL,
    text                  VARCHAR(2000) NOT NULL,
    due_date              DATE          NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    last_review           VARCHAR(20)   NULL,
    last_review_note      VARCHAR(2000) NULL,
    created_in_session_id CHAR(36)      NULL,
    closed_in_session_id  CHAR(36)      NULL,
    version               INT           NOT NULL,
    created_at            DATETIME(6)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    CONSTRAINT fk_action_supervisee FOREIGN KEY (supervisee_id) REFERENCES staff (id),
    CONSTRAINT fk_action_owner FOREIGN KEY (owner_staff_id) REFERENCES staff (id)
);
CREATE INDEX ix_action_supervisee ON supervision_action (supervisee_id, status, due_date);
CREATE INDEX ix_action_owner ON supervision_action (owner_staff_id, status, due_date);
CREATE INDEX ix_action_organisation ON supervision_action (organisation_id, status, due_date, id);
