/**
 * Grey bars where a section's content will be, so the page keeps its shape while it loads; a screen
 * reader hears "Loading" once per section instead.
 */
export function SkeletonLines({ lines = 2, label = 'Loading' }: { lines?: number; label?: string }) {
  return (
    <div className="app-skeleton" role="status" data-testid="skeleton">
      <span className="govuk-visually-hidden">{label}</span>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="app-skeleton__line" aria-hidden="true" />
      ))}
    </div>
  );
}

/** The home page's headings before anyone is known (the session is being renewed). */
export function HomeSkeleton() {
  return (
    <div data-testid="home-skeleton">
      <h1 className="govuk-heading-l">My supervision</h1>
      <h2 className="govuk-heading-m">Your next session</h2>
      <SkeletonLines label="Loading your supervision" />
      <h2 className="govuk-heading-m">Records to sign</h2>
      <SkeletonLines lines={1} label="" />
      <h2 className="govuk-heading-m">Supervision due</h2>
      <SkeletonLines lines={3} label="" />
    </div>
  );
}
