import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const clientNodeOnlyInK8s = {
  paths: [
    {
      name: "@kubernetes/client-node",
      message: "Only lib/k8s/ talks to the Kubernetes API. Use the view types and functions it exports.",
    },
  ],
};

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "lib/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "no-restricted-imports": ["error", clientNodeOnlyInK8s],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "max-lines": ["error", { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The Kubernetes adapter layer, the demo cluster (a separate program) and scripts may use the client.
    files: ["lib/k8s/**", "democluster/**", "scripts/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // UI code never reaches the server-only layers directly.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          ...clientNodeOnlyInK8s,
          patterns: [{ group: ["@/lib/k8s/*", "@/lib/db/*"], message: "Components use the HTTP API, not server-only modules." }],
        },
      ],
    },
  },
];

export default config;
