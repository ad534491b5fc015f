/**
 * Every place an article refers to an entity. Each entity declares its names once, in
 * data/entities/ (`name` and `aliases`); an article's mentions.json lists the entities it
 * mentions, each with the descriptions that stand for it and the occurrences of its names that
 * are not it. The loader finds the rest:
 *
 * 1. every occurrence of each of the entity's names, as a whole word or phrase, with the case of
 *    its first letter free (`ArticleText.occurrences`);
 * 2. an occurrence inside a longer occurrence of the same entity is part of it ("Putin" inside
 *    "Vladimir Putin" is one mention);
 * 3. the exclusions are removed: each must be one of those occurrences;
 * 4. the descriptions are added: none may overlap an occurrence of the entity's names.
 *
 * Names of different entities may nest (the "Russian" of "the Russian army" is a mention of
 * Russia and lies inside one of the army), but the same words found for two entities must be
 * excluded from all but one: "Moscow" is Russia's government or the city, never both.
 */
import type { RecordReader } from './build.ts';
import { type ArticleText, Evidence } from './evidence.ts';
import type { MentionFile } from './files.ts';
import type { EntityName, EntityRecord, MentionForm } from './records.ts';

/** One place an article refers to an entity: the words, at their offsets, and how they refer. */
export class Mention extends Evidence {
  constructor(
    source: ArticleText,
    start: number,
    end: number,
    /** The id of the entity. */
    readonly entity: string,
    readonly form: MentionForm,
    /** The declared name found here; null for a description. */
    readonly name: EntityName | null,
  ) {
    super(source, start, end);
  }
}

/**
 * The mentions of one entity in one article, in text order, counting each name's occurrences and
 * mentions into `entity.names` as it goes.
 */
export function findMentions(
  text: ArticleText,
  entity: EntityRecord,
  file: MentionFile,
  read: RecordReader,
): Mention[] {
  const found: Mention[] = [];
  for (const name of entity.names) {
    for (const start of text.occurrences(name.text)) {
      found.push(new Mention(text, start, start + name.text.length, entity.id, name.form, name));
    }
  }
  // Longest first at each offset, so that an occurrence inside another follows the one holding it.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const names: Mention[] = [];
  for (const mention of found) {
    const last = names.at(-1);
    if (last && mention.end <= last.end) continue;
    names.push(mention);
  }
  for (const mention of names) if (mention.name) mention.name.occurrences++;

  const excluded = new Set<Mention>();
  for (const [i, group] of file.exclusions.entries()) {
    for (const [j, evidence] of group.evidence.entries()) {
      const field = `exclusions[${i}].evidence[${j}]`;
      const words = read.evidence(evidence, field);
      const mention = names.find((m) => m.start === words.start && m.end === words.end);
      if (!mention) {
        throw read.error(field, `${JSON.stringify(words.exact)} is not an occurrence of one of the entity's names`);
      }
      excluded.add(mention);
    }
  }
  const kept = names.filter((mention) => !excluded.has(mention));

  const descriptions = file.descriptions.map((evidence, i) => {
    const field = `descriptions[${i}]`;
    const words = read.evidence(evidence, field);
    const overlapping = kept.find((m) => m.start < words.end && words.start < m.end);
    if (overlapping) {
      throw read.error(
        field,
        `${JSON.stringify(words.exact)} overlaps ${JSON.stringify(overlapping.exact)}, a name the loader finds by itself`,
      );
    }
    return new Mention(text, words.start, words.end, entity.id, 'DESCRIPTION', null);
  });

  const mentions = [...kept, ...descriptions].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const mention of kept) if (mention.name) mention.name.mentionCount++;
  if (mentions.length === 0) {
    throw read.error('entity', 'the article never mentions it: none of its names occur, and no description is given');
  }
  return mentions;
}

/**
 * Refuses words found by name for two entities of one article (`byEntity` holds each entity's
 * mentions in text order): exactly one may keep them, the others must exclude them.
 */
export function checkAmbiguity(
  byEntity: readonly Mention[][],
  error: (entity: string, problem: string) => Error,
): void {
  const claimed = new Map<string, Mention>();
  for (const mentions of byEntity) {
    for (const mention of mentions) {
      if (mention.name === null) continue;
      const key = `${mention.start}:${mention.end}`;
      const other = claimed.get(key);
      if (other) {
        throw error(
          mention.entity,
          `${JSON.stringify(mention.exact)} at offset ${mention.start} is also a name of ${JSON.stringify(other.entity)}: ` +
            'exclude it from every entity it does not refer to',
        );
      }
      claimed.set(key, mention);
    }
  }
}
