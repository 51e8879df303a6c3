import { Readable } from 'node:stream';
import {
  actions,
  chronologyEvents,
  chronologyImports,
  chronologyKnowledge,
  chronologyPerspectives,
  chronologySources,
  contributoryFactors,
  conversations,
  conversationVersions,
  documents,
  episodeComments,
  episodeEvidence,
  episodes,
  findings,
  languageFlagDismissals,
  libraryEntries,
  meetingAttendees,
  meetings,
  parallelProcesses,
  pseudonymEntries,
  pseudonymRegisters,
  publications,
  reportCirculations,
  reportComments,
  reportDrafts,
  reportHitAcknowledgements,
  reportSignOffs,
  reportVersions,
  reviewTransitions,
  supervisionReplies,
  supervisionSessions,
  supervisionThreads,
} from '../db/schema/index.ts';
import { filesystemStorage } from '../document/storage.ts';
import { samplePng } from '../document/testing.ts';
import { givenAgency, givenMember, givenParticipant, givenReview, type TestApp } from '../testing/harness.ts';

let seed = 1000;

/** Words that appear only in one review's personal data, so a test can look for them afterwards. */
export const secret = (label: string) => `${label} Zebedee Quartermaine`;

/**
 * A published review (or one in progress, with `published: false`) holding personal data in every
 * kind of record erasure deals with, written directly to the database; its document's file is stored.
 */
