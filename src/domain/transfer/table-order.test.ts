import { describe, expect, it } from 'vitest';
import { migrationProblem } from './backup-manifest.ts';
import { tablesInDependencyOrder, tablesReachedFrom } from './table-order.ts';

const links = [
  { name: 'reviews', references: ['partnerships'] },
  { name: 'partnerships', references: [] },
  { name: 'findings', references: ['reviews', 'partnerships'] },
  { name: 'finding_episodes', references: ['findings', 'episodes'] },
  { name: 'episodes', references: ['reviews', 'episodes'] },
  { name: 'reviewers', references: ['reviews'] },
];

describe('tablesInDependencyOrder', () => {
  it('puts every table after the tables it references', () => {
    const order = tablesInDependencyOrder(links);
    for (const t of links) {
      for (const r of t.references) {
        if (r !== t.name) expect(order.indexOf(r)).toBeLessThan(order.indexOf(t.name));
      }
    }
    expect(order).toHaveLength(links.length);
  });

  it('refuses a cycle, naming the tables in it', () => {
    expect(() =>
      tablesInDependencyOrder([
        { name: 'a', references: ['b'] },
        { name: 'b', references: ['a'] },
      ]),
    ).toThrow(/a, b/);
  });
});

describe('tablesReachedFrom', () => {
  it('follows references backwards from the roots, leaving out what is excluded', () => {
    expect(tablesReachedFrom(['reviews'], links, ['reviewers'])).toEqual([
      'episodes',
      'finding_episodes',
      'findings',
      'reviews',
    ]);
  });
});

describe('migrationProblem', () => {
  const known = [
    { tag: '0000_a', when: 1 },
    { tag: '0001_b', when: 2 },
  ];
  it('accepts a backup at a known migration, or with none', () => {
    expect(migrationProblem({ tag: '0001_b', when: 2 }, known)).toBeNull();
    expect(migrationProblem(null, known)).toBeNull();
  });
  it('names a newer migration', () => {
    expect(migrationProblem({ tag: '0002_c', when: 3 }, known)).toMatch(/newer version/);
  });
  it('names an unknown older migration', () => {
    expect(migrationProblem({ tag: '0000_x', when: 1 }, known)).toMatch(/does not know/);
  });
});
