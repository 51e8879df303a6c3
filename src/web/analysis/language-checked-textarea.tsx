import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { flagDto } from '#domain/analysis/episode.ts';
import {
  applyReplacement,
  type LanguageFlag,
  languageCategories,
  normalise,
} from '#domain/reference/language.ts';
import { ApiError, serviceProblemMessage } from '../api/client.ts';
import { describedBy, LabelledGroup } from '../components/form-fields.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { UnsavedWording } from '../components/written-fields.tsx';
import { checkLanguage, useDismissFlag } from './api.ts';
import './language-checked-textarea.scss';

/** A flag as the episode carries it: with whether someone chose to keep the wording, and why. */
export type SavedFlag = z.infer<typeof flagDto>;

/** Where a saved piece of writing lives, so a flag in it can be kept with a reason. */
export type DismissTarget = { entityType: 'episode' | 'factor' | 'finding'; entityId: string; field: string };

/** A flag as shown: kept (with the reason) or still to look at. */
export type ShownFlag = LanguageFlag & { kept: string | null };

const debounceMs = 600;
const flagKey = (f: Pick<LanguageFlag, 'ruleId' | 'phrase'>) => `${f.ruleId}:${normalise(f.phrase)}`;

/** "1 phrase" or "3 phrases". */
const phrases = (n: number) => `${n} ${n === 1 ? 'phrase' : 'phrases'}`;

/** The category of a flag in words, such as "Hindsight". */
export const categoryLabel = (category: string) =>
  (languageCategories as Record<string, string>)[category] ?? category;

/**
 * Checks writing against the review's language rules a moment after the person stops typing. Text
 * that is empty, or just as it was saved (`skipText`), is not sent.
 */
export function useLanguageCheck(
  partnershipId: string,
  reviewId: string,
  text: string,
  skipText: string | undefined,
) {
  const [checked, setChecked] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setChecked(text), debounceMs);
    return () => clearTimeout(timer);
  }, [text]);
  const enabled = Boolean(partnershipId && reviewId) && checked.trim() !== '' && checked !== skipText;
  const query = useQuery({
    queryKey: ['language-check', partnershipId, reviewId, checked],
    queryFn: () => checkLanguage(partnershipId, reviewId, checked),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    placeholderData: keepPreviousData,
  });
  return { flags: enabled ? (query.data?.flags ?? []) : [], failed: query.isError, checkNow: setChecked };
}

type Props = {
  id: string;
  label: string;
  labelSize?: 's' | 'm';
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  partnershipId: string;
  reviewId: string;
  /** The text as saved and the flags the server keeps for it (with kept wording), for a saved record. */
  saved?: { text: string; flags: SavedFlag[] } | undefined;
  /** Where the text is saved: given, a flag can be kept with a reason. */
  dismissTarget?: DismissTarget | undefined;
  /** The episode the writing belongs to, so keeping a flag refreshes it. */
  episodeId?: string | undefined;
};

/**
 * A GOV.UK textarea that checks the wording for hindsight and blame as the person writes, and lists
 * each flagged phrase under the field with why it matters and a neutral way to say it. The count is
 * announced politely; focus stays where the person is.
 */
export function LanguageCheckedTextarea(props: Props) {
  const { id, label, labelSize = 's', hint, error, value, onChange, rows = 5 } = props;
  const { partnershipId, reviewId, saved, dismissTarget, episodeId } = props;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const check = useLanguageCheck(partnershipId, reviewId, value, saved?.text);
  const [keptHere, setKeptHere] = useState<Record<string, string>>({});

  const unchanged = saved !== undefined && value === saved.text;
  const savedKept = new Map(
    (saved?.flags ?? []).filter((f) => f.dismissed).map((f) => [flagKey(f), f.dismissalReason ?? '']),
  );
  const source: LanguageFlag[] = !value.trim() ? [] : unchanged ? (saved?.flags ?? []) : check.flags;
  const shown: ShownFlag[] = source.map((f) => ({
    ...f,
    kept: keptHere[flagKey(f)] ?? savedKept.get(flagKey(f)) ?? null,
  }));
  const open = shown.filter((f) => f.kept === null).length;
  const kept = shown.length - open;
  const status =
    open > 0
      ? `${phrases(open)} to look at in ${label.toLowerCase()}${kept > 0 ? ` (${kept} kept)` : ''}`
      : kept > 0
        ? `The flagged wording in ${label.toLowerCase()} has been kept with a reason`
        : '';
  const statusId = `${id}-language`;
  const described = [describedBy(id, hint, error), status ? statusId : null].filter(Boolean).join(' ');

  const replace = (flag: LanguageFlag) => {
    const next = applyReplacement(value, flag);
    if (next === value || flag.replacement === null) return;
    onChange(next);
    check.checkNow(next);
    const caret = flag.start + flag.replacement.length;
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(caret, caret);
    });
  };

  return (
    <LabelledGroup id={id} label={label} labelSize={labelSize} hint={hint} error={error}>
      <textarea
        ref={textarea}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={described || undefined}
      />
      <p className="govuk-body-s app-language-status" id={statusId} aria-live="polite">
        {status}
      </p>
      {check.failed && !unchanged ? (
        <p className="govuk-body-s govuk-hint">The wording check is not available just now.</p>
      ) : null}
      {shown.length > 0 ? (
        <ul className="govuk-list app-language-flags" aria-label={`Wording to look at in ${label}`}>
          {shown.map((flag, i) => (
            <LanguageFlagItem
              key={`${flag.start}:${flag.ruleId}`}
              id={`${id}-flag-${i + 1}`}
              flag={flag}
              fieldLabel={label}
              canReplace={value.slice(flag.start, flag.end) === flag.phrase}
              onReplace={() => replace(flag)}
              partnershipId={partnershipId}
              reviewId={reviewId}
              episodeId={episodeId}
              dismissTarget={dismissTarget}
              onKept={(reason) => setKeptHere((k) => ({ ...k, [flagKey(flag)]: reason }))}
            />
          ))}
        </ul>
      ) : null}
    </LabelledGroup>
  );
}

