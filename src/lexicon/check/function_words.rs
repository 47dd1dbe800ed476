//! English function words (closed-class: articles, pronouns, prepositions, conjunctions,
//! auxiliaries, modals and the commonest grammatical adverbs), written by the team for the
//! `function-word` lint. A lexicon word that stems like one of these (`willful` → `will`,
//! `overly` → `over`, `mines` → `mine`) matches that function word in every text.

/// The list, lowercase, grouped by word class.
#[rustfmt::skip]
pub(super) const ENGLISH: &[&str] = &[
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

#[cfg(test)]
mod tests {
    #[test]
    fn lowercase_and_unique() {
        let mut v: Vec<&str> = super::ENGLISH.to_vec();
        assert!(v.iter().all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())));
        v.sort_unstable();
        let n = v.len();
        v.dedup();
        assert_eq!(v.len(), n, "duplicates in the function-word list");
    }
}
