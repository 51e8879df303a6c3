import { type Item, long, type Paths, plural, type QualityFacts, timeliness } from './evidence-facts.ts';

/* The evidence for running the review: management, parallel processes, information, people and analysis. */

function publicationTarget(f: QualityFacts, p: Paths): Item {
  const key = 'publication_target';
  const label = 'Target publication date';
  const target = long(f.targetPublicationDate);
  const t = f.publicationTarget;
  const publishedOn = f.publication?.publishedOn;
  if (t?.overdue)
    return {
      key,
      label,
      detail: `Passed on ${target}, ${plural(-t.daysLeft, 'day')} ago, without publication`,
      supports: false,
      href: p.review,
    };
  if (t)
    return {
      key,
      label,
      detail: `${target}: ${plural(t.daysLeft, 'day')} from today`,
      supports: null,
      href: p.review,
    };
  if (!publishedOn)
    return {
      key,
      label,
      detail: `${target}; no publication date is recorded`,
      supports: null,
      href: `${p.review}/publication`,
    };
  const onTime = publishedOn <= f.targetPublicationDate;
  return {
    key,
    label,
    detail: `Published on ${long(publishedOn)}, ${onTime ? 'on or before' : 'after'} the target of ${target}`,
    supports: onTime,
    href: `${p.review}/publication`,
  };
}

/** QM8: the publication target met or missed, and requests for a draft answered on time or not. */
export function reviewManagement(f: QualityFacts, p: Paths): Item[] {
  const items = [publicationTarget(f, p)];
  if (!f.draftRequests.length) return items;
  const tally = { on_time: 0, late: 0, overdue: 0, pending: 0 };
  for (const d of f.draftRequests)
    tally[d.dueOn ? timeliness(d.dueOn, d.receivedOn, f.today) : d.receivedOn ? 'on_time' : 'pending'] += 1;
  const parts = [
    tally.on_time && `${tally.on_time} arrived on time`,
    tally.late && `${tally.late} arrived late`,
    tally.overdue && `${tally.overdue} overdue`,
    tally.pending && `${tally.pending} still to come`,
  ].filter(Boolean);
  items.push({
    key: 'draft_requests',
    label: 'Requests for a draft',
    detail: `${plural(f.draftRequests.length, 'request')}: ${parts.join(', ')}`,
    supports: tally.late || tally.overdue ? false : tally.on_time ? true : null,
    href: null,
  });
  return items;
}

/** QM9: the parallel processes recorded, and whether each has a contact. */
export function parallel(f: QualityFacts, p: Paths): Item[] {
  const { total, withContact } = f.parallelProcesses;
  const detail = !total
    ? 'None recorded'
    : withContact === total
      ? `${plural(total, 'process', 'processes')} recorded, each with a contact`
      : `${plural(total, 'process', 'processes')} recorded; ${total - withContact} without a contact`;
  return [
    {
      key: 'parallel_processes',
      label: 'Parallel processes',
      detail,
      supports: total ? withContact === total : null,
      href: `${p.review}/parallel-processes`,
    },
  ];
}

/** QM10: the narrative’s events, the agencies in scope contributing to it, and the documents gathered. */
export function information(f: QualityFacts, p: Paths): Item[] {
  const { events, documents, agenciesInScope, agenciesContributing } = f.narrative;
  return [
    {
      key: 'narrative',
      label: 'Multi-agency narrative',
      detail: events ? `${plural(events, 'event')} in the narrative` : 'No events in the narrative yet',
      supports: events > 0,
      href: `${p.review}/narrative`,
    },
    {
      key: 'agencies',
      label: 'Agencies contributing',
      detail: agenciesInScope
        ? `${agenciesContributing} of the ${plural(agenciesInScope, 'agency', 'agencies')} in scope have events in the narrative`
        : 'No agencies are in scope yet',
      supports: agenciesInScope > 0 && agenciesContributing >= agenciesInScope,
      href: `${p.review}/narrative`,
    },
    {
      key: 'documents',
      label: 'Documents gathered',
      detail: documents ? plural(documents, 'document') : 'None yet',
      supports: documents ? null : false,
      href: `${p.review}/documents`,
    },
  ];
}

const conversations = (held: number, confirmed: number) =>
  `${plural(held, 'conversation')} held, ${confirmed} confirmed by the person`;

/** QM11: the case group and the conversations held with them. */
export function practitioners(f: QualityFacts, p: Paths): Item[] {
  const { members, conversationsHeld: held, conversationsConfirmed: confirmed } = f.caseGroup;
  return [
    {
      key: 'case_group',
      label: 'Case group and their conversations',
      detail: members
        ? `${plural(members, 'member')}; ${conversations(held, confirmed)}`
        : 'No case group members yet',
      supports: !members || !held ? false : held >= members ? true : null,
      href: `${p.review}/conversations`,
    },
  ];
}

/** QM12: the family members taking part and their conversations, or the recorded reason for none. */
export function family(f: QualityFacts, p: Paths): Item[] {
  const { members, conversationsHeld: held, conversationsConfirmed: confirmed } = f.family;
  const label = 'Family involvement';
  if (members)
    return [
      {
        key: 'family',
        label,
        detail: `${plural(members, 'family member')} taking part; ${conversations(held, confirmed)}`,
        supports: true,
        href: `${p.review}/people`,
      },
    ];
  return [
    f.family.participationSectionWritten
      ? {
          key: 'family',
          label,
          detail:
            'No family member is taking part. The report’s section on who took part, who did not and why is written: check it gives the reason',
          supports: null,
          href: `${p.review}/report`,
        }
      : {
          key: 'family',
          label,
          detail: 'No family member is taking part. No reason recorded',
          supports: false,
          href: `${p.review}/people`,
        },
  ];
}

/** QM13: hindsight noted in the episodes, the methodology section and the unresolved language flags. */
export function analysis(f: QualityFacts, p: Paths): Item[] {
  const { episodes, withHindsight, methodologyWritten, unresolvedLanguageFlags: flags } = f.analysis;
  return [
    {
      key: 'hindsight',
      label: 'Hindsight noted in the key practice episodes',
      detail: episodes
        ? `${withHindsight} of ${plural(episodes, 'episode')} record what is known now that was not known then (hindsight kept apart)`
        : 'No episodes yet',
      supports: episodes ? withHindsight === episodes : null,
      href: `${p.review}/episodes`,
    },
    {
      key: 'methodology',
      label: 'Report section on methodology and how hindsight was limited',
      detail: methodologyWritten
        ? 'Written for this review'
        : 'The standard text: not yet written for this review',
      supports: methodologyWritten ? true : null,
      href: `${p.review}/report`,
    },
    {
      key: 'language_flags',
      label: 'Language check',
      detail: flags
        ? `${plural(flags, 'flagged phrase')} neither reworded nor kept with a reason`
        : 'No flagged wording left unresolved',
      supports: flags ? false : episodes ? true : null,
      href: `${p.review}/episodes`,
    },
  ];
}
