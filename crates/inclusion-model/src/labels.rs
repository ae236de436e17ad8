//! [`Labels`]: the values of one list column of a closed vocabulary (`services`,
//! `frais_a_charge`...), kept without a heap allocation.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, DerefMut};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::vocab::Vocabulary;

/// How many labels a list holds before it moves to the heap: more than any vocabulary of the
/// standard has values, so only a list with repeated labels ever allocates.
const INLINE: usize = 14;

/// The labels of a list column of the standard, e.g. [`Place::services`](crate::Place::services):
/// in the order of the file, repeated labels included, so that writing a place gives back what
/// was read.
///
/// A `Labels` takes 16 bytes (two thirds of a `Vec`) and keeps up to 14 labels inline: reading
/// a place makes no allocation for its nine vocabulary lists. It reads as a slice (`contains`,
/// `iter`, `len`, indexing...), and is built from arrays, vectors and iterators:
///
/// ```
/// use inclusion_model::{Labels, Service, Vocabulary};
///
/// let mut services = Labels::from([Service::AdministrativeProcedures]);
/// services.push(Service::SafeUse);
/// assert!(services.contains(&Service::SafeUse));
/// assert_eq!(services, [Service::AdministrativeProcedures, Service::SafeUse]);
/// assert_eq!(services.mask(), 1 << Service::AdministrativeProcedures.index() | 1 << Service::SafeUse.index());
///
/// let fewer: Labels<Service> = services.iter().copied().filter(|s| *s != Service::SafeUse).collect();
/// assert_eq!(fewer.len(), 1);
///
/// // On the wire (serde), the exact French labels.
/// assert_eq!(serde_json::to_string(&fewer)?, r#"["Aide aux démarches administratives"]"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone)]
pub struct Labels<V: Vocabulary>(Repr<V>);

/// Where the labels are. Equality, order and hashing look only at the labels, never at the
/// form they are kept in.
#[derive(Clone)]
enum Repr<V> {
    /// No label.
    Empty,
    /// `items[..len]`; the rest of `items` repeats the first label, unused.
    Inline { len: u8, items: [V; INLINE] },
    /// More labels than fit inline. The `Vec` is boxed for a pointer of 8 bytes: a `Vec` (24)
    /// or a boxed slice (16) would make every `Labels` larger, for lists that never occur in
    /// files without repeated labels.
    #[allow(clippy::box_collection)]
    Heap(Box<Vec<V>>),
}

impl<V: Vocabulary> Labels<V> {
    /// An empty list.
    pub fn new() -> Labels<V> {
        Labels(Repr::Empty)
    }

    /// Adds a label at the end.
    pub fn push(&mut self, label: V) {
        match &mut self.0 {
            Repr::Empty => {
                self.0 = Repr::Inline {
                    len: 1,
                    items: [label; INLINE],
                }
            }
            Repr::Inline { len, items } => match items.get_mut(usize::from(*len)) {
                Some(slot) => {
                    *slot = label;
                    *len += 1;
                }
                None => {
                    let mut all = Vec::with_capacity(INLINE * 2);
                    all.extend_from_slice(items);
                    all.push(label);
                    self.0 = Repr::Heap(Box::new(all));
                }
            },
            Repr::Heap(all) => all.push(label),
        }
    }

    /// Removes every label.
    pub fn clear(&mut self) {
        self.0 = Repr::Empty;
    }

    /// Keeps only the labels for which `keep` is true, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&V) -> bool) {
        if let Repr::Heap(all) = &mut self.0 {
            all.retain(|v| keep(v));
        } else {
            *self = self.iter().copied().filter(|v| keep(v)).collect();
        }
    }

    /// Removes repeated labels, keeping the first of each, in order.
    ///
    /// ```
    /// use inclusion_model::{Fee, Labels};
    /// let mut fees = Labels::from([Fee::Free, Fee::Paying, Fee::Free]);
    /// fees.dedup();
    /// assert_eq!(fees, [Fee::Free, Fee::Paying]);
    /// ```
    pub fn dedup(&mut self) {
        let mut seen = 0u64;
        self.retain(|v| {
            let bit = 1u64 << (v.index() % 64);
            let first = seen & bit == 0;
            seen |= bit;
            first
        });
    }

    /// A bit set of the labels: `1 << label.index()` for each (see [`Vocabulary::mask`]).
    pub fn mask(&self) -> u32 {
        V::mask(self.iter())
    }

    /// The labels as a slice.
    pub fn as_slice(&self) -> &[V] {
        match &self.0 {
            Repr::Empty => &[],
            Repr::Inline { len, items } => items.get(..usize::from(*len)).unwrap_or_default(),
            Repr::Heap(all) => all,
        }
    }

    /// The labels as a mutable slice.
    fn as_mut_slice(&mut self) -> &mut [V] {
        match &mut self.0 {
            Repr::Empty => &mut [],
            Repr::Inline { len, items } => items.get_mut(..usize::from(*len)).unwrap_or_default(),
            Repr::Heap(all) => all,
        }
    }
}

