//! CSV rows encoded straight into a byte buffer: the writer every table uses. Fields are
//! quoted only when they hold `,`, `"`, CR or LF (quotes doubled), rows end with LF, and a
//! row of one empty field is written `""` — the bytes the `csv` crate's default writer
//! produces, without a per-field state machine, per-row allocation or formatting machinery.
//! Per-document rows are rendered this way on the worker threads, so the main thread only
//! copies bytes.

use super::cells::CellStyle;
use crate::util::formula_like;

/// A buffer of whole CSV rows.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    buf: Vec<u8>,
    /// Where the current row starts (to detect a row of one empty field).
    row_start: usize,
    /// Fields in the current row.
    fields: usize,
    /// Reused for cells that are transformed before they are encoded.
    scratch: String,
}

/// Fields encoded once and copied into many rows (e.g. the cells of a lexicon entry).
#[derive(Clone, Debug)]
pub struct Encoded {
    bytes: Vec<u8>,
    fields: usize,
}

impl Encoded {
    /// The fields of `rows`' unfinished row.
    pub fn from_row(rows: Rows) -> Encoded {
        Encoded { bytes: rows.buf[rows.row_start..].to_vec(), fields: rows.fields }
    }
}

/// Whether a field must be quoted: it holds `,`, `"`, CR or LF. Eight bytes at a time: a
/// byte equal to one of them becomes zero after the XOR, and the classic has-zero-byte test
/// finds it (no false positives: `(x − 0x01…) & !x & 0x80…` is non-zero only for a zero byte
/// below the first one, which is itself a match).
fn needs_quotes(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        if has_zero(x ^ (ONES * u64::from(b',')))
            || has_zero(x ^ (ONES * u64::from(b'"')))
            || has_zero(x ^ (ONES * u64::from(b'\r')))
            || has_zero(x ^ (ONES * u64::from(b'\n')))
        {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
}

impl Rows {
    /// An empty buffer.
    pub fn new() -> Rows {
        Rows::default()
    }

    /// The encoded rows.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf
    }

    /// Bytes encoded so far.
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// Forgets every row (keeps the capacity).
    pub fn clear(&mut self) {
        self.buf.clear();
        self.row_start = 0;
        self.fields = 0;
    }

    fn separator(&mut self) {
        if self.fields > 0 {
            self.buf.push(b',');
        }
        self.fields += 1;
    }

    /// A field written as it is (quoted if needed).
    pub fn raw(&mut self, s: &str) {
        self.separator();
        self.encode(None, s.as_bytes());
    }

    fn encode(&mut self, prefix: Option<u8>, bytes: &[u8]) {
        if !needs_quotes(bytes) {
            self.buf.extend(prefix);
            self.buf.extend_from_slice(bytes);
            return;
        }
        self.buf.push(b'"');
        self.buf.extend(prefix);
        let mut rest = bytes;
        while let Some(k) = rest.iter().position(|&b| b == b'"') {
            self.buf.extend_from_slice(&rest[..=k]);
            self.buf.push(b'"');
            rest = &rest[k + 1..];
        }
        self.buf.extend_from_slice(rest);
        self.buf.push(b'"');
    }

    /// A free-text field, neutralised as `style` says ([`CellStyle::text`]).
    pub fn text(&mut self, style: &CellStyle, s: &str) {
        self.separator();
        let prefix = (style.safe_text && formula_like(s)).then_some(b'\'');
        self.encode(prefix, s.as_bytes());
    }

    /// A free-text field made single-line first ([`super::cells::one_line`]).
    pub fn text_one_line(&mut self, style: &CellStyle, s: &str) {
        let mut line = std::mem::take(&mut self.scratch);
        super::cells::one_line_into(&mut line, s);
        self.text(style, &line);
        self.scratch = line;
    }

    /// An integer field.
    pub fn int(&mut self, v: impl itoa::Integer) {
        self.separator();
        self.buf.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
    }

    /// An integer field, empty when absent.
    pub fn opt_int(&mut self, v: Option<impl Into<i64>>) {
        match v {
            Some(v) => self.int(Into::<i64>::into(v)),
            None => self.raw(""),
        }
    }

    /// Fields encoded before.
    pub fn encoded(&mut self, e: &Encoded) {
        if e.fields == 0 {
            return;
        }
        self.separator();
        self.buf.extend_from_slice(&e.bytes);
        self.fields += e.fields - 1;
    }

    /// `1` or `0`.
    pub fn flag(&mut self, on: bool) {
        // One byte that never needs quoting: no quoting check.
        self.separator();
        self.buf.push(if on { b'1' } else { b'0' });
    }

    /// Ends the row.
    pub fn end(&mut self) {
        if self.fields == 1 && self.buf.len() == self.row_start {
            self.buf.extend_from_slice(b"\"\"");
        }
        self.buf.push(b'\n');
        self.row_start = self.buf.len();
        self.fields = 0;
    }

    /// A whole row of raw fields.
    pub fn row<I, T>(&mut self, cells: I)
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        for cell in cells {
            self.separator();
            self.encode(None, cell.as_ref());
        }
        self.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The same row through the `csv` crate's default writer.
    fn via_csv(cells: &[String]) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        w.write_record(cells).unwrap();
        w.into_inner().unwrap()
    }

    #[test]
    fn quoting_follows_the_csv_crate() {
        for cells in [
            vec!["a".to_string(), "b,c".into(), "say \"x\"".into(), "l1\nl2".into(), "cr\r".into()],
            vec![String::new()],
            vec![String::new(), String::new()],
            vec!["“curly”".into(), "'".into(), "=1+1".into()],
        ] {
            let mut rows = Rows::new();
            rows.row(&cells);
            assert_eq!(rows.as_bytes(), via_csv(&cells).as_slice(), "{cells:?}");
        }
    }

    #[test]
    fn typed_fields_and_neutralised_text() {
        let mut rows = Rows::new();
        let safe = CellStyle::default();
        rows.text(&safe, "=HYPERLINK(\"x\")");
        rows.text(&safe, "-2 dead, 3 hurt");
        rows.text(&CellStyle { safe_text: false }, "=1");
        rows.int(42u32);
        rows.int(-2i8);
        rows.opt_int(None::<i8>);
        rows.flag(true);
        rows.text_one_line(&safe, "  a \n b\u{a0}\u{a0}c ");
        let mut pre = Rows::new();
        pre.raw("x,y");
        pre.int(7u8);
        rows.encoded(&Encoded::from_row(pre));
        rows.end();
        assert_eq!(
            std::str::from_utf8(rows.as_bytes()).unwrap(),
            "\"'=HYPERLINK(\"\"x\"\")\",\"'-2 dead, 3 hurt\",=1,42,-2,,1,a b c,\"x,y\",7\n"
        );
    }

    proptest! {
        #[test]
        fn quoting_test_matches_a_plain_scan(s in proptest::collection::vec(any::<u8>(), 0..40)) {
            let plain = s.iter().any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n'));
            prop_assert_eq!(needs_quotes(&s), plain);
        }

        #[test]
        fn any_row_is_byte_identical_to_the_csv_crate(cells in proptest::collection::vec("[a-c,\"\r\n =’ ]{0,6}", 1..5)) {
            let mut rows = Rows::new();
            rows.row(&cells);
            rows.row(&cells);
            let mut twice = via_csv(&cells);
            twice.extend(via_csv(&cells));
            prop_assert_eq!(rows.as_bytes(), twice.as_slice());
        }

        #[test]
        fn neutralised_text_equals_the_cell_style(s in "[=+@a\t\r,\"-]{0,5}") {
            let style = CellStyle::default();
            let mut rows = Rows::new();
            rows.text(&style, &s);
            rows.end();
            let mut want = Rows::new();
            want.row([style.text(&s).as_bytes()]);
            prop_assert_eq!(rows.as_bytes(), want.as_bytes());
        }
    }
}
