import type { CaseGroupScope, EpisodeStatus } from './episode.ts';

/** What an episode needs before the review team can agree it, and before it counts as checked by the case group. */
export type EpisodeFacts = {
  status: EpisodeStatus;
  whatHappened: string;
  localRationality: string;
  appraisal: string | null;
  appraisalRationale: string;
  sharedWithCaseGroup: boolean;
  openComments: number;
};

/**
 * The checks a status change must pass; an empty list means it may happen. Going back to draft is
 * always allowed; the steps forward go one at a time.
 */
export function unmetForStatus(e: EpisodeFacts, to: EpisodeStatus): string[] {
  if (to === 'draft') return [];
  const unmet: string[] = [];
  if (to === 'review_team_agreed' || to === 'case_group_checked') {
    if (!e.whatHappened.trim()) unmet.push('Write what happened');
    if (!e.localRationality.trim()) unmet.push('Write how it looked at the time');
    if (!e.appraisal) unmet.push('Choose an appraisal of the practice');
    if (!e.appraisalRationale.trim()) unmet.push('Give the reasons for the appraisal');
  }
  if (to === 'case_group_checked') {
    if (e.status === 'draft') unmet.push('The review team must agree the episode first');
    if (!e.sharedWithCaseGroup) unmet.push('Share the episode with the case group');
    if (e.openComments > 0) unmet.push(`Resolve the case group’s comments (${e.openComments} open)`);
  }
  return unmet;
}

/** The status after which the next forward step is taken, for "what is still needed". */
export function nextStatus(status: EpisodeStatus): EpisodeStatus | null {
  if (status === 'draft') return 'review_team_agreed';
  if (status === 'review_team_agreed') return 'case_group_checked';
  return null;
}

/** A change to what the episode says sends an agreed episode back to draft, so it is agreed again. */
export const fieldsThatReopen = [
  'title',
  'periodFrom',
  'periodTo',
  'whatHappened',
  'localRationality',
  'appraisal',
  'appraisalRationale',
  'standardKind',
  'standardReference',
  'hindsight',
] as const;

/** A member of the case group, as the sharing rule sees them. */
export type CaseGroupMember = { agencyId: string | null; jobTitle: string | null };

/**
 * Whether a case group member sees an episode: only once it is shared, and then every shared episode
 * or (the default) only those involving their agency or their role.
 */
export function caseGroupMaySee(
  episode: { sharedWithCaseGroup: boolean; agencyIds: readonly string[]; roles: readonly string[] },
  member: CaseGroupMember,
  scope: CaseGroupScope,
): boolean {
  if (!episode.sharedWithCaseGroup) return false;
  if (scope === 'all') return true;
  if (member.agencyId && episode.agencyIds.includes(member.agencyId)) return true;
  const title = member.jobTitle?.trim().toLowerCase();
  return Boolean(title) && episode.roles.some((r) => r.trim().toLowerCase() === title);
}

/**
 * The ranks after one item moves to a rank (1 is the most significant): the others keep their order
 * and close up around it. Returns ids in rank order.
 */
export function moveToRank(orderedIds: readonly string[], id: string, rank: number): string[] {
  const rest = orderedIds.filter((x) => x !== id);
  const at = Math.max(0, Math.min(rest.length, rank - 1));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

/** Whether a new order names exactly the existing items, each once. */
export function isPermutation(existing: readonly string[], proposed: readonly string[]): boolean {
  if (existing.length !== proposed.length) return false;
  const set = new Set(proposed);
  return set.size === proposed.length && existing.every((x) => set.has(x));
}

export type MapEpisode = {
  id: string;
  number: number;
  title: string;
  appraisal: string | null;
  appraisalLabel: string | null;
  agencyIds: readonly string[];
};
export type MapFactor = {
  episodeId: string;
  group: string;
  groupLabel: string;
  factorType: string | null;
  description: string;
};
export type MapFinding = { id: string; number: number; statement: string; episodeIds: readonly string[] };

/**
 * The causal map: episodes, the contributory factors that influenced them (one node per factor type,
 * or per factor where no type is given, so a factor shared by several episodes shows as one), and the
 * findings the episodes support. Filters keep episodes of one agency and factors of one group.
 */
export function buildCausalMap(
  input: { episodes: readonly MapEpisode[]; factors: readonly MapFactor[]; findings: readonly MapFinding[] },
  filter: { agencyId?: string | undefined; group?: string | undefined },
) {
  const episodes = input.episodes.filter((e) => !filter.agencyId || e.agencyIds.includes(filter.agencyId));
  const shown = new Set(episodes.map((e) => e.id));
  const nodes: Array<{
    id: string;
    kind: 'episode' | 'factor' | 'finding';
    label: string;
    detail: string;
    group: string | null;
    appraisal: string | null;
    episodeId: string | null;
    findingId: string | null;
  }> = episodes.map((e) => ({
    id: `episode:${e.id}`,
    kind: 'episode',
    label: `${e.number}. ${e.title}`,
    detail: e.appraisalLabel ? `Appraisal: ${e.appraisalLabel}` : 'Not yet appraised',
    group: null,
    appraisal: e.appraisal,
    episodeId: e.id,
    findingId: null,
  }));
  const edges: Array<{ from: string; to: string; kind: 'influenced' | 'supports'; detail: string | null }> =
    [];
  const factorNodes = new Map<string, (typeof nodes)[number]>();
  for (const f of input.factors) {
    if (!shown.has(f.episodeId)) continue;
    if (filter.group && f.group !== filter.group) continue;
    const label = f.factorType ?? f.description.slice(0, 60);
    const nodeId = `factor:${f.group}:${(f.factorType ?? f.description).toLowerCase()}`;
    const existing = factorNodes.get(nodeId);
    if (!existing) {
      const node = {
        id: nodeId,
        kind: 'factor' as const,
        label,
        detail: `${f.groupLabel}: ${f.description}`,
        group: f.group,
        appraisal: null,
        episodeId: null,
        findingId: null,
      };
      factorNodes.set(nodeId, node);
      nodes.push(node);
    }
    const to = `episode:${f.episodeId}`;
    // The edge carries how the factor influenced this episode, in the episode's own words.
    const same = edges.find((x) => x.from === nodeId && x.to === to);
    if (same) same.detail = `${same.detail}; ${f.description}`;
    else edges.push({ from: nodeId, to, kind: 'influenced', detail: f.description });
  }
  for (const finding of input.findings) {
    const linked = finding.episodeIds.filter((id) => shown.has(id));
    if (linked.length === 0) continue;
    const nodeId = `finding:${finding.id}`;
    nodes.push({
      id: nodeId,
      kind: 'finding',
      label: `Finding ${finding.number}`,
      detail: finding.statement,
      group: null,
      appraisal: null,
      episodeId: null,
      findingId: finding.id,
    });
    for (const e of linked) edges.push({ from: `episode:${e}`, to: nodeId, kind: 'supports', detail: null });
  }
  return { nodes, edges };
}
