//! Resolution: the entity each source refers to, as one name per entity so that a
//! document's (and an outlet's) attributions can be counted per source. Titles are dropped
//! (`Press Secretary Maren Holt` → `Maren Holt`); a surname, a pronoun or a definite
//! description (`Holt`, `she`, `the sources`) takes the most recent compatible earlier source;
//! a mouthpiece takes its owner (`Viktor Sand’s office` → `Viktor Sand`, `a report` → the
//! outlet the document says published it); `the regime’s military` borrows the modifier of
//! the regime's earlier mention (`the Estravan regime` → `Estravan military`). Entities live
//! for one document; allocation happens per source, never per token.

use crate::language::english::{
    Pronoun, is_determiner, is_institution, is_mouthpiece, is_person_noun, is_preposition,
    is_publication, is_title, pronoun, title_gender,
};
use crate::view::SectionView as Ctx;
use crate::view::cue::Cue;

/// How far back (in tokens) a description looks for a modifier (`the Estravan regime`).
const MODIFIER_WINDOW: usize = 5000;

#[derive(Clone, Debug)]
struct Entity {
    name: String,
    /// `Some(true)` for people, `Some(false)` for organisations and things, `None` unknown.
    person: Option<bool>,
    gender: Option<Pronoun>,
    plural: bool,
    /// Head nouns it was mentioned with (`report`, `sources`), normalised.
    heads: Vec<Box<str>>,
}

impl Entity {
    fn last_word(&self) -> &str {
        self.name.rsplit(' ').next().unwrap_or("")
    }
}

/// Entities of the current document and, per section, the owners of publication nouns.
#[derive(Default)]
pub(super) struct Resolver {
    entities: Vec<Entity>,
    /// Entity of each resolved source, in order.
    recent: Vec<u32>,
    /// Per section: head noun → its owner's name (`report` → `Capitol Ledger`).
    owners: Vec<(Box<str>, Option<String>)>,
}

/// What a noun phrase names, before coreference.
struct Described {
    name: String,
    person: Option<bool>,
    gender: Option<Pronoun>,
    plural: bool,
    head: Box<str>,
}

impl Described {
    /// An organisation or thing named `name`.
    fn thing(name: String, plural: bool, head: Box<str>) -> Described {
        Described { name, person: Some(false), gender: None, plural, head }
    }
}

impl Resolver {
    /// Forgets the entities of the previous document.
    pub(super) fn start_document(&mut self) {
        self.entities.clear();
        self.recent.clear();
        self.owners.clear();
    }

    /// Forgets what was cached for the previous section's text.
    pub(super) fn start_section(&mut self) {
        self.owners.clear();
    }

    /// The entity the source `first..end` refers to, by name; `None` for a pronoun with no
    /// compatible antecedent.
    /// `cues` are the section's cues: a noun phrase never runs into one.
    pub(super) fn resolve(
        &mut self,
        ctx: &Ctx,
        first: usize,
        end: usize,
        cues: &[Cue],
    ) -> Option<String> {
        self.resolve_depth(ctx, first, end, cues, 0)
    }

    fn resolve_depth(
        &mut self,
        ctx: &Ctx,
        first: usize,
        end: usize,
        cues: &[Cue],
        depth: u8,
    ) -> Option<String> {
        let id = match pronoun(ctx.norm(first)).filter(|_| end - first == 1) {
            Some(p) => self.pronoun_antecedent(ctx, first, p, cues, depth)?,
            None => {
                let d = self.describe(ctx, first, end)?;
                self.intern(d)
            }
        };
        self.recent.push(id as u32);
        Some(self.entities[id].name.clone())
    }

    fn pronoun_antecedent(
        &mut self,
        ctx: &Ctx,
        at: usize,
        p: Pronoun,
        cues: &[Cue],
        depth: u8,
    ) -> Option<usize> {
        let fits = |e: &Entity| match p {
            Pronoun::Male | Pronoun::Female => {
                e.person != Some(false) && !e.plural && e.gender.is_none_or(|g| g == p)
            }
            Pronoun::Neuter => e.person != Some(true) && !e.plural,
            Pronoun::Plural => e.plural || e.person == Some(false),
            Pronoun::Relative | Pronoun::Speaker => false,
        };
        match p {
            Pronoun::Speaker => None,
            Pronoun::Relative => {
                // `officials, who said`: the noun phrase right before.
                let sent = ctx.sentence_tokens(at);
                if at == sent.start || depth > 0 {
                    return None;
                }
                let head = at - 1;
                if ctx.quote_of(head).is_some() || pronoun(ctx.norm(head)).is_some() {
                    return None;
                }
                let first = super::source::np_before(ctx, head, sent.start, cues);
                self.resolve_depth(ctx, first, head + 1, cues, depth + 1)?;
                self.recent.pop().map(|id| id as usize)
            }
            _ => {
                let id = self
                    .recent
                    .iter()
                    .rev()
                    .map(|&id| id as usize)
                    .find(|&id| fits(&self.entities[id]))?;
                let e = &mut self.entities[id];
                if matches!(p, Pronoun::Male | Pronoun::Female) {
                    e.gender = Some(p);
                    e.person = Some(true);
                }
                Some(id)
            }
        }
    }

