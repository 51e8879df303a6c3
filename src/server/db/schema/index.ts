// The database schema, one file per feature; drizzle-kit reads them all through this index.

export * from './action.ts';
export * from './analysis.ts';
export * from './core.ts';
export * from './evidence.ts';
export * from './finding.ts';
export * from './intake.ts';
export * from './library.ts';
export * from './meeting.ts';
export * from './publication.ts';
export * from './quality.ts';
export * from './report.ts';
export * from './review.ts';
export * from './rights.ts';
export * from './security.ts';
export * from './training.ts';
