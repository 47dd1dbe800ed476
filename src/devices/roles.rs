//! What each lexicon entry does for the device detectors, decided once per lexicon from its
//! category: `negator…` entries negate, `booster/intensifier…` and `booster/dampener…`
//! entries boost, `hedge…` entries hedge, `attribution…` entries are reporting cues, `label…`
//! entries name a referent (their polarity is a connotation toward it, not tone), and every
//! other entry with a polarity carries valence for the tone score. A lexicon without
//! some of these files simply has no entries in that role.

use crate::lexicon::{EntryId, Lexicon};

/// The role of one entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A content entry (loaded term, label, ...).
    Content,
    /// Negates what follows (`not`, `never`).
    Negator,
    /// Strengthens what follows, with a strength 1..=3 (`very`, `deeply`).
    Intensifier(u8),
    /// Weakens what follows, with a strength 1..=3 (`somewhat`).
    Dampener(u8),
    /// Hedges its clause (`reportedly`, `so-called`).
    Hedge,
    /// A reporting cue (`said`, `according to`).
    Attribution,
    /// A label for a referent (`hostages`, `captives`).
    Label,
}

/// Roles and tone valences of every entry of one lexicon.
#[derive(Clone, Debug, Default)]
pub struct Roles {
    roles: Vec<Role>,
    /// Valence in half units (polarity × (intensity + 1)), 0 for entries without tone.
    valence2: Vec<i8>,
}

impl Roles {
    /// Derives the roles from the entries' categories.
    pub fn new(lex: &Lexicon) -> Roles {
        let mut roles = Vec::with_capacity(lex.entries().len());
        let mut valence2 = Vec::with_capacity(lex.entries().len());
        for e in lex.entries() {
            let path = &*lex.category(e.category).path;
            let top = path.split('/').next().unwrap_or("");
            let strength = e.intensity.unwrap_or(1).clamp(1, 3);
            let role = match top {
                "negator" => Role::Negator,
                "booster" if under(path, "booster/dampener") => Role::Dampener(strength),
                "booster" => Role::Intensifier(strength),
                "hedge" => Role::Hedge,
                "attribution" => Role::Attribution,
                "label" => Role::Label,
                _ => Role::Content,
            };
            let v = match role {
                Role::Content => e.polarity.unwrap_or(0).clamp(-2, 2) * (strength as i8 + 1),
                _ => 0,
            };
            roles.push(role);
            valence2.push(v);
        }
        Roles { roles, valence2 }
    }

    /// The role of `entry`.
    pub fn role(&self, entry: EntryId) -> Role {
        self.roles.get(entry as usize).copied().unwrap_or(Role::Content)
    }

    /// The tone valence of `entry` on VADER's −4..+4 scale:
    /// polarity (−2..+2) × (intensity + 1) / 2, intensity 1 when absent.
    pub fn valence(&self, entry: EntryId) -> f64 {
        f64::from(self.valence2.get(entry as usize).copied().unwrap_or(0)) / 2.0
    }
}

/// Whether category `path` is `parent` or below it.
fn under(path: &str, parent: &str) -> bool {
    path.strip_prefix(parent).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::testing::lexicon;

    #[test]
    fn roles_follow_categories_and_valence_scales_polarity_by_intensity() {
        let lex = lexicon();
        let roles = Roles::new(&lex);
        let find = |term: &str| {
            lex.entries().iter().position(|e| &*e.term == term).map(|i| i as EntryId).unwrap()
        };
        assert_eq!(roles.role(find("not")), Role::Negator);
        assert_eq!(roles.role(find("deeply")), Role::Intensifier(2));
        assert_eq!(roles.role(find("somewhat")), Role::Dampener(1));
        assert_eq!(roles.role(find("reportedly")), Role::Hedge);
        assert_eq!(roles.role(find("said")), Role::Attribution);
        assert_eq!(roles.role(find("hostage")), Role::Label);
        assert_eq!(roles.valence(find("hostage")), 0.0);
        // −2 at intensity 3 → −4 (VADER's strongest); +1 at intensity 1 → +1.
        assert_eq!(roles.valence(find("terrorist")), -4.0);
        assert_eq!(roles.valence(find("justified")), 1.0);
        assert_eq!(roles.valence(find("regime")), -1.5);
        assert_eq!(roles.valence(find("captive")), 0.0);
        assert_eq!(roles.valence(find("very")), 0.0);
        assert!(under("booster/dampener/x", "booster/dampener"));
        assert!(!under("booster/dampeners", "booster/dampener"));
    }
}
