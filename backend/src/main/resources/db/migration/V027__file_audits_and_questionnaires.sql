-- Issue 9: supervision file audits (DOMAIN section 7), the quarterly sample, the quarterly audit report per
-- service, and the supervisee's Part 2 questionnaire (section 8), anonymous where the form promises it.
-- Quarters are calendar quarters written 'YYYY-Qn'. Plain standard SQL: runs on MySQL, MariaDB and H2.

-- The form's guidance to auditors (Appendix 7, Part 1) and the purposes the Part 2 statements rate.
ALTER TABLE policy_template ADD COLUMN guidance VARCHAR(4000) NULL;
UPDATE policy_template SET guidance =
 'In auditing supervision files, focus on how far supervision is supporting oversight and decision making for the child through reflective practice, whether it addresses timeliness and progress in planning and outcomes, and whether it is supporting the worker to identify practice needs and in their professional development. The quality assurance process checks that staff are supervised professionally and effectively, that sessions are recorded, that individual supervision agreements are used and reviewed, and that the supervision process promotes anti-discriminatory practice. Rate the evidence on a scale of 1 to 5, where 1 = Excellent and 5 = Poor.'
WHERE kind = 'AUDIT';
UPDATE policy_template SET guidance =
 'The primary purpose of supervision is to achieve better outcomes for children and young people by: offering guidance and support to construct and oversee plans which provide positive change for children; facilitating performance management and supporting workers to maintain emotional resilience; valuing workers'' views and feelings and motivating them; ensuring the supervisee is clear about roles and responsibilities, enabling decision making on behalf of the child and the agency; providing space for case discussions and critical reflection, deepening their knowledge of a child and their critical analytical skills; identifying gaps in practice skills, deepening workers'' knowledge and promoting a learning culture. Thinking about the above, please rate the following aspects of your most recent supervision.'
WHERE kind = 'QUESTIONNAIRE';

-- The quality assurance auditor's quarterly random sample: one per organisation and quarter. The seed and the
-- size of the eligible population are stored, so the draw can be repeated and checked.
CREATE TABLE audit_sample (
    id                  CHAR(36)    NOT NULL PRIMARY KEY,
    organisation_id     CHAR(36)    NOT NULL,
    quarter             VARCHAR(7)  NOT NULL,
    sample_size         INT         NOT NULL,
    seed                BIGINT      NOT NULL,
    eligible_count      INT         NOT NULL,
    drawn_by_staff_id   CHAR(36)    NULL,
    drawn_by_account_id CHAR(36)    NOT NULL,
    drawn_at            DATETIME(6) NOT NULL,
    CONSTRAINT fk_sample_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT uq_sample_quarter UNIQUE (organisation_id, quarter)
);

-- The files drawn, in the order drawn; team and service as they were when drawn.
CREATE TABLE audit_sample_file (
    sample_id     CHAR(36) NOT NULL,
    position      INT      NOT NULL,
    supervisee_id CHAR(36) NOT NULL,
    team_id       CHAR(36) NULL,
    service_id    CHAR(36) NULL,
    PRIMARY KEY (sample_id, position),
    CONSTRAINT fk_sample_file_sample FOREIGN KEY (sample_id) REFERENCES audit_sample (id),
    CONSTRAINT fk_sample_file_supervisee FOREIGN KEY (supervisee_id) REFERENCES staff (id),
    CONSTRAINT uq_sample_file UNIQUE (sample_id, supervisee_id)
);

