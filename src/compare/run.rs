//! The comparison as values: every row of the three comparison tables as numbers and ids
//! (group, event, feature), in output order. Rows are produced scope by scope (all
//! documents, then each event by name); within a scope, a chunk of groups (or of pairs) is
//! computed in parallel (each group's bootstrap from its own seeded stream) and handed on in
//! order. Only one scope's sums (and the next one's, prepared alongside) and one chunk's rows
//! are in memory at a time, plus the per-event sums the paired summary needs. Names are
//! looked up by id ([`Comparison::group_name`], [`Comparison::feature`]) when rendering.

use super::contrast::{ContrastRow, Sides, contrast};
use super::features::{Feature, FeatureKind};
use super::input::CompareInput;
use super::options::{CompareOptions, QUANTILES};
use super::paired::{EventSums, PairedRow, paired};
use super::scopes::{DocCounts, GroupSums, Partition, Prepared, Scope, ScopeKind};
use super::support::{row_supported, supports};
use crate::error::Result;
use crate::stats::bootstrap::{Intervals, Sample, SplitMix64, ratio_intervals};
use crate::stats::fdr::bh;
use crate::stats::logodds::Side;
use crate::stats::{RATE_SCALE, per_1k};
use rayon::prelude::*;

/// Groups (or pairs) of a scope computed together, in parallel, before they are handed on.
const GROUPS_PER_CHUNK: usize = 32;

/// One row of `rates.csv`: a group's rate of a feature in a scope, with its bootstrap
/// interval.
#[derive(Clone, Debug, PartialEq)]
pub struct RateRow {
    /// Where.
    pub scope: ScopeKind,
    /// The group (outlet) id.
    pub group: u32,
    /// The feature id.
    pub feature: u32,
    /// Documents of the group in the scope.
    pub docs: u64,
    /// Their tokens.
    pub tokens: u64,
    /// Hits.
    pub count: u64,
    /// Documents with at least one hit.
    pub docs_with: u64,
    /// 1000 · count / tokens.
    pub per_1k: Option<f64>,
    /// The bootstrap interval of `per_1k` (`None` without valid replicates).
    pub interval: Option<(f64, f64)>,
    /// Replicates with at least one token.
    pub replicates: u32,
}

/// The rows of one unit of work (a group, a pair of groups, or a pair across events), or of
/// the whole comparison ([`Comparison::rows`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rows {
    /// `rates.csv`.
    pub rates: Vec<RateRow>,
    /// `compare.csv`.
    pub contrasts: Vec<ContrastRow>,
    /// `compare_paired.csv`.
    pub paired: Vec<PairedRow>,
}

/// The comparison of one input's groups with given options.
pub struct Comparison<'a> {
    p: Prepared<'a>,
    opts: CompareOptions,
}

impl<'a> Comparison<'a> {
    /// The comparison of the outlets: checks the options (and that every `--group` outlet
    /// exists) and orders the outlets, events and features.
    pub fn new(input: &'a CompareInput, opts: &CompareOptions) -> Result<Comparison<'a>> {
        opts.validate()?;
        opts.groups.check(input.outlets())?;
        let p = Prepared::new(input, &opts.groups, Partition::Outlets);
        Ok(Comparison { p, opts: opts.clone() })
    }

    /// The comparison of the groups (the outlet map of `opts`, or else the documents' own
    /// groups), with the same statistics; `None` when documents are not grouped.
    pub fn of_groups(
        input: &'a CompareInput,
        opts: &CompareOptions,
    ) -> Result<Option<Comparison<'a>>> {
        if opts.groups.is_empty() && !input.has_groups() {
            return Ok(None);
        }
        opts.validate()?;
        opts.groups.check(input.outlets())?;
        let p = Prepared::new(input, &opts.groups, Partition::Groups);
        Ok(Some(Comparison { p, opts: opts.clone() }))
    }

    /// Every outlet's (or group's) stance shares over all documents.
    pub fn stance(&self) -> Vec<super::stance::StanceRow> {
        super::stance::stance_rows(&self.p, &self.opts)
    }

    /// Whether this compares outlets or groups.
    pub fn partition(&self) -> Partition {
        self.p.partition
    }

    /// The name of group `id` (an outlet, or a group).
    pub fn group_name(&self, id: u32) -> &str {
        &self.p.groups[id as usize]
    }

    /// The name of event `id`.
    pub fn event_name(&self, id: u32) -> &str {
        &self.p.events[id as usize]
    }

    /// Feature `id`.
    pub fn feature(&self, id: u32) -> &Feature {
        &self.p.table.features[id as usize]
    }

    /// Every row, in output order.
    pub fn rows(&self) -> Result<Rows> {
        let mut all = Rows::default();
        self.run(
            |r| r,
            |r| {
                all.rates.extend(r.rates);
                all.contrasts.extend(r.contrasts);
                all.paired.extend(r.paired);
                Ok(())
            },
        )?;
        Ok(all)
    }

