import { Readable } from 'node:stream';
import { conversationContent } from '#domain/conversation/conversation.ts';
import { searchText } from '#domain/conversation/search-text.ts';
import type { Tx } from '../db/client.ts';
import { conversations, conversationVersions, documents } from '../db/schema/index.ts';
import { filesystemStorage } from '../document/storage.ts';

type Person = { id: string; name: string };

const demoDocuments: { title: string; kind: string; agency: string; restriction: string; text: string }[] = [
  {
    title: 'Health visiting records: summary for the review',
    kind: 'agency_summary',
    agency: 'Community health',
    restriction: 'review_team',
    text: 'Summary of health visiting contacts with Child A and his mother. Weight faltered between the 25th and 9th centiles over four months. Mother reported low mood and poor sleep at several visits. Two planned contacts were missed. Concerns were discussed at the monthly liaison meeting with the GP practice.',
  },
  {
    title: 'Strategy discussion minutes, March',
    kind: 'minutes',
    agency: 'CSC',
    restriction: 'lead_reviewers',
    text: 'Strategy discussion minutes. Present: social worker, police sergeant, health visitor by telephone. Decision: single agency assessment; threshold for a section 47 enquiry not met. Actions: health visitor to weigh the child fortnightly.',
  },
  {
    title: 'Nursery safeguarding log extract',
    kind: 'case_record',
    agency: 'Education',
    restriction: 'case_group',
    text: 'Nursery safeguarding log. Attendance fell to 62 per cent. The child arrived hungry on several mornings and once with a bruise to the cheek; mother said he fell against the sofa. Designated safeguarding lead recorded the explanation and spoke to the mother.',
  },
];

/**
 * Loads the demo review's evidence: three documents (stored like uploads, so they can be opened and
 * searched) and three conversation records at different points in their lifecycle.
 */
export async function seedDemoEvidence(
  tx: Tx,
  input: {
    partnershipId: string;
    reviewId: string;
    agencyIds: Map<string, string>;
    people: Map<string, Person>;
    dataDir: string | null;
  },
) {
  const { partnershipId, reviewId } = input;
  if (input.dataDir) {
    const storage = filesystemStorage(input.dataDir);
    for (const d of demoDocuments) {
      const bytes = Buffer.from(d.text, 'utf8');
      const { sha256, size } = await storage.put(Readable.from([bytes]));
      await tx.insert(documents).values({
        partnershipId,
        reviewId,
        agencyId: input.agencyIds.get(d.agency) ?? null,
        title: d.title,
        kind: d.kind,
        originalFilename: `${d.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.txt`,
        mediaType: 'text/plain',
        sizeBytes: size,
        sha256,
        restriction: d.restriction,
        extractedText: d.text,
      });
    }
  }
  const lead = input.people.get('Dr Helen Mercer');
  const records: { person: string; status: string; content: unknown }[] = [
    {
      person: 'Jordan Blake',
      status: 'shared',
      content: {
        roleAndInvolvement:
          'Allocated social worker for the single agency assessment, from March until the case closed in June.',
        turningPoints: [
          {
            title: 'Closing the assessment',
            when: 'June',
            description:
              'The assessment was closed because the parents were engaging and the child’s weight had steadied.',
            localRationality: {
              whatWasHappening: 'The family seemed to be turning a corner; mother was attending her GP.',
              whatCaughtAttention: 'The last two weights were stable and the home was tidier.',
              competingConcerns: 'A caseload of 24 and three court deadlines that month.',
              hopedToAchieve:
                'Step down to early help so the family kept support without statutory involvement.',
              optionsSeen: 'Close to early help, or keep open for another month.',
            },
          },
        ],
        contributoryFactors: [
          {
            group: 'conditions_of_work',
            description: 'Caseload pressure made a quick closure feel like the only realistic option.',
            rank: 1,
          },
          {
            group: 'family',
            factorType: 'Willingness to engage',
            description: 'Mother’s apparent engagement was reassuring.',
            rank: 2,
          },
        ],
        wentWell: 'Good relationship with the mother; she talked openly about her mood.',
        overviewQueries: [
          {
            query: 'Were you aware of the nursery’s attendance concerns?',
            response: 'No, they were not shared with us.',
          },
        ],
        suggestedChanges: 'A checklist for step-down that asks every agency for its latest view.',
      },
    },
    {
      person: 'Amira Haddad',
      status: 'agreed',
      content: {
        roleAndInvolvement: 'Health visitor for the family from the new birth visit onwards.',
        turningPoints: [
          {
            title: 'Weight falling across centiles',
            when: 'February to May',
            description: 'Weights at home visits fell from the 25th to the 9th centile.',
          },
        ],
        localRationality: {
          whatWasHappening: 'I thought the feeding difficulties were linked to mother’s low mood.',
          whatCaughtAttention: '',
          competingConcerns: '',
          hopedToAchieve: '',
          optionsSeen: '',
        },
        contributoryFactors: [
          {
            group: 'inter_agency',
            description: 'The referral outcome letter arrived twelve days after the decision.',
            rank: 1,
          },
        ],
        wentWell: 'Weighing was frequent and recorded clearly.',
        suggestedChanges: 'Share referral outcomes with the referrer on the day.',
      },
    },
    {
      person: 'Dr Owen Price',
      status: 'draft',
      content: {
        roleAndInvolvement:
          'GP partner; saw the mother for her mental health and the child for minor illnesses.',
        wentWell: 'Regular reviews of the mother’s medication.',
      },
    },
  ];
  for (const r of records) {
    const person = input.people.get(r.person);
    if (!person) continue;
    const content = conversationContent.parse(r.content);
    const [row] = await tx
      .insert(conversations)
      .values({
        partnershipId,
        reviewId,
        participantId: person.id,
        status: r.status,
        heldOn: null,
        conductedBy: lead ? [lead.id] : [],
        consentGiven: true,
        audioRecorded: true,
        content,
        searchText: searchText(content),
      })
      .returning();
    await tx.insert(conversationVersions).values({
      partnershipId,
      conversationId: row!.id,
      version: 1,
      status: r.status,
      snapshot: { content, status: r.status },
    });
  }
}
