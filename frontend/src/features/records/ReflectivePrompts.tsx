/**
 * The reflective prompts Coventry trains supervisors to use (Supervision Policy, November 2016): the five
 * Anchor principles (Appendix 2, adapted by Research in Practice from Brown and Turney, 2014) and EARS
 * (Appendix 3, from the Signs of Safety approach). Collapsed by default (UX.md), as GOV.UK details.
 */
const ANCHOR: { question: string; aim: string; prompts: string[] }[] = [
  {
    question: 'What is the assessment or intervention for?',
    aim: 'Reflect prior to action.',
    prompts: [
      'What does the practitioner hope to achieve?',
      'What might the family, child or young person be hoping for or worried about?',
      'How might the child feel about being assessed?',
      'What skills and support might the practitioner need?',
    ],
  },
  {
    question: 'What is the story?',
    aim: 'Explore what is known so far.',
    prompts: [
      'What are the facts? Are there any grey areas or unknowns?',
      'Can the practitioner tell the story from the viewpoint of the child, the family, another professional?',
      'How has the story been used to make sense of the child’s lived life?',
    ],
  },
  {
    question: 'What does the story mean?',
    aim: 'Analyse the story, using research, practice wisdom and the family’s expertise.',
    prompts: [
      'What hypotheses have been developed, and what are the alternatives?',
      'What is the impact of the story on the child?',
      'Imagine the child is in this room: what would they say about the meaning being made of their life?',
    ],
  },
  {
    question: 'What needs to happen?',
    aim: 'Explore options from the point of view of the child and of the practitioner.',
    prompts: [
      'What would be the best outcome, and why? The worst?',
      'What would the child say about that? The family?',
      'Does everyone involved agree about what needs to happen for the child?',
    ],
  },
  {
    question: 'How will we know we are making progress?',
    aim: 'Think about the practitioner’s role in delivering meaningful interventions.',
    prompts: [
      'How is the child’s lived life different this week?',
      'What is the practitioner, the family, the child still worried about?',
      'What will happen for the child if there is no progress?',
    ],
  },
];

const EARS: { word: string; meaning: string }[] = [
  { word: 'Elicit', meaning: 'a first question to draw out the information' },
  { word: 'Amplify', meaning: 'questions to get the behavioural details and flesh out the answer: what, who, when, how?' },
  { word: 'Reflect', meaning: 'questions to help the worker think about the significance of what happened and what it means' },
  { word: 'Start over', meaning: 'begin again, looking for more detail of behaviour and meaning' },
];

export function ReflectivePrompts({ id }: { id: string }) {
  return (
    <div className="app-reflective-prompts" data-testid="reflective-prompts">
      <details className="govuk-details" id={`${id}-anchor`}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Reflective prompts: the five Anchor questions</span>
        </summary>
        <div className="govuk-details__text">
          <ol className="govuk-list govuk-list--number">
            {ANCHOR.map((a) => (
              <li key={a.question}>
                <strong>{a.question}</strong> {a.aim}
                <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-1">
                  {a.prompts.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          <p className="govuk-body-s">Source: Coventry Supervision Policy (2016), Appendix 2, after Brown and Turney (2014).</p>
        </div>
      </details>
      <details className="govuk-details" id={`${id}-ears`}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Reflective prompts: EARS, an appreciative ear</span>
        </summary>
        <div className="govuk-details__text">
          <dl className="govuk-summary-list govuk-summary-list--no-border">
            {EARS.map((e) => (
              <div className="govuk-summary-list__row" key={e.word}>
                <dt className="govuk-summary-list__key">{e.word}</dt>
                <dd className="govuk-summary-list__value">{e.meaning}</dd>
              </div>
            ))}
          </dl>
          <p className="govuk-body-s">Source: Coventry Supervision Policy (2016), Appendix 3; see the Signs of Safety handbook.</p>
        </div>
      </details>
    </div>
  );
}
