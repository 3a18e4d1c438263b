import type { Schemas } from '../../api/client';
import { WarningText } from '../../components/govuk';

/** What the agreement sets below the policy's expectations: accepted, but said (e.g. sessions shorter than the minimum). */
export function AgreementWarnings({ agreement }: { agreement: Pick<Schemas['Agreement'], 'warnings'> }) {
  if (!agreement.warnings?.length) return null;
  return (
    <>
      {agreement.warnings.map((w) => (
        <WarningText key={w.pointer + w.message} testId="agreement-warning">
          {w.message}
        </WarningText>
      ))}
    </>
  );
}
