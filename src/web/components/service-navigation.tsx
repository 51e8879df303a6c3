import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { mayInPartnership } from '#domain/partnership/policy.ts';
import { mayCommission } from '#domain/review/policy.ts';
import type { Membership } from '../api/session.ts';
import { useSignOut } from '../api/session.ts';

type Item = { text: string; href: string; exact?: boolean };

/** The items a member may use in a partnership, from the abilities the server gave the session. */
function navigationItems(membership: Membership): Item[] {
  const home = `/partnerships/${membership.partnershipId}`;
  const items: Item[] = [
    { text: 'Home', href: home, exact: true },
    // Those who run reviews see all of them there; everyone else sees the reviews they take part in.
    { text: mayCommission(membership.role) ? 'Reviews' : 'My reviews', href: `${home}/reviews` },
    { text: 'Agencies', href: `${home}/agencies` },
  ];
  // Serious incident notifications and rapid reviews: the partnership policy decides by role.
  if (mayInPartnership({ userId: '', role: membership.role }, 'manageIntake'))
    items.push({ text: 'Notifications', href: `${home}/notifications` });
  if (membership.abilities.listUsers) items.push({ text: 'People', href: `${home}/users` });
  if (membership.abilities.monitorReviews) items.push({ text: 'Monitoring', href: `${home}/monitoring` });
  if (membership.abilities.trackActions) items.push({ text: 'Actions', href: `${home}/actions` });
  if (membership.abilities.viewLibrary) items.push({ text: 'Library', href: `${home}/library` });
  if (membership.abilities.viewAnalytics) items.push({ text: 'Analytics', href: `${home}/analytics` });
  if (membership.abilities.viewReviewerPool) {
    items.push({ text: 'Reviewer pool', href: `${home}/reviewers` });
    items.push({ text: 'Training', href: `${home}/training` });
  }
  if (membership.abilities.viewAudit) items.push({ text: 'Audit log', href: `${home}/audit` });
  return items;
}

/** GOV.UK service navigation: the partnership's sections, with the account links at the end. */
export function ServiceNavigation({
  membership,
  children,
}: {
  membership?: Membership | undefined;
  children: ReactNode;
}) {
  const { pathname } = useLocation();
  const items = membership ? navigationItems(membership) : [];
  return (
    <section aria-label="Service information" className="govuk-service-navigation">
      <div className="govuk-width-container govuk-service-navigation__inlining-container">
        <div className="govuk-service-navigation__container">
          {items.length > 0 ? (
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list" id="navigation">
                {items.map((item) => {
                  const current = pathname === item.href;
                  const active = current || (!item.exact && pathname.startsWith(`${item.href}/`));
                  return (
                    <li
                      key={item.href}
                      className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}
                    >
                      <Link
                        className="govuk-service-navigation__link"
                        to={item.href}
                        aria-current={current ? 'page' : active ? 'true' : undefined}
                      >
                        {active ? (
                          <strong className="govuk-service-navigation__active-fallback">{item.text}</strong>
                        ) : (
                          item.text
                        )}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
          ) : null}
        </div>
        {children}
      </div>
    </section>
  );
}

/** Who is signed in, with "Your account", "Change password" and "Sign out". */
export function AccountNavigation({
  name,
  showChangePassword,
}: {
  name: string;
  showChangePassword: boolean;
}) {
  const signOut = useSignOut();
  const onSignOut = () => signOut.mutate();
  return (
    <nav aria-label="Your account">
      <ul className="app-account-nav">
        <li className="app-account-nav__name">{name}</li>
        {showChangePassword ? (
          <>
            <li>
              <Link className="govuk-link" to="/account">
                Your account
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to="/password">
                Change password
              </Link>
            </li>
          </>
        ) : null}
        <li>
          <button type="button" className="app-link-button" onClick={onSignOut} disabled={signOut.isPending}>
            Sign out
          </button>
        </li>
      </ul>
    </nav>
  );
}
