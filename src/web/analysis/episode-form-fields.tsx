import type { ReactNode } from 'react';
import { type CheckedEpisodeField, standardKinds } from '#domain/analysis/episode.ts';
import { CheckboxesField } from '../components/checkboxes-field.tsx';
import { DateInputField } from '../components/date-input-field.tsx';
import { type Choice, SelectField, TextField } from '../components/form-fields.tsx';
import { Loading } from '../components/problem-pages.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { FormSection, UnsavedWording } from '../components/written-fields.tsx';
import type { EpisodeDto, ReviewReferenceDto } from './api.ts';
import type { EpisodeValues, WrittenField } from './episode-form-values.ts';
import { EpisodeTunnel } from './episode-tunnel.tsx';
import { LanguageCheckedField, type SavedFlag } from './language-checked-textarea.tsx';

/** What each part of the episode form needs: the values, their setter, problems and saved flags. */
export type FieldKit = {
  partnershipId: string;
  reviewId: string;
  episode: EpisodeDto;
  values: EpisodeValues;
  set: <K extends keyof EpisodeValues>(key: K) => (value: EpisodeValues[K]) => void;
  errors: Record<string, string>;
  /** What the person had written before a reload replaced it. */
  lost: Partial<Record<WrittenField, string>>;
  savedFlags: (field: CheckedEpisodeField) => SavedFlag[];
};

type CheckedProps = { kit: FieldKit; field: CheckedEpisodeField; label: string; hint?: ReactNode };

/** A written field of the episode with the language check under it. */
function CheckedField({ kit, field, label, hint }: CheckedProps) {
  return (
    <LanguageCheckedField
      kit={kit}
      field={field}
      label={label}
      hint={hint}
      rows={6}
      episodeId={kit.episode.id}
      saved={{ text: kit.episode[field], flags: kit.savedFlags(field) }}
      dismissTarget={{ entityType: 'episode', entityId: kit.episode.id, field }}
    />
  );
}

/** A section holding one written field (and anything that goes with it). */
export function WrittenSection({
  heading,
  children,
  ...field
}: CheckedProps & { heading: string; children?: ReactNode }) {
  return (
    <FormSection id={field.field} heading={heading}>
      <CheckedField {...field} />
      {children}
    </FormSection>
  );
}

/** Title, period, agencies and roles. */
export function AboutFields({ kit, agencyChoices }: { kit: FieldKit; agencyChoices: Choice[] }) {
  const { values, set, errors } = kit;
  return (
    <FormSection id="about" heading="About the episode">
      <TextField id="title" label="Title" value={values.title} error={errors.title} onChange={set('title')} />
      <UnsavedWording text={kit.lost.title} />
      <DateInputField
        id="periodFrom"
        legend="Start of the period"
        hint="For example, 27 3 2026"
        value={values.periodFrom}
        error={errors.periodFrom}
        onChange={set('periodFrom')}
        spellCheck={false}
      />
      <DateInputField
        id="periodTo"
        legend="End of the period"
        hint="The view from the tunnel shows what the agencies knew by the end of this day"
        value={values.periodTo}
        error={errors.periodTo}
        onChange={set('periodTo')}
        spellCheck={false}
      />
      {agencyChoices.length > 0 ? (
        <CheckboxesField
          id="agencyIds"
          legend="Agencies involved"
          values={values.agencyIds}
          error={errors.agencyIds}
          choices={agencyChoices}
          onChange={set('agencyIds')}
          small
        />
      ) : null}
      <TextareaField
        id="roles"
        label="Roles involved"
        hint="One role on each line, for example ‘Health visitor’. Give roles, never names."
        rows={3}
        value={values.roles}
        error={errors.roles}
        onChange={set('roles')}
        spellCheck={false}
      />
      <UnsavedWording text={kit.lost.roles} />
    </FormSection>
  );
}

