-- Ten years of history for 5,000 more staff in the demo organisation, in bulk SQL (MariaDB's sequence
-- engine: seq_1_to_N). Run after the service has migrated the schema and loaded the demo organisation.
--
-- People: 500 groups of ten; the first of each group manages the other nine (supervision relation), who
-- had the next group's manager as supervisor for the first five years. Each supervisee has a one-to-one
-- session every four weeks for ten years (records signed, the last two awaiting signature, some
-- cancelled, three planned ahead), an agreement every two years (the last ACTIVE), actions, and the
-- activity log of it all. The first 16 managers get accounts (bench-manager-NN@bench.test, the demo
-- password) for the load generator.
SET foreign_key_checks = 0;
SET unique_checks = 0;
SET @org = (SELECT id FROM organisation WHERE code = 'DEMO');
SET @now = UTC_TIMESTAMP(6);
SET @today = UTC_DATE();
SET @agenda = (SELECT t.id FROM policy_template t JOIN organisation_policy p ON p.profile_id = t.profile_id
               WHERE p.organisation_id = @org AND t.kind = 'SESSION_AGENDA' ORDER BY t.version DESC LIMIT 1);
SET @agreement_template = (SELECT t.id FROM policy_template t JOIN organisation_policy p ON p.profile_id = t.profile_id
               WHERE p.organisation_id = @org AND t.kind = 'AGREEMENT' ORDER BY t.version DESC LIMIT 1);
SET @hash = (SELECT password_hash FROM account WHERE username = 'supervisor@demo.test');

CREATE TEMPORARY TABLE bench_team (k INT PRIMARY KEY, team_id CHAR(36), service_id CHAR(36));
INSERT INTO bench_team SELECT ROW_NUMBER() OVER (ORDER BY t.name) - 1, t.id, t.service_id
FROM team t JOIN service s ON s.id = t.service_id WHERE s.organisation_id = @org;
SET @teams = (SELECT COUNT(*) FROM bench_team);

-- n = 1..5000; group g = (n-1) DIV 10; manager of n = g*10+1; previous manager = next group's.
CREATE TEMPORARY TABLE bench_person (n INT PRIMARY KEY, id CHAR(36), manager CHAR(36), previous CHAR(36), is_manager BOOLEAN);
INSERT INTO bench_person
SELECT seq, CONCAT('00000000-0000-4000-8000-', LPAD(seq, 12, '0')),
       CONCAT('00000000-0000-4000-8000-', LPAD(((seq - 1) DIV 10) * 10 + 1, 12, '0')),
       CONCAT('00000000-0000-4000-8000-', LPAD(((((seq - 1) DIV 10) + 1) MOD 500) * 10 + 1, 12, '0')),
       (seq - 1) MOD 10 = 0
FROM seq_1_to_5000;

INSERT INTO staff (id, organisation_id, team_id, service_id, external_ref, given_name, family_name, email, job_title,
                   category, employment_type, weekly_hours, employment_start_date, post_start_date, carries_caseload,
                   caseload_size, leaving_date, leaving_reason, version, created_at, updated_at)
SELECT p.id, @org, t.team_id, t.service_id, CONCAT('BENCH-', p.n),
       ELT(1 + p.n MOD 10, 'Amira', 'Ben', 'Chloe', 'Dev', 'Ella', 'Femi', 'Grace', 'Hamza', 'Isla', 'Jack'),
       CONCAT(ELT(1 + (p.n DIV 10) MOD 10, 'Adams', 'Brown', 'Clarke', 'Evans', 'Green', 'Hall', 'Jones', 'King', 'Lewis', 'Patel'), '-', p.n),
       CONCAT('bench.', p.n, '@bench.test'),
       IF(p.is_manager, 'Team Manager', 'Social Worker'),
       'REGISTERED_SOCIAL_WORKER', 'PERMANENT', 37, DATE_SUB(@today, INTERVAL 11 YEAR), DATE_SUB(@today, INTERVAL 11 YEAR),
       TRUE, 15, NULL, NULL, 1, @now, @now
FROM bench_person p JOIN bench_team t ON t.k = ((p.n - 1) DIV 10) MOD @teams;

INSERT INTO staff_team_history (id, staff_id, team_id, service_id, from_date, to_date, recorded_at)
SELECT CONCAT('00000008-0000-4000-8000-', LPAD(p.n, 12, '0')), p.id, s.team_id, s.service_id, s.employment_start_date, NULL, @now
FROM bench_person p JOIN staff s ON s.id = p.id;

INSERT INTO staff_attribute_change (id, staff_id, effective_from, category, employment_type, weekly_hours,
                                    carries_caseload, caseload_size, recorded_at)
