import { publicationDecisions } from '../publication/publication.ts';
import {
  type EvidenceMaker,
  type Item,
  long,
  type Paths,
  plural,
  type QualityFacts,
} from './evidence-facts.ts';
import {
  analysis,
  family,
  information,
  parallel,
  practitioners,
  reviewManagement,
} from './evidence-running.ts';
import { decision, familyLetter, governance, recorded, referral } from './evidence-set-up.ts';
import type { AutoEvidenceDto } from './quality.ts';

export type { QualityFacts } from './evidence-facts.ts';

function report(f: QualityFacts, p: Paths): Item[] {
  const { versions, latest } = f.report;
  const href = `${p.review}/report`;
  if (!latest)
    return [
      {
        key: 'report_versions',
        label: 'Report versions',
        detail: 'None generated yet',
        supports: null,
        href,
      },
    ];
  const at = `${href}/versions/${latest.number}`;
  const scan = !latest.hits
    ? 'no possible identifiers found'
    : `${plural(latest.hits, 'possible identifier')}, ${latest.unacknowledged} not yet acknowledged`;
  return [
    {
      key: 'report_versions',
      label: 'Report versions',
      detail: `${plural(versions, 'version')}; the latest is version ${latest.number}`,
      supports: null,
      href,
    },
    {
      key: 'identifier_scan',
      label: 'Identifier scan of the latest version',
      detail: `Scanned on ${long(latest.scannedOn)}: ${scan}`,
      supports: latest.unacknowledged === 0,
      href: at,
    },
    {
      key: 'publishable',
      label: 'Ready to publish',
      detail: `Version ${latest.number} is ${latest.publishable ? '' : 'not '}marked publishable`,
      supports: latest.publishable,
      href: at,
    },
  ];
}

function publication(f: QualityFacts, p: Paths): Item[] {
  const r = f.publication;
  const href = `${p.review}/publication`;
  const decided = Boolean(r && r.decision !== 'undecided');
  const notices = [
    r?.panelNoticeSentOn && `the national panel on ${long(r.panelNoticeSentOn)}`,
    r?.dfeNoticeSentOn && `the Department for Education on ${long(r.dfeNoticeSentOn)}`,
  ].filter(Boolean);
  const items: Item[] = [
    {
      key: 'publication_decision',
      label: 'Decision whether to publish',
      detail: publicationDecisions[r?.decision ?? 'undecided'],
      supports: decided ? true : null,
      href,
    },
    {
      key: 'notices',
      label: 'Notice before publication',
      detail: notices.length ? `Sent to ${notices.join(' and ')}` : 'No notice recorded',
      supports: notices.length === 2 ? true : decided ? false : null,
      href,
    },
  ];
  if (r?.publishedOn)
    items.push({
      key: 'published',
      label: 'Published',
      detail: `On ${long(r.publishedOn)}`,
      supports: true,
      href,
    });
  return items;
}

const byMarker: Record<number, EvidenceMaker> = {
  1: referral,
  2: decision,
  4: familyLetter,
  5: (f, p) => [
    recorded('purpose', 'Purpose statement', f.termsOfReference.purposeRecorded, `${p.review}/terms`),
  ],
  6: (f, p) => [
    recorded(
      'proportionality',
      'Why the review is proportionate',
      f.termsOfReference.proportionalityRecorded,
      `${p.review}/terms`,
    ),
  ],
  7: governance,
  8: reviewManagement,
  9: parallel,
  10: information,
  11: practitioners,
  12: family,
  13: analysis,
  14: report,
  17: publication,
};

/** The facts Sightlines holds that bear on a marker, each saying whether it suggests the marker is met. */
export function autoEvidenceFor(marker: number, facts: QualityFacts): AutoEvidenceDto[] {
  const partnership = `/partnerships/${facts.partnershipId}`;
  const paths = { partnership, review: `${partnership}/reviews/${facts.reviewId}` };
  return (byMarker[marker]?.(facts, paths) ?? []).map((item) => ({ ...item, href: item.href ?? null }));
}
