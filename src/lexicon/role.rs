//! Roles: what each entry does for devices, tone, attribution and labels, compiled once
//! when the [`Lexicon`](super::Lexicon) is built, by one rule on the entry's category path
//! (the file an entry is in plays no part, so user lexicons may arrange entries freely):
//!
//! - `negator…`: [`Role::Negator`], negates what follows;
//! - `booster/dampener…`: [`Role::Dampener`], other `booster…`: [`Role::Intensifier`], with
//!   strength = intensity (1..=3, 1 if absent);
//! - `hedge…`: [`Role::Hedge`], hedges its clause;
//! - `attribution…`: [`Role::AttributionCue`]; its stance class is the last level of the path
//!   (`attribution/doubting` → [`CueClass::Doubting`]; a name that is not one of the six
//!   classes has none);
//! - `label…`: [`Role::Label`]; its referent is the path below `label/` (`label/people-held` →
//!   `people-held`; empty for a bare `label`), its polarity a connotation toward the referent;
//! - anything else: [`Role::Content`], carrying tone valence when it has a polarity.
//!
//! A lexicon set without some of these categories simply has no entries in that role.

use super::ids::EntryId;

/// The stance class of an attribution cue (the last level of an `attribution/…` category).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CueClass {
    /// `said`, `told`, `according to`.
    Neutral,
    /// `confirmed`, `noted`, `revealed`: the statement is presented as fact.
    Endorsing,
    /// `claimed`, `alleged`: the statement is presented as doubtful.
    Doubting,
    /// `admitted`, `conceded`, `denied`: the source is presented as at fault.
    Guilt,
    /// `insisted`, `asserted`.
    Insistent,
    /// `denounced`, `slammed`, `accused`.
    Confrontational,
}

impl CueClass {
    /// Every class, in column order.
    pub const ALL: [CueClass; 6] = [
        CueClass::Neutral,
        CueClass::Endorsing,
        CueClass::Doubting,
        CueClass::Guilt,
        CueClass::Insistent,
        CueClass::Confrontational,
    ];

    /// The class name as written in lexicon categories.
    pub fn name(self) -> &'static str {
        match self {
            CueClass::Neutral => "neutral",
            CueClass::Endorsing => "endorsing",
            CueClass::Doubting => "doubting",
            CueClass::Guilt => "guilt",
            CueClass::Insistent => "insistent",
            CueClass::Confrontational => "confrontational",
        }
    }

    /// Position in [`CueClass::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The class named `name`, if it is one of the six.
    pub fn from_name(name: &str) -> Option<CueClass> {
        CueClass::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The role of one entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A content entry (loaded term, valence word, ...).
    Content,
    /// Negates what follows (`not`, `never`).
    Negator,
    /// Strengthens what follows, with a strength 1..=3 (`very`, `deeply`).
    Intensifier(u8),
    /// Weakens what follows, with a strength 1..=3 (`somewhat`).
    Dampener(u8),
    /// Hedges its clause (`reportedly`, `so-called`).
    Hedge,
    /// A reporting cue (`said`, `according to`), with its stance class if it is one of the six.
    AttributionCue {
        /// The stance class.
        class: Option<CueClass>,
    },
    /// A label for a referent (`hostages`, `captives`).
    Label {
        /// Index of the referent in [`Roles::referents`].
        referent: u32,
    },
}

/// The compiled roles and tone valences of every entry of one lexicon, and the label
/// referents they name.
#[derive(Clone, Debug, Default)]
pub struct Roles {
    roles: Vec<Role>,
    /// Valence in tenths (polarity × (intensity + 1) × 5, or an imported valence list's score
    /// × 10), 0 for entries without tone.
    valence10: Vec<i16>,
    referents: Vec<Box<str>>,
    /// Whether any entry is an attribution cue.
    cues: bool,
}

impl Roles {
    /// Compiles the role of the next entry, whose category is `path`.
    pub(super) fn push(&mut self, path: &str, polarity: Option<i8>, intensity: Option<u8>) {
        let strength = intensity.unwrap_or(1).clamp(1, 3);
        let tenths = i16::from(polarity.unwrap_or(0).clamp(-2, 2)) * (i16::from(strength) + 1) * 5;
        self.push_valence(path, intensity, tenths);
    }

    /// Compiles the role of the next entry, whose category is `path`, with the tone valence
    /// `tenths` / 10 when it is content (an imported valence list gives it directly).
    pub(super) fn push_valence(&mut self, path: &str, intensity: Option<u8>, tenths: i16) {
        let top = path.split('/').next().unwrap_or("");
        let strength = intensity.unwrap_or(1).clamp(1, 3);
        let role = match top {
            "negator" => Role::Negator,
            "booster" if under(path, "booster/dampener") => Role::Dampener(strength),
            "booster" => Role::Intensifier(strength),
            "hedge" => Role::Hedge,
            "attribution" => Role::AttributionCue { class: CueClass::from_name(leaf(path)) },
            "label" => Role::Label { referent: self.referent(label_referent(path)) },
            _ => Role::Content,
        };
        let v = if role == Role::Content { tenths } else { 0 };
        self.cues |= matches!(role, Role::AttributionCue { .. });
        self.roles.push(role);
        self.valence10.push(v);
    }

