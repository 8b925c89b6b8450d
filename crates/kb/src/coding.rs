//! The typed contract between the event coder and its data: ACLED's taxonomy, the trigger
//! frames, the word lists code reads, the role scorer's features and weights, and which
//! affiliate of an organisation acts in which country.
//!
//! Code names these by enum variant, never by string: the loader resolves every variant once
//! and fails, naming the file, when the data lack one, so a typo can no longer silently switch
//! a rule off.

use std::fmt;

/// Declares a fieldless enum whose variants have fixed names in the data files.
macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant,)+ }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The name used in the data files and the output.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }

            /// The variant of a name, if any.
            pub fn from_name(name: &str) -> Option<$name> {
                match name { $($text => Some($name::$variant),)+ _ => None }
            }

            /// Position in [`Self::ALL`].
            pub fn index(self) -> usize {
                self as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

named_enum! {
    /// ACLED's six event types.
    EventType {
        /// Armed, organised groups fight.
        Battles = "Battles",
        /// Air strikes, shelling, explosives.
        Explosions = "Explosions/Remote violence",
        /// Organised armed actors against unarmed people.
        ViolenceAgainstCivilians = "Violence against civilians",
        /// Demonstrations without violence by the demonstrators.
        Protests = "Protests",
        /// Violent demonstrations and mobs.
        Riots = "Riots",
        /// Non-violent but significant developments.
        StrategicDevelopments = "Strategic developments",
    }
}

named_enum! {
    /// ACLED's twenty-five sub-event types.
    SubEvent {
        /// Both sides active.
        ArmedClash = "Armed clash",
        /// The state takes a place back by fighting.
        GovernmentRegainsTerritory = "Government regains territory",
        /// A non-state group takes a place by fighting.
        NonStateOvertakesTerritory = "Non-state actor overtakes territory",
        /// A chemical agent used as a weapon.
        ChemicalWeapon = "Chemical weapon",
        /// Aircraft, helicopter or drone.
        AirDroneStrike = "Air/drone strike",
        /// The attacker dies detonating.
        SuicideBomb = "Suicide bomb",
        /// Mortars, artillery, rockets, missiles.
        Shelling = "Shelling/artillery/missile attack",
        /// Planted or remotely triggered devices.
        RemoteExplosive = "Remote explosive/landmine/IED",
        /// Thrown explosives.
        Grenade = "Grenade",
        /// Sexual violence by an organised armed actor.
        SexualViolence = "Sexual violence",
        /// Attacks on unarmed civilians.
        Attack = "Attack",
        /// Kidnapping, hostage taking, disappearance.
        Abduction = "Abduction/forced disappearance",
        /// A peaceful protest left alone.
        PeacefulProtest = "Peaceful protest",
        /// A protest dispersed or blocked without serious force.
        ProtestWithIntervention = "Protest with intervention",
        /// Lethal or grossly disproportionate force against protesters.
        ExcessiveForce = "Excessive force against protesters",
        /// Demonstrators use violence.
        ViolentDemonstration = "Violent demonstration",
        /// A crowd, not an organised group, commits violence.
        MobViolence = "Mob violence",
        /// Ceasefires, deals, exchanges.
        Agreement = "Agreement",
        /// Politically significant arrests.
        Arrests = "Arrests",
        /// Mergers, splits, new leaders, restrictions imposed.
        ChangeToGroup = "Change to group/activity",
        /// An attack or weapon prevented.
        DisruptedWeapons = "Disrupted weapons use",
        /// A base set up without fighting.
        BaseEstablished = "Headquarters or base established",
        /// Property looted or destroyed without a clash or casualties.
        Looting = "Looting/property destruction",
        /// A place changes hands without fighting.
        NonViolentTransfer = "Non-violent transfer of territory",
        /// Any other significant development.
        Other = "Other",
    }
}

impl SubEvent {
    /// The event type this sub-event type belongs to.
    pub fn event_type(self) -> EventType {
        use SubEvent::*;
        match self {
            ArmedClash | GovernmentRegainsTerritory | NonStateOvertakesTerritory => EventType::Battles,
            ChemicalWeapon | AirDroneStrike | SuicideBomb | Shelling | RemoteExplosive | Grenade => {
                EventType::Explosions
            }
            SexualViolence | Attack | Abduction => EventType::ViolenceAgainstCivilians,
            PeacefulProtest | ProtestWithIntervention | ExcessiveForce => EventType::Protests,
            ViolentDemonstration | MobViolence => EventType::Riots,
            Agreement | Arrests | ChangeToGroup | DisruptedWeapons | BaseEstablished | Looting | NonViolentTransfer
            | Other => EventType::StrategicDevelopments,
        }
    }
}

impl EventType {
    /// Political violence: what indicators of conflict count.
    pub fn is_violent(self) -> bool {
        matches!(self, EventType::Battles | EventType::Explosions | EventType::ViolenceAgainstCivilians)
    }
}

named_enum! {
    /// A kind of incident a trigger word evokes; the taxonomy maps it to a sub-event type.
    Frame {
        /// A generic attack.
        Attack = "attack",
        /// An ambush.
        Ambush = "ambush",
        /// Fighting between two sides.
        Clash = "clash",
        /// Only a death is reported.
        Kill = "kill",
        /// Killing of people held or captured.
        Execute = "execute",
        /// Kidnapping, hostage taking.
        Abduct = "abduct",
        /// Hostages or prisoners freed.
        Release = "release",
        /// Burning or looting property.
        BurnLoot = "burn_loot",
        /// Roadside bombs, mines.
        Ied = "ied",
        /// Air or drone strikes.
        Airstrike = "airstrike",
        /// Artillery, mortars, rockets.
        Shelling = "shelling",
        /// Suicide attacks.
        SuicideBomb = "suicide_bomb",
        /// Grenades.
        Grenade = "grenade",
        /// Rape and sexual violence.
        SexualViolence = "sexual_violence",
        /// Seizing a place.
        CaptureTerritory = "capture_territory",
        /// Retaking a place.
        RetakeTerritory = "retake_territory",
        /// Leaving or handing over a place.
        Withdraw = "withdraw",
        /// Demonstrations.
        Protest = "protest",
        /// Violent demonstrations.
        Riot = "riot",
        /// Arrests and detentions.
        Arrest = "arrest",
        /// Agreements, truces.
        Agreement = "agreement",
        /// Blockades and sieges.
        Blockade = "blockade",
        /// Troop deployments.
        Deploy = "deploy",
        /// Bases set up.
        Base = "base",
        /// Evacuations and departures ordered.
        Evacuate = "evacuate",
        /// Curfews, bans, states of emergency, expulsions.
        AnnounceMeasure = "announce_measure",
        /// Attacks or weapons prevented.
        DisruptWeapons = "disrupt_weapons",
        /// Chemical weapons.
        Chemical = "chemical",
        /// People fleeing.
        Displacement = "displacement",
    }
}

impl Frame {
    /// Frames that name the weapon or the act precisely: they win over a generic attack.
    pub fn is_specific(self) -> bool {
        use Frame::*;
        matches!(
            self,
            DisruptWeapons | SuicideBomb | Chemical | Ied | Airstrike | Shelling | Grenade | SexualViolence | Execute
        )
    }

    /// Frames that only report a consequence of an incident told by another word.
    pub fn is_consequence(self) -> bool {
        matches!(self, Frame::Kill | Frame::BurnLoot | Frame::Displacement)
    }

    /// Violent frames, whose incidents the text usually tells once with several words.
    pub fn is_violent(self) -> bool {
        use Frame::*;
        matches!(
            self,
            Attack
                | Ambush
                | Clash
                | Kill
                | Execute
                | Abduct
                | Ied
                | Airstrike
                | Shelling
                | SuicideBomb
                | Grenade
                | SexualViolence
                | CaptureTerritory
                | RetakeTerritory
                | Chemical
        )
    }
}

named_enum! {
    /// A word list of `data/lexicon/` that code reads.
    List {
        /// Trigger words with their frame as role (`events-triggers.jsonl`).
        EventTriggers = "event-triggers",
        /// Hypothetical, feared or expected events.
        Speculation = "speculation",
        /// Negation right before a trigger.
        Negation = "negation",
        /// Negation words that do not negate (لا سيما).
        NegationExceptions = "negation-exceptions",
        /// Analysis and commentary.
        Analysis = "analysis",
        /// A rise or series of incidents, not one incident.
        Trend = "trend",
        /// Repeated or habitual action (often, regularly).
        Habitual = "habitual",
        /// Words that recall an earlier incident (after a similar attack).
        Recall = "recall",
        /// Report verbs and phrases (said, according to).
        Attribution = "attribution",
        /// The report phrases that are prepositions (according to, selon, وفقا ل): the name after
        /// them is only the source, never the subject of what they report.
        SourcePrepositions = "source-prepositions",
        /// Claims of responsibility.
        ClaimResponsibility = "claim-responsibility",
        /// The text says nobody has claimed ("no group has claimed", "aucune revendication").
        NoClaim = "no-claim",
        /// Verbs of documenting, condemning, denouncing.
        Condemn = "condemn",
        /// Verbs of describing or qualifying ("وصف", "a qualifié", "described"): the incident
        /// they describe was told already.
        Describing = "describing",
        /// A prevented attack.
        Foiled = "foiled",
        /// Words of death next to counts.
        Fatality = "fatality",
        /// A victim noun in the singular: a death word next to it counts one.
        SingularVictims = "singular-victims",
        /// A death told in the singular ("لقي مصرعه", "a été tué", "was killed"): one dead when
        /// nothing counts them.
        SingularDeaths = "singular-deaths",
        /// Two victims named by an Arabic dual, unambiguous (جنديان, شخصين, امرأتان; not مدنيين,
        /// which is also a plural): two dead next to a death word.
        DualVictims = "dual-victims",
        /// Between a reporter and what it reports, words that make the reporter the doer (أنه, avoir).
        SelfReference = "self-reference",
        /// Words of injury next to counts.
        Injury = "injury",
        /// Nobody was hurt.
        NoCasualties = "no-casualties",
        /// A quantifier with no figure that makes an incident word a kind of incident ("de
        /// nombreuses attaques", "numerous attacks", "العديد من الهجمات").
        GenericQuantifiers = "generic-quantifiers",
        /// Words counting occurrences after a number ("three times", "à trois reprises", "ثلاث
        /// مرات"), or a dual that needs none (role `dual`, "مرتين"): the incident word before them
        /// tells several incidents.
        TimesWords = "times-words",
        /// The office an official holds, or the authorities that sit there, right before the place
        /// that is its seat ("gouverneur de", "mayor of", "رئيس بلدية", "les autorités de
        /// Niamey"): the place is not the incident's.
        OfficeTitles = "office-titles",
        /// Officials and sources who speak from a place ("a security source in Sikasso", "un
        /// responsable de l'armée à Tombouctou").
        SpeakerNouns = "speaker-nouns",
        /// Words opening what a speaker reports (أن, que, that).
        Complementizers = "complementizers",
        /// A speaker said to be local ("a local official", "مسؤول محلي"): he speaks of his own town.
        LocalQualifiers = "local-qualifiers",
        /// English auxiliaries of the present before a verb in -ing ("is targeting"): a campaign.
        PresentProgressive = "present-progressive",
        /// A later step of the story ("puis", "then", "ثم"): an agent marker after it is the later verb's.
        SequenceWords = "sequence-words",
        /// "With the support of" ("بمساندة", "avec l'appui de", "backed by"): who follows helps the doer.
        SupportMarks = "support-marks",
        /// Words tying a force to its patron ("المرتبط بروسيا", "lié à la Russie", "linked to
        /// Moscow"): a country or capital right after them names the patron, not a place of the
        /// incident.
        Patronage = "patronage",
        /// Words saying where a group operates ("active in", "qui opère dans", "الناشطة في"):
        /// the places after them in the clause describe the group, not an incident.
        ActiveIn = "active-in",
        /// Verbs of ascribing an incident to someone ("attribuent", "blamed", "نسبت"): with
        /// [`List::AscribedTo`] after the incident word, who follows did it.
        AscribingVerbs = "ascribing-verbs",
        /// The "to" of ascribing ("aux", "on", "إلى") right after the incident word.
        AscribedTo = "ascribed-to",
        /// Adjectives between an article and an incident word that still point back ("the latest attack").
        RetellingAdjectives = "retelling-adjectives",
        /// After a wide area, an epithet of the country ("the Sahel state"): the area is not the place.
        StateNouns = "state-nouns",
        /// Near, outside, on the outskirts of.
        Near = "near",
        /// A compass bearing from a place ("à l'est de Mopti", "east of", "شرق"): after another
        /// town, the place it measures from is a landmark.
        Bearings = "bearings",
        /// Between two places.
        Between = "between",
        /// Coming from, bound for (a place that is not where it happened).
        Origin = "origin",
        /// Where the wounded were taken or died ("décédé à l'hôpital de", "taken to hospital in",
        /// "نقل إلى مستشفى"): the place after it is not the incident's.
        Hospital = "hospital",
        /// Where a statement was issued ("صدر في", "publié à", "issued in"): the place right
        /// after it is the statement's, not the incident's.
        IssuedIn = "issued-in",
        /// Verbs of leaving (left, a quitté, غادر): a place after a destination mark that
        /// follows them is where the travellers were going, not where it happened.
        Leaving = "leaving",
        /// Destination marks after a verb of leaving ("left Kidal for Gao": for, pour, إلى).
        DestinationMarks = "destination-marks",
        /// The border with (a neighbour that is not where it happened).
        Border = "border",
        /// Civilian nouns as targets (villagers, drivers, a market).
        CivilianTargets = "civilian-targets",
        /// Military nouns as targets (soldiers, a camp, a patrol).
        MilitaryTargets = "military-targets",
        /// Marks of the doer after a passive (by, par, على يد).
        AgentMarkers = "agent-markers",
        /// Ordinals and "another" next to an incident word; the role is the rank ("2") or "other".
        IncidentOrdinals = "incident-ordinals",
        /// Unidentified attackers (مسلحون, gunmen, des hommes armés): no actor, but the subject
        /// slot after an Arabic verb, so what follows them is its object.
        UnnamedDoers = "unnamed-doers",
        /// Escorting, guarding (escorté, assurée, escorted): an agent marker after them names
        /// the guard of the target, not the doer.
        EscortWords = "escort-words",
        /// Members of a group named after them ("عناصر من", "des éléments de", "members of"): the
        /// doer after an agent marker may stand behind them.
        Partitives = "partitives",
        /// Marks of the target (against, targeting, على).
        TargetMarkers = "target-markers",
        /// Verbs whose subject suffers the action (تعرض ل).
        Undergo = "undergo",
        /// Anaphoric demonstratives (this attack).
        Demonstratives = "demonstratives",
        /// Nouns that point back to an incident already told (the operation, l'incident).
        EventAnaphors = "event-anaphors",
        /// Doers named only as the authors of an incident already told (the attackers, les
        /// assaillants, المهاجمون): what they do next is part of that incident.
        AttackerAnaphors = "attacker-anaphors",
        /// Nouns for attackers and fighters counted among the dead ("ten terrorists", عشرة
        /// إرهابيين): their toll adds to the victims' in one incident.
        AttackerNouns = "attacker-nouns",
        /// Arabic dual forms of incident nouns (هجومين, غارتين): two incidents told at once.
        DualIncidents = "dual-incidents",
        /// Words before the size of a group some of whom are counted next ("of the 60 soldiers
        /// there, 27 were killed", "sur les 60 soldats", "من أصل 60 جنديا"): that size is no toll.
        PartitiveTotals = "partitive-totals",
        /// How long before the news an incident recalled so happened, in days (the role): "comes
        /// days after" (3), "a week after" (7), "بعد أشهر من" (60).
        RecallOffsets = "recall-offsets",
        /// Calls on people to act ("warning residents to", "exhortant les habitants à", "داعيا"):
        /// an evacuation they call for has not happened.
        CallsToAct = "calls-to-act",
        /// Words after which an incident is the setting of the news, not news ("amid a blockade",
        /// "sur fond de", "في ظل حصار"): they govern what follows them only.
        ContextMarkers = "context-markers",
        /// Words that make a plural incident noun several incidents ("a series of attacks",
        /// "plusieurs attaques", "سلسلة هجمات"): a summary, like a count.
        SeriesWords = "series-words",
        /// Projectiles (rockets, obus, قذائف): a count before them counts rounds fired in one
        /// incident, not incidents.
        Munitions = "munitions",
        /// Words for a toll ("death toll", "bilan", "حصيلة"): with [`List::TollReaches`], the count
        /// it reaches is the dead.
        TollNouns = "toll-nouns",
        /// What a toll reaches before its count ("has risen to", "s'élève à", "ارتفعت إلى").
        TollReaches = "toll-reaches",
        /// A toll told as risen ("rose to", "s'est alourdi", "ارتفعت"): its figure updates the
        /// same source's earlier one.
        TollRises = "toll-rises",
        /// A toll told as an earlier or provisional one ("earlier", "في وقت سابق", "un premier
        /// bilan"): any other figure supersedes it.
        EarlierTolls = "earlier-tolls",
        /// Verbs of a reply ("responded with", "a riposté par", "ردّ بـ"): the deed after them is
        /// the reply to an incident done to its doer, another incident.
        ReplyVerbs = "reply-verbs",
        /// "Also" by a death word ("the driver was also killed", "قتل أيضا"): those dead are
        /// more victims of the incident, added to its toll.
        TollAdditions = "toll-additions",
        /// Words for a massacre (مجزرة, tuerie, massacre): the killing of people who could not
        /// fight back, civilians when no armed target is named.
        MassacreWords = "massacre-words",
        /// "Another area", "un autre village", "منطقة أخرى": the deed they place is another
        /// incident than any told before.
        OtherPlaces = "other-places",
        /// Crowds of demonstrators or supporters (partisans, protesters, المتظاهرين): a clash or
        /// an attack they take part in is a riot.
        CrowdNouns = "crowd-nouns",
        /// Words for people in general ("personnes", "people", "أشخاص"): killed by an armed side
        /// with no armed target named, they are civilians.
        PersonNouns = "person-nouns",
        /// "that day", "le même jour", "اليوم نفسه": the day of the incident told before.
        SameDay = "same-day",
        /// "the next day", "le lendemain", "في اليوم التالي": the day after the incident told before
        /// (an entry's role counts more days: "two days later" is 2).
        NextDay = "next-day",
        /// "succombé à ses blessures", "died of their wounds", "متأثرا بجراحه": victims of an
        /// incident told before, dying later.
        DiedOfWounds = "died-of-wounds",
        /// "after that of", "après celle du", "بعد تلك التي": a pronoun after a recall word
        /// standing for an earlier incident of the kind just told.
        RecallPronouns = "recall-pronouns",
        /// Drones and aircraft: an attack told with them is an air/drone strike.
        Drones = "drones",
        /// Words for "the country" that point to the story's country (البلاد, le pays).
        CountryAnaphors = "country-anaphors",
        /// "the capital" alone names the story's country's capital ("فرض حصار على العاصمة").
        CapitalAnaphors = "capital-anaphors",
        /// A state's own nationals ("its citizens", "ses ressortissants", "رعاياها"): a call on them
        /// to leave is an advisory, the news itself.
        OwnNationals = "own-nationals",
        /// The Arabic pluperfect, "وكانت القوات قد أعلنت" (had announced): role `opener` (كان
        /// opening the sentence) and role `particle` (قد before the verb); what it tells is recalled.
        Pluperfect = "pluperfect",
        /// "did the same" ("وكذلك فعلت", "a fait de même"): another side did what the sentence
        /// before told, another incident of the same kind.
        SameDeed = "same-deed",
        /// Words that join the members of a list.
        Conjunctions = "conjunctions",
        /// Indefinite articles, which the number reader takes for "one".
        IndefiniteArticles = "indefinite-articles",
        /// Latin-script definite articles before a trigger noun.
        DefiniteArticles = "definite-articles",
        /// The perfect's auxiliary (a, ont): before a participle it makes it active.
        PerfectAuxiliaries = "perfect-auxiliaries",
        /// "The group", "the attackers": an armed actor already named.
        GroupAnaphora = "group-anaphora",
        /// Linked to, affiliated with (an organisation's affiliate).
        Affiliation = "affiliation",
        /// Words that split a sentence into separately told incidents.
        ClauseBreaks = "clause-breaks",
        /// Words that open a tag list line.
        TagHeads = "tag-heads",
        /// A heading made of these words opens a background section ("الأحداث السابقة:",
        /// "Contexte", "Background"): what it recalls is not the news.
        BackgroundHeadings = "background-headings",
        /// Words that open a byline or a source line.
        BylineHeads = "byline-heads",
        /// Words that mark a photo caption.
        CaptionMarks = "caption-marks",
        /// Locative prepositions.
        Locatives = "locatives",
        /// Connectors after an incident that bring up an earlier one (comes after, intervient
        /// après, يأتي بعد): what follows them is not the first incident's.
        ComesAfter = "comes-after",
        /// Phrases holding a habit word that tell no habit (مواقع التواصل, social media).
        HabitualExceptions = "habitual-exceptions",
        /// "Shortly after", "peu après", "بعد ذلك بقليل": what follows is a further incident.
        Sequels = "sequels",
        /// "Later", "ensuite", "لاحقا" before an operation: the operation is a further incident.
        Afterwards = "afterwards",
        /// Words for a coup (انقلاب, coup d'État, putsch): the country's army makes it.
        CoupWords = "coup-words",
        /// "على متن", "à bord de", "aboard": the vehicle after it carries the doers, it is no target.
        TransportMarks = "transport-marks",
        /// "بينهم", "dont", "including": what follows a toll describes the dead.
        VictimDescriptions = "victim-descriptions",
        /// "été", "was", "were": a trigger right after one is passive ("ont été tué", "were ambushed").
        PassiveAuxiliaries = "passive-auxiliaries",
        /// Videos, images and footage: an incident they show is one told, not a new report.
        Depictions = "depictions",
        /// "to", "à", "إلى" after a withdrawal or a handover: the actor after it receives the place.
        RecipientMarks = "recipient-marks",
        /// Prepositions repeated before each member of a list of places ("à Léré et à Niono",
        /// "in Gao and in Kidal", "في غاو وفي كيدال"): the list goes on through them.
        ListPrepositions = "list-prepositions",
        /// Words before a place name that say it is a place (town, village, منطقة).
        PlaceWords = "place-cues",
        /// Words right before a country's name that name its capital (عاصمة, capitale du, capital of).
        CapitalOf = "capital-of",
        /// Words that with a nationality adjective name a capital (العاصمة المالية, the Malian capital).
        CapitalHeads = "capital-heads",
        /// With a nationality adjective, the country itself (الأراضي المالية, le territoire
        /// malien, Malian territory).
        TerritoryHeads = "territory-heads",
        /// "In protest against the killing of" (احتجاجا على مقتل): deaths a protest is against.
        ProtestCauses = "protest-causes",
        /// Words before a place whose clock tells the time ("same time in", "heure de", "بتوقيت"):
        /// the place is a time zone, not the incident's.
        TimeZones = "time-zones",
        /// "Or" between counts ("six or seven dead"): alternatives, not a list to add up.
        Alternatives = "alternatives",
        /// A slogan's head ("non aux", "down with"): the deed right after it is rejected, not told.
        Slogans = "slogans",
        /// "Fell into" (tombé dans, وقع في): the subject suffers the ambush or trap after it.
        FallInto = "fall-into",
        /// The people an evacuation after an incident rescues ("the passengers", "الجرحى"): no
        /// population moved.
        Rescued = "rescued",
        /// "Recently" (مؤخرا, récemment): an incident recalled so is recent news, dated or not.
        RecentCues = "recent-cues",
        /// Capitalised words that may follow a place's name and still leave it a place (Airport,
        /// Nord, Sud): any other capitalised word after it makes the place part of a name.
        NameExtensions = "name-extensions",
        /// State head nouns with their role (الجيش, army), before a nationality.
        StateHeads = "state-heads",
        /// Bare state head nouns that the story's country owns.
        BareStateHeads = "bare-state-heads",
        /// "Foreign" beside a bare state head ("des soldats étrangers", "foreign troops", "القوات
        /// الأجنبية"): no force of the story's country.
        ForeignQualifiers = "foreign-qualifiers",
        /// Verbs with which a country or capital acts (أعلنت, a annoncé): it names its government.
        ActingVerbs = "acting-verbs",
        /// Verbs that describe a country rather than make it act (تشهد, is).
        NotActingVerbs = "not-acting-verbs",
        /// Words before a country that make it a place, not an actor (a number, دولة, its
        /// neighbours, bordering).
        NotActingBefore = "not-acting-before",
        /// Prepositions of direction (to, towards, إلى, vers): a country named after one is where
        /// something goes, not its government acting (a nationality after one still heads a
        /// force: "to French intelligence").
        Directions = "directions",
        /// Active words of escorting right after the guard ("soldiers escorting trucks", "جنودا يرافقون").
        EscortingWords = "escorting-words",
        /// Arabic verbs of undergoing whose subject suffers the incident named after it with ل
        /// ("تعرض المعسكر ... لهجوم").
        UndergoVerbs = "undergo-verbs",
        /// Verbs of finding or seizing: the weapons listed after them were taken, not used
        /// ("عثرت على … قاذفة صواريخ", "saisi des roquettes").
        SeizureVerbs = "seizure-verbs",
        /// "The same area", "نفس المنطقة", "la même zone": the place of the incident told before.
        SamePlace = "same-place",
        /// Things counted, never people ("عشرات الصهاريج", "50 camions", "dozens of tankers").
        CountedThings = "counted-things",
        /// "At least" after a counted noun ("15 جنديا على الأقل قتلوا").
        AtLeast = "at-least",
        /// An aside comparing the incident with another ("like the one in March", "comme celle de
        /// mars", "على غرار"): its day and count are the other's.
        Comparisons = "comparisons",
        /// Relative pronouns (dont, qui, whose, الذي): a negation in the clause they open negates
        /// its own verb.
        Relatives = "relatives",
        /// "Similar" (مماثلة, similaires): "similar attacks" told with no day of their own are a
        /// kind of incident.
        Similar = "similar",
        /// A pronoun object of the incident word ("les ont exécutés", "killed them", أعدموهم; for
        /// Arabic, the suffixes): those it was done to were told already.
        ObjectPronouns = "object-pronouns",
        /// "If confirmed" (إذا تأكدت, si elle se confirme): doubts the report, not the deed.
        ConfirmationConditionals = "confirmation-conditionals",
        /// "At the hands of" (على يد): after an Arabic verb, whose voice is unwritten, it is passive.
        HandsOf = "hands-of",
        /// A part of the story's country named by a bearing alone ("in the north", "dans l'ouest",
        /// "في الشمال").
        CountryParts = "country-parts",
        /// Subject pronouns opening a sentence ("Elles ont attaqué", "They attacked"): the
        /// previous sentence's subject.
        SubjectPronouns = "subject-pronouns",
        /// Words that with a number after them name a national road ("route nationale 15", "RN24",
        /// "الطريق الوطني رقم 24"); role `number` marks the words that may stand between ("رقم", "n°").
        RoadWords = "road-words",
        /// A reaction named as a noun with its author after it ("condemnation from", "إدانة من"):
        /// the country after it reacts; it is no place of the deed.
        Reactions = "reactions",
        /// Arabic words of nearness (قرب, بالقرب من) before a name the base lacks: a place.
        NearCues = "near-cues",
        /// "Is", "est", يعد: an incident word after one, with an ordinal, ranks the incident told
        /// in a series ("this strike is the third on Kidal").
        Copulas = "copulas",
        /// "With", "مع", "ainsi que" between two victims named in the singular: both were killed.
        Accompaniment = "accompaniment",
        /// Endings of an Arabic plural of incidents with its owner's pronoun («هجماتها»).
        OwnedPlurals = "owned-plurals",
        /// Endings of an Arabic word with its owner's pronoun («هجومهم», their attack).
        OwnerPronouns = "owner-pronouns",
        /// Words between a place and the number of a distance measured from another ("à
        /// environ", "about").
        DistanceOpeners = "distance-openers",
        /// What a blockade may be laid on that is no place: goods, supplies, imports, "several
        /// towns" ("un blocus sur les importations", "حصار على واردات الوقود").
        BlockadeGoods = "blockade-goods",
        /// Words for an armed unit right before the place it is named after ("كتيبة ماسينا",
        /// "la katiba Serma", "the Gourma katiba"): the unit's name, not where it happened.
        UnitWords = "unit-words",
    }
}

impl List {
    /// The file that must define the list (relative to `data/`).
    pub fn file(self) -> &'static str {
        match self {
            List::EventTriggers => "lexicon/events-triggers.jsonl",
            List::StateHeads | List::BareStateHeads | List::ForeignQualifiers => "lexicon/state-heads.jsonl",
            List::Locatives | List::ActingVerbs | List::NotActingVerbs | List::NotActingBefore | List::Directions => {
                "lexicon/locatives.jsonl"
            }
            List::TagHeads | List::BylineHeads | List::CaptionMarks | List::ClauseBreaks | List::BackgroundHeadings => {
                "lexicon/zones.jsonl"
            }
            List::PlaceWords
            | List::CapitalOf
            | List::CapitalHeads
            | List::TerritoryHeads
            | List::NameExtensions
            | List::RoadWords => "lexicon/place-words.jsonl",
            _ => "lexicon/events-cues.jsonl",
        }
    }
}

