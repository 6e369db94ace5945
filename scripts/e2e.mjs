// Runs the end-to-end tests (tests/e2e/*.test.mjs), each file in a process of
// its own with its own Chromium, `--jobs N` files at a time (default E2E_JOBS,
// else 2: one per core, and most tests wait on a paced run or a page's frames
// rather than compute), the longest files first so that the processes end
// together. `node --test` alone would start them in alphabetical order, leaving
// a long file to run by itself at the end.
//
// The files of ALONE then run one at a time, nothing beside them: their
// assertions compare wall-clock frame times taken a minute apart.
//
//   node scripts/e2e.mjs                      every file, two at a time
//   node scripts/e2e.mjs --jobs 1             one at a time
//   node scripts/e2e.mjs moments explain      only the files whose name holds one of these
//
// Output as `node --test`'s (TAP, or spec on a terminal) for each of the two
// runs, then one line `e2e: N passed, N failed` for both; exits 1 when a test fails.
import { readdirSync } from 'node:fs';
import { once } from 'node:events';
import { run } from 'node:test';
import { spec, tap } from 'node:test/reporters';

// The files that take a minute or more alone, longest first (their times:
// docs/testing.md). A file named nowhere here runs after them.
const LONGEST = ['playground', 'reader', 'hardening', 'leaks', 'explain', 'moments', 'frame-budget', 'bounds', 'embed'];
const ALONE = ['soak'];

const args = process.argv.slice(2);
let jobs = Number(process.env.E2E_JOBS ?? 2);
const only = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--jobs') jobs = Number(args[++i]);
  else only.push(args[i]);
}
if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs: a whole number from 1, not ${jobs}`);

const dir = 'tests/e2e';
const name = (f) => f.replace('.test.mjs', '');
const rank = (f) => {
  const i = LONGEST.indexOf(name(f));
  return i === -1 ? LONGEST.length : i;
};
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
if (files.length === 0) throw new Error(`no test file in ${dir} matches ${only.join(', ')}`);

const counts = { pass: 0, fail: 0 };
async function runFiles(list, concurrency) {
  if (list.length === 0) return;
  const stream = run({ files: list.map((f) => `${dir}/${f}`), concurrency });
  // The run's own closing counts (its last diagnostics), summed over both runs.
  stream.on('test:diagnostic', ({ nesting, message }) => {
    const m = /^(pass|fail|cancelled) (\d+)$/.exec(message);
    if (nesting === 0 && m) counts[m[1] === 'pass' ? 'pass' : 'fail'] += Number(m[2]);
  });
  const out = stream.compose(process.stdout.isTTY ? new spec() : tap);
  out.pipe(process.stdout, { end: false });
  await once(out, 'end');
}

await runFiles(
  files.filter((f) => !ALONE.includes(name(f))),
  jobs,
);
await runFiles(
  files.filter((f) => ALONE.includes(name(f))),
  1,
);
console.log(`e2e: ${counts.pass} passed, ${counts.fail} failed`);
if (counts.fail > 0 || counts.pass === 0) process.exitCode = 1;
