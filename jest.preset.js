// Shared Jest settings: SWC compiles TypeScript (with Nest's decorator metadata) in milliseconds.
const swcNode = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: false },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const swcReact = {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const moduleNameMapper = {
  '^@pairboard/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@pairboard/board-binding$': '<rootDir>/libs/board-binding/src/index.ts',
  '^@pairboard/board-protocol$': '<rootDir>/libs/board-protocol/src/index.ts',
  '^@pairboard/interview-content$': '<rootDir>/libs/interview-content/src/index.ts',
  '^@pairboard/interview-domain$': '<rootDir>/libs/interview-domain/src/index.ts',
};

module.exports = { swcNode, swcReact, moduleNameMapper };
