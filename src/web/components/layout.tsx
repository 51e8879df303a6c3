import type { MouseEvent, ReactNode } from 'react';
import { Link, useMatch } from 'react-router';
import { useSession } from '../api/session.ts';
import { AccountNavigation, ServiceNavigation } from './service-navigation.tsx';

/** The page frame every screen shares: skip link, header and navigation, main content and footer. */
export function Layout({ children }: { children: ReactNode }) {
  const session = useSession().data ?? null;
  const match = useMatch('/partnerships/:partnershipId/*');
  const onlyMembership = session?.memberships.length === 1 ? session.memberships[0] : undefined;
  const membership =
    session?.memberships.find((m) => m.partnershipId === match?.params.partnershipId) ?? onlyMembership;
  const midSignIn = Boolean(session?.mfaPending || session?.mfaEnrolmentRequired);
  const showNavigation = session && !session.user.mustChangePassword && !midSignIn;

  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: the GOV.UK skip link is a link that still works without the script */}
      <a href="#main-content" className="govuk-skip-link" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="govuk-template__header">
        <div className="govuk-generic-header">
          <div className="govuk-generic-header__container govuk-width-container">
            <div className="govuk-generic-header__logo">
              <Link to="/" className="govuk-generic-header__homepage-link">
                Sightlines
              </Link>
            </div>
          </div>
        </div>
        {session ? (
          <ServiceNavigation membership={showNavigation ? membership : undefined}>
            <AccountNavigation
              name={session.user.name}
              showChangePassword={!session.user.mustChangePassword && !midSignIn}
            />
          </ServiceNavigation>
        ) : null}
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Footer />
    </>
  );
}

/** Moves focus to the main content, as govuk-frontend's skip link script does, without changing the address. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  const main = document.getElementById('main-content');
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView?.();
}

function Footer() {
  return (
    <footer className="govuk-footer govuk-template__footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <a className="govuk-footer__link" href="/api/docs">
                  API reference
                </a>
              </li>
            </ul>
            <span className="govuk-footer__licence-description">
              Sightlines supports multi-agency case reviews that use the Learning Together systems model.
            </span>
          </div>
        </div>
      </div>
    </footer>
  );
}