named_enum! {
    /// What the role scorer knows of an actor mention around an incident mention.
    RoleFeature {
        /// Named by a claim of responsibility.
        Claimant = "claimant",
        /// Right after an agent marker (by, par, على يد).
        AgentMarked = "agent_marked",
        /// Subject before an active trigger.
        SubjectBefore = "subject_before",
        /// Right after a verb-first Arabic trigger.
        VerbFirstSubject = "verb_first_subject",
        /// After an active trigger, as its object.
        ObjectAfter = "object_after",
        /// Subject of a passive trigger, or of "undergo".
        PassiveSubject = "passive_subject",
        /// After a target marker (against, targeting).
        TargetMarked = "target_marked",
        /// Owns the target noun (a convoy of the army, a camp of the FAMa).
        TargetOwner = "target_owner",
        /// Escorts the target ("escorted by soldiers", "l'escorte assurée par des militaires"):
        /// attacked with it, never the doer.
        Escort = "escort",
        /// Reports, documents or condemns the incident, and is not its doer.
        Reporter = "reporter",
        /// Stands next to a report verb (said, according to), whatever else it does: the source.
        Speaker = "speaker",
        /// Named as a victim of a death word.
        Victim = "victim",
        /// An armed group or militia.
        Armed = "armed",
        /// A state force.
        StateForce = "state_force",
        /// A government.
        Government = "government",
        /// Civilians.
        Civilian = "civilian",
        /// An international organisation or an NGO.
        International = "international",
        /// Outside the trigger's clause.
        OtherClause = "other_clause",
        /// Tokens between the actor and the trigger, per token (a decay).
        Distance = "distance",
        /// A parent organisation whose affiliate the text also names.
        ParentOfNamed = "parent_of_named",
        /// The frame is state violence from the air (an air strike).
        AirFrameState = "air_frame_state",
        /// Resolved from "the group", "the attackers".
        Anaphora = "anaphora",
        /// An international body (a UN mission, ECOWAS) named around a measure, a withdrawal, a
        /// deployment or an agreement: it acts there, where in violence it mostly reports.
        InstitutionMeasure = "institution_measure",
        /// The army of the coup's country, when a coup is told without its makers named.
        CoupMaker = "coup_maker",
        /// Named after "to" / "à" / "ل" after a withdrawal or a handover: it takes the place over.
        Recipient = "recipient",
        /// The subject of a withdrawal or a handover whose recipient is named: it gives the place up.
        Giver = "giver",
        /// A government (not its forces) named around violence: its authorities report, visit or
        /// are kept away; its forces do the fighting.
        GovernmentInViolence = "government_in_violence",
        /// Named after "with the support of" ("بمساندة", "appuyée par", "backed by"): it helps
        /// the doer, and ACLED names it beside the doer rather than as actor1.
        Supporting = "supporting",
        /// The subject of a verb of repelling whose object is the trigger ("the army repelled
        /// attacks", "صد الجيش هجمات"): it was attacked.
        Repeller = "repeller",
        /// Named after "according to" ("selon", "بحسب"): the source, which the deed was not done to.
        SourceMarked = "source_marked",
        /// A later member of a list of doers ("by the Malian army and Wagner"): ACLED names the
        /// first as actor1, the others as associated.
        ListTail = "list_tail",
        /// The first of the two sides a clash names after it ("clashes between X and Y").
        FirstParty = "first_party",
        /// Named after a word of denouncing that follows a protest ("protested…, denouncing
        /// attacks by the army"): whom the protest is against, not who protests.
        Denounced = "denounced",
        /// A force named among the people a toll counts ("eleven people, including three
        /// auxiliaries"): part of the civilian dead, not the side attacked.
        AmongPeople = "among_people",
    }
}

