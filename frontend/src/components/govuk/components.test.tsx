import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Router } from '../../router';
import { Header } from './Header';
import { NotificationBanner } from './NotificationBanner';
import { Pagination } from './Pagination';
import { SkipLink } from './SkipLink';
import { SummaryList } from './SummaryList';
import { Table } from './Table';
import { Tag } from './Tag';

describe('GOV.UK components', () => {
  it('Header: service name, menu with the current page, and who is signed in', () => {
    render(
      <Router>
        <Header
          organisationName="Demo City Council"
          navigation={[
            { href: '/', text: 'My supervision', current: true },
            { href: '/staff', text: 'Staff' },
          ]}
          account={{ name: 'Priya Shah', role: 'Supervisor' }}
        />
      </Router>,
    );
    const section = screen.getByRole('region', { name: 'Service information' });
    expect(within(section).getByRole('link', { name: 'Supervision' })).toHaveAttribute('href', '/');
    const current = within(screen.getByRole('navigation', { name: 'Menu' })).getByRole('link', { name: 'My supervision' });
    expect(current).toHaveAttribute('aria-current', 'page');
    expect(current.querySelector('strong.govuk-service-navigation__active-fallback')).not.toBeNull();
    expect(screen.getByRole('link', { name: 'Staff' })).not.toHaveAttribute('aria-current');
    expect(screen.getByTestId('account')).toHaveTextContent('Signed in as Priya ShahSupervisor');
    expect(screen.getByRole('link', { name: 'Demo City Council' })).toHaveClass('govuk-generic-header__homepage-link');
  });

  it('SkipLink moves focus to the main content', async () => {
    render(
      <>
        <SkipLink />
        <main id="main-content">Content</main>
      </>,
    );
    await userEvent.setup().click(screen.getByRole('link', { name: 'Skip to main content' }));
    expect(screen.getByRole('main')).toHaveFocus();
    expect(screen.getByRole('main')).toHaveClass('govuk-skip-link-focused-element');
  });

  it('NotificationBanner: a region titled "Important", or an alert for success', () => {
    const { rerender } = render(<NotificationBanner heading="You are offline." />);
    const banner = screen.getByRole('region', { name: 'Important' });
    expect(banner).toHaveClass('govuk-notification-banner');
    expect(within(banner).getByText('You are offline.')).toHaveClass('govuk-notification-banner__heading');
    rerender(<NotificationBanner type="success" heading="You have signed out" />);
    expect(screen.getByRole('alert')).toHaveClass('govuk-notification-banner--success');
    expect(screen.getByRole('alert')).toHaveFocus();
  });

  it('Pagination: previous and next links with hidden "page"', () => {
    render(
      <Router>
        <Pagination previous={{ href: '/staff' }} next={{ href: '/staff?cursor=abc' }} />
      </Router>,
    );
    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => [a.getAttribute('rel'), a.getAttribute('href')])).toEqual([
      ['prev', '/staff'],
      ['next', '/staff?cursor=abc'],
    ]);
    expect(within(nav).getAllByText('page', { exact: false })[0]).toHaveClass('govuk-visually-hidden');
  });

  it('Table, SummaryList and Tag use GOV.UK classes and semantics', () => {
    render(
      <>
        <Table caption="People" head={[{ text: 'Name' }, { text: 'Cases', numeric: true }]} firstCellIsHeader rows={[['Sam', { content: 3, numeric: true }]]} />
        <SummaryList rows={[{ key: 'Team', value: 'Assessment' }]} />
        <Tag colour="purple">Agency</Tag>
      </>,
    );
    const table = screen.getByRole('table', { name: 'People' });
    expect(within(table).getByRole('rowheader', { name: 'Sam' })).toHaveAttribute('scope', 'row');
    expect(within(table).getByRole('cell', { name: '3' })).toHaveClass('govuk-table__cell--numeric');
    expect(screen.getByText('Team').tagName).toBe('DT');
    expect(screen.getByText('Agency')).toHaveClass('govuk-tag', 'govuk-tag--purple');
  });
});
