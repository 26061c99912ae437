// The layer rules of ARCHITECTURE.md ("What may import what"), checked on every `npm test` by
// `npm run lint:layers`. A rule here is the table's row in code: change both together.
// Paths are relative to the project root; `from` is the importing file, `to` the imported one.
/** @type {import('dependency-cruiser').IConfiguration} */

// Pure code any layer may use: no I/O, no React, no framework; each other and zod only.
const PURE = '^lib/(domain|graph|history|import|validation)/';
// lib/graph/analysis/ runs graphology's algorithms (rule graph-analysis-only-graphology says who may).
const GRAPHOLOGY_FOR_ANALYSIS = ['^node_modules/graphology'];
// lib/exchange reads and writes other tools' files (GEXF, GraphML, CSV, Cytoscape JSON): pure, plus
// the well-kept parsers it needs (rule exchange-stays-pure says which).
const EXCHANGE = '^lib/exchange/';
const EXCHANGE_PARSERS = ['^node_modules/saxes/', '^node_modules/papaparse/', '^node_modules/fflate/'];
// Server-only layers a browser bundle must never reach.
const SERVER = '^lib/(auth|data|db|http)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes load order matter and hides which module owns what.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-not-to-app',
      severity: 'error',
      comment: 'lib/ is used by app/ and components/, never the other way round; tests and scripts are not importable.',
      from: { path: '^lib/' },
      to: { path: '^(app|components|scripts|bench|test|e2e)/' },
    },
    {
      name: 'app-not-to-db',
      severity: 'error',
      comment: 'Pages, actions and route handlers call lib/data, never Prisma.',
      from: { path: '^(app/|proxy\\.ts$)' },
      to: { path: ['^lib/db/', '^node_modules/(@prisma|prisma)/'] },
    },
    {
      name: 'components-not-to-server',
      severity: 'error',
      comment:
        'Components get plain data as props: never lib/data, lib/db, lib/auth or lib/http, nor server-only APIs. ' +
        'A component that needs the session belongs in app/ (e.g. app/_layout/account-menu.tsx).',
      from: { path: '^components/' },
      to: { path: [SERVER, '^node_modules/server-only/', '^node_modules/next/(headers|cache)'] },
    },
    {
      name: 'components-not-to-app',
      severity: 'error',
      comment: 'app/ composes components; a component importing a page, action or route turns that around.',
      from: { path: '^components/' },
      to: { path: '^(app|scripts|bench|test|e2e)/' },
    },
    {
      name: 'data-not-up',
      severity: 'error',
      comment: 'lib/data sits under app/: it may use lib/db and pure modules, not the request (lib/auth, lib/http) or the UI.',
      from: { path: '^lib/data/' },
      to: { path: ['^lib/(auth|http)/', '^node_modules/(react|react-dom|next)/'] },
    },
    {
      name: 'db-only-prisma',
      severity: 'error',
      comment: 'lib/db holds the Prisma clients and migrations: Node itself and Prisma packages only.',
      from: { path: '^lib/db/' },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: ['^lib/db/', '^node_modules/(@prisma|prisma)/', '^node_modules/server-only/'],
      },
    },
    {
      name: 'pure-stays-pure',
      severity: 'error',
      comment:
        'lib/domain, lib/graph, lib/history, lib/import and lib/validation run anywhere, the browser included: each other, zod, ' +
        'iuliia (pure tables for Russian transliteration, no dependencies, used by lib/domain/transliteration) ' +
        'and zxcvbn-ts (password strength, lib/validation/password-strength.ts).',
      from: { path: PURE },
      to: { pathNot: [PURE, EXCHANGE, '^node_modules/zod/', '^node_modules/iuliia/', '^node_modules/@zxcvbn-ts/', ...(GRAPHOLOGY_FOR_ANALYSIS)] },
    },
    {
      name: 'exchange-stays-pure',
      comment:
        'lib/exchange (interchange readers and writers) runs anywhere like the pure modules: those, zod, and the ' +
        'streaming XML parser saxes, the CSV library papaparse and the zip library fflate; no I/O, React or Next.',
      severity: 'error',
      from: { path: EXCHANGE },
      to: { pathNot: [PURE, EXCHANGE, '^node_modules/zod/', ...EXCHANGE_PARSERS] },
    },
    {
      name: 'password-strength-only-zxcvbn',
      severity: 'error',
      comment: 'zxcvbn-ts (pure, with its dictionaries) scores new passwords in lib/validation/password-strength.ts and nowhere else.',
      from: { path: PURE, pathNot: '^lib/validation/password-strength\\.ts$' },
      to: { path: '^node_modules/@zxcvbn-ts/' },
    },
    {
      name: 'graph-analysis-only-graphology',
      severity: 'error',
      comment:
        'lib/graph/analysis/ (metrics, communities, robustness) may also use the graphology family, pure JavaScript that runs ' +
        'in the browser and on Node; it is the only pure folder that does.',
      from: { path: PURE, pathNot: '^lib/graph/analysis/' },
      to: { path: '^node_modules/graphology' },
    },
    {
      name: 'auth-and-http-not-to-ui',
      severity: 'error',
      comment: 'lib/auth and lib/http serve app/; they never import pages or components.',
      from: { path: '^lib/(auth|http)/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'cytoscape-in-its-folder',
      severity: 'error',
      comment:
        'Cytoscape code lives in components/graph/; lib/data/layout/ runs fcose headless on the server to compute the positions ' +
        'stored on actors. Types may name the instance elsewhere (the map composition in components/map holds it), ' +
        'but every call on it is a components/graph function.',
      from: { pathNot: ['^components/graph/', '^lib/data/layout/', '^(test|bench|e2e|scripts)/'] },
      to: { path: '^node_modules/cytoscape', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shipped-code-not-to-dev-deps',
      severity: 'error',
      comment: 'What runs in production may not need a devDependency (types excepted: they vanish at build).',
      from: { path: '^(app|components|lib)/|^proxy\\.ts$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: ['^node_modules/@types/'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing package.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment: 'Every package used is in package.json, not just present in node_modules by chance.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '^lib/db/generated/'] },
    exclude: { path: ['(^|/)\\.next/', '^lib/db/generated/'] }, // any Next build output, the bench anchor's too
    // Type-only imports count: a component importing a type from lib/data still couples to it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
