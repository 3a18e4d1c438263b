import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { Button, Input } from '../../components/govuk';
import { call, newIdempotencyKey } from '../agreements/agreements';

/**
 * "Before a session: adds items to the next session's agenda in one tap from home" (UX.md). The item shows
 * as proposed agenda in the record of the person's next session.
 */
export function AddToNextAgenda({ staffId }: { staffId: string }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const key = useRef(newIdempotencyKey());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const item = text.trim();
    if (!item) return setError('Enter what you want to discuss');
    if (item.length > 500) return setError('What you want to discuss must be 500 characters or fewer');
    setSending(true);
    const result = await call(
      api.POST('/api/v1/staff/{staffId}/next-agenda-items', {
        params: { path: { staffId }, header: { 'Idempotency-Key': key.current } },
        body: { text: item },
      }),
    );
    setSending(false);
    if (!result.ok) return setError(result.problem.errors?.[0]?.message ?? result.problem.detail ?? result.problem.title);
    key.current = newIdempotencyKey();
    setError(null);
    setText('');
    setAdded((list) => [...list, result.data.text]);
  };
  return (
    <section aria-labelledby="next-agenda-heading" data-testid="add-to-next-agenda">
      <h2 className="govuk-heading-m" id="next-agenda-heading">
        Next session’s agenda
      </h2>
      {added.length > 0 && (
        <div className="govuk-inset-text" role="status" data-testid="agenda-added">
          Added to your next session’s agenda:
          <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
            {added.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </div>
      )}
      <form noValidate onSubmit={submit} className="app-inline-form">
        <Input
          id="next-agenda-item"
          label="Something to discuss next time"
          hint="Your supervisor sees it in the record of your next session"
          value={text}
          error={error ?? undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit" variant="secondary" disabled={sending}>
          Add to next agenda
        </Button>
      </form>
    </section>
  );
}
