//! Following CSV quoting byte by byte, with the csv crate's rules (a quote opens a field only
//! at its start; `""` inside a quoted field is a quote; after the closing quote the field goes
//! on unquoted), so that a quote left open at the end of a file can be reported with the line
//! and field where it opened. The csv crate itself reads such a quote to the end of the file
//! without an error.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

/// The quoting state after the bytes fed so far.
#[derive(Clone, Debug)]
pub(crate) struct QuoteState {
    delimiter: u8,
    state: State,
    line: u64,
    field: u64,
    opened_at: (u64, u64),
}

impl QuoteState {
    /// The state at the start of a file whose fields are separated by `delimiter`.
    pub(crate) fn new(delimiter: u8) -> QuoteState {
        QuoteState { delimiter, state: State::FieldStart, line: 1, field: 1, opened_at: (0, 0) }
    }

    /// Follows `bytes`, the next part of the file.
    pub(crate) fn feed(&mut self, bytes: &[u8]) {
        use State::*;
        let d = self.delimiter;
        for &b in bytes {
            let (next, end_of_field, end_of_record) = match (self.state, b) {
                (FieldStart, b'"') => {
                    self.opened_at = (self.line, self.field);
                    (Quoted, false, false)
                }
                (FieldStart | Unquoted, b'\r' | b'\n') => (FieldStart, false, true),
                (FieldStart | Unquoted, b) if b == d => (FieldStart, true, false),
                (FieldStart | Unquoted, _) => (Unquoted, false, false),
                (Quoted, b'"') => (QuoteInQuoted, false, false),
                (Quoted, _) => (Quoted, false, false),
                (QuoteInQuoted, b'"') => (Quoted, false, false),
                (QuoteInQuoted, b'\r' | b'\n') => (FieldStart, false, true),
                (QuoteInQuoted, b) if b == d => (FieldStart, true, false),
                (QuoteInQuoted, _) => (Unquoted, false, false),
            };
            if b == b'\n' {
                self.line += 1;
            }
            if end_of_field {
                self.field += 1;
            }
            if end_of_record {
                self.field = 1;
            }
            self.state = next;
        }
    }

    /// `(line, field)`, both 1-based, of the quote still open, if one is.
    pub(crate) fn open_quote(&self) -> Option<(u64, u64)> {
        (self.state == State::Quoted).then_some(self.opened_at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(text: &str) -> Option<(u64, u64)> {
        let mut q = QuoteState::new(b',');
        for chunk in text.as_bytes().chunks(3) {
            q.feed(chunk);
        }
        q.open_quote()
    }

    #[test]
    fn follows_the_csv_rules() {
        assert_eq!(open("a,b\n1,\"x, \"\"y\"\"\"\n"), None);
        assert_eq!(open("a,b\n1,\"closed\"tail\n"), None);
        assert_eq!(open("a,b\n1,x\"not a quote\n"), None);
        assert_eq!(open("a,b\n1,2\n3,\"open\n4,5\n"), Some((3, 2)));
        assert_eq!(open("a,b\r\n1,\"\"\"\r\n"), Some((2, 2)));
        assert_eq!(open("\"a\nb"), Some((1, 1)));
    }
}
