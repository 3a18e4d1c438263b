import { Button, Input, Textarea } from '../../components/govuk';
import { ChoiceRadios, DateField } from './fields';
import { newLocalKey, type ActionDraft, type DecisionDraft, type Responsible } from './caseDiscussions';

/** Every decision has its reason and every action its owner and due date (what the warnings ask for). */
export function decisionsComplete(decisions: DecisionDraft[], actions: ActionDraft[]): boolean {
  if (decisions.length + actions.length === 0) return false;
  return (
    decisions.every((d) => d.text.trim() !== '' && d.rationale.trim() !== '') &&
    actions.every((a) => a.text.trim() !== '' && !!a.responsible && a.dueDate !== '')
  );
}

/** Decisions (text and rationale) and actions (text, desired outcome, measure, who is responsible, due date). */
export function DecisionsAndActions({
  decisions,
  actions,
  onDecisions,
  onActions,
  supervisorName,
  superviseeName,
  errors,
}: {
  decisions: DecisionDraft[];
  actions: ActionDraft[];
  onDecisions: (next: DecisionDraft[]) => void;
  onActions: (next: ActionDraft[]) => void;
  supervisorName: string;
  superviseeName: string;
  errors: Record<string, string>;
}) {
  const changeDecision = (index: number, patch: Partial<DecisionDraft>) =>
    onDecisions(decisions.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const changeAction = (index: number, patch: Partial<ActionDraft>) => onActions(actions.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  return (
    <div data-testid="decisions-and-actions">
      <h3 className="govuk-heading-s">Decisions</h3>
      <p className="govuk-body">Once both of you have signed, each decision is offered to the child&rsquo;s record in the case-management system.</p>
      {decisions.length === 0 && <p className="govuk-body">No decisions yet.</p>}
      {decisions.map((decision, index) => (
        <div className="app-case-discussion-item" key={decision.localKey} data-testid="decision">
          <Textarea
            id={`decision-${index}-text`}
            label={`Decision ${index + 1}`}
            labelClassName="govuk-label--s"
            error={errors[`decision-${index}-text`]}
            value={decision.text}
            rows={3}
            onChange={(e) => changeDecision(index, { text: e.target.value })}
          />
          <Textarea
            id={`decision-${index}-rationale`}
            label={<>Why it was decided<span className="govuk-visually-hidden"> (decision {index + 1})</span></>}
            hint="The rationale: what the decision rests on"
            error={errors[`decision-${index}-rationale`]}
            value={decision.rationale}
            rows={3}
            onChange={(e) => changeDecision(index, { rationale: e.target.value })}
          />
          <Button type="button" variant="secondary" onClick={() => onDecisions(decisions.filter((_, i) => i !== index))}>
            Remove{' '}<span className="govuk-visually-hidden">decision {index + 1}</span>
          </Button>
        </div>
      ))}
      <Button type="button" variant="secondary" onClick={() => onDecisions([...decisions, { localKey: newLocalKey(), text: '', rationale: '' }])}>
        Add a decision
      </Button>

      <h3 className="govuk-heading-s">Actions</h3>
      <p className="govuk-body">Actions with someone responsible and a due date join the action lists once both of you have signed.</p>
      {actions.length === 0 && <p className="govuk-body">No actions yet.</p>}
      {actions.map((action, index) => (
        <div className="app-case-discussion-item" key={action.localKey} data-testid="action">
          <Textarea
            id={`action-${index}-text`}
            label={`Action ${index + 1}`}
            labelClassName="govuk-label--s"
            error={errors[`action-${index}-text`]}
            value={action.text}
            rows={2}
            onChange={(e) => changeAction(index, { text: e.target.value })}
          />
          <Input
            id={`action-${index}-outcome`}
            label={<>Desired outcome<span className="govuk-visually-hidden"> (action {index + 1})</span></>}
            optional
            error={errors[`action-${index}-outcome`]}
            value={action.desiredOutcome}
            onChange={(e) => changeAction(index, { desiredOutcome: e.target.value })}
          />
          <Input
            id={`action-${index}-measure`}
            label={<>How we will know it made a difference<span className="govuk-visually-hidden"> (action {index + 1})</span></>}
            optional
            error={errors[`action-${index}-measure`]}
            value={action.measure}
            onChange={(e) => changeAction(index, { measure: e.target.value })}
          />
          <ChoiceRadios<Responsible>
            id={`action-${index}-responsible`}
            legend={<>Who is responsible<span className="govuk-visually-hidden"> for action {index + 1}</span></>}
            error={errors[`action-${index}-responsible`]}
            value={action.responsible}
            onChange={(responsible) => changeAction(index, { responsible })}
            choices={[
              { value: 'SUPERVISOR', text: `${supervisorName} (supervisor)` },
              { value: 'SUPERVISEE', text: `${superviseeName} (supervisee)` },
            ]}
          />
          <DateField
            id={`action-${index}-due`}
            legend={`Due date (action ${index + 1})`}
            name="the due date"
            error={errors[`action-${index}-due-day`]}
            value={action.dueDate}
            onChange={(dueDate) => changeAction(index, { dueDate })}
          />
          <Button type="button" variant="secondary" onClick={() => onActions(actions.filter((_, i) => i !== index))}>
            Remove{' '}<span className="govuk-visually-hidden">action {index + 1}</span>
          </Button>
        </div>
      ))}
      <Button type="button" variant="secondary" onClick={() => onActions([...actions, { localKey: newLocalKey(), text: '', desiredOutcome: '', measure: '', dueDate: '' }])}>
        Add an action
      </Button>
    </div>
  );
}