    /// The index of referent `name` (empty when absent), interned.
    fn referent(&mut self, name: Option<&str>) -> u32 {
        let name = name.unwrap_or("");
        match self.referents.iter().position(|r| &**r == name) {
            Some(i) => i as u32,
            None => {
                self.referents.push(name.into());
                self.referents.len() as u32 - 1
            }
        }
    }

    /// The role of `entry`.
    #[inline]
    pub fn role(&self, entry: EntryId) -> Role {
        self.roles.get(entry.index()).copied().unwrap_or(Role::Content)
    }

    /// The tone valence of `entry` on VADER's −4..+4 scale:
    /// polarity (−2..+2) × (intensity + 1) / 2, intensity 1 when absent; 0 for every entry
    /// that is not [`Role::Content`]; an imported valence list gives it directly, to a tenth.
    #[inline]
    pub fn valence(&self, entry: EntryId) -> f64 {
        f64::from(self.valence10.get(entry.index()).copied().unwrap_or(0)) / 10.0
    }

    /// Whether any entry is an attribution cue.
    pub fn has_attribution_cues(&self) -> bool {
        self.cues
    }

    /// The label referents, in order of first use.
    pub fn referents(&self) -> &[Box<str>] {
        &self.referents
    }
}

/// The referent a label category names: the path below `label/` (`label/people-held` →
/// `people-held`, empty for a bare `label`); `None` when `path` is not a label category.
pub fn label_referent(path: &str) -> Option<&str> {
    match path.strip_prefix("label")? {
        "" => Some(""),
        rest => rest.strip_prefix('/'),
    }
}

/// Whether category `path` is `parent` or below it.
fn under(path: &str, parent: &str) -> bool {
    path.strip_prefix(parent).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The last level of a category path: an attribution cue's class as written (`doubting` for
/// `attribution/doubting`).
pub(super) fn leaf(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;
    use crate::lexicon::{Lexicon, LexiconBuilder};

    fn lexicon() -> Lexicon {
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        b.add_text(
            "all.csv",
            "all",
            "pattern,category,polarity,intensity\nterrorist,loaded/violence,-2,3\n\
             justified,loaded/legitimising,1,1\nregime,loaded/delegitimising,-1,2\n\
             =not,negator\n=deeply,booster/intensifier,,2\n=somewhat,booster/dampener,,1\n\
             =very,booster/intensifier,,\n=reportedly,hedge/reportive\n\
             =said,attribution/neutral\n=blasted,attribution/x/confrontational\n\
             =mused,attribution/musing\nhostage,label/people-held,1,3\n\
             captive,label/people-held,0,2\nfighter,label,,\n",
        )
        .unwrap();
        b.build()
    }

    #[test]
    fn roles_follow_categories_and_valence_scales_polarity_by_intensity() {
        let lex = lexicon();
        let find = |term: &str| {
            lex.entries().iter().position(|e| &*e.term == term).map(|i| EntryId(i as u32)).unwrap()
        };
        let roles = lex.roles();
        assert_eq!(roles.role(find("not")), Role::Negator);
        assert_eq!(roles.role(find("deeply")), Role::Intensifier(2));
        assert_eq!(roles.role(find("somewhat")), Role::Dampener(1));
        assert_eq!(roles.role(find("reportedly")), Role::Hedge);
        let cue = |class| Role::AttributionCue { class };
        assert_eq!(roles.role(find("said")), cue(Some(CueClass::Neutral)));
        assert_eq!(roles.role(find("blasted")), cue(Some(CueClass::Confrontational)));
        assert_eq!(roles.role(find("mused")), cue(None));
        assert_eq!(roles.role(find("hostage")), Role::Label { referent: 0 });
        assert_eq!(roles.role(find("captive")), Role::Label { referent: 0 });
        assert_eq!(roles.role(find("fighter")), Role::Label { referent: 1 });
        assert_eq!(roles.referents(), &["people-held".into(), "".into()]);
        assert_eq!(roles.valence(find("hostage")), 0.0);
        // −2 at intensity 3 → −4 (VADER's strongest); +1 at intensity 1 → +1.
        assert_eq!(roles.valence(find("terrorist")), -4.0);
        assert_eq!(roles.valence(find("justified")), 1.0);
        assert_eq!(roles.valence(find("regime")), -1.5);
        assert_eq!(roles.valence(find("captive")), 0.0);
        assert_eq!(roles.valence(find("very")), 0.0);
        assert!(roles.has_attribution_cues());
        assert!(under("booster/dampener/x", "booster/dampener"));
        assert!(!under("booster/dampeners", "booster/dampener"));
        assert_eq!(leaf("attribution/x/doubting"), "doubting");
        let referents = ["label/people-held", "label", "labels/x", "label/a/b", "hedge"];
        let referents = referents.map(label_referent);
        assert_eq!(referents, [Some("people-held"), Some(""), None, Some("a/b"), None]);
    }
}
