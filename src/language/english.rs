//! English, the language of the bundled lexicons and of the rule-based detectors: every
//! closed-class word list the crate looks at, each once, with its lookup. Segmentation reads the
//! abbreviations and sentence starters, the lexicon lint the function words, the devices the
//! naming cues, work nouns and clause conjunctions, attribution the rest. Every word is
//! normalised (lowercase, `’` folded to `'`). A list looked up word by word is written, sorted,
//! as its predicate (`word_class!`: `is_title` is a `matches!` on the titles), the fastest
//! lookup for a few dozen short strings (a repeated word would be an unreachable pattern);
//! the lists the devices scan are slices.
//!
//! Several lists overlap on purpose: each is what one rule needs (the determiners after which
//! a verb form reads as a noun are fewer than those that open a noun phrase), so they are kept
//! apart under names that say the difference rather than merged.

/// Defines `fn $is(w: &str) -> bool` as a `matches!` on the words listed, sorted, after it.
macro_rules! word_class {
    ($(#[$doc:meta])* $vis:vis fn $is:ident: $($w:literal)|+) => {
        $(#[$doc])*
        $vis fn $is(w: &str) -> bool {
            matches!(w, $($w)|+)
        }
    };
}

// ---- Segmentation: abbreviations that end in a full stop (lowercase, without it) ----

word_class! {
    /// Abbreviations (titles, months, `e.g`) that are always followed by more of the same sentence.
    pub(crate) fn is_non_final_abbreviation:
        "adm" | "al" | "ald" | "amb" | "approx" | "atty" | "aug" | "brig" | "capt" | "cf" | "cmdr" |
        "col" | "cpl" | "dec" | "del" | "dept" | "dr" | "e.g" | "est" | "feb" | "fig" | "fr" |
        "ft" | "gen" | "gens" | "gov" | "hon" | "i.e" | "insp" | "jan" | "jr" | "lt" | "maj" |
        "messrs" | "mr" | "mrs" | "ms" | "mssrs" | "mt" | "no" | "nos" | "nov" | "oct" | "pres" |
        "prof" | "rep" | "reps" | "rev" | "sec" | "secs" | "sen" | "sens" | "sep" | "sept" | "sgt" |
        "sr" | "st" | "supt" | "v" | "vs"
}

word_class! {
    /// Abbreviations that may also end a sentence (`... moved to the U.S. The talks ...`).
    pub(crate) fn is_ambiguous_abbreviation:
        "a.m" | "bros" | "co" | "corp" | "etc" | "inc" | "ltd" | "p.m"
}

word_class! {
    /// Capitalised words that almost always begin a new sentence after an ambiguous abbreviation.
    pub(crate) fn is_sentence_starter:
        "a" | "according" | "after" | "an" | "and" | "as" | "asked" | "at" | "but" | "earlier" |
        "for" | "he" | "her" | "his" | "how" | "however" | "i" | "if" | "in" | "it" | "its" |
        "last" | "later" | "many" | "meanwhile" | "no" | "on" | "one" | "our" | "she" | "so" |
        "some" | "still" | "that" | "the" | "their" | "then" | "there" | "these" | "they" | "this" |
        "those" | "we" | "what" | "when" | "while" | "who" | "why" | "yet"
}

// ---- The lexicon lint ----

/// Function words (closed-class: articles, pronouns, prepositions, conjunctions, auxiliaries,
/// modals and the commonest grammatical adverbs), grouped by word class, for the
/// `function-word` lint: a lexicon word that stems like one of these (`willful` → `will`,
/// `overly` → `over`, `mines` → `mine`) matches that function word in every text. Not sorted:
/// where two share a stem, the lint names the earlier.
#[rustfmt::skip]
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    // articles, determiners, quantifiers
    "the", "a", "an", "this", "that", "these", "those", "each", "every", "either", "neither",
    "both", "all", "any", "some", "no", "none", "many", "much", "more", "most", "few", "fewer",
    "little", "less", "least", "several", "such", "own", "same", "other", "others", "another",
    "enough", "whatever", "whichever",
    // pronouns
    "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your",
    "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers",
    "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "one",
    "oneself", "who", "whom", "whose", "which", "what", "whoever", "whomever", "someone",
    "somebody", "something", "anyone", "anybody", "anything", "everyone", "everybody",
    "everything", "nobody", "nothing",
    // prepositions
    "of", "to", "in", "on", "at", "by", "for", "from", "with", "without", "within", "into",
    "onto", "upon", "about", "above", "across", "after", "against", "along", "alongside",
    "amid", "amidst", "among", "amongst", "around", "as", "before", "behind", "below",
    "beneath", "beside", "besides", "between", "beyond", "despite", "down", "during", "except",
    "inside", "near", "off", "out", "outside", "over", "past", "per", "since", "than",
    "through", "throughout", "till", "toward", "towards", "under", "underneath", "unlike",
    "until", "up", "via", "versus", "like",
    // conjunctions and subordinators
    "and", "but", "or", "nor", "so", "yet", "if", "unless", "because", "although", "though",
    "whereas", "while", "whilst", "whether", "once", "when", "whenever", "where", "wherever",
    "why", "how", "however", "therefore", "thus", "hence", "then", "otherwise",
    // auxiliaries and modals
    "be", "am", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having",
    "do", "does", "did", "done", "doing", "will", "would", "shall", "should", "can", "could",
    "may", "might", "must", "ought",
    // grammatical adverbs and particles
    "not", "also", "just", "even", "still", "already", "ever", "never", "always", "often",
    "again", "here", "there", "now", "very", "too", "quite", "rather", "only", "well", "back",
    "away", "almost", "perhaps", "instead", "indeed", "else", "ago", "soon", "yes",
];

// ---- Devices ----

/// Conjunctions that open a new, contrasting clause (a hedge governs its clause).
pub(crate) const CONTRAST: &[&str] = &["although", "but", "though", "whereas"];

/// Words that turn a preceding negator into "not only"-style addition.
pub(crate) const ADDITIVE: &[&str] = &["just", "merely", "only"];

/// Articles, demonstratives and possessives after which a cue word is a noun (`a claim`, `his
/// call`), not a reporting verb: fewer than [`DETERMINERS`] (no quantifiers, `that`, `your`,
/// `whose`).
#[rustfmt::skip]
pub(crate) const NOUN_DETERMINERS: &[&str] = &[
    "a", "an", "her", "his", "its", "my", "our", "the", "their", "these", "this", "those",
];

/// Reflexives: after a naming cue they make a self-designation (`call themselves`).
#[rustfmt::skip]
pub(crate) const REFLEXIVE: &[&str] = &[
    "herself", "himself", "itself", "myself", "ourselves", "themselves", "yourself",
];

/// Naming cues: words that give a quoted designation to someone ("what critics call", "dubbed",
/// "described as", "so-called", "referred to as", "known as").
#[rustfmt::skip]
pub(crate) const NAMING: &[&str] = &[
    "brand", "branded", "branding", "call", "called", "calling", "calls", "christened", "deemed",
    "describe", "described", "describes", "describing", "dub", "dubbed", "dubbing", "dubs", "known",
    "label", "labeled", "labeling", "labelled", "labelling", "labels", "nicknamed", "referred",
    "term", "termed", "terming", "terms",
];

/// Nouns and participles that introduce the title of a work.
#[rustfmt::skip]
pub(crate) const WORKS: &[&str] = &[
    "album", "article", "book", "column", "documentary", "editorial", "entitled", "episode",
    "essay", "exhibition", "film", "headline", "movie", "novel", "play", "podcast", "poem",
    "report", "series", "show", "song", "titled",
];

/// Small words that stay lowercase in a title.
#[rustfmt::skip]
pub(crate) const TITLE_SMALL: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
];