/** What a form gives its written fields: the values and their setter, problems, and wording a reload replaced. */
export type WritingKit<F extends string> = {
  partnershipId: string;
  reviewId: string;
  values: Record<F, string>;
  set: (field: F) => (value: string) => void;
  errors: Record<string, string>;
  lost: Partial<Record<F, string | string[]>>;
};

type FieldProps<F extends string> = Omit<
  Props,
  'id' | 'value' | 'error' | 'onChange' | 'partnershipId' | 'reviewId'
> & { kit: WritingKit<F>; field: F };

/** A written field of a form with the language check under it, then any wording of it a reload replaced. */
export function LanguageCheckedField<F extends string>({ kit, field, ...props }: FieldProps<F>) {
  return (
    <>
      <LanguageCheckedTextarea
        {...props}
        id={field}
        value={kit.values[field]}
        error={kit.errors[field]}
        onChange={kit.set(field)}
        partnershipId={kit.partnershipId}
        reviewId={kit.reviewId}
      />
      <UnsavedWording text={kit.lost[field]} />
    </>
  );
}

const tagColours: Record<string, string> = {
  hindsight: 'govuk-tag--yellow',
  blame: 'govuk-tag--red',
  certainty: 'govuk-tag--purple',
  outcome: 'govuk-tag--orange',
};

type ItemProps = {
  id: string;
  flag: ShownFlag;
  fieldLabel: string;
  canReplace: boolean;
  onReplace: () => void;
  partnershipId: string;
  reviewId: string;
  episodeId: string | undefined;
  dismissTarget: DismissTarget | undefined;
  onKept: (reason: string) => void;
};

/** One flagged phrase: what it is, why it matters, a neutral way to say it, and what can be done. */
function LanguageFlagItem(props: ItemProps) {
  const { id, flag, fieldLabel, canReplace, onReplace, dismissTarget, onKept } = props;
  const dismiss = useDismissFlag(props.partnershipId, props.reviewId, props.episodeId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const keptMessage = useRef<HTMLParagraphElement>(null);
  const wasKept = useRef(flag.kept !== null);
  useEffect(() => {
    if (flag.kept !== null && !wasKept.current) keptMessage.current?.focus();
    wasKept.current = flag.kept !== null;
  }, [flag.kept]);
  const where = `‘${flag.phrase}’ in ${fieldLabel.toLowerCase()}`;

  const keep = () => {
    if (!dismissTarget) return;
    const why = reason.trim();
    if (!why) return setError('Say why the wording stays');
    setError(undefined);
    dismiss.mutate(
      { ...dismissTarget, ruleId: flag.ruleId, phrase: flag.phrase, reason: why },
      {
        onSuccess: () => onKept(why),
        onError: (e) =>
          setError(e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : serviceProblemMessage),
      },
    );
  };

  return (
    <li className="app-language-flag">
      <p className="govuk-body govuk-!-margin-bottom-1">
        <strong className={`govuk-tag ${tagColours[flag.category] ?? 'govuk-tag--grey'}`}>
          {categoryLabel(flag.category)}
        </strong>{' '}
        <span className="govuk-!-font-weight-bold">“{flag.phrase}”</span>
      </p>
      <p className="govuk-body-s govuk-!-margin-bottom-1">{flag.reason}</p>
      <p className="govuk-body-s govuk-!-margin-bottom-2">Instead: {flag.suggestion}</p>
      {flag.kept !== null ? (
        <p className="govuk-body-s" tabIndex={-1} ref={keptMessage}>
          <strong>Wording kept:</strong> {flag.kept || 'no reason given'}
        </p>
      ) : (
        <>
          {flag.replacement !== null && canReplace ? (
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
              onClick={onReplace}
            >
              Replace with ‘{flag.replacement}’ <span className="govuk-visually-hidden">({where})</span>
            </button>
          ) : null}
          {dismissTarget ? (
            <details className="govuk-details govuk-!-margin-bottom-2">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">
                  Keep this wording <span className="govuk-visually-hidden">({where})</span>
                </span>
              </summary>
              <div className="govuk-details__text">
                <TextareaField
                  id={`${id}-reason`}
                  label="Why should the wording stay?"
                  hint="For example, it is what the procedure says. The review team will see your reason."
                  rows={2}
                  value={reason}
                  error={error}
                  onChange={setReason}
                />
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  disabled={dismiss.isPending}
                  aria-disabled={dismiss.isPending}
                  onClick={keep}
                >
                  Keep the wording <span className="govuk-visually-hidden">({where})</span>
                </button>
              </div>
            </details>
          ) : null}
        </>
      )}
    </li>
  );
}