export async function givenReviewFullOfPersonalData(
  t: TestApp,
  partnershipId: string,
  options: { published?: boolean; publishedOn?: string; practitionerName?: string } = {},
) {
  const db = t.database.db;
  const published = options.published ?? true;
  const review = await givenReview(t, partnershipId, {
    stage: published ? 'action_monitoring' : 'analysis',
    decisionRationale: secret('Decision about'),
    qualityAssurer: secret('Assured by'),
  });
  const pid = partnershipId;
  const r = { partnershipId: pid, reviewId: review.id };
  const agency = await givenAgency(t, pid);
  const practitioner = await givenMember(t, pid, 'member', {
    name: options.practitionerName ?? 'Pat Practitioner',
  });
  const participant = await givenParticipant(t, review, 'case_group_member', practitioner, {
    jobTitle: 'Health visitor',
  });
  const lead = await givenMember(t, pid, 'member', { name: 'Lee Lead' });
  await givenParticipant(t, review, 'lead_reviewer', lead);

  const content = samplePng(seed++);
  const { sha256, size } = await filesystemStorage(t.config.dataDir).put(Readable.from([content]));
  const [document] = await db
    .insert(documents)
    .values({
      ...r,
      title: secret('Case file of'),
      kind: 'case_record',
      originalFilename: 'case.png',
      mediaType: 'image/png',
      sizeBytes: size,
      sha256,
      extractedText: secret('Text about'),
      createdBy: lead.id,
    })
    .returning();
  const [conversation] = await db
    .insert(conversations)
    .values({
      ...r,
      participantId: participant.id,
      content: { account: secret('Said by') },
      searchText: secret('Said by'),
      participantComment: secret('Comment from'),
      createdBy: lead.id,
    })
    .returning();
  await db.insert(conversationVersions).values({
    partnershipId: pid,
    conversationId: conversation!.id,
    version: 1,
    status: 'draft',
    snapshot: { account: secret('Said by') },
    changedBy: lead.id,
  });
  const [event] = await db
    .insert(chronologyEvents)
    .values({
      ...r,
      occurredOn: '2025-01-10',
      agencyId: agency.id,
      practitionerRole: 'Health visitor',
      summary: secret('Home visit to'),
      significance: secret('Significant for'),
    })
    .returning();
  await db.insert(chronologyPerspectives).values({
    partnershipId: pid,
    eventId: event!.id,
    agencyId: agency.id,
    account: secret('Account of'),
  });
  await db.insert(chronologySources).values([
    { partnershipId: pid, eventId: event!.id, kind: 'document', documentId: document!.id },
    { partnershipId: pid, eventId: event!.id, kind: 'conversation', conversationId: conversation!.id },
  ]);
  await db.insert(chronologyKnowledge).values({
    partnershipId: pid,
    eventId: event!.id,
    agencyId: agency.id,
    learnedOn: '2025-01-11',
    how: secret('Phone call from'),
  });
  await db.insert(chronologyImports).values({
    ...r,
    agencyId: agency.id,
    filename: 'chronology.csv',
    rows: [{ summary: secret('Imported row about') }],
  });
  const [episode] = await db
    .insert(episodes)
    .values({
      ...r,
      number: 1,
      title: 'Episode one',
      periodFrom: '2025-01-01',
      periodTo: '2025-02-01',
      whatHappened: secret('What happened to'),
      localRationality: secret('Why it made sense to'),
    })
    .returning();
  await db.insert(episodeEvidence).values({
    partnershipId: pid,
    episodeId: episode!.id,
    kind: 'conversation',
    conversationId: conversation!.id,
    passage: secret('Passage about'),
    position: 1,
  });
  await db.insert(episodeComments).values({
    partnershipId: pid,
    episodeId: episode!.id,
    authorId: practitioner.id,
    authorParticipantId: participant.id,
    authorRole: 'case_group_member',
    body: secret('Episode comment by'),
  });
  await db.insert(contributoryFactors).values({
    ...r,
    episodeId: episode!.id,
    groupKey: 'team',
    description: 'Caseloads were high',
    rank: 1,
    evidence: [{ kind: 'passage', targetId: conversation!.id, passage: secret('Evidence from'), note: null }],
  });
  await db.insert(languageFlagDismissals).values({
    ...r,
    entityType: 'episode',
    entityId: episode!.id,
    field: 'whatHappened',
    ruleId: 'blame',
    phrase: secret('Phrase about'),
    reason: 'Quoted',
  });
  const [finding] = await db
    .insert(findings)
    .values({
      ...r,
      number: 1,
      statement: 'Agencies do not share concerns about neglect',
      howItShowed: secret('How it showed for'),
      status: 'final',
    })
    .returning();
  await db.insert(libraryEntries).values({
    partnershipId: pid,
    source: 'review',
    findingId: finding!.id,
    reviewId: review.id,
    reviewTitle: review.title,
    reviewType: 'lcspr',
    findingNumber: 1,
    statement: 'Agencies do not share concerns about neglect',
    year: 2019,
  });
  const [meeting] = await db
    .insert(meetings)
    .values({
      ...r,
      kind: 'case_group',
      title: 'Case group meeting',
      startsAt: new Date('2025-03-01T10:00:00Z'),
      location: secret('At the home of'),
      notes: secret('Notes about'),
    })
    .returning();
  await db
    .insert(meetingAttendees)
    .values({ partnershipId: pid, meetingId: meeting!.id, participantId: participant.id });
  await db.insert(pseudonymRegisters).values({ partnershipId: pid, reviewId: review.id });
  await db.insert(pseudonymEntries).values({
    ...r,
    position: 1,
    category: 'child',
    realValue: secret('Real name'),
    variants: [secret('Nickname')],
    replacement: 'Child Q',
  });
  await db.insert(reportDrafts).values({ ...r, sections: { introduction: secret('Draft about') } });
  const version = (number: number, publishable: boolean) => ({
    ...r,
    number,
    document: {} as never,
    docx: Buffer.from('docx'),
    pdf: Buffer.from('pdf'),
    html: '<p>Child Q</p>',
    hits: [{ text: secret('Hit') }] as never,
    publishable,
  });
  const [draft] = await db.insert(reportVersions).values(version(1, false)).returning();
  const [final] = await db.insert(reportVersions).values(version(2, true)).returning();
  const [circulation] = await db
    .insert(reportCirculations)
    .values({
      ...r,
      versionId: draft!.id,
      audience: 'case_group',
      closesOn: '2025-05-01',
      note: secret('Circulated to'),
    })
    .returning();
  await db.insert(reportComments).values({
    ...r,
    circulationId: circulation!.id,
    sectionId: 'introduction',
    body: secret('Report comment by'),
    authorId: practitioner.id,
  });
  await db.insert(reportSignOffs).values([
    {
      ...r,
      versionId: draft!.id,
      step: 1,
      stepLabel: 'Chair',
      outcome: 'changes_requested',
      note: secret('Sign-off note'),
    },
    { ...r, versionId: final!.id, step: 1, stepLabel: 'Chair', outcome: 'approved' },
  ]);
  await db
    .insert(reportHitAcknowledgements)
    .values({ partnershipId: pid, versionId: final!.id, hitKey: 'k1', reason: secret('Kept because') });
  const [thread] = await db
    .insert(supervisionThreads)
    .values({
      ...r,
      targetType: 'episode',
      targetId: episode!.id,
      body: secret('Supervision about'),
      authorId: lead.id,
    })
    .returning();
  await db
    .insert(supervisionReplies)
    .values({ ...r, threadId: thread!.id, body: secret('Reply about'), authorId: lead.id });
  await db.insert(supervisionSessions).values({
    ...r,
    kind: 'group',
    heldOn: '2025-02-02',
    attendees: secret('Attended'),
    notes: secret('Session on'),
  });
  await db.insert(parallelProcesses).values({
    ...r,
    kind: 'criminal_trial',
    description: secret('Trial of'),
    contact: secret('Detective'),
  });
  await db.insert(actions).values({
    ...r,
    findingId: finding!.id,
    description: 'Audit information sharing',
    ownerName: options.practitionerName ?? 'Pat Practitioner',
  });
  await db.insert(reviewTransitions).values({
    ...r,
    fromStage: 'analysis',
    toStage: 'paused',
    action: 'pause',
    reason: secret('Paused for the trial of'),
  });
  if (published) {
    await db
      .insert(publications)
      .values({ ...r, decision: 'publish', publishedOn: options.publishedOn ?? '2019-01-15' });
  }
  return {
    review,
    practitioner,
    participant,
    lead,
    document: document!,
    conversation: conversation!,
    event: event!,
    episode: episode!,
    versionIds: [draft!.id, final!.id],
  };
}
