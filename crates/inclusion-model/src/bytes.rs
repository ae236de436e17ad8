//! Searching a byte in short texts: the cells of a CSV record, the items of a list.

use wide::u8x16;

/// The first `needle` of `haystack`, sixteen bytes compared at a time (SSE2 on x86-64, NEON on
/// ARM, through the `wide` crate, without `unsafe`); the last bytes, fewer than sixteen, are
/// copied into a block of zeros (so `needle` must not be 0).
///
/// The texts searched are short (13 bytes on average for a cell of the benchmark's file, about
/// 40 for an item of a service list): the `memchr` crate's search, built for long texts, spent
/// more setting up (choosing its implementation, aligning) than searching. Measured
/// (callgrind, `read_memory read FILE keep`, mimalloc, the 100,000 rows of
/// `scripts/python-bench.py`): the whole read went from 776.0 M to 712.1 M instructions when
/// the quoted cells (searched eight bytes at a time in their first 32, then by `memchr`) and
/// the list items (by `memchr`) were searched this way.
#[inline]
pub(crate) fn find_byte(haystack: &[u8], needle: u8) -> Option<usize> {
    find_any(haystack, [needle])
}

/// The first byte of `haystack` that is one of `needles` (none of them 0), as
/// [`find_byte`] searches: an unquoted CSV cell ends at the delimiter or a line end.
#[inline]
pub(crate) fn find_any<const N: usize>(haystack: &[u8], needles: [u8; N]) -> Option<usize> {
    debug_assert!(
        !needles.contains(&0),
        "the padding of the last block would match"
    );
    let splats = needles.map(u8x16::splat);
    let found = |block: [u8; 16]| {
        let block = u8x16::from(block);
        splats
            .iter()
            .fold(u8x16::splat(0), |hits, splat| hits | block.simd_eq(*splat))
            .to_bitmask()
    };
    let mut blocks = haystack.chunks_exact(16);
    let mut at = 0;
    for block in &mut blocks {
        let mut lanes = [0; 16];
        lanes.copy_from_slice(block);
        let mask = found(lanes);
        if mask != 0 {
            return Some(at + mask.trailing_zeros() as usize);
        }
        at += 16;
    }
    let rest = blocks.remainder();
    if rest.is_empty() {
        return None;
    }
    let mut lanes = [0; 16];
    lanes[..rest.len()].copy_from_slice(rest);
    let mask = found(lanes);
    (mask != 0).then(|| at + mask.trailing_zeros() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]

        /// The first occurrence, as a byte-by-byte search finds it, in texts of any length
        /// (whole blocks, a last partial block, none) with the needle anywhere or nowhere.
        #[test]
        fn find_byte_finds_the_first_occurrence(
            haystack in proptest::collection::vec(
                prop_oneof![
                    30 => 1u8..=0xff, 1 => Just(b'|'), 1 => Just(b'"'), 1 => Just(b','),
                    1 => Just(b'\n'), 1 => Just(b'\r'), 1 => Just(0u8),
                ],
                0..80,
            ),
            quote in any::<bool>(),
        ) {
            let needle = if quote { b'"' } else { b'|' };
            prop_assert_eq!(
                find_byte(&haystack, needle),
                haystack.iter().position(|b| *b == needle)
            );
            let needles = [b',', b'\n', b'\r'];
            prop_assert_eq!(
                find_any(&haystack, needles),
                haystack.iter().position(|b| needles.contains(b))
            );
        }
    }
}