SELECT CONCAT('00000007-0000-4000-8000-', LPAD(p.n, 12, '0')), s.id, s.employment_start_date, s.category, s.employment_type,
       s.weekly_hours, s.carries_caseload, s.caseload_size, @now
FROM bench_person p JOIN staff s ON s.id = p.id;

-- Five years under the previous manager, then the current one.
INSERT INTO supervision_relation (id, supervisor_id, supervisee_id, from_date, to_date, reason, created_at)
SELECT CONCAT('00000004-0000-4000-8000-', LPAD(p.n * 10 + 1, 12, '0')), p.previous, p.id,
       DATE_SUB(@today, INTERVAL 10 YEAR), DATE_SUB(@today, INTERVAL 5 YEAR), NULL, @now
FROM bench_person p WHERE NOT p.is_manager;
INSERT INTO supervision_relation (id, supervisor_id, supervisee_id, from_date, to_date, reason, created_at)
SELECT CONCAT('00000004-0000-4000-8000-', LPAD(p.n * 10 + 2, 12, '0')), p.manager, p.id,
       DATE_ADD(DATE_SUB(@today, INTERVAL 5 YEAR), INTERVAL 1 DAY), NULL, NULL, @now
FROM bench_person p WHERE NOT p.is_manager;

-- Accounts for the first 16 managers (n = 1, 11, 21, ...).
INSERT INTO account (id, organisation_id, staff_id, username, display_name, password_hash, enabled, created_at)
SELECT CONCAT('00000005-0000-4000-8000-', LPAD(p.n, 12, '0')), @org, p.id,
       CONCAT('bench-manager-', LPAD((p.n - 1) DIV 10 + 1, 2, '0'), '@bench.test'), CONCAT('Bench manager ', p.n), @hash, TRUE, @now
FROM bench_person p WHERE p.is_manager AND p.n <= 151;
INSERT INTO role_grant (id, account_id, role, service_id)
SELECT CONCAT('00000006-0000-4000-8000-', LPAD(p.n * 10 + r.seq, 12, '0')), CONCAT('00000005-0000-4000-8000-', LPAD(p.n, 12, '0')),
       ELT(r.seq, 'SUPERVISOR', 'PRACTITIONER'), NULL
FROM bench_person p JOIN seq_1_to_2 r WHERE p.is_manager AND p.n <= 151;

-- Sessions: k = 0..129, every 28 days from ten years ago; ids encode (n, k).
INSERT INTO supervision_session (id, organisation_id, supervisor_id, kind, status, meeting_date, start_time, planned_minutes,
                                 location, series_id, actual_minutes, interrupted_by, cancelled_by, status_reason,
                                 rebooked_as_id, rebooked_from_id, version, created_at, updated_at)
SELECT CONCAT('00000001-0000-4000-8000-', LPAD(p.n * 1000 + k.seq, 12, '0')), @org,
       IF(DATE_ADD(DATE_SUB(@today, INTERVAL 3640 DAY), INTERVAL k.seq * 28 DAY) > DATE_SUB(@today, INTERVAL 5 YEAR), p.manager, p.previous),
       'ONE_TO_ONE',
       CASE WHEN DATE_ADD(DATE_SUB(@today, INTERVAL 3640 DAY), INTERVAL k.seq * 28 DAY) >= @today THEN 'PLANNED'
            WHEN k.seq MOD 17 = 5 THEN 'CANCELLED'
            WHEN DATE_ADD(DATE_SUB(@today, INTERVAL 3640 DAY), INTERVAL k.seq * 28 DAY) >= DATE_SUB(@today, INTERVAL 56 DAY) THEN 'RECORDED'
            ELSE 'SIGNED' END,
       DATE_ADD(DATE_SUB(@today, INTERVAL 3640 DAY), INTERVAL k.seq * 28 DAY),
       ELT(1 + p.n MOD 4, '09:30', '11:00', '14:00', '15:30'), 90, 'Team room', NULL,
       IF(DATE_ADD(DATE_SUB(@today, INTERVAL 3640 DAY), INTERVAL k.seq * 28 DAY) < @today AND k.seq MOD 17 <> 5, 90, NULL),
       NULL, IF(k.seq MOD 17 = 5 AND DATE_ADD(DATE_SUB(@today, INTERVAL 3640 DAY), INTERVAL k.seq * 28 DAY) < @today, 'SUPERVISOR', NULL),
       IF(k.seq MOD 17 = 5 AND DATE_ADD(DATE_SUB(@today, INTERVAL 3640 DAY), INTERVAL k.seq * 28 DAY) < @today, 'Court hearing', NULL),
       NULL, NULL, 1, @now, @now
FROM bench_person p JOIN seq_0_to_129 k WHERE NOT p.is_manager;

