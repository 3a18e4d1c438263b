-- A realistic organisation for the oversight benchmark, written in bulk SQL (MariaDB's sequence engine), never
-- through the API: bench/generate.sh sets @staff (posts in teams) and @years (history) and runs this file on
-- a database the service has migrated. It adds the organisation BENCH beside the demo one (whose password hash
-- it borrows) and is deterministic: every "random" choice is a CRC32 of the row's numbers, so two runs of the
-- same size write the same rows, dated back from the day they run.
--
-- The organisation (bench/README.md has the figures):
-- * posts: @staff posts in teams of ten (a team manager and nine: social workers, a family support worker, a
--   business support officer); 25 teams a service, a service manager each, one head of service over them, a
--   quality assurance manager and an HR officer. Records start on the go-live day @years ago: whoever was in
--   post then is entered as starting that day, so nothing predates the records (as the demo organisation).
-- * people come and go: each post's holders stay 3 to 8 years, then leave; the post stays vacant up to two
--   months; a quarter of the new starters are newly qualified (ASYE) for their first year; 8% are agency staff,
--   a quarter of those under 10 hours; 8% of people move team half way through their time, changing supervisor.
-- * one-to-ones every four weeks from the person's first week (or their move), usually a few days late, now
--   and then two to four weeks late, 3% not held at all (one person in ten is a habitually late pair: 15%);
--   8% cancelled, most of those rebooked a few days later; three booked ahead. Records signed by both, mostly
--   within days, some weeks late, 1% never. Group supervision every eight weeks in every team.
-- * an agreement in the first weeks (5% late, 5% never), reviewed yearly (a fifth of reviews late), a new one
--   at a change of supervisor, ended when the person leaves or moves.
-- * an action from every other one-to-one, closed at the next; 4% left open past their due date.
-- * three children per caseworker; a case discussion in each signed one-to-one of a caseworker, the child's view
--   recorded more often as the years go by, else a reason; a decision from 60% of them, filed by the case
--   management system mostly within 24 hours, and a management decision now and then.
-- * the quality assurance sample each quarter (2% of staff), each service manager's monthly audit (12% missed),
--   grades and ratings on the form's scale, Part 2 answers from 70% of the audited and a yearly round to all.
-- * managers' supervision training: most before go-live, some later, some never; caseloads 8 to 26.
SET foreign_key_checks = 0;
SET unique_checks = 0;
SET @now = UTC_TIMESTAMP(6);
SET @today = UTC_DATE();
SET @hist = DATE_SUB(@today, INTERVAL @years YEAR);
SET @demo = (SELECT id FROM organisation WHERE code = 'DEMO');
SET @hash = (SELECT password_hash FROM account WHERE username = 'supervisor@demo.test');
SET @org = 'b0000000-0000-4000-8000-000000000001';
SET @profile = (SELECT id FROM policy_profile WHERE code = 'LGA_STANDARD_5');
SET @agenda = (SELECT id FROM policy_template WHERE profile_id = @profile AND kind = 'SESSION_AGENDA' ORDER BY version DESC LIMIT 1);
SET @agreement_template = (SELECT id FROM policy_template WHERE profile_id = @profile AND kind = 'AGREEMENT' ORDER BY version DESC LIMIT 1);
SET @cd_template = (SELECT id FROM policy_template WHERE profile_id = @profile AND kind = 'CASE_DISCUSSION' ORDER BY version DESC LIMIT 1);
SET @audit_template = (SELECT id FROM policy_template WHERE profile_id = @profile AND kind = 'AUDIT' ORDER BY version DESC LIMIT 1);
SET @q_template = (SELECT id FROM policy_template WHERE profile_id = @profile AND kind = 'QUESTIONNAIRE' ORDER BY version DESC LIMIT 1);
SET @teams = CEIL(@staff / 10);
SET @services = CEIL(@teams / 25);
-- Ids: a prefix per table and the generator's number, so a row's id says where it came from.
-- b0000001 service, 02 team, 03 staff, 04 session, 05 agreement, 06 account, 07 relation, 08 team history,
-- 09 attribute change, 0a action, 0b child, 0c case discussion, 0d decision, 0e audit, 0f response, 10 invitation,
-- 11 signatures, 12 sample, 13 round, 14 role grant.

-- The organisation, with the demo council's local policy (docs/decisions/0019).
INSERT INTO organisation (id, code, name, time_zone, created_at)
SELECT @org, 'BENCH', 'Bench County Council Children''s Services', time_zone, @now FROM organisation WHERE id = @demo;
INSERT INTO organisation_policy (organisation_id, profile_id, overrides_json, version, updated_at)
SELECT @org, @profile, overrides_json, 1, @now FROM organisation_policy WHERE organisation_id = @demo;
INSERT INTO chain_head (organisation_id, last_sequence, last_hash, updated_at) VALUES (@org, 0, REPEAT('0', 64), @now);

INSERT INTO service (id, organisation_id, name, created_at)
SELECT CONCAT('b0000001-0000-4000-8000-', LPAD(seq, 12, '0')), @org, CONCAT('Service ', LPAD(seq, 3, '0')), @now
FROM seq_1_to_100000 WHERE seq <= @services;
INSERT INTO team (id, service_id, name, created_at)
SELECT CONCAT('b0000002-0000-4000-8000-', LPAD(seq, 12, '0')), CONCAT('b0000001-0000-4000-8000-', LPAD(seq DIV 25 + 1, 12, '0')),
       CONCAT('Team ', LPAD(seq, 4, '0')), @now
FROM seq_0_to_100000 WHERE seq < @teams;

-- People. Post n = 1..@staff is in team g = (n-1) DIV 10 at position r = (n-1) MOD 10 (0: the team manager, 8: a
-- family support worker, 9: business support). Holder k of post n is person pid = n*8 + k; service managers are
-- 500000 + s, the head of service 600001, the QA manager 600002, the HR officer 600003.
DROP TABLE IF EXISTS gen_person;
CREATE TABLE gen_person (
    pid INT PRIMARY KEY, n INT, r INT, g INT NULL, s INT NULL, start_date DATE, leave_date DATE NULL,
    move_date DATE NULL, g2 INT NULL, category VARCHAR(40), employment VARCHAR(20), hours DECIMAL(5,2),
    caseload INT NULL, nqsw BOOLEAN, late BOOLEAN, job VARCHAR(100)
) ENGINE = InnoDB;
-- Post holders: tenure L days (3 to 8 years) at phase p, holder k from @hist - p + k*L (after a vacancy of up to two
-- months) to the day before the next holder's tenure; the first holder's start is go-live.
INSERT INTO gen_person (pid, n, r, g, s, start_date, leave_date, category, employment, hours, caseload, nqsw, late, job)
SELECT pid, n, r, g, g DIV 25, start_date, leave_date,
       CASE WHEN r = 9 THEN 'ADMINISTRATIVE' WHEN r = 8 THEN 'UNQUALIFIED_PRACTITIONER'
            WHEN r > 0 AND k > 0 AND CRC32(CONCAT(pid, 'q')) MOD 4 = 0 THEN 'NEWLY_QUALIFIED' ELSE 'REGISTERED_SOCIAL_WORKER' END,
       CASE WHEN r > 0 AND CRC32(CONCAT(pid, 'e')) MOD 100 < 8 THEN 'AGENCY' WHEN r > 0 AND CRC32(CONCAT(pid, 'e')) MOD 100 < 14 THEN 'TEMPORARY'
            ELSE 'PERMANENT' END,
       CASE WHEN r > 0 AND CRC32(CONCAT(pid, 'e')) MOD 100 < 2 THEN 8 WHEN CRC32(CONCAT(pid, 'h')) MOD 10 = 0 THEN 22.5 ELSE 37 END,
       CASE WHEN r = 9 THEN NULL WHEN r = 0 THEN CRC32(CONCAT(pid, 'c')) MOD 6 ELSE 8 + CRC32(CONCAT(pid, 'c')) MOD 19 END,
       r > 0 AND k > 0 AND CRC32(CONCAT(pid, 'q')) MOD 4 = 0 AND r < 8,
       CRC32(CONCAT(pid, 'l')) MOD 10 = 0,
       CASE WHEN r = 0 THEN 'Team Manager' WHEN r = 9 THEN 'Business Support Officer' WHEN r = 8 THEN 'Family Support Worker'
            WHEN r > 0 AND k > 0 AND CRC32(CONCAT(pid, 'q')) MOD 4 = 0 THEN 'Newly Qualified Social Worker (ASYE)' ELSE 'Social Worker' END
FROM (
    SELECT n, k, n * 8 + k AS pid, (n - 1) MOD 10 AS r, (n - 1) DIV 10 AS g,
           GREATEST(@hist, DATE_ADD(DATE_SUB(@hist, INTERVAL p DAY), INTERVAL k * L + IF(k = 0, 0, CRC32(CONCAT(n, ':', k, 'v')) MOD 60) DAY)) AS start_date,
           IF(DATE_ADD(DATE_SUB(@hist, INTERVAL p DAY), INTERVAL (k + 1) * L - 1 DAY) < @today,
              DATE_ADD(DATE_SUB(@hist, INTERVAL p DAY), INTERVAL (k + 1) * L - 1 DAY), NULL) AS leave_date,
           DATE_ADD(DATE_SUB(@hist, INTERVAL p DAY), INTERVAL (k + 1) * L - 1 DAY) AS tenure_end
    FROM (SELECT seq AS n, 1095 + CRC32(CONCAT(seq, 'L')) MOD 1826 AS L, CRC32(CONCAT(seq, 'p')) MOD 1095 AS p
          FROM seq_1_to_1000000 WHERE seq <= @staff) posts
    CROSS JOIN (SELECT seq AS k FROM seq_0_to_7) kk
) h
WHERE start_date < @today AND tenure_end >= @hist AND start_date <= tenure_end AND (r > 0 OR k = 0);
-- Team managers stay (one holder a team, never leaving), so a team always has its supervisor.
UPDATE gen_person SET leave_date = NULL WHERE r = 0;
-- Movers: 8% of those who stay over two years move to another team half way through.
UPDATE gen_person
SET move_date = DATE_ADD(start_date, INTERVAL DATEDIFF(COALESCE(leave_date, @today), start_date) DIV 2 DAY),
    g2 = (g + 1 + CRC32(CONCAT(pid, 'g')) MOD 7) MOD @teams
WHERE r > 0 AND @teams > 1 AND CRC32(CONCAT(pid, 'm')) MOD 100 < 8 AND DATEDIFF(COALESCE(leave_date, @today), start_date) > 730;
INSERT INTO gen_person (pid, n, r, g, s, start_date, leave_date, category, employment, hours, caseload, nqsw, late, job)
SELECT 500000 + seq, 0, -1, NULL, seq, @hist, NULL, 'REGISTERED_SOCIAL_WORKER', 'PERMANENT', 37, NULL, FALSE, FALSE, 'Service Manager'
FROM seq_0_to_10000 WHERE seq < @services;
INSERT INTO gen_person (pid, n, r, g, s, start_date, leave_date, category, employment, hours, caseload, nqsw, late, job) VALUES
    (600001, 0, -2, NULL, NULL, @hist, NULL, 'REGISTERED_SOCIAL_WORKER', 'PERMANENT', 37, NULL, FALSE, FALSE, 'Head of Service'),
    (600002, 0, -3, NULL, NULL, @hist, NULL, 'REGISTERED_SOCIAL_WORKER', 'PERMANENT', 37, NULL, FALSE, FALSE, 'Quality Assurance Manager'),
    (600003, 0, -4, NULL, NULL, @hist, NULL, 'ADMINISTRATIVE', 'PERMANENT', 37, NULL, FALSE, FALSE, 'HR Officer');

-- Periods: a person's time under one supervisor in one team (two periods for a mover). Supervisors: the team
-- manager (post g*10+1, holder 0), a team manager's service manager, a service manager's (and the QA manager's and
-- HR officer's) head of service. The head of service has no supervisor recorded.
DROP TABLE IF EXISTS gen_period;
CREATE TABLE gen_period (
    pid INT, seg INT, g INT NULL, s INT NULL, from_date DATE, to_date DATE NULL, supervisor INT,
    PRIMARY KEY (pid, seg)
) ENGINE = InnoDB;
INSERT INTO gen_period
SELECT pid, 0, g, s, start_date, COALESCE(DATE_SUB(move_date, INTERVAL 1 DAY), leave_date),
       CASE WHEN r > 0 THEN (g * 10 + 1) * 8 WHEN r = 0 THEN 500000 + s ELSE 600001 END
FROM gen_person WHERE r <> -2;
INSERT INTO gen_period
SELECT pid, 1, g2, g2 DIV 25, move_date, leave_date, (g2 * 10 + 1) * 8 FROM gen_person WHERE move_date IS NOT NULL;
CREATE INDEX ix_gen_period_team ON gen_period (g, from_date);

INSERT INTO staff (id, organisation_id, team_id, service_id, external_ref, given_name, family_name, email, job_title, category,
                   employment_type, weekly_hours, employment_start_date, post_start_date, carries_caseload, caseload_size,
                   leaving_date, leaving_reason, version, created_at, updated_at, supervision_training_completed_on)
SELECT CONCAT('b0000003-0000-4000-8000-', LPAD(p.pid, 12, '0')), @org,
       IF(COALESCE(p.g2, p.g) IS NULL, NULL, CONCAT('b0000002-0000-4000-8000-', LPAD(COALESCE(p.g2, p.g), 12, '0'))),
       IF(COALESCE(p.g2 DIV 25, p.s) IS NULL, NULL, CONCAT('b0000001-0000-4000-8000-', LPAD(COALESCE(p.g2 DIV 25, p.s) + 1, 12, '0'))),
       CONCAT('BENCH-', p.pid),
       ELT(1 + CRC32(CONCAT(p.pid, 'f')) MOD 12, 'Amira', 'Ben', 'Chloe', 'Dev', 'Ella', 'Femi', 'Grace', 'Hamza', 'Isla', 'Jack', 'Kemi', 'Liam'),
       CONCAT(ELT(1 + CRC32(CONCAT(p.pid, 's')) MOD 12, 'Adams', 'Brown', 'Clarke', 'Evans', 'Green', 'Hall', 'Jones', 'King', 'Lewis',
                  'Patel', 'Nowak', 'Okoro'), '-', p.pid),
       CONCAT('bench.', p.pid, '@bench.test'), p.job, p.category, p.employment, p.hours, p.start_date, COALESCE(p.move_date, p.start_date),
       p.caseload IS NOT NULL AND p.caseload > 0, IF(p.caseload > 0, p.caseload, NULL), p.leave_date,
       IF(p.leave_date IS NULL, NULL, ELT(1 + CRC32(CONCAT(p.pid, 'x')) MOD 3, 'Resigned', 'Moved to another authority', 'Retired')),
       1, @now, @now,
       -- Managers' supervision training: 60% before go-live, 25% after it (some late), 15% not yet.
       CASE WHEN p.r = -1 OR p.r = 0 THEN
           CASE WHEN CRC32(CONCAT(p.pid, 't')) MOD 100 < 60 THEN DATE_SUB(@hist, INTERVAL 30 + CRC32(CONCAT(p.pid, 'u')) MOD 2000 DAY)
                WHEN CRC32(CONCAT(p.pid, 't')) MOD 100 < 85
                    AND DATE_ADD(@hist, INTERVAL 30 + CRC32(CONCAT(p.pid, 'u')) MOD 500 DAY) < @today
                    THEN DATE_ADD(@hist, INTERVAL 30 + CRC32(CONCAT(p.pid, 'u')) MOD 500 DAY)
                ELSE NULL END
       ELSE NULL END
FROM gen_person p;

INSERT INTO staff_team_history (id, staff_id, team_id, service_id, from_date, to_date, recorded_at)
SELECT CONCAT('b0000008-0000-4000-8000-', LPAD(pid * 2 + seg, 12, '0')), CONCAT('b0000003-0000-4000-8000-', LPAD(pid, 12, '0')),
       IF(g IS NULL, NULL, CONCAT('b0000002-0000-4000-8000-', LPAD(g, 12, '0'))),
       IF(s IS NULL, NULL, CONCAT('b0000001-0000-4000-8000-', LPAD(s + 1, 12, '0'))), from_date, to_date, @now
FROM gen_period;
INSERT INTO staff_team_history (id, staff_id, team_id, service_id, from_date, to_date, recorded_at)
SELECT CONCAT('b0000008-0000-4000-8000-', LPAD(pid * 2, 12, '0')), CONCAT('b0000003-0000-4000-8000-', LPAD(pid, 12, '0')), NULL, NULL,
       start_date, NULL, @now
FROM gen_person WHERE r = -2;

-- Attributes with effective dates: as started; a newly qualified worker registered after the ASYE year.
INSERT INTO staff_attribute_change (id, staff_id, effective_from, category, employment_type, weekly_hours, carries_caseload,
                                    caseload_size, recorded_at)
SELECT CONCAT('b0000009-0000-4000-8000-', LPAD(pid * 2, 12, '0')), CONCAT('b0000003-0000-4000-8000-', LPAD(pid, 12, '0')), start_date,
       category, employment, hours, caseload IS NOT NULL AND caseload > 0, IF(caseload > 0, caseload, NULL), @now
FROM gen_person;
INSERT INTO staff_attribute_change (id, staff_id, effective_from, category, employment_type, weekly_hours, carries_caseload,
                                    caseload_size, recorded_at)
SELECT CONCAT('b0000009-0000-4000-8000-', LPAD(pid * 2 + 1, 12, '0')), CONCAT('b0000003-0000-4000-8000-', LPAD(pid, 12, '0')),
       DATE_ADD(start_date, INTERVAL 1 YEAR), 'REGISTERED_SOCIAL_WORKER', employment, hours, TRUE, caseload, @now
FROM gen_person WHERE nqsw AND DATE_ADD(start_date, INTERVAL 1 YEAR) <= COALESCE(leave_date, @today);
UPDATE staff s JOIN gen_person p ON s.id = CONCAT('b0000003-0000-4000-8000-', LPAD(p.pid, 12, '0'))
SET s.category = 'REGISTERED_SOCIAL_WORKER', s.job_title = 'Social Worker'
WHERE p.nqsw AND DATE_ADD(p.start_date, INTERVAL 1 YEAR) <= COALESCE(p.leave_date, @today);

INSERT INTO supervision_relation (id, supervisor_id, supervisee_id, from_date, to_date, reason, created_at)
SELECT CONCAT('b0000007-0000-4000-8000-', LPAD(pid * 2 + seg, 12, '0')), CONCAT('b0000003-0000-4000-8000-', LPAD(supervisor, 12, '0')),
       CONCAT('b0000003-0000-4000-8000-', LPAD(pid, 12, '0')), from_date, to_date, IF(seg = 1, 'Moved team', NULL), @now
FROM gen_period;

-- Accounts for everyone (disabled for leavers), with the demo password; the roles their posts hold.
INSERT INTO account (id, organisation_id, staff_id, username, display_name, password_hash, enabled, created_at)
SELECT CONCAT('b0000006-0000-4000-8000-', LPAD(p.pid, 12, '0')), @org, CONCAT('b0000003-0000-4000-8000-', LPAD(p.pid, 12, '0')),
       CASE p.r WHEN -1 THEN CONCAT('bench-service-manager-', p.s + 1, '@bench.test') WHEN -2 THEN 'bench-head@bench.test'
                WHEN -3 THEN 'bench-qa@bench.test' WHEN -4 THEN 'bench-hr@bench.test'
                WHEN 0 THEN CONCAT('bench-team-manager-', p.g + 1, '@bench.test') ELSE CONCAT('bench.', p.pid, '@bench.test') END,
       CONCAT('Bench person ', p.pid), @hash, p.leave_date IS NULL, @now
FROM gen_person p;
INSERT INTO role_grant (id, account_id, role, service_id)
SELECT CONCAT('b0000014-0000-4000-8000-', LPAD(p.pid * 4 + x.seq, 12, '0')), CONCAT('b0000006-0000-4000-8000-', LPAD(p.pid, 12, '0')),
       CASE WHEN x.seq = 0 THEN CASE p.r WHEN -3 THEN 'QA_AUDITOR' WHEN -4 THEN 'HR' ELSE 'PRACTITIONER' END
            WHEN x.seq = 1 THEN 'SUPERVISOR'
            WHEN p.r = -1 THEN 'SERVICE_MANAGER' ELSE 'HEAD_OF_SERVICE' END,
       IF(x.seq = 2 AND p.r = -1, CONCAT('b0000001-0000-4000-8000-', LPAD(p.s + 1, 12, '0')), NULL)
FROM gen_person p JOIN seq_0_to_2 x
WHERE x.seq = 0 OR (x.seq = 1 AND p.r IN (0, -1, -2)) OR (x.seq = 2 AND p.r IN (-1, -2));

-- One-to-ones. Slot k of a period is due 7 + 28k days after it starts; held j days late (mostly 0-3, then 4-13,
-- 14-28; a late pair is later and misses more). sid = pid*1000 + seg*400 + k; a rebooking is sid + 200.
DROP TABLE IF EXISTS gen_session;
CREATE TABLE gen_session (
    sid BIGINT PRIMARY KEY, pid INT, seg INT, supervisor INT, g INT NULL, meeting_date DATE, status VARCHAR(20),
    kind VARCHAR(20), rebooked_as BIGINT NULL, rebooked_from BIGINT NULL, minutes INT NULL, signed_at DATETIME NULL,
    supervisee_signed_at DATETIME NULL, roll INT
) ENGINE = InnoDB;
INSERT INTO gen_session (sid, pid, seg, supervisor, g, meeting_date, status, kind, minutes, roll)
SELECT sid, pid, seg, supervisor, g, d, 'X', 'ONE_TO_ONE',
       CASE WHEN CRC32(CONCAT(sid, 'n')) MOD 20 = 0 THEN 60 WHEN CRC32(CONCAT(sid, 'n')) MOD 20 = 1 THEN 75
            ELSE 90 + 5 * (CRC32(CONCAT(sid, 'n')) MOD 7) END,
       CRC32(CONCAT(sid, 'c')) MOD 100
FROM (
    SELECT pe.pid * 1000 + pe.seg * 400 + k.seq AS sid, pe.pid, pe.seg, pe.supervisor, pe.g, pe.to_date,
           DATE_ADD(pe.from_date, INTERVAL 7 + 28 * k.seq +
               CASE WHEN j.roll < IF(p.late, 30, 55) THEN j.roll MOD 4
                    WHEN j.roll < IF(p.late, 65, 85) THEN 4 + j.roll MOD 10
                    ELSE 14 + j.roll MOD 15 END DAY) AS d,
           j.roll, p.late
    FROM gen_period pe
    JOIN gen_person p ON p.pid = pe.pid
    JOIN seq_0_to_150 k ON k.seq <= DATEDIFF(COALESCE(pe.to_date, DATE_ADD(@today, INTERVAL 90 DAY)), pe.from_date) DIV 28
    JOIN (SELECT seq AS roll FROM seq_0_to_99) j ON j.roll = CRC32(CONCAT(pe.pid, ':', pe.seg, ':', k.seq)) MOD 100
) x
WHERE d <= COALESCE(to_date, DATE_ADD(@today, INTERVAL 84 DAY))
  AND NOT (d <= @today AND CRC32(CONCAT(sid, 'm')) MOD 100 < IF(late, 15, 3));
-- What became of each: planned ahead, cancelled (8%; 5 in 8 rebooked), else held and recorded; the record signed
-- by both after a delay (half within 2 days; 1% never), awaiting signature until then.
UPDATE gen_session SET status = CASE WHEN meeting_date > @today THEN 'PLANNED' WHEN roll < 8 THEN 'CANCELLED' ELSE 'HELD' END;
INSERT INTO gen_session (sid, pid, seg, supervisor, g, meeting_date, status, kind, rebooked_from, minutes, roll)
SELECT sid + 200, pid, seg, supervisor, g, DATE_ADD(meeting_date, INTERVAL 3 + roll MOD 8 DAY), 'HELD', 'ONE_TO_ONE', sid, 90, 50
FROM gen_session WHERE status = 'CANCELLED' AND roll < 5;
UPDATE gen_session SET rebooked_as = sid + 200 WHERE status = 'CANCELLED' AND roll < 5;
UPDATE gen_session SET status = 'PLANNED', minutes = NULL WHERE status = 'HELD' AND meeting_date > @today;

-- Group supervision: every eight weeks in every team, led by its manager; the team's members at the time take part.
INSERT INTO gen_session (sid, pid, seg, supervisor, g, meeting_date, status, kind, minutes, roll)
SELECT 900000000 + g.seq * 1000 + k.seq, NULL, NULL, (g.seq * 10 + 1) * 8, g.seq,
       DATE_ADD(@hist, INTERVAL 20 + 56 * k.seq + g.seq MOD 10 DAY), 'HELD', 'GROUP', 90, CRC32(CONCAT(g.seq, ':', k.seq)) MOD 100
FROM seq_0_to_100000 g JOIN seq_0_to_70 k
WHERE g.seq < @teams AND DATE_ADD(@hist, INTERVAL 20 + 56 * k.seq + g.seq MOD 10 DAY) <= @today;
UPDATE gen_session SET
    signed_at = CASE WHEN roll MOD 97 = 0 THEN NULL
                     ELSE TIMESTAMP(DATE_ADD(meeting_date, INTERVAL
                          CASE WHEN CRC32(CONCAT(sid, 'w')) MOD 100 < 50 THEN CRC32(CONCAT(sid, 'w')) MOD 3
                               WHEN CRC32(CONCAT(sid, 'w')) MOD 100 < 85 THEN 3 + CRC32(CONCAT(sid, 'w')) MOD 8
                               WHEN CRC32(CONCAT(sid, 'w')) MOD 100 < 96 THEN 11 + CRC32(CONCAT(sid, 'w')) MOD 20
                               ELSE 31 + CRC32(CONCAT(sid, 'w')) MOD 30 END DAY), '16:30:00') END
WHERE status = 'HELD';
UPDATE gen_session SET signed_at = NULL WHERE signed_at > @now;
UPDATE gen_session SET supervisee_signed_at = DATE_SUB(signed_at, INTERVAL CRC32(CONCAT(sid, 'y')) MOD 2 DAY),
                       status = IF(signed_at IS NULL, 'RECORDED', 'SIGNED')
WHERE status = 'HELD';
CREATE INDEX ix_gen_session_pid ON gen_session (pid, seg, meeting_date);

INSERT INTO supervision_session (id, organisation_id, supervisor_id, kind, status, meeting_date, start_time, planned_minutes, location,
                                 series_id, actual_minutes, interrupted_by, cancelled_by, status_reason, rebooked_as_id,
                                 rebooked_from_id, version, created_at, updated_at)
SELECT CONCAT('b0000004-0000-4000-8000-', LPAD(sid, 12, '0')), @org, CONCAT('b0000003-0000-4000-8000-', LPAD(supervisor, 12, '0')),
       kind, status, meeting_date, ELT(1 + sid MOD 4, '09:30', '11:00', '14:00', '15:30'), 90, IF(kind = 'GROUP', 'Training room', 'Team room'),
       NULL, IF(status IN ('RECORDED', 'SIGNED'), minutes, NULL), IF(minutes < 90 AND status IN ('RECORDED', 'SIGNED'), 'Called to a child protection visit', NULL),
       IF(status = 'CANCELLED', ELT(1 + roll MOD 2, 'SUPERVISOR', 'SUPERVISEE'), NULL),
       IF(status = 'CANCELLED', ELT(1 + roll MOD 3, 'Court hearing', 'Sickness', 'Child protection visit'), NULL),
       IF(rebooked_as IS NULL, NULL, CONCAT('b0000004-0000-4000-8000-', LPAD(rebooked_as, 12, '0'))),
       IF(rebooked_from IS NULL, NULL, CONCAT('b0000004-0000-4000-8000-', LPAD(rebooked_from, 12, '0'))),
       1, TIMESTAMP(DATE_SUB(meeting_date, INTERVAL 28 DAY), '12:00:00'), COALESCE(signed_at, TIMESTAMP(meeting_date, '17:00:00'))
FROM gen_session;
INSERT INTO session_participant (session_id, supervisee_id)
SELECT CONCAT('b0000004-0000-4000-8000-', LPAD(sid, 12, '0')), CONCAT('b0000003-0000-4000-8000-', LPAD(pid, 12, '0'))
FROM gen_session WHERE kind = 'ONE_TO_ONE';
INSERT INTO session_participant (session_id, supervisee_id)
SELECT CONCAT('b0000004-0000-4000-8000-', LPAD(s.sid, 12, '0')), CONCAT('b0000003-0000-4000-8000-', LPAD(pe.pid, 12, '0'))
FROM gen_session s JOIN gen_period pe ON pe.g = s.g AND pe.from_date <= s.meeting_date AND (pe.to_date IS NULL OR pe.to_date >= s.meeting_date)
WHERE s.kind = 'GROUP' AND pe.pid <> s.supervisor AND CRC32(CONCAT(s.sid, ':', pe.pid)) MOD 10 < 8;
-- V039: each participant row carries its session's kind, status and date (the dashboard's range reads).
UPDATE session_participant p JOIN supervision_session s ON s.id = p.session_id
SET p.kind = s.kind, p.status = s.status, p.meeting_date = s.meeting_date
WHERE p.session_id LIKE 'b0000004-%';

INSERT INTO session_record (session_id, template_id, status, entries_json, reflection, future_agenda, next_date, personal_discussed,
                            confidential_notes, action_reviews_json, content_hash, signed_at, version, updated_at, content_version)
SELECT CONCAT('b0000004-0000-4000-8000-', LPAD(sid, 12, '0')), @agenda, IF(status = 'SIGNED', 'SIGNED', 'DRAFT'), '[]',
       'Reflected on the week''s visits and what they showed.', NULL, DATE_ADD(meeting_date, INTERVAL 28 DAY), FALSE, NULL, '[]',
       IF(status = 'SIGNED', SHA2(sid, 256), NULL), signed_at, 1, COALESCE(signed_at, TIMESTAMP(meeting_date, '17:00:00')), 1
FROM gen_session WHERE status IN ('RECORDED', 'SIGNED');
INSERT INTO record_signature (id, session_id, signer_staff_id, signer_account_id, signed_at, content_hash)
SELECT CONCAT('b0000011-0000-4000-8000-', LPAD(s.sid * 2 + x.seq, 12, '0')), CONCAT('b0000004-0000-4000-8000-', LPAD(s.sid, 12, '0')),
       CONCAT('b0000003-0000-4000-8000-', LPAD(IF(x.seq = 0, s.supervisor, s.pid), 12, '0')),
       CONCAT('b0000006-0000-4000-8000-', LPAD(IF(x.seq = 0, s.supervisor, s.pid), 12, '0')),
       IF(x.seq = 0, s.signed_at, s.supervisee_signed_at), SHA2(s.sid, 256)
FROM gen_session s JOIN seq_0_to_1 x WHERE s.status = 'SIGNED' AND s.kind = 'ONE_TO_ONE';

-- Agreements: the first in the period's first weeks (5% three to five months late, 5% never), reviewed about a year
-- later each time (a fifth of reviews one to four months late); the period's last one active, or ended when it ended.
DROP TABLE IF EXISTS gen_agreement;
CREATE TABLE gen_agreement (
    aid BIGINT PRIMARY KEY, pid INT, seg INT, supervisor INT, v INT, signed_on DATE, ended_on DATE NULL, last BOOLEAN
) ENGINE = InnoDB;
INSERT INTO gen_agreement
SELECT pe.pid * 100 + pe.seg * 20 + v.seq, pe.pid, pe.seg, pe.supervisor, v.seq,
       DATE_ADD(pe.from_date, INTERVAL
           CASE WHEN CRC32(CONCAT(pe.pid, pe.seg, 'a')) MOD 100 < 90 THEN 5 + CRC32(CONCAT(pe.pid, pe.seg, 'b')) MOD 35
                ELSE 100 + CRC32(CONCAT(pe.pid, pe.seg, 'b')) MOD 50 END
           + 365 * v.seq + IF(CRC32(CONCAT(pe.pid, pe.seg, v.seq, 'r')) MOD 100 < 20, 30 + CRC32(CONCAT(pe.pid, v.seq, 'r')) MOD 90, 0) DAY),
       pe.to_date, FALSE
FROM gen_period pe JOIN seq_0_to_15 v
WHERE CRC32(CONCAT(pe.pid, pe.seg, 'a')) MOD 100 < 95;
DELETE FROM gen_agreement WHERE signed_on > LEAST(@today, COALESCE(ended_on, @today));
UPDATE gen_agreement a JOIN (SELECT pid, seg, MAX(v) AS v FROM gen_agreement GROUP BY pid, seg) m ON m.pid = a.pid AND m.seg = a.seg AND m.v = a.v
SET a.last = TRUE;
INSERT INTO agreement (id, organisation_id, supervisee_id, supervisor_id, template_id, previous_version_id, version_number, status,
                       interval_weeks, duration_minutes, location, escalation_period, answers_json, content_hash, signed_at, review_due,
                       version, created_at, updated_at, ended_on)
SELECT CONCAT('b0000005-0000-4000-8000-', LPAD(aid, 12, '0')), @org, CONCAT('b0000003-0000-4000-8000-', LPAD(pid, 12, '0')),
       CONCAT('b0000003-0000-4000-8000-', LPAD(supervisor, 12, '0')), @agreement_template,
       IF(v = 0, NULL, CONCAT('b0000005-0000-4000-8000-', LPAD(aid - 1, 12, '0'))), v + 1,
       CASE WHEN NOT last THEN 'SUPERSEDED' WHEN ended_on IS NOT NULL THEN 'ENDED' ELSE 'ACTIVE' END,
       4, 90, 'Team room', NULL, '[]', SHA2(aid, 256), TIMESTAMP(signed_on, '12:00:00'), DATE_ADD(signed_on, INTERVAL 1 YEAR), 1,
       TIMESTAMP(DATE_SUB(signed_on, INTERVAL 3 DAY), '10:00:00'), TIMESTAMP(COALESCE(IF(last, ended_on, NULL), signed_on), '12:00:00'),
       IF(last, ended_on, NULL)
FROM gen_agreement;
INSERT INTO agreement_signature (id, agreement_id, party, signer_staff_id, signer_account_id, signed_at, content_hash)
SELECT CONCAT('b0000011-0000-4000-8000-', LPAD(800000000000 + a.aid * 2 + x.seq, 12, '0')), CONCAT('b0000005-0000-4000-8000-', LPAD(a.aid, 12, '0')),
       IF(x.seq = 0, 'SUPERVISOR', 'SUPERVISEE'),
       CONCAT('b0000003-0000-4000-8000-', LPAD(IF(x.seq = 0, a.supervisor, a.pid), 12, '0')),
       CONCAT('b0000006-0000-4000-8000-', LPAD(IF(x.seq = 0, a.supervisor, a.pid), 12, '0')),
       TIMESTAMP(a.signed_on, IF(x.seq = 0, '12:00:00', '11:00:00')), SHA2(a.aid, 256)
FROM gen_agreement a JOIN seq_0_to_1 x;

-- Actions: one from every other held one-to-one, due four weeks later and done by then (at the next session when
-- there is one); 4% are done one to three months late, and those still open now are overdue; open if not yet due.
DROP TABLE IF EXISTS gen_action;
CREATE TABLE gen_action (sid BIGINT PRIMARY KEY, pid INT, owner INT, created_on DATE, due DATE, done_on DATE NULL, closed_in BIGINT NULL)
ENGINE = InnoDB;
INSERT INTO gen_action
SELECT s.sid, s.pid, IF(s.roll MOD 3 = 0, s.supervisor, s.pid), s.meeting_date, DATE_ADD(s.meeting_date, INTERVAL 28 DAY),
       IF(CRC32(CONCAT(s.sid, 'o')) MOD 100 < 4, DATE_ADD(s.meeting_date, INTERVAL 58 + CRC32(CONCAT(s.sid, 'O')) MOD 60 DAY),
          COALESCE(LEAST(n.meeting_date, DATE_ADD(s.meeting_date, INTERVAL 28 DAY)), DATE_ADD(s.meeting_date, INTERVAL 21 DAY))),
       IF(CRC32(CONCAT(s.sid, 'o')) MOD 100 < 4, NULL, n.sid)
FROM gen_session s LEFT JOIN gen_session n ON n.sid = s.sid + 1 AND n.status IN ('RECORDED', 'SIGNED')
WHERE s.kind = 'ONE_TO_ONE' AND s.status IN ('RECORDED', 'SIGNED') AND s.sid MOD 2 = 0;
UPDATE gen_action SET done_on = NULL, closed_in = NULL WHERE done_on > @today;
INSERT INTO supervision_action (id, organisation_id, supervisee_id, owner_staff_id, text, due_date, status, last_review, last_review_note,
                                created_in_session_id, closed_in_session_id, version, created_at, updated_at)
SELECT CONCAT('b000000a-0000-4000-8000-', LPAD(sid, 12, '0')), @org, CONCAT('b0000003-0000-4000-8000-', LPAD(pid, 12, '0')),
       CONCAT('b0000003-0000-4000-8000-', LPAD(owner, 12, '0')), 'Update the chronology and share it with the family', due,
       IF(done_on IS NULL, 'OPEN', 'DONE'), IF(done_on IS NULL, NULL, 'DONE'), NULL, CONCAT('b0000004-0000-4000-8000-', LPAD(sid, 12, '0')),
       IF(closed_in IS NULL, NULL, CONCAT('b0000004-0000-4000-8000-', LPAD(closed_in, 12, '0'))), 1, TIMESTAMP(created_on, '17:00:00'),
       TIMESTAMP(COALESCE(done_on, created_on), '17:00:00')
FROM gen_action;

-- Children: three for each caseworker who held a post (posts 2 to 9 of a team), allocated to the last holder.
INSERT INTO child (id, organisation_id, name, case_number, date_of_birth, allocated_worker_id, version, created_at, updated_at)
SELECT CONCAT('b000000b-0000-4000-8000-', LPAD(p.pid * 4 + c.seq, 12, '0')), @org,
       CONCAT(ELT(1 + CRC32(CONCAT(p.pid, c.seq, 'k')) MOD 8, 'Tyler', 'Ruby', 'Noah', 'Maya', 'Leo', 'Zara', 'Kai', 'Ivy'), ' ', p.pid, '-', c.seq),
       CONCAT('CMS-', p.pid * 4 + c.seq), DATE_SUB(@today, INTERVAL 365 + CRC32(CONCAT(p.pid, c.seq, 'b')) MOD 5800 DAY),
       CONCAT('b0000003-0000-4000-8000-', LPAD(p.pid, 12, '0')), 1, @now, @now
FROM gen_person p JOIN seq_0_to_2 c WHERE p.r BETWEEN 1 AND 8;

-- A case discussion in each one-to-one of a caseworker that was recorded: signed with the record. The child's view
-- is recorded more often as time goes on (from about 45% at go-live to about 75% now); otherwise a reason is given.
DROP TABLE IF EXISTS gen_discussion;
CREATE TABLE gen_discussion (
    sid BIGINT PRIMARY KEY, pid INT, supervisor INT, g INT NULL, child INT, discussed_on DATE, signed_at DATETIME NULL, view_roll INT
) ENGINE = InnoDB;
INSERT INTO gen_discussion
SELECT s.sid, s.pid, s.supervisor, pe.g, s.pid * 4 + s.sid MOD 3, s.meeting_date, s.signed_at,
       CAST(CRC32(CONCAT(s.sid, 'v')) MOD 100 AS SIGNED) - 30 * DATEDIFF(s.meeting_date, @hist) DIV GREATEST(1, DATEDIFF(@today, @hist))
FROM gen_session s JOIN gen_person p ON p.pid = s.pid JOIN gen_period pe ON pe.pid = s.pid AND pe.seg = s.seg
WHERE s.kind = 'ONE_TO_ONE' AND s.status IN ('RECORDED', 'SIGNED') AND p.r BETWEEN 1 AND 8;
INSERT INTO case_discussion (id, organisation_id, child_id, supervisee_id, supervisor_id, session_id, template_id, discussed_on, status,
                             content_json, child_view_status, content_hash, signed_at, version, content_version, created_at, updated_at)
SELECT CONCAT('b000000c-0000-4000-8000-', LPAD(sid, 12, '0')), @org, CONCAT('b000000b-0000-4000-8000-', LPAD(child, 12, '0')),
       CONCAT('b0000003-0000-4000-8000-', LPAD(pid, 12, '0')), CONCAT('b0000003-0000-4000-8000-', LPAD(supervisor, 12, '0')),
       CONCAT('b0000004-0000-4000-8000-', LPAD(sid, 12, '0')), @cd_template, discussed_on, IF(signed_at IS NULL, 'DRAFT', 'SIGNED'),
       CONCAT('{"answers":[],"childVoice":',
              CASE WHEN view_roll < 45 THEN '{"status":"RECORDED","view":"Seen alone; wants to stay at the same school.","seenAlone":true}'
                   WHEN view_roll < 60 THEN '{"status":"NOT_OBTAINED","reason":"TOO_YOUNG"}'
                   WHEN view_roll < 85 THEN '{"status":"NOT_OBTAINED","reason":"NOT_SEEN_SINCE_LAST_DISCUSSION"}'
                   ELSE '{"status":"NOT_OBTAINED","reason":"DECLINED"}' END, '}'),
       IF(view_roll < 45, 'RECORDED', 'NOT_OBTAINED'), IF(signed_at IS NULL, NULL, SHA2(CONCAT('cd', sid), 256)), signed_at, 1, 1,
       TIMESTAMP(discussed_on, '15:00:00'), COALESCE(signed_at, TIMESTAMP(discussed_on, '15:00:00'))
FROM gen_discussion;
INSERT INTO case_discussion_signature (id, case_discussion_id, signer_staff_id, signer_account_id, signed_at, content_hash)
SELECT CONCAT('b0000011-0000-4000-8000-', LPAD(900000000000 + d.sid * 2 + x.seq, 12, '0')), CONCAT('b000000c-0000-4000-8000-', LPAD(d.sid, 12, '0')),
       CONCAT('b0000003-0000-4000-8000-', LPAD(IF(x.seq = 0, d.supervisor, d.pid), 12, '0')),
       CONCAT('b0000006-0000-4000-8000-', LPAD(IF(x.seq = 0, d.supervisor, d.pid), 12, '0')), d.signed_at, SHA2(CONCAT('cd', d.sid), 256)
FROM gen_discussion d JOIN seq_0_to_1 x WHERE d.signed_at IS NOT NULL;

-- Decisions: from 60% of the signed discussions, and a management decision between sessions after 10% of them;
-- the case management system files 78% within a day, 17% within five, 5% never.
DROP TABLE IF EXISTS gen_decision;
CREATE TABLE gen_decision (
    did BIGINT PRIMARY KEY, sid BIGINT, kind VARCHAR(20), pid INT, supervisor INT, g INT NULL, child INT, signed_at DATETIME
) ENGINE = InnoDB;
INSERT INTO gen_decision
SELECT sid * 2, sid, 'CASE_DISCUSSION', pid, supervisor, g, child, signed_at FROM gen_discussion
WHERE signed_at IS NOT NULL AND CRC32(CONCAT(sid, 'd')) MOD 100 < 60;
INSERT INTO gen_decision
SELECT sid * 2 + 1, sid, 'MANAGEMENT', pid, supervisor, g, pid * 4 + (sid + 1) MOD 3, TIMESTAMP(DATE_ADD(discussed_on, INTERVAL 9 DAY), '11:15:00')
FROM gen_discussion WHERE CRC32(CONCAT(sid, 'z')) MOD 100 < 10 AND DATE_ADD(discussed_on, INTERVAL 9 DAY) < @today;
INSERT INTO case_decision (id, organisation_id, feed_position, kind, child_id, case_discussion_id, worker_staff_id, team_id, decision_text,
                           rationale, made_by_staff_id, made_by_account_id, decided_at, signed_at, content_hash)
SELECT CONCAT('b000000d-0000-4000-8000-', LPAD(did, 12, '0')), @org, did, kind, CONCAT('b000000b-0000-4000-8000-', LPAD(child, 12, '0')),
       IF(kind = 'CASE_DISCUSSION', CONCAT('b000000c-0000-4000-8000-', LPAD(sid, 12, '0')), NULL),
       CONCAT('b0000003-0000-4000-8000-', LPAD(pid, 12, '0')), IF(g IS NULL, NULL, CONCAT('b0000002-0000-4000-8000-', LPAD(g, 12, '0'))),
       'Step down to child in need; review in three months.', NULL,
       CONCAT('b0000003-0000-4000-8000-', LPAD(supervisor, 12, '0')), CONCAT('b0000006-0000-4000-8000-', LPAD(supervisor, 12, '0')),
       signed_at, signed_at, SHA2(CONCAT('d', did), 256)
FROM gen_decision;
INSERT INTO case_decision_acknowledgement (decision_id, organisation_id, client_id, filed_as, acknowledged_at)
SELECT CONCAT('b000000d-0000-4000-8000-', LPAD(did, 12, '0')), @org, 'bench-cms', CONCAT('CMS-NOTE-', did),
       DATE_ADD(signed_at, INTERVAL IF(CRC32(CONCAT(did, 'f')) MOD 100 < 78, 1 + CRC32(CONCAT(did, 'h')) MOD 20, 25 + CRC32(CONCAT(did, 'h')) MOD 96) HOUR)
FROM gen_decision
WHERE CRC32(CONCAT(did, 'f')) MOD 100 < 95
  AND DATE_ADD(signed_at, INTERVAL IF(CRC32(CONCAT(did, 'f')) MOD 100 < 78, 1 + CRC32(CONCAT(did, 'h')) MOD 20, 25 + CRC32(CONCAT(did, 'h')) MOD 96) HOUR) < @now;

-- Audits. Quarters from go-live's to the last complete one: the QA manager's sample (2% of posts, drawn from the
-- caseworkers in post at the quarter's start), and each month each service manager audits one file of the team
-- whose turn it is (12% of months missed). Grades: 15% Outstanding, 55% Good, 25% Requires improvement, 5%
-- Inadequate; ratings (1 = Excellent .. 5 = Poor) around the grade.
DROP TABLE IF EXISTS gen_audit;
CREATE TABLE gen_audit (
    aid BIGINT PRIMARY KEY, kind VARCHAR(30), sample INT NULL, pid INT, supervisor INT, g INT NULL, auditor INT, audited_on DATE,
    quarter VARCHAR(7), grade_roll INT
) ENGINE = InnoDB;
DROP TABLE IF EXISTS gen_quarter;
CREATE TABLE gen_quarter (q INT PRIMARY KEY, starts DATE) ENGINE = InnoDB;
INSERT INTO gen_quarter
SELECT seq, DATE_ADD(MAKEDATE(YEAR(@hist), 1), INTERVAL QUARTER(@hist) - 1 + seq QUARTER) FROM seq_0_to_60
WHERE DATE_ADD(MAKEDATE(YEAR(@hist), 1), INTERVAL QUARTER(@hist) - 1 + seq + 1 QUARTER) <= @today;
INSERT INTO audit_sample (id, organisation_id, quarter, sample_size, seed, eligible_count, drawn_by_staff_id, drawn_by_account_id, drawn_at)
SELECT CONCAT('b0000012-0000-4000-8000-', LPAD(q, 12, '0')), @org, CONCAT(YEAR(starts), '-Q', QUARTER(starts)), CEIL(@staff / 50), q * 7919,
       @staff, CONCAT('b0000003-0000-4000-8000-', LPAD(600002, 12, '0')), CONCAT('b0000006-0000-4000-8000-', LPAD(600002, 12, '0')),
       TIMESTAMP(DATE_ADD(starts, INTERVAL 5 DAY), '10:00:00')
FROM gen_quarter;
INSERT INTO gen_audit
SELECT 1000000000 + q.q * 1000000 + pe.pid, 'QA_SAMPLE', q.q, pe.pid, pe.supervisor, pe.g, 600002,
       DATE_ADD(q.starts, INTERVAL 10 + CRC32(CONCAT(q.q, pe.pid, 'o')) MOD 70 DAY), CONCAT(YEAR(q.starts), '-Q', QUARTER(q.starts)),
       CRC32(CONCAT(q.q, pe.pid, 'g')) MOD 100
FROM gen_quarter q JOIN gen_period pe ON pe.from_date <= q.starts AND (pe.to_date IS NULL OR pe.to_date >= DATE_ADD(q.starts, INTERVAL 3 MONTH))
JOIN gen_person p ON p.pid = pe.pid
WHERE p.r BETWEEN 1 AND 8 AND CRC32(CONCAT(q.q, ':', pe.pid)) MOD 1000 < 25;
INSERT INTO audit_sample_file (sample_id, position, supervisee_id, team_id, service_id)
SELECT CONCAT('b0000012-0000-4000-8000-', LPAD(sample, 12, '0')), ROW_NUMBER() OVER (PARTITION BY sample ORDER BY aid),
       CONCAT('b0000003-0000-4000-8000-', LPAD(pid, 12, '0')), CONCAT('b0000002-0000-4000-8000-', LPAD(g, 12, '0')),
       CONCAT('b0000001-0000-4000-8000-', LPAD(g DIV 25 + 1, 12, '0'))
FROM gen_audit WHERE kind = 'QA_SAMPLE';
-- Monthly: service s audits month m in team s*25 + m mod (its teams), the supervisee whose CRC32 is smallest.
INSERT INTO gen_audit
SELECT 2000000000 + x.m * 100000 + x.s, 'SERVICE_MANAGER_MONTHLY', NULL, x.pid, x.supervisor, x.g, 500000 + x.s, x.audited_on,
       CONCAT(YEAR(x.audited_on), '-Q', QUARTER(x.audited_on)), CRC32(CONCAT(x.m, x.s, 'g')) MOD 100
FROM (
    SELECT m.seq AS m, sv.seq AS s, pe.pid, pe.supervisor, pe.g,
           DATE_ADD(DATE_ADD(@hist, INTERVAL m.seq MONTH), INTERVAL 5 + sv.seq MOD 20 DAY) AS audited_on,
           ROW_NUMBER() OVER (PARTITION BY m.seq, sv.seq ORDER BY CRC32(CONCAT(m.seq, ':', pe.pid))) AS pick
    FROM seq_0_to_130 m JOIN seq_0_to_10000 sv ON sv.seq < @services
    JOIN gen_period pe ON pe.g = sv.seq * 25 + m.seq MOD LEAST(25, @teams - sv.seq * 25)
         AND pe.from_date <= DATE_ADD(@hist, INTERVAL m.seq MONTH) AND (pe.to_date IS NULL OR pe.to_date >= DATE_ADD(@hist, INTERVAL m.seq + 1 MONTH))
    JOIN gen_person p ON p.pid = pe.pid AND p.r BETWEEN 1 AND 8
    WHERE DATE_ADD(DATE_ADD(@hist, INTERVAL m.seq MONTH), INTERVAL 5 + sv.seq MOD 20 DAY) < @today
      AND CRC32(CONCAT(m.seq, ':', sv.seq, 'miss')) MOD 100 >= 12
) x WHERE x.pick = 1;
INSERT INTO file_audit (id, organisation_id, kind, sample_id, supervisee_id, supervisor_id, team_id, service_id, auditor_staff_id,
                        auditor_account_id, auditor_post, period_from, period_to, audited_on, quarter, template_id, status, content_json,
                        grade, content_hash, completed_at, noted_on_session_id, version, created_at, updated_at)
SELECT CONCAT('b000000e-0000-4000-8000-', LPAD(aid, 12, '0')), @org, kind,
       IF(sample IS NULL, NULL, CONCAT('b0000012-0000-4000-8000-', LPAD(sample, 12, '0'))),
       CONCAT('b0000003-0000-4000-8000-', LPAD(pid, 12, '0')), CONCAT('b0000003-0000-4000-8000-', LPAD(supervisor, 12, '0')),
       CONCAT('b0000002-0000-4000-8000-', LPAD(g, 12, '0')), CONCAT('b0000001-0000-4000-8000-', LPAD(g DIV 25 + 1, 12, '0')),
       CONCAT('b0000003-0000-4000-8000-', LPAD(auditor, 12, '0')), CONCAT('b0000006-0000-4000-8000-', LPAD(auditor, 12, '0')),
       IF(kind = 'QA_SAMPLE', 'Quality Assurance Manager', 'Service Manager'),
       DATE_SUB(audited_on, INTERVAL 3 MONTH), audited_on, audited_on, quarter, @audit_template,
       IF(audited_on < @today, 'COMPLETED', 'DRAFT'), '{"answers":[]}',
       IF(audited_on < @today, ELT(1 + (grade_roll >= 15) + (grade_roll >= 70) + (grade_roll >= 95), 'OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE'), NULL),
       IF(audited_on < @today, SHA2(CONCAT('a', aid), 256), NULL), IF(audited_on < @today, TIMESTAMP(audited_on, '15:00:00'), NULL), NULL, 1,
       TIMESTAMP(audited_on, '09:00:00'), TIMESTAMP(audited_on, '15:00:00')
FROM gen_audit;
INSERT INTO file_audit_signature (id, file_audit_id, signer_staff_id, signer_account_id, signed_at, content_hash)
SELECT CONCAT('b0000011-0000-4000-8000-', LPAD(700000000000 + aid, 12, '0')), CONCAT('b000000e-0000-4000-8000-', LPAD(aid, 12, '0')),
       CONCAT('b0000003-0000-4000-8000-', LPAD(auditor, 12, '0')), CONCAT('b0000006-0000-4000-8000-', LPAD(auditor, 12, '0')),
       TIMESTAMP(audited_on, '15:00:00'), SHA2(CONCAT('a', aid), 256)
FROM gen_audit WHERE audited_on < @today;
INSERT INTO file_audit_rating (file_audit_id, item_key, organisation_id, service_id, quarter, function_tag, rating)
SELECT CONCAT('b000000e-0000-4000-8000-', LPAD(a.aid, 12, '0')), i.item_key, @org, CONCAT('b0000001-0000-4000-8000-', LPAD(a.g DIV 25 + 1, 12, '0')),
       a.quarter, i.function_tag,
       LEAST(5, GREATEST(1, 1 + (a.grade_roll >= 15) + (a.grade_roll >= 70) + (a.grade_roll >= 95) + CRC32(CONCAT(a.aid, i.item_key)) MOD 3 - 1))
FROM gen_audit a JOIN template_item i ON i.template_id = @audit_template AND i.answer_type = 'RATING_1_5'
WHERE a.audited_on < @today;

-- Part 2: invited after every completed QA sample audit (70% answer) and in a yearly round to everyone in post in
-- each service (55% answer). Ratings 1 = Very good .. 5 = Very poor, mostly Good.
DROP TABLE IF EXISTS gen_response;
CREATE TABLE gen_response (
    rid BIGINT PRIMARY KEY, pid INT, supervisor INT, g INT NULL, audit BIGINT NULL, round_no INT NULL, issued DATE, answered BOOLEAN
) ENGINE = InnoDB;
INSERT INTO gen_response
SELECT aid, pid, supervisor, g, aid, NULL, audited_on, CRC32(CONCAT(aid, 'p')) MOD 100 < 70
FROM gen_audit WHERE kind = 'QA_SAMPLE' AND audited_on < @today;
INSERT INTO questionnaire_round (id, organisation_id, team_id, service_id, issued_by_account_id, issued_by_staff_id, issued_at, expires_on,
                                 invitation_count)
SELECT CONCAT('b0000013-0000-4000-8000-', LPAD(y.seq * 10000 + sv.seq, 12, '0')), @org, NULL,
       CONCAT('b0000001-0000-4000-8000-', LPAD(sv.seq + 1, 12, '0')),
       CONCAT('b0000006-0000-4000-8000-', LPAD(600002, 12, '0')), CONCAT('b0000003-0000-4000-8000-', LPAD(600002, 12, '0')),
       TIMESTAMP(DATE_ADD(@hist, INTERVAL 3 + 12 * y.seq MONTH), '09:00:00'), DATE_ADD(@hist, INTERVAL 4 + 12 * y.seq MONTH), 0
FROM seq_0_to_20 y JOIN seq_0_to_10000 sv ON sv.seq < @services
WHERE DATE_ADD(@hist, INTERVAL 4 + 12 * y.seq MONTH) < @today;
INSERT INTO gen_response
SELECT 3000000000 + y.seq * 10000000 + pe.pid, pe.pid, pe.supervisor, pe.g, NULL, y.seq * 10000 + pe.g DIV 25,
       DATE_ADD(@hist, INTERVAL 3 + 12 * y.seq MONTH), CRC32(CONCAT(y.seq, pe.pid, 'p')) MOD 100 < 55
FROM seq_0_to_20 y JOIN gen_period pe ON pe.from_date <= DATE_ADD(@hist, INTERVAL 3 + 12 * y.seq MONTH)
     AND (pe.to_date IS NULL OR pe.to_date >= DATE_ADD(@hist, INTERVAL 3 + 12 * y.seq MONTH))
JOIN gen_person p ON p.pid = pe.pid AND p.r BETWEEN 1 AND 9
WHERE DATE_ADD(@hist, INTERVAL 4 + 12 * y.seq MONTH) < @today;
UPDATE questionnaire_round r JOIN (SELECT round_no, COUNT(*) AS c FROM gen_response WHERE round_no IS NOT NULL GROUP BY round_no) x
    ON r.id = CONCAT('b0000013-0000-4000-8000-', LPAD(x.round_no, 12, '0'))
SET r.invitation_count = x.c;
INSERT INTO questionnaire_invitation (id, organisation_id, invitee_staff_id, supervisor_id, team_id, service_id, template_id, audit_id, round_id,
                                      issued_at, expires_at, reminded_at, answered_at, version)
SELECT CONCAT('b0000010-0000-4000-8000-', LPAD(rid, 12, '0')), @org, CONCAT('b0000003-0000-4000-8000-', LPAD(pid, 12, '0')),
       CONCAT('b0000003-0000-4000-8000-', LPAD(supervisor, 12, '0')), CONCAT('b0000002-0000-4000-8000-', LPAD(g, 12, '0')),
       CONCAT('b0000001-0000-4000-8000-', LPAD(g DIV 25 + 1, 12, '0')), @q_template,
       IF(audit IS NULL, NULL, CONCAT('b000000e-0000-4000-8000-', LPAD(audit, 12, '0'))),
       IF(round_no IS NULL, NULL, CONCAT('b0000013-0000-4000-8000-', LPAD(round_no, 12, '0'))),
       TIMESTAMP(issued, '09:00:00'), TIMESTAMP(DATE_ADD(issued, INTERVAL 1 MONTH), '09:00:00'),
       TIMESTAMP(DATE_ADD(issued, INTERVAL 14 DAY), '09:00:00'), IF(answered, TIMESTAMP(DATE_ADD(issued, INTERVAL 3 DAY), '19:00:00'), NULL), 1
FROM gen_response WHERE issued < @today;
-- Responses name no one and are not in invitation order: their ids scramble the generator's number (a bijection).
INSERT INTO questionnaire_response (id, organisation_id, template_id, quarter, supervisor_id, team_id, service_id, audit_id, comment_text)
SELECT CONCAT('b000000f-0000-4000-8000-', LPAD(CAST(rid AS DECIMAL(30)) * 2654435761 MOD 549755813888, 12, '0')), @org, @q_template,
       CONCAT(YEAR(issued), '-Q', QUARTER(issued)), CONCAT('b0000003-0000-4000-8000-', LPAD(supervisor, 12, '0')),
       CONCAT('b0000002-0000-4000-8000-', LPAD(g, 12, '0')), CONCAT('b0000001-0000-4000-8000-', LPAD(g DIV 25 + 1, 12, '0')),
       IF(audit IS NULL, NULL, CONCAT('b000000e-0000-4000-8000-', LPAD(audit, 12, '0'))), NULL
FROM gen_response WHERE answered AND issued < @today;
INSERT INTO questionnaire_answer (response_id, item_key, rating)
SELECT CONCAT('b000000f-0000-4000-8000-', LPAD(CAST(r.rid AS DECIMAL(30)) * 2654435761 MOD 549755813888, 12, '0')), i.item_key,
       1 + (x.roll >= 30) + (x.roll >= 70) + (x.roll >= 88) + (x.roll >= 96)
FROM gen_response r JOIN template_item i ON i.template_id = @q_template
JOIN (SELECT seq AS roll FROM seq_0_to_99) x ON x.roll = CRC32(CONCAT(r.rid, i.item_key)) MOD 100
WHERE r.answered AND r.issued < @today;

DROP TABLE gen_person, gen_period, gen_session, gen_action, gen_agreement, gen_discussion, gen_decision, gen_audit, gen_quarter, gen_response;

ANALYZE TABLE staff, staff_team_history, staff_attribute_change, supervision_relation, account, role_grant, supervision_session,
              session_participant, session_record, record_signature, agreement, agreement_signature, supervision_action, child,
              case_discussion, case_discussion_signature, case_decision, case_decision_acknowledgement, audit_sample, audit_sample_file,
              file_audit, file_audit_signature, file_audit_rating, questionnaire_round, questionnaire_invitation, questionnaire_response,
              questionnaire_answer;
