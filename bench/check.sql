-- Sanity figures of a generated organisation (bench/generate.sql), printed by bench/generate.sh: are the rates
-- what the generator means them to be?
SET @org = (SELECT id FROM organisation WHERE code = 'BENCH');
SET @today = UTC_DATE();
SELECT 'staff' AS what, COUNT(*) AS n, SUM(leaving_date IS NULL) AS in_post, SUM(leaving_date IS NOT NULL) AS leavers,
       SUM(category = 'NEWLY_QUALIFIED') AS nqsw_now, SUM(employment_type = 'AGENCY') AS agency, SUM(weekly_hours < 10) AS under_10h,
       (SELECT COUNT(*) FROM team t JOIN service s ON s.id = t.service_id WHERE s.organisation_id = @org) AS teams,
       (SELECT COUNT(*) FROM service WHERE organisation_id = @org) AS services,
       (SELECT COUNT(*) FROM staff_team_history h JOIN staff s2 ON s2.id = h.staff_id WHERE s2.organisation_id = @org AND h.to_date IS NOT NULL
            AND h.to_date <> COALESCE(s2.leaving_date, '9999-12-31')) AS moves
FROM staff WHERE organisation_id = @org;
SELECT kind, status, COUNT(*) AS sessions, MIN(meeting_date) AS first, MAX(meeting_date) AS last
FROM supervision_session WHERE organisation_id = @org GROUP BY kind, status ORDER BY kind, status;
-- One-to-ones held per person-year of the people in post for the whole last year (aim: 12 to 13, the cancelled
-- rebooked, a few missed), and the gaps between consecutive held one-to-ones.
SELECT COUNT(DISTINCT p.supervisee_id) AS people_in_post_all_year, COUNT(*) / COUNT(DISTINCT p.supervisee_id) AS held_last_12_months_each
FROM session_participant p JOIN supervision_session s ON s.id = p.session_id JOIN staff st ON st.id = p.supervisee_id
WHERE s.organisation_id = @org AND s.kind = 'ONE_TO_ONE' AND s.status IN ('RECORDED', 'SIGNED')
  AND s.meeting_date > DATE_SUB(@today, INTERVAL 1 YEAR) AND st.leaving_date IS NULL AND st.employment_start_date <= DATE_SUB(@today, INTERVAL 1 YEAR)
  AND NOT EXISTS (SELECT 1 FROM staff_team_history h WHERE h.staff_id = st.id AND h.to_date IS NOT NULL);
SELECT CASE WHEN gap <= 42 THEN 'a: up to 6 weeks' WHEN gap <= 61 THEN 'b: 6 weeks to 2 months' ELSE 'c: over 2 months' END AS gap, COUNT(*) AS gaps,
       ROUND(AVG(gap), 1) AS average_days
FROM (SELECT DATEDIFF(s.meeting_date, LAG(s.meeting_date) OVER (PARTITION BY p.supervisee_id ORDER BY s.meeting_date)) AS gap
      FROM session_participant p JOIN supervision_session s ON s.id = p.session_id
      WHERE s.organisation_id = @org AND s.kind = 'ONE_TO_ONE' AND s.status IN ('RECORDED', 'SIGNED')) g
WHERE gap IS NOT NULL GROUP BY 1 ORDER BY 1;
-- Overdue now: people in post whose last held one-to-one is over 6 weeks ago.
SELECT COUNT(*) AS supervised_in_post, SUM(last_held < DATE_SUB(@today, INTERVAL 42 DAY)) AS over_6_weeks_since_last,
       SUM(last_held < DATE_SUB(@today, INTERVAL 2 MONTH)) AS over_2_months
