-- Issue 8: version 2 of the three shipped case-discussion templates. The child's view is now the structured
-- childVoice block every case discussion asks for (recommendation 1e: recorded, or a reason it could not be
-- obtained, and whether the child was seen alone), so the free-text item child_view, which asked for the views
-- of the child and of the parents or carers together, becomes parents_view: the parents' or carers' view only,
-- not required, in the same section and position. Version 1 stays: a discussion keeps the version it was drafted
-- from. Ids as V019: template 00000000-0000-7000-81PP-000000000203; items 00000000-0000-7000-82PP-0203....
-- Plain ASCII, standard SQL: runs on MySQL, MariaDB and H2.

INSERT INTO policy_template (id, profile_id, kind, version, title, source, created_at, variant) VALUES
('00000000-0000-7000-8101-000000000203', '00000000-0000-7000-8000-000000000001', 'CASE_DISCUSSION', 2, 'Case discussion recording template (Appendix 5)',
 'Coventry City Council Children''s Services Social Work Supervision Policy, November 2016, Appendix 5: Case Discussion Recording Template; prompts from Appendix 2, the Anchor principles of supervision. Version 2: the child''s view is asked in its own structured part (recommendation 1e); this item asks the parents'' or carers'' view', '2026-12-02 00:00:00', NULL),
('00000000-0000-7000-8102-000000000203', '00000000-0000-7000-8000-000000000002', 'CASE_DISCUSSION', 2, 'Case management supervision (BIC 530)',
 'Central Bedfordshire Council Supervision Procedure for Children''s Services Staff, 2012, Appendix: Children''s Services Case Management Supervision (BIC 530). Version 2: the child''s view is asked in its own structured part (recommendation 1e); this item asks the parents'' or carers'' view', '2026-12-02 00:00:00', NULL),
('00000000-0000-7000-8103-000000000203', '00000000-0000-7000-8000-000000000003', 'CASE_DISCUSSION', 2, 'Case discussion recording template (copy of Coventry Appendix 5)',
 'Copy of the Case Discussion Recording Template of the Coventry Supervision Policy, November 2016, Appendix 5. Version 2: the child''s view is asked in its own structured part (recommendation 1e); this item asks the parents'' or carers'' view', '2026-12-02 00:00:00', NULL);

INSERT INTO template_item (id, template_id, position, item_key, section, label, hint, answer_type, function_tag, required)
SELECT CONCAT('00000000-0000-7000-8201-0203', SUBSTRING(id, 29)), '00000000-0000-7000-8101-000000000203',
       position, item_key, section, label, hint, answer_type, function_tag, required
FROM template_item
WHERE template_id = '00000000-0000-7000-8101-000000000003' AND item_key <> 'child_view';

INSERT INTO template_item (id, template_id, position, item_key, section, label, hint, answer_type, function_tag, required)
SELECT CONCAT('00000000-0000-7000-8202-0203', SUBSTRING(id, 29)), '00000000-0000-7000-8102-000000000203',
       position, item_key, section, label, hint, answer_type, function_tag, required
FROM template_item
WHERE template_id = '00000000-0000-7000-8102-000000000003' AND item_key <> 'child_view';

INSERT INTO template_item (id, template_id, position, item_key, section, label, hint, answer_type, function_tag, required)
SELECT CONCAT('00000000-0000-7000-8203-0203', SUBSTRING(id, 29)), '00000000-0000-7000-8103-000000000203',
       position, item_key, section, label, hint, answer_type, function_tag, required
FROM template_item
WHERE template_id = '00000000-0000-7000-8103-000000000003' AND item_key <> 'child_view';

INSERT INTO template_item (id, template_id, position, item_key, section, label, hint, answer_type, function_tag, required)
SELECT CONCAT('00000000-0000-7000-82', SUBSTRING(template_id, 22, 2), '-0203', SUBSTRING(id, 29)), CONCAT(SUBSTRING(template_id, 1, 24), '000000000203'),
       position, 'parents_view', section, 'What is the view of the parents or carers?',
       'The child''s own view is recorded in its own part of the discussion. Record here what the parents or carers think and want, and how you know.',
       'FREE_TEXT', function_tag, FALSE
FROM template_item
WHERE template_id IN ('00000000-0000-7000-8101-000000000003', '00000000-0000-7000-8102-000000000003', '00000000-0000-7000-8103-000000000003')
  AND item_key = 'child_view';
