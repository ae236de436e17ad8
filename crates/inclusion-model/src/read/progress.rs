//! How far a file read from disk has come ([`ReadProgress`]), for a progress bar.

use std::sync::atomic::{AtomicU64, Ordering};

/// How many bytes of a file [`read_path_with_progress`](super::read_path_with_progress) has
/// read so far, shared with a thread that shows it (a progress bar); reading it never slows
/// the reading down (one atomic addition per chunk of 128 KB).
///
/// A CSV file read a chunk at a time counts each chunk once its rows are read, so the count
/// follows the reading and the validation together, and ends at the file's length. A file
/// read whole (JSON, and every case [`read_path`](super::read_path) reads whole) reaches its
/// length once it is in memory, before its rows are read. The count never goes back: use one
/// `ReadProgress` per file read.
///
/// ```
/// use std::sync::Arc;
/// use inclusion_model::{read_path_with_progress, ReadOptions, ReadProgress};
///
/// let path = std::env::temp_dir().join("inclusion-progress-doctest.csv");
/// let mut csv = String::from("id,pivot,nom,commune,code_postal,adresse,date_maj\n");
/// for i in 0..10_000 {
///     csv.push_str(&format!("p{i:05},43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n"));
/// }
/// std::fs::write(&path, &csv)?;
///
/// let progress = Arc::new(ReadProgress::new());
/// let shown = Arc::clone(&progress);
/// // A thread that would draw a bar: it reads the count while the file is read.
/// let watcher = std::thread::spawn(move || shown.bytes());
/// let report = read_path_with_progress(&path, &ReadOptions::default(), &progress)?;
/// assert!(watcher.join().unwrap() <= csv.len() as u64);
/// assert_eq!(report.places.len(), 10_000);
/// assert_eq!(progress.bytes(), csv.len() as u64);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Default)]
pub struct ReadProgress {
    bytes: AtomicU64,
}

impl ReadProgress {
    /// A count at zero.
    pub fn new() -> ReadProgress {
        ReadProgress::default()
    }

    /// The bytes of the file read so far.
    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// `bytes` more read.
    pub(super) fn add(&self, bytes: usize) {
        self.bytes.fetch_add(bytes as u64, Ordering::Relaxed);
    }

    /// At least `bytes` read (the whole file in memory): the count never goes back.
    pub(super) fn reach(&self, bytes: usize) {
        self.bytes.fetch_max(bytes as u64, Ordering::Relaxed);
    }
}