impl<V: Vocabulary> PartialEq for Labels<V> {
    fn eq(&self, other: &Labels<V>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<V: Vocabulary> Eq for Labels<V> {}

impl<V: Vocabulary> PartialOrd for Labels<V> {
    fn partial_cmp(&self, other: &Labels<V>) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<V: Vocabulary> Ord for Labels<V> {
    fn cmp(&self, other: &Labels<V>) -> Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}

impl<V: Vocabulary + Hash> Hash for Labels<V> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl<V: Vocabulary> Default for Labels<V> {
    fn default() -> Labels<V> {
        Labels::new()
    }
}

impl<V: Vocabulary> Deref for Labels<V> {
    type Target = [V];
    fn deref(&self) -> &[V] {
        self.as_slice()
    }
}

impl<V: Vocabulary> DerefMut for Labels<V> {
    fn deref_mut(&mut self) -> &mut [V] {
        self.as_mut_slice()
    }
}

impl<V: Vocabulary> fmt::Debug for Labels<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<V: Vocabulary> FromIterator<V> for Labels<V> {
    fn from_iter<I: IntoIterator<Item = V>>(iter: I) -> Labels<V> {
        let mut labels = Labels::new();
        labels.extend(iter);
        labels
    }
}

impl<V: Vocabulary> Extend<V> for Labels<V> {
    fn extend<I: IntoIterator<Item = V>>(&mut self, iter: I) {
        for v in iter {
            self.push(v);
        }
    }
}

impl<'a, V: Vocabulary> Extend<&'a V> for Labels<V> {
    fn extend<I: IntoIterator<Item = &'a V>>(&mut self, iter: I) {
        self.extend(iter.into_iter().copied());
    }
}

impl<'a, V: Vocabulary> IntoIterator for &'a Labels<V> {
    type Item = &'a V;
    type IntoIter = std::slice::Iter<'a, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<V: Vocabulary> IntoIterator for Labels<V> {
    type Item = V;
    type IntoIter = IntoIter<V>;
    fn into_iter(self) -> IntoIter<V> {
        let back = self.len();
        IntoIter {
            labels: self,
            front: 0,
            back,
        }
    }
}

/// The labels of a [`Labels`], by value.
#[derive(Debug)]
pub struct IntoIter<V: Vocabulary> {
    labels: Labels<V>,
    /// The labels not yet returned are `labels[front..back]`.
    front: usize,
    back: usize,
}

impl<V: Vocabulary> Iterator for IntoIter<V> {
    type Item = V;
    fn next(&mut self) -> Option<V> {
        if self.front == self.back {
            return None;
        }
        let v = self.labels.get(self.front).copied();
        self.front += 1;
        v
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl<V: Vocabulary> DoubleEndedIterator for IntoIter<V> {
    fn next_back(&mut self) -> Option<V> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        self.labels.get(self.back).copied()
    }
}

impl<V: Vocabulary> ExactSizeIterator for IntoIter<V> {}

impl<V: Vocabulary> From<Vec<V>> for Labels<V> {
    fn from(v: Vec<V>) -> Labels<V> {
        if v.len() > INLINE {
            Labels(Repr::Heap(Box::new(v)))
        } else {
            v.into_iter().collect()
        }
    }
}

impl<V: Vocabulary> From<&[V]> for Labels<V> {
    fn from(v: &[V]) -> Labels<V> {
        v.iter().copied().collect()
    }
}

impl<V: Vocabulary, const N: usize> From<[V; N]> for Labels<V> {
    fn from(v: [V; N]) -> Labels<V> {
        v.into_iter().collect()
    }
}

impl<V: Vocabulary> From<Labels<V>> for Vec<V> {
    fn from(v: Labels<V>) -> Vec<V> {
        match v.0 {
            Repr::Heap(all) => *all,
            _ => v.as_slice().to_vec(),
        }
    }
}

impl<V: Vocabulary> PartialEq<[V]> for Labels<V> {
    fn eq(&self, other: &[V]) -> bool {
        self.as_slice() == other
    }
}

impl<V: Vocabulary> PartialEq<&[V]> for Labels<V> {
    fn eq(&self, other: &&[V]) -> bool {
        self.as_slice() == *other
    }
}

impl<V: Vocabulary, const N: usize> PartialEq<[V; N]> for Labels<V> {
    fn eq(&self, other: &[V; N]) -> bool {
        self.as_slice() == other
    }
}

impl<V: Vocabulary> PartialEq<Vec<V>> for Labels<V> {
    fn eq(&self, other: &Vec<V>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<V: Vocabulary> PartialEq<Labels<V>> for Vec<V> {
    fn eq(&self, other: &Labels<V>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<V: Vocabulary + Serialize> Serialize for Labels<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de, V: Vocabulary + Deserialize<'de>> Deserialize<'de> for Labels<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Labels<V>, D::Error> {
        Vec::<V>::deserialize(deserializer).map(Labels::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::{Fee, Service};
    use proptest::prelude::*;

    #[test]
    fn takes_two_thirds_of_a_vec() {
        assert_eq!(std::mem::size_of::<Labels<Service>>(), 16);
        assert_eq!(
            std::mem::size_of::<Labels<Service>>() * 3,
            std::mem::size_of::<Vec<Service>>() * 2
        );
    }

    #[test]
    fn the_same_labels_are_equal_inline_or_on_the_heap() {
        let many: Vec<Fee> = (0..INLINE + 1)
            .map(|i| Fee::ALL[i % Fee::ALL.len()])
            .collect();
        let mut heap = Labels::from(many.clone());
        heap.retain(|f| *f == Fee::Free);
        let inline: Labels<Fee> = many.iter().copied().filter(|f| *f == Fee::Free).collect();
        assert!(matches!(heap.0, Repr::Heap(_)));
        assert!(matches!(inline.0, Repr::Inline { .. }));
        assert_eq!(heap, inline);
        assert_eq!(heap.cmp(&inline), Ordering::Equal);
        let hash = |l: &Labels<Fee>| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            l.hash(&mut h);
            h.finish()
        };
        assert_eq!(hash(&heap), hash(&inline));
    }

    #[test]
    fn serde_round_trip_uses_the_french_labels() {
        let fees = Labels::from([Fee::Free, Fee::Paying]);
        let json = serde_json::to_string(&fees).unwrap();
        assert_eq!(json, r#"["Gratuit","Payant"]"#);
        assert_eq!(serde_json::from_str::<Labels<Fee>>(&json).unwrap(), fees);
        assert!(serde_json::from_str::<Labels<Fee>>(r#"["gratuit"]"#).is_err());
    }

    fn service() -> impl Strategy<Value = Service> {
        proptest::sample::select(Service::ALL)
    }

    proptest! {
        /// Whatever the length (inline or on the heap), a list behaves as the vector of the
        /// same labels.
        #[test]
        fn behaves_as_a_vector(items in proptest::collection::vec(service(), 0..40), keep in service()) {
            let labels: Labels<Service> = items.iter().copied().collect();
            prop_assert_eq!(&labels, &items);
            prop_assert_eq!(labels.len(), items.len());
            prop_assert_eq!(labels.clone().into_iter().collect::<Vec<_>>(), items.clone());
            prop_assert_eq!(labels.clone().into_iter().rev().collect::<Vec<_>>(), items.iter().rev().copied().collect::<Vec<_>>());
            prop_assert_eq!(Vec::from(labels.clone()), items.clone());
            prop_assert_eq!(&Labels::from(items.clone()), &labels);
            prop_assert_eq!(labels.cmp(&Labels::from(items.as_slice())), Ordering::Equal);
            let mut sorted = labels.clone();
            sorted.sort();
            let mut expected_sorted = items.clone();
            expected_sorted.sort();
            prop_assert_eq!(&sorted, &expected_sorted);
            prop_assert_eq!(labels.mask(), Service::mask(&items));

            let mut pushed = Labels::new();
            for s in &items {
                pushed.push(*s);
            }
            prop_assert_eq!(&pushed, &labels);

            let mut kept = labels.clone();
            kept.retain(|s| *s != keep);
            let expected: Vec<Service> = items.iter().copied().filter(|s| *s != keep).collect();
            prop_assert_eq!(&kept, &expected);

            let mut unique = labels.clone();
            unique.dedup();
            let mut first = Vec::new();
            for s in &items {
                if !first.contains(s) {
                    first.push(*s);
                }
            }
            prop_assert_eq!(&unique, &first);
        }
    }
}