/// Lowercase words that may join the capitalised words of one name (`Department of State`,
/// `Bureau of Alcohol, Tobacco and Firearms`), for `names`.
pub(crate) const NAME_CONNECTORS: &[&str] =
    &["of", "the", "for", "and", "on", "in", "to", "&", "de"];

word_class! {
    /// Month names, for the date that closes an embedded post's signature (`devices::posts`).
    pub(crate) fn is_month:
        "april" | "august" | "december" | "february" | "january" | "july" | "june" | "march" |
        "may" | "november" | "october" | "september"
}

// ---- Attribution ----

word_class! {
    /// Articles, demonstratives, possessive pronouns and quantifiers that open a noun phrase.
    pub(crate) fn is_determiner:
        "a" | "all" | "an" | "another" | "any" | "both" | "each" | "every" | "few" | "her" | "his" |
        "its" | "many" | "more" | "most" | "my" | "no" | "other" | "our" | "several" | "some" |
        "the" | "their" | "these" | "this" | "those" | "whose" | "your"
}

word_class! {
    /// Auxiliaries, modals and their negated forms, which stand between a subject and its verb.
    pub(crate) fn is_auxiliary:
        "are" | "aren't" | "be" | "been" | "being" | "can" | "can't" | "cannot" | "could" |
        "couldn't" | "did" | "didn't" | "do" | "does" | "doesn't" | "don't" | "had" | "hadn't" |
        "has" | "hasn't" | "have" | "haven't" | "is" | "isn't" | "may" | "might" | "must" |
        "never" | "not" | "shall" | "should" | "shouldn't" | "was" | "wasn't" | "were" | "weren't" |
        "will" | "won't" | "would" | "wouldn't"
}