/// A named feature's weight for each role.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RoleWeight {
    /// Added to the score of the actor as the doer.
    pub actor1: f32,
    /// Added to the score of the actor as the target.
    pub actor2: f32,
}

/// The role scorer's weights, one per [`RoleFeature`] (`data/events/roles.jsonl`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoleWeights {
    weights: Vec<RoleWeight>,
    /// The score an actor needs to take a role at all ("none of these" otherwise).
    pub threshold: f32,
}

impl RoleWeights {
    /// The weights of one feature.
    pub fn of(&self, feature: RoleFeature) -> RoleWeight {
        self.weights.get(feature.index()).copied().unwrap_or_default()
    }

    /// Weights from (feature, weight) pairs; every feature must be present once.
    pub fn new(pairs: &[(RoleFeature, RoleWeight)], threshold: f32) -> Result<RoleWeights, String> {
        let mut weights = vec![None; RoleFeature::ALL.len()];
        for (feature, weight) in pairs {
            if weights[feature.index()].replace(*weight).is_some() {
                return Err(format!("role feature `{feature}` is weighted twice"));
            }
        }
        let missing: Vec<&str> =
            RoleFeature::ALL.iter().filter(|f| weights[f.index()].is_none()).map(|f| f.as_str()).collect();
        if !missing.is_empty() {
            return Err(format!("role features without a weight: {}", missing.join(", ")));
        }
        Ok(RoleWeights { weights: weights.into_iter().flatten().collect(), threshold })
    }
}

