const fs = require('node:fs');
const path = require('node:path');

// Nest 12 and several of its dependencies ship only ES modules. Jest's CommonJS runtime cannot
// require them, so every ESM package in node_modules is compiled to CommonJS like our own code.
function esmPackages(root) {
  const names = [];
  for (const entry of fs.readdirSync(root)) {
    const packages = entry.startsWith('@')
      ? fs.readdirSync(path.join(root, entry)).map((name) => `${entry}/${name}`)
      : [entry];
    for (const name of packages) {
      const manifest = path.join(root, name, 'package.json');
      if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).type === 'module') {
        names.push(name.replace(/[.]/g, '\\.'));
      }
    }
  }
  return names;
}

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const libs = ['acd', 'ivr', 'metrics', 'telephony', 'persistence', 'contracts'];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,test,bench}/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages(path.join(__dirname, 'node_modules')).join('|')})/)`],
  moduleNameMapper: {
    ...Object.fromEntries(libs.map((lib) => [`^@hotline/${lib}$`, `<rootDir>/libs/${lib}/src`])),
    '^@hotline/twilio-sim$': '<rootDir>/apps/twilio-sim/src',
  },
  testTimeout: 30000,
};
