/**
 * The emails Sightlines sends, in plain text and plain English. None of them carries anything about
 * a child, a family or what a review has found: only who the email is for, the partnership, dates
 * and a link into the service, where the person signs in to see more.
 */
export type EmailMessage = { subject: string; text: string };

const signature = ['', '—', 'Sightlines', 'This email was sent automatically. Please do not reply to it.'];

const longDate = (iso: string) =>
  new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

const lines = (...parts: string[]) => [...parts, ...signature].join('\n');

/** A new account: set a password with the link. */
export function invitationEmail(input: {
  name: string;
  partnershipName: string;
  link: string;
  expiresAt: Date;
}): EmailMessage {
  return {
    subject: 'Set up your Sightlines account',
    text: lines(
      `Dear ${input.name},`,
      '',
      `${input.partnershipName} has set up a Sightlines account for you.`,
      '',
      'To choose your password and start using it, open this link:',
      '',
      input.link,
      '',
      `The link works once, until ${longDate(input.expiresAt.toISOString())}.`,
      'If you were not expecting this email, you can ignore it.',
    ),
  };
}

/** A forgotten password: reset it with the link. */
export function passwordResetEmail(input: { name: string; link: string }): EmailMessage {
  return {
    subject: 'Reset your Sightlines password',
    text: lines(
      `Dear ${input.name},`,
      '',
      'Someone asked to reset the password of your Sightlines account. To choose a new password, open this link:',
      '',
      input.link,
      '',
      'The link works once, for 1 hour.',
      '',
      'If you did not ask for this, you can ignore this email: your password has not changed.',
      'If you keep getting these emails, tell the admin of your safeguarding partnership.',
    ),
  };
}

/** Someone new invited to take part in a review: the link creates their account. */
export function participantInvitationEmail(input: {
  name: string;
  partnershipName: string;
  link: string;
  expiresAt: Date;
}): EmailMessage {
  return {
    subject: 'You have been invited to take part in a review',
    text: lines(
      `Dear ${input.name},`,
      '',
      `${input.partnershipName} has invited you to take part in a review in Sightlines.`,
      '',
      'The review is about learning, not blame. To read more and set up your account, open this link:',
      '',
      input.link,
      '',
      `The link works once, until ${longDate(input.expiresAt.toISOString())}.`,
    ),
  };
}

/**
 * An action is due soon or overdue: to its owner, or to the review's business managers when the
 * owner is not a person with an account (`toOwner` false).
 */
export function actionReminderEmail(input: {
  name: string;
  partnershipName: string;
  dueOn: string;
  overdue: boolean;
  toOwner: boolean;
  link: string;
}): EmailMessage {
  const state = input.overdue ? 'overdue' : 'due soon';
  const when = input.overdue
    ? `It was due on ${longDate(input.dueOn)} and is not marked as done.`
    : `It is due on ${longDate(input.dueOn)}.`;
  const whose = input.toOwner
    ? `You own an action in the action plan of a review in ${input.partnershipName}.`
    : `An action in the action plan of a review you are business manager of, in ${input.partnershipName}, has an owner who does not use Sightlines, so this reminder comes to you.`;
  return {
    subject: input.toOwner ? `An action you own is ${state}` : `An action in your review is ${state}`,
    text: lines(
      `Dear ${input.name},`,
      '',
      whose,
      when,
      '',
      'Sign in to see the action and record its progress:',
      '',
      input.link,
    ),
  };
}

/** A review's deadline is near or has passed (for the review's business managers). */
export function deadlineReminderEmail(input: {
  name: string;
  partnershipName: string;
  label: string;
  date: string;
  daysLeft: number;
  link: string;
}): EmailMessage {
  const what = input.label.toLowerCase();
  const when =
    input.daysLeft < 0
      ? `passed on ${longDate(input.date)}`
      : input.daysLeft === 0
        ? `is today, ${longDate(input.date)}`
        : `is on ${longDate(input.date)}, in ${input.daysLeft} day${input.daysLeft === 1 ? '' : 's'}`;
  return {
    subject: input.daysLeft < 0 ? `A review’s ${what} date has passed` : `A review’s ${what} date is near`,
    text: lines(
      `Dear ${input.name},`,
      '',
      `You are a business manager of a review in ${input.partnershipName}. Its target ${what} date ${when}.`,
      '',
      'Sign in to see the review:',
      '',
      input.link,
    ),
  };
}
