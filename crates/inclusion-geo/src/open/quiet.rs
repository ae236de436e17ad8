//! The places that may be open at quiet hours, in a tree of their own.
//!
//! At some hours of the week few places are open: weekday evenings, lunchtime, Sundays (0 to
//! 5% of real places). An "open now" search in the main tree then walks many nodes whose
//! summaries cannot rule them out (a node of 16 places with one open), and tests many closed
//! places. So the index keeps a subset:
//!
//! * at build time, the places whose bitmap is open at each local hour of the week are
//!   counted; an hour is *quiet* when at most 1/16 of the places are open then. Quiet hours
//!   are taken from the quietest while the subset stays within 1/8 of the places: the subset
//!   holds the places of every entry open at one of the quiet hours, and those whose bitmap is
//!   never trusted (they may be open at any time);
//! * at query time, a locale is *covered* when its local hour is quiet and its local date is
//!   neither a public holiday nor the day after one (bitmaps are then exact): every place of
//!   that locale open at the instant is in the subset. When the locale with the most places is
//!   covered, the search runs in the subset first, with the whole filter, which gives the
//!   answers near the query and a bound; then in the main tree within that bound, skipping the
//!   places of the subset and the nodes where no other place may be open (near a query in a
//!   covered locale: all of them, so this second search stops within a few nodes).

/// The quiet hours, and the entries whose places are in the subset (its tree is kept by the
/// index).
#[derive(Debug, Clone)]
pub(crate) struct Quiet {
    /// Hour `h` of the local week (Monday 00:00 = 0) is set when it is quiet.
    hours: [u64; 3],
    /// Per entry of the hours table, whether its places are in the subset.
    in_subset: Vec<bool>,
    /// The locale with the most places.
    main_locale: u8,
}

/// What the quiet hours need to know of an entry.
pub(crate) struct EntryHours {
    pub(crate) locale: u8,
    /// Hour `h` of the week is set when its bitmap is open at some slot of it.
    pub(crate) open_hours: [u64; 3],
    /// Whether its bitmap is never trusted (its places may be open at any time).
    pub(crate) exact: bool,
}

impl Quiet {
    /// A quiet hour has at most this share of the places open.
    const HOUR_SHARE: usize = 16;
    /// The subset holds at most this share of the places.
    const SUBSET_SHARE: usize = 8;

    /// The quiet hours and their subset, if there are any, for the points whose entries are
    /// `entry_of` (`u32::MAX`: no hours).
    pub(crate) fn new(entries: &[EntryHours], entry_of: &[u32]) -> Option<Quiet> {
        let n = entry_of.len();
        let mut places = vec![0usize; entries.len()];
        for &e in entry_of {
            if let Some(c) = places.get_mut(e as usize) {
                *c += 1;
            }
        }
        let mut per_hour = [0usize; 168];
        let mut per_locale = [0usize; 256];
        let mut in_subset = vec![false; entries.len()];
        let mut size = 0;
        for (i, e) in entries.iter().enumerate() {
            per_locale[usize::from(e.locale)] += places[i];
            if e.exact {
                in_subset[i] = true;
                size += places[i];
            } else {
                for (h, count) in per_hour.iter_mut().enumerate() {
                    if e.open_hours[h / 64] >> (h % 64) & 1 == 1 {
                        *count += places[i];
                    }
                }
            }
        }
        let mut candidates: Vec<usize> = (0..168)
            .filter(|&h| per_hour[h] <= n / Self::HOUR_SHARE)
            .collect();
        candidates.sort_by_key(|&h| per_hour[h]);
        let budget = n / Self::SUBSET_SHARE;
        let mut hours = [0u64; 3];
        for h in candidates {
            // The places this hour adds to the subset.
            let added: usize = entries
                .iter()
                .enumerate()
                .filter(|(i, e)| !in_subset[*i] && e.open_hours[h / 64] >> (h % 64) & 1 == 1)
                .map(|(i, _)| places[i])
                .sum();
            if size + added > budget {
                continue;
            }
            size += added;
            hours[h / 64] |= 1 << (h % 64);
            for (i, e) in entries.iter().enumerate() {
                if e.open_hours[h / 64] >> (h % 64) & 1 == 1 {
                    in_subset[i] = true;
                }
            }
        }
        if hours == [0; 3] {
            return None;
        }
        let main_locale = (0..256).max_by_key(|&l| per_locale[l]).unwrap_or(0) as u8;
        Some(Quiet {
            hours,
            in_subset,
            main_locale,
        })
    }

    /// Heap bytes.
    pub(crate) fn memory_bytes(&self) -> usize {
        self.in_subset.capacity()
    }

    /// Whether local hour `hour` of the week (0 to 167) is quiet.
    #[inline(always)]
    pub(crate) fn is_quiet(&self, hour: usize) -> bool {
        self.hours
            .get(hour / 64)
            .is_some_and(|w| w >> (hour % 64) & 1 == 1)
    }

    /// Whether the places of entry `entry` are in the subset.
    #[inline(always)]
    pub(crate) fn holds(&self, entry: u32) -> bool {
        self.in_subset.get(entry as usize) == Some(&true)
    }

    /// The locale with the most places.
    pub(crate) fn main_locale(&self) -> usize {
        usize::from(self.main_locale)
    }
}
