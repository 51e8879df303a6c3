/**
 * The colours of the causal map. They are written into the SVG as attributes, not CSS, so that a
 * downloaded copy looks the same without the service's style sheet. Every stroke has at least 3:1
 * contrast with white, and text is always near-black on a pale fill; colour is never the only
 * sign of anything, since each box also says its grade or group in words.
 */

export type Swatch = { stroke: string; fill: string; dashed?: boolean };

export const ink = '#0b0c0c';
export const secondaryInk = '#505a5f';
export const edgeColour = '#505a5f';
export const faintEdgeColour = '#b1b4b6';
export const findingSwatch: Swatch = { stroke: ink, fill: '#f3f2f1' };

const grades: Record<string, Swatch> = {
  good: { stroke: '#00703c', fill: '#e6f1eb' },
  adequate: { stroke: '#1d70b8', fill: '#e8f1f8' },
  problematic: { stroke: '#d4351c', fill: '#fbe9e6' },
  mixed: { stroke: '#b65a00', fill: '#fcefe3' },
  unable_to_judge: { stroke: '#505a5f', fill: '#f3f2f1' },
};
const otherGrades: Swatch[] = [
  { stroke: '#4c2c92', fill: '#eeeaf5' },
  { stroke: '#00727a', fill: '#e5f2f3' },
  { stroke: '#912b88', fill: '#f5e9f3' },
  { stroke: '#7a5a00', fill: '#f4efe3' },
];
const notAppraised: Swatch = { stroke: '#505a5f', fill: '#ffffff', dashed: true };

/** Factor groups take these in the order the framework lists them, then round again. */
const groupPalette: Swatch[] = [
  { stroke: '#1d70b8', fill: '#ffffff' },
  { stroke: '#4c2c92', fill: '#ffffff' },
  { stroke: '#00703c', fill: '#ffffff' },
  { stroke: '#912b88', fill: '#ffffff' },
  { stroke: '#a34400', fill: '#ffffff' },
  { stroke: '#00727a', fill: '#ffffff' },
  { stroke: '#d4351c', fill: '#ffffff' },
  { stroke: '#7a5a00', fill: '#ffffff' },
  { stroke: '#003078', fill: '#ffffff' },
  { stroke: '#505a5f', fill: '#ffffff' },
];

const hash = (text: string) => [...text].reduce((n, c) => (n * 31 + c.charCodeAt(0)) >>> 0, 7);

/** The swatch of an episode by its appraisal grade key; unappraised episodes are white and dashed. */
export function gradeSwatch(grade: string | null): Swatch {
  if (!grade) return notAppraised;
  return grades[grade] ?? (otherGrades[hash(grade) % otherGrades.length] as Swatch);
}

/** The swatch of a factor group: its place in the review's list of groups picks the colour. */
export function groupSwatch(group: string | null, groups: readonly { key: string }[]): Swatch {
  const index = groups.findIndex((g) => g.key === group);
  const at = index >= 0 ? index : hash(group ?? '') % groupPalette.length;
  return groupPalette[at % groupPalette.length] as Swatch;
}
