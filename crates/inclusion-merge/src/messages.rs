//! The messages of the diagnostics of the deduplication job, in French and English: one
//! [`Template`](inclusion_model::diagnostic::Template) per code, defined with
//! [`message_table!`](inclusion_model::message_table) as the model's are.
//!
//! | code | severity | meaning |
//! |---|---|---|
//! | `merge.id_collision` | warning | a place's id is already taken by a place of an earlier file: the place is renamed `file:id` |
//! | `merge.source_from_file` | warning | places without `source` take the name of their file |

/// A place's id already used by an earlier file.
pub const ID_COLLISION: &str = "merge.id_collision";
/// Places without `source` take their file's name.
pub const SOURCE_FROM_FILE: &str = "merge.source_from_file";

inclusion_model::message_table! {
    /// `{0}`: the new id.
    ID_COLLISION_RENAMED = ID_COLLISION, "merge.id_collision",
        "l'identifiant « {value} » est déjà pris par un fichier précédent : ce lieu devient « {0} »",
        "the id '{value}' is already taken by an earlier file: this place becomes '{0}'";
    /// `{0}`: the number of places; the value is the file's name.
    SOURCE_FILLED = SOURCE_FROM_FILE, "merge.source_from_file",
        "{0} lieux sans « source » prennent le nom du fichier, « {value} »",
        "{0} places without a 'source' take the file's name, '{value}'";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_well_formed() {
        assert_eq!(
            inclusion_model::diagnostic::table_problems(ALL),
            Vec::<String>::new()
        );
        assert_eq!(ALL.len(), 2);
    }
}
