import { polarities } from '#domain/finding/finding.ts';
import { libraryThemes } from '#domain/library/library.ts';
import { CheckboxesField } from '../components/checkboxes-field.tsx';
import type { Choice } from '../components/form-fields.tsx';
import { Loading } from '../components/problem-pages.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { FormSection } from '../components/written-fields.tsx';
import { SimilarFindings } from '../library/similar-findings.tsx';
import { CheckedField, choicesOf, type FieldKit } from './finding-form-fields.tsx';

const themeChoices = choicesOf(libraryThemes);

/**
 * The statement (with similar findings of other reviews under it as it is written), its typology
 * category, whether it is a risk or a strength, and the themes that find it in the learning library.
 */
export function StatementFields({ kit, typology }: { kit: FieldKit; typology: Choice[] | undefined }) {
  const { values, set, errors } = kit;
  return (
    <FormSection id="statement" heading="The finding">
      <CheckedField
        kit={kit}
        field="statement"
        label="The finding in one sentence"
        rows={3}
        hint="Name a pattern in how the system works, not a detail of this case. For example, ‘Professionals across agencies tend to…, which leaves… less reliable’."
      />
      <SimilarFindings partnershipId={kit.partnershipId} reviewId={kit.reviewId} text={values.statement} />
      {typology ? (
        typology.length > 0 ? (
          <RadiosField
            id="typologyCode"
            legend="Which category of the typology is it?"
            hint="The typology of underlying patterns this review uses."
            value={values.typologyCode}
            error={errors.typologyCode}
            choices={typology}
            onChange={set('typologyCode')}
          />
        ) : (
          <p className="govuk-body">The typology of underlying patterns could not be loaded.</p>
        )
      ) : (
        <Loading />
      )}
      <RadiosField
        id="polarity"
        legend="Is it a risk or a strength?"
        value={values.polarity}
        error={errors.polarity}
        choices={choicesOf(polarities)}
        onChange={set('polarity')}
      />
      <CheckboxesField
        id="themes"
        legend="Themes"
        hint="Used to find this finding in the learning library. Select all that apply."
        values={values.themes}
        error={errors.themes}
        choices={themeChoices}
        onChange={set('themes')}
        small
      />
    </FormSection>
  );
}
