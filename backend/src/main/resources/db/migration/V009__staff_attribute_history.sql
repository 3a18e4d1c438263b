-- Effective-dated staff attributes (decision 0007). One row per recorded change: the attributes the change
-- set are filled, the others are NULL ("unchanged by this change"); carries_caseload and caseload_size change
-- together (carries_caseload not null marks a caseload change, whose size may be null). Rows are appended,
-- never updated: the values in force on a day are, per attribute, those of the change with the latest
-- effective_from on or before that day (a later recorded_at wins on the same day). The staff row keeps the
-- values in force today as a cache for lists and filters.
CREATE TABLE staff_attribute_change (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    staff_id         CHAR(36)     NOT NULL,
    effective_from   DATE         NOT NULL,
    category         VARCHAR(40)  NULL,
    employment_type  VARCHAR(20)  NULL,
    weekly_hours     DECIMAL(5,2) NULL,
    carries_caseload BOOLEAN      NULL,
    caseload_size    INT          NULL,
    recorded_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_sac_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
);
CREATE INDEX ix_sac_staff ON staff_attribute_change (staff_id, effective_from, recorded_at);

-- What is known of everyone already stored: their present values, in force since their employment start.
-- One row per person, so the person's id serves as the row's id.
INSERT INTO staff_attribute_change (id, staff_id, effective_from, category, employment_type, weekly_hours,
                                    carries_caseload, caseload_size, recorded_at)
SELECT id, id, employment_start_date, category, employment_type, weekly_hours, carries_caseload, caseload_size, updated_at
FROM staff;
