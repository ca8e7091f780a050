/** Architecture rules, checked by test/architecture.spec.ts on every test run. */
const PURE_LIBS = '^libs/(acd|ivr|metrics)/';
const IO_PACKAGES =
  '(^|node_modules/)(@nestjs/|typeorm|twilio|socket\\.io|ioredis|mysql2|better-sqlite3|pino|prom-client|fastify|@fastify/|rxjs)';

module.exports = {
  forbidden: [
    {
      name: 'pure-lib-no-io',
      severity: 'error',
      comment: 'libs/acd, libs/ivr and libs/metrics are pure: no framework, database, Twilio or socket imports.',
      from: { path: PURE_LIBS },
      to: { path: IO_PACKAGES },
    },
    {
      name: 'pure-lib-no-node-io',
      severity: 'error',
      comment: 'Pure libs take time and randomness injected: no timers, clocks, files or network from Node.',
      from: { path: PURE_LIBS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pure-lib-only-pure-libs',
      severity: 'error',
      comment: 'Pure libs may use each other and the wire contracts, nothing else of ours.',
      from: { path: PURE_LIBS },
      to: { path: '^libs/(telephony|persistence)/' },
    },
    {
      name: 'lib-not-app',
      severity: 'error',
      comment: 'Libraries never import an application.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Import cycles make modules impossible to reason about and to load in order.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
