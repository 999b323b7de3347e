/**
 * The `audition` command line: a registry of commands, each a thin wrapper over the same modules the
 * server uses. Exit codes: 0 success, 1 the work found problems, 2 a usage or input error.
 */
import { EnvError } from '../env.js';
import * as assessmentCreate from './assessment-create.js';
import * as exerciseCheck from './exercise-check.js';
import * as exerciseNew from './exercise-new.js';
import * as exportCommand from './export.js';
import * as grade from './grade.js';
import * as invite from './invite.js';
import { CliError, type CliIo, processIo, UsageError } from './io.js';
import * as userAdd from './user-add.js';

type Command = { name: string; summary: string; usage: string; run: (args: string[], io: CliIo) => Promise<number> };

const commands: Command[] = [
  {
    name: 'exercise new',
    summary: 'scaffold a valid exercise folder: exercise new <spec|bug-hunt> <id>',
    usage: exerciseNew.usage,
    run: exerciseNew.exerciseNew,
  },
  {
    name: 'exercise check',
    summary: 'validate exercises and rubrics; progress, a summary table, or --json',
    usage: exerciseCheck.usage,
    run: exerciseCheck.exerciseCheck,
  },
  {
    name: 'grade',
    summary: 'pre-grade one submission file: grade --exercise <id> --submission <file.json> [--no-llm] [--json]',
    usage: grade.usage,
    run: grade.grade,
  },
  {
    name: 'user add',
    summary: 'add a staff user and print a one-time password: user add --email <e> --role <r>',
    usage: userAdd.usage,
    run: userAdd.userAdd,
  },
  {
    name: 'assessment create',
    summary: 'create an assessment: assessment create --name <n> --exercises <id,id> [--minutes <m>]',
    usage: assessmentCreate.usage,
    run: assessmentCreate.assessmentCreate,
  },
  {
    name: 'export',
    summary: 'export scores per attempt, exercise and criterion: export [--format csv|json] [--out <file>]',
    usage: exportCommand.usage,
    run: exportCommand.exportScores,
  },
  {
    name: 'invite',
    summary: 'print a one-candidate link: invite <assessment-id> [--name <n>] [--email <e>]',
    usage: invite.usage,
    run: invite.invite,
  },
];

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: audition <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun \`audition <command> --help\` for a command's options.`;
}

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  const command = commands
    .filter((c) => {
      const words = c.name.split(' ');
      return words.every((w, i) => argv[i] === w);
    })
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (!command) {
    io.err(`Unknown command "${argv.join(' ')}".\n\n${helpText()}`);
    return 2;
  }
  const args = argv.slice(command.name.split(' ').length);
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`${(error as Error).message}\n\nUsage: ${command.usage}`);
      return 2;
    }
    if (error instanceof EnvError || error instanceof CliError) {
      io.err((error as Error).message);
      return 2;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