    /// Finds or adds the entity `d` names.
    fn intern(&mut self, d: Described) -> usize {
        let found = self.entities.iter().position(|e| same_name(&e.name, &d.name)).or_else(|| {
            // A surname alone (`Holt`) is the person last named in full with it.
            (!d.name.contains(' ') && d.person != Some(false))
                .then(|| {
                    self.recent.iter().rev().map(|&id| id as usize).find(|&id| {
                        let e = &self.entities[id];
                        e.person != Some(false)
                            && e.name.contains(' ')
                            && same_name(e.last_word(), &d.name)
                    })
                })
                .flatten()
        });
        match found {
            Some(id) => {
                let e = &mut self.entities[id];
                if e.person.is_none() {
                    e.person = d.person;
                }
                if e.gender.is_none() {
                    e.gender = d.gender;
                }
                if !d.head.is_empty() && !e.heads.contains(&d.head) {
                    e.heads.push(d.head);
                }
                id
            }
            None => {
                let heads = if d.head.is_empty() { Vec::new() } else { vec![d.head] };
                self.entities.push(Entity {
                    name: d.name,
                    person: d.person,
                    gender: d.gender,
                    plural: d.plural,
                    heads,
                });
                self.entities.len() - 1
            }
        }
    }

    fn describe(&mut self, ctx: &Ctx, first: usize, end: usize) -> Option<Described> {
        // `the Front’s spokesman Dario Velk`, `Press Secretary Maren Holt`: the name after the
        // last title.
        if let Some(d) = titled_name(ctx, first, end) {
            return Some(d);
        }
        if let Some(p) = (first..end - 1).rev().find(|&t| ctx.is_possessive(t)) {
            return self.possessed(ctx, first, p, end);
        }
        let head_tok = head_of(ctx, first, end);
        let head: Box<str> = ctx.norm(head_tok).into();
        if ctx.is_name_like(head_tok) {
            // A name: `The Chancellery`, `Capitol Ledger`, `Holt`.
            let org = ctx.norm(first) == "the" || is_institution(&head);
            return Some(Described {
                name: phrase(ctx, first, end),
                person: if org { Some(false) } else { None },
                gender: None,
                plural: org && head.ends_with('s') && !head.ends_with("ss"),
                head,
            });
        }
        let definite = matches!(ctx.norm(first), "the" | "this" | "these" | "those");
        if let Some(e) = self.recent_with_head(&head).filter(|_| definite) {
            let (name, person, gender, plural) = (e.name.clone(), e.person, e.gender, e.plural);
            return Some(Described { name, person, gender, plural, head });
        }
        if is_publication(&head)
            && let Some(owner) = self.owner(ctx, &head)
        {
            return Some(Described::thing(owner, false, head));
        }
        Some(self.description(ctx, first, end, head_tok, head))
    }

    /// `Viktor Sand’s office`, `Capitol Ledger’s report`, `the regime’s military`: the phrase
    /// `first..end` whose possessive ends at token `p`.
    fn possessed(&mut self, ctx: &Ctx, first: usize, p: usize, end: usize) -> Option<Described> {
        let head: Box<str> = ctx.norm(end - 1).into();
        if is_mouthpiece(&head) {
            let mut owner = self.describe(ctx, first, p + 1)?;
            owner.head = head;
            return Some(owner);
        }
        let possessed = phrase(ctx, p + 1, end);
        let possessor_is_description =
            ctx.norm(first) == "the" && (first + 1..=p).all(|t| !ctx.is_name_like(t));
        let name = match possessor_is_description {
            true => match self.modifier(ctx, ctx.norm(p).trim_end_matches("'s"), first) {
                Some(m) => format!("{m} {possessed}"),
                None => phrase_full(ctx, first + 1, end),
            },
            false => phrase_full(ctx, first, end),
        };
        Some(Described::thing(name, plural(&head), head))
    }