/// How a trigger frame becomes a sub-event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameRule {
    /// The frame.
    pub frame: Frame,
    /// Its default sub-event type.
    pub sub_event: SubEvent,
    /// Its sub-event type when the target is civilians, if different.
    pub if_civilian_target: Option<SubEvent>,
}

/// One ACLED sub-event type as the taxonomy file describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubEventInfo {
    /// The sub-event type.
    pub sub_event: SubEvent,
    /// ACLED's disorder type.
    pub disorder_type: String,
    /// One line of description.
    pub description: String,
}

/// An organisation's affiliate that acts in some countries (al-Qaeda's in the Sahel is JNIM).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affiliate {
    /// The parent organisation (actor index).
    pub parent: u32,
    /// The affiliate (actor index).
    pub affiliate: u32,
    /// ISO codes of the countries where it is the parent's affiliate.
    pub countries: Vec<String>,
}

/// ACLED's taxonomy, the frame rules, the role weights and the affiliates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coding {
    /// The 25 sub-event types, as described in the data.
    pub sub_events: Vec<SubEventInfo>,
    /// One rule per frame, indexed by [`Frame::index`].
    pub frames: Vec<FrameRule>,
    /// The role scorer's weights.
    pub roles: RoleWeights,
    /// Affiliates by country.
    pub affiliates: Vec<Affiliate>,
    /// Sub-units coded as their group (a katiba of JNIM is coded JNIM, as ACLED does): (unit, group).
    pub units: Vec<(u32, u32)>,
    /// Foreign forces fighting beside a state's (Africa Corps for Mali): (actor, ISO codes).
    pub allies: Vec<(u32, Vec<String>)>,
}