INSERT INTO session_participant (session_id, supervisee_id)
SELECT CONCAT('00000001-0000-4000-8000-', LPAD(p.n * 1000 + k.seq, 12, '0')), p.id
FROM bench_person p JOIN seq_0_to_129 k WHERE NOT p.is_manager;

INSERT INTO session_record (session_id, template_id, status, entries_json, reflection, future_agenda, next_date,
                            personal_discussed, confidential_notes, action_reviews_json, content_hash, signed_at, version, updated_at)
SELECT s.id, @agenda, IF(s.status = 'SIGNED', 'SIGNED', 'DRAFT'),
       '[]', NULL, NULL, NULL, FALSE, NULL, '[]',
       IF(s.status = 'SIGNED', SHA2(s.id, 256), NULL), IF(s.status = 'SIGNED', TIMESTAMP(s.meeting_date, '17:00:00'), NULL), 1, @now
FROM supervision_session s WHERE s.id LIKE '00000001-%' AND s.status IN ('RECORDED', 'SIGNED');

-- Agreements: one every two years (v = 1..5), the last ACTIVE, the earlier ones superseded.
INSERT INTO agreement (id, organisation_id, supervisee_id, supervisor_id, template_id, previous_version_id, version_number, status,
                       interval_weeks, duration_minutes, location, escalation_period, answers_json, content_hash, signed_at,
                       review_due, version, created_at, updated_at)
SELECT CONCAT('00000002-0000-4000-8000-', LPAD(p.n * 10 + v.seq, 12, '0')), @org, p.id, IF(v.seq >= 3, p.manager, p.previous),
       @agreement_template,
       IF(v.seq = 1, NULL, CONCAT('00000002-0000-4000-8000-', LPAD(p.n * 10 + v.seq - 1, 12, '0'))), v.seq,
       IF(v.seq = 5, 'ACTIVE', 'SUPERSEDED'), 4, 90, 'Team room', NULL, '[]', SHA2(CONCAT(p.id, v.seq), 256),
       TIMESTAMP(DATE_SUB(@today, INTERVAL (5 - v.seq) * 2 YEAR), '12:00:00'),
       DATE_ADD(DATE_SUB(@today, INTERVAL (5 - v.seq) * 2 YEAR), INTERVAL 1 YEAR), 1, @now, @now
FROM bench_person p JOIN seq_1_to_5 v WHERE NOT p.is_manager;

-- Actions: two from every sixth session, closed except the recent ones.
INSERT INTO supervision_action (id, organisation_id, supervisee_id, owner_staff_id, text, due_date, status, last_review,
                                last_review_note, created_in_session_id, closed_in_session_id, version, created_at, updated_at)
SELECT CONCAT('00000003-0000-4000-8000-', LPAD((p.n * 1000 + k.seq) * 2 + a.seq, 12, '0')), @org, p.id, IF(a.seq = 0, p.id, p.manager),
       'Follow up the case discussion', DATE_ADD(DATE_SUB(@today, INTERVAL 3640 DAY), INTERVAL k.seq * 28 + 42 DAY),
       IF(k.seq >= 120, 'OPEN', 'CLOSED'), NULL, NULL, CONCAT('00000001-0000-4000-8000-', LPAD(p.n * 1000 + k.seq, 12, '0')), NULL,
       1, @now, @now
FROM bench_person p JOIN seq_0_to_129 k JOIN seq_0_to_1 a WHERE NOT p.is_manager AND k.seq MOD 6 = 0 AND k.seq < 127;

-- The activity log: each session's record was read and signed (two rows each), with its subject.
INSERT INTO activity_log (occurred_at, organisation_id, actor_account_id, actor_client_id, action, entity_type, entity_id,
                          summary, remote_address, request_id, actor_staff_id, actor_roles)
SELECT TIMESTAMP(s.meeting_date, ELT(1 + e.seq, '16:00:00', '17:00:00')), @org, NULL, NULL,
       ELT(1 + e.seq, 'RECORD_READ', 'RECORD_SIGNED'), 'supervision_session', s.id, NULL, '127.0.0.1', NULL, s.supervisor_id, 'SUPERVISOR'
FROM supervision_session s JOIN seq_0_to_1 e WHERE s.id LIKE '00000001-%' AND s.status IN ('RECORDED', 'SIGNED');
INSERT INTO activity_log_subject (activity_id, subject_staff_id, occurred_at)
SELECT l.id, p.supervisee_id, l.occurred_at
FROM activity_log l JOIN session_participant p ON p.session_id = l.entity_id
WHERE l.entity_type = 'supervision_session' AND l.entity_id LIKE '00000001-%';

ANALYZE TABLE staff, supervision_relation, supervision_session, session_participant, session_record, agreement,
              supervision_action, activity_log, activity_log_subject;
