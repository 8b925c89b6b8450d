//! Stage 5: one incident, one event. The drafts of a document (one per incident mention and
//! place) are clustered in text order: a draft joins the most recent compatible incident
//! (compatible types, a place inside the other or the same, agreeing dates, no conflicting
//! doer), headlines join the body's incidents and stand alone only when the body tells none.
//! An incident then takes the most precise place, the best date, its toll, and keeps what
//! other sources claim differently as linked claims, never as extra events. An incident told
//! too vaguely to stand alone is kept aside, so that "this strike" in the next sentence lands on
//! it rather than on the story's main incident; it becomes an event only if such a reference
//! gives it what it lacked.

use crate::doc::Doc;
use crate::mention::Modality;
use crate::trace::{Dropped, Note, Trace};
use crate::{Claim, Draft, Event, Source};
use marsad_kb::{ActorKind, EventType, Frame, List, PlaceKind, SubEvent};
use marsad_text::dates::{Date, Precision};
use marsad_text::layout::Span;
use rustc_hash::FxHashMap;

/// A doer's score at which only a claim or an agent marker can have named it.
const CLAIMED_STRENGTH: f32 = 4.0;

/// Incidents a draft is compared with, most recent first (keeps coreference linear).
const WINDOW: usize = 48;

/// How much a frame says about the incident: the most telling draft gives the type.
fn specificity(frame: Frame) -> u8 {
    if frame.is_specific() {
        3
    } else if frame.is_consequence() || frame == Frame::Arrest {
        1
    } else {
        2
    }
}

fn place_rank(doc: &Doc<'_>, place: Option<u32>) -> u8 {
    place.map_or(5, |p| crate::fields::rank(doc, p))
}

/// Places that may be one incident's: the same, one inside the other.
fn places_agree(doc: &Doc<'_>, a: Option<u32>, b: Option<u32>) -> Option<bool> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a == b || doc.inside(a, b) || doc.inside(b, a)),
        _ => None,
    }
}

fn dates_agree(a: Option<Date>, b: Option<Date>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.year == b.year
                && (a.month.is_none() || b.month.is_none() || a.month == b.month)
                && (a.day.is_none() || b.day.is_none() || a.day == b.day)
        }
        _ => true,
    }
}

/// Days within this many of a week-precise date may be that date: "last week" in a Sunday's
/// story may mean the Wednesday just gone as well as the week before.
const WEEK_DAYS: i64 = 13;

/// The dates of two drafts may be one incident's: [`dates_agree`], or a day within the week a
/// draft dated only to the week ("last week", "la semaine dernière") gives.
fn days_agree(a: &Draft, b: &Draft) -> bool {
    if dates_agree(a.date, b.date) {
        return true;
    }
    let week = a.time_precision == Precision::WeekOrMonth || b.time_precision == Precision::WeekOrMonth;
    let days = |x: Option<Date>| x.filter(|x| x.day.is_some()).map(|x| x.first_day());
    let near = days(a.date).zip(days(b.date)).is_some_and(|(x, y)| (x - y).abs() <= WEEK_DAYS);
    marked!(week && near, a_day_within_the_week_told_is_that_week_s)
}

/// A protest or a riot: a demonstration that turned violent is one incident told as both.
fn street(t: EventType) -> bool {
    matches!(t, EventType::Protests | EventType::Riots)
}

fn types_agree(a: &Draft, b: &Draft) -> bool {
    if a.reference || b.reference {
        return true;
    }
    let (ta, tb) = (a.sub_event.event_type(), b.sub_event.event_type());
    // A consequence (deaths, burnt trucks) told beside a violent incident is part of it.
    // So is what "the attackers" did next (looted, encircled, burnt), and so are the arrests made
    // at a demonstration or a riot.
    let consequence = |x: &Draft, y: &Draft| {
        let street_of_it = street(y.sub_event.event_type()) && !y.against_deaths;
        ((x.frame.is_consequence() || x.continues) && (y.frame.is_violent() || street_of_it))
            || (x.frame == Frame::Arrest && street(y.sub_event.event_type()))
    };
    if consequence(a, b) || consequence(b, a) {
        return true;
    }
    if ta == EventType::StrategicDevelopments || tb == EventType::StrategicDevelopments {
        // "Other" is a catch-all: only the same kind of development by the same actor is one.
        let actors = a.roles.actor1.is_none() || b.roles.actor1.is_none() || a.roles.actor1 == b.roles.actor1;
        return a.sub_event == b.sub_event && a.frame == b.frame && actors;
    }
    // "A car bomb hit the camp, then the jihadists took control of it": the capture is what the
    // attack achieved, one incident.
    // Not the army's strikes days later to take it back: the same day, or a day untold.
    let captured = |x: &Draft, y: &Draft| {
        let same_day = x.date.is_none() || y.date.is_none() || dates_agree(x.date, y.date);
        x.frame == Frame::CaptureTerritory && y.frame.is_violent() && same_day
    };
    if marked!(captured(a, b) || captured(b, a), a_capture_is_what_the_attack_achieved) {
        return true;
    }
    let generic = |d: &Draft| matches!(d.frame, Frame::Attack | Frame::Clash | Frame::Kill | Frame::Ambush);
    ta == tb
        || ((generic(a) || generic(b)) && a.frame.is_violent() && b.frame.is_violent())
        || (street(ta) && street(tb))
}

/// The same event type (or the same sub-event type for strategic developments), a protest and
/// the riot it turned into counting as one.
fn types_agree_strictly(a: &Draft, b: &Draft) -> bool {
    let (ta, tb) = (a.sub_event.event_type(), b.sub_event.event_type());
    a.reference
        || b.reference
        || ta == tb
        || (street(ta) && street(tb))
        || a.frame.is_consequence()
        || b.frame.is_consequence()
}

/// An incident being assembled. Besides its drafts, it keeps them grouped by what [`fit`]
/// reads of a member, so that trying a draft against it costs the number of different kinds of
/// drafts it holds, not the number of drafts: one incident told again and again along a long
/// paragraph gathers thousands of drafts, all alike.
struct Cluster {
    /// Its drafts, in the order they joined.
    drafts: Vec<usize>,
    /// One draft of each kind (see [`same_kind`]) and how many of its drafts are of that kind.
    kinds: Vec<(usize, i32)>,
    /// How many of its drafts each block tells.
    blocks: FxHashMap<usize, i32>,
    /// The places of its drafts, by the sentence that tells them (their evidence).
    sentences: FxHashMap<Span, Vec<Option<u32>>>,
    /// A summary that covers this incident among others ("two strikes attributed to the army
    /// on Friday"): its doer and date serve when the incident's own drafts give none.
    summary: Option<usize>,
    /// Every draft is vague: an incident too vaguely told to stand alone, kept only so that a
    /// later reference to it ("this strike") does not land on another incident.
    vague: bool,
}

