import { ifMatchFor } from '../../api/etag';
import { useEffect, useState } from 'react';
import { api, type Problem } from '../../api/client';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { Button, Checkbox, ErrorSummary, NotificationBanner, SummaryList, type ErrorItem } from '../../components/govuk';
import { formatDate, formatTime } from '../../format';
import { useLocation } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useMe } from '../auth/AuthContext';
import { AgreementStatusTag } from './AgreementStatusTag';
import { AgreementWarnings } from './AgreementWarnings';
import { call, isClause, loadAgreementTemplate, periodText, sectionsOf, type Agreement, type TemplateItem } from './agreements';

const TITLE = 'Supervision agreement';

function problemSummary(problem: Problem, action: 'send' | 'sign'): ErrorItem[] {
  if (problem.status === 412) {
    return [{ text: 'Someone else changed this agreement since you opened it. Reload the page to see the latest version.' }];
  }
  if (problem.status === 409) {
    return [{ text: problem.detail ?? `This agreement cannot be ${action === 'send' ? 'sent for signature' : 'signed'} now` }];
  }
  if (problem.status === 0) return [{ text: 'You are offline. Try again when you are back online.' }];
  if (problem.errors?.length) return problem.errors.map((e) => ({ text: e.message }));
  return [{ text: problem.detail ?? problem.title }];
}

const when = (instant: string) => `${formatDate(instant.slice(0, 10))} at ${formatTime(instant)}`;

function Answers({ agreement, items }: { agreement: Agreement; items: TemplateItem[] }) {
  const byKey = new Map(agreement.answers.map((a) => [a.key, a.text]));
  const sections = sectionsOf(items);
  const known = new Set(items.map((i) => i.key));
  const others = agreement.answers.filter((a) => !known.has(a.key));
  const answerText = (item: TemplateItem, text: string) =>
    item.options?.find((option) => option.value === text.trim())?.label ?? text;
  return (
    <>
      {sections.map((section) => {
        const questions = section.items.filter((item) => !isClause(item));
        const clauses = section.items.filter(isClause);
        return (
          <div key={section.name}>
            <h3 className="govuk-heading-s">{section.name}</h3>
            {clauses.length > 0 && (
              <ul className="govuk-list govuk-list--bullet" data-testid="clauses">
                {clauses.map((item) => (
                  <li key={item.key}>{item.label}</li>
                ))}
              </ul>
            )}
            {questions.length > 0 && (
              <SummaryList
                rows={questions.map((item) => {
                  const text = byKey.get(item.key)?.trim();
                  return {
                    key: item.label,
                    value: text ? (
                      <span className="app-preserve-lines">{answerText(item, text)}</span>
                    ) : (
                      <span className="app-secondary">Not answered</span>
                    ),
                  };
                })}
              />
            )}
          </div>
        );
      })}
      {others.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Other answers</h3>
          <SummaryList rows={others.map((a) => ({ key: 'Answer to a question no longer asked', value: <span className="app-preserve-lines">{a.text}</span> }))} />
        </>
      )}
    </>
  );
}

/** One version's pair of signatures: the agreement's first signing, then one block per review. */
function SignatureRows({ agreement }: { agreement: Agreement }) {
  return (
    <SummaryList
      rows={(['SUPERVISOR', 'SUPERVISEE'] as const).map((party) => {
        const signature = agreement.signatures.find((s) => s.party === party);
        const person = party === 'SUPERVISOR' ? agreement.supervisor : agreement.supervisee;
        return {
          key: party === 'SUPERVISOR' ? 'Supervisor' : 'Supervisee',
          value: signature ? (
            <>
              Signed by {signature.signer.displayName} on {when(signature.signedAt)}
            </>
          ) : (
            <span className="app-secondary">Not signed yet by {person.displayName}</span>
          ),
        };
      })}
    />
  );
}

const signingName = (versionNumber: number) =>
  versionNumber === 1 ? 'Agreement signed' : `Review ${versionNumber - 1} of the agreement signed (version ${versionNumber})`;

