//! Closed-class English words the attribution rules look at: determiners, auxiliaries,
//! pronouns, clause words, prepositions, titles and a few noun classes. Every function takes
//! a normalised token (lowercase, `’` folded to `'`) and is a `match`, so lookups allocate
//! nothing and cost a few comparisons.

/// Articles, demonstratives, possessive pronouns and quantifiers that open a noun phrase.
pub(super) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "whose"
            | "some"
            | "many"
            | "several"
            | "all"
            | "both"
            | "each"
            | "every"
            | "most"
            | "other"
            | "another"
            | "no"
            | "any"
            | "few"
            | "more"
    )
}

/// Auxiliaries, modals and their negated forms, which stand between a subject and its verb.
pub(super) fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "shall"
            | "should"
            | "do"
            | "does"
            | "did"
            | "not"
            | "didn't"
            | "doesn't"
            | "don't"
            | "hasn't"
            | "haven't"
            | "hadn't"
            | "wasn't"
            | "isn't"
            | "aren't"
            | "weren't"
            | "won't"
            | "wouldn't"
            | "couldn't"
            | "can't"
            | "cannot"
            | "shouldn't"
            | "never"
    )
}

/// Forms of *be*, which make a following past participle passive.
pub(super) fn is_be(w: &str) -> bool {
    matches!(w, "is" | "was" | "are" | "were" | "be" | "been" | "being" | "isn't" | "wasn't")
}

/// Adverbs that commonly stand between a subject and its reporting verb (`also said`).
/// Lowercase words ending in `-ly` count too.
pub(super) fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "later"
            | "then"
            | "now"
            | "still"
            | "already"
            | "just"
            | "once"
            | "again"
            | "even"
            | "first"
            | "further"
            | "too"
            | "often"
            | "since"
            | "soon"
            | "long"
            | "earlier"
            | "himself"
            | "herself"
            | "itself"
            | "themselves"
            | "however"
            | "though"
            | "meanwhile"
            | "far"
            | "yet"
            | "ago"
            | "instead"
            | "almost"
            | "nearly"
            | "rather"
            | "quite"
            | "perhaps"
            | "maybe"
    ) || (w.len() > 4 && w.ends_with("ly") && !matches!(w, "only" | "family" | "italy" | "ally"))
}

/// Words of a time phrase that may stand between a subject and its verb (`on Tuesday`).
pub(super) fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "week"
            | "month"
            | "year"
            | "weekend"
            | "morning"
            | "evening"
            | "afternoon"
            | "night"
    )
}

/// Words that open a clause or join clauses: a noun phrase never runs across them.
pub(super) fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "whom"
            | "when"
            | "while"
            | "because"
            | "if"
            | "as"
            | "than"
            | "but"
            | "so"
            | "after"
            | "before"
            | "since"
            | "until"
            | "where"
            | "whether"
            | "although"
            | "though"
            | "yet"
            | "nor"
            | "or"
            | "and"
            | "what"
            | "how"
            | "why"
            | "unless"
            | "once"
    )
}

/// Prepositions.
pub(super) fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "for"
            | "with"
            | "from"
            | "at"
            | "in"
            | "on"
            | "to"
            | "by"
            | "about"
            | "into"
            | "over"
            | "under"
            | "against"
            | "during"
            | "among"
            | "between"
            | "through"
            | "without"
            | "within"
            | "across"
            | "near"
            | "via"
            | "per"
            | "like"
            | "despite"
            | "toward"
            | "towards"
            | "upon"
            | "amid"
    )
}

/// Prepositions a noun phrase may contain between two nouns (`officials in Washington`,
/// `sources familiar with the matter`, `aides to Clinton`, `the committee on Benghazi`,
/// `critics like Huffman`).
pub(super) fn is_np_preposition(w: &str) -> bool {
    matches!(w, "of" | "for" | "with" | "from" | "at" | "in" | "to" | "on" | "like")
}

/// What a pronoun tells about its referent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pronoun {
    /// he, him, his.
    Male,
    /// she, her.
    Female,
    /// it, its.
    Neuter,
    /// they, them.
    Plural,
    /// who, which, that: refers to the noun phrase right before it.
    Relative,
    /// I, we, you: refers to the speaker or audience of a quotation; left unresolved.
    Speaker,
}

/// The pronoun `w` is, if it can be the subject of a reporting verb.
pub(super) fn pronoun(w: &str) -> Option<Pronoun> {
    Some(match w {
        "he" | "he's" | "he'd" | "he'll" => Pronoun::Male,
        "she" | "she's" | "she'd" | "she'll" => Pronoun::Female,
        "it" | "it's" => Pronoun::Neuter,
        "they" | "they've" | "they'd" | "they'll" | "they're" => Pronoun::Plural,
        "who" | "which" | "who's" | "who've" => Pronoun::Relative,
        "i" | "we" | "you" | "i've" | "we've" | "you've" | "i'd" | "we'd" => Pronoun::Speaker,
        _ => return None,
    })
}

/// Object pronouns, which are never the speaker after an inverted verb (`said him`).
pub(super) fn is_object_pronoun(w: &str) -> bool {
    matches!(w, "him" | "her" | "them" | "us" | "me" | "it" | "itself" | "themselves")
}