impl Cluster {
    /// A cluster of draft `i` alone.
    fn new(drafts: &[Draft], i: usize) -> Cluster {
        let mut cluster = Cluster {
            drafts: Vec::new(),
            kinds: Vec::new(),
            blocks: FxHashMap::default(),
            sentences: FxHashMap::default(),
            vague: drafts[i].vague,
            summary: None,
        };
        cluster.push(drafts, i);
        cluster
    }

    /// Draft `i` joins.
    fn push(&mut self, drafts: &[Draft], i: usize) {
        let d = &drafts[i];
        self.drafts.push(i);
        self.vague &= d.vague;
        match self.kinds.iter_mut().find(|(k, _)| same_kind(&drafts[*k], d)) {
            Some((_, count)) => *count += 1,
            None => self.kinds.push((i, 1)),
        }
        *self.blocks.entry(d.block).or_default() += 1;
        self.sentences.entry(d.evidence).or_default().push(d.place);
    }
}

/// Two drafts that [`fit`] and [`fit_loosely`] cannot tell apart as members of a cluster:
/// alike in everything they read of a member but its sentence and its block.
fn same_kind(a: &Draft, b: &Draft) -> bool {
    let key =
        |d: &Draft| (d.place, d.own_place, d.sub_event, d.frame, d.reference, d.summary, d.date, d.modality, d.ordinal);
    let roles = |d: &Draft| (d.roles.actor1, d.roles.actor2, d.roles.strength, d.source);
    key(a) == key(b) && roles(a) == roles(b)
}

/// How well draft `d` fits cluster `c`; `None` when it cannot be the same incident. Each
/// member adds its [`fit_member`] score, plus one when it is told in the same sentence or the
/// same block as `d` (a sentence lies in one block, so counting by block is enough).
fn fit(doc: &Doc<'_>, drafts: &[Draft], c: &Cluster, d: &Draft) -> Option<i32> {
    // Only "this"/"that" points back to an incident too vaguely told to stand alone; "the
    // attack" names the incident the story is about.
    if c.vague && !d.demonstrative {
        return None;
    }
    // "The second attack" is not the first one; "another attack" is none told before.
    if let Some(n) = d.ordinal.filter(|&n| n != 1) {
        if n == u8::MAX || !c.kinds.iter().any(|&(k, _)| drafts[k].ordinal == Some(n)) {
            cov_mark::hit!(an_ordinal_names_another_incident);
            return None;
        }
    }
    // Another place told in the same sentence is another incident; the country and a place in
    // it ("قتل 37 مدنيا غرب النيجر؛ في هجوم في منطقة تيلابيري") tell one.
    let country = |p: Option<u32>| p.is_some_and(|p| doc.place_kind(p) == PlaceKind::Country);
    let apart = |p: &Option<u32>| {
        *p != d.place
            && !marked!(
                (country(*p) || country(d.place)) && places_agree(doc, *p, d.place) == Some(true),
                a_country_and_a_place_in_it_in_one_sentence_tell_one_incident
            )
    };
    if c.sentences.get(&d.evidence).is_some_and(|places| places.iter().any(apart)) {
        return None;
    }
    let mut score = c.blocks.get(&d.block).copied().unwrap_or(0);
    let anaphora = points_back(drafts, c, d);
    let (mut loose, mut strict) = (false, false);
    for &(k, count) in &c.kinds {
        match fit_member(doc, &drafts[k], d, anaphora)? {
            Fit::Loose => loose = true,
            Fit::Score(s) => {
                strict |= drafts[k].frame.is_specific();
                score += count * s;
            }
        }
    }
    // "A strike on a market… the army said it targeted terrorists": the generic word of the
    // same sentence does not part a later retelling from the strike the incident was told as.
    if loose && !strict {
        return None;
    }
    if loose {
        cov_mark::hit!(a_generic_member_does_not_part_a_strict_retelling);
    }
    let anchored = score > 0 || d.anaphoric || d.zone.is_heading();
    anchored.then_some(score + i32::from(d.anaphoric) * 2)
}

/// How a member of a cluster fits a draft, when it may be the same incident.
enum Fit {
    /// It adds this to the cluster's fit.
    Score(i32),
    /// A member told with a generic word ("targeted", "attack") that nothing links to the draft:
    /// it does not part them if a member told with a specific word agrees.
    Loose,
}

