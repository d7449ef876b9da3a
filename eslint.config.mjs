import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The layer boundaries of STYLE.md: the browser never imports server code, the domain
// imports neither the server, the client, React nor I/O.
const noServer = { group: ["@/lib/server/*", "@/lib/server", "**/lib/server/**"], message: "Browser code may not import lib/server." };
const noClient = { group: ["@/lib/client/*", "@/lib/client", "**/lib/client/**"], message: "lib/domain may not import lib/client." };

export default tseslint.config(
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "data/**", "lib/server/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["components/**", "lib/client/**", "lib/i18n/**", "app/**/_components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noServer] }] },
  },
  {
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [noServer, noClient, { group: ["react", "next", "next/*", "socket.io*", "@prisma/*", "node:*"], message: "lib/domain is pure: no I/O, no framework." }],
        },
      ],
    },
  },
  {
    files: ["tests/**", "scripts/**", "*.config.*"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  { files: ["**/*.mjs"], languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } } },
);
