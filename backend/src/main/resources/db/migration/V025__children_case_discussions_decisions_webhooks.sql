-- Issue 8: children as the case-management system knows them, case discussions (DOMAIN section 6),
-- decisions about children offered to the case-management system, and webhooks that tell it.
-- Plain standard SQL: runs on MySQL, MariaDB and H2.

-- A child reference: nothing but what is needed to name the child and find their record in the
-- case-management system. The case number is the CMS's own id, unique in the organisation.
CREATE TABLE child (
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    organisation_id     CHAR(36)     NOT NULL,
    name                VARCHAR(200) NOT NULL,
    case_number         VARCHAR(60)  NOT NULL,
    date_of_birth       DATE         NULL,
    allocated_worker_id CHAR(36)     NOT NULL,
    version             INT          NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    CONSTRAINT fk_child_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_child_worker FOREIGN KEY (allocated_worker_id) REFERENCES staff (id),
    CONSTRAINT uq_child_case_number UNIQUE (organisation_id, case_number)
);
CREATE INDEX ix_child_worker ON child (allocated_worker_id, name, id);
CREATE INDEX ix_child_name ON child (organisation_id, name, id);

-- A case discussion about one child between a supervisee and a supervisor, inside a session or between
-- sessions. Mutable while DRAFT (workflow state, as session_record); once both have signed the same
-- content, its canonical content is written to signed_item (type CASE_DISCUSSION) and read from there.
-- child_view_status is copied out of the content so measures count it in SQL.
CREATE TABLE case_discussion (
    id                CHAR(36)    NOT NULL PRIMARY KEY,
    organisation_id   CHAR(36)    NOT NULL,
    child_id          CHAR(36)    NOT NULL,
    supervisee_id     CHAR(36)    NOT NULL,
    supervisor_id     CHAR(36)    NOT NULL,
    session_id        CHAR(36)    NULL,
    template_id       CHAR(36)    NOT NULL,
    discussed_on      DATE        NOT NULL,
    status            VARCHAR(20) NOT NULL,
    content_json      MEDIUMTEXT  NOT NULL,
    child_view_status VARCHAR(20) NULL,
    content_hash      CHAR(64)    NULL,
    signed_at         DATETIME(6) NULL,
    version           INT         NOT NULL,
    content_version   INT         NOT NULL,
    created_at        DATETIME(6) NOT NULL,
    updated_at        DATETIME(6) NOT NULL,
    CONSTRAINT fk_cd_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_cd_child FOREIGN KEY (child_id) REFERENCES child (id),
    CONSTRAINT fk_cd_supervisee FOREIGN KEY (supervisee_id) REFERENCES staff (id),
    CONSTRAINT fk_cd_supervisor FOREIGN KEY (supervisor_id) REFERENCES staff (id),
    CONSTRAINT fk_cd_session FOREIGN KEY (session_id) REFERENCES supervision_session (id),
    CONSTRAINT fk_cd_template FOREIGN KEY (template_id) REFERENCES policy_template (id)
);
CREATE INDEX ix_cd_supervisee ON case_discussion (supervisee_id, discussed_on, id);
CREATE INDEX ix_cd_supervisor ON case_discussion (supervisor_id, discussed_on, id);
CREATE INDEX ix_cd_child ON case_discussion (child_id, discussed_on, id);
CREATE INDEX ix_cd_session ON case_discussion (session_id);
CREATE INDEX ix_cd_org_signed ON case_discussion (organisation_id, status, signed_at);

-- Append-only, as record_signature: a signature names the content hash it signed.
CREATE TABLE case_discussion_signature (
    id                 CHAR(36)    NOT NULL PRIMARY KEY,
    case_discussion_id CHAR(36)    NOT NULL,
    signer_staff_id    CHAR(36)    NOT NULL,
    signer_account_id  CHAR(36)    NOT NULL,
    signed_at          DATETIME(6) NOT NULL,
    content_hash       CHAR(64)    NOT NULL,
    CONSTRAINT fk_cdsig_discussion FOREIGN KEY (case_discussion_id) REFERENCES case_discussion (id),
    CONSTRAINT uq_cdsig UNIQUE (case_discussion_id, signer_staff_id, content_hash)
);

-- Actions agreed in a case discussion join the action lists when it locks.
ALTER TABLE supervision_action ADD COLUMN case_discussion_id CHAR(36) NULL;
ALTER TABLE supervision_action ADD COLUMN child_id CHAR(36) NULL;
ALTER TABLE supervision_action ADD COLUMN desired_outcome VARCHAR(2000) NULL;
ALTER TABLE supervision_action ADD COLUMN measure VARCHAR(2000) NULL;
ALTER TABLE supervision_action ADD CONSTRAINT fk_action_case_discussion FOREIGN KEY (case_discussion_id) REFERENCES case_discussion (id);
ALTER TABLE supervision_action ADD CONSTRAINT fk_action_child FOREIGN KEY (child_id) REFERENCES child (id);

