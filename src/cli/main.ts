import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { printable } from '../format/common/printable.js';
import { colorLevel } from './color.js';
import { convertFormats, runConvert } from './convert.js';
import { CACHE_NAME, CACHE_STRATEGIES, type CacheStrategy } from './cache.js';
import { CliError } from './errors.js';
import { validateFormats } from './formats.js';
import { DEFAULT_TIMEOUT_SECONDS } from './workers/batch.js';
import type { CliIo, InStream, OutStream } from './io.js';
import { ruleInfos, rulesJson, rulesTable } from './rules-list.js';
import { defaultServices, type CliServices } from './services.js';
import { parseRuleFlag, type RuleFlag } from './settings.js';
import { writeStarterConfig } from './init.js';
import { dropSpareWorker } from './pool.js';
import { printConfig, printedConfigTable } from './print-config.js';
import { runValidate } from './validate.js';
import { VERSION } from './version.js';

/** What `main` needs from the process; everything but argv has a default so tests can pass buffers. */
export interface MainArgs {
  argv: readonly string[];
  stdout: OutStream;
  stderr: OutStream;
  stdin?: InStream;
  cwd?: string;
  env?: Readonly<Record<string, string | undefined>>;
  services?: CliServices;
}

export { removePendingTemps } from './atomic.js';
export { stopWorkers } from './pool.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number of 0 or more');
  return n;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number of seconds, 0 or more');
  return n;
}

