import { Link } from '../../router';
import { usePageTitle } from '../../usePageTitle';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p className="govuk-body">
        You can go to <Link className="govuk-link" href="/">your supervision home page</Link>.
      </p>
    </>
  );
}
