import { z } from 'zod';
import {
  causalMapDto,
  causalMapQuery,
  changeEpisodeStatusInput,
  checkLanguageInput,
  checkLanguageResult,
  commentInput,
  commentParams,
  createEpisodeInput,
  dismissFlagInput,
  episodeDto,
  episodeList,
  episodeParams,
  factorInput,
  factorParams,
  languageFlagList,
  reorderEpisodesInput,
  resolveCommentInput,
  shareEpisodesInput,
  updateEpisodeInput,
  updateFactorInput,
} from '#domain/analysis/episode.ts';
import { reviewReferenceDto } from '#domain/reference/reference.ts';
import { reviewParams } from '#domain/review/review.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { reviewReference } from '../reference/reference.service.ts';
import { reviewCtx } from '../review/access.ts';
import { getCausalMap } from './causal-map.service.ts';
import { commentOnEpisode, resolveEpisodeComment } from './comment.service.ts';
import {
  changeEpisodeStatus,
  createEpisode,
  deleteEpisode,
  getEpisode,
  listEpisodes,
  reorderEpisodes,
  shareEpisodesWithCaseGroup,
  updateEpisode,
} from './episode.service.ts';
import { analysisAccess } from './episode-access.ts';
import {
  addContributoryFactor,
  deleteContributoryFactor,
  updateContributoryFactor,
} from './factor.service.ts';
import { checkReviewLanguage, dismissLanguageFlag, listLanguageFlags } from './language.service.ts';

const tags = ['Analysis'];
const base = '/api/partnerships/:partnershipId/reviews/:reviewId';
const episodeUrl = `${base}/episodes/:episodeId`;
const write = { lock: true };

/**
 * The routes of a review's analysis: key practice episodes, factors, comments, the language check, the causal map.
 * The two removals come last: the authorization matrix removes its fixture episode and factor with them.
 */
