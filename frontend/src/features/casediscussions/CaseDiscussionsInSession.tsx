import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { Button, ErrorMessage, Input } from '../../components/govuk';
import { formatDate } from '../../format';
import { useNavigate } from '../../router';
import { useMe } from '../auth/AuthContext';
import { call, newIdempotencyKey } from '../agreements/agreements';
import type { Session } from '../sessions/sessions';
import { CaseDiscussionList } from './CaseDiscussionList';
import { caseDiscussionHref, type Child } from './caseDiscussions';

/**
 * Inside a session's record (UX.md: "case discussions added per child inside the session"): this session's case
 * discussions, and "Add a case discussion": find the child among the supervisee's children by name or case
 * number, start the discussion in this session, and open its form.
 */
export function CaseDiscussionsInSession({ session }: { session: Session }) {
  const me = useMe();
  const navigate = useNavigate();
  const supervisee = session.supervisees[0];
  const myId = me?.staff?.id;
  const isParty = !!myId && (session.supervisor.id === myId || session.supervisees.some((s) => s.id === myId));
  const [adding, setAdding] = useState(false);
  const [query, setQuery] = useState('');
  const [queryError, setQueryError] = useState<string | null>(null);
  const [found, setFound] = useState<Child[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());

  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (!query.trim()) return setQueryError('Enter the child’s name or case number');
    setQueryError(null);
    setProblem(null);
    setBusy(true);
    const result = await call(
      api.GET('/api/v1/children', { params: { query: { q: query.trim(), limit: 20, ...(supervisee ? { allocatedWorkerId: supervisee.id } : {}) } } }),
    );
    setBusy(false);
    if (!result.ok) return setProblem(result.problem.status === 0 ? 'You are offline. Search again when you are back online.' : (result.problem.detail ?? result.problem.title));
    setFound(result.data.items);
  };

  const start = async (child: Child) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.POST('/api/v1/case-discussions', {
        params: { header: { 'Idempotency-Key': key.current } },
        body: { childId: child.id, sessionId: session.id },
      }),
    );
    setBusy(false);
    if (!result.ok) {
      return setProblem(
        result.problem.status === 0
          ? 'You are offline. A case discussion can be started when you are back online.'
          : (result.problem.errors?.[0]?.message ?? result.problem.detail ?? result.problem.title),
      );
    }
    key.current = newIdempotencyKey();
    navigate(caseDiscussionHref(result.data.id));
  };

  return (
    <div data-testid="case-discussions-in-session">
      <CaseDiscussionList sessionId={session.id} heading="Case discussions" />
      {isParty && !adding && (
        <Button type="button" variant="secondary" onClick={() => setAdding(true)}>
          Add a case discussion
        </Button>
      )}
      {isParty && adding && (
        <div className="app-case-discussion-item" data-testid="add-case-discussion">
          <form noValidate onSubmit={search} role="search" aria-label="Find a child">
            <Input
              id="child-search"
              type="search"
              label="Which child? Their name or case number"
              labelClassName="govuk-label--s"
              hint={supervisee ? `Children allocated to ${supervisee.displayName}` : undefined}
              error={queryError ?? undefined}
              value={query}
              autoComplete="off"
              onChange={(e) => setQuery(e.target.value)}
            />
            <div className="govuk-button-group">
              <Button type="submit" variant="secondary" disabled={busy}>
                Find the child
              </Button>
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  setAdding(false);
                  setFound(null);
                  setQuery('');
                }}
              >
                Cancel
              </Button>
            </div>
          </form>
          {problem && <ErrorMessage id="child-search-problem">{problem}</ErrorMessage>}
          {found && found.length === 0 && (
            <p className="govuk-body" data-testid="no-children">
              No child{supervisee ? ` allocated to ${supervisee.displayName}` : ''} matches “{query.trim()}”. Check the name or case number.
            </p>
          )}
          {found && found.length > 0 && (
            <ul className="govuk-list" data-testid="children-found">
              {found.map((child) => (
                <li key={child.id} className="govuk-!-margin-bottom-4">
                  <strong>{child.name}</strong>, case number {child.caseNumber}
                  {child.dateOfBirth && <>, born {formatDate(child.dateOfBirth, { weekday: false })}</>}
                  <br />
                  <Button type="button" className="govuk-!-margin-bottom-0 govuk-!-margin-top-2" disabled={busy} onClick={() => void start(child)}>
                    Discuss {child.name}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