    /// Computes every row unit by unit; `render` turns a unit's rows into `R` on a worker
    /// thread, `emit` receives them in output order on this one.
    pub fn run<R: Send>(
        &self,
        render: impl Fn(Rows) -> R + Sync,
        mut emit: impl FnMut(R) -> Result<()> + Send,
    ) -> Result<()> {
        let p = &self.p;
        let paired = self.opts.compares_pairs(p.groups.len());
        let mut by_event: Vec<Vec<EventSums>> = vec![Vec::new(); p.groups.len()];
        // The next scope's sums are read and added up while this scope's rows are computed,
        // so neither worker waits on that serial pass over the documents.
        // Event scopes are summed for their rows (`by_event`) or for the paired summary.
        let events = self.opts.by_event || paired;
        let mut kinds = p.scope_kinds().filter(|k| events || *k == ScopeKind::All);
        let mut next = kinds.next().map(|k| p.scope(k));
        while let Some(scope) = next.take() {
            let scope = scope?;
            let following = kinds.next();
            let (prepared, done) = rayon::join(
                || following.map(|k| p.scope(k)),
                || self.scope(&scope, &render, &mut emit),
            );
            done?;
            if let (ScopeKind::Event(e), true) = (scope.kind, paired) {
                keep_event_sums(&mut by_event, &scope, e);
            }
            next = prepared;
        }
        if paired {
            for a in 0..p.groups.len() {
                for b in a + 1..p.groups.len() {
                    let rows = self.paired(a as u32, b as u32, &by_event[a], &by_event[b]);
                    emit(render(Rows { paired: rows, ..Rows::default() }))?;
                }
            }
        }
        Ok(())
    }

    /// One scope's rates and comparison rows.
    fn scope<R: Send>(
        &self,
        scope: &Scope,
        render: &(impl Fn(Rows) -> R + Sync),
        emit: &mut impl FnMut(R) -> Result<()>,
    ) -> Result<()> {
        if !self.opts.by_event && scope.kind != ScopeKind::All {
            return Ok(());
        }
        let live: Vec<&GroupSums> = scope.groups.iter().filter(|g| g.tokens > 0).collect();
        let rest = live.len() >= 2;
        // Each group's rates (with its bootstrap, the costly part) and its comparison with
        // the rest, groups in parallel, a chunk at a time, handed on in order.
        for chunk in scope.groups.chunks(GROUPS_PER_CHUNK) {
            let done: Vec<R> = chunk
                .par_iter()
                .map(|g| {
                    let rates = self.rates(scope, g)?;
                    let with_rest = rest && g.tokens > 0;
                    let contrasts = if with_rest { self.rest(scope, g) } else { Vec::new() };
                    Ok(render(Rows { rates, contrasts, paired: Vec::new() }))
                })
                .collect::<Result<_>>()?;
            done.into_iter().try_for_each(&mut *emit)?;
        }
        if self.opts.compares_pairs(live.len()) {
            let pairs: Vec<(usize, usize)> =
                (0..live.len()).flat_map(|i| (i + 1..live.len()).map(move |j| (i, j))).collect();
            for chunk in pairs.chunks(GROUPS_PER_CHUNK) {
                let done: Vec<R> = chunk
                    .par_iter()
                    .map(|&(i, j)| {
                        let contrasts = self.pair(scope, live[i], live[j]);
                        render(Rows { contrasts, ..Rows::default() })
                    })
                    .collect();
                done.into_iter().try_for_each(&mut *emit)?;
            }
        }
        Ok(())
    }

    /// Whether group `g` of `scope` supports feature `f` (see `support`).
    fn supported(&self, scope: &Scope, g: &GroupSums, f: u32) -> bool {
        let side = Side { count: g.counts[f as usize], tokens: g.tokens };
        supports(side, scope.pooled[f as usize], scope.tokens, self.opts.min_count)
    }

    /// Group `g`'s rates in `scope`, with their bootstrap intervals.
    fn rates(&self, scope: &Scope, g: &GroupSums) -> Result<Vec<RateRow>> {
        // Bootstrap only the written features the group uses; the others are 0 in every
        // replicate. The draws depend only on the documents, so each interval is the same
        // whichever other features are bootstrapped with it.
        let used: Vec<u32> = scope
            .features
            .iter()
            .copied()
            .filter(|&f| g.counts[f as usize] > 0 && self.supported(scope, g, f))
            .collect();
        let mut local = vec![u32::MAX; self.p.table.features.len()];
        for (i, &f) in used.iter().enumerate() {
            local[f as usize] = i as u32;
        }
        let boot = self.bootstrap(scope, g, &local, used.len())?;
        let supported = scope.features.iter().copied().filter(|&f| self.supported(scope, g, f));
        Ok(supported
            .map(|f| {
                let n = g.counts[f as usize];
                let interval = if n > 0 {
                    boot.intervals[local[f as usize] as usize].map(|i| (i.low, i.high))
                } else {
                    (boot.valid > 0).then_some((0.0, 0.0))
                };
                RateRow {
                    scope: scope.kind,
                    group: g.group,
                    feature: f,
                    docs: g.docs.len() as u64,
                    tokens: g.tokens,
                    count: n,
                    docs_with: g.docs_with[f as usize],
                    per_1k: per_1k(n, g.tokens),
                    interval,
                    replicates: boot.valid,
                }
            })
            .collect())
    }

