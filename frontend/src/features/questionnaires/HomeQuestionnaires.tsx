import { api } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Tag } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { useMe } from '../auth/AuthContext';
import { canIssueRounds, canSeeResults, lastDayToAnswer, questionnaireHref } from './questionnaires';
import './questionnaires.css';

/** The signed-in person's open Part 2 questionnaires, one card each; nothing when there are none. */
function MyQuestionnaires() {
  const mine = useQuery((signal) => settle(api.GET('/api/v1/questionnaires', { signal })), []);
  if (mine.state !== 'ok' || mine.data.items.length === 0) return null;
  return (
    <section aria-labelledby="my-questionnaires-heading" data-testid="my-questionnaires">
      <h2 className="govuk-heading-m" id="my-questionnaires-heading">
        {mine.data.items.length === 1 ? 'A questionnaire to answer' : `Questionnaires to answer: ${mine.data.items.length}`}
      </h2>
      <ul className="govuk-list">
        {mine.data.items.map((q) => (
          <li key={q.invitationId} className="app-questionnaire-card" data-testid="questionnaire-card">
            {q.remindedAt && (
              <>
                <Tag colour="yellow">Reminder</Tag>{' '}
              </>
            )}
            <Link className="govuk-link govuk-link--no-visited-state app-questionnaire-card__link" href={questionnaireHref(q.invitationId)}>
              A questionnaire about your supervision: answer by {formatDate(lastDayToAnswer(q.expiresAt))}
            </Link>
            <span className="govuk-body-s app-block govuk-!-margin-bottom-0">It takes about 2 minutes. Your supervisor never sees your answers.</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Part 2 on the home page: questionnaires waiting for the signed-in person, the results for those who may see
 * them, and for quality assurance sending a round and the questionnaires sent.
 */
export function HomeQuestionnaires() {
  const me = useMe();
  if (!me) return null;
  const results = canSeeResults(me);
  const qa = canIssueRounds(me);
  return (
    <>
      {me.staff && <MyQuestionnaires />}
      {(results || qa) && (
        <ul className="govuk-list" data-testid="questionnaire-links">
          {results && (
            <li>
              <Link className="govuk-link app-touch-link" href="/questionnaire-results">
                Part 2 questionnaire results
              </Link>
            </li>
          )}
          {qa && (
            <>
              <li>
                <Link className="govuk-link app-touch-link" href="/questionnaire-rounds/new">
                  Send the Part 2 questionnaire to a team or service
                </Link>
              </li>
              <li>
                <Link className="govuk-link app-touch-link" href="/questionnaire-invitations">
                  Part 2 questionnaires sent
                </Link>
              </li>
            </>
          )}
        </ul>
      )}
    </>
  );
}