/// What member `other` of a cluster adds to the fit of draft `d`, leaving out their sentences
/// and blocks; `None` when they cannot be the same incident. `anaphora`: `d` points back to
/// the cluster's incident ([`points_back`]).
fn fit_member(doc: &Doc<'_>, other: &Draft, d: &Draft, anaphora: bool) -> Option<Fit> {
    let mut score = 0;
    // The day a statement was made does not part it from the incident it tells, unless the
    // statement came before the incident ("announced in January" the toll of months before).
    let reported = other.report_date || d.report_date;
    let told_before = |report: &Draft, incident: &Draft| {
        report.report_date
            && !incident.report_date
            && report.date.zip(incident.date).is_some_and(|(r, i)| r.last_day() < i.first_day())
    };
    if marked!(told_before(other, d) || told_before(d, other), a_statement_made_before_an_incident_does_not_tell_it) {
        return None;
    }
    if !types_agree(other, d) || (!reported && !days_agree(other, d)) {
        return None;
    }
    // "Mali has faced attacks since 2012": history is not the news it is told beside.
    if other.background != d.background {
        cov_mark::hit!(history_never_joins_the_news);
        return None;
    }
    // "The incident took place on 25 June" may date an incident recalled without a day.
    let dates_it = d.reference && d.date.is_some();
    if (other.modality == Modality::Recalled) != (d.modality == Modality::Recalled) && !dates_it {
        let same_day = told_on_one_day(other, d);
        // ("four killed yesterday, a day after an attack that killed 14": the day read near the
        // recall is the news's; two tolls too far apart to be two accounts of one say two
        // incidents; "over 100" and "107" are one.)
        let tolls_differ = other.fatalities.zip(d.fatalities).is_some_and(|(a, b)| a.max(b) * 3 > a.min(b) * 4);
        if !same_day || marked!(tolls_differ, a_recalled_incident_with_another_toll_is_another) {
            return None;
        }
    }
    let own = |x: &Draft| x.place.filter(|_| x.own_place);
    // Two villages the base lacks, named differently, are two places though located at one unit.
    let village = |x: &Draft| x.unknown.filter(|_| x.own_place).map(|s| doc.text_of(s));
    if let (Some(a), Some(b)) = (village(other), village(d)) {
        if a != b {
            cov_mark::hit!(two_villages_the_base_lacks_are_two_places);
            return None;
        }
    }
    // "near Kobri" (a village the base lacks, placed in the country) and "near Bamako": a village
    // and a known town other than the unit it lies in are two places.
    let town = |x: &Draft| own(x).filter(|&p| x.unknown.is_none() && crate::fields::rank(doc, p) == 0);
    let apart = |v: &Draft, t: &Draft| village(v).is_some() && town(t).is_some_and(|p| Some(p) != v.place);
    if marked!(apart(other, d) || apart(d, other), a_village_the_base_lacks_and_another_town_are_two_places) {
        return None;
    }
    match places_agree(doc, own(other), own(d)) {
        // Two places of their own that disagree are two incidents, "the attack" or not.
        Some(false) => return None,
        Some(true) => score += if other.place == d.place { 3 } else { 2 },
        // ("Dimanche, des militaires ont été tués": placed only by the story so far, a mention
        // told on the day of another incident is that one's, wherever the story last was.)
        None if places_agree(doc, other.place, d.place) == Some(false)
            && !anaphora
            && !marked!(story_placed_on_its_day(other, d), a_mention_placed_by_the_story_goes_with_its_day) =>
        {
            return None
        }
        None => {}
    }
    let same_own_place = own(other).is_some() && own(other) == own(d);
    // The body retelling, by the same word, the incident the lede placed: "X attacked tankers near
    // Y" and then "the fighters attacked four tankers".
    let retold = d.story_place && !d.vague && own(other).is_some() && other.place == d.place && other.frame == d.frame;
    // "A patrol was ambushed near X. An IED exploded as it passed": the bomb told without a place
    // of its own is how the ambush was laid, one incident.
    let means = !d.own_place && {
        let pair = (other.frame, d.frame);
        matches!(pair, (Frame::Ambush, Frame::Ied) | (Frame::Ied, Frame::Ambush))
    };
    if means {
        cov_mark::hit!(a_bomb_told_after_an_ambush_is_its_means);
    }
    // A member placed only by the text before it (paragraph, story) does not veto a mention told
    // at that place with a place of its own ("the JNIM claims a large-scale attack", then
    // "mortar shells on the camp of Goundam").
    let placed_before = !other.own_place && own(d).is_some() && other.place == d.place;
    // "Sunday's attack took place near Kayes. More than 80 tankers were targeted.": a mention
    // placed by the paragraph's incident goes on telling it.
    // (A strike or a bomb told so is a reply or another incident: only generic words go on.)
    let goes_on = !d.own_place
        && !d.frame.is_specific()
        && own(other).is_some()
        && other.place == d.place
        && other.block == d.block;
    // "هجوم استهدف معسكرا في البلاد" then "هاجموا منطقة مطار سيفاري عبر تفجير سيارات مفخخة": a mention
    // placed only in the country is told again, more precisely, inside it.
    // One of the two placed only at a place of kind `kind`, the other at a place of another
    // kind inside it.
    let one_inside = |kind: PlaceKind| {
        let of_kind = |x: &Draft| x.place.is_some_and(|p| doc.place_kind(p) == kind);
        let within = |wide: &Draft, narrow: &Draft| {
            of_kind(wide) && !of_kind(narrow) && narrow.place.zip(wide.place).is_some_and(|(n, w)| doc.inside(n, w))
        };
        within(other, d) || within(d, other)
    };
    let violent = d.frame.is_violent() && other.frame.is_violent();
    let country_only =
        marked!(violent && one_inside(PlaceKind::Country), a_mention_placed_in_the_country_joins_one_told_inside_it);
    // "un convoi a été visé mercredi dans la région de Kidal", then "une attaque entre Anefis et
    // Aguelhoc" that day: a region told on the day, then a town inside it.
    let region_only = marked!(
        told_on_one_day(other, d) && violent && one_inside(PlaceKind::Region),
        a_mention_placed_in_a_region_on_its_day_joins_one_told_inside_it
    );
    // "X attacked the convoy; the army responded with strikes": a reply by the side attacked is
    // another incident, whoever it struck,
    // and whatever word each is told with.
    // (A riposte that kills the attackers on the spot is the same battle: only a reply of
    // another kind, the strikes after a ground attack, is another incident.)
    let replies = |x: &Draft, y: &Draft| {
        x.reply && x.roles.actor1.is_some() && x.roles.actor1 == y.roles.actor2 && x.sub_event != y.sub_event
    };
    if marked!(replies(d, other) || replies(other, d), a_reply_by_the_side_attacked_is_another_incident) {
        return None;
    }
    // "Two soldiers were killed in an attack" and "a mission hit an IED, killing 2": the same toll
    // told by a generic word and a specific one is one incident.
    // (Not nineteen soldiers and nineteen farmers: the same count of other victims.)
    let civilians =
        |x: &Draft| x.civilian_target || x.roles.actor2.is_some_and(|a| doc.actor_kind(a) == ActorKind::Civilians);
    let victims_agree = |x: &Draft, y: &Draft| !(civilians(x) && y.armed_target);
    let same_toll = other.fatalities.is_some_and(|f| f > 0)
        && other.fatalities == d.fatalities
        && victims_agree(other, d)
        && victims_agree(d, other);
    if placed_before && !(types_agree_strictly(other, d) || same_own_place || anaphora || retold || means) {
        cov_mark::hit!(a_member_placed_by_the_text_before_does_not_veto);
    }
    if !(types_agree_strictly(other, d)
        || same_own_place
        || anaphora
        || retold
        || means
        || placed_before
        || country_only
        || region_only
        || marked!(same_toll, a_generic_word_and_a_specific_one_with_one_toll_tell_one_incident)
        || marked!(goes_on, a_mention_placed_by_the_paragraph_s_incident_goes_on_telling_it))
    {
        return (!other.frame.is_specific() && !other.frame.is_consequence() && d.frame.is_specific())
            .then_some(Fit::Loose);
    }
    // "X attacked Y; Y struck back": roles swapped are two incidents.
    let swapped = |x: &Draft, y: &Draft| x.roles.actor1.is_some() && x.roles.actor1 == y.roles.actor2;
    if swapped(other, d) && swapped(d, other) {
        return None;
    }
    // "Civilians were killed by the militia" and "a militia post was attacked": the killers of
    // civilians attacked are another incident. No side tells of its own killing of civilians:
    // "the FLA said the shells struck herders" is the FLA's account of the strike on it.
    let own_account = |x: &Draft| x.roles.actor1.is_some_and(|a| x.source == Some(Source::Actor(a)));
    // "Eleven soldiers were killed in an attack in western Niger" and "141 people were
    // slaughtered in March in villages near Tillabéri": each with its own place and toll, one
    // of soldiers, the other of civilians, they are two incidents.
    let own_toll = |x: &Draft| x.own_place && x.fatalities.is_some_and(|f| f > 0) && !x.zone.is_heading();
    let victims_differ = own_toll(other)
        && own_toll(d)
        && other.fatalities != d.fatalities
        && other.civilian_target != d.civilian_target
        && other.armed_target != d.armed_target
        && !other.anaphoric
        && !d.anaphoric;
    if marked!(victims_differ, two_tolls_of_different_victims_are_two_incidents) {
        return None;
    }
    // "The latest attack", told again, points back whatever its roles read.
    let killers_attacked = |x: &Draft, y: &Draft| {
        swapped(x, y) && x.civilian_target && y.armed_target && !own_account(x) && !x.anaphoric && !y.anaphoric
    };
    if killers_attacked(other, d) || killers_attacked(d, other) {
        cov_mark::hit!(the_killers_of_civilians_attacked_is_another_incident);
        return None;
    }
    // Two different doers, each named by a claim or an agent: two incidents.
    if let (Some(a), Some(b)) = (other.roles.actor1, d.roles.actor1) {
        let sure = CLAIMED_STRENGTH;
        if a != b && other.roles.strength >= sure && d.roles.strength >= sure && other.source == d.source {
            return None;
        }
    }
    if other.date.is_some() && other.date == d.date {
        score += 2;
    }
    if same_toll {
        score += 2;
    }
    if other.sub_event == d.sub_event {
        score += 1;
    }
    // A mention placed by the story so far continues the incident told at that place.
    if d.story_place && other.own_place && other.place == d.place {
        score += 1;
    }
    // "Un élu local a dit qu'il y avait au moins 15 civils tués": a toll told with neither a
    // place nor a day of its own belongs to a violent incident told before.
    if d.frame.is_consequence() && !d.own_place && d.date.is_none() && other.frame.is_violent() {
        cov_mark::hit!(a_bare_toll_joins_the_incident_told);
        score += 1;
    }
    Some(Fit::Score(score))
}