    /// The bootstrap intervals of group `g`'s `used` features (`local`: feature → position).
    fn bootstrap(
        &self,
        scope: &Scope,
        g: &GroupSums,
        local: &[u32],
        used: usize,
    ) -> Result<Intervals> {
        let p = &self.p;
        let mut sample = Sample::new(used);
        // Without replicates no document needs reading.
        if self.opts.bootstrap > 0 {
            let mut buf = DocCounts::default();
            for &d in &g.docs {
                p.doc_counts(d, &mut buf)?;
                let counts = buf.features.iter().map(|&(f, n)| (local[f as usize], n));
                sample.push(p.tokens(d), counts.filter(|&(l, _)| l != u32::MAX));
            }
        }
        let event = match scope.kind {
            ScopeKind::All => ("all", String::new()),
            ScopeKind::Event(e) => ("event", p.key(&p.events[e as usize]).into_owned()),
        };
        let group = p.key(&p.groups[g.group as usize]);
        let key = format!("{}\u{1f}{}\u{1f}{group}", event.0, event.1);
        let mut rng = SplitMix64::for_stream(self.opts.seed, key.as_bytes());
        Ok(ratio_intervals(&sample, self.opts.bootstrap, RATE_SCALE, QUANTILES, &mut rng))
    }

    /// The rows of group `g` against the rest of its scope.
    fn rest(&self, scope: &Scope, g: &GroupSums) -> Vec<ContrastRow> {
        let docs_a = g.docs.len() as u64;
        let sides =
            Sides { scope: scope.kind, a: g.group, b: None, docs_a, docs_b: scope.docs - docs_a };
        let mut rows = contrast(
            &scope.features,
            &self.p.table.features,
            sides,
            (g.tokens, scope.tokens - g.tokens),
            |f| g.counts[f as usize],
            |f| scope.pooled[f as usize] - g.counts[f as usize],
            |f| scope.pooled[f as usize],
            scope.tokens,
            self.opts.prior_strength,
        );
        rows.retain(|r| row_supported(r.a, r.b, false, self.opts.min_count));
        rows
    }

    /// The rows of group `a` against group `b` (a before b).
    fn pair(&self, scope: &Scope, a: &GroupSums, b: &GroupSums) -> Vec<ContrastRow> {
        // A pair is compared on the features either side uses: a feature neither uses
        // carries no evidence, and leaving it out keeps it out of the q-value family.
        let used: Vec<u32> = scope
            .features
            .iter()
            .copied()
            .filter(|&f| a.counts[f as usize] > 0 || b.counts[f as usize] > 0)
            .collect();
        let sides = Sides {
            scope: scope.kind,
            a: a.group,
            b: Some(b.group),
            docs_a: a.docs.len() as u64,
            docs_b: b.docs.len() as u64,
        };
        let mut rows = contrast(
            &used,
            &self.p.table.features,
            sides,
            (a.tokens, b.tokens),
            |f| a.counts[f as usize],
            |f| b.counts[f as usize],
            |f| scope.pooled[f as usize],
            scope.tokens,
            self.opts.prior_strength,
        );
        rows.retain(|r| row_supported(r.a, r.b, true, self.opts.min_count));
        rows
    }

    /// The paired rows of groups `a` and `b` across the events both cover, with sign-test
    /// q-values within each kind.
    fn paired(&self, a: u32, b: u32, ea: &[EventSums], eb: &[EventSums]) -> Vec<PairedRow> {
        let mut rows = paired(a, b, ea, eb);
        let features = &self.p.table.features;
        for kind in [FeatureKind::Category, FeatureKind::Term] {
            let family: Vec<usize> = (0..rows.len())
                .filter(|&i| features[rows[i].feature as usize].kind == kind)
                .collect();
            let q = bh(&family.iter().map(|&i| Some(rows[i].p)).collect::<Vec<_>>());
            for (k, &i) in family.iter().enumerate() {
                rows[i].q = q[k];
            }
        }
        rows.retain(|r| r.count_a + r.count_b >= self.opts.min_count);
        rows
    }
}

/// Keeps each group's sums in event `e` for the paired summary.
fn keep_event_sums(by_event: &mut [Vec<EventSums>], scope: &Scope, e: u32) {
    for g in &scope.groups {
        let counts = scope
            .features
            .iter()
            .filter(|&&f| g.counts[f as usize] > 0)
            .map(|&f| (f, g.counts[f as usize]))
            .collect();
        by_event[g.group as usize].push(EventSums { event: e, tokens: g.tokens, counts });
    }
}
