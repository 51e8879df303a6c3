import { Link } from 'react-router';
import type { LibraryEntry, SimilarFindingDto } from './api.ts';

type Part = { text: string; match: boolean };

/** Text with the words a search matched marked, built from parts so nothing is rendered as HTML. */
export function Highlighted({ parts, fallback }: { parts: Part[]; fallback?: string }) {
  if (parts.length === 0) return <>{fallback ?? ''}</>;
  return (
    <>
      {parts.map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}

type Statement = Pick<SimilarFindingDto, 'statement' | 'statementParts' | 'path'>;

/** A finding's statement with its matches marked, linked to the finding where the person may open it. */
export function EntryStatement({ entry }: { entry: Statement }) {
  const text = <Highlighted parts={entry.statementParts} fallback={entry.statement} />;
  return entry.path ? (
    <Link className="govuk-link" to={entry.path}>
      {text}
    </Link>
  ) : (
    text
  );
}

type Described = Pick<SimilarFindingDto, 'reviewTitle' | 'year' | 'own' | 'partnershipName'> & {
  reviewTypeLabel?: string | undefined;
};

/** "Child T · Rapid review · 2024 · Northshire Safeguarding Partnership": where a finding comes from. */
export function entrySource(entry: Described): string {
  return [
    entry.reviewTitle,
    entry.reviewTypeLabel,
    String(entry.year),
    entry.own ? null : entry.partnershipName,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The typology category and themes of a finding, as tags. */
export function EntryTags({ entry }: { entry: Pick<LibraryEntry, 'typology' | 'themes'> }) {
  if (!entry.typology && entry.themes.length === 0) return null;
  return (
    <ul className="app-library-tags" aria-label="Category and themes">
      {entry.typology ? (
        <li>
          <strong className="govuk-tag govuk-tag--purple">
            <span className="govuk-visually-hidden">Typology category: </span>
            {entry.typology.name}
          </strong>
        </li>
      ) : null}
      {entry.themes.map((t) => (
        <li key={t.key}>
          <strong className="govuk-tag govuk-tag--grey">
            <span className="govuk-visually-hidden">Theme: </span>
            {t.label}
          </strong>
        </li>
      ))}
    </ul>
  );
}

/** "Published" or "Not yet published". */
export function PublishedTag({ published }: { published: boolean }) {
  return published ? (
    <strong className="govuk-tag govuk-tag--green">Published</strong>
  ) : (
    <strong className="govuk-tag govuk-tag--yellow">Not yet published</strong>
  );
}