/// Both drafts are dated to the same day.
fn told_on_one_day(a: &Draft, b: &Draft) -> bool {
    a.date.is_some_and(|x| x.day.is_some()) && a.date == b.date
}

/// One of the two drafts is placed only by the story so far and both are told on one day.
fn story_placed_on_its_day(a: &Draft, b: &Draft) -> bool {
    let by_the_story = |x: &Draft| x.story_place && !x.own_place;
    told_on_one_day(a, b) && (by_the_story(a) || by_the_story(b))
}

/// Draft `d` retells the incident of cluster `c`: "the attack" or "this strike" may retell any
/// violent incident, "the airstrikes" only one told with their own type (the army's strikes in
/// reply to an attack are another incident).
fn points_back(drafts: &[Draft], c: &Cluster, d: &Draft) -> bool {
    // "This strike" points back whatever the incident was told as; "the strikes" only names one.
    let kind_free = d.demonstrative || d.continues || d.reference || !d.frame.is_specific();
    // A toll or a reference in the cluster says nothing of its type.
    let same_type = |o: &Draft| !o.frame.is_consequence() && o.sub_event.event_type() == d.sub_event.event_type();
    let points = d.anaphoric && (kind_free || c.kinds.iter().any(|&(k, _)| same_type(&drafts[k])));
    if d.anaphoric && !points {
        cov_mark::hit!(a_definite_weapon_word_retells_only_its_own_type);
    }
    points
}

/// The cluster tells an incident of the same type inside the summary's place, on its day or,
/// `over_days`, in its month (a summary of violence spans days: "two strikes on Thursday and
/// Friday").
fn fit_loosely(doc: &Doc<'_>, drafts: &[Draft], c: &Cluster, d: &Draft, over_days: bool) -> bool {
    let spans = over_days && d.frame.is_violent();
    let month = |x: Option<Date>| x.map(|x| if spans { Date { day: None, ..x } } else { x });
    let recalled = |x: &Draft| x.modality == Modality::Recalled;
    // "Two strikes…", then "the first strike…", "the second…": the parts the summary announced,
    // whatever day each is given.
    let part = |o: &Draft| o.ordinal.is_some_and(|n| n != u8::MAX) && o.evidence.start > d.evidence.start;
    c.kinds.iter().map(|&(i, _)| &drafts[i]).any(|o| {
        !o.summary
            && recalled(o) == recalled(d)
            && types_agree(o, d)
            && places_agree(doc, o.place, d.place) != Some(false)
            && (dates_agree(month(o.date), month(d.date))
                || marked!(part(o), an_ordinal_tells_a_part_of_the_summary_before_it))
    })
}

