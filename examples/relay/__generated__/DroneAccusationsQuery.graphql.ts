/**
 * @generated SignedSource<<3c7dfbfdc108bd718a9f46cc3bb0e55b>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type ItemCategory = "DRONE" | "MISSILE" | "OTHER" | "TROOPS" | "%future added value";
export type Stance = "CONFIRMED" | "DENIED" | "NEITHER_CONFIRMED_NOR_DENIED" | "%future added value";
export type DroneAccusationsQuery$variables = Record<PropertyKey, never>;
export type DroneAccusationsQuery$data = {
  readonly accusations: {
    readonly nodes: ReadonlyArray<{
      readonly accused: ReadonlyArray<{
        readonly actor: {
          readonly id: string;
          readonly name: string;
        };
      }>;
      readonly accusers: ReadonlyArray<{
        readonly actor: {
          readonly id: string;
          readonly name: string;
        };
      }>;
      readonly act: string;
      readonly beneficiaries: ReadonlyArray<{
        readonly actor: {
          readonly id: string;
          readonly name: string;
        };
      }>;
      readonly evidence: ReadonlyArray<{
        readonly end: number;
        readonly exact: string;
        readonly sentence: {
          readonly id: string;
          readonly text: string;
        };
        readonly start: number;
      }>;
      readonly id: string;
      readonly items: ReadonlyArray<{
        readonly item: {
          readonly category: ItemCategory;
          readonly id: string;
          readonly name: string;
        };
      }>;
      readonly responses: ReadonlyArray<{
        readonly actor: {
          readonly id: string;
          readonly name: string;
        };
        readonly evidence: ReadonlyArray<{
          readonly end: number;
          readonly exact: string;
          readonly start: number;
        }>;
        readonly stance: Stance;
      }>;
    }>;
    readonly totalCount: number;
  };
};
export type DroneAccusationsQuery = {
  response: DroneAccusationsQuery$data;
  variables: DroneAccusationsQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "kind": "Literal",
    "name": "itemCategory",
    "value": "DRONE"
  }
],
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "totalCount",
  "storageKey": null
},
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
  "name": "act",
  "storageKey": null
},
v4 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "name",
  "storageKey": null
},
v5 = {
  "alias": null,
  "args": null,
  "concreteType": null,
  "kind": "LinkedField",
  "name": "actor",
  "plural": false,
  "selections": [
    (v2/*:: as any*/),
    (v4/*:: as any*/)
  ],
  "storageKey": null
},
v6 = [
  (v5/*:: as any*/)
],
v7 = {
  "alias": null,
  "args": null,
  "concreteType": "ItemRole",
  "kind": "LinkedField",
  "name": "items",
  "plural": true,
  "selections": [
    {
      "alias": null,
      "args": null,
      "concreteType": "Item",
      "kind": "LinkedField",
      "name": "item",
      "plural": false,
      "selections": [
        (v2/*:: as any*/),
        (v4/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "category",
          "storageKey": null
        }
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
  "name": "stance",
  "storageKey": null
},
v9 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "exact",
  "storageKey": null
},
v10 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "start",
  "storageKey": null
},
v11 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "end",
  "storageKey": null
},
v12 = {
  "alias": null,
  "args": null,
  "concreteType": "Evidence",
  "kind": "LinkedField",
  "name": "evidence",
  "plural": true,
  "selections": [
    (v9/*:: as any*/),
    (v10/*:: as any*/),
    (v11/*:: as any*/)
  ],
  "storageKey": null
},
v13 = {
  "alias": null,
  "args": null,
  "concreteType": "Evidence",
  "kind": "LinkedField",
  "name": "evidence",
  "plural": true,
  "selections": [
    (v9/*:: as any*/),
    (v10/*:: as any*/),
    (v11/*:: as any*/),
    {
      "alias": null,
      "args": null,
      "concreteType": "Sentence",
      "kind": "LinkedField",
      "name": "sentence",
      "plural": false,
      "selections": [
        (v2/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "text",
          "storageKey": null
        }
      ],
      "storageKey": null
    }
  ],
  "storageKey": null
},
v14 = {
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
    (v4/*:: as any*/)
  ],
  "storageKey": null
},
v15 = [
  (v14/*:: as any*/)
];
return {
  "fragment": {
    "argumentDefinitions": [],
    "kind": "Fragment",
    "metadata": null,
    "name": "DroneAccusationsQuery",
    "selections": [
      {
        "alias": null,
        "args": (v0/*:: as any*/),
        "concreteType": "AccusationConnection",
        "kind": "LinkedField",
        "name": "accusations",
        "plural": false,
        "selections": [
          (v1/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "Accusation",
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
                "name": "accusers",
                "plural": true,
                "selections": (v6/*:: as any*/),
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "concreteType": "ActorRole",
                "kind": "LinkedField",
                "name": "accused",
                "plural": true,
                "selections": (v6/*:: as any*/),
                "storageKey": null
              },
              (v7/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": "ActorRole",
                "kind": "LinkedField",
                "name": "beneficiaries",
                "plural": true,
                "selections": (v6/*:: as any*/),
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "concreteType": "Response",
                "kind": "LinkedField",
                "name": "responses",
                "plural": true,
                "selections": [
                  (v5/*:: as any*/),
                  (v8/*:: as any*/),
                  (v12/*:: as any*/)
                ],
                "storageKey": null
              },
              (v13/*:: as any*/)
            ],
            "storageKey": null
          }
        ],
        "storageKey": "accusations(itemCategory:\"DRONE\")"
      }
    ],
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [],
    "kind": "Operation",
    "name": "DroneAccusationsQuery",
    "selections": [
      {
        "alias": null,
        "args": (v0/*:: as any*/),
        "concreteType": "AccusationConnection",
        "kind": "LinkedField",
        "name": "accusations",
        "plural": false,
        "selections": [
          (v1/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "Accusation",
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
                "name": "accusers",
                "plural": true,
                "selections": (v15/*:: as any*/),
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "concreteType": "ActorRole",
                "kind": "LinkedField",
                "name": "accused",
                "plural": true,
                "selections": (v15/*:: as any*/),
                "storageKey": null
              },
              (v7/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": "ActorRole",
                "kind": "LinkedField",
                "name": "beneficiaries",
                "plural": true,
                "selections": (v15/*:: as any*/),
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "concreteType": "Response",
                "kind": "LinkedField",
                "name": "responses",
                "plural": true,
                "selections": [
                  (v14/*:: as any*/),
                  (v8/*:: as any*/),
                  (v12/*:: as any*/)
                ],
                "storageKey": null
              },
              (v13/*:: as any*/)
            ],
            "storageKey": null
          }
        ],
        "storageKey": "accusations(itemCategory:\"DRONE\")"
      }
    ]
  },
  "params": {
    "cacheID": "093743837e7991c5e01d56de6ff12f2b",
    "id": null,
    "metadata": {},
    "name": "DroneAccusationsQuery",
    "operationKind": "query",
    "text": "query DroneAccusationsQuery {\n  accusations(itemCategory: DRONE) {\n    totalCount\n    nodes {\n      id\n      act\n      accusers {\n        actor {\n          __typename\n          id\n          name\n        }\n      }\n      accused {\n        actor {\n          __typename\n          id\n          name\n        }\n      }\n      items {\n        item {\n          id\n          name\n          category\n        }\n      }\n      beneficiaries {\n        actor {\n          __typename\n          id\n          name\n        }\n      }\n      responses {\n        actor {\n          __typename\n          id\n          name\n        }\n        stance\n        evidence {\n          exact\n          start\n          end\n        }\n      }\n      evidence {\n        exact\n        start\n        end\n        sentence {\n          id\n          text\n        }\n      }\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "1b74100c1076c679d2fe0ff2ec0dd249";

export default node;
