import { type ActionDto, actionTargets, impactEvidenceKinds } from '#domain/action/action.ts';
import { londonDate } from '#domain/intake/deadlines.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { MemberCtx } from '../http/context.ts';
import { type ActionFilters, listActions } from './action.service.ts';

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Cells that a spreadsheet would run as a formula are written as text. */
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
const asDate = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

const answers = (a: ActionDto) =>
  a.target === 'finding'
    ? actionTargets.finding
    : `${actionTargets[a.target]} ${(a.targetIndex ?? 0) + 1}: ${a.targetText}`;

const evidence = (a: ActionDto) =>
  a.impactEvidence
    ? `${a.impactEvidenceKind ? `${impactEvidenceKinds[a.impactEvidenceKind]}: ` : ''}${a.impactEvidence}`
    : '';

const columns: Array<{ header: string; width: number; value: (a: ActionDto) => string | Date | null }> = [
  { header: 'Review', width: 20, value: (a) => safe(a.reviewTitle) },
  { header: 'Finding', width: 40, value: (a) => safe(`${a.findingNumber}. ${a.findingStatement}`) },
  { header: 'What it answers', width: 40, value: (a) => safe(answers(a)) },
  { header: 'Action', width: 50, value: (a) => safe(a.description) },
  { header: 'Owner agency', width: 22, value: (a) => safe(a.ownerAgency?.name ?? '') },
  { header: 'Owner', width: 20, value: (a) => safe(a.ownerName ?? '') },
  { header: 'Due date', width: 12, value: (a) => asDate(a.dueOn) },
  { header: 'Status', width: 16, value: (a) => a.statusLabel },
  { header: 'Overdue', width: 10, value: (a) => (a.overdue ? 'Yes' : 'No') },
  { header: 'Measure of success', width: 40, value: (a) => safe(a.successMeasure ?? '') },
  { header: 'Completed on', width: 12, value: (a) => asDate(a.completedOn) },
  { header: 'Evidence of impact', width: 50, value: (a) => safe(evidence(a)) },
];

/** The actions as an Excel workbook: a header row, then one row per action, with dates as dates. */
export async function actionsWorkbook(list: readonly ActionDto[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Actions');
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const a of list) sheet.addRow(columns.map((c) => c.value(a)));
  for (const header of ['Due date', 'Completed on'])
    sheet.getColumn(columns.findIndex((c) => c.header === header) + 1).numFmt = 'yyyy-mm-dd';
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The partnership's tracker, with the same filters as the list, as an Excel file named for today;
 * the export is audited with the filters and the number of rows, as the file leaves the system.
 */
export async function exportActions(
  ctx: MemberCtx,
  filters: ActionFilters,
): Promise<{ body: Buffer; fileName: string }> {
  const { actions } = await listActions(ctx, filters);
  const body = await actionsWorkbook(actions);
  await auditAction(ctx, {
    action: 'actions.exported',
    entityType: 'partnership',
    entityId: ctx.membership.partnershipId,
    details: { filters, rowCount: actions.length },
  });
  return { body, fileName: `actions-${londonDate(ctx.now)}.xlsx` };
}