/// Cluster the drafts of a document into events, in text order.
pub(crate) fn incidents(doc: &Doc<'_>, drafts: Vec<Draft>, trace: &mut Trace) -> Vec<Event> {
    let mut clusters: Vec<Cluster> = Vec::new();
    // Incidents told one by one first; summaries and headlines then join them.
    let late = |d: &Draft| d.zone.is_heading() || d.summary;
    let order: Vec<usize> = (0..drafts.len())
        .filter(|&i| !late(&drafts[i]))
        .chain((0..drafts.len()).filter(|&i| late(&drafts[i])))
        .collect();
    // A reference with a place and date of its own ("they took place on Sunday in A, B and C")
    // tells the incidents a summary announced ("three camps were attacked"): it stands for them.
    let mut summaries: Vec<(Option<u32>, Option<Date>)> =
        drafts.iter().filter(|s| s.summary).map(|s| (s.place, s.date)).collect();
    summaries.sort_unstable();
    summaries.dedup();
    let announced = |d: &Draft| {
        d.reference
            && d.own_place
            && summaries
                .iter()
                .any(|&(place, date)| places_agree(doc, place, d.place) != Some(false) && dates_agree(date, d.date))
    };
    // Some cluster that is not vague holds a draft of the body (not of a headline).
    let mut body_told = false;
    for i in order {
        let d = &drafts[i];
        let from = clusters.len().saturating_sub(WINDOW);
        let best = (from..clusters.len())
            .rev()
            .filter_map(|k| fit(doc, &drafts, &clusters[k], d).map(|s| (s, k)))
            .max_by_key(|(s, k)| (*s, *k));
        // A summary that fits several incidents told one by one is covered by them.
        if d.summary {
            let fitting = |over_days| {
                (from..clusters.len()).filter(|&k| fit_loosely(doc, &drafts, &clusters[k], d, over_days)).count()
            };
            let (on_its_days, on_its_day) = (fitting(true), fitting(false));
            if on_its_days >= 2 || (best.is_none() && on_its_day == 1) {
                cov_mark::hit!(summary_covered_by_single_incidents);
                let over_days = on_its_days >= 2;
                body_told |= spread_summary(doc, &drafts, &mut clusters[from..], i, over_days);
                trace.note(|| Note::Dropped { trigger: d.trigger, why: Dropped::Covered });
                continue;
            }
        }
        match best {
            Some((_, k)) => {
                if clusters[k].vague && !d.vague {
                    cov_mark::hit!(a_reference_joins_a_vague_incident);
                }
                let first = clusters[k].drafts[0];
                trace.note(|| Note::Joined { trigger: d.trigger, event_trigger: drafts[first].trigger, claim: false });
                clusters[k].push(&drafts, i);
                body_told |= !d.zone.is_heading() && !clusters[k].vague;
            }
            None if d.zone.is_heading() && body_told => {
                trace.note(|| Note::Dropped { trigger: d.trigger, why: Dropped::HeadlineAlone });
            }
            None if d.reference && announced(d) => {
                cov_mark::hit!(reference_tells_what_a_summary_announced);
                clusters.push(Cluster::new(&drafts, i));
                body_told |= !d.zone.is_heading();
            }
            // "This strike" with nothing before it to point to is dropped, unless it tells a toll.
            None if d.anaphoric && (d.reference || demonstrative(d)) && !tells_its_own_toll(d) => {
                trace.note(|| Note::Dropped { trigger: d.trigger, why: Dropped::Dangling })
            }
            None => {
                clusters.push(Cluster::new(&drafts, i));
                // A vague incident of the body, dropped unless told better later, leaves the
                // headline's to stand ("32 killed in an attack in Mali" over "the convoy was ambushed").
                body_told |= !d.zone.is_heading() && !d.vague;
            }
        }
    }
    // A page that tells one violent incident, asserted in its opening and vaguely only because
    // the page gives no day, place or doer ("اختطف مسلحون مجهولون رجل أعمال"), still tells it.
    let opening = |c: &&mut Cluster| {
        let opens = |d: &Draft| d.zone.is_heading() || d.zone == crate::zone::Zone::Lede;
        let violent = |d: &Draft| d.sub_event.event_type().is_violent();
        c.drafts.iter().any(|&i| opens(&drafts[i]) && violent(&drafts[i]) && drafts[i].modality == Modality::Asserted)
    };
    if !clusters.iter().any(|c| !c.vague) {
        if let Some(c) = clusters.iter_mut().find(|c| opening(c)) {
            cov_mark::hit!(the_one_incident_a_page_opens_with_is_told_however_vaguely);
            c.vague = false;
        }
    }
    for c in clusters.iter().filter(|c| c.vague) {
        trace.note(|| Note::Dropped { trigger: drafts[c.drafts[0]].trigger, why: Dropped::Vague });
    }
    let told: Vec<&Cluster> = clusters.iter().filter(|c| !c.vague).collect();
    let mut events: Vec<Event> = told.iter().map(|c| resolve(doc, &drafts, c)).collect();
    rest_of_summary_tolls(&drafts, &told, &mut events, trace);
    claims_cover_the_story(doc, &drafts, &mut events, trace);
    events.sort_by_key(|e| (e.background, e.evidence.start));
    events
}

/// "Thirteen killed in two strikes", then "six were killed in the second": the first strike
/// killed the rest. Only when every incident the summary covers but one gives its toll and the
/// summary counts victims, not attackers.
fn rest_of_summary_tolls(drafts: &[Draft], clusters: &[&Cluster], events: &mut [Event], trace: &mut Trace) {
    let mut summaries: Vec<usize> = clusters.iter().filter_map(|c| c.summary).collect();
    summaries.sort_unstable();
    summaries.dedup();
    for i in summaries {
        let s = &drafts[i];
        let Some(total) = s.fatalities.filter(|_| !s.attackers_toll && !s.toll_floor) else { continue };
        let parts: Vec<usize> = (0..clusters.len()).filter(|&k| clusters[k].summary == Some(i)).collect();
        let untold: Vec<usize> = parts.iter().copied().filter(|&k| events[k].fatalities.is_none()).collect();
        let known: u64 = parts.iter().filter_map(|&k| events[k].fatalities).sum();
        if let ([k], true) = (untold.as_slice(), parts.len() >= 2 && known < total) {
            cov_mark::hit!(the_rest_of_a_summary_s_toll_is_the_untold_incident_s);
            events[*k].fatalities = Some(total - known);
            let (trigger, summary, fatalities) = (events[*k].trigger, s.trigger, total - known);
            trace.note(|| Note::RestOfToll { trigger, summary, fatalities });
        }
    }
}

/// Summary draft `i` is covered by the incidents told one by one: those told only by
/// references take its type and roles (it joins them); the others keep it for the doer and the
/// date they lack ("two strikes attributed to the army on Friday"). True when it joined one.
fn spread_summary(doc: &Doc<'_>, drafts: &[Draft], clusters: &mut [Cluster], i: usize, over_days: bool) -> bool {
    let d = &drafts[i];
    let mut joined = false;
    for cluster in clusters.iter_mut().filter(|c| fit_loosely(doc, drafts, c, d, over_days)) {
        if cluster.kinds.iter().all(|&(j, _)| drafts[j].reference) {
            cluster.push(drafts, i);
            joined |= !d.zone.is_heading();
        } else if cluster.summary.is_none() {
            cluster.summary = Some(i);
        }
    }
    joined
}

/// "Des dizaines de terroristes ont été neutralisés dans cette frappe" with nothing before it to
/// point to: the text told the strike without an incident word, and this sentence gives its toll.
fn tells_its_own_toll(d: &Draft) -> bool {
    marked!(
        d.fatalities.is_some() && !d.reference && d.zone == crate::zone::Zone::Body,
        a_pointer_with_a_toll_of_its_own_stands
    )
}

/// Told with "this"/"these", not merely with a definite article.
fn demonstrative(d: &Draft) -> bool {
    d.demonstrative
}