    /// The most recent entity mentioned with the head noun `head`.
    fn recent_with_head(&self, head: &str) -> Option<&Entity> {
        let id = self
            .recent
            .iter()
            .rev()
            .find(|&&id| self.entities[id as usize].heads.iter().any(|h| **h == *head))?;
        Some(&self.entities[*id as usize])
    }

    /// A description (`the harbour authority`, `officials`) with head `head` at `head_tok`.
    fn description(
        &self,
        ctx: &Ctx,
        first: usize,
        end: usize,
        head_tok: usize,
        head: Box<str>,
    ) -> Described {
        let has_name = (first..end).any(|t| ctx.is_name_like(t));
        // A description is named without its article: `the harbour authority` →
        // `harbour authority`; `the regime` → `Estravan regime` after `the Estravan regime`.
        let name = if ctx.norm(first) == "the" && end - first >= 2 {
            match (end - first == 2 && !has_name).then(|| self.modifier(ctx, &head, first)) {
                Some(Some(m)) => format!("{m} {}", ctx.surface(head_tok)),
                _ => phrase(ctx, first + 1, end),
            }
        } else {
            lower_first(phrase(ctx, first, end), ctx, first)
        };
        Described {
            name,
            person: Some(is_title(&head) || is_person_noun(&head)),
            gender: title_gender(&head),
            plural: plural(&head),
            head,
        }
    }

    /// The name the section gives the author of a `head` (`report`): `X’s report`,
    /// `a report by X`, `X carried a report`. Cached per section.
    fn owner(&mut self, ctx: &Ctx, head: &str) -> Option<String> {
        if let Some((_, o)) = self.owners.iter().find(|(h, _)| **h == *head) {
            return o.clone();
        }
        let found = (0..ctx.len()).filter(|&t| ctx.norm(t) == head).find_map(|t| owner_at(ctx, t));
        self.owners.push((head.into(), found.clone()));
        found
    }

    /// The capitalised modifier of the most recent earlier `<Modifier> <head>` in the
    /// section (`Estravan` for `regime`).
    fn modifier(&self, ctx: &Ctx, head: &str, before: usize) -> Option<String> {
        let from = before.saturating_sub(MODIFIER_WINDOW);
        (from + 1..before).rev().find_map(|t| {
            if ctx.norm(t) != head || !ctx.joined(t) || !ctx.is_name_like(t - 1) {
                return None;
            }
            let start = name_run_start(ctx, t - 1);
            Some(phrase(ctx, start, t))
        })
    }
}

/// `X’s head`, `head by|from|in|of X`, `X <verb> a|the head` at token `t`.
fn owner_at(ctx: &Ctx, t: usize) -> Option<String> {
    if t > 0 && ctx.joined(t) && ctx.is_possessive(t - 1) && ctx.is_name_like(t - 1) {
        return Some(strip_titles(ctx, name_run_start(ctx, t - 1), t));
    }
    // `a report by (the) X`
    let by = t + 1;
    let name = if by + 1 < ctx.len() && ctx.norm(by + 1) == "the" { by + 2 } else { by + 1 };
    if name < ctx.len()
        && (by..=name).all(|k| ctx.joined(k))
        && matches!(ctx.norm(by), "by" | "from" | "in" | "of")
        && ctx.is_name_like(name)
    {
        let mut e = name;
        while e + 1 < ctx.len() && ctx.joined(e + 1) && ctx.is_name_like(e + 1) {
            e += 1;
        }
        return Some(strip_titles(ctx, name, e + 1));
    }
    if t >= 3
        && ctx.joined(t)
        && ctx.joined(t - 1)
        && ctx.joined(t - 2)
        && is_determiner(ctx.norm(t - 1))
        && !ctx.is_cap(t - 2)
        && !is_preposition(ctx.norm(t - 2))
        && !is_determiner(ctx.norm(t - 2))
        && ctx.is_name_like(t - 3)
    {
        return Some(strip_titles(ctx, name_run_start(ctx, t - 3), t - 2));
    }
    None
}

