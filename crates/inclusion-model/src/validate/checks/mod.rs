//! The catalogue of checks, one module per family. Each module lists its codes, the level
//! that applies them, their severity, and shows them on a file.
//!
//! | family | codes |
//! |---|---|
//! | [`identifiers`] | `unique`, `pattern` (`pivot`), `pivot.siret_checksum`, `pivot.placeholder`, `pivot.format` |
//! | [`address`] | `pattern` (`code_postal`, `code_insee`), `code_postal.insee_mismatch` |
//! | [`coordinates`] | `number`, `coordinates.incomplete`, `coordinates.out_of_range`, `coordinates.swapped`, `coordinates.outside_france` |
//! | [`contact`] | `pattern` (`telephone`), `courriels.syntax`, `url.syntax` |
//! | [`dates`] | `date`, `date_maj.future`, `date_maj.too_old` |
//! | [`vocabularies`] | `label`, `formations_labels.etapes_spelling`, `formations_labels.ordi_variant`, `typologie.unlisted` |
//! | [`text`] | `required`, `max_length`, `blank_row` |
//! | [`hours`] | `horaires.syntax`, `horaires.french` |
//!
//! The checks of the file itself (`cell_count`, `file.*`, `json.*`) are the readers'
//! ([`read`](crate::read)); those of a v0.1 file (`migration.*`), the migration's
//! ([`migrate`](crate::migrate)). Every message is in [`messages`](crate::messages).

pub mod address;
pub mod contact;
pub mod coordinates;
pub mod dates;
pub mod hours;
pub mod identifiers;
pub mod text;
pub mod vocabularies;