/// The event a cluster of drafts tells.
fn resolve(doc: &Doc<'_>, drafts: &[Draft], c: &Cluster) -> Event {
    let members: Vec<&Draft> = c.drafts.iter().map(|&i| &drafts[i]).collect();
    let body: Vec<&Draft> = members.iter().copied().filter(|d| !d.zone.is_heading()).collect();
    let pool = if body.is_empty() { &members } else { &body };
    // What "the attackers" did next neither types nor places the incident.
    let told: Vec<&Draft> = pool.iter().copied().filter(|d| !d.reference && !d.summary && !d.continues).collect();
    let pool = if told.is_empty() { pool } else { &told };
    // "Three Chinese nationals were kidnapped… armed men attacked a construction site": an attack
    // on no armed side that took people is their abduction.
    let armed = members.iter().any(|d| d.armed_target);
    let rank = |d: &Draft| {
        let took_people = d.frame == Frame::Abduct && !armed;
        if took_people && pool.iter().any(|o| o.frame == Frame::Attack) {
            cov_mark::hit!(an_attack_on_civilians_that_took_people_is_their_abduction);
        }
        // "Soldiers captured during the attack on the camp": taking soldiers in a fight is part
        // of the battle, which gives the type.
        let fight = |o: &&Draft| matches!(o.frame, Frame::Attack | Frame::Clash | Frame::Ambush);
        let soldiers_taken = d.frame == Frame::Abduct && d.armed_target && pool.iter().any(fight);
        if marked!(soldiers_taken, soldiers_taken_in_a_fight_are_part_of_the_battle) {
            return specificity(Frame::Attack) - 1;
        }
        // The camp taken after the car bomb: the capture says what the incident was.
        if d.frame == Frame::CaptureTerritory && pool.iter().any(|o| o.frame.is_violent() && o.frame != d.frame) {
            cov_mark::hit!(a_capture_types_the_attack_that_achieved_it);
            return specificity(Frame::SuicideBomb) + 1;
        }
        // ("une attaque par drone": a generic word typed by its weapon says as much as a specific one.)
        let weapon_typed = d.sub_event.event_type() == EventType::Explosions && !d.frame.is_specific();
        if weapon_typed {
            cov_mark::hit!(a_generic_word_typed_by_its_weapon_leads_as_a_specific_one);
            return specificity(Frame::Airstrike);
        }
        specificity(d.frame) + u8::from(took_people)
    };
    let lead = *pool
        .iter()
        .max_by_key(|d| (rank(d), d.roles.actor2.is_some(), std::cmp::Reverse(d.evidence.start)))
        .unwrap_or(&members[0]);
    let placed = members
        .iter()
        .filter(|d| !d.continues || d.own_place)
        // At the same rank, a mention that names a village the base lacks says more than one
        // placed at the village's unit only ("la localité de Takoubatt" near Tondikiwindi), even
        // when its unit was ruled out and it stands in the country ("en X à 188 km de Bamako").
        .min_by_key(|d| {
            let names_a_village = d.unknown.is_some();
            (place_rank(doc, d.place), !names_a_village, d.zone.is_heading(), d.precision, d.evidence.start)
        })
        .unwrap_or(&lead);
    let dated = members
        .iter()
        .filter(|d| d.date.is_some())
        .min_by_key(|d| (d.report_date, d.zone.is_heading(), d.time_precision, d.relative_date, d.evidence.start))
        .copied()
        .or_else(|| {
            let told = c.summary.map(|i| &drafts[i]).filter(|s| s.date.is_some());
            if told.is_some() {
                cov_mark::hit!(a_summary_dates_the_incidents_it_sums_up);
            }
            told
        });
    let soldiers = members.iter().find(|d| d.armed_target).and_then(|d| d.roles.actor2);
    let target = std::iter::once(&lead).chain(members.iter()).find(|d| d.roles.actor2.is_some() && !d.continues);
    // The side the lead mention targets is not the incident's doer, though a mention of its
    // response (a sweep, "the army repelled", "28 terrorists were neutralised") names it as one;
    // nor are the soldiers another mention tells attacked.
    let targeted = lead.roles.actor2;
    // The soldiers a mention of its own tells attacked (a retelling, "the latest attack", may
    // read a side of the next clause as its target).
    let attacked =
        members.iter().find(|d| d.armed_target && (!d.anaphoric || d.continues)).and_then(|d| d.roles.actor2);
    // "Car bombs killed ten civilians …; the army then neutralised 28 terrorists": who killed the
    // attackers of a ground attack that killed others answered it. (From the air, the striker
    // may be both.)
    let answered = |d: &Draft| {
        d.attackers_toll
            && !lead.attackers_toll
            && lead.fatalities.is_some()
            && lead.roles.actor2.is_some()
            && !matches!(lead.frame, Frame::Airstrike | Frame::Shelling)
    };
    let doer = members
        .iter()
        .filter(|d| d.roles.actor1.is_some_and(|a| Some(a) != targeted))
        .filter(|d| {
            !marked!(d.roles.actor1.is_some() && d.roles.actor1 == attacked, the_soldiers_attacked_are_not_the_doer)
        })
        .filter(|d| !marked!(answered(d), who_killed_the_attackers_answered_the_attack))
        .max_by(|a, b| a.roles.strength.total_cmp(&b.roles.strength));
    if doer.is_none() && members.iter().any(|d| d.roles.actor1.is_some()) {
        cov_mark::hit!(the_target_of_an_incident_is_not_its_doer);
    }
    let (fatalities, claims) = tolls(&members);
    // "21 killed" told alone, and "strikes by drones killed 21" as the summary it answers to: the
    // summary says what kind of incident the deaths were.
    let summary_kind = c.summary.map(|i| &drafts[i]).filter(|s| {
        s.frame.is_specific() && members.iter().all(|d| d.frame.is_consequence() || !d.frame.is_specific())
    });
    let sub_event = match summary_kind {
        Some(s) if marked!(!lead.frame.is_specific(), a_summary_types_the_deaths_it_sums_up) => s.sub_event,
        _ => sub_event_of(lead, &members, fatalities),
    };
    let disputed = !claims.is_empty();
    let date = dated.and_then(|d| d.date);
    let actor1 = doer.and_then(|d| d.roles.actor1).or_else(|| {
        let summary_doer = c.summary.and_then(|i| drafts[i].roles.actor1);
        let inherited = summary_doer.filter(|a| Some(*a) != target.and_then(|d| d.roles.actor2));
        if inherited.is_some() {
            cov_mark::hit!(a_summary_names_the_doer_of_its_incidents);
        }
        inherited
    });
    Event {
        sub_event,
        frame: lead.frame,
        actor1,
        actor2: (if sub_event.event_type() == EventType::Battles { soldiers } else { None })
            .or_else(|| target.and_then(|d| d.roles.actor2))
            .or_else(|| civilians_by_definition(doc, sub_event))
            .filter(|a| Some(*a) != actor1),
        place: placed.place,
        unknown_place: placed.unknown,
        geo_precision: if placed.place.is_some() { placed.precision } else { 3 },
        date,
        time_precision: dated.map_or(Precision::Coarser, |d| d.time_precision),
        fatalities,
        evidence: lead.evidence,
        trigger: lead.trigger,
        attributed_to: members.iter().find_map(|d| d.source),
        foiled: members.iter().any(|d| d.foiled),
        claims,
        disputed,
        background: dated.is_some_and(|d| d.background),
        confidence: confidence(lead, members.len(), date.is_some(), placed.place.is_some()),
        mentions: {
            let mut spans: Vec<_> = members.iter().map(|d| d.evidence).collect();
            spans.sort_by_key(|s| (s.start, s.end));
            spans.dedup();
            spans
        },
    }
}

