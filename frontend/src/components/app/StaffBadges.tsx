import type { Schemas } from '../../api/client';
import { Tag } from '../govuk';
import { employmentText } from '../../format';

/** Employment type in words; agency staff get a tag (their cadence and agreement rules differ). */
export function Employment({ type }: { type: Schemas['EmploymentType'] | undefined }) {
  if (type === 'AGENCY') return <Tag colour="purple">Agency</Tag>;
  return <>{employmentText(type)}</>;
}
