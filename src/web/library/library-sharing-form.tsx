import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import type { FormProblem } from '../components/form-problem.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { RadiosField } from '../components/radios-field.tsx';
import { plural } from '../review/review-bits.tsx';
import { currentSettings, isStale, type LibrarySettingsDto, useUpdateLibrarySettings } from './api.ts';

type Props = {
  partnershipId: string;
  settings: LibrarySettingsDto;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

const choices = [
  { value: 'yes', label: 'Yes, share them' },
  { value: 'no', label: 'No, keep them to our partnership' },
];

/** What the setting says now, in words, for the message after someone else changed it. */
const stateInWords = (share: boolean) =>
  share
    ? 'Our published findings are now shared with every partnership.'
    : 'Our published findings are now kept to our partnership.';

/**
 * Whether the partnership shares its published, anonymised findings with every partnership. A save
 * refused because someone else changed the setting first shows the setting as it now is, and says so.
 */
export function LibrarySharingForm({ partnershipId, settings, onDone, onProblem }: Props) {
  const save = useUpdateLibrarySettings(partnershipId);
  const [choice, setChoice] = useState(settings.shareNationally ? 'yes' : 'no');
  const [version, setVersion] = useState(settings.version);
  // A newer version of the settings (saved here or by someone else) becomes what the form starts from.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version resets the form
  useEffect(() => {
    setVersion(settings.version);
    setChoice(settings.shareNationally ? 'yes' : 'no');
  }, [settings.version]);

  const serverProblem = useFormProblem(save.error, ['shareNationally']);
  const problem = useMemo<FormProblem | null>(() => {
    if (!serverProblem || !isStale(save.error)) return serverProblem;
    const current = currentSettings(save.error);
    const message = `Someone else changed this setting while you were looking at it. ${
      current ? stateInWords(current.shareNationally) : 'It has been reloaded.'
    } Choose again and save if you still want to change it.`;
    return {
      items: [{ field: 'shareNationally', message }],
      fields: { shareNationally: message },
      code: 'stale',
    };
  }, [serverProblem, save.error]);
  useReportProblem(onProblem, 'sharing', problem);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    save.reset();
    const shareNationally = choice === 'yes';
    save.mutate(
      { version, shareNationally },
      {
        onSuccess: () =>
          onDone(
            shareNationally
              ? 'Our published findings are now shared with every partnership'
              : 'Our published findings are no longer shared with other partnerships',
          ),
        onError: (error) => {
          const current = currentSettings(error);
          if (!current) return;
          setVersion(current.version);
          setChoice(current.shareNationally ? 'yes' : 'no');
        },
      },
    );
  };

  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="sharing-heading">
      <h2 className="govuk-heading-m" id="sharing-heading">
        Sharing with other partnerships
      </h2>
      <form noValidate onSubmit={submit} aria-labelledby="sharing-heading">
        <RadiosField
          id="shareNationally"
          legend="Share our published, anonymised findings with every partnership?"
          hint={
            <>
              Only findings in published reports are shared, with the wording that was anonymised for
              publication. Findings that are not yet published are never shared. You can stop sharing at any
              time. {plural(settings.publishedFindings, 'published finding', 'published findings')} would be
              shared now.
              {settings.changedAt ? ` Last changed on ${formatDateTime(settings.changedAt)}.` : ''}
            </>
          }
          value={choice}
          error={problem?.fields.shareNationally}
          choices={choices}
          onChange={setChoice}
        />
        <button
          type="submit"
          className="govuk-button"
          disabled={save.isPending}
          aria-disabled={save.isPending}
        >
          Save
        </button>
      </form>
    </section>
  );
}
