import { describe, expect, it } from 'vitest';
import { markdownFacts } from './markdown-facts.js';
import { validationCommands } from './validation-commands.js';

describe('validationCommands', () => {
  it.each([
    ['pnpm nx run core:lint', [['core', 'lint']]],
    ['npx nx run core:build:production', [['core', 'build']]],
    ['pnpm nx test core', [['core', 'test']]],
    ['nx core:typecheck', [['core', 'typecheck']]],
    [
      'pnpm nx run-many -t lint typecheck -p core',
      [
        ['core', 'lint'],
        ['core', 'typecheck'],
      ],
    ],
    [
      'pnpm nx run-many --targets=lint,test --projects=core,rl',
      [
        ['core', 'lint'],
        ['core', 'test'],
        ['rl', 'lint'],
        ['rl', 'test'],
      ],
    ],
    [
      'pnpm nx run core:api-report && pnpm nx test core',
      [
        ['core', 'api-report'],
        ['core', 'test'],
      ],
    ],
    ['pnpm nx run-many -t test -p tag:domain:core', []],
    ['pnpm nx affected -t test', []],
    ['pnpm nx graph', []],
    ['pnpm test', []],
    ['pnpm gate core', []],
    ['pnpm nx run-many -t test', []],
    ['pnpm nx run core:api-report --update', []],
    ['pnpm nx lint core --fix', []],
    ['pnpm nx run-many -t=lint -p core -- --update', []],
    ["pnpm nx run-many -t lint -p 'core' # then test", [['core', 'lint']]],
    [
      'pnpm nx run core:lint; pnpm nx test rl',
      [
        ['core', 'lint'],
        ['rl', 'test'],
      ],
    ],
    ['FOO=1 pnpm nx test core', []],
    [
      'pnpm exec nx run-many --target lint --projects core rl',
      [
        ['core', 'lint'],
        ['rl', 'lint'],
      ],
    ],
    ['npx -y nx lint "core"', [['core', 'lint']]],
  ])('%s', (line, tasks) => {
    expect(validationCommands([line]).flatMap((command) => command.tasks.map((task) => [task.project, task.target]))).toEqual(tasks);
  });
});

describe('markdownFacts', () => {
  it('counts prose outside code, headings, placeholders, and collects commands from code', () => {
    const facts = markdownFacts(
      [
        '# Title',
        '',
        'Two words `pnpm nx test core` here.',
        '',
        '```sh',
        '$ pnpm nx run core:lint',
        'echo one two three',
        '```',
        '',
        '- TODO list item',
      ].join('\n'),
    );
    expect(facts).toEqual({
      headings: 1,
      proseWords: 7,
      placeholders: ['TODO'],
      commands: [
        { line: 'pnpm nx test core', section: 'Title' },
        { line: 'pnpm nx run core:lint', section: 'Title' },
        { line: 'echo one two three', section: 'Title' },
      ],
    });
  });
});
