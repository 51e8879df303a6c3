import type { ReactNode } from 'react';
import { type Block, type ReportDocument, type Section, sectionOrigins } from '#domain/report/document.ts';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { formatDate } from '../review/dates.ts';
import { previewId } from './report-bits.tsx';

type Props = {
  document: ReportDocument;
  /** Whether to say where each section comes from (the review's records or the lead reviewers' writing). */
  showOrigin: boolean;
};

/** The version as the reader will see it, from the same document model as the downloads. */
export function DocumentPreview({ document: d, showOrigin }: Props) {
  return (
    <section className="app-report-preview" aria-labelledby="preview-heading">
      <h2 className="govuk-heading-m" id="preview-heading">
        Preview of version {d.versionNumber}
      </h2>
      <p className="govuk-body-l govuk-!-font-weight-bold govuk-!-margin-bottom-1">{d.title}</p>
      <p className="govuk-body">
        {d.subtitle}
        <br />
        {d.partnershipName}, {formatDate(d.generatedOn)}
      </p>
      {d.sections.map((s) => (
        <PreviewSection key={s.id} section={s} depth={0} showOrigin={showOrigin} />
      ))}
    </section>
  );
}

/** A heading at the level that fits its depth in the document: h3 for a top-level section, down to h6. */
function Heading({
  level,
  id,
  className,
  children,
}: {
  level: number;
  id?: string;
  className: string;
  children: ReactNode;
}) {
  const Tag = `h${Math.min(6, Math.max(3, level))}` as 'h3' | 'h4' | 'h5' | 'h6';
  return (
    <Tag id={id} className={className} tabIndex={id ? -1 : undefined}>
      {children}
    </Tag>
  );
}

type SectionProps = { section: Section; depth: number; showOrigin: boolean };

function PreviewSection({ section: s, depth, showOrigin }: SectionProps) {
  return (
    <div className="app-report-preview__section">
      <Heading
        level={3 + depth}
        id={previewId(s.id)}
        className={depth === 0 ? 'govuk-heading-m' : 'govuk-heading-s'}
      >
        {s.title}
      </Heading>
      {showOrigin ? <p className="govuk-hint govuk-!-font-size-16">{sectionOrigins[s.origin]}</p> : null}
      {s.blocks.map((block, i) => (
        // Blocks have no ids of their own and never move within a version.
        // biome-ignore lint/suspicious/noArrayIndexKey: a version's document does not change
        <PreviewBlock key={i} block={block} depth={depth} />
      ))}
      {s.sections.map((child) => (
        <PreviewSection key={child.id} section={child} depth={depth + 1} showOrigin={showOrigin} />
      ))}
    </div>
  );
}

function PreviewBlock({ block, depth }: { block: Block; depth: number }) {
  switch (block.kind) {
    case 'paragraph':
      return <p className="govuk-body app-report-text">{block.text}</p>;
    case 'heading':
      return (
        <Heading level={4 + depth} className="govuk-heading-s govuk-!-margin-bottom-2">
          {block.text}
        </Heading>
      );
    case 'list': {
      const items = block.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items can repeat and never move
        <li key={i}>{item}</li>
      ));
      return block.ordered ? (
        <ol className="govuk-list govuk-list--number">{items}</ol>
      ) : (
        <ul className="govuk-list govuk-list--bullet">{items}</ul>
      );
    }
    case 'table':
      return <PreviewTable block={block} />;
  }
}

function PreviewTable({ block }: { block: Extract<Block, { kind: 'table' }> }) {
  return (
    <ScrollableTable label={block.caption}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{block.caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {block.columns.map((c) => (
              <th key={c} scope="col" className="govuk-table__header">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {block.rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows can repeat and never move
            <tr key={r} className="govuk-table__row">
              {row.map((cell, c) =>
                c === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are in column order
                  <th key={c} scope="row" className="govuk-table__header">
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are in column order
                  <td key={c} className="govuk-table__cell app-report-text">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
