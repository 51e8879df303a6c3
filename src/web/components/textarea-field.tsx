import type { ReactNode } from 'react';
import { describedBy, LabelledGroup } from './form-fields.tsx';

type TextareaFieldProps = {
  id: string;
  label: string;
  /** Show the label at a section heading's size ("m") rather than the usual small size ("s"). */
  labelSize?: 's' | 'm';
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  spellCheck?: boolean;
};

/** A labelled GOV.UK textarea with optional hint and inline error. */
export function TextareaField({
  id,
  label,
  labelSize = 's',
  hint,
  error,
  value,
  onChange,
  rows = 5,
  spellCheck,
}: TextareaFieldProps) {
  return (
    <LabelledGroup id={id} label={label} labelSize={labelSize} hint={hint} error={error}>
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        spellCheck={spellCheck}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </LabelledGroup>
  );
}
