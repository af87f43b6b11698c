export interface Choice {
  value: string;
  label: string;
}

/**
 * The choices whose label contains every word of the query (any case, any order, accents ignored), at most `max`
 * of them in their given order, and how many match in all. An empty query matches everything.
 */
export function matchingChoices(
  choices: readonly Choice[],
  query: string,
  max: number,
): { items: Choice[]; total: number } {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const items: Choice[] = [];
  let total = 0;
  for (const choice of choices) {
    const label = fold(choice.label);
    if (!words.every((word) => label.includes(word))) continue;
    total++;
    if (items.length < max) items.push(choice);
  }
  return { items, total };
}

/** Lower case without accents: "Ána" is found by "ana". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}
