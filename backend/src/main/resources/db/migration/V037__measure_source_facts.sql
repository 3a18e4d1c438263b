-- Issue 10 (speed at scale), decision 0037: month-grain facts for the measures counted from their own tables
-- (case discussions, decisions, audits, the service managers' monthly audits) and quarter-grain facts for Part 2.
-- One row per organisation, source (a query of a measure, by a stable name), month (the first day; for Part 2
-- the quarter's first day), service, team and the query's grouping extras, holding the SUM/COUNT aggregates the
-- query needs: they add up across months and teams, so any scope above a person and any run of months is a sum
-- of (teams x months) rows, whatever the years of history or the number of staff.
CREATE TABLE measure_source_month (
    organisation_id CHAR(36)    NOT NULL,
    source          VARCHAR(40) NOT NULL,
    month_start     DATE        NOT NULL,
    service_id      CHAR(36)    NULL,
    team_id         CHAR(36)    NULL,
    e0              VARCHAR(60) NULL,
    e1              VARCHAR(60) NULL,
    s0              BIGINT      NOT NULL,
    s1              BIGINT      NOT NULL,
    s2              BIGINT      NOT NULL,
    s3              BIGINT      NOT NULL,
    s4              BIGINT      NOT NULL,
    computed_at     DATETIME(6) NOT NULL
);
-- Reads: one source of one organisation over a run of months, then a service or a team; rewrites: one month.
CREATE INDEX ix_msm_read ON measure_source_month (organisation_id, source, month_start, service_id, team_id);
CREATE INDEX ix_msm_month ON measure_source_month (organisation_id, month_start);

-- Where the source facts' refresher has got to (as measure_refresh for the people facts).
CREATE TABLE measure_source_refresh (
    organisation_id      CHAR(36)    NOT NULL PRIMARY KEY,
    changes_up_to        DATETIME(6) NOT NULL,
    recent_recomputed_on DATE        NULL,
    CONSTRAINT fk_measure_source_refresh_org FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
INSERT INTO scheduler_lease (name, holder, lease_until) VALUES ('measure-source-facts', NULL, NULL);

-- Changes are found by their time: each table's change time, after the organisation.
CREATE INDEX ix_cd_org_updated ON case_discussion (organisation_id, updated_at);
CREATE INDEX ix_ack_org_acknowledged ON case_decision_acknowledgement (organisation_id, acknowledged_at);
CREATE INDEX ix_audit_org_updated ON file_audit (organisation_id, updated_at);
-- A month of signed discussions is read through ix_cd_org_signed (V025), of decisions through ix_decision_org_signed_team
-- (V036; also the last day's decisions counted live), of audits through ix_audit_org_completed (V034).
