import type { Schemas } from '../../api/client';

const item = (
  position: number,
  key: string,
  section: string,
  label: string,
  extra: Partial<Schemas['TemplateItem']> = {},
): Schemas['TemplateItem'] => ({ key, position, section, label, answerType: 'FREE_TEXT', required: false, ...extra });

const SAFETY_OPTIONS: Schemas['AnswerOption'][] = Array.from({ length: 11 }, (_, n) => ({
  value: String(n) as Schemas['AnswerOption']['value'],
  label: n === 0 ? '0 - no safety' : n === 10 ? '10 - proposing to cease involvement or reduce the level of direct intervention' : String(n),
}));

/** Coventry's Appendix 5, shortened: three sections, the Signs of Safety columns and scale, an Anchor hint. */
export const CD_TEMPLATE: Schemas['PolicyTemplate'] = {
  id: 'tpl-cd',
  kind: 'CASE_DISCUSSION',
  version: 1,
  title: 'Case discussion recording template',
  source: 'Coventry Supervision Policy (2016), Appendix 5',
  items: [
    item(1, 'review_since_last', 'Case Discussion Recording Template', 'Review since last supervision on (date)', {
      answerType: 'DATE',
      hint: 'The date of the last supervision in which this child’s case was discussed.',
    }),
    item(2, 'story', 'Case Discussion Recording Template', 'What is the story?', {
      hint: 'Anchor principle, explore what is known so far (Appendix 2): What are the facts?',
    }),
    item(3, 'working_well', 'Case Discussion Recording Template', 'What’s working well?'),
    item(4, 'worries', 'Case Discussion Recording Template', 'What are we worried about?'),
    item(5, 'safety_scale', 'Case Discussion Recording Template', 'How worried are we that the child may suffer significant harm?', {
      answerType: 'SAFETY_SCALE',
      hint: '0 = no safety; 10 = proposing to cease involvement.',
      options: SAFETY_OPTIONS,
    }),
    item(6, 'child_view', 'What does the story mean?', 'What is the view of the child and their parents or carers?', { required: true }),
    item(7, 'next_steps', 'What needs to happen next?', 'What needs to happen next?'),
  ],
};

export function discussion(overrides: Partial<Schemas['CaseDiscussion']> = {}): Schemas['CaseDiscussion'] {
  return {
    id: 'cd-1',
    child: { id: 'ch-1', name: 'Mia Example', caseNumber: 'PRN-1001' },
    supervisee: { id: 'a1', displayName: 'Sam Okafor' },
    supervisor: { id: 'p1', displayName: 'Priya Shah' },
    sessionId: 's-1',
    status: 'DRAFT',
    templateId: 'tpl-cd',
    discussedOn: '2026-01-06',
    answers: [],
    childVoice: {},
    decisions: [],
    actions: [],
    signatures: [],
    missing: [],
    warnings: [],
    version: 1,
    createdAt: '2026-01-06T15:00:00Z',
    updatedAt: '2026-01-06T15:00:00Z',
    ...overrides,
  };
}

export function child(overrides: Partial<Schemas['Child']> = {}): Schemas['Child'] {
  return {
    id: 'ch-1',
    name: 'Mia Example',
    caseNumber: 'PRN-1001',
    allocatedWorker: { id: 'a1', displayName: 'Sam Okafor' },
    version: 1,
    createdAt: '2026-01-01T09:00:00Z',
    updatedAt: '2026-01-01T09:00:00Z',
    ...overrides,
  };
}