word_class! {
    /// Forms of *be*, which make a following past participle passive.
    pub(crate) fn is_be:
        "are" | "be" | "been" | "being" | "is" | "isn't" | "was" | "wasn't" | "were"
}

word_class! {
    /// Adverbs that commonly stand between a subject and its reporting verb (`also said`); see
    /// [`is_adverb`] for the `-ly` words.
    fn listed_adverb:
        "again" | "ago" | "almost" | "already" | "also" | "earlier" | "even" | "far" | "first" |
        "further" | "herself" | "himself" | "however" | "instead" | "itself" | "just" | "later" |
        "long" | "maybe" | "meanwhile" | "nearly" | "now" | "often" | "once" | "perhaps" | "quite" |
        "rather" | "since" | "soon" | "still" | "themselves" | "then" | "though" | "too" | "yet"
}

word_class! {
    /// Words of a time phrase that may stand between a subject and its verb (`on Tuesday`).
    pub(crate) fn is_time_word:
        "afternoon" | "evening" | "friday" | "monday" | "month" | "morning" | "night" | "saturday" |
        "sunday" | "thursday" | "today" | "tonight" | "tuesday" | "wednesday" | "week" | "weekend" |
        "year" | "yesterday"
}

word_class! {
    /// Words that open a clause or join clauses: a noun phrase never runs across them.
    pub(crate) fn is_clause_word:
        "after" | "although" | "and" | "as" | "because" | "before" | "but" | "how" | "if" | "nor" |
        "once" | "or" | "since" | "so" | "than" | "that" | "though" | "unless" | "until" | "what" |
        "when" | "where" | "whether" | "which" | "while" | "who" | "whom" | "why" | "yet"
}

word_class! {
    /// Prepositions.
    pub(crate) fn is_preposition:
        "about" | "across" | "against" | "amid" | "among" | "at" | "between" | "by" | "despite" |
        "during" | "for" | "from" | "in" | "into" | "like" | "near" | "of" | "on" | "over" | "per" |
        "through" | "to" | "toward" | "towards" | "under" | "upon" | "via" | "with" | "within" |
        "without"
}

word_class! {
    /// Prepositions a noun phrase may contain between two nouns (`officials in Washington`,
    /// `sources familiar with the matter`, `aides to Clinton`, `the committee on Benghazi`,
    /// `critics like Huffman`).
    pub(crate) fn is_np_preposition:
        "at" | "for" | "from" | "in" | "like" | "of" | "on" | "to" | "with"
}

word_class! {
    /// Object pronouns, which are never the speaker after an inverted verb (`said him`).
    pub(crate) fn is_object_pronoun:
        "her" | "him" | "it" | "itself" | "me" | "them" | "themselves" | "us"
}

word_class! {
    /// Titles and roles written before a name (`Press Secretary Maren Holt`, `Sen. Ted Cruz`):
    /// the name is what follows the last of them.
    pub(crate) fn is_title:
        "activist" | "adm" | "administrator" | "adviser" | "advisor" | "aide" | "ambassador" |
        "analyst" | "anchor" | "attorney" | "author" | "boss" | "businessman" | "businesswoman" |
        "candidate" | "capt" | "ceo" | "chair" | "chairman" | "chairperson" | "chairwoman" |
        "challenger" | "chancellor" | "chief" | "coach" | "col" | "columnist" | "commander" |
        "commissioner" | "congressman" | "congresswoman" | "correspondent" | "counsel" | "dame" |
        "deputy" | "detective" | "developer" | "director" | "dr" | "economist" | "editor" |
        "envoy" | "executive" | "founder" | "gen" | "general" | "gens" | "gov" | "governor" |
        "head" | "hopeful" | "host" | "incumbent" | "inspector" | "judge" | "justice" | "king" |
        "lawmaker" | "lawyer" | "leader" | "lord" | "lt" | "manager" | "mayor" | "minister" |
        "mogul" | "mr" | "mrs" | "ms" | "nominee" | "officer" | "official" | "pastor" | "pollster" |
        "pope" | "premier" | "president" | "president-elect" | "prince" | "princess" | "prof" |
        "professor" | "prosecutor" | "queen" | "rep" | "reporter" | "representative" | "reps" |
        "rev" | "reverend" | "rival" | "ruler" | "secretary" | "sen" | "senator" | "sens" | "sgt" |
        "sheriff" | "sir" | "speaker" | "spokesman" | "spokesperson" | "spokeswoman" |
        "strategist" | "superintendent" | "vice"
}

