import { languageCategories } from '#domain/reference/language.ts';
import {
  type AppraisalContent,
  type FactorsContent,
  type LanguageContent,
  type ReferenceKind,
  referenceContentSchemas,
  type TypologyContent,
} from '#domain/reference/reference.ts';
import { ScrollableTable } from '../components/scrollable-table.tsx';

function Head({ columns }: { columns: string[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((c) => (
          <th key={c} scope="col" className="govuk-table__header">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

const Code = ({ children }: { children: string }) => <code className="app-nowrap">{children}</code>;

function Typology({ content, caption }: { content: TypologyContent; caption: string }) {
  return (
    <ScrollableTable label={caption}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <Head columns={['Category', 'Name in later reports', 'What it covers', 'Code']} />
        <tbody className="govuk-table__body">
          {content.categories.map((c) => (
            <tr key={c.code} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {c.name}
              </th>
              <td className="govuk-table__cell">{c.laterName || 'Same'}</td>
              <td className="govuk-table__cell">{c.definition || 'No definition given'}</td>
              <td className="govuk-table__cell">
                <Code>{c.code}</Code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

function Factors({ content }: { content: FactorsContent }) {
  return (
    <>
      {content.groups.map((g) => (
        <section key={g.key} aria-labelledby={`group-${g.key}`}>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={`group-${g.key}`}>
            {g.label}
          </h3>
          <p className="govuk-body-s govuk-!-margin-bottom-2">
            {g.hint ? `${g.hint.replace(/\.$/, '')}. ` : ''}Key: <Code>{g.key}</Code>
          </p>
          {g.types.length > 0 ? (
            <ul className="govuk-list govuk-list--bullet">
              {g.types.map((type) => (
                <li key={type}>{type}</li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">No factor types are listed for this group.</p>
          )}
        </section>
      ))}
    </>
  );
}

function Appraisal({ content }: { content: AppraisalContent }) {
  return (
    <dl className="govuk-summary-list">
      {content.grades.map((g) => (
        <div key={g.key} className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{g.label}</dt>
          <dd className="govuk-summary-list__value">
            {g.description || 'No description given'}
            <br />
            <span className="govuk-body-s">
              Key: <Code>{g.key}</Code>
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Language({ content, caption }: { content: LanguageContent; caption: string }) {
  return (
    <ScrollableTable label={caption}>
      <table className="govuk-table govuk-!-font-size-16">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <Head columns={['Phrases', 'Kind of wording', 'Why it is a problem', 'What to write instead']} />
        <tbody className="govuk-table__body">
          {content.rules.map((r) => (
            <tr key={r.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-bottom-0">
                  {r.phrases.map((p) => (
                    <li key={p}>“{p}”</li>
                  ))}
                </ul>
                {r.replacements && Object.keys(r.replacements).length > 0 ? (
                  <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                    Can be replaced:{' '}
                    {Object.entries(r.replacements)
                      .map(([from, to]) => `“${from}” with “${to}”`)
                      .join('; ')}
                  </p>
                ) : null}
              </td>
              <td className="govuk-table__cell">{languageCategories[r.category]}</td>
              <td className="govuk-table__cell">{r.reason}</td>
              <td className="govuk-table__cell">{r.suggestion}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** One version's content, readably: the typology and language rules as tables, factor groups and grades as lists. */
export function ReferenceContent({
  kind,
  content,
  label,
}: {
  kind: ReferenceKind;
  content: unknown;
  label: string;
}) {
  const parsed = referenceContentSchemas[kind].safeParse(content);
  if (!parsed.success) {
    return <p className="govuk-body">This version’s content cannot be shown.</p>;
  }
  switch (kind) {
    case 'typology':
      return <Typology content={parsed.data as TypologyContent} caption={label} />;
    case 'factors':
      return <Factors content={parsed.data as FactorsContent} />;
    case 'appraisal':
      return <Appraisal content={parsed.data as AppraisalContent} />;
    case 'language':
      return <Language content={parsed.data as LanguageContent} caption={label} />;
  }
}
