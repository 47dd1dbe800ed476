//! How inputs are read: the document fields, which input column or JSON key holds each
//! (`--column text=body`), `--lossy` and the outlet of `.txt` files (`--outlet`).

use crate::error::{Error, Result};

/// A document field read from CSV columns or JSON keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// Document id (optional).
    Id,
    /// Outlet (required).
    Outlet,
    /// Body text (required).
    Text,
    /// Headline (optional).
    Title,
    /// Date (optional).
    Date,
    /// URL (optional).
    Url,
    /// Event (optional).
    Event,
}

/// Every field, in output order.
pub(crate) const FIELDS: [Field; 7] =
    [Field::Id, Field::Outlet, Field::Text, Field::Title, Field::Date, Field::Url, Field::Event];

impl Field {
    /// The default column name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Outlet => "outlet",
            Field::Text => "text",
            Field::Title => "title",
            Field::Date => "date",
            Field::Url => "url",
            Field::Event => "event",
        }
    }

    fn from_name(name: &str) -> Option<Field> {
        FIELDS.iter().copied().find(|f| f.name() == name)
    }
}

/// How inputs are read.
#[derive(Clone, Debug, Default)]
pub struct InputOptions {
    /// Column or key names for the document fields.
    pub fields: FieldMap,
    /// Replace invalid UTF-8 instead of failing the document.
    pub lossy: bool,
    /// The outlet of plain `.txt` inputs (`--outlet`); without it, their folder's name.
    pub outlet: Option<String>,
    /// Further columns or keys whose values each document carries in
    /// [`Document::extra`](super::Document), in this order (`--keep`, `--group-by`).
    pub extra: Vec<String>,
}

impl InputOptions {
    /// Whether the column or key `name` is read: mapped to a field, or an extra column.
    pub(super) fn reads(&self, name: &str) -> bool {
        FIELDS.iter().any(|&f| self.fields.name(f) == name) || self.extra.iter().any(|e| e == name)
    }
}

/// Column or key name for each field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldMap {
    names: [String; 7],
}

impl Default for FieldMap {
    fn default() -> FieldMap {
        FieldMap { names: FIELDS.map(|f| f.name().to_string()) }
    }
}

impl FieldMap {
    /// Applies `field=column` mappings (`text=body`).
    pub fn with_mappings<S: AsRef<str>>(mappings: &[S]) -> Result<FieldMap> {
        let mut map = FieldMap::default();
        for m in mappings {
            let m = m.as_ref();
            let (field, column) = m.split_once('=').ok_or_else(|| {
                Error::Usage(format!("--column '{m}': expected FIELD=COLUMN, e.g. text=body"))
            })?;
            let f = Field::from_name(field.trim()).ok_or_else(|| {
                let names: Vec<&str> = FIELDS.iter().map(|f| f.name()).collect();
                Error::Usage(format!(
                    "--column '{m}': unknown field '{field}'; fields: {}",
                    names.join(", ")
                ))
            })?;
            map.names[f as usize] = column.trim().to_string();
        }
        Ok(map)
    }

    /// The column or key holding `field`.
    pub(crate) fn name(&self, field: Field) -> &str {
        &self.names[field as usize]
    }
}

/// What to say when an input lacks the column or key of a required `field`: how to map one,
/// and the names it has (`what`: `columns`, `string keys`).
pub(super) fn mapping_hint(field: Field, what: &str, names: &[String]) -> String {
    let found = if names.is_empty() { "none".to_string() } else { list_names(names) };
    format!("(map one with --column {}=NAME); {what} found: {found}", field.name())
}

/// Column or key names for an error message, shortened when there are many or long ones.
pub(super) fn list_names(header: &[String]) -> String {
    const MAX_COLUMNS: usize = 30;
    const MAX_CHARS: usize = 40;
    let mut shown: Vec<String> = header
        .iter()
        .take(MAX_COLUMNS)
        .map(|h| {
            if h.chars().count() > MAX_CHARS {
                format!("{}…", h.chars().take(MAX_CHARS).collect::<String>())
            } else {
                h.clone()
            }
        })
        .collect();
    if header.len() > MAX_COLUMNS {
        shown.push(format!("… ({} more)", header.len() - MAX_COLUMNS));
    }
    shown.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mappings() {
        let m = FieldMap::with_mappings(&["text=body", "outlet = source"]).unwrap();
        assert_eq!(m.name(Field::Text), "body");
        assert_eq!(m.name(Field::Outlet), "source");
        assert_eq!(m.name(Field::Id), "id");
        assert!(FieldMap::with_mappings(&["body"]).is_err());
        assert!(FieldMap::with_mappings(&["colour=x"]).is_err());
    }

    #[test]
    fn long_name_lists_are_shortened() {
        let header: Vec<String> = (0..40).map(|i| format!("c{i}")).collect();
        let listed = list_names(&header);
        assert!(listed.ends_with("c29, … (10 more)"), "{listed}");
        let long = list_names(&["x".repeat(100)]);
        assert_eq!(long.chars().count(), 41);
    }
}
