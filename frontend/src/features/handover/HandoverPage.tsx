import { BackLink } from '../../components/govuk';
import { usePageTitle } from '../../usePageTitle';
import { HandoverSection } from './HandoverSection';

/** The handover on a page of its own: a leaver's former supervisor may no longer open the leaver's staff page. */
export function HandoverPage({ staffId }: { staffId: string }) {
  usePageTitle('What is left open');
  return (
    <>
      <BackLink href="/">Back to My supervision</BackLink>
      <HandoverSection staffId={staffId} headingLevel={1} />
    </>
  );
}
