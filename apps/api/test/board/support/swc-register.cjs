// Lets plain `node` run the API's TypeScript without a build step (child-process servers in tests
// and the benchmark): compiles each .ts file with SWC on require, with Jest's SWC options, and
// resolves the workspace's path aliases from tsconfig.base.json.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const repoRoot = path.resolve(__dirname, '../../../../..');
const { swcNode } = require(path.join(repoRoot, 'jest.preset.js'));
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tsconfig.base.json'), 'utf8'));
const aliases = Object.fromEntries(
  Object.entries(compilerOptions.paths ?? {}).map(([alias, [target]]) => [alias, path.join(repoRoot, target)]),
);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveWithAliases(request, ...rest) {
  return resolveFilename.call(this, aliases[request] ?? request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swcNode, filename });
  module._compile(code, filename);
};