/** The commander program, its actions writing through `io` and storing their exit code in `exit`. */
function buildProgram(io: CliIo, services: CliServices, exit: { code: number }): Command {
  const program = new Command('plancheck')
    .description('Read HMPPS inspection action plans (PDF, Word, HTML, text exports) into JSON and check them against the template\'s rules.')
    .version(VERSION, '-V, --version')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // One line, the pointer to --help on it rather than on a second line of its own; an unknown option or a bad
      // value is quoted back with its control characters (a line break too) shown, not acted on.
      outputError: (s, write) => write(`${printable(s.replace(/^error: /, 'plancheck: ').trimEnd())} (run with --help for usage)\n`),
    })
    .exitOverride();

  const cores = availableParallelism();
  const jobsOption = (): Option =>
    new Option('-j, --jobs <n>', 'files read at once').argParser(positiveInt).default(cores, 'the number of cores');
  const ignoreOption = (): Option =>
    new Option('--ignore-pattern <glob>', 'leave out files found in folders or by globs that match (repeatable; relative to the working directory)').argParser(collect);
  const cacheOption = (): Option =>
    new Option('--cache', 'take the results of plans unchanged since the last --cache run (content, settings, plancheck) from the cache file');
  const cacheLocationOption = (): Option =>
    new Option('--cache-location <path>', `with --cache: the cache file, or a folder to keep ${CACHE_NAME} in (default: ${CACHE_NAME} in the working directory)`);
  const cacheStrategyOption = (): Option =>
    new Option('--cache-strategy <strategy>', 'with --cache: how an unchanged plan is recognised: by its content, or by its size and modification time (metadata)')
      .choices([...CACHE_STRATEGIES])
      .default('content');
  const timeoutOption = (): Option =>
    new Option('--timeout <seconds>', `give up on a file that takes longer than this, 0 for no limit (default: ${DEFAULT_TIMEOUT_SECONDS})`).argParser(seconds);

  program
    .command('validate')
    .summary('read plans and report what breaks the rules')
    .description('Read each plan, run every rule on it and print the findings.\nInputs are files, directories (searched for .pdf .docx .html .htm .txt) or globs; - reads standard input.')
    .argument('<inputs...>', 'plan files, directories or globs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(validateFormats)).default('stylish'))
    .option('-o, --output <file>', 'write the report to this file instead of standard output')
    .option('-c, --config <file>', 'config file (default: the nearest .plancheck.yaml or .plancheck.yml)')
    .option('--rule <id=level>', 'set a rule to off, warn or error (repeatable; wins over the config)', parseRuleFlag)
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', nonNegativeInt)
    .option('-q, --quiet', 'report errors only')
    .option('--report <file>', 'the inspection report to check recommendation coverage against')
    .option('--baseline <file>', 'report and count only findings not recorded in this baseline file')
    .option('--update-baseline', 'record every current finding in the --baseline file (written atomically); exits 0 unless a file is unreadable')
    .addOption(ignoreOption())
    .addOption(jobsOption())
    .addOption(timeoutOption())
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .addOption(cacheStrategyOption())
    .option('--color', 'force coloured output')
    .option('--no-color', 'never colour the output')
    .option('--verbose', 'print stack traces of internal errors')
    .addHelpText(
      'after',
      '\nExit codes: 0 no error, 1 an error finding or too many warnings, 2 a usage or config error or an unreadable input.\n\nExamples:\n  plancheck validate plan.pdf\n  plancheck validate plans/ --format sarif > plancheck.sarif\n  plancheck validate draft.docx --rule vague-action=off --max-warnings 0\n  plancheck validate plan.pdf --format html -o report.html\n  plancheck validate plans/ --baseline .plancheck-baseline.json --update-baseline',
    )
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      exit.code = await runValidate(
        {
          inputs,
          format: o.format as string,
          config: o.config as string | undefined,
          ignorePatterns: (o.ignorePattern as string[] | undefined) ?? [],
          ruleFlags: (o.rule as RuleFlag[] | undefined) ?? [],
          maxWarnings: o.maxWarnings as number | undefined,
          quiet: o.quiet === true,
          report: o.report as string | undefined,
          jobs: o.jobs as number,
          timeout: o.timeout as number | undefined,
          color: colorLevel(o.color as boolean | undefined, io),
          verbose: o.verbose === true,
          output: o.output as string | undefined,
          baseline: o.baseline as string | undefined,
          updateBaseline: o.updateBaseline === true,
          cache: o.cache === true,
          cacheLocation: o.cacheLocation as string | undefined,
          cacheStrategy: o.cacheStrategy as CacheStrategy,
        },
        io,
        services,
      );
    });

  program
    .command('convert')
    .summary('read plans into the JSON model')
    .description(
      'Read each plan into the JSON model of schemas/plan.schema.json.\nOne json or yaml plan goes to standard output, or to -o FILE.json; with -o DIR each input becomes DIR/<name>.json, mirroring the input folders, and DIR/manifest.json lists what became of each.\njsonl and csv put every plan into one stream: standard output or -o FILE.',
    )
    .argument('<inputs...>', 'plan files, directories or globs')
    .option('-o, --out-dir <path>', 'a folder for one file per input, or one file (FILE.json with one input; any name with jsonl or csv); written atomically')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...convertFormats]).default('json'))
    .option('-q, --quiet', 'print errors only: no progress bar, summary or notes on skipped files')
    .addOption(ignoreOption())
    .addOption(jobsOption())
    .addOption(timeoutOption())
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .addOption(cacheStrategyOption())
    .option('--verbose', 'print stack traces of internal errors')
    .addHelpText('after', '\nExamples:\n  plancheck convert plan.pdf > plan.json\n  plancheck convert plans/ -o json/\n  plancheck convert plan.docx --format yaml -o plan.yaml\n  plancheck convert plans/ --format csv -o actions.csv')
    .action(async (inputs: string[], o: Record<string, unknown>) => {
      exit.code = await runConvert(
        {
          inputs,
          outDir: o.outDir as string | undefined,
          format: o.format as (typeof convertFormats)[number],
          jobs: o.jobs as number,
          timeout: o.timeout as number | undefined,
          verbose: o.verbose === true,
          quiet: o.quiet === true,
          ignorePatterns: (o.ignorePattern as string[] | undefined) ?? [],
          cache: o.cache === true,
          cacheLocation: o.cacheLocation as string | undefined,
          cacheStrategy: o.cacheStrategy as CacheStrategy,
        },
        io,
        services,
      );
    });

  program
    .command('rules')
    .summary('list every rule')
    .description('List every rule: its id, default severity, docs page and what it checks.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--print-config <plan>', 'show the level and options of every rule in force for this plan file (its nearest config, or -c)')
    .option('-c, --config <file>', 'with --print-config, or alone: the settings this config file gives')
    .option('--rule <id=level>', 'with --print-config: set a rule as validate would (repeatable)', parseRuleFlag)
    .addHelpText('after', '\nExamples:\n  plancheck rules\n  plancheck rules --print-config plans/draft.docx\n  plancheck rules -c .plancheck.yaml --format json')
    .action(async (o: { format: string; printConfig?: string; config?: string; rule?: RuleFlag[] }) => {
      if (o.printConfig === undefined && o.config === undefined) {
        const infos = ruleInfos(services.rules);
        io.stdout.write(o.format === 'json' ? rulesJson(infos) : rulesTable(infos));
      } else {
        const shown = await printConfig({ plan: o.printConfig, config: o.config, ruleFlags: o.rule ?? [] }, io, services.rules);
        io.stdout.write(o.format === 'json' ? `${JSON.stringify(shown, null, 2)}\n` : printedConfigTable(shown));
      }
      exit.code = 0;
    });

  program
    .command('init')
    .summary('write a starter .plancheck.yaml')
    .description('Write a commented starter .plancheck.yaml in the current folder, listing every rule at its default level. Refuses to replace an existing config file.')
    .action(async () => {
      const written = await writeStarterConfig(io.cwd, io.cwd, services.rules);
      io.stderr.write(`plancheck: wrote ${printable(written)}\n`);
      exit.code = 0;
    });

  program
    .command('schema')
    .summary('print the JSON Schema of the model')
    .description('Print the JSON Schema (draft 2020-12) that every output of "plancheck convert" conforms to.')
    .action(async () => {
      // The model's zod schemas are loaded for this command only (zod costs about 60 ms of start-up).
      const { planJsonSchema } = await import('../model/plan.js');
      io.stdout.write(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
      exit.code = 0;
    });

  return program;
}

/** Run the CLI and return its exit code; usage, config and internal errors become one line on stderr. */
export async function main(args: MainArgs): Promise<number> {
  const io: CliIo = {
    stdout: args.stdout,
    stderr: args.stderr,
    stdin: args.stdin,
    cwd: args.cwd ?? process.cwd(),
    env: args.env ?? process.env,
  };
  const exit = { code: 0 };
  const program = buildProgram(io, args.services ?? defaultServices, exit);
  try {
    // As ESLint's cli.js does when given no files: the help, on standard output, and exit 0.
    if (args.argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync([...args.argv], { from: 'user' });
    return exit.code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with exit code 0; every other commander error is a usage error.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof CliError) {
      io.stderr.write(`plancheck: ${printable(err.message)}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`plancheck: internal error: ${printable(message.split('\n')[0] ?? '')}\n`);
    if (args.argv.includes('--verbose') && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return 2;
  } finally {
    // The worker the binary started ahead (workers/prestart.ts), when no batch took it.
    dropSpareWorker();
  }
}
