-- Issue 10: the supervision measures of DOMAIN section 9 come from facts kept per person and per month
-- (decision 0032), so a directorate's 12-month series reads twelve months of rows, however many years are stored.

-- One row per member of staff per calendar month they were employed in: what the people measures count, as it
-- was at the month's end (for the current month: as it is today). Written only by the measure-facts refresher;
-- a change to any session, record, agreement, action, staff fact or supervision relation recomputes the
-- person's rows. team_id and service_id are where the person was at the month's end.
CREATE TABLE measure_person_month (
    organisation_id            CHAR(36)    NOT NULL,
    month_start                DATE        NOT NULL,
    staff_id                   CHAR(36)    NOT NULL,
    team_id                    CHAR(36)    NULL,
    service_id                 CHAR(36)    NULL,
    supervisor_id              CHAR(36)    NULL,
    -- NULL: counted. Otherwise why not: LEAVER, FIRST_WEEK, AGENCY_UNDER_10_HOURS, NOT_SUPERVISED (no supervisor).
    excluded_because           VARCHAR(30) NULL,
    category                   VARCHAR(40) NOT NULL,
    employment_type            VARCHAR(20) NOT NULL,
    -- agreements, at the month's end
    agreement_signed           BOOLEAN     NOT NULL,
    agreement_review_overdue   BOOLEAN     NOT NULL,
    -- one-to-one sessions: the schedule at the month's end, and what was held in the month
    within_interval            BOOLEAN     NOT NULL,
    past_longest_gap           BOOLEAN     NOT NULL,
    in_breach                  BOOLEAN     NOT NULL,
    longest_gap_days           INT         NULL,
    one_to_one_held            INT         NOT NULL,
    group_held                 INT         NOT NULL,
    held_last_12_months        INT         NOT NULL,
    meets_annual_minimum       BOOLEAN     NULL,
    cancelled                  INT         NOT NULL,
    cancelled_rebooked         INT         NOT NULL,
    minutes_held               INT         NOT NULL,
    minutes_counted_sessions   INT         NOT NULL,
    held_below_minimum         INT         NOT NULL,
    -- records of the one-to-ones held in the month
    records_due                INT         NOT NULL,
    records_signed_both        INT         NOT NULL,
    signature_days_total       INT         NOT NULL,
    signature_days_count       INT         NOT NULL,
    -- actions open and past their due date at the month's end
    actions_overdue            INT         NOT NULL,
    -- managers' supervision training and caseloads, at the month's end
    is_manager                 BOOLEAN     NOT NULL,
    carries_caseload           BOOLEAN     NOT NULL,
    training_due               BOOLEAN     NOT NULL,
    trained_in_time            BOOLEAN     NOT NULL,
    caseload                   INT         NULL,
    caseload_above_level       BOOLEAN     NOT NULL,
    computed_at                DATETIME(6) NOT NULL,
    PRIMARY KEY (organisation_id, month_start, staff_id)
);
CREATE INDEX ix_mpm_team ON measure_person_month (team_id, month_start);
CREATE INDEX ix_mpm_service ON measure_person_month (service_id, month_start);
CREATE INDEX ix_mpm_staff ON measure_person_month (staff_id, month_start);

-- The same facts summed per team and month (teamless people under team_id NULL per service), recomputed from
-- measure_person_month whenever one of its people's rows changes: a directorate's year is a few thousand rows.
-- counted_staff counts rows with excluded_because NULL; every other column sums (or takes the largest gap of)
-- the counted rows only.
CREATE TABLE measure_team_month (
    organisation_id            CHAR(36)    NOT NULL,
    month_start                DATE        NOT NULL,
    service_id                 CHAR(36)    NOT NULL,
    team_key                   CHAR(36)    NOT NULL,
    team_id                    CHAR(36)    NULL,
    counted_staff              INT         NOT NULL,
    leavers                    INT         NOT NULL,
    first_week                 INT         NOT NULL,
    agency_under_10_hours      INT         NOT NULL,
    agreement_signed           INT         NOT NULL,
    agreement_review_overdue   INT         NOT NULL,
    within_interval            INT         NOT NULL,
    past_longest_gap           INT         NOT NULL,
    in_breach                  INT         NOT NULL,
    longest_gap_days           INT         NULL,
    one_to_one_held            INT         NOT NULL,
    group_held                 INT         NOT NULL,
    held_last_12_months        INT         NOT NULL,
    annual_minimum_applies     INT         NOT NULL,
    meets_annual_minimum       INT         NOT NULL,
    cancelled                  INT         NOT NULL,
    cancelled_rebooked         INT         NOT NULL,
    minutes_held               INT         NOT NULL,
    minutes_counted_sessions   INT         NOT NULL,
    held_below_minimum         INT         NOT NULL,
    records_due                INT         NOT NULL,
    records_signed_both        INT         NOT NULL,
    signature_days_total       INT         NOT NULL,
    signature_days_count       INT         NOT NULL,
    actions_overdue            INT         NOT NULL,
    managers                   INT         NOT NULL,
    training_due               INT         NOT NULL,
    trained_in_time            INT         NOT NULL,
    with_caseload              INT         NOT NULL,
    caseload_total             INT         NOT NULL,
    caseload_above_level       INT         NOT NULL,
    computed_at                DATETIME(6) NOT NULL,
    PRIMARY KEY (organisation_id, month_start, service_id, team_key)
);
CREATE INDEX ix_mtm_service ON measure_team_month (service_id, month_start);
CREATE INDEX ix_mtm_team ON measure_team_month (team_id, month_start);