/// "X claimed the attacks": when the document's claims of responsibility name one armed group
/// (or, without claims, one armed group is the doer of all the incidents that name a doer), the
/// violent incidents it tells without a doer are that group's.
fn claims_cover_the_story(doc: &Doc<'_>, drafts: &[Draft], events: &mut [Event], trace: &mut Trace) {
    let armed = |a: &u32| doc.actor_kind(*a) == marsad_kb::ActorKind::ArmedGroup;
    let claimed: Vec<u32> = drafts.iter().filter(|d| d.claimed).filter_map(|d| d.roles.actor1).collect();
    let doers: Vec<u32> = if claimed.is_empty() {
        events.iter().filter(|e| e.event_type().is_violent()).filter_map(|e| e.actor1).collect()
    } else {
        claimed
    };
    let Some(&claimant) = doers.first() else { return };
    if doers.iter().any(|c| *c != claimant) || !armed(&claimant) {
        return;
    }
    // "No group has claimed the kidnappings so far": the doer of another incident is not lent.
    if marked!(doc.any(List::NoClaim, 0..doc.tokens.len()), nobody_claimed_lends_no_doer) {
        return;
    }
    // An air strike is the armed group's only when it claims one: its claim of another kind of
    // incident leaves the strikes (usually the state's) without a doer.
    let claimed_strike = drafts.iter().any(|d| d.claimed && d.sub_event == SubEvent::AirDroneStrike);
    let covered = |e: &Event| claimed_strike || e.sub_event != SubEvent::AirDroneStrike;
    // Property burnt or looted ("un bus a été incendié") is the armed group's too.
    let covers = |e: &Event| e.event_type().is_violent() || e.sub_event == SubEvent::Looting;
    for event in events.iter_mut().filter(|e| e.actor1.is_none() && covers(e) && !e.background) {
        if !covered(event) {
            continue;
        }
        if event.actor2 == Some(claimant) || doc.actor_kind(claimant) == marsad_kb::ActorKind::Civilians {
            continue;
        }
        cov_mark::hit!(claim_covers_an_incident_without_doer);
        event.actor1 = Some(claimant);
        trace.note(|| Note::Roles { trigger: event.trigger, actor1: event.actor1, actor2: event.actor2 });
    }
}

/// The draft tells the incident by itself: not a headline's or a summary's word for it, whose
/// toll counts only when nothing else gives one.
fn told_by_itself(d: &Draft) -> bool {
    !d.zone.is_heading() && !d.summary
}

/// The toll of an incident and the claims of sources that give another one: per source its
/// first figure or a higher one told as a rise, across sources the lowest (ACLED's
/// conservative rule).
fn tolls(members: &[&Draft]) -> (Option<u64>, Vec<Claim>) {
    // The victims and the attackers killed are counted apart and added (ACLED counts everyone
    // killed in the incident); each count is read across sources on its own.
    // A headline's or a summary's toll of attackers ("30 militants killed in an attack") is not
    // added to the body's toll of everyone ("30 militants and 3 soldiers were killed").
    let told = members.iter().any(|d| told_by_itself(d) && d.fatalities.is_some());
    let headline_attackers = members.iter().any(|d| !told_by_itself(d) && d.attackers_toll && d.fatalities.is_some());
    if told && headline_attackers {
        cov_mark::hit!(a_headline_s_toll_of_attackers_is_not_added_to_the_body_s);
    }
    let counted = members.iter().copied().filter(|d| !told || told_by_itself(d));
    // An air or drone strike kills whom it strikes: "21 terrorists neutralised" for the army and
    // "21 civilians killed" for the rebels are the same dead told by two sides, not two tolls.
    // (Every toll told of a strike: not the drones the army sent after a ground attack.)
    let strike = members
        .iter()
        .filter(|d| d.fatalities.is_some())
        .all(|d| d.sub_event == SubEvent::AirDroneStrike || d.frame == Frame::Kill)
        && members.iter().any(|d| d.sub_event == SubEvent::AirDroneStrike);
    let attackers_apart =
        |d: &&Draft| d.attackers_toll && !marked!(strike, a_strike_s_dead_are_one_toll_whoever_tells_them);
    let (attackers, victims): (Vec<&Draft>, Vec<&Draft>) = counted.partition(attackers_apart);
    let (victims_toll, claims) = toll_of(&victims);
    let (attackers_toll, attacker_claims) = toll_of(&attackers);
    // "10 civilians, 3 soldiers and 88 militants were killed", then "28 terrorists were
    // neutralised": the first toll is already everyone's.
    let everyone = victims.iter().any(|d| d.toll_with_attackers && d.fatalities.is_some());
    let attackers_toll = attackers_toll.filter(|_| !marked!(everyone, a_toll_of_everyone_takes_no_more_attackers));
    if victims_toll.is_some() && attackers_toll.is_some() {
        cov_mark::hit!(attackers_killed_add_to_the_victims);
    }
    let total = match (victims_toll, attackers_toll) {
        (Some(v), Some(a)) => Some(v + a),
        (v, a) => v.or(a),
    };
    (total, if claims.is_empty() { attacker_claims } else { claims })
}

