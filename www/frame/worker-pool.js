// A pool of module workers for the page's heavy cards (Kaneko's experiment, the
// handwritten digits): independent jobs spread over several cores, their results
// handed back in the jobs' order whatever order they finish in, so the figures
// are those of one worker. The page's own thread keeps a core for its frames.
//
// The protocol, both sides (a worker calls `serveJobs`):
//   pool -> worker   { job }
//   worker -> pool   { progress } any number of times, then { result } or { error }
// A worker takes the next job when it has answered one, so its engine loads once.

const MAX_WORKERS = 16; // more buys nothing on any machine this page meets, and each holds an engine

/**
 * How many workers the page's pools use: the link's `?workers=N` (a whole number
 * from 1 to 16; for the end-to-end tests and `make bench`, which compare pool
 * sizes on one machine), else `navigator.hardwareConcurrency` minus one (the
 * page's frames keep a core), at least one. Read here only; any other value of
 * `workers` is ignored, like a parameter the page does not know.
 */
export function poolSize(search = globalThis.location?.search ?? '') {
  const asked = new URLSearchParams(search).get('workers');
  const n = Number(asked);
  if (asked !== null && Number.isInteger(n) && n >= 1 && n <= MAX_WORKERS) return n;
  return Math.max(1, Math.min(MAX_WORKERS, (globalThis.navigator?.hardwareConcurrency || 1) - 1));
}

/**
 * Runs `jobs` (structured-cloneable values) on up to `size` workers loaded from
 * `url`, never more workers than jobs. `onProgress(index, progress)` is called
 * as a job reports, in the order each worker posts.
 *
 * Returns `{ done, cancel, workers }`. `done` resolves with the jobs' results in
 * job order, or rejects with the first failure: an Error whose `job` is the
 * failing job's index, or undefined when a worker itself failed (to load, say).
 * Every worker is terminated either way. `cancel()` terminates them at once;
 * after it nothing is reported and `done` stays pending. `workers` is how many
 * were started.
 * @template Job, Progress, Result
 * @param {URL} url
 * @param {Job[]} jobs
 * @param {{ size?: number, onProgress?: (index: number, progress: Progress) => void }} [options]
 * @returns {{ done: Promise<Result[]>, cancel: () => void, workers: number }}
 */
export function runPool(url, jobs, { size = poolSize(), onProgress = () => {} } = {}) {
  /** @type {Result[]} */
  const results = new Array(jobs.length);
  let next = 0,
    finished = 0,
    live = true;
  /** @type {(results: Result[]) => void} */
  let resolve = () => {};
  /** @type {(error: Error) => void} */
  let reject = () => {};
  /** @type {Promise<Result[]>} */
  const done = new Promise((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  const count = Math.max(0, Math.min(size, jobs.length));
  const workers = Array.from({ length: count }, () => new Worker(url, { type: 'module' }));

  function stop() {
    live = false;
    for (const w of workers) w.terminate();
  }
  /** @param {string} message @param {number} [job] */
  function fail(message, job) {
    if (!live) return;
    stop();
    reject(Object.assign(new Error(message), { job }));
  }
  for (const w of workers) {
    let current = -1; // the index of the job `w` is working on
    // Hands `w` the next job, if any is left.
    const feed = () => {
      if (next >= jobs.length) return;
      current = next++;
      w.postMessage({ job: jobs[current] });
    };
    w.onmessage = ({ data }) => {
      // Messages already queued when the pool stopped are dropped.
      if (!live) return;
      if ('progress' in data) return onProgress(current, data.progress);
      if ('error' in data) return fail(String(data.error), current);
      results[current] = data.result;
      if (++finished === jobs.length) {
        stop();
        resolve(results);
      } else {
        feed();
      }
    };
    w.onerror = (e) => {
      // Handled here, so it does not also reach the page's error banner: the live training is fine.
      e.preventDefault();
      fail(e.message || 'a worker failed to load');
    };
    feed();
  }
  if (jobs.length === 0) resolve(results);
  return { done, cancel: stop, workers: count };
}

/**
 * The worker's side: answers each `{ job }` with `run(job, report)`'s value as
 * `{ result }` (it may be a promise), `report(progress)` posting `{ progress }`
 * on the way. A throw becomes `{ error: explain(e) }`.
 * @template Job, Progress
 * @param {(job: Job, report: (progress: Progress) => void) => unknown} run
 * @param {(e: any) => string} [explain]
 */
export function serveJobs(run, explain = (e) => e?.message || String(e)) {
  globalThis.onmessage = async ({ data: { job } }) => {
    try {
      postMessage({ result: await run(job, (progress) => postMessage({ progress })) });
    } catch (e) {
      postMessage({ error: explain(e) });
    }
  };
}