export function AgreementPage({ agreementId }: { agreementId: string }) {
  const me = useMe();
  const location = useLocation();
  const [state, setState] = useState<
    { state: 'loading' } | { state: 'error'; problem: Problem } | { state: 'ok'; agreement: Agreement; etag: string | null }
  >({ state: 'loading' });
  const [items, setItems] = useState<TemplateItem[]>([]);
  const [earlier, setEarlier] = useState<Agreement[]>([]);
  const [errors, setErrors] = useState<ErrorItem[] | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [justDone, setJustDone] = useState<'sent' | 'signed' | null>(null);
  const saved = (location.state as { saved?: boolean } | null)?.saved === true;

  usePageTitle(TITLE, !!errors);

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const got = await call(api.GET('/api/v1/agreements/{agreementId}', { params: { path: { agreementId } }, signal: controller.signal }));
      if (controller.signal.aborted) return;
      setState(got.ok ? { state: 'ok', agreement: got.data, etag: got.etag } : { state: 'error', problem: got.problem });
      if (!got.ok) return;
      // The questions and clauses of the template version this agreement was made with.
      const template = await loadAgreementTemplate(got.data.templateId, controller.signal);
      if (!controller.signal.aborted && template.ok) setItems(template.data);
      if (got.data.versionNumber > 1) {
        const versions = await call(
          api.GET('/api/v1/agreements/{agreementId}/versions', { params: { path: { agreementId } }, signal: controller.signal }),
        );
        if (!controller.signal.aborted && versions.ok) {
          setEarlier(versions.data.items.filter((v) => v.versionNumber < got.data.versionNumber));
        }
      }
    })().catch(() => {});
    return () => controller.abort();
  }, [agreementId]);

  if (state.state !== 'ok') {
    return (
      <>
        <h1 className="govuk-heading-l">{TITLE}</h1>
        {state.state === 'error' ? <ProblemMessage problem={state.problem} /> : <Loading />}
      </>
    );
  }

  const { agreement, etag } = state;
  const myId = me?.staff?.id;
  const myParty = myId === agreement.supervisee.id ? 'SUPERVISEE' : myId === agreement.supervisor.id ? 'SUPERVISOR' : null;
  const iHaveSigned = agreement.signatures.some((s) => s.signer.id === myId || s.party === myParty);
  const ifMatch = ifMatchFor(etag, agreement) as string;

  const send = async () => {
    setBusy(true);
    const result = await call(
      api.POST('/api/v1/agreements/{agreementId}/submission', { params: { path: { agreementId }, header: { 'If-Match': ifMatch } } }),
    );
    setBusy(false);
    if (!result.ok) return setErrors(problemSummary(result.problem, 'send'));
    setErrors(null);
    setJustDone('sent');
    setState({ state: 'ok', agreement: result.data, etag: result.etag });
  };

  const sign = async () => {
    if (!agreed) {
      setErrors([{ text: 'Select that you agree to this supervision agreement before you sign', href: '#agree' }]);
      return;
    }
    setBusy(true);
    const result = await call(
      api.POST('/api/v1/agreements/{agreementId}/signatures', { params: { path: { agreementId }, header: { 'If-Match': ifMatch } } }),
    );
    setBusy(false);
    if (!result.ok) return setErrors(problemSummary(result.problem, 'sign'));
    setErrors(null);
    setJustDone('signed');
    setState({ state: 'ok', agreement: result.data, etag: result.etag });
  };

  const other = myParty === 'SUPERVISEE' ? 'your supervisor' : 'your supervisee';

  return (
    <>
      {errors && <ErrorSummary errors={errors} />}
      {saved && !justDone && agreement.status === 'DRAFT' && (
        <NotificationBanner type="success" heading="Draft saved" />
      )}
      {justDone === 'sent' && agreement.status === 'AWAITING_SIGNATURES' && (
        <NotificationBanner type="success" heading="Sent for signature">
          <p className="govuk-body">Both of you now need to sign the agreement.</p>
        </NotificationBanner>
      )}
      {justDone === 'signed' && agreement.status === 'AWAITING_SIGNATURES' && (
        <NotificationBanner type="success" heading="You have signed the agreement">
          <p className="govuk-body">It becomes active when {other} signs it too.</p>
        </NotificationBanner>
      )}
      {agreement.status === 'ACTIVE' && myParty && (
        <NotificationBanner type="success" autoFocus={justDone === 'signed'} heading={`Signed by you and ${other}`}>
          <p className="govuk-body" data-testid="locked">
            <span aria-hidden="true">🔒 </span>
            This agreement is locked: signed content cannot be changed.
          </p>
        </NotificationBanner>
      )}

      <span className="govuk-caption-l">
        {agreement.supervisee.displayName}
        {agreement.versionNumber > 1 && `, version ${agreement.versionNumber}`}
      </span>
      <h1 className="govuk-heading-l">{TITLE}</h1>
      <p className="govuk-body" data-testid="agreement-status">
        <AgreementStatusTag status={agreement.status} showLock />
      </p>

      <h2 className="govuk-heading-m">Arrangements</h2>
      <AgreementWarnings agreement={agreement} />
      <SummaryList
        rows={[
          { key: 'Supervisee', value: agreement.supervisee.displayName },
          { key: 'Supervisor', value: agreement.supervisor.displayName },
          {
            key: 'How often',
            value: agreement.intervalWeeks
              ? `Every ${agreement.intervalWeeks === 1 ? 'week' : `${agreement.intervalWeeks} weeks`}`
              : "As the policy sets",
          },
          { key: 'How long', value: `${agreement.durationMinutes} minutes` },
          { key: 'Where', value: agreement.location },
          {
            key: 'Escalation period',
            value: agreement.escalationPeriod
              ? `The supervisee will approach the line manager if there is no formal supervision for ${periodText(agreement.escalationPeriod)}`
              : 'Not agreed',
          },
          ...(agreement.reviewDue
            ? [{
                key: 'Review due',
                value: agreement.reviewDueReason === 'NEW_SUPERVISOR'
                  ? `${formatDate(agreement.reviewDue)}, because the supervisor changed`
                  : formatDate(agreement.reviewDue),
              }]
            : []),
          ...(agreement.endedOn ? [{ key: 'Ended', value: `${formatDate(agreement.endedOn)}, when the supervisee left` }] : []),
        ]}
      />

      <h2 className="govuk-heading-m">The agreement</h2>
      {items.length === 0 && agreement.answers.length === 0 ? (
        <p className="govuk-body">No answers yet.</p>
      ) : (
        <Answers agreement={agreement} items={items} />
      )}

      <h2 className="govuk-heading-m">Signatures</h2>
      <h3 className="govuk-heading-s">{signingName(agreement.versionNumber)}</h3>
      <SignatureRows agreement={agreement} />
      {earlier.length > 0 && (
        <div data-testid="earlier-signatures">
          {[...earlier]
            .sort((a, b) => b.versionNumber - a.versionNumber)
            .map((version) => (
              <div key={version.id}>
                <h3 className="govuk-heading-s">{signingName(version.versionNumber)}</h3>
                <SignatureRows agreement={version} />
              </div>
            ))}
        </div>
      )}

      {agreement.status === 'DRAFT' && myParty && (
        <div className="govuk-button-group">
          <Button variant="secondary" href={`/agreements/${encodeURIComponent(agreement.id)}/edit`}>
            Edit
          </Button>
          <Button type="button" onClick={send} disabled={busy} preventDoubleClick>
            Send for signature
          </Button>
        </div>
      )}

      {agreement.status === 'AWAITING_SIGNATURES' && myParty && !iHaveSigned && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void sign();
          }}
        >
          <h2 className="govuk-heading-m">Sign the agreement</h2>
          <Checkbox
            id="agree"
            label="I agree to this supervision agreement"
            checked={agreed}
            error={errors?.some((e) => e.href === '#agree') ? errors[0]?.text : undefined}
            onChange={(event) => setAgreed(event.target.checked)}
          />
          <Button type="submit" disabled={busy} preventDoubleClick>
            Sign
          </Button>
        </form>
      )}
    </>
  );
}
