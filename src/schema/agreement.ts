import { builder } from '../builder.ts';
import type { Corpus } from '../data/corpus.ts';
import { ACTOR_KINDS, type AgreementRecord, type EventDate, type EventRecord } from '../data/records.ts';
import { matching, page } from '../pagination.ts';
import { CLAIM_ORDER, DatedClaimOrder, DateRange, dateTest, filterId, orderClaims, takesIdOf } from './arguments.ts';
import { nodeOptions } from './node.ts';
import {
  ActorRole,
  Agreement,
  AgreementConnection,
  Claim,
  Event,
  EventDateRef,
  EvidenceRef,
  LocationRole,
  Provision,
} from './refs.ts';

const ProvisionStatus = builder.enumType('ProvisionStatus', {
  description: 'Whether an agreement provides something, or the article says it does not.',
  values: {
    PROVIDED: { description: 'The agreement provides this.' },
    NOT_PROVIDED: { description: 'The article states that the agreement does not provide this.' },
  } as const,
});

builder.node(Agreement, {
  ...nodeOptions('Agreement'),
  description: 'An agreement, treaty or pact between parties, with its provisions.',
  interfaces: () => [Claim],
  fields: (t) => ({
    name: t.exposeString('name', {
      description: "Its name: the article's words (`nameEvidence`), or a label the data chose (`nameIsLabel`).",
    }),
    nameEvidence: t.expose('nameEvidence', {
      type: EvidenceRef,
      nullable: true,
      description: 'Where the article gives the name; null when the name is a label.',
    }),
    nameIsLabel: t.boolean({
      description: 'True when the article gives no name and `name` is a label chosen by the data.',
      resolve: (agreement) => agreement.nameEvidence === null,
    }),
    parties: t.expose('parties', { type: [ActorRole], description: 'Who it binds.' }),
    signatories: t.expose('signatories', { type: [ActorRole], description: 'Who signed it, where stated.' }),
    event: t.field({
      type: Event,
      nullable: true,
      description: 'The signing or conclusion, where stated: it carries the date and the place.',
      resolve: (agreement, _args, context) =>
        agreement.event ? context.loaders.ref(agreement.event, ['Event']) : null,
    }),
    date: t.field({
      type: EventDateRef,
      nullable: true,
      description: 'When it was signed or concluded (from `event`).',
      resolve: async (agreement, _args, context) =>
        agreement.event ? (await context.loaders.ref(agreement.event, ['Event'])).date : null,
    }),
    place: t.field({
      type: LocationRole,
      nullable: true,
      description: 'Where it was signed or concluded (from `event`).',
      resolve: async (agreement, _args, context) =>
        agreement.event ? (await context.loaders.ref(agreement.event, ['Event'])).place : null,
    }),
    sectionCount: t.int({
      nullable: true,
      description:
        'How many numbered articles (sections) its own text has, where stated ("the agreement in 47 articles"); ' +
        'not news articles (`Article`).',
      resolve: (agreement) => agreement.articleCount?.value ?? null,
    }),
    sectionCountEvidence: t.field({
      type: [EvidenceRef],
      description: 'Where the number of its sections is stated; empty when it is not.',
      resolve: (agreement) => agreement.articleCount?.evidence ?? [],
    }),
    articleCount: t.int({
      nullable: true,
      deprecationReason:
        "Use `sectionCount`: it counts the numbered articles of the agreement's text, not news articles (`Article`).",
      description: 'How many numbered articles its text has, where stated: `sectionCount`.',
      resolve: (agreement) => agreement.articleCount?.value ?? null,
    }),
    articleCountEvidence: t.field({
      type: [EvidenceRef],
      deprecationReason: 'Use `sectionCountEvidence`, named after `sectionCount`.',
      description: 'Where the number of its sections is stated: `sectionCountEvidence`.',
      resolve: (agreement) => agreement.articleCount?.evidence ?? [],
    }),
    publishedBy: t.expose('publishedBy', {
      type: ActorRole,
      nullable: true,
      description: 'Who published its text, where stated.',
    }),
    provisions: t.field({
      type: [Provision],
      description: 'What it provides (or, as stated, does not), in the order the article gives.',
      resolve: (agreement, _args, context) => agreement.provisions.map((id) => context.loaders.ref(id, ['Provision'])),
    }),
  }),
});

builder.node(Provision, {
  ...nodeOptions('Provision'),
  description: 'One provision of an agreement, as the article reports it.',
  interfaces: () => [Claim],
  fields: (t) => ({
    summary: t.exposeString('summary', { description: "A short label, in the article's words where possible." }),
    status: t.expose('status', { type: ProvisionStatus, description: 'Whether the agreement provides it.' }),
    agreement: t.field({
      type: Agreement,
      description: 'The agreement it belongs to.',
      resolve: (provision, _args, context) => context.loaders.ref(provision.agreement, ['Agreement']),
    }),
  }),
});

builder.queryFields((t) => ({
  agreements: t.connection(
    {
      type: Agreement,
      description:
        'Agreements, in article order unless `orderBy` says otherwise, optionally only those binding a party, ' +
        'signed by someone or dated in a range (filters combine with AND).',
      args: {
        party: t.arg.globalID({ description: takesIdOf(ACTOR_KINDS, 'Only agreements this actor is a party to.') }),
        signatory: t.arg.globalID({ description: takesIdOf(['Person'], 'Only agreements this person signed.') }),
        date: t.arg({
          type: DateRange,
          description:
            'Only agreements signed or concluded in this range (the date of `event`); undated ones never match.',
        }),
        orderBy: t.arg({ type: DatedClaimOrder, description: CLAIM_ORDER }),
      },
      resolve: (_root, args, context) => {
        const { corpus } = context;
        const party = filterId(corpus, 'party', args.party, ACTOR_KINDS);
        const signatory = filterId(corpus, 'signatory', args.signatory, ['Person']);
        const filters = [
          party ? corpus.related('agreementsByParty', party) : null,
          signatory ? corpus.related('agreementsBySignatory', signatory) : null,
        ];
        let agreements = matching(corpus.all('Agreement'), filters);
        if (args.date) {
          const inRange = dateTest(args.date, 'date');
          agreements = agreements.filter((agreement) => inRange(dateOf(corpus, agreement)));
        }
        const keep = !args.date && filters.every((f) => f === null);
        return page(
          args,
          orderClaims(agreements, args.orderBy, keep, (agreement) => dateOf(corpus, agreement)),
        );
      },
    },
    AgreementConnection,
  ),
}));

/** An agreement's date: its event's, or null. */
function dateOf(corpus: Corpus, agreement: AgreementRecord): EventDate | null {
  return agreement.event ? ((corpus.get(agreement.event) as EventRecord | undefined)?.date ?? null) : null;
}
