import type { ReactNode } from 'react';
import { currencies, prevalenceSources } from '#domain/finding/finding.ts';
import { episodeName } from '../analysis/episodes-bits.tsx';
import type { FindingDto } from './api.ts';
import { FindingStatusTag, polarityLabel, priorityLabel, Row } from './finding-bits.tsx';

function Part({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={`record-${id}`}>
      <h2 className="govuk-heading-m" id={`record-${id}`}>
        {heading}
      </h2>
      {children}
    </section>
  );
}

/** Writing as written, line breaks kept; a plain note where there is none yet. */
function Text({ text, none = 'Not written yet.' }: { text: string | null; none?: string }) {
  return text?.trim() ? (
    <p className="govuk-body app-finding-text">{text}</p>
  ) : (
    <p className="govuk-body govuk-hint">{none}</p>
  );
}

const sourceLabel = (s: string) => (prevalenceSources as Record<string, string>)[s] ?? s;

/** A finding to read, for those who may see findings but not change them: the fixed block in order. */
export function FindingRecord({ finding: f }: { finding: FindingDto }) {
  return (
    <>
      <Part id="statement" heading="The finding">
        <p className="govuk-body-l app-finding-text">{f.statement}</p>
        <dl className="govuk-summary-list">
          <Row label="Status">
            <FindingStatusTag status={f.status} label={f.statusLabel} />
          </Row>
          <Row label="Typology category">{f.typology ? f.typology.name : 'Not chosen yet'}</Row>
          <Row label="Risk or strength">{polarityLabel(f.polarity)}</Row>
          <Row label="Themes">
            {f.themes.length > 0 ? f.themes.map((t) => t.label).join(', ') : 'None chosen'}
          </Row>
          <Row label="Priority">{priorityLabel(f.priority)}</Row>
        </dl>
      </Part>
      <Part id="in-this-case" heading="How did it show in this case?">
        {f.episodes.length > 0 ? (
          <ul className="govuk-list govuk-list--bullet">
            {f.episodes.map((e) => (
              <li key={e.id}>{episodeName(e)}</li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body govuk-hint">No key practice episodes linked yet.</p>
        )}
        <Text text={f.howItShowed} />
      </Part>
      <Part id="prevalence" heading="How do we know it is not a quirk of this case?">
        {f.prevalenceSources.length > 0 ? (
          <p className="govuk-body">Evidence from: {f.prevalenceSources.map(sourceLabel).join('; ')}</p>
        ) : null}
        <Text text={f.prevalenceEvidence} />
        <p className="govuk-body">
          Still current: {f.currency ? currencies[f.currency] : 'Not said yet'}
          {f.currencyNote ? ` – ${f.currencyNote}` : ''}
        </p>
      </Part>
      <Part id="why-it-matters" heading="Why does it matter?">
        <Text text={f.whyItMatters} />
      </Part>
      <Part id="board-questions" heading="Issues for the board">
        {f.boardQuestions.length > 0 ? (
          <ol className="govuk-list govuk-list--number">
            {f.boardQuestions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ol>
        ) : (
          <p className="govuk-body govuk-hint">No questions for the board yet.</p>
        )}
      </Part>
      {f.recommendations.length > 0 ? (
        <Part id="recommendations" heading="Recommendations">
          <ol className="govuk-list govuk-list--number">
            {f.recommendations.map((r) => (
              <li key={`${r.text}:${r.addressee ?? ''}`}>
                {r.text}
                {r.addressee ? (
                  <span className="govuk-hint govuk-!-margin-bottom-0"> For {r.addressee}</span>
                ) : null}
              </li>
            ))}
          </ol>
        </Part>
      ) : null}
      {f.researchQuestions.length > 0 ? (
        <Part id="research-questions" heading="Research questions it answers">
          <ul className="govuk-list govuk-list--bullet">
            {f.researchQuestions.map((q) => (
              <li key={q.id}>
                {q.position}. {q.text}
              </li>
            ))}
          </ul>
        </Part>
      ) : null}
    </>
  );
}
