//! The input of the CSV targets (`csv`, `chunks`), shared: a choice byte and the bytes.

use inclusion_model::ReadOptions;

/// A header of the standard's required columns, so that inputs reach the rows.
const HEADER: &[u8] =
    b"id,pivot,nom,commune,code_postal,adresse,date_maj,horaires,latitude,longitude,services\n";

/// The bytes to read and how: `choice`'s bit 0 puts [`HEADER`] before `rest`, bit 1 reads at
/// the strict level, bit 2 leniently. The other bits are the caller's.
pub fn bytes_and_options(choice: u8, rest: &[u8]) -> (Vec<u8>, ReadOptions) {
    let mut bytes = Vec::with_capacity(HEADER.len() + rest.len());
    if choice & 1 == 1 {
        bytes.extend_from_slice(HEADER);
    }
    bytes.extend_from_slice(rest);
    let options = if choice & 2 == 2 {
        ReadOptions::strict()
    } else {
        ReadOptions::default()
    }
    .with_lenient(choice & 4 == 4);
    (bytes, options)
}
