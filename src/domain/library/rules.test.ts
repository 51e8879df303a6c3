import { describe, expect, it } from 'vitest';
import {
  belongsInLibrary,
  facetLabel,
  facetOrder,
  findingPath,
  isPublishedEntry,
  libraryVisibility,
} from './rules.ts';

describe('who sees which of their partnership’s library entries', () => {
  it('shows every entry to partnership admins and business managers, and only published ones to members', () => {
    expect(libraryVisibility('partnership_admin')).toBe('every');
    expect(libraryVisibility('business_manager')).toBe('every');
    expect(libraryVisibility('member')).toBe('published');
  });

  it('counts an entry as published when its report has a publication date, or when it was imported', () => {
    expect(isPublishedEntry({ source: 'review', publishedOn: null })).toBe(false);
    expect(isPublishedEntry({ source: 'review', publishedOn: '2026-01-31' })).toBe(true);
    expect(isPublishedEntry({ source: 'import', publishedOn: null })).toBe(true);
  });
});

describe('which findings belong in the library', () => {
  it('holds agreed and final findings only', () => {
    expect(belongsInLibrary('agreed_by_review_team')).toBe(true);
    expect(belongsInLibrary('final')).toBe(true);
    expect(belongsInLibrary('emerging')).toBe(false);
    expect(belongsInLibrary('tested_with_case_group')).toBe(false);
  });
});

describe('facet labels and order', () => {
  it('labels each facet’s values in the words people know, falling back to the value itself', () => {
    expect(facetLabel('theme', 'neglect')).toBe('Neglect');
    expect(facetLabel('factorGroup', 'inter_agency')).toBe('Inter-agency / inter-professional team');
    expect(facetLabel('agencySector', 'police')).toBe('Police');
    expect(facetLabel('reviewType', 'lcspr')).toBe('Local child safeguarding practice review (LCSPR)');
    expect(facetLabel('year', '2024')).toBe('2024');
    expect(facetLabel('typology', 'tools')).toBe('Human–tool operation');
    expect(facetLabel('typology', 'local_code', new Map([['local_code', 'Our own category']]))).toBe(
      'Our own category',
    );
    expect(facetLabel('typology', 'unknown')).toBe('unknown');
    expect(facetLabel('theme', 'toString')).toBe('toString');
  });

  it('puts years newest first and lists in their own order', () => {
    const years = [
      { value: '2021', label: '2021' },
      { value: '2024', label: '2024' },
    ].sort(facetOrder('year'));
    expect(years.map((y) => y.value)).toEqual(['2024', '2021']);
    const themes = [
      { value: 'professional_curiosity', label: 'Professional curiosity' },
      { value: 'neglect', label: 'Neglect' },
      { value: 'zzz', label: 'Something else' },
    ].sort(facetOrder('theme'));
    expect(themes.map((t) => t.value)).toEqual(['neglect', 'professional_curiosity', 'zzz']);
  });

  it('links a finding to its page in the web app', () => {
    expect(findingPath('p', 'r', 'f')).toBe('/partnerships/p/reviews/r/findings/f');
  });
});
