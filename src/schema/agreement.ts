import { MAX_GLOBAL_ID_LENGTH } from '../argument-limits.ts';
import { builder } from '../builder.ts';
import { matching, page } from '../pagination.ts';
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
    articleCount: t.int({
      nullable: true,
      description: 'How many articles its text has, where stated.',
      resolve: (agreement) => agreement.articleCount?.value ?? null,
    }),
    articleCountEvidence: t.field({
      type: [EvidenceRef],
      description: 'Where the number of articles is stated; empty when it is not.',
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
      description: 'Agreements, optionally only those binding a party or signed by someone (filters combine with AND).',
      args: {
        party: t.arg.globalID({
          description: 'Only agreements this actor is a party to.',
          maxLength: MAX_GLOBAL_ID_LENGTH,
        }),
        signatory: t.arg.globalID({
          description: 'Only agreements this person signed.',
          maxLength: MAX_GLOBAL_ID_LENGTH,
        }),
      },
      resolve: (_root, args, context) => {
        const { corpus } = context;
        return page(
          args,
          matching(corpus.all('Agreement'), [
            args.party ? corpus.related('agreementsByParty', args.party.id) : null,
            args.signatory ? corpus.related('agreementsBySignatory', args.signatory.id) : null,
          ]),
        );
      },
    },
    AgreementConnection,
  ),
}));
