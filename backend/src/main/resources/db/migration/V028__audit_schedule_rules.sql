-- Issue 9: which file audits each shipped profile schedules (PolicyRules.auditSchedule), as data.
-- Coventry 2016: the quality assurance manager's quarterly sample and the service managers' monthly audit
-- (heads of service audited quarterly only under the February 2015 policy); the LGA profile copies Coventry's
-- audit tool and schedule; Central Bedfordshire 2012 has no audit schedule.
-- The key is put first in each rules document (which is a JSON object starting with "{"), keeping every other
-- rule as it is. Plain SQL: CONCAT and SUBSTRING run on MySQL, MariaDB and H2.

UPDATE policy_profile SET rules_json = CONCAT('{"auditSchedule": {"qaSampleQuarterly": true, "serviceManagerMonthly": true, "headOfServiceQuarterly": false}, ',
    SUBSTRING(TRIM(rules_json), 2))
WHERE code IN ('COVENTRY_2016', 'LGA_STANDARD_5');

UPDATE policy_profile SET rules_json = CONCAT('{"auditSchedule": {"qaSampleQuarterly": false, "serviceManagerMonthly": false, "headOfServiceQuarterly": false}, ',
    SUBSTRING(TRIM(rules_json), 2))
WHERE code = 'CENTRAL_BEDFORDSHIRE_2012';
