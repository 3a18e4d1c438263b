-- One schema for MySQL 8, MariaDB 10.11+ and H2 (MODE=MySQL). Ids are UUID strings (time-ordered),
-- times are UTC instants in DATETIME(6), meeting and employment dates are local DATEs.

CREATE TABLE organisation (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    code            VARCHAR(40)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    time_zone       VARCHAR(60)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uq_organisation_code UNIQUE (code)
);

-- The directorate's services (e.g. "Children's Social Care: Help and Protection").
CREATE TABLE service (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    organisation_id CHAR(36)     NOT NULL,
    name            VARCHAR(200) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_service_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT uq_service_name UNIQUE (organisation_id, name)
);

CREATE TABLE team (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    service_id      CHAR(36)     NOT NULL,
    name            VARCHAR(200) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_team_service FOREIGN KEY (service_id) REFERENCES service (id),
    CONSTRAINT uq_team_name UNIQUE (service_id, name)
);

-- A member of staff. Attributes are those the policy rules depend on (DOMAIN §2).
-- team_id is null for staff who sit above teams (heads of service, QA, HR).
CREATE TABLE staff (
    id                    CHAR(36)     NOT NULL PRIMARY KEY,
    organisation_id       CHAR(36)     NOT NULL,
    team_id               CHAR(36)     NULL,
    service_id            CHAR(36)     NULL,
    external_ref          VARCHAR(100) NULL,
    given_name            VARCHAR(100) NOT NULL,
    family_name           VARCHAR(100) NOT NULL,
    email                 VARCHAR(254) NOT NULL,
    job_title             VARCHAR(200) NOT NULL,
    category              VARCHAR(40)  NOT NULL,
    employment_type       VARCHAR(20)  NOT NULL,
    weekly_hours          DECIMAL(5,2) NOT NULL,
    employment_start_date DATE         NOT NULL,
    post_start_date       DATE         NOT NULL,
    carries_caseload      BOOLEAN      NOT NULL,
    caseload_size         INT          NULL,
    leaving_date          DATE         NULL,
    leaving_reason        VARCHAR(500) NULL,
    version               INT          NOT NULL,
    created_at            DATETIME(6)  NOT NULL,
    updated_at            DATETIME(6)  NOT NULL,
    CONSTRAINT fk_staff_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_staff_team FOREIGN KEY (team_id) REFERENCES team (id),
    CONSTRAINT fk_staff_service FOREIGN KEY (service_id) REFERENCES service (id),
    CONSTRAINT uq_staff_email UNIQUE (organisation_id, email),
    CONSTRAINT uq_staff_external_ref UNIQUE (organisation_id, external_ref)
);
CREATE INDEX ix_staff_team ON staff (team_id, family_name, given_name, id);
CREATE INDEX ix_staff_service ON staff (service_id);
CREATE INDEX ix_staff_name ON staff (organisation_id, family_name, given_name, id);

-- Where a person worked, and when: moves keep their history.
CREATE TABLE staff_team_history (
    id            CHAR(36)    NOT NULL PRIMARY KEY,
    staff_id      CHAR(36)    NOT NULL,
    team_id       CHAR(36)    NULL,
    service_id    CHAR(36)    NULL,
    from_date     DATE        NOT NULL,
    to_date       DATE        NULL,
    recorded_at   DATETIME(6) NOT NULL,
    CONSTRAINT fk_sth_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
    CONSTRAINT fk_sth_team FOREIGN KEY (team_id) REFERENCES team (id)
);
CREATE INDEX ix_sth_staff ON staff_team_history (staff_id, from_date);

-- Who supervises whom, from and to (to_date null = current).
CREATE TABLE supervision_relation (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    supervisor_id CHAR(36)     NOT NULL,
    supervisee_id CHAR(36)     NOT NULL,
    from_date     DATE         NOT NULL,
    to_date       DATE         NULL,
    reason        VARCHAR(500) NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT fk_rel_supervisor FOREIGN KEY (supervisor_id) REFERENCES staff (id),
    CONSTRAINT fk_rel_supervisee FOREIGN KEY (supervisee_id) REFERENCES staff (id)
);
CREATE INDEX ix_rel_supervisor ON supervision_relation (supervisor_id, to_date);
CREATE INDEX ix_rel_supervisee ON supervision_relation (supervisee_id, to_date);

-- A person's sign-in. Local accounts carry a bcrypt hash; accounts from an identity provider do not.
CREATE TABLE account (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    organisation_id CHAR(36)     NOT NULL,
    staff_id        CHAR(36)     NULL,
    username        VARCHAR(254) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(100) NULL,
    enabled         BOOLEAN      NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_account_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_account_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
    CONSTRAINT uq_account_username UNIQUE (username)
);
CREATE INDEX ix_account_staff ON account (staff_id);

-- Roles of DOMAIN §2. service_id narrows a SERVICE_MANAGER or HEAD_OF_SERVICE to one service;
-- null means the whole organisation.
CREATE TABLE role_grant (
    id          CHAR(36)    NOT NULL PRIMARY KEY,
    account_id  CHAR(36)    NOT NULL,
    role        VARCHAR(30) NOT NULL,
    service_id  CHAR(36)    NULL,
    CONSTRAINT fk_grant_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_grant_service FOREIGN KEY (service_id) REFERENCES service (id)
);
CREATE INDEX ix_grant_account ON role_grant (account_id);

