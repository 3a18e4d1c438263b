-- Agreement templates (issue 7, items 4 and 5; decision 0015).
-- 1. Each fact is asked once, where the rules read it: the agreement's own fields (interval, length, place,
--    escalation period) are what the schedule and the agreement page read, so the template items that
--    asked the same facts again are retired in a new version of each agreement template. Version 1 stays:
--    an agreement keeps the template version it was made with (DOMAIN section 3).
-- 2. Coventry's Individual Supervision Agreement of the February 2015 policy ships as a second agreement
--    text an organisation may choose instead of its profile's own (organisation_policy.agreement_template_id).
-- Template ids follow V002 with the version in the last block: 00000000-0000-7000-81PP-000000000VKK;
-- item ids 00000000-0000-7000-82PP-0VKK0000NNNN. Plain ASCII, standard SQL: runs on MySQL, MariaDB and H2.

-- A template's variant names a text offered beside the profile's own (NULL: the profile's own text).
-- Versions of one variant succeed each other; the newest version of a variant is the one drafted from.
ALTER TABLE policy_template ADD COLUMN variant VARCHAR(60) NULL;

-- The agreement text an organisation chose (any version of it: the newest version of that variant is
-- used); NULL keeps its profile's own agreement template.
ALTER TABLE organisation_policy ADD COLUMN agreement_template_id CHAR(36) NULL;
ALTER TABLE organisation_policy ADD CONSTRAINT fk_orgpol_agreement_template
    FOREIGN KEY (agreement_template_id) REFERENCES policy_template (id);

INSERT INTO policy_template (id, profile_id, kind, version, title, source, created_at, variant) VALUES
('00000000-0000-7000-8101-000000000201', '00000000-0000-7000-8000-000000000001', 'AGREEMENT', 2, 'Supervision contract discussion and agreement (Appendix 1)',
 'Coventry City Council Children''s Services Social Work Supervision Policy, November 2016, Appendix 1: Supervision Contract Discussion and Agreement. Version 2: frequency, place, length and the escalation period are asked once, in the agreement''s own fields', '2026-12-02 00:00:00', NULL),
('00000000-0000-7000-8102-000000000201', '00000000-0000-7000-8000-000000000002', 'AGREEMENT', 2, 'Supervision agreement (BIC 532)',
 'Central Bedfordshire Council Supervision Procedure for Children''s Services Staff, 2012, Appendix: Supervision Agreement (BIC 532, procedure section 9). Version 2: the agreed frequency, length and place are asked once, in the agreement''s own fields', '2026-12-02 00:00:00', NULL),
('00000000-0000-7000-8103-000000000201', '00000000-0000-7000-8000-000000000003', 'AGREEMENT', 2, 'Supervision contract discussion and agreement (copy of Coventry Appendix 1)',
 'Copy of the Supervision Contract Discussion and Agreement of the Coventry Supervision Policy, November 2016, Appendix 1. Version 2: frequency, place, length and the escalation period are asked once, in the agreement''s own fields', '2026-12-02 00:00:00', NULL),
('00000000-0000-7000-8101-000000000301', '00000000-0000-7000-8000-000000000001', 'AGREEMENT', 3, 'Individual Supervision Agreement (February 2015 policy, Appendix 1)',
 'Coventry City Council Children''s Services Supervision Policy, February 2015, Appendix 1: The Individual Supervision Agreement (in the cabinet member pack of 14 April 2016). Supervisee, supervisor, team, frequency, duration, location and the escalation period are the agreement''s own fields', '2026-12-02 00:00:00', 'INDIVIDUAL_AGREEMENT_2015');

-- Version 2 of each agreement template: version 1's items less the ones that repeat the agreement's fields.
INSERT INTO template_item (id, template_id, position, item_key, section, label, hint, answer_type, function_tag, required)
SELECT CONCAT('00000000-0000-7000-8201-0201', SUBSTRING(id, 29)), '00000000-0000-7000-8101-000000000201',
       position, item_key, section, label, hint, answer_type, function_tag, required
FROM template_item
WHERE template_id = '00000000-0000-7000-8101-000000000001' AND item_key NOT IN ('frequency_place_length', 'escalation_period');

INSERT INTO template_item (id, template_id, position, item_key, section, label, hint, answer_type, function_tag, required)
SELECT CONCAT('00000000-0000-7000-8202-0201', SUBSTRING(id, 29)), '00000000-0000-7000-8102-000000000201',
       position, item_key, section, label, hint, answer_type, function_tag, required
FROM template_item
WHERE template_id = '00000000-0000-7000-8102-000000000001' AND item_key NOT IN ('agreed_frequency', 'session_length', 'place');

INSERT INTO template_item (id, template_id, position, item_key, section, label, hint, answer_type, function_tag, required)
SELECT CONCAT('00000000-0000-7000-8203-0201', SUBSTRING(id, 29)), '00000000-0000-7000-8103-000000000201',
       position, item_key, section, label, hint, answer_type, function_tag, required
FROM template_item
WHERE template_id = '00000000-0000-7000-8103-000000000001' AND item_key NOT IN ('frequency_place_length', 'escalation_period');

-- Coventry, February 2015, Appendix 1: The Individual Supervision Agreement. Its fixed commitments are
-- clauses (no answer); its blanks are the agreement's own fields; each version of an agreement (the first
-- and every review) carries its own pair of signatures.
INSERT INTO template_item (id, template_id, position, item_key, section, label, hint, answer_type, function_tag, required) VALUES
('00000000-0000-7000-8201-030100000001', '00000000-0000-7000-8101-000000000301', 1, 'clause_venue_interruptions', 'Sessions',
 'The venue for our supervision sessions has been mutually agreed. Interruptions will be kept to a minimum and ideally be avoided completely. We shall not usually make or accept telephone calls during our supervision sessions unless previously agreed by both of us and for operational reasons. Meetings will not be held in a place that would inconvenience service users.',
 NULL, 'CLAUSE', NULL, FALSE),