export const analysisRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: `${base}/episodes`,
    operationId: 'listEpisodes',
    summary: 'The review’s key practice episodes, in order',
    description:
      'Reviewers see every episode with how many comments are open and how much flagged wording is unresolved. A member of the case group sees only the episodes shared with the case group: by default those that involve their agency or their role, or every shared episode if the lead reviewer chose that.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: analysisAccess(['viewAnalysis', 'viewSharedEpisodes']),
    response: { status: 200, schema: episodeList, description: 'The episodes and what the person may do' },
    errors: [401, 403, 404],
    handler: async (ctx) => listEpisodes(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/episodes`,
    operationId: 'createEpisode',
    summary: 'Add a key practice episode',
    description:
      'Make an episode from narrative events (its period runs from the first event to the last, and its agencies and practitioner roles are those of the events), or from a period (its agencies are those with events in the period). It is numbered after the existing episodes and starts as a draft.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: analysisAccess('editAnalysis', write),
    body: createEpisodeInput,
    response: { status: 201, schema: episodeDto, description: 'The new episode' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => createEpisode(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/episodes/order`,
    operationId: 'reorderEpisodes',
    summary: 'Put the episodes in a new order',
    description:
      'Give every episode of the review, each once, in the new order; they are numbered 1, 2, 3 and so on in that order.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: analysisAccess('manageAnalysis', write),
    body: reorderEpisodesInput,
    response: { status: 200, schema: episodeList, description: 'The episodes in their new order' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => reorderEpisodes(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/episodes/share`,
    operationId: 'shareEpisodesWithCaseGroup',
    summary: 'Share episodes with the case group, or stop sharing them',
    description:
      'Shared episodes can be read and commented on by members of the case group. Optionally also choose whether case group members see only the shared episodes that involve their agency or role, or every shared episode.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: analysisAccess('manageAnalysis', write),
    body: shareEpisodesInput,
    response: { status: 200, schema: episodeList, description: 'The episodes after the change' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => shareEpisodesWithCaseGroup(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'GET',
    url: episodeUrl,
    operationId: 'getEpisode',
    summary: 'A key practice episode, with its factors and comments (each reading is audited)',
    description:
      'Reviewers get the whole episode: its events, evidence, factors with their evidence, every comment, the wording the language check flags and what is still needed before the next status. A member of the case group gets a shared episode they may see, without the events, evidence or flagged wording, and only their own comments; any other episode is not found.',
    tags,
    auth: 'session',
    params: episodeParams,
    access: analysisAccess(['viewAnalysis', 'viewSharedEpisodes']),
    response: { status: 200, schema: episodeDto, description: 'The episode' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) => getEpisode(reviewCtx(ctx), params.episodeId),
  }),
  defineRoute({
    method: 'PATCH',
    url: episodeUrl,
    operationId: 'updateEpisode',
    summary: 'Change what an episode says, its events or its evidence',
    description:
      'Send the version the change is based on; if someone else changed the episode since, the answer is 409 with the episode as it is now. The appraisal must be a grade of the review’s appraisal scale, agencies must be the partnership’s, and events and evidence must be this review’s. Changing what an agreed episode says (its title, period, account, appraisal, standard or hindsight) returns it to draft.',
    tags,
    auth: 'session',
    params: episodeParams,
    access: analysisAccess('editAnalysis', write),
    body: updateEpisodeInput,
    response: { status: 200, schema: episodeDto, description: 'The episode after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => updateEpisode(reviewCtx(ctx), params.episodeId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${episodeUrl}/status`,
    operationId: 'changeEpisodeStatus',
    summary: 'Mark an episode agreed by the review team, checked by the case group, or back to draft',
    description:
      'Going back to draft is always possible. Going forward needs what happened, how it looked at the time, an appraisal and its reasons; “case group checked” also needs the review team’s agreement, sharing with the case group and every comment resolved. If anything is missing nothing changes, and the 409 lists what is needed in `details.unmet`.',
    tags,
    auth: 'session',
    params: episodeParams,
    access: analysisAccess('manageAnalysis', write),
    body: changeEpisodeStatusInput,
    response: { status: 200, schema: episodeDto, description: 'The episode at its new status' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => changeEpisodeStatus(reviewCtx(ctx), params.episodeId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${episodeUrl}/factors`,
    operationId: 'addContributoryFactor',
    summary: 'Add a contributory factor to an episode',
    description:
      'The group must be a group of the review’s factor framework; where the group lists factor types, the type must be one of them. The factor goes at the rank given (1 is the most significant) or last, and the others close up around it.',
    tags,
    auth: 'session',
    params: episodeParams,
    access: analysisAccess('editAnalysis', write),
    body: factorInput,
    response: { status: 201, schema: episodeDto, description: 'The episode with the new factor' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { params, body }) => addContributoryFactor(reviewCtx(ctx), params.episodeId, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: `${episodeUrl}/factors/:factorId`,
    operationId: 'updateContributoryFactor',
    summary: 'Change a contributory factor or move it to another rank',
    description:
      'Send the factor’s version; if someone else changed it since, the answer is 409 with the episode as it is now. Moving a factor to a rank moves the others up or down so ranks stay 1, 2, 3 and so on.',
    tags,
    auth: 'session',
    params: factorParams,
    access: analysisAccess('editAnalysis', write),
    body: updateFactorInput,
    response: { status: 200, schema: episodeDto, description: 'The episode after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) =>
      updateContributoryFactor(reviewCtx(ctx), params.episodeId, params.factorId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${episodeUrl}/comments`,
    operationId: 'commentOnEpisode',
    summary: 'Comment on an episode',
    description:
      'Reviewers may comment on any episode; a member of the case group may comment on the shared episodes they can see. The comment shows the author’s role in the review, such as “Case group member (Health visitor)”, and stays open until a lead reviewer resolves it.',
    tags,
    auth: 'session',
    params: episodeParams,
    access: analysisAccess('commentOnEpisodes'),
    body: commentInput,
    response: { status: 201, schema: episodeDto, description: 'The episode with the comment' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { params, body }) => commentOnEpisode(reviewCtx(ctx), params.episodeId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${episodeUrl}/comments/:commentId/resolve`,
    operationId: 'resolveEpisodeComment',
    summary: 'Resolve a comment on an episode, saying how it was dealt with',
    description: 'A comment that is already resolved cannot be resolved again (409).',
    tags,
    auth: 'session',
    params: commentParams,
    access: analysisAccess('manageAnalysis', write),
    body: resolveCommentInput,
    response: { status: 200, schema: episodeDto, description: 'The episode with the comment resolved' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) =>
      resolveEpisodeComment(reviewCtx(ctx), params.episodeId, params.commentId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/language-check`,
    operationId: 'checkLanguage',
    summary: 'Check a piece of writing for hindsight and blame wording',
    description:
      'Checks the text against the language rules the review is analysed with and says where each flagged phrase is, why it matters and what to write instead. Quoted speech is left alone. Nothing is stored.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: analysisAccess('viewAnalysis'),
    body: checkLanguageInput,
    response: { status: 200, schema: checkLanguageResult, description: 'The flagged wording' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => checkReviewLanguage(reviewCtx(ctx), body.text),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/language-flags`,
    operationId: 'listLanguageFlags',
    summary: 'The flagged wording across the review’s episodes and factors',
    description:
      'Every written field of the review’s episodes and contributory factors in which the language check flags wording, with each flag marked as kept (with the reviewer’s reason) or not, and how many are unresolved.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: analysisAccess('viewAnalysis'),
    response: { status: 200, schema: languageFlagList, description: 'The flagged fields' },
    errors: [401, 403, 404],
    handler: async (ctx) => listLanguageFlags(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/language-flags/dismissals`,
    operationId: 'dismissLanguageFlag',
    summary: 'Keep flagged wording, giving the reason',
    description:
      'The phrase must be flagged in that field of that episode, factor or finding now (a finding’s issues for the board and recommendations are fields of their own: `boardQuestions.0`, `recommendations.1`). Once kept, it no longer counts as unresolved; keeping it again replaces the reason.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: analysisAccess('editAnalysis', write),
    body: dismissFlagInput,
    response: {
      status: 200,
      schema: z.object({ dismissed: z.literal(true) }),
      description: 'The wording is kept',
    },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => dismissLanguageFlag(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/causal-map`,
    operationId: 'getCausalMap',
    summary: 'The causal map of the review’s analysis',
    description:
      'The episodes, the contributory factors that influenced them (a factor type shared by several episodes is one node) and the findings they support, as nodes and edges. Filter by an agency to keep the episodes that involve it, or by a factor group. Also lists the agencies on episodes and the factor groups, for the filters.',
    tags,
    auth: 'session',
    params: reviewParams,
    query: causalMapQuery,
    access: analysisAccess('viewAnalysis'),
    response: { status: 200, schema: causalMapDto, description: 'Nodes, edges and the filter choices' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { query }) => getCausalMap(reviewCtx(ctx), query),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/reference`,
    operationId: 'getReviewReference',
    summary: 'The reference data the review is analysed with',
    description:
      'The versions of the typology, the contributory factor framework, the appraisal scale and the language rules this review uses, with their content. A review keeps the versions it started its analysis with.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: analysisAccess(['viewAnalysis', 'viewSharedEpisodes']),
    response: { status: 200, schema: reviewReferenceDto, description: 'The reference data, by kind' },
    errors: [401, 403, 404],
    handler: async (ctx) => reviewReference(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'DELETE',
    url: `${episodeUrl}/factors/:factorId`,
    operationId: 'deleteContributoryFactor',
    summary: 'Remove a contributory factor from an episode',
    description:
      'The other factors close up so their ranks stay 1, 2, 3 and so on. Removing a factor that is already gone changes nothing and answers with the episode as it is.',
    tags,
    auth: 'session',
    params: factorParams,
    access: analysisAccess('editAnalysis', { lock: true, mayBeGone: 'factor' }),
    response: { status: 200, schema: episodeDto, description: 'The episode without the factor' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) =>
      deleteContributoryFactor(reviewCtx(ctx), params.episodeId, params.factorId),
  }),
  defineRoute({
    method: 'DELETE',
    url: episodeUrl,
    operationId: 'deleteEpisode',
    summary: 'Remove a key practice episode',
    description:
      'Removes the episode with its factors, comments and links to events and evidence, and numbers the remaining episodes again. Removing an episode that is already gone changes nothing.',
    tags,
    auth: 'session',
    params: episodeParams,
    access: analysisAccess('editAnalysis', { lock: true, mayBeGone: 'episode' }),
    response: { status: 204, schema: null, description: 'Removed' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) => {
      await deleteEpisode(reviewCtx(ctx), params.episodeId);
      return undefined;
    },
  }),
];
