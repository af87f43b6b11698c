import { describe, expect, it } from 'vitest';
import { matchingChoices } from '../../renderer/lib/matching-choices';

const people = ['Ana Ruiz (T100)', 'Ben Okafor (T101)', 'Carla Lindqvist (T102)', 'Ána Lee (T103)'].map((label) => ({
  value: label.slice(-5, -1),
  label,
}));

describe('matching choices of a searchable select', () => {
  it('matches every word of the query anywhere in the label, in any case and order', () => {
    expect(matchingChoices(people, 'OKAFOR', 10).items.map((c) => c.value)).toEqual(['T101']);
    expect(matchingChoices(people, 't102 carla', 10).items.map((c) => c.value)).toEqual(['T102']);
    expect(matchingChoices(people, 'ruiz lee', 10).total).toBe(0);
    expect(matchingChoices(people, 'ana', 10).items.map((c) => c.value)).toEqual(['T100', 'T103']);
    expect(matchingChoices(people, 'ÁNA', 10).total).toBe(2);
  });

  it('keeps the given order and counts every match while showing at most the maximum', () => {
    const many = Array.from({ length: 2200 }, (_, i) => ({ value: `T${i}`, label: `Tech ${i} (T${i})` }));
    const found = matchingChoices(many, 'tech', 50);
    expect(found.total).toBe(2200);
    expect(found.items.map((c) => c.value)).toEqual(many.slice(0, 50).map((c) => c.value));
    expect(matchingChoices(many, 'T219', 50).items.map((c) => c.value)).toEqual([
      'T219',
      'T2190',
      'T2191',
      'T2192',
      'T2193',
      'T2194',
      'T2195',
      'T2196',
      'T2197',
      'T2198',
      'T2199',
    ]);
  });

  it('matches everything on an empty or blank query', () => {
    expect(matchingChoices(people, '', 2)).toEqual({ items: people.slice(0, 2), total: 4 });
    expect(matchingChoices(people, '   ', 10).total).toBe(4);
  });
});