/// The toll of one group of the dead across the drafts that count it: per source its first
/// figure or a higher one told as a rise, across sources the lowest, and the sources that
/// differ as claims.
fn toll_of(members: &[&Draft]) -> (Option<u64>, Vec<Claim>) {
    let mut by_source: Vec<(Option<Source>, u64, &Draft)> = Vec::new();
    // A summary's total belongs to no single incident; a headline's toll counts when nothing else gives one.
    let alone = !members.iter().any(|d| told_by_itself(d) && d.fatalities.is_some())
        && (members.len() == 1 || !members.iter().any(|d| d.summary));
    // In the order of the text: a source's first figure is the one it gave first.
    let mut counting: Vec<&&Draft> = members.iter().filter(|d| told_by_itself(d) || alone).collect();
    counting.sort_by_key(|d| d.trigger.start);
    // "…mowed down 19 men, adding that the driver was also killed": more victims, not an estimate.
    let (added, counting): (Vec<&&Draft>, Vec<&&Draft>) = counting.into_iter().partition(|d| d.toll_added);
    let more: u64 = added.iter().filter_map(|d| d.fatalities).sum();
    for d in counting {
        let Some(value) = d.fatalities else { continue };
        match by_source.iter_mut().find(|(s, _, _)| *s == d.source) {
            // "over 100 soldiers", then "killing 107": a source's first figure stands unless a
            // later one is told as a rise ("the toll rose to 28").
            // ("عشرات المسلحين", then "ما لا يقل عن 20 مسلحا": its figure for the dozens it first gave.)
            Some(entry)
                if value > entry.1
                    && (entry.0.is_none()
                        || marked!(d.toll_rose, a_source_s_toll_changes_only_by_a_rise)
                        || marked!(entry.2.toll_floor && !d.toll_floor, a_source_s_figure_replaces_its_floor)
                        || (entry.2.toll_earlier && !d.toll_earlier)) =>
            {
                entry.1 = value;
                entry.2 = d;
            }
            Some(_) => {}
            None => by_source.push((d.source, value, d)),
        }
    }
    // "JNIM claims several dozen soldiers killed; local sources speak of about fifty": a floor of
    // tens gives way to any source's figure (and stays a claim beside it).
    let figured = by_source.iter().any(|(_, _, d)| !d.toll_floor);
    let floors = by_source.iter().any(|(_, _, d)| d.toll_floor);
    // "Earlier, Reuters cited witnesses saying more than 20 were killed": a figure told as an
    // earlier one gives way to the others (and stays a claim beside them).
    let current = by_source.iter().any(|(_, _, d)| !d.toll_earlier);
    let counts = |d: &Draft| {
        (!figured || !marked!(floors && d.toll_floor, a_floor_of_tens_gives_way_to_a_figure))
            && !marked!(current && d.toll_earlier, an_earlier_toll_gives_way_to_a_later_one)
    };
    let lowest = by_source.iter().filter(|(_, _, d)| counts(d)).map(|(_, v, _)| *v).min();
    let lowest = if marked!(more > 0 && lowest.is_some(), victims_told_as_also_killed_add_to_the_toll) {
        lowest.map(|v| v + more)
    } else {
        lowest.or((more > 0).then_some(more))
    };
    let sources = by_source.iter().filter(|(s, _, _)| s.is_some()).count();
    let claims = if by_source.len() > 1 && sources >= 1 && by_source.iter().any(|(_, v, _)| Some(*v) != lowest) {
        by_source
            .iter()
            .map(|(source, value, d)| Claim {
                source: *source,
                fatalities: Some(*value),
                actor1: d.roles.actor1,
                evidence: d.evidence,
            })
            .collect()
    } else {
        Vec::new()
    };
    (lowest, claims)
}

/// The sub-event type of the incident: the lead draft's, with what the whole incident tells.
fn sub_event_of(lead: &Draft, members: &[&Draft], fatalities: Option<u64>) -> SubEvent {
    let civilians = members.iter().any(|d| d.civilian_target);
    // Soldiers among the targets (an escorted convoy): armed actors on both sides fought. Not
    // those "this attack" finds beside it with no dead of theirs ("يأتي هذا الهجوم في وقت تنفذ
    // فيه قوات الأمن عملية…"); "two soldiers were killed in this attack" still counts.
    let pointing_back = |d: &&&Draft| d.demonstrative && !d.continues && d.fatalities.is_none();
    let targets_soldiers = |d: &&&Draft| d.roles.military_target.is_some() || d.armed_target;
    let soldiers = members
        .iter()
        .filter(|d| !marked!(pointing_back(d) && targets_soldiers(d), a_mention_pointing_back_names_no_soldiers))
        .any(|d| targets_soldiers(&d));
    // An attack told without its target, whose other mentions name only civilians (trucks set
    // on fire), was an attack on them.
    let untargeted = lead.sub_event == SubEvent::ArmedClash
        && lead.roles.actor2.is_none()
        && matches!(lead.frame, Frame::Attack | Frame::Ambush);
    let base = if untargeted && civilians && !soldiers {
        cov_mark::hit!(an_untargeted_attack_takes_its_civilian_targets);
        SubEvent::Attack
    } else {
        lead.sub_event
    };
    match base {
        SubEvent::Attack if soldiers && lead.frame != Frame::Execute => {
            cov_mark::hit!(soldiers_among_the_targets_make_a_battle);
            SubEvent::ArmedClash
        }
        SubEvent::Abduction if fatalities.is_some_and(|f| f > 0) && members.iter().any(|d| d.frame == Frame::Kill) => {
            SubEvent::Attack
        }
        SubEvent::Looting if fatalities.is_some_and(|f| f > 0) && civilians => SubEvent::Attack,
        SubEvent::PeacefulProtest if members.iter().any(|d| d.frame == Frame::Riot) => {
            cov_mark::hit!(a_protest_that_turned_violent_is_a_riot);
            SubEvent::ViolentDemonstration
        }
        // Trucks set on fire with nobody reported hurt or taken: property destruction.
        SubEvent::Attack
            if civilians
                && fatalities.is_none_or(|f| f == 0)
                && members.iter().any(|d| d.burned)
                && !members.iter().any(|d| matches!(d.frame, Frame::Kill | Frame::Abduct | Frame::Execute)) =>
        {
            cov_mark::hit!(burnt_property_without_victims_is_looting);
            SubEvent::Looting
        }
        other => other,
    }
}

/// Violence against civilians targets civilians by definition (ACLED's): when the text names no
/// target ("a journalist was abducted"), they are the event's actor2.
fn civilians_by_definition(doc: &Doc<'_>, sub_event: SubEvent) -> Option<u32> {
    if sub_event.event_type() != EventType::ViolenceAgainstCivilians {
        return None;
    }
    cov_mark::hit!(violence_against_civilians_targets_civilians);
    doc.kb.actor_index("civilians")
}

fn confidence(lead: &Draft, mentions: usize, dated: bool, placed: bool) -> f32 {
    let mut c: f32 = 0.35;
    c += if lead.roles.actor1.is_some() { 0.2 } else { 0.0 };
    c += if placed { 0.15 } else { 0.0 };
    c += if dated { 0.1 } else { 0.0 };
    c += if lead.frame.is_specific() { 0.1 } else { 0.0 };
    c += if mentions > 1 { 0.05 } else { 0.0 };
    c.min(0.95)
}
