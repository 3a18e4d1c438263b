import { useEffect, useRef, type MouseEvent } from 'react';
import { ServiceNavigation } from 'govuk-frontend/dist/govuk/components/service-navigation/service-navigation.mjs';
import { Link, useLocation } from '../../router';

export interface NavigationItem {
  href: string;
  text: string;
  current?: boolean;
  onClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
}

export interface HeaderProps {
  serviceName?: string;
  serviceUrl?: string;
  /** The organisation's name, shown in a generic header above the service navigation. */
  organisationName?: string;
  navigation?: NavigationItem[];
  /** The signed-in person: name and role in words. */
  account?: { name: string; role: string };
}

/**
 * The page header: GOV.UK generic header (the organisation, not GOV.UK: this is a council
 * service) and GOV.UK service navigation with the service name "Supervision", the menu and
 * who is signed in. On a phone the menu collapses behind GOV.UK's "Menu" button: govuk-frontend's own
 * ServiceNavigation script, started from this module (the CSP allows no inline script).
 */
export function Header({
  serviceName = 'Supervision',
  serviceUrl = '/',
  organisationName,
  navigation = [],
  account,
}: HeaderProps) {
  const { pathname } = useLocation();
  const section = useRef<HTMLElement>(null);
  const hasMenu = navigation.length > 0;
  useEffect(() => {
    if (!hasMenu || !section.current) return;
    try {
      new ServiceNavigation(section.current);
    } catch {
      // Already started (React's development double effect) or no GOV.UK CSS (unit tests): the list stays shown.
    }
  }, [hasMenu, pathname]);
  return (
    <header className="govuk-template__header">
      {organisationName && (
        <div className="govuk-generic-header">
          <div className="govuk-generic-header__container govuk-width-container">
            <div className="govuk-generic-header__logo">
              <Link href={serviceUrl} className="govuk-generic-header__homepage-link">
                {organisationName}
              </Link>
            </div>
          </div>
        </div>
      )}
      <section
        // A new element per page and per menu: the menu closes after moving, and the script starts on each.
        key={`${hasMenu}-${pathname}`}
        ref={section}
        aria-label="Service information"
        className="govuk-service-navigation"
        data-module="govuk-service-navigation"
      >
        <div className="govuk-width-container govuk-service-navigation__inlining-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link href={serviceUrl} className="govuk-service-navigation__link">
                {serviceName}
              </Link>
            </span>
            {navigation.length > 0 && (
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <button
                  type="button"
                  className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                  aria-controls="navigation"
                  hidden
                  aria-hidden="true"
                >
                  Menu
                </button>
                <ul className="govuk-service-navigation__list" id="navigation">
                  {navigation.map((item) => (
                    <li
                      key={item.href}
                      className={
                        'govuk-service-navigation__item' +
                        (item.current ? ' govuk-service-navigation__item--active' : '')
                      }
                    >
                      <Link
                        className="govuk-service-navigation__link"
                        href={item.href}
                        aria-current={item.current ? 'page' : undefined}
                        onClick={item.onClick}
                      >
                        {item.current ? (
                          <strong className="govuk-service-navigation__active-fallback">{item.text}</strong>
                        ) : (
                          item.text
                        )}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
          </div>
          {account && (
            <p className="govuk-body-s app-account" data-testid="account">
              <span className="govuk-visually-hidden">Signed in as </span>
              <strong className="app-account__name">{account.name}</strong>
              <span className="app-account__role">{account.role}</span>
            </p>
          )}
        </div>
      </section>
    </header>
  );
}
