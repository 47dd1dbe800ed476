//! The strict reporting cues of a section, in token order: the attribution lexicon's hits
//! used as reporting expressions in the outlet's own voice (`lexical`), speakers' colons
//! (`colon`) and polls named after `in` (`survey`). Attribution starts from these; the loose
//! `CUE_HIT` mark of `marks` is a different decision, kept for scare quotes.

mod colon;
mod features;
pub(crate) mod learned;
pub(crate) use features::FeatureMemo;
mod lexical;
mod survey;
mod word_cache;

use crate::cuemodel::CueModel;
use crate::lexicon::{Lexicon, Role};
use crate::view::cue::Cue;
use crate::view::section::SectionView;
use learned::LearnedScratch;

/// Writes the cues of `view` to `out`, empty: the rules' cues, decided again by `model` when
/// there is one; none, cheaply, for a lexicon without attribution cues (attribution is not
/// run), and without a model in a section without a hit of one, a colon or a poll's name.
pub(super) fn collect(
    view: &SectionView,
    lex: &Lexicon,
    model: Option<&CueModel>,
    scratch: &mut LearnedScratch,
    out: &mut Vec<Cue>,
) {
    let text = view.text;
    if !view.roles.has_attribution_cues() {
        return;
    }
    if model.is_none()
        && !view
            .hits
            .iter()
            .any(|h| matches!(view.roles.role(h.entry), Role::AttributionCue { .. }))
        && !text.contains(':')
        && !survey::may_name_one(text)
    {
        return;
    }
    lexical::collect(view, lex, view.hits, out);
    colon::collect(view, out);
    survey::collect(view, out);
    if let Some(model) = model {
        learned::decide(view, model, scratch, out);
    }
}
