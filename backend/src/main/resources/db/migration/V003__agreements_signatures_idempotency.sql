-- Supervision agreements (DOMAIN §4): one row per version; a review links the new version to the old.
-- Content is frozen once submitted for signature: every update statement carries a status guard
-- (WHERE status = 'DRAFT'), so the database itself never rewrites submitted or signed content.
CREATE TABLE agreement (
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    organisation_id     CHAR(36)     NOT NULL,
    supervisee_id       CHAR(36)     NOT NULL,
    supervisor_id       CHAR(36)     NOT NULL,
    template_id         CHAR(36)     NOT NULL,
    previous_version_id CHAR(36)     NULL,
    version_number      INT          NOT NULL,
    status              VARCHAR(30)  NOT NULL,
    interval_weeks      INT          NULL,
    duration_minutes    INT          NOT NULL,
    location            VARCHAR(300) NOT NULL,
    escalation_period   VARCHAR(20)  NULL,
    answers_json        TEXT         NOT NULL,
    content_hash        CHAR(64)     NULL,
    signed_at           DATETIME(6)  NULL,
    review_due          DATE         NULL,
    version             INT          NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    CONSTRAINT fk_agreement_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_agreement_supervisee FOREIGN KEY (supervisee_id) REFERENCES staff (id),
    CONSTRAINT fk_agreement_supervisor FOREIGN KEY (supervisor_id) REFERENCES staff (id),
    CONSTRAINT fk_agreement_template FOREIGN KEY (template_id) REFERENCES policy_template (id),
    CONSTRAINT fk_agreement_previous FOREIGN KEY (previous_version_id) REFERENCES agreement (id)
);
CREATE INDEX ix_agreement_supervisee ON agreement (supervisee_id, status);
CREATE INDEX ix_agreement_organisation ON agreement (organisation_id, id);
CREATE INDEX ix_agreement_previous ON agreement (previous_version_id);

-- Who signed which agreement, when, and the hash of the content they signed. Never updated.
CREATE TABLE agreement_signature (
    id                CHAR(36)    NOT NULL PRIMARY KEY,
    agreement_id      CHAR(36)    NOT NULL,
    party             VARCHAR(20) NOT NULL,
    signer_staff_id   CHAR(36)    NOT NULL,
    signer_account_id CHAR(36)    NOT NULL,
    signed_at         DATETIME(6) NOT NULL,
    content_hash      CHAR(64)    NOT NULL,
    CONSTRAINT fk_signature_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id),
    CONSTRAINT fk_signature_staff FOREIGN KEY (signer_staff_id) REFERENCES staff (id),
    CONSTRAINT uq_signature_party UNIQUE (agreement_id, party)
);

-- Idempotency-Key of every create, per caller: a resend (a tablet back online after days) returns the
-- first result instead of writing twice. Kept at least 30 days.
-- id is the SHA-256 of caller and key, so the primary key itself refuses a concurrent duplicate.
CREATE TABLE idempotency_key (
    id            CHAR(64)     NOT NULL PRIMARY KEY,
    caller        VARCHAR(120) NOT NULL,
    idem_key      VARCHAR(100) NOT NULL,
    operation     VARCHAR(60)  NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    resource_id   VARCHAR(600) NOT NULL,
    created_at    DATETIME(6)  NOT NULL
);
CREATE INDEX ix_idempotency_created ON idempotency_key (created_at);