-- Where the refresher has got to: changes recorded after the watermark are still to be folded in; the day the
-- current month was last recomputed for everyone (the passing of time alone makes people overdue).
CREATE TABLE measure_refresh (
    organisation_id   CHAR(36)    NOT NULL PRIMARY KEY,
    changes_up_to     DATETIME(6) NOT NULL,
    all_recomputed_on DATE        NULL,
    CONSTRAINT fk_measure_refresh_org FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
INSERT INTO scheduler_lease (name, holder, lease_until) VALUES ('measure-facts', NULL, NULL);

-- Changes are found by their time, so each table the facts read needs its update time indexed.
CREATE INDEX ix_session_updated ON supervision_session (updated_at);
CREATE INDEX ix_record_updated ON session_record (updated_at);
CREATE INDEX ix_agreement_updated ON agreement (updated_at);
CREATE INDEX ix_action_updated ON supervision_action (updated_at);
CREATE INDEX ix_staff_updated ON staff (updated_at);
CREATE INDEX ix_sac_recorded ON staff_attribute_change (recorded_at);
CREATE INDEX ix_sth_recorded ON staff_team_history (recorded_at);
CREATE INDEX ix_rel_created ON supervision_relation (created_at);

-- Managers' supervision training (recommendation 3): the day it was completed, kept by HR or an administrator.
ALTER TABLE staff ADD COLUMN supervision_training_completed_on DATE NULL;

-- Evidence packs (issue 10, item 3): asked for by one person, made in the background, kept to download again.
CREATE TABLE evidence_pack (
    id                    CHAR(36)     NOT NULL PRIMARY KEY,
    organisation_id       CHAR(36)     NOT NULL,
    requested_by_account  CHAR(36)     NOT NULL,
    scope_kind            VARCHAR(20)  NOT NULL,
    scope_id              CHAR(36)     NULL,
    scope_name            VARCHAR(300) NOT NULL,
    from_month            DATE         NOT NULL,
    to_month              DATE         NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    steps_done            INT          NOT NULL,
    steps_total           INT          NOT NULL,
    failure               VARCHAR(500) NULL,
    requested_at          DATETIME(6)  NOT NULL,
    started_at            DATETIME(6)  NULL,
    finished_at           DATETIME(6)  NULL,
    CONSTRAINT fk_evidence_pack_org FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_evidence_pack_account FOREIGN KEY (requested_by_account) REFERENCES account (id)
);
CREATE INDEX ix_evidence_pack_requester ON evidence_pack (requested_by_account, requested_at, id);
CREATE INDEX ix_evidence_pack_status ON evidence_pack (status, requested_at);

CREATE TABLE evidence_pack_file (
    pack_id      CHAR(36)     NOT NULL,
    name         VARCHAR(100) NOT NULL,
    title        VARCHAR(300) NOT NULL,
    media_type   VARCHAR(100) NOT NULL,
    position     INT          NOT NULL,
    content      LONGBLOB     NOT NULL,
    PRIMARY KEY (pack_id, name),
    CONSTRAINT fk_evidence_pack_file_pack FOREIGN KEY (pack_id) REFERENCES evidence_pack (id)
);
INSERT INTO scheduler_lease (name, holder, lease_until) VALUES ('evidence-packs', NULL, NULL);
