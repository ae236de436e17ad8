//! [`IdSet`]: the ids seen so far in a file, for the standard's `unique` constraint on `id`.
//!
//! A set of `Box<str>` makes one allocation per row and frees them all at the end; here the ids
//! are copied end to end into large text chunks (never moved once written), their places are
//! listed in order, and the hash table holds only 4-byte indices into that list, so that the
//! table of 100,000 ids stays small enough for the processor's caches.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use rustc_hash::FxBuildHasher;

/// The size of a text chunk (a longer id gets a chunk of its own).
const CHUNK: usize = 64 * 1024;

/// A set of ids stored in a few large texts.
#[derive(Debug, Default)]
pub(crate) struct IdSet {
    chunks: Vec<String>,
    /// Each id: its hash and where its text is.
    ids: Vec<Id>,
    /// Indices into `ids`.
    table: HashTable<u32>,
}

#[derive(Debug, Clone, Copy)]
struct Id {
    hash: u64,
    chunk: usize,
    start: usize,
    end: usize,
}

impl IdSet {
    /// Room for `ids` more ids without growing the table.
    pub(crate) fn reserve(&mut self, ids: usize) {
        let all = &self.ids;
        self.table.reserve(ids, |&i| all[i as usize].hash);
        self.ids.reserve(ids);
    }

    /// Adds `id`; `false` when it was already there. Past 4,294,967,295 distinct ids, the
    /// new ones are not remembered (and so are never reported as duplicates).
    pub(crate) fn insert(&mut self, id: &str) -> bool {
        let hash = FxBuildHasher.hash_one(id);
        let (chunks, all) = (&self.chunks, &self.ids);
        let found = |&i: &u32| {
            let e = all[i as usize];
            e.hash == hash && &chunks[e.chunk][e.start..e.end] == id
        };
        let Entry::Vacant(slot) = self.table.entry(hash, found, |&i| all[i as usize].hash) else {
            return false;
        };
        let Ok(index) = u32::try_from(self.ids.len()) else {
            return true;
        };
        slot.insert(index);
        let full = |c: &String| c.capacity() - c.len() < id.len();
        if self.chunks.last().is_none_or(full) {
            self.chunks.push(String::with_capacity(CHUNK.max(id.len())));
        }
        let chunk = self.chunks.len() - 1;
        let text = &mut self.chunks[chunk];
        let start = text.len();
        text.push_str(id);
        self.ids.push(Id {
            hash,
            chunk,
            start,
            end: text.len(),
        });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_second_insert_of_the_same_id_is_refused() {
        let mut set = IdSet::default();
        assert!(set.insert("a"));
        assert!(set.insert("ab"));
        assert!(set.insert("b"));
        assert!(!set.insert("ab"));
        assert!(!set.insert("a"));
        assert!(set.insert("ba"));
    }

    #[test]
    fn ids_longer_than_a_chunk_and_ids_across_chunks_are_found() {
        let mut set = IdSet::default();
        let long: Vec<String> = (0..5)
            .map(|i| format!("{i}").repeat(CHUNK / 2 + 7))
            .collect();
        let huge = "x".repeat(CHUNK * 2);
        for id in long.iter().chain([&huge]) {
            assert!(set.insert(id));
        }
        assert!(set.chunks.len() >= 3, "the ids span several chunks");
        for id in long.iter().chain([&huge]) {
            assert!(!set.insert(id), "{} chars", id.len());
        }
        assert!(set.insert(&huge[1..]));
    }

    proptest! {
        /// Same answers as a standard hash set, whatever the ids and the reservations.
        #[test]
        fn agrees_with_a_hash_set(ids in proptest::collection::vec("[ab]{0,4}", 0..200), reserve in 0usize..50) {
            let mut set = IdSet::default();
            set.reserve(reserve);
            let mut oracle = std::collections::HashSet::new();
            for id in &ids {
                prop_assert_eq!(set.insert(id), oracle.insert(id.clone()));
            }
        }
    }
}