/// `… Secretary Maren Holt`, `union boss Hanna Loewe`, `the news website Capitol Ledger`:
/// the capitalised words that end the phrase after the last title, or after a lowercase noun
/// describing them.
fn titled_name(ctx: &Ctx, first: usize, end: usize) -> Option<Described> {
    let run = (first..end)
        .rev()
        .take_while(|&t| ctx.is_cap(t) && (t + 1 == end || !ctx.is_possessive(t)))
        .last()?;
    let title = match (first..end).rev().find(|&t| is_title(ctx.norm(t))) {
        Some(t) if t + 1 >= run && t + 1 < end => t,
        _ => {
            // A lowercase role noun right before the name.
            let role = run.checked_sub(1).filter(|&r| r >= first)?;
            let w = ctx.norm(role);
            let noun = !ctx.is_cap(role)
                && !is_determiner(w)
                && !is_preposition(w)
                && pronoun(w).is_none()
                && !crate::language::english::is_clause_word(w)
                && ctx.joined(run);
            if !noun {
                return None;
            }
            role
        }
    };
    if !(title + 1..end).all(|t| ctx.is_cap(t)) {
        return None;
    }
    let gender = (first..end).find_map(|t| title_gender(ctx.norm(t)));
    let last = ctx.norm(end - 1);
    Some(Described {
        name: phrase(ctx, title + 1, end),
        person: Some(true),
        gender,
        plural: false,
        head: last.into(),
    })
}

/// The name run ending at `t` with the titles before it dropped.
fn strip_titles(ctx: &Ctx, first: usize, end: usize) -> String {
    let start = (first..end).rev().find(|&t| is_title(ctx.norm(t))).map_or(first, |t| t + 1);
    phrase(ctx, if start < end { start } else { first }, end)
}

/// First token of the run of joined, capitalised tokens ending at `t`.
fn name_run_start(ctx: &Ctx, t: usize) -> usize {
    let mut s = t;
    while s > 0 && ctx.joined(s) && ctx.is_name_like(s - 1) && !ctx.is_possessive(s - 1) {
        s -= 1;
    }
    s
}

/// The head noun of a phrase: its last word, or the word before its first preposition
/// (`head of the agency` → `head`; `sources familiar with the matter` → `sources`, an
/// adjective before the preposition being skipped).
fn head_of(ctx: &Ctx, first: usize, end: usize) -> usize {
    let cut = (first + 1..end).find(|&t| crate::language::english::is_np_preposition(ctx.norm(t)));
    match cut {
        Some(c)
            if c >= first + 2
                && adjective_like(ctx.norm(c - 1))
                && !is_determiner(ctx.norm(c - 2)) =>
        {
            c - 2
        }
        Some(c) => c - 1,
        None => end - 1,
    }
}

/// Suffixes of adjectives that take a preposition (`familiar with`, `close to`).
fn adjective_like(w: &str) -> bool {
    ["iar", "ble", "ous", "ive", "ful", "less"].iter().any(|s| w.ends_with(s))
        || matches!(w, "close" | "aware" | "loyal" | "opposed" | "involved" | "briefed")
}

/// The words of tokens `first..end` as written, single-spaced, without a final possessive
/// `’s`.
fn phrase(ctx: &Ctx, first: usize, end: usize) -> String {
    let mut s = String::new();
    for t in first..end {
        let mut w = ctx.surface(t);
        if t + 1 == end {
            w = w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")).unwrap_or(w);
        }
        if t > first {
            let gap = ctx.gap_before(t);
            if gap.chars().all(char::is_whitespace) {
                s.push(' ');
            } else {
                s.extend(gap.chars().map(|c| if c.is_whitespace() { ' ' } else { c }));
            }
        }
        s.push_str(w);
    }
    s
}

/// Like [`phrase`], keeping a final possessive.
fn phrase_full(ctx: &Ctx, first: usize, end: usize) -> String {
    ctx.text[ctx.tokens_span(first, end).range()].split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lowercases the first letter of a phrase opened by a sentence-initial determiner
/// (`The sources` → `the sources`, `A report` → `a report`).
fn lower_first(s: String, ctx: &Ctx, first: usize) -> String {
    if !(ctx.is_sentence_start(first) && is_determiner(ctx.norm(first))) {
        return s;
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => s,
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.chars().zip(b.chars()).all(|(x, y)| x.to_lowercase().eq(y.to_lowercase()))
}

fn plural(head: &str) -> bool {
    (head.ends_with('s') && !head.ends_with("ss") && !head.ends_with("us") && !head.ends_with("'s"))
        || matches!(head, "people" | "police" | "staff")
}
