//! Closed word classes: the small, fixed vocabulary that carries English clause
//! structure. With these, the verb lexicon and the actor dictionaries, a shallow
//! analysis finds subjects, objects and clause boundaries without a trained tagger.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Det,
    Prep,
    /// "to": a preposition or the infinitive marker.
    To,
    Conj,
    /// Words that open a subordinate or relative clause.
    Sub,
    Pron,
    /// Possessive pronouns ("its", "his").
    PossPron,
    Aux,
    Modal,
    Neg,
    Adv,
    /// The possessive clitic "'s" or a bare "'".
    Poss,
    Comma,
    /// Quotes, brackets, colons, dashes and the like.
    Punct,
    /// End of sentence or a semicolon.
    Stop,
    Num,
    Word,
}

pub fn classify(lower: &str, is_number: bool, is_punct: bool) -> Class {
    if is_number {
        return Class::Num;
    }
    if is_punct {
        return match lower {
            "," => Class::Comma,
            "'s" | "'" => Class::Poss,
            "." | ";" | "!" | "?" => Class::Stop,
            _ => Class::Punct,
        };
    }
    match lower {
        "the" | "a" | "an" | "this" | "these" | "those" | "some" | "any" | "every" | "each" | "another" | "such"
        | "all" | "both" | "several" | "many" | "few" | "other" | "most" | "more" | "no" | "neither" | "either" => {
            Class::Det
        }
        "its" | "his" | "her" | "their" | "our" | "my" | "your" => Class::PossPron,
        "it" | "he" | "she" | "they" | "we" | "i" | "you" | "him" | "them" | "us" | "me" | "itself" | "himself"
        | "herself" | "themselves" => Class::Pron,
        "of" | "in" | "on" | "at" | "by" | "with" | "from" | "for" | "into" | "onto" | "against" | "about" | "over"
        | "under" | "between" | "among" | "amid" | "amidst" | "during" | "through" | "without" | "within"
        | "across" | "toward" | "towards" | "near" | "behind" | "despite" | "via" | "per" | "upon" | "beside"
        | "beyond" | "outside" | "inside" | "like" | "than" | "along" | "around" | "throughout" | "regarding"
        | "concerning" | "including" | "excluding" | "following" | "after" | "before" | "since" | "until" | "till"
        | "off" | "up" | "down" | "out" => Class::Prep,
        "to" => Class::To,
        "and" | "or" | "but" | "nor" | "&" => Class::Conj,
        "that" | "which" | "who" | "whom" | "whose" | "because" | "although" | "though" | "while" | "whereas"
        | "if" | "unless" | "when" | "where" | "whether" | "as" | "once" | "so" => Class::Sub,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" | "has" | "have" | "had" | "having" | "do"
        | "does" | "did" | "'re" | "'ve" | "'m" | "'d" => Class::Aux,
        "will" | "would" | "may" | "might" | "can" | "could" | "shall" | "should" | "must" | "'ll" | "ought" | "wo"
        | "ca" => Class::Modal,
        "not" | "n't" | "never" => Class::Neg,
        "also" | "now" | "further" | "still" | "already" | "repeatedly" | "twice" | "again" | "then" | "later"
        | "earlier" | "yet" | "just" | "even" | "only" | "too" | "very" | "reportedly" | "allegedly" | "similarly"
        | "jointly" | "recently" | "finally" | "formally" | "officially" | "publicly" | "once again" | "thus"
        | "however" | "meanwhile" | "instead" | "here" | "there" | "today" | "yesterday" | "tomorrow" | "almost"
        | "nearly" | "about to" | "ever" | "soon" | "apparently" | "previously" => Class::Adv,
        _ if lower.len() > 4
            && lower.ends_with("ly")
            && !matches!(
                lower,
                "italy"
                    | "family"
                    | "ally"
                    | "rally"
                    | "supply"
                    | "reply"
                    | "apply"
                    | "assembly"
                    | "july"
                    | "anomaly"
                    | "monopoly"
            ) =>
        {
            Class::Adv
        }
        _ => Class::Word,
    }
}

/// Subordinators that introduce a relative clause, whose subject may be the noun
/// phrase in front of them.
pub fn is_relative(lower: &str) -> bool {
    matches!(lower, "that" | "which" | "who" | "whom" | "whose")
}

/// Modal verbs that make an event hypothetical ("may attack", "could meet").
/// "will" and "shall" announce intent, which CAMEO codes as the event itself.
pub fn is_hypothetical_modal(lower: &str) -> bool {
    matches!(lower, "would" | "may" | "might" | "could" | "should" | "must" | "can" | "ca" | "ought")
}

/// Forms of "be" that make a following participle passive.
pub fn is_be(lower: &str) -> bool {
    matches!(
        lower,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" | "'re" | "get" | "got" | "gets" | "getting"
    )
}

/// Words that make a following "-ed" form a participle rather than a past tense.
pub fn is_perfect(lower: &str) -> bool {
    matches!(lower, "has" | "have" | "had" | "having" | "'ve")
}

/// Pronoun groups for coreference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    Thing,
    Person,
    Plural,
    /// "we", "I" in a quote: whoever the sentence says is speaking.
    Speaker,
}

pub fn pronoun_kind(lower: &str) -> Option<PronounKind> {
    match lower {
        "it" | "its" | "itself" => Some(PronounKind::Thing),
        "he" | "she" | "him" | "her" | "his" | "himself" | "herself" => Some(PronounKind::Person),
        "they" | "them" | "their" | "themselves" => Some(PronounKind::Plural),
        "we" | "i" | "our" | "ourselves" | "my" | "myself" => Some(PronounKind::Speaker),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(classify("the", false, false), Class::Det);
        assert_eq!(classify("n't", false, false), Class::Neg);
        assert_eq!(classify("immediately", false, false), Class::Adv);
        assert_eq!(classify("italy", false, false), Class::Word);
        assert_eq!(classify("'s", false, true), Class::Poss);
        assert_eq!(classify("which", false, false), Class::Sub);
        assert_eq!(classify("2020", true, false), Class::Num);
        assert!(is_hypothetical_modal("may"));
        assert!(!is_hypothetical_modal("will"));
        assert_eq!(pronoun_kind("he"), Some(PronounKind::Person));
    }
}