FROM (SELECT r.supervisee_id, MAX(s.meeting_date) AS last_held
      FROM supervision_relation r JOIN staff st ON st.id = r.supervisee_id
      LEFT JOIN session_participant p ON p.supervisee_id = r.supervisee_id
      LEFT JOIN supervision_session s ON s.id = p.session_id AND s.kind = 'ONE_TO_ONE' AND s.status IN ('RECORDED', 'SIGNED')
      WHERE st.organisation_id = @org AND r.to_date IS NULL AND st.leaving_date IS NULL AND st.employment_start_date < DATE_SUB(@today, INTERVAL 42 DAY)
      GROUP BY r.supervisee_id) x;
SELECT COUNT(*) AS one_to_one_records, SUM(r.status = 'SIGNED') AS signed, SUM(r.status = 'DRAFT') AS awaiting_signature,
       ROUND(AVG(DATEDIFF(r.signed_at, s.meeting_date)), 1) AS average_days_to_signature,
       SUM(r.status = 'DRAFT' AND s.meeting_date < DATE_SUB(@today, INTERVAL 60 DAY)) AS unsigned_over_60_days,
       SUM(s.actual_minutes < 90) AS below_90_minutes
FROM session_record r JOIN supervision_session s ON s.id = r.session_id WHERE s.organisation_id = @org AND s.kind = 'ONE_TO_ONE';
SELECT SUM(status = 'CANCELLED') AS cancelled, SUM(status = 'CANCELLED' AND rebooked_as_id IS NOT NULL) AS rebooked
FROM supervision_session WHERE organisation_id = @org;
SELECT status, COUNT(*) AS agreements, SUM(review_due < @today) AS review_due_passed FROM agreement WHERE organisation_id = @org GROUP BY status;
SELECT COUNT(*) AS in_post_supervised, SUM(a.id IS NULL) AS without_active_agreement
FROM supervision_relation r JOIN staff st ON st.id = r.supervisee_id
LEFT JOIN agreement a ON a.supervisee_id = r.supervisee_id AND a.status = 'ACTIVE'
WHERE st.organisation_id = @org AND r.to_date IS NULL AND st.leaving_date IS NULL;
SELECT status, COUNT(*) AS actions, SUM(due_date < @today) AS past_due FROM supervision_action WHERE organisation_id = @org GROUP BY status;
SELECT status, child_view_status, COUNT(*) AS case_discussions FROM case_discussion WHERE organisation_id = @org GROUP BY status, child_view_status;
SELECT d.kind, COUNT(*) AS decisions, SUM(a.acknowledged_at <= DATE_ADD(d.signed_at, INTERVAL 24 HOUR)) AS filed_within_24h,
       SUM(a.decision_id IS NULL) AS not_filed
FROM case_decision d LEFT JOIN case_decision_acknowledgement a ON a.decision_id = d.id WHERE d.organisation_id = @org GROUP BY d.kind;
SELECT kind, status, grade, COUNT(*) AS audits FROM file_audit WHERE organisation_id = @org GROUP BY kind, status, grade ORDER BY kind, status, grade;
SELECT COUNT(*) AS invitations, SUM(answered_at IS NOT NULL) AS answered,
       (SELECT COUNT(*) FROM questionnaire_response WHERE organisation_id = @org) AS responses,
       (SELECT COUNT(*) FROM questionnaire_answer a JOIN questionnaire_response r ON r.id = a.response_id WHERE r.organisation_id = @org) AS answers
FROM questionnaire_invitation WHERE organisation_id = @org;
SELECT SUM(j.role IS NOT NULL) AS managers, SUM(s.supervision_training_completed_on IS NOT NULL) AS trained,
       ROUND(AVG(s.caseload_size), 1) AS average_caseload_of_managers
FROM staff s LEFT JOIN account a ON a.staff_id = s.id LEFT JOIN role_grant j ON j.account_id = a.id AND j.role = 'SUPERVISOR'
WHERE s.organisation_id = @org AND j.role IS NOT NULL;
SELECT ROUND(AVG(caseload_size), 1) AS average_caseload, SUM(caseload_size > 20) AS above_20, COUNT(caseload_size) AS with_caseload
FROM staff WHERE organisation_id = @org AND leaving_date IS NULL;