word_class! {
    /// Nouns through which their possessor speaks: `Viktor Sand’s office` speaks for Viktor Sand.
    pub(crate) fn is_mouthpiece:
        "account" | "announcement" | "article" | "attorneys" | "blog" | "camp" | "campaign" |
        "column" | "editorial" | "lawyer" | "lawyers" | "letter" | "memo" | "office" | "press" |
        "release" | "report" | "spokesman" | "spokesmen" | "spokespeople" | "spokesperson" |
        "spokeswoman" | "spokeswomen" | "statement" | "story" | "team" | "tweet" | "website"
}

word_class! {
    /// Nouns for published texts, whose author the document usually names somewhere
    /// (`Capitol Ledger carried a report`, `a report by the Ledger`).
    pub(crate) fn is_publication:
        "analysis" | "article" | "column" | "editorial" | "investigation" | "letter" | "memo" |
        "poll" | "report" | "review" | "statement" | "story" | "study" | "survey"
}

word_class! {
    /// Head nouns of organisations and institutions, which `it` can refer to.
    pub(crate) fn is_institution:
        "administration" | "agency" | "army" | "association" | "bank" | "board" | "bureau" |
        "campaign" | "center" | "centre" | "chancellery" | "channel" | "city" | "commission" |
        "committee" | "company" | "congress" | "council" | "country" | "county" | "court" |
        "department" | "force" | "forces" | "foundation" | "front" | "fund" | "government" |
        "group" | "house" | "institute" | "journal" | "kremlin" | "military" | "ministry" |
        "movement" | "nation" | "network" | "news" | "newspaper" | "office" | "organisation" |
        "organization" | "paper" | "parliament" | "party" | "pentagon" | "police" | "post" |
        "press" | "regime" | "reuters" | "senate" | "service" | "state" | "states" | "team" |
        "times" | "union" | "university" | "website" | "white"
}

word_class! {
    /// Nouns for informants, whom `citing` or `quoting` names as a source (`citing sources
    /// familiar with the matter`, `quoting officials`).
    pub(crate) fn is_informant:
        "aide" | "aides" | "diplomat" | "diplomats" | "insider" | "insiders" | "official" |
        "officials" | "people" | "person" | "persons" | "report" | "reports" | "source" |
        "sources" | "spokesman" | "spokesperson" | "spokeswoman" | "witness" | "witnesses"
}

word_class! {
    /// Common nouns for people (`the spokesman`, `officials`), besides the [`is_title`]s.
    pub(crate) fn is_person_noun:
        "activists" | "aides" | "analysts" | "critics" | "diplomats" | "experts" | "lawmakers" |
        "leaders" | "man" | "men" | "official" | "officials" | "people" | "person" | "protesters" |
        "residents" | "source" | "sources" | "spokesmen" | "spokeswomen" | "supporters" | "voters" |
        "witnesses" | "woman" | "women"
}

word_class! {
    /// Lemmas of the belief, wish and expectation, appearance and position classes of the
    /// attribution lexicon (`lexicons/README.md`, *Verb classes added for attribution recall*):
    /// attitudes, which are no attribution inside the content of another.
    pub(crate) fn is_attitude:
        "advocate" | "agree" | "anticipate" | "appear" | "approve" | "assume" | "believe" |
        "consider" | "decide" | "disagree" | "doubt" | "embrace" | "endorse" | "expect" | "favor" |
        "favour" | "fear" | "guess" | "hope" | "imagine" | "know" | "offer" | "oppose" | "prefer" |
        "refuse" | "see" | "seek" | "seem" | "show" | "support" | "suspect" | "think" | "view" |
        "want" | "wish" | "wonder" | "worry"
}