-- One audit of one supervisee's supervision file for a period (Appendix 7, Part 1). kind: QA_SAMPLE,
-- SERVICE_MANAGER_MONTHLY, HEAD_OF_SERVICE_QUARTERLY, AD_HOC. supervisor_id is the manager audited (the
-- supervisee's supervisor when the audit began); team and service are the supervisee's then. Mutable while
-- DRAFT; on completion the auditor signs, the content goes to signed_item (type FILE_AUDIT) and is read from
-- there. grade and quarter are copied out of the content so reports count them in SQL. noted_on_session_id:
-- the audited supervisor's own supervision record on which the outcome was noted and signed (DOMAIN section 14).
CREATE TABLE file_audit (
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    organisation_id     CHAR(36)     NOT NULL,
    kind                VARCHAR(30)  NOT NULL,
    sample_id           CHAR(36)     NULL,
    supervisee_id       CHAR(36)     NOT NULL,
    supervisor_id       CHAR(36)     NOT NULL,
    team_id             CHAR(36)     NULL,
    service_id          CHAR(36)     NULL,
    auditor_staff_id    CHAR(36)     NOT NULL,
    auditor_account_id  CHAR(36)     NOT NULL,
    auditor_post        VARCHAR(200) NULL,
    period_from         DATE         NOT NULL,
    period_to           DATE         NOT NULL,
    audited_on          DATE         NOT NULL,
    quarter             VARCHAR(7)   NOT NULL,
    template_id         CHAR(36)     NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    content_json        MEDIUMTEXT   NOT NULL,
    grade               VARCHAR(30)  NULL,
    content_hash        CHAR(64)     NULL,
    completed_at        DATETIME(6)  NULL,
    noted_on_session_id CHAR(36)     NULL,
    version             INT          NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    CONSTRAINT fk_audit_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_audit_sample FOREIGN KEY (sample_id) REFERENCES audit_sample (id),
    CONSTRAINT fk_audit_supervisee FOREIGN KEY (supervisee_id) REFERENCES staff (id),
    CONSTRAINT fk_audit_supervisor FOREIGN KEY (supervisor_id) REFERENCES staff (id),
    CONSTRAINT fk_audit_auditor FOREIGN KEY (auditor_staff_id) REFERENCES staff (id),
    CONSTRAINT fk_audit_template FOREIGN KEY (template_id) REFERENCES policy_template (id),
    CONSTRAINT fk_audit_noted_on FOREIGN KEY (noted_on_session_id) REFERENCES supervision_session (id)
);
CREATE INDEX ix_audit_quarter ON file_audit (organisation_id, quarter, service_id, status);
CREATE INDEX ix_audit_supervisee ON file_audit (supervisee_id, audited_on, id);
CREATE INDEX ix_audit_supervisor ON file_audit (supervisor_id, status, completed_at);
CREATE INDEX ix_audit_auditor ON file_audit (auditor_staff_id, status, updated_at, id);
CREATE INDEX ix_audit_sample ON file_audit (sample_id, supervisee_id);

-- Append-only, as the other signatures: the auditor signs the content hash of the completed audit.
CREATE TABLE file_audit_signature (
    id                CHAR(36)    NOT NULL PRIMARY KEY,
    file_audit_id     CHAR(36)    NOT NULL,
    signer_staff_id   CHAR(36)    NOT NULL,
    signer_account_id CHAR(36)    NOT NULL,
    signed_at         DATETIME(6) NOT NULL,
    content_hash      CHAR(64)    NOT NULL,
    CONSTRAINT fk_auditsig_audit FOREIGN KEY (file_audit_id) REFERENCES file_audit (id),
    CONSTRAINT uq_auditsig UNIQUE (file_audit_id)
);

-- The ratings of a completed audit, one row a rated question, written once on completion (append-only), so
-- the mean per question and per function is one GROUP BY. Service and quarter as on the audit.
CREATE TABLE file_audit_rating (
    file_audit_id   CHAR(36)    NOT NULL,
    item_key        VARCHAR(60) NOT NULL,
    organisation_id CHAR(36)    NOT NULL,
    service_id      CHAR(36)    NULL,
    quarter         VARCHAR(7)  NOT NULL,
    function_tag    VARCHAR(30) NULL,
    rating          INT         NOT NULL,
    PRIMARY KEY (file_audit_id, item_key),
    CONSTRAINT fk_rating_audit FOREIGN KEY (file_audit_id) REFERENCES file_audit (id),
    CONSTRAINT ck_rating_scale CHECK (rating BETWEEN 1 AND 5)
);
CREATE INDEX ix_rating_quarter ON file_audit_rating (organisation_id, quarter, service_id, item_key);

-- Actions an audit below Good needs (Q13b) join the action lists like any other.
ALTER TABLE supervision_action ADD COLUMN file_audit_id CHAR(36) NULL;
ALTER TABLE supervision_action ADD CONSTRAINT fk_action_file_audit FOREIGN KEY (file_audit_id) REFERENCES file_audit (id);
CREATE INDEX ix_action_file_audit ON supervision_action (file_audit_id);

-- The quarterly audit report of a service: the figures are computed from the completed audits; the themes and
-- recommendations are written by the auditor; a head of service signs it off, and the signed-off report (figures
-- included) goes to signed_item (type AUDIT_REPORT) and is read from there.
CREATE TABLE audit_report (
    id                     CHAR(36)    NOT NULL PRIMARY KEY,
    organisation_id        CHAR(36)    NOT NULL,
    service_id             CHAR(36)    NOT NULL,
    quarter                VARCHAR(7)  NOT NULL,
    themes                 TEXT        NULL,
    recommendations        TEXT        NULL,
    status                 VARCHAR(20) NOT NULL,
    signed_off_by_staff_id CHAR(36)    NULL,
    signed_off_at          DATETIME(6) NULL,
    content_hash           CHAR(64)    NULL,
    version                INT         NOT NULL,
    created_at             DATETIME(6) NOT NULL,
    updated_at             DATETIME(6) NOT NULL,
    CONSTRAINT fk_report_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_report_service FOREIGN KEY (service_id) REFERENCES service (id),
    CONSTRAINT uq_report_quarter UNIQUE (organisation_id, service_id, quarter)
);

-- A round of Part 2 questionnaires issued to every supervisee of a team or a service.
CREATE TABLE questionnaire_round (
    id                   CHAR(36)    NOT NULL PRIMARY KEY,
    organisation_id      CHAR(36)    NOT NULL,
    team_id              CHAR(36)    NULL,
    service_id           CHAR(36)    NULL,
    issued_by_account_id CHAR(36)    NOT NULL,
    issued_by_staff_id   CHAR(36)    NULL,
    issued_at            DATETIME(6) NOT NULL,
    expires_on           DATE        NOT NULL,
    invitation_count     INT         NOT NULL,
    CONSTRAINT fk_round_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_round_org ON questionnaire_round (organisation_id, issued_at, id);

-- One invitation to one supervisee: answered once, expires, reminded once. It says whether it was answered,
-- never what: the answers are in questionnaire_response, which names no respondent.
CREATE TABLE questionnaire_invitation (
    id               CHAR(36)    NOT NULL PRIMARY KEY,
    organisation_id  CHAR(36)    NOT NULL,
    invitee_staff_id CHAR(36)    NOT NULL,
    supervisor_id    CHAR(36)    NOT NULL,
    team_id          CHAR(36)    NULL,
    service_id       CHAR(36)    NULL,
    template_id      CHAR(36)    NOT NULL,
    audit_id         CHAR(36)    NULL,
    round_id         CHAR(36)    NULL,
    issued_at        DATETIME(6) NOT NULL,
    expires_at       DATETIME(6) NOT NULL,
    reminded_at      DATETIME(6) NULL,
    answered_at      DATETIME(6) NULL,
    version          INT         NOT NULL,
    CONSTRAINT fk_invitation_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_invitation_invitee FOREIGN KEY (invitee_staff_id) REFERENCES staff (id),
    CONSTRAINT fk_invitation_template FOREIGN KEY (template_id) REFERENCES policy_template (id),
    CONSTRAINT fk_invitation_audit FOREIGN KEY (audit_id) REFERENCES file_audit (id),
    CONSTRAINT fk_invitation_round FOREIGN KEY (round_id) REFERENCES questionnaire_round (id)
);
CREATE INDEX ix_invitation_invitee ON questionnaire_invitation (invitee_staff_id, answered_at, expires_at);
CREATE INDEX ix_invitation_open ON questionnaire_invitation (organisation_id, answered_at, expires_at, reminded_at);
CREATE INDEX ix_invitation_audit ON questionnaire_invitation (audit_id);
CREATE INDEX ix_invitation_round ON questionnaire_invitation (round_id);

-- A Part 2 response, append-only. It names no respondent and carries no time (only the quarter), and its id is
-- random (not time-ordered), so no query links it to an invitation or a person. The one link is audit_id, for
-- a questionnaire issued by an audit: only quality assurance auditors may follow it (DOMAIN section 8).
-- supervisor, team and service are those of the respondent when invited: the groups aggregates are shown for.
CREATE TABLE questionnaire_response (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    organisation_id CHAR(36)      NOT NULL,
    template_id     CHAR(36)      NOT NULL,
    quarter         VARCHAR(7)    NOT NULL,
    supervisor_id   CHAR(36)      NOT NULL,
    team_id         CHAR(36)      NULL,
    service_id      CHAR(36)      NULL,
    audit_id        CHAR(36)      NULL,
    comment_text    VARCHAR(2000) NULL,
    CONSTRAINT fk_response_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_response_template FOREIGN KEY (template_id) REFERENCES policy_template (id),
    CONSTRAINT fk_response_audit FOREIGN KEY (audit_id) REFERENCES file_audit (id)
);
CREATE INDEX ix_response_quarter ON questionnaire_response (organisation_id, quarter, service_id, team_id, supervisor_id);
CREATE INDEX ix_response_audit ON questionnaire_response (audit_id);

-- One statement's rating: 1 = Very good ... 5 = Very poor. Append-only.
CREATE TABLE questionnaire_answer (
    response_id CHAR(36)    NOT NULL,
    item_key    VARCHAR(60) NOT NULL,
    rating      INT         NOT NULL,
    PRIMARY KEY (response_id, item_key),
    CONSTRAINT fk_answer_response FOREIGN KEY (response_id) REFERENCES questionnaire_response (id),
    CONSTRAINT ck_answer_scale CHECK (rating BETWEEN 1 AND 5)
);
