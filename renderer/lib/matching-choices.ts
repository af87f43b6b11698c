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
  const matches = wordsMatcher(query);
  const items: Choice[] = [];
  let total = 0;
  for (const choice of choices) {
    if (!matches(choice.label)) continue;
    total++;
    if (items.length < max) items.push(choice);
  }
  return { items, total };
}

/** Whether a text holds every word of the query (any case, any order, accents ignored); an empty query: always. */
export function wordsMatcher(query: string): (text: string) => boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return (text) => {
    const folded = fold(text);
    return words.every((word) => folded.includes(word));
  };
}

/** Lower case without accents: "Ána" is found by "ana". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}
