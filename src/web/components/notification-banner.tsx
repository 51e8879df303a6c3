import type { ReactNode, Ref } from 'react';

export type NotificationBannerProps = {
  heading: ReactNode;
  children?: ReactNode;
  type?: 'success' | 'important';
  ref?: Ref<HTMLDivElement>;
};

/** The GOV.UK notification banner; a success banner is announced and takes focus when it appears. */
export function NotificationBanner({ heading, children, type = 'success', ref }: NotificationBannerProps) {
  const success = type === 'success';
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: both roles take a label, as in GOV.UK Frontend
    <div
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby="govuk-notification-banner-title"
      tabIndex={-1}
      ref={ref}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="govuk-notification-banner-title">
          {success ? 'Success' : 'Important'}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