impl Coding {
    /// The rule of a frame.
    pub fn frame(&self, frame: Frame) -> FrameRule {
        self.frames.get(frame.index()).copied().unwrap_or(FrameRule {
            frame,
            sub_event: SubEvent::Other,
            if_civilian_target: None,
        })
    }

    /// ACLED's disorder type of a sub-event type.
    pub fn disorder_type(&self, sub_event: SubEvent) -> &str {
        self.sub_events.iter().find(|s| s.sub_event == sub_event).map_or("", |s| s.disorder_type.as_str())
    }

    /// The six event types' names, in ACLED's order.
    pub fn event_types(&self) -> Vec<&'static str> {
        EventType::ALL.iter().map(|t| t.as_str()).collect()
    }

    /// The description of a sub-event type given by name.
    pub fn sub_event(&self, name: &str) -> Option<&SubEventInfo> {
        let sub = SubEvent::from_name(name)?;
        self.sub_events.iter().find(|s| s.sub_event == sub)
    }

    /// The group a sub-unit is coded as, or the actor itself.
    pub fn coded_as(&self, actor: u32) -> u32 {
        self.units.iter().find(|(unit, _)| *unit == actor).map_or(actor, |(_, group)| *group)
    }

    /// Actor `actor` fights beside the state of `country` (its forces are never opposed to them).
    pub fn fights_for(&self, actor: u32, country: &str) -> bool {
        self.allies.iter().any(|(a, countries)| *a == actor && countries.iter().any(|c| c == country))
    }

    /// The affiliate of organisation `parent` acting in `country`, if one is known.
    pub fn affiliate_in(&self, parent: u32, country: &str) -> Option<u32> {
        self.affiliates
            .iter()
            .find(|a| a.parent == parent && a.countries.iter().any(|c| c == country))
            .map(|a| a.affiliate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for sub in SubEvent::ALL {
            assert_eq!(SubEvent::from_name(sub.as_str()), Some(*sub));
        }
        for frame in Frame::ALL {
            assert_eq!(Frame::from_name(frame.as_str()), Some(*frame));
        }
        assert_eq!(SubEvent::Looting.event_type(), EventType::StrategicDevelopments);
        assert_eq!(Frame::from_name("atack"), None);
    }

    #[test]
    fn every_role_feature_needs_a_weight() {
        let one = [(RoleFeature::Claimant, RoleWeight { actor1: 1.0, actor2: 0.0 })];
        let error = RoleWeights::new(&one, 0.0).unwrap_err();
        assert!(error.contains("agent_marked"), "{error}");
        let all: Vec<(RoleFeature, RoleWeight)> =
            RoleFeature::ALL.iter().map(|f| (*f, RoleWeight { actor1: 1.0, actor2: 0.5 })).collect();
        let weights = RoleWeights::new(&all, 0.5).unwrap();
        assert_eq!(weights.of(RoleFeature::Distance).actor2, 0.5);
        let twice = [all.clone(), one.to_vec()].concat();
        assert!(RoleWeights::new(&twice, 0.0).unwrap_err().contains("twice"));
    }
}
