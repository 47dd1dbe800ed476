//! Negators that do not negate: one followed by `only`, `just` or `merely` ("not only … but")
//! adds rather than negates (marked `NOT_ONLY` instead of `NEG` by `marks`).

use crate::language::english::ADDITIVE;
use crate::matcher::Hit;
use crate::segment::TokenBuffer;

/// Whether the negator `hit` is the first half of "not only", "not just", "not merely".
pub(crate) fn not_only(buf: &TokenBuffer, hit: &Hit) -> bool {
    let (last, next) = (hit.end as usize - 1, hit.end as usize);
    buf.tokens
        .get(next)
        .is_some_and(|t| t.sentence == buf.tokens[last].sentence && ADDITIVE.contains(&buf.norm(t)))
}
