//! One job per seed, on every core natively (rayon) and one after the other in
//! wasm (the page runs its own workers). The results come back in seed order
//! either way, and each seed's run depends on its seed alone, so a study's
//! figures are the same on any number of threads (`RAYON_NUM_THREADS=1`).

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
