/**
 * @generated SignedSource<<9f7bf2a29a60d07553ff5e38a95081ee>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type DatePrecision = "DAY" | "MONTH" | "RANGE" | "YEAR" | "%future added value";
export type ProvisionStatus = "NOT_PROVIDED" | "PROVIDED" | "%future added value";
export type AgreementsBindingRussiaQuery$variables = {
  party: string;
};
export type AgreementsBindingRussiaQuery$data = {
  readonly agreements: {
    readonly nodes: ReadonlyArray<{
      readonly date: {
        readonly phrase: {
          readonly exact: string;
        };
        readonly precision: DatePrecision;
        readonly start: string;
      } | null | undefined;
      readonly id: string;
      readonly name: string;
      readonly parties: ReadonlyArray<{
        readonly actor: {
          readonly id: string;
          readonly name: string;
        };
      }>;
      readonly provisions: ReadonlyArray<{
        readonly evidence: ReadonlyArray<{
          readonly end: number;
          readonly exact: string;
          readonly start: number;
        }>;
        readonly id: string;
        readonly status: ProvisionStatus;
        readonly summary: string;
      }>;
      readonly sectionCount: number | null | undefined;
      readonly signatories: ReadonlyArray<{
        readonly actor: {
          readonly id: string;
          readonly name: string;
        };
      }>;
    }>;
  };
};
export type AgreementsBindingRussiaQuery = {
  response: AgreementsBindingRussiaQuery$data;
  variables: AgreementsBindingRussiaQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "party"
  }
],
v1 = [
  {
    "kind": "Variable",
    "name": "party",
    "variableName": "party"
  }
],
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v3 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "name",
  "storageKey": null
},
v4 = [
  {
    "alias": null,
    "args": null,
    "concreteType": null,
    "kind": "LinkedField",
    "name": "actor",
    "plural": false,
    "selections": [
      (v2/*:: as any*/),
      (v3/*:: as any*/)
    ],
    "storageKey": null
  }
],
v5 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "start",
  "storageKey": null
},
v6 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "exact",
  "storageKey": null
},
v7 = {
  "alias": null,
  "args": null,
  "concreteType": "EventDate",
  "kind": "LinkedField",
  "name": "date",
  "plural": false,
  "selections": [
    (v5/*:: as any*/),
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "precision",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "Evidence",
      "kind": "LinkedField",
      "name": "phrase",
      "plural": false,
      "selections": [
        (v6/*:: as any*/)
      ],
      "storageKey": null
    }
  ],
  "storageKey": null
},
v8 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "sectionCount",
  "storageKey": null
},
v9 = {
  "alias": null,
  "args": null,
  "concreteType": "Provision",
  "kind": "LinkedField",
  "name": "provisions",
  "plural": true,
  "selections": [
    (v2/*:: as any*/),
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "summary",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "status",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "Evidence",
      "kind": "LinkedField",
      "name": "evidence",
      "plural": true,
      "selections": [
        (v6/*:: as any*/),
        (v5/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "end",
          "storageKey": null
        }
      ],
      "storageKey": null
    }
  ],
  "storageKey": null
},
v10 = [
  {
    "alias": null,
    "args": null,
    "concreteType": null,
    "kind": "LinkedField",
    "name": "actor",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "__typename",
        "storageKey": null
      },
      (v2/*:: as any*/),
      (v3/*:: as any*/)
    ],
    "storageKey": null
  }
];
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "AgreementsBindingRussiaQuery",
    "selections": [
      {
        "alias": null,
        "args": (v1/*:: as any*/),
        "concreteType": "AgreementConnection",
        "kind": "LinkedField",
        "name": "agreements",
        "plural": false,
        "selections": [
          {
            "alias": null,
            "args": null,
            "concreteType": "Agreement",
            "kind": "LinkedField",
            "name": "nodes",
            "plural": true,
            "selections": [
              (v2/*:: as any*/),
              (v3/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": "ActorRole",
                "kind": "LinkedField",
                "name": "parties",
                "plural": true,
                "selections": (v4/*:: as any*/),
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "concreteType": "ActorRole",
                "kind": "LinkedField",
                "name": "signatories",
                "plural": true,
                "selections": (v4/*:: as any*/),
                "storageKey": null
              },
              (v7/*:: as any*/),
              (v8/*:: as any*/),
              (v9/*:: as any*/)
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      }
    ],
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "AgreementsBindingRussiaQuery",
    "selections": [
      {
        "alias": null,
        "args": (v1/*:: as any*/),
        "concreteType": "AgreementConnection",
        "kind": "LinkedField",
        "name": "agreements",
        "plural": false,
        "selections": [
          {
            "alias": null,
            "args": null,
            "concreteType": "Agreement",
            "kind": "LinkedField",
            "name": "nodes",
            "plural": true,
            "selections": [
              (v2/*:: as any*/),
              (v3/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": "ActorRole",
                "kind": "LinkedField",
                "name": "parties",
                "plural": true,
                "selections": (v10/*:: as any*/),
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "concreteType": "ActorRole",
                "kind": "LinkedField",
                "name": "signatories",
                "plural": true,
                "selections": (v10/*:: as any*/),
                "storageKey": null
              },
              (v7/*:: as any*/),
              (v8/*:: as any*/),
              (v9/*:: as any*/)
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      }
    ]
  },
  "params": {
    "cacheID": "2bea747b725a47a98a873ee879083205",
    "id": null,
    "metadata": {},
    "name": "AgreementsBindingRussiaQuery",
    "operationKind": "query",
    "text": "query AgreementsBindingRussiaQuery(\n  $party: ID!\n) {\n  agreements(party: $party) {\n    nodes {\n      id\n      name\n      parties {\n        actor {\n          __typename\n          id\n          name\n        }\n      }\n      signatories {\n        actor {\n          __typename\n          id\n          name\n        }\n      }\n      date {\n        start\n        precision\n        phrase {\n          exact\n        }\n      }\n      sectionCount\n      provisions {\n        id\n        summary\n        status\n        evidence {\n          exact\n          start\n          end\n        }\n      }\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "a0e11a62f76298e851e2d2308813197b";

export default node;