word_class! {
    /// Lemmas of cues that may take their subject from the clause before them: verbs of
    /// saying, asking, believing and announcing that have no noun of the same form (`report`,
    /// `call`, `question`, `support` do, and their clause is often not their subject).
    pub(crate) fn takes_clause_subject:
        "acknowledge" | "admit" | "agree" | "announce" | "argue" | "ask" | "believe" | "deny" |
        "describe" | "expect" | "explain" | "express" | "find" | "insist" | "oppose" | "predict" |
        "say" | "suggest" | "tell" | "warn"
}

/// Whether `w` is one of the [`listed_adverb`]s, or a lowercase word ending in `-ly` (but not
/// `only`, `family`, `italy`, `ally`).
pub(crate) fn is_adverb(w: &str) -> bool {
    listed_adverb(w)
        || (w.len() > 4 && w.ends_with("ly") && !matches!(w, "only" | "family" | "italy" | "ally"))
}

/// What a pronoun tells about its referent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pronoun {
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
pub(crate) fn pronoun(w: &str) -> Option<Pronoun> {
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

/// The gender a title or form of address implies, if any.
pub(crate) fn title_gender(w: &str) -> Option<Pronoun> {
    match w {
        "mr" | "spokesman" | "chairman" | "congressman" | "king" | "prince" | "sir" | "lord"
        | "businessman" => Some(Pronoun::Male),
        "mrs" | "ms" | "miss" | "spokeswoman" | "chairwoman" | "congresswoman" | "queen"
        | "princess" | "dame" | "businesswoman" => Some(Pronoun::Female),
        _ => None,
    }
}

word_class! {
    /// Nouns of research and polling that report findings (`a poll found`, `data show`).
    pub(crate) fn is_research_noun:
        "analysis" | "audit" | "census" | "data" | "inquiry" | "investigation" | "investigators" |
        "poll" | "polls" | "report" | "research" | "researchers" | "review" | "studies" | "study" |
        "survey" | "surveys"
}

word_class! {
    /// Nouns and words that can be the subject before a verb (`people say`, `a third say`,
    /// `to say`): a word before a reporting verb's bare form that is one of these makes it a
    /// verb, not a noun.
    pub(crate) fn is_subject_word:
        "children" | "data" | "five" | "four" | "half" | "i" | "majority" | "media" | "men" |
        "minority" | "people" | "percent" | "police" | "public" | "quarter" | "staff" | "third" |
        "three" | "to" | "two" | "women"
}

word_class! {
    /// Words that head a label or a section title rather than name a speaker (`Update:`).
    pub(crate) fn is_colon_label:
        "abstract" | "advertisement" | "age" | "analysis" | "background" | "breaking" | "byline" |
        "caption" | "city" | "clarification" | "contact" | "contributing" | "correction" |
        "credit" | "date" | "disclosure" | "e-mail" | "editorial" | "email" | "exclusive" |
        "follow" | "job" | "latest" | "more" | "name" | "note" | "notice" | "opinion" | "photo" |
        "previously" | "related" | "revealed" | "source" | "sources" | "subscribe" | "summary" |
        "tags" | "transcript" | "twitter" | "update" | "updated" | "video" | "watch"
}

word_class! {
    /// The people a poll asks, named before it (`voters in the poll`).
    pub(crate) fn is_polled_people:
        "adults" | "americans" | "interviewed" | "participants" | "people" | "polled" |
        "questioned" | "respondents" | "surveyed" | "voters"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_are_sorted_lowercase_and_unique() {
        let lists: [&[&str]; 7] =
            [CONTRAST, ADDITIVE, NOUN_DETERMINERS, REFLEXIVE, NAMING, WORKS, TITLE_SMALL];
        for list in lists {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "not sorted or not unique: {list:?}");
            assert!(list.iter().all(|w| !w.is_empty() && *w == w.to_lowercase()), "{list:?}");
        }
    }

    #[test]
    fn function_words_are_lowercase_and_unique() {
        let mut v: Vec<&str> = FUNCTION_WORDS.to_vec();
        assert!(v.iter().all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())));
        v.sort_unstable();
        let n = v.len();
        v.dedup();
        assert_eq!(v.len(), n, "duplicates in the function-word list");
    }

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
