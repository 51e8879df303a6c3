import { type FormEvent, useMemo, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { type Choice, SelectField, TextField } from '../components/form-fields.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { clientProblem } from '../review/client-problem.ts';
import {
  type EpisodeDto,
  type FactorBody,
  type ReviewReferenceDto,
  useAddFactor,
  useUpdateFactor,
} from './api.ts';
import { type ReportProblem, useReportProblem } from './episode-problems.ts';
import { LanguageCheckedTextarea, type SavedFlag } from './language-checked-textarea.tsx';

export type FactorDto = EpisodeDto['factors'][number];
type Values = { group: string; factorType: string; description: string; rank: string };

type Props = {
  partnershipId: string;
  reviewId: string;
  episodeId: string;
  groups: ReviewReferenceDto['factors']['content']['groups'];
  /** The factor to change; none to add one. */
  factor?: FactorDto | undefined;
  /** The factor's flagged wording, as the episode carries it. */
  savedFlags?: SavedFlag[] | undefined;
  onDone: (message: string) => void;
  onCancel?: (() => void) | undefined;
  onProblem: ReportProblem;
};

const fields = ['group', 'factorType', 'description', 'rank'] as const;

/** The server's field errors named as this form's fields, which carry its prefix. */
function withPrefix(error: unknown, prefix: string): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const named = error.fields.map((f) => ({ ...f, path: `${prefix}-${f.path.split('.')[0]}` }));
  return new ApiError(error.status, error.code, error.message, { fields: named });
}

/**
 * Adds a contributory factor to an episode, or changes one: its group and type from the review's
 * factor framework, how it influenced what happened (with the language check), and its rank.
 */
export function EpisodeFactorForm(props: Props) {
  const { partnershipId, reviewId, episodeId, groups, factor, onDone, onCancel, onProblem } = props;
  const add = useAddFactor(partnershipId, reviewId, episodeId);
  const change = useUpdateFactor(partnershipId, reviewId, episodeId);
  const prefix = factor ? `factor-${factor.id}` : 'factor';
  const ids = fields.map((f) => `${prefix}-${f}`);
  const blank: Values = { group: '', factorType: '', description: '', rank: '' };
  const start: Values = factor
    ? {
        group: factor.group,
        factorType: factor.factorType ?? '',
        description: factor.description,
        rank: String(factor.rank),
      }
    : blank;
  const [v, setV] = useState(start);
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const error = factor ? change.error : add.error;
  const named = useMemo(() => withPrefix(error, prefix), [error, prefix]);
  const serverProblem = useFormProblem(named, ids);
  const problem = checked ?? serverProblem;
  useReportProblem(onProblem, prefix, problem);
  const errors = problem?.fields ?? {};
  const set = (key: keyof Values) => (value: string) => setV((x) => ({ ...x, [key]: value }));

  const group = groups.find((g) => g.key === v.group);
  const types: Choice[] = (group?.types ?? []).map((t) => ({ value: t, label: t }));
  if (v.factorType && types.length > 0 && !types.some((t) => t.value === v.factorType))
    types.push({ value: v.factorType, label: v.factorType });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const rank = v.rank.trim() ? Number(v.rank.trim()) : undefined;
    const found = clientProblem(
      {
        [`${prefix}-rank`]:
          rank !== undefined && !(Number.isInteger(rank) && rank >= 1)
            ? 'Enter the rank as a whole number, like 1'
            : '',
      },
      ids,
    );
    setChecked(found);
    if (found) return;
    const body: FactorBody = {
      group: v.group,
      factorType: v.factorType.trim() || null,
      description: v.description,
      ...(rank !== undefined ? { rank } : {}),
    };
    if (!factor)
      return add.mutate(
        { ...body, evidence: [] },
        {
          onSuccess: () => {
            setV(blank);
            onDone('The contributory factor has been added');
          },
        },
      );
    change.mutate(
      { ...body, factorId: factor.id, version: factor.version },
      { onSuccess: () => onDone('The contributory factor has been changed') },
    );
  };

  const pending = add.isPending || change.isPending;
  const what = factor ? `factor ranked ${factor.rank}` : '';
  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label={factor ? `Change the ${what}` : 'Add a contributory factor'}
    >
      <SelectField
        id={`${prefix}-group`}
        label="Factor group"
        hint={group?.hint || undefined}
        emptyLabel="Select a group"
        value={v.group}
        error={errors[`${prefix}-group`]}
        choices={groups.map((g) => ({ value: g.key, label: g.label }))}
        onChange={(value) => setV((x) => ({ ...x, group: value, factorType: '' }))}
      />
      {types.length > 0 ? (
        <SelectField
          id={`${prefix}-factorType`}
          label="Type of factor (optional)"
          emptyLabel="Not specified"
          value={v.factorType}
          error={errors[`${prefix}-factorType`]}
          choices={types}
          onChange={set('factorType')}
        />
      ) : (
        <TextField
          id={`${prefix}-factorType`}
          label="Type of factor (optional)"
          hint={group ? 'This group has no list of types: describe the type in a few words' : undefined}
          value={v.factorType}
          error={errors[`${prefix}-factorType`]}
          onChange={set('factorType')}
        />
      )}
      <LanguageCheckedTextarea
        id={`${prefix}-description`}
        label="How it influenced what happened"
        hint="What it made more or less likely, in this episode and in the system around it."
        rows={4}
        value={v.description}
        error={errors[`${prefix}-description`]}
        onChange={set('description')}
        partnershipId={partnershipId}
        reviewId={reviewId}
        episodeId={episodeId}
        saved={factor ? { text: factor.description, flags: props.savedFlags ?? [] } : undefined}
        dismissTarget={
          factor ? { entityType: 'factor', entityId: factor.id, field: 'description' } : undefined
        }
      />
      <TextField
        id={`${prefix}-rank`}
        label="Rank (optional)"
        hint={
          factor
            ? '1 is the most significant; the other factors move to make room'
            : '1 is the most significant. Leave it empty to add the factor last.'
        }
        inputMode="numeric"
        widthClass="govuk-input--width-2"
        value={v.rank}
        error={errors[`${prefix}-rank`]}
        onChange={set('rank')}
        spellCheck={false}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          {factor ? 'Save the factor' : 'Add the factor'}
        </button>
        {onCancel ? (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
