// ESLint: Next's rules plus the layer import rules of ARCHITECTURE.md (imports only point right:
// app → components → lib; only data.ts/mutations.ts touch the database; lib/estimate stays pure).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const dbOnlyInDataLayer = {
  group: ["@/lib/db", "@/lib/generated/*", "@/lib/generated/**", "@prisma/*"],
  message: "Only lib/**/data.ts and lib/**/mutations.ts talk to the database (ARCHITECTURE.md: layers).",
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [dbOnlyInDataLayer, { group: ["@/lib/**/mutations"], message: "Pages call loaders (data.ts) and pass server actions (actions.ts) to forms; mutations run inside actions." }, { group: ["next/link"], message: "Use @/components/ui/link: it prefetches on intent, not on sight (every route is dynamic)." }] }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        dbOnlyInDataLayer,
        { group: ["@/lib/**/data", "@/lib/**/mutations", "@/lib/**/actions", "@/lib/auth/session", "@/lib/auth/access"], message: "Components are UI: they import types and zod schemas from lib; pages pass them data and server actions as props." },
        { group: ["@/app/*", "@/app/**"], message: "Imports only point right: app → components → lib." },
        { group: ["next/link"], message: "Use @/components/ui/link: it prefetches on intent, not on sight (every route is dynamic)." },
      ] }],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/**/data.ts", "lib/**/mutations.ts", "lib/db.ts", "lib/db-client.ts", "lib/generated/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        dbOnlyInDataLayer,
        { group: ["@/app/*", "@/app/**", "@/components/*", "@/components/**"], message: "lib/ is the bottom layer: it never imports app/ or components/." },
      ] }],
    },
  },
  {
    files: ["lib/estimate/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        dbOnlyInDataLayer,
        { group: ["react", "react-dom", "next", "next/*", "node:*", "@/lib/auth/*", "@/lib/*/data", "@/lib/*/mutations"], message: "lib/estimate is a pure function of its input: no database, React, Next or Node APIs." },
      ] }],
      "no-restricted-syntax": ["error",
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "Use the seeded PRNG passed in (determinism)." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "The engine takes dates from its input (determinism)." },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
];

export default config;