/** How it looked at the time, prompted by the questions of the conversation structure. */
export function RationalityFields({ kit }: { kit: FieldKit }) {
  return (
    <FormSection id="localRationality" heading="How it looked at the time">
      <CheckedField
        kit={kit}
        field="localRationality"
        label="Why it made sense to those involved then"
        hint={
          <>
            Write from their point of view, with only what they knew then. Think about:
            <ul className="govuk-list govuk-list--bullet govuk-hint govuk-!-margin-top-1 govuk-!-margin-bottom-0">
              <li>what they thought was going on</li>
              <li>what was at the front of their mind</li>
              <li>what else they were concerned about (competing concerns)</li>
              <li>what they were hoping to achieve</li>
              <li>what options they thought they had</li>
            </ul>
          </>
        }
      />
    </FormSection>
  );
}

/** The appraisal, with the view from the tunnel beside it, its reasons and the standard it is judged against. */
export function AppraisalFields({
  kit,
  reference,
  showTunnel,
}: {
  kit: FieldKit;
  reference: ReviewReferenceDto | undefined;
  showTunnel: boolean;
}) {
  const { values, set, errors, episode } = kit;
  const grades = reference?.appraisal.content.grades ?? [];
  const choices: Choice[] = grades.map((g) => ({
    value: g.key,
    label: g.label,
    hint: g.description || undefined,
  }));
  if (episode.appraisal && !grades.some((g) => g.key === episode.appraisal?.key))
    choices.push({ value: episode.appraisal.key, label: episode.appraisal.label });
  return (
    <FormSection id="appraisal" heading="Appraisal of the practice">
      <p className="govuk-body">
        Judge the practice against what was knowable at the time and the standard that applied then, not by
        how things turned out.
      </p>
      {showTunnel ? (
        <EpisodeTunnel
          partnershipId={kit.partnershipId}
          reviewId={kit.reviewId}
          agencies={episode.agencies}
          asOf={episode.periodTo}
        />
      ) : null}
      {reference ? (
        <RadiosField
          id="appraisal"
          legend="How would you appraise the practice?"
          value={values.appraisal}
          error={errors.appraisal}
          choices={choices}
          onChange={set('appraisal')}
        />
      ) : (
        <Loading />
      )}
      <CheckedField
        kit={kit}
        field="appraisalRationale"
        label="Why this appraisal"
        hint="The reasons, from what was known and expected at the time."
      />
      <SelectField
        id="standardKind"
        label="What kind of standard is the practice judged against?"
        emptyLabel="Not given"
        value={values.standardKind}
        error={errors.standardKind}
        choices={Object.entries(standardKinds).map(([value, label]) => ({ value, label }))}
        onChange={set('standardKind')}
      />
      <TextField
        id="standardReference"
        label="The standard"
        hint="For example, ‘Local procedure 4.2: joint visits after a referral’"
        value={values.standardReference}
        error={errors.standardReference}
        onChange={set('standardReference')}
      />
      <UnsavedWording text={kit.lost.standardReference} />
    </FormSection>
  );
}

/** What hindsight shows, apart from the appraisal, so it does not colour it. */
export function HindsightFields({ kit }: { kit: FieldKit }) {
  return (
    <section className="govuk-!-margin-bottom-8 app-episode-hindsight" aria-labelledby="section-hindsight">
      <h2 className="govuk-heading-m" id="section-hindsight">
        What hindsight shows
      </h2>
      <div className="govuk-inset-text">
        This is kept apart from the appraisal. Write here what is known now that was not known then, and what
        it shows. It does not change the appraisal, which is judged only on what was knowable at the time.
      </div>
      <TextareaField
        id="hindsight"
        label="What is known now that was not known then"
        rows={5}
        value={kit.values.hindsight}
        error={kit.errors.hindsight}
        onChange={kit.set('hindsight')}
      />
      <UnsavedWording text={kit.lost.hindsight} />
    </section>
  );
}
