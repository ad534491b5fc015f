/**
 * Looking entities up by any name the corpus holds: each entity's declared names and aliases
 * (data/entities/), and the descriptions the articles use for it ("his Iranian counterpart").
 * A name matches whatever its case, its white space and a leading "the" ("kremlin" finds
 * "the Kremlin"); curly and straight apostrophes are the same.
 */
import type { Mention } from './mentions.ts';
import type { EntityRecord, MentionForm } from './records.ts';

/** An entity that a name names, and how: the name as the corpus holds it, and its form. */
export interface NameMatch {
  entity: EntityRecord;
  text: string;
  form: MentionForm;
}

const FORMS: readonly MentionForm[] = ['NAME', 'SHORT_NAME', 'ALIAS', 'CAPITAL', 'DEMONYM', 'DESCRIPTION'];

/** The key a name is looked up by. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim().replace(/^the /, '');
}

/** Every name of every entity by its key; each list by form (names first), then in data order. */
export function nameIndex(
  entities: Iterable<EntityRecord>,
  mentionsOf: (entity: string) => readonly Mention[],
): Map<string, NameMatch[]> {
  const index = new Map<string, NameMatch[]>();
  const add = (entity: EntityRecord, text: string, form: MentionForm) => {
    const key = nameKey(text);
    const list = index.get(key) ?? [];
    if (list.some((match) => match.entity === entity && match.text === text)) return;
    list.push({ entity, text, form });
    index.set(key, list);
  };
  for (const entity of entities) {
    for (const name of entity.names) add(entity, name.text, name.form);
    for (const mention of mentionsOf(entity.id)) {
      if (mention.form === 'DESCRIPTION') add(entity, mention.exact, 'DESCRIPTION');
    }
  }
  for (const list of index.values()) {
    // A stable sort: entities of one form stay in data order.
    list.sort((a, b) => FORMS.indexOf(a.form) - FORMS.indexOf(b.form));
  }
  return index;
}
