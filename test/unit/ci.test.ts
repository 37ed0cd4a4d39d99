// Rapport in CI and in tasks: `rapport check --format github` (GitHub Actions
// annotations), the problem matcher the extension contributes for a VS Code
// task, and the example workflow a notes repository copies.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { githubLine } from '../../src/cli/format.js';
import { range } from '../../src/core/model.js';
import { repo, run } from './cli-helpers.js';
import { md } from './helpers.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const DEMO = join(ROOT, 'examples', 'demo');
const DEMO_DAY = '2026-11-21';

/** `fn` with GITHUB_WORKSPACE set to `value` (the runner sets it to the repository's checkout). */
async function withWorkspace<T>(value: string | undefined, fn: () => Promise<T>): Promise<T> {
  const before = process.env.GITHUB_WORKSPACE;
  if (value === undefined) delete process.env.GITHUB_WORKSPACE;
  else process.env.GITHUB_WORKSPACE = value;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.GITHUB_WORKSPACE;
    else process.env.GITHUB_WORKSPACE = before;
  }
}

describe('rapport check --format github', () => {
  const NOTES = {
    // A name with the characters a property must escape, and a link whose message holds a `%`.
    'contacts/a,b:c%d.md': md(['type: contact', 'name: Odd Name', 'company: "[[100%]]"']),
    'contacts/bad.md': md(['type: contact', 'name: Bad', 'status: nonsense']),
    'contacts/sally.md': md(['type: contact', 'name: Sally Smith']),
    'meetings/2026-11-20-sally.md': md(['type: meeting', 'with: "[[sally]]"', 'date: 2026-11-20', 'kind: informational']),
  };

  it('prints one workflow command per diagnostic: error, warning, notice for information and hints, then the summary', async () => {
    const dir = repo(NOTES);
    try {
      const r = await withWorkspace(dir, () => run('check', dir, '--format', 'github', '--today', '2026-11-21'));
      assert.equal(r.err, '');
      assert.equal(r.out, [
        '::warning file=contacts/a%2Cb%3Ac%25d.md,line=4,col=11,title=unknown-reference::No note is called “100%25”: create it, or correct the link.',
        '::error file=contacts/bad.md,line=4,col=9,title=invalid-frontmatter::`status: nonsense` is not a known status: use one of lead, contacted, scheduled, met, dormant.',
        '::notice file=meetings/2026-11-20-sally.md,line=4,col=1,title=thank-you-pending::Send Sally Smith a thank-you note today; mention something specific from the conversation.',
        '::notice file=meetings/2026-11-20-sally.md,line=5,col=1,title=no-referrals-recorded::Who else should you talk to? Ask Sally Smith and record the names under `referrals:` (`referrals: []` if none).',
        '4 diagnostics: 1 errors, 1 warnings (0 overdue), 1 information, 1 hints.',
        '',
      ].join('\n'));
      assert.equal(r.code, 1, 'the exit code of check: 1 on an error');
      assert.equal(r.code, (await run('check', dir, '--json', '--today', '2026-11-21')).code);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names files from the repository\'s root ($GITHUB_WORKSPACE), wherever the notes folder is, cached run or not', async () => {
    const dir = repo(NOTES);
    const first = (out: string) => out.split('\n')[1];
    try {
      const fromParent = await withWorkspace(dirname(dir), () => run('check', dir, '--format', 'github', '--today', '2026-11-21'));
      assert.equal(first(fromParent.out), `::error file=${basename(dir)}/contacts/bad.md,line=4,col=9,title=invalid-frontmatter::\`status: nonsense\` is not a known status: use one of lead, contacted, scheduled, met, dormant.`);
      // Nothing changed, so this run prints from the cache: the report stored for the other root must not be it.
      const fromItself = await withWorkspace(dir, () => run('check', dir, '--format', 'github', '--today', '2026-11-21'));
      assert.match(first(fromItself.out), /^::error file=contacts\/bad\.md,/);
      // Without GITHUB_WORKSPACE (a run by hand), from the current folder.
      const here = await withWorkspace(undefined, () => run('check', dir, '--format', 'github', '--today', '2026-11-21'));
      assert.ok(first(here.out).startsWith(`::error file=${relative(process.cwd(), dir)}/contacts/bad.md,`), here.out);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('escapes %, CR and LF in the message, and also : and , in the properties, as GitHub reads them back', () => {
    const d = { file: 'notes/50%: a, b\r\n.md', range: range(2, 4), severity: 'hint' as const, code: 'odd:code,x', message: 'a%b\r\nc: d, e\n' };
    assert.equal(githubLine(d), '::notice file=notes/50%25%3A a%2C b%0D%0A.md,line=3,col=5,title=odd%3Acode%2Cx::a%25b%0D%0Ac: d, e%0A');
    assert.equal(githubLine({ ...d, severity: 'error' }, 'my notes/'), '::error file=my notes/notes/50%25%3A a%2C b%0D%0A.md,line=3,col=5,title=odd%3Acode%2Cx::a%25b%0D%0Ac: d, e%0A');
  });

  it('--json is --format json; a format a command does not print is bad usage (exit 2, one line)', async () => {
    const dir = repo(NOTES);
    try {
      assert.equal((await run('check', dir, '--format', 'json', '--today', '2026-11-21')).out, (await run('check', dir, '--json', '--today', '2026-11-21')).out);
      assert.equal((await run('list', dir, '--format', 'json')).out, (await run('list', dir, '--json')).out);
      for (const [argv, message] of [
        [['check', dir, '--format', 'xml'], 'rapport: --format xml: check prints human, json, github\n'],
        [['list', dir, '--format', 'github'], 'rapport: --format github: list prints human, json\n'],
        [['check', dir, '--json', '--format', 'github'], 'rapport: --json is --format json; it cannot go with --format github\n'],
        [['watch', dir, '--format', 'github'], 'rapport: watch prints for people; use check --format json or github for machines\n'],
      ] as const) {
        const r = await run(...argv);
        assert.deepEqual([r.code, r.out, r.err], [2, '', message], argv.join(' '));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the problem matcher for `rapport check` as a VS Code task', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const matchers = manifest.contributes.problemMatchers as {
    name: string; owner: string; source: string; fileLocation: string[];
    pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number };
  }[];
  // What VS Code makes of the severity group: "error", "warning", "info" and "hint" (read as
  // information); a whole "information" it would not know, and would show as an error.
  const SEVERITY_READ: Record<string, string> = { error: 'error', warning: 'warning', info: 'information', hint: 'hint' };

  it('is contributed as $rapport, files relative to the workspace folder', () => {
    assert.equal(matchers.length, 1);
    assert.equal(matchers[0].name, 'rapport');
    assert.equal(matchers[0].owner, 'rapport');
    assert.equal(matchers[0].source, 'rapport');
    assert.deepEqual(matchers[0].fileLocation, ['relative', '${workspaceFolder}']);
  });

  it('reads file, line, column, severity, code and message of every line `rapport check` prints on the demo, and nothing else', async () => {
    const { pattern } = matchers[0];
    const re = new RegExp(pattern.regexp);
    const human = await run('check', DEMO, '--today', DEMO_DAY);
    const json = JSON.parse((await run('check', DEMO, '--json', '--today', DEMO_DAY)).out) as Record<string, unknown>[];
    const lines = human.out.trimEnd().split('\n');
    assert.equal(lines.length, json.length + 1, 'a line per diagnostic, and the summary');
    assert.deepEqual(new Set(json.map((d) => d.severity)), new Set(['error', 'warning', 'information', 'hint']), 'the demo has every severity');
    const read = lines.map((line) => {
      const m = re.exec(line);
      return m && {
        file: m[pattern.file], line: Number(m[pattern.line]), column: Number(m[pattern.column]),
        severity: SEVERITY_READ[m[pattern.severity]], code: m[pattern.code], message: m[pattern.message],
      };
    });
    assert.deepEqual(read.slice(0, -1), json);
    assert.equal(read.at(-1), null, `the summary is not a problem: ${lines.at(-1)}`);
  });
});

describe('the example GitHub workflow (examples/github-workflow.yml)', () => {
  const text = readFileSync(join(ROOT, 'examples', 'github-workflow.yml'), 'utf8');
  const workflow = parseYaml(text) as { on: string[]; jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }> };
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
  const check = steps.at(-1)!;

  it('runs on every push and pull request: checkout, Node, Rapport, then `check --format github`', () => {
    assert.deepEqual(workflow.on, ['push', 'pull_request']);
    assert.match(steps[0].uses ?? '', /^actions\/checkout@/);
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    assert.ok(Number(node?.with?.['node-version']) >= 20, 'a Node that package.json\'s engines allow');
    assert.match(check.run ?? '', /\brapport(\.js)?"? check \. --format github$/);
  });

  it('its check step, run as the runner would, annotates the demo notes and fails on their errors', () => {
    // $RUNNER_TEMP/rapport is where the install step builds Rapport: here, this checkout.
    const temp = mkdtempSync(join(tmpdir(), 'rapport-runner-'));
    try {
      symlinkSync(ROOT, join(temp, 'rapport'));
      const r = spawnSync('bash', ['-eo', 'pipefail', '-c', check.run!], {
        cwd: DEMO, encoding: 'utf8', env: { ...process.env, RUNNER_TEMP: temp, GITHUB_WORKSPACE: DEMO },
      });
      // Checked as of the real today (what is due varies), so the lines are counted, not compared.
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(r.stderr, '');
      for (const line of lines.slice(0, -1)) assert.match(line, /^::(error|warning|notice) file=[^,]+\.md,line=\d+,col=\d+,title=[a-z-]+::\S/);
      assert.equal(lines.filter((l) => l.startsWith('::error ')).length, 3, r.stdout);
      assert.match(lines.at(-1)!, new RegExp(`^${lines.length - 1} diagnostics: 3 errors`));
      assert.equal(r.status, 1);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});
