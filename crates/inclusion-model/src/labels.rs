//! [`Labels`]: the values of one list column of a closed vocabulary (`services`,
//! `frais_a_charge`...), kept without a heap allocation.

use std::fmt;
use std::ops::{Deref, DerefMut};

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use smallvec::SmallVec;

use crate::vocab::Vocabulary;

/// How many labels a list holds before it moves to the heap: more than any vocabulary of the
/// standard has values, so only a list with repeated labels ever allocates.
const INLINE: usize = 16;

/// The labels of a list column of the standard, e.g. [`Place::services`](crate::Place::services):
/// in the order of the file, repeated labels included, so that writing a place gives back what
/// was read.
///
/// A `Labels` is as large as a `Vec` but keeps up to 16 labels inline: reading a place makes no
/// allocation for its nine vocabulary lists. It reads as a slice (`contains`, `iter`, `len`,
/// indexing...), and is built from arrays, vectors and iterators:
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
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Labels<V: Vocabulary>(SmallVec<[V; INLINE]>);

impl<V: Vocabulary> Labels<V> {
    /// An empty list.
    pub fn new() -> Labels<V> {
        Labels(SmallVec::new())
    }

    /// Adds a label at the end.
    pub fn push(&mut self, label: V) {
        self.0.push(label);
    }

    /// Removes every label.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Keeps only the labels for which `keep` is true, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&V) -> bool) {
        self.0.retain(|v| keep(v));
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
        self.0.retain(|v| {
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
        &self.0
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
        &self.0
    }
}

impl<V: Vocabulary> DerefMut for Labels<V> {
    fn deref_mut(&mut self) -> &mut [V] {
        &mut self.0
    }
}

impl<V: Vocabulary> fmt::Debug for Labels<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<V: Vocabulary> FromIterator<V> for Labels<V> {
    fn from_iter<I: IntoIterator<Item = V>>(iter: I) -> Labels<V> {
        Labels(iter.into_iter().collect())
    }
}

impl<V: Vocabulary> Extend<V> for Labels<V> {
    fn extend<I: IntoIterator<Item = V>>(&mut self, iter: I) {
        self.0.extend(iter);
    }
}

impl<'a, V: Vocabulary> Extend<&'a V> for Labels<V> {
    fn extend<I: IntoIterator<Item = &'a V>>(&mut self, iter: I) {
        self.0.extend(iter.into_iter().copied());
    }
}

impl<'a, V: Vocabulary> IntoIterator for &'a Labels<V> {
    type Item = &'a V;
    type IntoIter = std::slice::Iter<'a, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<V: Vocabulary> IntoIterator for Labels<V> {
    type Item = V;
    type IntoIter = IntoIter<V>;
    fn into_iter(self) -> IntoIter<V> {
        IntoIter(self.0.into_iter())
    }
}

/// The labels of a [`Labels`], by value.
#[derive(Debug)]
pub struct IntoIter<V: Vocabulary>(smallvec::IntoIter<[V; INLINE]>);

impl<V: Vocabulary> Iterator for IntoIter<V> {
    type Item = V;
    fn next(&mut self) -> Option<V> {
        self.0.next()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<V: Vocabulary> DoubleEndedIterator for IntoIter<V> {
    fn next_back(&mut self) -> Option<V> {
        self.0.next_back()
    }
}

impl<V: Vocabulary> ExactSizeIterator for IntoIter<V> {}

impl<V: Vocabulary> From<Vec<V>> for Labels<V> {
    fn from(v: Vec<V>) -> Labels<V> {
        Labels(SmallVec::from_vec(v))
    }
}

impl<V: Vocabulary> From<&[V]> for Labels<V> {
    fn from(v: &[V]) -> Labels<V> {
        Labels(SmallVec::from_slice(v))
    }
}

impl<V: Vocabulary, const N: usize> From<[V; N]> for Labels<V> {
    fn from(v: [V; N]) -> Labels<V> {
        v.into_iter().collect()
    }
}

impl<V: Vocabulary> From<Labels<V>> for Vec<V> {
    fn from(v: Labels<V>) -> Vec<V> {
        v.0.into_vec()
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
    fn is_no_larger_than_a_vec() {
        assert_eq!(
            std::mem::size_of::<Labels<Service>>(),
            std::mem::size_of::<Vec<Service>>()
        );
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