/// Titles and roles written before a name (`Press Secretary Maren Holt`, `Sen. Ted Cruz`):
/// the name is what follows the last of them.
pub(super) fn is_title(w: &str) -> bool {
    matches!(
        w,
        "president"
            | "vice"
            | "secretary"
            | "minister"
            | "premier"
            | "chancellor"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "senator"
            | "sen"
            | "sens"
            | "rep"
            | "reps"
            | "representative"
            | "gov"
            | "governor"
            | "mayor"
            | "director"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "ceo"
            | "chief"
            | "leader"
            | "official"
            | "envoy"
            | "ambassador"
            | "adviser"
            | "advisor"
            | "aide"
            | "manager"
            | "commissioner"
            | "attorney"
            | "general"
            | "gen"
            | "justice"
            | "judge"
            | "speaker"
            | "candidate"
            | "nominee"
            | "host"
            | "anchor"
            | "editor"
            | "correspondent"
            | "reporter"
            | "columnist"
            | "analyst"
            | "professor"
            | "prof"
            | "dr"
            | "mr"
            | "mrs"
            | "ms"
            | "sir"
            | "dame"
            | "lord"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "congressman"
            | "congresswoman"
            | "lawmaker"
            | "strategist"
            | "pollster"
            | "deputy"
            | "founder"
            | "executive"
            | "officer"
            | "commander"
            | "coach"
            | "pastor"
            | "rev"
            | "reverend"
            | "lt"
            | "col"
            | "sgt"
            | "capt"
            | "adm"
            | "gens"
            | "economist"
            | "lawyer"
            | "ruler"
            | "rival"
            | "hopeful"
            | "challenger"
            | "incumbent"
            | "mogul"
            | "businessman"
            | "businesswoman"
            | "developer"
            | "activist"
            | "author"
            | "head"
            | "boss"
            | "chairperson"
            | "administrator"
            | "superintendent"
            | "sheriff"
            | "detective"
            | "inspector"
            | "counsel"
            | "prosecutor"
            | "president-elect"
    )
}

/// The gender a title or form of address implies, if any.
pub(super) fn title_gender(w: &str) -> Option<Pronoun> {
    match w {
        "mr" | "spokesman" | "chairman" | "congressman" | "king" | "prince" | "sir" | "lord"
        | "businessman" => Some(Pronoun::Male),
        "mrs" | "ms" | "miss" | "spokeswoman" | "chairwoman" | "congresswoman" | "queen"
        | "princess" | "dame" | "businesswoman" => Some(Pronoun::Female),
        _ => None,
    }
}

/// Nouns through which their possessor speaks: `Viktor Sand’s office` speaks for Viktor Sand.
pub(super) fn is_mouthpiece(w: &str) -> bool {
    matches!(
        w,
        "office"
            | "campaign"
            | "team"
            | "report"
            | "statement"
            | "website"
            | "account"
            | "article"
            | "story"
            | "editorial"
            | "column"
            | "blog"
            | "tweet"
            | "letter"
            | "memo"
            | "release"
            | "announcement"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "spokespeople"
            | "spokesmen"
            | "spokeswomen"
            | "press"
            | "camp"
            | "lawyers"
            | "lawyer"
            | "attorneys"
    )
}

/// Nouns for published texts, whose author the document usually names somewhere
/// (`Capitol Ledger carried a report`, `a report by the Ledger`).
pub(super) fn is_publication(w: &str) -> bool {
    matches!(
        w,
        "report"
            | "article"
            | "story"
            | "investigation"
            | "analysis"
            | "editorial"
            | "survey"
            | "poll"
            | "study"
            | "statement"
            | "memo"
            | "letter"
            | "column"
            | "review"
    )
}

/// Head nouns of organisations and institutions, which `it` can refer to.
pub(super) fn is_institution(w: &str) -> bool {
    matches!(
        w,
        "government"
            | "administration"
            | "ministry"
            | "department"
            | "agency"
            | "office"
            | "military"
            | "army"
            | "police"
            | "committee"
            | "council"
            | "commission"
            | "court"
            | "party"
            | "campaign"
            | "company"
            | "group"
            | "movement"
            | "organization"
            | "organisation"
            | "network"
            | "newspaper"
            | "website"
            | "channel"
            | "paper"
            | "regime"
            | "house"
            | "white"
            | "chancellery"
            | "kremlin"
            | "pentagon"
            | "congress"
            | "senate"
            | "parliament"
            | "union"
            | "front"
            | "university"
            | "institute"
            | "foundation"
            | "association"
            | "board"
            | "bureau"
            | "service"
            | "force"
            | "forces"
            | "team"
            | "times"
            | "post"
            | "news"
            | "journal"
            | "press"
            | "reuters"
            | "bank"
            | "fund"
            | "state"
            | "states"
            | "nation"
            | "country"
            | "city"
            | "county"
            | "center"
            | "centre"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_determiner("the") && !is_determiner("said"));
        assert!(is_auxiliary("hasn't") && is_be("been") && !is_be("has"));
        assert!(is_adverb("also") && is_adverb("repeatedly") && !is_adverb("only"));
        assert_eq!(pronoun("she"), Some(Pronoun::Female));
        assert_eq!(pronoun("who"), Some(Pronoun::Relative));
        assert_eq!(pronoun("officials"), None);
        assert!(is_title("secretary") && is_title("sen") && !is_title("holt"));
        assert_eq!(title_gender("spokeswoman"), Some(Pronoun::Female));
        assert!(is_mouthpiece("office") && is_publication("report") && is_institution("regime"));
        assert!(is_clause_word("that") && is_preposition("of") && is_np_preposition("with"));
        assert!(is_time_word("wednesday") && is_object_pronoun("them"));
    }
}
