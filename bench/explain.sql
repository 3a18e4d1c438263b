-- EXPLAIN of the cycle's queries on the bench database (bench/run.sh seeds it):
--   mariadb -uroot supervision_bench < bench/explain.sql
-- The shapes are those the service sends (decision 0020); look for "Using filesort" over many rows or a
-- large "rows" estimate on a list that returns a page.
SET @org = (SELECT id FROM organisation WHERE code = 'DEMO');
SET @me = '00000000-0000-4000-8000-000000000001';   -- bench-manager-01
SET @sup = '00000000-0000-4000-8000-000000000002';  -- one of their supervisees
SET @today = UTC_DATE();

SELECT 'sessions awaiting my signature (supervisorId + status, my scope)' AS query;
EXPLAIN SELECT s.id FROM supervision_session s WHERE s.organisation_id = @org
  AND (s.supervisor_id = @me OR EXISTS (SELECT 1 FROM session_participant p JOIN staff e ON e.id = p.supervisee_id
       WHERE p.session_id = s.id AND (p.supervisee_id IN (@me, @sup))))
  AND s.supervisor_id = @me AND s.status = 'RECORDED' ORDER BY s.meeting_date, s.start_time, s.id LIMIT 51;

SELECT 'sessions awaiting signature across the organisation (QA, organisation-wide manager)' AS query;
EXPLAIN SELECT s.id FROM supervision_session s WHERE s.organisation_id = @org AND s.status = 'RECORDED'
  ORDER BY s.meeting_date, s.start_time, s.id LIMIT 51;

SELECT 'a supervisee''s sessions to sign' AS query;
EXPLAIN SELECT s.id FROM supervision_session s WHERE s.organisation_id = @org
  AND EXISTS (SELECT 1 FROM session_participant q WHERE q.session_id = s.id AND q.supervisee_id = @sup)
  AND s.status = 'RECORDED' ORDER BY s.meeting_date, s.start_time, s.id LIMIT 51;

SELECT 'sessions list from today (my scope)' AS query;
EXPLAIN SELECT s.id FROM supervision_session s WHERE s.organisation_id = @org
  AND (s.supervisor_id = @me OR EXISTS (SELECT 1 FROM session_participant p JOIN staff e ON e.id = p.supervisee_id
       WHERE p.session_id = s.id AND (p.supervisee_id IN (@me, @sup))))
  AND s.meeting_date >= @today ORDER BY s.meeting_date, s.start_time, s.id LIMIT 51;

SELECT 'dashboard: held one-to-ones (UNION ALL)' AS query;
EXPLAIN SELECT 1, p.supervisee_id, MAX(s.meeting_date) FROM supervision_session s JOIN session_participant p ON p.session_id = s.id
  WHERE p.supervisee_id IN (@sup) AND s.kind = 'ONE_TO_ONE' AND s.status IN ('HELD', 'RECORDED', 'SIGNED') GROUP BY p.supervisee_id
  UNION ALL SELECT 0, p.supervisee_id, s.meeting_date FROM supervision_session s JOIN session_participant p ON p.session_id = s.id
  WHERE p.supervisee_id IN (@sup) AND s.kind = 'ONE_TO_ONE' AND s.status IN ('HELD', 'RECORDED', 'SIGNED')
  AND s.meeting_date >= DATE_SUB(@today, INTERVAL 13 MONTH) ORDER BY 1;

SELECT 'dashboard: agreements with their signed terms' AS query;
EXPLAIN SELECT a.supervisee_id, a.id, a.status, a.interval_weeks, a.signed_at, si.content_json, si.created_at FROM agreement a
  LEFT JOIN signed_item si ON si.item_type = 'AGREEMENT' AND si.item_id = a.id AND a.status = 'ACTIVE'
  WHERE a.supervisee_id IN (@sup) AND a.status IN ('ACTIVE', 'AWAITING_SIGNATURES');

SELECT 'dashboard: next planned, held awaiting a record, overdue actions' AS query;
EXPLAIN SELECT p.supervisee_id AS next_for, s.* FROM supervision_session s JOIN session_participant p ON p.session_id = s.id
  WHERE p.supervisee_id IN (@sup) AND s.status = 'PLANNED' AND s.meeting_date >= @today ORDER BY s.meeting_date, s.start_time, s.id;
EXPLAIN SELECT p.supervisee_id, COUNT(*) FROM supervision_session s JOIN session_participant p ON p.session_id = s.id
  WHERE p.supervisee_id IN (@sup) AND s.status IN ('HELD', 'RECORDED') GROUP BY p.supervisee_id;
EXPLAIN SELECT supervisee_id, COUNT(*) FROM supervision_action WHERE supervisee_id IN (@sup) AND status = 'OPEN'
  AND due_date < @today GROUP BY supervisee_id;

SELECT 'access: supervisees below me (recursive)' AS query;
EXPLAIN WITH RECURSIVE below (id, depth) AS (SELECT supervisee_id, 1 FROM supervision_relation WHERE supervisor_id = @me
  AND from_date <= @today AND (to_date IS NULL OR to_date >= @today) UNION ALL SELECT r.supervisee_id, b.depth + 1
  FROM supervision_relation r JOIN below b ON r.supervisor_id = b.id WHERE b.depth < 6 AND r.from_date <= @today
  AND (r.to_date IS NULL OR r.to_date >= @today)) SELECT DISTINCT id FROM below WHERE id <> @me;

SELECT 'actions list across the organisation (QA), due-date order' AS query;
EXPLAIN SELECT a.id, a.due_date FROM supervision_action a JOIN staff e ON e.id = a.supervisee_id WHERE a.organisation_id = @org
  ORDER BY a.due_date, a.id LIMIT 51;
SELECT 'actions list in my scope' AS query;
EXPLAIN SELECT a.id, a.due_date FROM supervision_action a JOIN staff e ON e.id = a.supervisee_id WHERE a.organisation_id = @org
  AND (a.supervisee_id IN (@me, @sup) OR a.owner_staff_id = @me) ORDER BY a.due_date, a.id LIMIT 51;

SELECT 'agreements list awaiting signatures across the organisation' AS query;
EXPLAIN SELECT a.id FROM agreement a JOIN staff e ON e.id = a.supervisee_id WHERE a.organisation_id = @org
  AND a.status = 'AWAITING_SIGNATURES' ORDER BY a.id DESC LIMIT 51;
SELECT 'agreements list in my scope' AS query;
EXPLAIN SELECT a.id FROM agreement a JOIN staff e ON e.id = a.supervisee_id WHERE a.organisation_id = @org
  AND (a.supervisee_id IN (@me, @sup) OR a.supervisor_id = @me) ORDER BY a.id DESC LIMIT 51;

SELECT 'activity log: the organisation, newest first; one person as subject; one record' AS query;
EXPLAIN SELECT l.id FROM activity_log l LEFT JOIN account a ON a.id = l.actor_account_id WHERE l.organisation_id = @org
  ORDER BY l.occurred_at DESC, l.id DESC LIMIT 51;
EXPLAIN SELECT l.id FROM activity_log_subject s JOIN activity_log l ON l.id = s.activity_id LEFT JOIN account a ON a.id = l.actor_account_id
  WHERE l.organisation_id = @org AND s.subject_staff_id = @sup ORDER BY s.occurred_at DESC, s.activity_id DESC LIMIT 51;
EXPLAIN SELECT l.id FROM activity_log l WHERE l.organisation_id = @org AND l.entity_type = 'supervision_session'
  AND l.entity_id = '00000001-0000-4000-8000-000000002100' ORDER BY l.occurred_at DESC, l.id DESC LIMIT 51;