-- Signed decisions about children: from a locked case discussion (kind CASE_DISCUSSION) or recorded between
-- sessions (MANAGEMENT). Append-only. feed_position orders the feed the case-management system reads:
-- decisions are written only while the organisation's chain head is locked (they are signed items or part
-- of one), so positions commit in order and a reader's cursor never skips a later-committed earlier one.
-- worker_staff_id and team_id are as they were when signed (the 24-hour measure counts per team then).
CREATE TABLE case_decision (
    id                 CHAR(36)    NOT NULL PRIMARY KEY,
    organisation_id    CHAR(36)    NOT NULL,
    feed_position      BIGINT      NOT NULL,
    kind               VARCHAR(20) NOT NULL,
    child_id           CHAR(36)    NOT NULL,
    case_discussion_id CHAR(36)    NULL,
    worker_staff_id    CHAR(36)    NOT NULL,
    team_id            CHAR(36)    NULL,
    decision_text      TEXT        NOT NULL,
    rationale          TEXT        NULL,
    made_by_staff_id   CHAR(36)    NOT NULL,
    made_by_account_id CHAR(36)    NOT NULL,
    decided_at         DATETIME(6) NOT NULL,
    signed_at          DATETIME(6) NOT NULL,
    content_hash       CHAR(64)    NOT NULL,
    CONSTRAINT fk_decision_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_decision_child FOREIGN KEY (child_id) REFERENCES child (id),
    CONSTRAINT fk_decision_discussion FOREIGN KEY (case_discussion_id) REFERENCES case_discussion (id),
    CONSTRAINT fk_decision_worker FOREIGN KEY (worker_staff_id) REFERENCES staff (id),
    CONSTRAINT fk_decision_maker FOREIGN KEY (made_by_staff_id) REFERENCES staff (id),
    CONSTRAINT uq_decision_feed UNIQUE (organisation_id, feed_position)
);
CREATE INDEX ix_decision_team_signed ON case_decision (organisation_id, team_id, signed_at);
CREATE INDEX ix_decision_child ON case_decision (child_id, feed_position);
CREATE INDEX ix_decision_worker ON case_decision (worker_staff_id, feed_position);

-- The case-management system's acknowledgement that it filed a decision: the first one is kept (append-only).
CREATE TABLE case_decision_acknowledgement (
    decision_id     CHAR(36)     NOT NULL PRIMARY KEY,
    organisation_id CHAR(36)     NOT NULL,
    client_id       VARCHAR(100) NOT NULL,
    filed_as        VARCHAR(200) NULL,
    acknowledged_at DATETIME(6)  NOT NULL,
    CONSTRAINT fk_ack_decision FOREIGN KEY (decision_id) REFERENCES case_decision (id)
);

-- Endpoints told about events (Standard Webhooks v1). last_position is how far through the decision feed
-- this endpoint has been given deliveries: the dispatcher turns newer decisions into deliveries, so an
-- event can never be lost between a commit and a notification.
CREATE TABLE webhook (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    organisation_id CHAR(36)      NOT NULL,
    url             VARCHAR(2000) NOT NULL,
    events          VARCHAR(500)  NOT NULL,
    description     VARCHAR(200)  NULL,
    secret          VARCHAR(200)  NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    last_position   BIGINT        NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    removed_at      DATETIME(6)   NULL,
    CONSTRAINT fk_webhook_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_webhook_org ON webhook (organisation_id, enabled, created_at, id);

-- One message to one endpoint; the same id (webhook-id header) on every attempt.
CREATE TABLE webhook_delivery (
    id                   VARCHAR(100)  NOT NULL PRIMARY KEY,
    webhook_id           CHAR(36)      NOT NULL,
    event                VARCHAR(60)   NOT NULL,
    payload              TEXT          NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    attempts             INT           NOT NULL,
    next_attempt_at      DATETIME(6)   NULL,
    last_attempt_at      DATETIME(6)   NULL,
    last_response_status INT           NULL,
    last_error           VARCHAR(500)  NULL,
    delivered_at         DATETIME(6)   NULL,
    created_at           DATETIME(6)   NOT NULL,
    CONSTRAINT fk_delivery_webhook FOREIGN KEY (webhook_id) REFERENCES webhook (id)
);
CREATE INDEX ix_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX ix_delivery_webhook ON webhook_delivery (webhook_id, created_at, id);

-- Every attempt, as it happened (append-only): the delivery log.
CREATE TABLE webhook_attempt (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    delivery_id     VARCHAR(100)  NOT NULL,
    attempted_at    DATETIME(6)   NOT NULL,
    response_status INT           NULL,
    error           VARCHAR(500)  NULL,
    duration_ms     INT           NOT NULL,
    CONSTRAINT fk_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES webhook_delivery (id)
);
CREATE INDEX ix_attempt_delivery ON webhook_attempt (delivery_id, attempted_at);

INSERT INTO scheduler_lease (name, holder, lease_until) VALUES ('webhook-delivery', NULL, NULL);