('00000000-0000-7000-8201-030100000002', '00000000-0000-7000-8101-000000000301', 2, 'clause_mutual_respect', 'Our working relationship',
 'Our supervision relationship will be based upon mutual respect for each other''s skills, knowledge and experience. We understand the requirements of the Supervision Policy and Performance and Development Reviews. Any performance management issues will be highlighted and action taken in a timely and fair way according to organisational policies and procedures.',
 NULL, 'CLAUSE', NULL, FALSE),
('00000000-0000-7000-8201-030100000003', '00000000-0000-7000-8101-000000000301', 3, 'clause_information_respected', 'Our working relationship',
 'All information between supervisor and supervisee will be treated with respect and in a professional manner.',
 NULL, 'CLAUSE', NULL, FALSE),
('00000000-0000-7000-8201-030100000004', '00000000-0000-7000-8101-000000000301', 4, 'clause_preparation_agenda', 'Preparation and recording',
 'Formal supervision sessions will be structured, with preparation work having been carried out by both the supervisor and the supervisee, and, where possible, an agenda will be set a few days before the supervision session. Any major issues requiring detailed discussion should be put in writing and distributed a few days before the supervision session. Both parties will prioritise the agenda items at the beginning of the session in order to make the most effective use of time.',
 NULL, 'CLAUSE', NULL, FALSE),
('00000000-0000-7000-8201-030100000005', '00000000-0000-7000-8101-000000000301', 5, 'clause_recording', 'Preparation and recording',
 'All supervision sessions will be recorded including areas covered, discussion points (including reflection on practice), agreed action points, timescales, by whom action will be taken. The record will be available to both the supervisor and the supervisee and can be accessed by the supervisor''s manager or any other person with a reason to access the supervision record, as necessary.',
 NULL, 'CLAUSE', NULL, FALSE),
('00000000-0000-7000-8201-030100000006', '00000000-0000-7000-8101-000000000301', 6, 'clause_case_decisions', 'Preparation and recording',
 'Where recording relates to a management decision on a case or a casework discussion this will be recorded as a discussion or decision on the electronic file by either the manager or supervisee.',
 NULL, 'CLAUSE', NULL, FALSE),
('00000000-0000-7000-8201-030100000007', '00000000-0000-7000-8101-000000000301', 7, 'clause_joint_commitment', 'Commitment and review',
 'This is an agreement we have entered into in order to ensure effective, reflective and supportive supervision. It demonstrates a joint commitment to the supervision process and serves as a reminder of the professional responsibilities we have towards each other and the organisation we work in. Either of us may seek to re-negotiate the agreement if we feel it is necessary. The agreement will be reviewed by the supervisor and the supervisee on an annual basis.',
 'Each review makes a new version of this agreement, signed again by both of you.', 'CLAUSE', NULL, FALSE),
('00000000-0000-7000-8201-030100000008', '00000000-0000-7000-8101-000000000301', 8, 'clause_functions', 'What supervision covers',
 'Supervision sessions will cover: management (ensuring competent and accountable performance and practice); development (continuing professional development); support (the supportive and restorative function); engagement and mediation (engaging staff with the organisation and representing the organisation to staff); reflection on and learning from practice.',
 NULL, 'CLAUSE', NULL, FALSE),
('00000000-0000-7000-8201-030100000009', '00000000-0000-7000-8101-000000000301', 9, 'clause_independent_person', 'Equality and an independent person',
 'Supervision should be based on anti-discriminatory principles and should be race, gender, disability and sexuality sensitive. There should be an option of involving an independent person through mutual agreement in some supervision sessions, if there are identified and agreed issues arising from the differences between the supervisor and supervisee arising from race, gender, disability, sexuality and other forms of inequality. Both parties may wish to involve an independent person if any issues fall outside the competency of the supervisor.',
 NULL, 'CLAUSE', NULL, FALSE),
('00000000-0000-7000-8201-030100000010', '00000000-0000-7000-8101-000000000301', 10, 'clause_disagreement', 'Disagreement and absence of supervision',
 'Areas of disagreement between supervisor and supervisee will be recorded in the supervision records. Areas of disagreement that cannot be resolved will be referred to the line manager.',
 NULL, 'CLAUSE', NULL, FALSE),
('00000000-0000-7000-8201-030100000011', '00000000-0000-7000-8101-000000000301', 11, 'clause_absence_of_supervision', 'Disagreement and absence of supervision',
 'It is the policy of Children''s Services that supervision is provided to staff. In the absence of supervision, either due to absence of the supervisor or the supervisor failing to adhere to the supervision timetable, the supervisee should refer this to the line manager. The supervisee will approach the line manager if she or he has received no formal supervision for the escalation period agreed in this agreement.',
 'The escalation period is agreed between supervisor and supervisee in the agreement''s own field.', 'CLAUSE', NULL, FALSE);
