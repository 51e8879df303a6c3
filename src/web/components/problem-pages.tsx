import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { Page } from './page.tsx';

/** "Page not found", for unknown addresses and for records the person cannot see. */
export function NotFoundPage() {
  return (
    <Page title={['Page not found']} heading="Page not found">
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p className="govuk-body">
        If the address is correct, the page may have been removed, or you may not have access to it.{' '}
        <Link className="govuk-link" to="/">
          Go to your home page
        </Link>
        .
      </p>
    </Page>
  );
}

/** "Sorry, there is a problem with the service", for server errors and lost connections. */
export function ServiceErrorPage() {
  return (
    <Page
      title={['Sorry, there is a problem with the service']}
      heading="Sorry, there is a problem with the service"
    >
      <p className="govuk-body">Try again later.</p>
      <p className="govuk-body">
        Anything you had not saved has not been saved. If you were saving something, check whether it was
        saved before you enter it again.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href="/">
          Go to your home page
        </a>
      </p>
    </Page>
  );
}

/** "You do not have permission", with the server's explanation. */
export function ForbiddenPage({ message }: { message?: string | undefined }) {
  return (
    <Page title={['You do not have permission']} heading="You do not have permission">
      <p className="govuk-body">{message ?? 'You do not have permission to see this page.'}</p>
      <p className="govuk-body">
        If you think you should have access, contact your partnership admin.{' '}
        <Link className="govuk-link" to="/">
          Go to your home page
        </Link>
        .
      </p>
    </Page>
  );
}

/** The page to show when loading what a page needs has failed. */
export function QueryProblem({ error }: { error: unknown }) {
  if (error instanceof ApiError) {
    if (error.status === 401) return null;
    if (error.status === 404) return <NotFoundPage />;
    if (error.status === 403) return <ForbiddenPage message={error.message} />;
  }
  return <ServiceErrorPage />;
}

/** Shown while a page's information loads. */
export function Loading() {
  return (
    <p className="govuk-body" role="status">
      Loading…
    </p>
  );
}
