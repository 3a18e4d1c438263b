import { Button, Select } from './govuk';

export interface SectionNavItem {
  name: string;
  complete: boolean;
}

export interface SectionNavProps {
  /** Landscape shows the list of sections beside the form; portrait a picker above it. */
  landscape: boolean;
  /** The accessible name of the landscape `nav`, e.g. "Sections of the agreement". */
  ariaLabel: string;
  /** The visible heading over the landscape list. */
  heading?: string;
  /** The label of the portrait picker. */
  pickerLabel?: string;
  sections: SectionNavItem[];
  /** The index of the section being shown. */
  current: number;
  onChoose: (index: number) => void;
}

/**
 * The section navigation of a multi-section form (agreement, supervision record, case discussion):
 * a list of buttons with a tick on each complete section in landscape, a `Select` in portrait.
 */
export function SectionNav({ landscape, ariaLabel, heading = 'Sections', pickerLabel = 'Section', sections, current, onChoose }: SectionNavProps) {
  if (!landscape)
    return (
      <div className="app-section-picker">
        <Select
          id="section-picker"
          label={pickerLabel}
          value={String(current)}
          onChange={(event) => onChoose(Number(event.target.value))}
          options={sections.map((section, index) => ({
            value: String(index),
            text: `${index + 1}. ${section.name}${section.complete ? ' (complete)' : ''}`,
          }))}
        />
      </div>
    );
  return (
    <nav className="app-section-list" aria-label={ariaLabel}>
      <h2 className="govuk-heading-s">{heading}</h2>
      <ol className="govuk-list app-section-list__items">
        {sections.map((section, index) => (
          <li key={section.name} className="app-section-list__item">
            <button
              type="button"
              className="app-section-list__button"
              aria-current={index === current ? 'step' : undefined}
              onClick={() => onChoose(index)}
            >
              <span className="app-section-list__name">{section.name}</span>
              {section.complete && (
                <span className="app-section-list__tick" data-testid="section-tick">
                  <span aria-hidden="true">✓</span>
                  <span className="govuk-visually-hidden"> (complete)</span>
                </span>
              )}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** "Previous section" and "Next section" under the section being shown, where there is one to go to. */
export function SectionSteps({ current, count, onChoose, className = 'govuk-button-group' }: {
  current: number;
  count: number;
  onChoose: (index: number) => void;
  className?: string;
}) {
  return (
    <div className={className}>
      {current > 0 && (
        <Button type="button" variant="secondary" onClick={() => onChoose(current - 1)}>
          Previous section
        </Button>
      )}
      {current < count - 1 && (
        <Button type="button" variant="secondary" onClick={() => onChoose(current + 1)}>
          Next section
        </Button>
      )}
    </div>
  );
}
