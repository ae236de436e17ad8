//! [`IdSet`]: the ids seen so far in a file, for the standard's `unique` constraint on `id`.
//!
//! A set of `Box<str>` would copy every id into its own allocation and free them all at the
//! end. The ids of the places kept in a report are already in those places, so the table holds
//! only 4-byte indices into the list of places (small enough for the processor's caches); the
//! other ids (rows not kept, and every row when validating record by record) are copied end to
//! end into large text chunks, never moved once written. Each entry also keeps 32 bits of its
//! id's hash: the table grows, and tells most different ids apart, without reading any id.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use crate::place::Place;

/// Marks an entry of the table as an index into [`IdSet::others`] rather than into the places.
const OTHER: u32 = 1 << 31;

/// The size of a text chunk of [`Others`] (a longer id gets a chunk of its own).
const CHUNK: usize = 64 * 1024;

/// A set of ids, most of them in the places read.
#[derive(Debug, Default)]
pub(crate) struct IdSet {
    table: HashTable<Entry>,
    /// The ids that are not in the places.
    others: Others,
}

/// One id of the set.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// An index into the places, or into `others` with the [`OTHER`] bit.
    index: u32,
    /// The id's hash (see [`IdSet::hash`]).
    hash: u32,
}

impl Entry {
    /// The hash the table places this entry by: 64 well-mixed bits made from the 32 kept.
    fn table_hash(self) -> u64 {
        table_hash(self.hash)
    }
}

fn table_hash(hash: u32) -> u64 {
    let x = u64::from(hash).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 32)
}

/// Ids copied into large text chunks.
#[derive(Debug, Default)]
struct Others {
    chunks: Vec<String>,
    /// Chunk, start and end of each id.
    spans: Vec<(usize, usize, usize)>,
}

impl Others {
    /// The bytes of id `i` (bytes: no character boundaries to check).
    fn get(&self, i: usize) -> &[u8] {
        let Some(&(chunk, start, end)) = self.spans.get(i) else {
            return &[];
        };
        self.chunks
            .get(chunk)
            .and_then(|c| c.as_bytes().get(start..end))
            .unwrap_or_default()
    }

    /// Copies `id` in; returns its index.
    fn push(&mut self, id: &str) -> usize {
        let full = |c: &String| c.capacity() - c.len() < id.len();
        if self.chunks.last().is_none_or(full) {
            self.chunks.push(String::with_capacity(CHUNK.max(id.len())));
        }
        let chunk = self.chunks.len() - 1;
        let text = &mut self.chunks[chunk];
        let start = text.len();
        text.push_str(id);
        self.spans.push((chunk, start, text.len()));
        self.spans.len() - 1
    }
}

impl IdSet {
    /// The hash of an id (32 bits), to pass to the other methods.
    pub(crate) fn hash(id: &str) -> u32 {
        let h = FxBuildHasher.hash_one(id);
        (h ^ (h >> 32)) as u32
    }

    /// Room for `ids` more ids without growing the table.
    pub(crate) fn reserve(&mut self, ids: usize) {
        self.table.reserve(ids, |e| e.table_hash());
    }

    /// Whether `id` (of hash `hash`) is in the set.
    pub(crate) fn contains(&self, hash: u32, id: &str, places: &[Place]) -> bool {
        self.table
            .find(table_hash(hash), |&e| {
                e.hash == hash && text(e.index, places, &self.others) == id.as_bytes()
            })
            .is_some()
    }

    /// Adds the id of `places[index]`, known not to be in the set. Past 2,147,483,647 ids, new
    /// ids are not remembered (and so never reported as duplicates).
    pub(crate) fn insert_place(&mut self, hash: u32, index: usize) {
        if let Ok(e) = u32::try_from(index)
            && e < OTHER
        {
            self.insert(hash, e);
        }
    }

    /// Adds an id that is not in the places (copied), known not to be in the set.
    pub(crate) fn insert_other(&mut self, hash: u32, id: &str) {
        if let Ok(e) = u32::try_from(self.others.spans.len())
            && e < OTHER
        {
            self.others.push(id);
            self.insert(hash, e | OTHER);
        }
    }

    fn insert(&mut self, hash: u32, index: u32) {
        let entry = Entry { index, hash };
        self.table
            .insert_unique(entry.table_hash(), entry, |e| e.table_hash());
    }
}

/// The id an entry stands for.
fn text<'a>(entry: u32, places: &'a [Place], others: &'a Others) -> &'a [u8] {
    if entry & OTHER == 0 {
        places
            .get(entry as usize)
            .map(|p| p.id.as_bytes())
            .unwrap_or_default()
    } else {
        others.get((entry & !OTHER) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::place::Address;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn place(id: &str) -> Place {
        let day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        Place::new(
            id,
            "00000000000000",
            "n",
            Address::new("s", "75001", "Paris"),
            day,
        )
    }

    /// Inserts `id` as a place (`kept`) or aside, as the validator does; `false` if seen.
    fn add(set: &mut IdSet, places: &mut Vec<Place>, id: &str, kept: bool) -> bool {
        let hash = IdSet::hash(id);
        if set.contains(hash, id, places) {
            return false;
        }
        if kept {
            places.push(place(id));
            set.insert_place(hash, places.len() - 1);
        } else {
            set.insert_other(hash, id);
        }
        true
    }

    #[test]
    fn a_second_id_is_refused_whether_the_first_row_was_kept_or_not() {
        let (mut set, mut places) = (IdSet::default(), Vec::new());
        assert!(add(&mut set, &mut places, "a", true));
        assert!(add(&mut set, &mut places, "ab", false));
        assert!(!add(&mut set, &mut places, "ab", true));
        assert!(!add(&mut set, &mut places, "a", false));
        assert!(add(&mut set, &mut places, "ba", true));
        assert_eq!(places.len(), 2);
    }

    #[test]
    fn ids_aside_longer_than_a_chunk_and_across_chunks_are_found() {
        let (mut set, mut places) = (IdSet::default(), Vec::new());
        let long: Vec<String> = (0..5)
            .map(|i| i.to_string().repeat(CHUNK / 2 + 7))
            .collect();
        let huge = "x".repeat(CHUNK * 2);
        for id in long.iter().chain([&huge]) {
            assert!(add(&mut set, &mut places, id, false));
        }
        assert!(set.others.chunks.len() >= 3, "the ids span several chunks");
        for id in long.iter().chain([&huge]) {
            assert!(!add(&mut set, &mut places, id, false), "{} chars", id.len());
        }
        assert!(add(&mut set, &mut places, &huge[1..], false));
    }

    proptest! {
        /// Same answers as a standard hash set, whatever the ids, the rows kept and the
        /// reservations (the table grows past them).
        #[test]
        fn agrees_with_a_hash_set(ids in proptest::collection::vec(("[ab]{0,4}", any::<bool>()), 0..200), reserve in 0usize..50) {
            let (mut set, mut places) = (IdSet::default(), Vec::new());
            set.reserve(reserve);
            let mut oracle = std::collections::HashSet::new();
            for (id, kept) in &ids {
                prop_assert_eq!(add(&mut set, &mut places, id, *kept), oracle.insert(id.clone()));
            }
        }
    }
}
