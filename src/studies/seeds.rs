//! One job per seed (or per independent run), on every core natively (rayon)
//! and one after the other in wasm (the page runs its own workers). The results
//! come back in the order asked either way, and each job depends on its own
//! input alone, so a study's figures are the same on any number of threads
//! (`RAYON_NUM_THREADS=1`).

/// `job(seed)` for seeds `1..=runs`, in seed order.
pub fn per_seed<T: Send>(runs: u64, job: impl Fn(u64) -> T + Sync + Send) -> Vec<T> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        (1..=runs).into_par_iter().map(job).collect()
    }
    #[cfg(target_arch = "wasm32")]
    {
        (1..=runs).map(job).collect()
    }
}

/// `job(k, &item)` for every item of `items` (independent runs of one study,
/// such as `ed digits`' ED and backprop), the results in the items' order.
pub fn per_item<I: Sync, T: Send>(
    items: &[I],
    job: impl Fn(usize, &I) -> T + Sync + Send,
) -> Vec<T> {
    per_seed(items.len() as u64, |seed| {
        let k = (seed - 1) as usize;
        job(k, &items[k])
    })
}
