import type { LetterKind } from './letter.ts';

/**
 * The standard wording of each letter, used until a partnership writes its own. The introductory
 * letter follows SCIE Guide 24 Appendix 1 (the systems model: learning, not blame); the family
 * letter follows Quality Marker 4 (purpose, process and limits, told with respect and early).
 */
export const standardLetterTemplates: Record<LetterKind, string> = {
  introductory: `# Taking part in the review {{review.title}}

{{today}}

Dear {{participant.name}},

{{partnership.name}} is carrying out a review of how agencies worked with a child and their family. You have been asked to take part as a {{participant.role}}. This letter explains what the review is for and what taking part involves.

## What the review is for

The review uses the Learning Together systems model. It treats the case as a window on the way our agencies work together. We want to understand why things happened as they did, and why the actions and decisions taken made sense to the people involved at the time.

The review is about learning, not blame. It does not look for someone to hold responsible, and it is not a disciplinary process. We are as interested in what went well, and what helped good practice, as in what made the work harder.

## What taking part involves

- a conversation with the lead reviewers about your work with the family, at a time and place that suits you
- meetings with the review team and others who worked on the case, to check our account and test what we have found
- reading drafts of the findings, and telling us if anything is inaccurate or unfair

## Your conversation

We will ask you about what happened, what you knew and were thinking at the time, and what helped or got in the way of your work. With your consent, we will record the conversation so that we have an accurate account of what you told us. We will tell you how the recording is kept and when it is destroyed.

## Confidentiality

What you tell us is used only for the review. Drafts are shared with the people taking part, who are asked to keep them confidential. The published report describes people by their role only, never by name, and does not name the family or where they live.

## Support

Taking part in a review can be difficult, especially when a child has been seriously harmed or has died. Talk to your manager about the support your agency offers, and tell us if there is anything that would make it easier for you to take part.

## Contact

The lead reviewers for this review are {{leadReviewers}}. If you have any questions, contact {{businessManager.name}}, who manages the review, at {{businessManager.email}}.

Yours sincerely,

{{businessManager.name}}
{{partnership.name}}
`,
  family: `# About the review {{partnership.name}} is carrying out

{{today}}

Dear {{participant.name}},

We are writing to tell you about a review that {{partnership.name}} is carrying out, and to ask whether you would like to take part. We are very sorry for what has happened to your family, and we know this letter may reach you at a very difficult time.

## Why there is a review

When a child has died or been seriously harmed and abuse or neglect is known or suspected, the local safeguarding partners (the council, the police and the health service) must consider whether a review could help them learn how to protect children better. They have decided to carry out a review.

## What the review is for

The review looks at how the services that knew your family worked, on their own and together, and what they can learn. It is about how the system works, not about blaming individual people.

## What the review cannot do

- it cannot decide whether anyone committed a crime: that is for the police and the courts
- it cannot take disciplinary action against anyone
- it cannot change decisions made by a court
- it cannot deal with individual complaints, although we would like to hear about your experiences

## How the review works

Lead reviewers who are independent of the services involved lead the review. They read the services’ records and have conversations with the staff who worked with your family. A review team of senior managers from the services helps them understand what happened and why. A review usually takes about six months.

## How you can take part

Your views matter to the review. It is your choice whether to take part, and you can change your mind at any time. If you would like to, you can:

- meet the lead reviewers for a conversation, at a time and place that suits you, and bring someone with you for support
- tell us what you think the review should look at
- hear what the review has found before the report is finished, and tell us what you think

## The report

At the end of the review there will be a report. It will be anonymised: it will not name your child, your family, the staff involved or where you live. We will talk to you before it is published.

## Support

If you would like support, or help to take part, please tell us and we will help you find it. You can bring a relative, friend or advocate to any meeting.

## Contact

If you have any questions, or would like to take part, contact {{businessManager.name}} at {{businessManager.email}}.

Yours sincerely,

{{businessManager.name}}
{{partnership.name}}
`,
};