-- Refresh tokens are opaque; only their SHA-256 is kept. A family is one sign-in; reusing a
-- rotated token revokes the whole family.
CREATE TABLE refresh_token (
    id          CHAR(36)    NOT NULL PRIMARY KEY,
    account_id  CHAR(36)    NOT NULL,
    family_id   CHAR(36)    NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    issued_at   DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    rotated_at  DATETIME(6) NULL,
    revoked_at  DATETIME(6) NULL,
    CONSTRAINT fk_refresh_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT uq_refresh_hash UNIQUE (token_hash)
);
CREATE INDEX ix_refresh_family ON refresh_token (family_id);

-- Failed sign-ins per key (username, remote address) in a rolling window; shared by every node.
CREATE TABLE sign_in_throttle (
    throttle_key     VARCHAR(300) NOT NULL PRIMARY KEY,
    failures         INT          NOT NULL,
    window_started   DATETIME(6)  NOT NULL,
    locked_until     DATETIME(6)  NULL
);

-- Third-party systems (HR, case management) using OAuth2 client credentials.
CREATE TABLE machine_client (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    organisation_id CHAR(36)     NOT NULL,
    client_id       VARCHAR(100) NOT NULL,
    name            VARCHAR(200) NOT NULL,
    secret_hash     VARCHAR(100) NOT NULL,
    scopes          VARCHAR(1000) NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_client_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT uq_client_id UNIQUE (client_id)
);

-- Policy profiles: rules are data (DOMAIN §3). rules_json follows the PolicyRules schema of
-- openapi.yaml. Shipped profiles are read-only; an organisation adopts one and may override rules.
CREATE TABLE policy_profile (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    code         VARCHAR(60)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    description  TEXT         NOT NULL,
    source       TEXT         NOT NULL,
    rules_json   TEXT         NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT uq_profile_code UNIQUE (code)
);

-- Templates are versioned: a record keeps the template version it was made with.
-- kind: AGREEMENT, SESSION_AGENDA, CASE_DISCUSSION, AUDIT, QUESTIONNAIRE
CREATE TABLE policy_template (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    profile_id   CHAR(36)     NOT NULL,
    kind         VARCHAR(30)  NOT NULL,
    version      INT          NOT NULL,
    title        VARCHAR(300) NOT NULL,
    source       VARCHAR(500) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT fk_template_profile FOREIGN KEY (profile_id) REFERENCES policy_profile (id),
    CONSTRAINT uq_template_version UNIQUE (profile_id, kind, version)
);

-- One question, prompt, clause or agenda item of a template.
-- answer_type: FREE_TEXT, CLAUSE, PERIOD, DATE, SAFETY_SCALE, RATING_1_5, YES_NO_PARTIAL_UNCLEAR,
--              YES_NO_NA, OVERALL_GRADE, QUALITY_5
CREATE TABLE template_item (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    template_id   CHAR(36)      NOT NULL,
    position      INT           NOT NULL,
    item_key      VARCHAR(60)   NOT NULL,
    section       VARCHAR(200)  NOT NULL,
    label         VARCHAR(2000) NOT NULL,
    hint          VARCHAR(2000) NULL,
    answer_type   VARCHAR(40)   NOT NULL,
    function_tag  VARCHAR(30)   NULL,
    required      BOOLEAN       NOT NULL,
    CONSTRAINT fk_item_template FOREIGN KEY (template_id) REFERENCES policy_template (id),
    CONSTRAINT uq_item_key UNIQUE (template_id, item_key),
    CONSTRAINT uq_item_position UNIQUE (template_id, position)
);

-- The organisation's chosen profile and its own adjustments (a partial PolicyRules document).
CREATE TABLE organisation_policy (
    organisation_id CHAR(36)    NOT NULL PRIMARY KEY,
    profile_id      CHAR(36)    NOT NULL,
    overrides_json  TEXT        NOT NULL,
    version         INT         NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    CONSTRAINT fk_orgpol_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_orgpol_profile FOREIGN KEY (profile_id) REFERENCES policy_profile (id)
);

-- Append-only trail of sign-ins, reads of sensitive records and every change (DOMAIN §11).
CREATE TABLE activity_log (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at      DATETIME(6)  NOT NULL,
    organisation_id  CHAR(36)     NULL,
    actor_account_id CHAR(36)     NULL,
    actor_client_id  VARCHAR(100) NULL,
    action           VARCHAR(60)  NOT NULL,
    entity_type      VARCHAR(60)  NULL,
    entity_id        VARCHAR(64)  NULL,
    summary          VARCHAR(1000) NULL,
    remote_address   VARCHAR(64)  NULL,
    request_id       VARCHAR(64)  NULL
);
CREATE INDEX ix_activity_entity ON activity_log (entity_type, entity_id, occurred_at);
CREATE INDEX ix_activity_actor ON activity_log (actor_account_id, occurred_at);
