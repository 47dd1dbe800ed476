//! A small lexicon with every role, for the tests of devices, tone and analysis.

use crate::language::Language;
use crate::lexicon::{Lexicon, LexiconBuilder};

/// Loaded terms, negators, boosters, hedges, attribution cues and labels.
pub(crate) fn lexicon() -> Lexicon {
    let mut b = LexiconBuilder::new(Language::ENGLISH);
    let files = [
        (
            "loaded",
            "pattern,category,polarity,intensity\nterrorist,loaded/violence,-2,3\n\
             massacre,loaded/violence,-2,3\nregime,loaded/delegitimising,-1,2\n\
             justified,loaded/legitimising,1,1\nheroic,loaded/praise,2,2\n\
             brutal,loaded/violence,-2,2\nreform,loaded/praise,1,1\n",
        ),
        (
            "negators",
            "pattern,category\n=not,negator\n=never,negator\n=no,negator\n\
             =don't,negator\n=without,negator\n",
        ),
        (
            "boosters",
            "pattern,category,intensity\n=very,booster/intensifier,1\n\
             =deeply,booster/intensifier,2\n=somewhat,booster/dampener,1\n",
        ),
        ("hedges", "pattern,category\n=reportedly,hedge/reportive\nso-called,hedge/distancing\n"),
        (
            "attribution",
            "pattern,category\n=said,attribution/neutral\n=claimed,attribution/doubting\n=claim,attribution/doubting\n",
        ),
        (
            "labels",
            "pattern,category,polarity,lemma\nhostage,label/captives,-1,hostages\n\
             captive,label/captives,0,captives\nmilitant,label/fighters,-1,militants\n",
        ),
    ];
    for (name, text) in files {
        b.add_text(name, name, text).unwrap();
    }
    b.build()
}
