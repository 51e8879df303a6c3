import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { type ReviewDto, reviewPage, useReview } from './api.ts';
import './review.scss';

type Section = {
  text: string;
  section: string;
  show: (abilities: Record<string, boolean>) => boolean;
  /** Other addresses under the review whose pages belong to this section. */
  also?: string[];
};

const sections: Section[] = [
  { text: 'Overview', section: '', show: () => true },
  { text: 'Terms of reference', section: 'terms', show: (a) => Boolean(a.viewTermsOfReference) },
  { text: 'People', section: 'people', show: (a) => Boolean(a.viewParticipants) },
  { text: 'Meetings', section: 'meetings', show: (a) => Boolean(a.viewAllMeetings || a.viewOwnMeetings) },
  {
    text: 'Parallel processes',
    section: 'parallel-processes',
    show: (a) => Boolean(a.viewParallelProcesses),
  },
  {
    text: 'Documents',
    section: 'documents',
    // Case group members see the documents shared with the case group; they have viewOwnConversation.
    show: (a) => Boolean(a.viewDocuments || a.viewOwnConversation),
  },
  {
    text: 'Conversations',
    section: 'conversations',
    show: (a) => Boolean(a.viewConversations || a.viewOwnConversation),
  },
  { text: 'Narrative', section: 'narrative', show: (a) => Boolean(a.viewNarrative) },
  {
    text: 'Analysis',
    section: 'episodes',
    // The causal map is reached from the episodes page, so it sits under "Analysis" too.
    also: ['causal-map'],
    show: (a) => Boolean(a.viewAnalysis || a.viewSharedEpisodes),
  },
  { text: 'Findings', section: 'findings', show: (a) => Boolean(a.viewFindings) },
  // Everyone in the review: the server lists only the versions each person may read.
  { text: 'Report', section: 'report', show: (a) => Boolean(a.viewReview) },
  { text: 'Pseudonyms', section: 'pseudonym-register', show: (a) => Boolean(a.viewPseudonymRegister) },
  { text: 'Publication', section: 'publication', show: (a) => Boolean(a.viewPublication) },
  { text: 'Board response', section: 'board-response', show: (a) => Boolean(a.viewBoardResponse) },
  { text: 'Actions', section: 'actions', show: (a) => Boolean(a.viewActions) },
  {
    text: 'Quality markers',
    section: 'quality-markers',
    // The partners' requests for a draft are reached from the quality markers.
    also: ['draft-requests'],
    show: (a) => Boolean(a.viewQuality),
  },
  { text: 'Supervision', section: 'supervision', show: (a) => Boolean(a.viewSupervision) },
  { text: 'Letters', section: 'letters', show: (a) => Boolean(a.generateLetters) },
  { text: 'Search', section: 'search', show: (a) => Boolean(a.searchEvidence) },
];

type Props = {
  partnershipId: string;
  reviewId: string;
  /** The review if the page already has it; otherwise it is loaded (and shared with the page's own load). */
  review?: ReviewDto | undefined;
};

/**
 * The sections of one review, shown under its title on every review page: each only when the
 * person's abilities in the review allow it. Other teams' review pages (meetings, letters) use it too.
 */
export function ReviewNavigation({ partnershipId, reviewId, review }: Props) {
  const loaded = useReview(partnershipId, review ? '' : reviewId);
  const abilities = (review ?? loaded.data)?.abilities;
  const { pathname } = useLocation();
  if (!abilities) return null;
  const base = reviewPage(partnershipId, reviewId);
  const shown = sections.filter((s) => s.show(abilities));

  return (
    <nav className="app-review-nav" aria-label="Review sections">
      <ul className="app-review-nav__list">
        {shown.map((s) => {
          const href = s.section ? `${base}/${s.section}` : base;
          const exact = pathname === href;
          const within =
            (s.section !== '' && pathname.startsWith(`${href}/`)) ||
            (s.also ?? []).some((x) => pathname === `${base}/${x}` || pathname.startsWith(`${base}/${x}/`));
          const current = exact || within;
          return (
            <li
              key={s.text}
              className={`app-review-nav__item${current ? ' app-review-nav__item--current' : ''}`}
            >
              <Link
                className="govuk-link govuk-link--no-visited-state app-review-nav__link"
                to={href}
                aria-current={exact ? 'page' : within ? 'true' : undefined}
              >
                {s.text}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** A review page's content at the usual reading width, below the full-width section navigation. */
export function ReviewContent({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}
