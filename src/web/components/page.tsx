import { type ReactNode, useEffect, useRef } from 'react';
import { ErrorSummary, type ErrorSummaryItem } from './error-summary.tsx';
import { useFocusOnNavigation } from './navigation-focus.tsx';
import { NotificationBanner, type NotificationBannerProps } from './notification-banner.tsx';

export type PageProps = {
  /** The document title's parts before "Sightlines", most specific first. */
  title: string[];
  heading: ReactNode;
  caption?: string | undefined;
  errors?: ErrorSummaryItem[] | undefined;
  banner?: NotificationBannerProps | null | undefined;
  width?: 'two-thirds' | 'full';
  children?: ReactNode;
};

/** Sets the document title to "Page – … – Sightlines", with "Error: " in front while there are errors. */
export function useDocumentTitle(parts: string[], hasErrors = false): void {
  const title = `${hasErrors ? 'Error: ' : ''}${[...parts, 'Sightlines'].join(' – ')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/**
 * One page of the service: title, error summary or success banner, the main heading and content.
 * After a move to this page, focus goes to the error summary or success banner if shown, otherwise
 * to the heading.
 */
export function Page({ title, heading, caption, errors, banner, width = 'two-thirds', children }: PageProps) {
  const hasErrors = Boolean(errors && errors.length > 0);
  useDocumentTitle(title, hasErrors);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  useFocusOnNavigation(hasErrors ? summaryRef : banner ? bannerRef : headingRef);

  return (
    <>
      <div className="govuk-grid-row">
        <div className={width === 'full' ? 'govuk-grid-column-full' : 'govuk-grid-column-two-thirds'}>
          {hasErrors && errors ? <ErrorSummary ref={summaryRef} errors={errors} /> : null}
          {banner ? <NotificationBanner ref={bannerRef} {...banner} /> : null}
          {caption ? <span className="govuk-caption-l">{caption}</span> : null}
          <h1 className="govuk-heading-l" tabIndex={-1} ref={headingRef}>
            {heading}
          </h1>
        </div>
      </div>
      {width === 'full' ? (
        children
      ) : (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">{children}</div>
        </div>
      )}
    </>
  );
}
