-- Issue 9: the Part 2 questionnaire's one reminder is sent by a scheduled job, one node at a time.
INSERT INTO scheduler_lease (name, holder, lease_until) VALUES ('questionnaire-reminders', NULL, NULL);
