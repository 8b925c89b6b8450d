//! Checks of each stage's mechanisms on sentences written for these tests (ar / fr / en).
//! A test that covers a rule branch marks it with `cov_mark::check!`.

use crate::trace::{Dropped, Note, Trace};
use crate::{Event, EventCoder};
use marsad_extract::Extractor;
use marsad_kb::{EventType, Frame, KnowledgeBase, RoleFeature, SubEvent};
use std::sync::OnceLock;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::embedded().expect("embedded knowledge base is valid"))
}

fn traced(text: &str, published: Option<&str>) -> (Vec<Event>, Trace) {
    let extraction = Extractor::new(kb()).extract(text, None);
    let mut trace = Trace::new(true);
    let events = EventCoder::new(kb()).code_traced(text, &extraction, published, &mut trace);
    (events, trace)
}

fn events(text: &str, published: Option<&str>) -> Vec<Event> {
    traced(text, published).0
}

/// The events of `text`, which must be exactly one.
#[track_caller]
fn one_event(text: &str, published: Option<&str>) -> Vec<Event> {
    let found = events(text, published);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found
}

/// Checks that each of `texts` tells one event, whose `read` is `want`.
#[track_caller]
fn each_one<T: PartialEq + std::fmt::Debug>(texts: &[&str], published: &str, read: impl Fn(&Event) -> T, want: T) {
    for text in texts {
        let found = one_event(text, Some(published));
        assert_eq!(read(&found[0]), want, "{text}: {found:?}");
    }
}

/// Checks that none of `texts` tells an event.
#[track_caller]
fn tells_none(texts: &[&str], published: &str) {
    for text in texts {
        let found = events(text, Some(published));
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

fn actor(id: Option<u32>) -> Option<&'static str> {
    id.map(|i| kb().actors[i as usize].id.as_str())
}

fn place(id: Option<u32>) -> Option<&'static str> {
    id.map(|i| kb().places[i as usize].id.as_str())
}

fn date(e: &Event) -> Option<String> {
    e.date.map(|d| d.to_iso())
}

#[test]
fn verb_first_arabic_attack_on_a_convoy_targets_civilians() {
    let found = one_event(
        "هاجم مسلحون تابعون لجماعة نصرة الإسلام والمسلمين أمس قافلة شاحنات قرب كايس وقتلوا ثلاثة سائقين.",
        Some("2025-09-07"),
    );
    let e = &found[0];
    assert_eq!(e.sub_event, SubEvent::Attack);
    assert_eq!((actor(e.actor1), actor(e.actor2)), (Some("jnim"), Some("civilians")));
    assert_eq!((date(e).as_deref(), e.geo_precision, e.fatalities), (Some("2025-09-06"), 2, Some(3)));
}

#[test]
fn speculation_negation_and_habit_are_not_incidents() {
    assert!(events("يخشى محللون أن تهاجم الجماعة العاصمة باماكو قريبا.", Some("2025-09-07")).is_empty());
    assert!(events("L'armée a démenti toute attaque contre le camp de Boni.", Some("2025-09-07")).is_empty());
    assert!(events("Militants regularly attack convoys on the road to Gao.", Some("2025-09-07")).is_empty());
}

#[test]
fn a_withdrawal_still_to_be_completed_is_no_incident() {
    let texts = [
        "La mission est déterminée à achever son retrait de Tessalit d'ici le 31 décembre.",
        "The mission is determined to complete its withdrawal from Tessalit by December 31.",
        "البعثة عازمة على استكمال انسحابها من تيساليت بحلول 31 ديسمبر.",
    ];
    for text in texts {
        assert_eq!(events(text, Some("2023-11-01")), [], "{text}");
    }
}

#[test]
fn page_furniture_yields_no_event() {
    let text = "Des hommes armés ont attaqué un poste de police à Ségou mardi.\nTags : attaque Ségou Mali\n— AFP (@AFP) 4 mai 2025";
    let (found, trace) = traced(text, Some("2025-05-07"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(trace.notes().iter().any(|n| matches!(n, Note::SkippedSentence { .. })), "{:?}", trace.notes());
}

#[test]
fn a_dateline_city_is_not_the_incident_place() {
    let found = one_event(
        "BAMAKO (AFP) - Des jihadistes ont attaqué lundi un camp militaire à Nioro du Sahel, selon l'armée.",
        Some("2025-06-03"),
    );
    assert_eq!(place(found[0].place), Some("ml.nioro-du-sahel"));
}

#[test]
fn two_incidents_in_one_sentence_each_keep_their_place() {
    cov_mark::check!(clause_cut_between_placed_incidents);
    let text = "هاجم مسلحون معسكرا للجيش في نيونو، واستهدف آخرون قافلة شاحنات قرب كاتي.";
    let found = events(text, Some("2025-06-03"));
    let places: Vec<Option<&str>> = found.iter().map(|e| place(e.place)).collect();
    assert!(places.contains(&Some("ml.niono")) && places.contains(&Some("ml.kati")), "{found:?}");
}

#[test]
fn places_listed_after_a_trigger_are_separate_incidents_and_share_no_toll() {
    let text = "Coordinated attacks hit army posts in Kayes, Nioro du Sahel and Diboli on Tuesday, killing 12 people.";
    let found = events(text, Some("2025-07-02"));
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found.iter().all(|e| e.fatalities.is_none()), "{found:?}");
}

#[test]
fn a_list_runs_over_a_name_the_knowledge_base_lacks() {
    cov_mark::check!(list_runs_over_an_unknown_name);
    let text = "هجمات استهدفت مواقع للجيش في كايس، ديبولي، تانغوري، نيونو يوم الثلاثاء.";
    let found = events(text, Some("2025-07-02"));
    assert_eq!(found.len(), 3, "{found:?}");
}

#[test]
fn a_capital_on_the_road_between_two_places_gives_way_to_the_town() {
    let found = one_event("Des assaillants ont attaqué un convoi entre Bamako et Ségou jeudi.", Some("2025-07-04"));
    assert_eq!((place(found[0].place), found[0].geo_precision), (Some("ml.segou"), 2));
}

#[test]
fn a_convoys_origin_is_not_where_it_was_attacked() {
    cov_mark::check!(origin_or_destination_is_not_here);
    let found =
        events("A fuel convoy coming from Côte d'Ivoire was attacked near Bougouni on Friday.", Some("2025-09-07"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(place(found[0].place), Some("ml.bougouni"));
}

#[test]
fn where_travellers_were_going_is_not_where_they_were_attacked() {
    let texts = [
        "Un convoi logistique a quitté Ansongo mardi matin pour Ménaka et a sauté sur un engin explosif.",
        "A supply convoy left Ansongo on Tuesday morning for Ménaka and struck a roadside bomb.",
        "غادرت قافلة إمداد أنسونغو صباح الثلاثاء إلى ميناكا، وانفجرت بها عبوة ناسفة.",
    ];
    for text in texts {
        cov_mark::check!(destination_after_leaving_is_not_here);
        let found = one_event(text, Some("2025-09-10"));
        assert_eq!(place(found[0].place), Some("ml.ansongo"), "{text}");
    }
}

#[test]
fn where_people_come_from_is_not_where_they_were_arrested() {
    let texts = [
        "L'armée a arrêté mardi à Léré trois hommes originaires de Tombouctou.",
        "The army arrested three men originally from Timbuktu in Léré on Tuesday.",
        "اعتقل الجيش يوم الثلاثاء في ليري ثلاثة رجال ينحدرون من تمبكتو.",
    ];
    for text in texts {
        let found = events(text, Some("2025-09-10"));
        assert_eq!(found.iter().map(|e| place(e.place)).collect::<Vec<_>>(), [Some("ml.lere")], "{text}");
    }
}

#[test]
fn the_group_that_claims_an_attack_is_its_doer_and_the_reporter_is_not() {
    let found = one_event(
        "قالت وزارة الدفاع إن مسلحين هاجموا ثكنة في دوينتزا يوم السبت، وأعلنت جماعة نصرة الإسلام والمسلمين مسؤوليتها عن الهجوم.",
        Some("2025-10-06"),
    );
    assert_eq!(actor(found[0].actor1), Some("jnim"));
}

#[test]
fn an_army_that_reports_its_own_strike_is_the_doer() {
    cov_mark::check!(reporter_tells_its_own_deed);
    let found = one_event(
        "L'armée malienne a annoncé avoir mené des frappes aériennes près de Tessalit dimanche.",
        Some("2025-05-06"),
    );
    assert_eq!((found[0].sub_event, actor(found[0].actor1)), (SubEvent::AirDroneStrike, Some("fama")));
}

#[test]
fn an_armed_group_reporting_an_attack_claims_it() {
    cov_mark::check!(armed_group_reporting_an_attack_claims_it);
    let found =
        events("JNIM said fighters attacked a camp in Léré on Sunday, killing 12 soldiers.", Some("2025-05-06"));
    assert_eq!(actor(found.first().and_then(|e| e.actor1)), Some("jnim"), "{found:?}");
}

#[test]
fn a_parent_organisation_in_the_theatre_is_its_affiliate() {
    let found =
        events("مسلحون مرتبطون بتنظيم القاعدة هاجموا يوم الجمعة موقعا عسكريا في بوني وسط مالي.", Some("2025-05-06"));
    assert_eq!(actor(found.first().and_then(|e| e.actor1)), Some("jnim"), "{found:?}");
}

#[test]
fn a_witness_does_not_make_an_attack_on_soldiers_violence_against_civilians() {
    let found = one_event(
        "Selon des habitants, des hommes armés ont attaqué mardi une patrouille de l'armée près de Douentza.",
        Some("2025-05-08"),
    );
    assert_eq!((found[0].sub_event, actor(found[0].actor2)), (SubEvent::ArmedClash, Some("fama")));
}

#[test]
fn a_headline_and_its_lede_are_one_incident_at_the_most_precise_place() {
    let text = "Mali : une attaque contre l'armée fait quatre morts\nDes hommes armés ont attaqué samedi un poste militaire à Sofara, tuant quatre soldats.";
    let found = one_event(text, Some("2025-05-12"));
    assert_eq!((place(found[0].place), found[0].fatalities), (Some("ml.sofara"), Some(4)));
}

#[test]
fn a_later_sentence_that_only_points_back_gives_the_date() {
    let text = "Des hommes armés ont attaqué un poste de gendarmerie à Sofara.\nL'attaque a eu lieu le 12 mai vers minuit, selon un élu.";
    let found = one_event(text, Some("2025-05-14"));
    assert_eq!(date(&found[0]).as_deref(), Some("2025-05-12"));
}

#[test]
fn this_strike_points_back_to_a_vaguely_told_incident_not_to_the_main_one() {
    let texts = [
        "Attaque meurtrière dans le centre du Mali\nDes hommes armés ont attaqué samedi le village de Sofara, tuant six civils.\nPar ailleurs, une opération militaire a visé des éléments jihadistes. Cette frappe aurait tué quinze combattants, selon l'armée.",
        "Deadly attack in central Mali\nGunmen attacked the village of Sofara on Saturday, killing six civilians.\nSeparately, a military operation targeted jihadist elements. That airstrike reportedly killed fifteen fighters, the army said.",
        "هجوم دام في وسط مالي\nهاجم مسلحون قرية سوفارا يوم السبت، ما أسفر عن مقتل ستة مدنيين.\nومن جهة أخرى، استهدفت عملية عسكرية عناصر جهادية. وأسفرت هذه الغارة عن مقتل خمسة عشر مقاتلا، بحسب الجيش.",
    ];
    for text in texts {
        cov_mark::check!(a_reference_joins_a_vague_incident);
        let found = events(text, Some("2025-05-12"));
        let told: Vec<_> = found.iter().map(|e| (e.sub_event.event_type(), e.fatalities)).collect();
        assert_eq!(told, [(EventType::ViolenceAgainstCivilians, Some(6)), (EventType::Explosions, Some(15))], "{text}");
    }
}

#[test]
fn what_the_attackers_did_next_is_part_of_their_attack() {
    let texts = [
        "Des hommes armés ont attaqué lundi le poste de police de Sofara, tuant deux policiers. Les assaillants ont ensuite encerclé la mairie pendant deux heures.",
        "Gunmen attacked the police post in Sofara on Monday, killing two officers. The attackers then ransacked the town hall offices.",
        "هاجم مسلحون يوم الإثنين مركز الشرطة في سوفارا، ما أسفر عن مقتل شرطيين. ثم حاصر المهاجمون مقر البلدية لساعتين.",
    ];
    for text in texts {
        let found = one_event(text, Some("2025-05-14"));
        assert_eq!(
            (found[0].sub_event.event_type(), place(found[0].place), found[0].fatalities),
            (EventType::Battles, Some("ml.sofara"), Some(2)),
            "{text}"
        );
    }
}

#[test]
fn a_month_that_opens_a_period_dates_a_blockade_but_no_incident() {
    let texts = [
        (
            "Depuis juillet, l'armée a retiré près de 600 soldats de ses bases du nord du Mali.",
            "Les jihadistes imposent un blocus à la ville de Léré depuis septembre.",
        ),
        (
            "Since July, the army has withdrawn nearly 600 soldiers from its bases in northern Mali.",
            "Jihadists have imposed a blockade on the town of Léré since September.",
        ),
        (
            "منذ تموز/يوليو، سحب الجيش قرابة 600 جندي من قواعده في شمال مالي.",
            "يفرض الجهاديون حصارا على مدينة ليري منذ أيلول/سبتمبر.",
        ),
    ];
    for (period, blockade) in texts {
        assert_eq!(events(period, Some("2025-11-07")), [], "{period}");
        let found = one_event(blockade, Some("2025-11-07"));
        assert_eq!(date(&found[0]).as_deref(), Some("2025-09"), "{blockade}");
    }
}

#[test]
fn a_month_given_two_names_is_not_a_dateline() {
    // Arabic news names a month twice ("أيلول/سبتمبر"); the slash is not a dateline's
    // ("نواكشوط/ …"), so the town and the date before it still count.
    let texts = [
        ("هاجم مسلحون مدينة ليري في 3 أيلول/سبتمبر.", "2025-09-03"),
        ("في 3 آب/أغسطس هاجم مسلحون مدينة ليري.", "2025-08-03"),
    ];
    for (text, day) in texts {
        let found = one_event(text, Some("2025-11-07"));
        assert_eq!((place(found[0].place), date(&found[0]).as_deref()), (Some("ml.lere"), Some(day)), "{text}");
    }
}

#[test]
fn soldiers_who_announce_a_coup_carried_it_out() {
    let texts = [
        "Le 27 juillet, des militaires nigériens ont annoncé un coup d'Etat à la télévision nationale.",
        "On 27 July, Nigerien soldiers announced a coup on national television.",
        "في 27 يوليو، أعلن عسكريون نيجريون انقلابا عبر التلفزيون الرسمي.",
    ];
    for text in texts {
        cov_mark::check!(reporter_tells_its_own_deed);
        let found = one_event(text, Some("2023-07-30"));
        assert_eq!(actor(found[0].actor1), Some("forces.ne"), "{text}");
    }
}

#[test]
fn a_summary_names_the_doer_and_date_of_the_incidents_it_sums_up() {
    let texts = [
        "Deux frappes de drones attribuées à l'armée malienne ont tué treize civils vendredi dans la région de Tombouctou.\nLa première frappe a visé le village de Ber. La seconde frappe a touché un campement près de Goundam.",
        "Two drone strikes attributed to the Malian army killed thirteen civilians on Friday in the Timbuktu region.\nThe first strike hit the village of Ber. The second strike hit a camp near Goundam.",
        "قتل ثلاثة عشر مدنيا يوم الجمعة في غارتين بطائرات مسيرة نسبت إلى الجيش المالي في منطقة تمبكتو.\nواستهدفت الغارة الأولى قرية بير. وأصابت الغارة الثانية مخيما قرب غوندام.",
    ];
    for text in texts {
        cov_mark::check!(a_summary_names_the_doer_of_its_incidents);
        cov_mark::check!(a_summary_dates_the_incidents_it_sums_up);
        let found = events(text, Some("2025-11-15"));
        let told: Vec<_> = found.iter().map(|e| (place(e.place), actor(e.actor1), date(e))).collect();
        let friday = Some("2025-11-14".to_string());
        assert_eq!(
            told,
            [(Some("ml.ber"), Some("fama"), friday.clone()), (Some("ml.goundam"), Some("fama"), friday)],
            "{text}"
        );
    }
}

#[test]
fn the_parts_of_a_summary_told_by_ordinals_share_its_doer_and_the_rest_of_its_toll() {
    let texts = [
        "Treize civils ont été tués lundi dans deux frappes de drones de l'armée malienne dans la région de Tombouctou.\nLa première frappe, dimanche soir, a visé le village de Ber. La seconde frappe a touché lundi un campement près de Goundam, tuant six civils.",
        "Thirteen civilians were killed on Monday in two drone strikes by the Malian army in the Timbuktu region.\nThe first drone strike, on Sunday evening, hit the village of Ber. The second drone strike hit a camp near Goundam on Monday, killing six civilians.",
        "قتل ثلاثة عشر مدنيا يوم الاثنين في غارتين بطائرات مسيرة للجيش المالي في منطقة تمبكتو.\nواستهدفت الغارة الأولى مساء الأحد قرية بير. وأصابت الغارة الثانية يوم الاثنين مخيما قرب غوندام مما أسفر عن مقتل ستة مدنيين.",
    ];
    for text in texts {
        // Sunday lies in the month before the summary's Monday: the ordinal, not the day, ties it.
        cov_mark::check!(an_ordinal_tells_a_part_of_the_summary_before_it);
        cov_mark::check!(the_rest_of_a_summary_s_toll_is_the_untold_incident_s);
        let found = events(text, Some("2025-12-02"));
        let told: Vec<_> = found.iter().map(|e| (place(e.place), actor(e.actor1), date(e), e.fatalities)).collect();
        assert_eq!(
            told,
            [
                (Some("ml.ber"), Some("fama"), Some("2025-11-30".to_string()), Some(7)),
                (Some("ml.goundam"), Some("fama"), Some("2025-12-01".to_string()), Some(6))
            ],
            "{text}"
        );
    }
}

#[test]
fn an_incident_recalled_with_a_date_an_undated_page_cannot_resolve_is_kept() {
    let texts = [
        "Des jihadistes ont attaqué mardi un poste de l'armée à Niono.\nCette attaque prolonge une série d'opérations qui avaient visé en juin dernier le camp de Boulkessi, tuant dix soldats.",
        "Jihadists attacked an army post in Niono on Tuesday.\nThe attack extends a series of operations that had targeted the Boulkessi camp last June, killing ten soldiers.",
        "هاجم جهاديون يوم الثلاثاء موقعا للجيش في نيونو.\nويعد هذا الهجوم امتدادا لسلسلة عمليات استهدفت في يونيو الماضي معسكر بولكيسي وقتل فيها عشرة جنود.",
    ];
    for text in texts {
        let found = events(text, None);
        let places: Vec<_> = found.iter().map(|e| place(e.place)).collect();
        assert_eq!(places, [Some("ml.niono"), Some("ml.boulkessi")], "{text}: {found:?}");
    }
}

#[test]
fn a_pronoun_after_after_recalls_an_earlier_incident_with_its_own_date_and_place() {
    let texts = [
        "Des hommes armés ont attaqué vendredi un camion près de Kati.\nCette attaque intervient après celle du lundi 13 octobre près de Kolokani.",
        "Gunmen attacked a truck near Kati on Friday.\nThe attack comes after that of Monday, October 13 near Kolokani.",
        "هاجم مسلحون شاحنة قرب كاتي يوم الجمعة.\nويأتي هذا الهجوم بعد ذلك الذي وقع يوم الإثنين 13 أكتوبر قرب كولوكاني.",
    ];
    for text in texts {
        cov_mark::check!(a_pronoun_recalls_an_earlier_incident);
        let found = events(text, Some("2025-10-18"));
        let told: Vec<_> = found.iter().map(|e| (place(e.place), date(e))).collect();
        assert_eq!(
            told,
            [(Some("ml.kati"), Some("2025-10-17".to_string())), (Some("ml.kolokani"), Some("2025-10-13".to_string()))],
            "{text}"
        );
    }
}

#[test]
fn a_clash_between_police_and_a_crowd_is_a_riot() {
    let texts = [
        "De violents affrontements ont opposé jeudi les forces de l'ordre aux partisans de l'opposant à Dakar.",
        "Police clashed with opposition supporters in Dakar on Thursday.",
        "اشتبكت قوات الأمن مع المتظاهرين في داكار يوم الخميس.",
    ];
    for text in texts {
        cov_mark::check!(a_clash_with_a_crowd_is_a_riot);
        let found = one_event(text, Some("2023-03-17"));
        assert_eq!(found[0].sub_event, SubEvent::ViolentDemonstration, "{text}");
    }
    let fired_on = [
        "L'armée a ouvert le feu dimanche sur des manifestants à Kadiolo, tuant deux personnes.",
        "Soldiers opened fire on demonstrators in Kadiolo on Sunday, killing two people.",
        "أطلق الجيش النار على المتظاهرين في كاديولو يوم الأحد، ما أسفر عن مقتل شخصين.",
    ];
    for text in fired_on {
        let found = events(text, Some("2025-10-20"));
        assert_eq!(found.first().map(|e| e.sub_event), Some(SubEvent::ExcessiveForce), "{text}: {found:?}");
    }
}

#[test]
fn heavy_weapons_carried_off_are_loot_and_heavy_weapons_fire_is_shelling() {
    let texts = [
        ("Des jihadistes ont attaqué mardi le camp de Boni et ont emporté des armes lourdes.", SubEvent::ArmedClash),
        ("Jihadists attacked the Boni camp on Tuesday and carried off heavy weapons.", SubEvent::ArmedClash),
        ("Le camp de Boni a essuyé mardi des tirs d'armes lourdes.", SubEvent::Shelling),
        ("The Boni camp came under heavy weapons fire on Tuesday.", SubEvent::Shelling),
    ];
    for (text, sub) in texts {
        let found = events(text, Some("2025-05-14"));
        assert_eq!(found.iter().map(|e| e.sub_event).collect::<Vec<_>>(), [sub], "{text}");
    }
}

#[test]
fn an_attack_attributed_by_sources_to_a_group_is_that_groups() {
    let texts = [
        "Seize villageois ont été tués lundi dans une attaque attribuée par des sources locales au JNIM près de Ségou.",
        "Sixteen villagers were killed on Monday in an attack blamed by local sources on JNIM near Ségou.",
        "قتل 16 قرويا يوم الإثنين في هجوم نسبته مصادر محلية إلى جماعة نصرة الإسلام والمسلمين قرب سيغو.",
        "Seize civils ont été tués lundi dans une attaque près de Ségou, le gouvernement attribuant cet assaut aux militants du JNIM.",
        "Sixteen civilians were killed on Monday in an attack near Ségou, the government blaming the attack on JNIM militants.",
    ];
    each_one(&texts, "2025-02-12", |e| actor(e.actor1), Some("jnim"));
}

#[test]
fn that_day_is_the_day_of_the_incident_told_before() {
    let texts = [
        "Des hommes armés ont attaqué un poste à Kidal le dimanche 15 septembre 2024.\nPlus tôt dans la journée, une patrouille est tombée dans une embuscade près de Gao.\nLe même jour, des hommes armés ont attaqué le commissariat d'Ansongo.",
        "Gunmen attacked a post in Kidal on Sunday, September 15, 2024, killing three soldiers.\nEarlier that day, a patrol near Gao was ambushed, killing five soldiers.\nLater that night, gunmen attacked the police station in Ansongo.",
        "هاجم مسلحون موقعا في كيدال يوم الأحد 15 سبتمبر 2024.\nوفي وقت سابق من اليوم نفسه، تعرضت دورية لكمين قرب غاو.\nوفي اليوم ذاته، هاجم مسلحون مركز الشرطة في أنسونغو.",
    ];
    for text in texts {
        cov_mark::check!(that_day_is_the_day_told_before);
        let found = events(text, Some("2024-09-17"));
        let dates: Vec<_> = found.iter().map(date).collect();
        assert_eq!(dates, vec![Some("2024-09-15".to_string()); 3], "{text}");
    }
    // "The same day" tells another incident, even at the same place.
    let same_place = [
        "Des jihadistes ont attaqué le 3 octobre un poste de gendarmerie à Kita, tuant six gendarmes.\nLe même jour, un engin explosif a touché un véhicule militaire près de Kita, sans faire de victimes.",
        "Jihadists attacked a gendarmerie post in Kita on October 3, killing six gendarmes.\nThe same day, a roadside bomb hit a military vehicle near Kita, causing no casualties.",
        "هاجم جهاديون يوم 3 أكتوبر نقطة للدرك في كيتا، وقتلوا ستة دركيين.\nوفي اليوم نفسه انفجرت عبوة ناسفة بمركبة عسكرية قرب كيتا دون وقوع إصابات.",
    ];
    for text in same_place {
        let found = events(text, Some("2025-10-09"));
        let told: Vec<_> = found.iter().map(|e| (date(e), e.fatalities)).collect();
        let day = Some("2025-10-03".to_string());
        assert_eq!(told, [(day.clone(), Some(6)), (day, Some(0))], "{text}");
    }
}

#[test]
fn hostages_released_are_a_release_whatever_the_pronoun() {
    // Arabic writes the freed as a suffix of the verb's object (سراحهما, عنهم): every form is listed.
    for text in [
        "أفادت مصادر محلية بأن الرهينتين أطلق سراحهما اليوم في كيدال بعد وساطة.",
        "وقالت المصادر إنه تم الإفراج عنهم في كيدال مقابل فدية.",
    ] {
        let found = events(text, Some("2025-10-30"));
        assert_eq!(found.first().map(|e| e.frame), Some(marsad_kb::Frame::Release), "{text}: {found:?}");
    }
}

#[test]
fn arrests_at_a_demonstration_are_part_of_it() {
    let texts = [
        "Des centaines de manifestants ont défilé samedi à Bamako contre la vie chère.\nPlusieurs manifestants ont été arrêtés par la police.",
        "Hundreds of protesters marched in Bamako on Saturday against high prices.\nSeveral protesters were arrested by police.",
        "تظاهر المئات يوم السبت في باماكو احتجاجا على غلاء المعيشة.\nواعتقلت الشرطة عددا من المتظاهرين.",
    ];
    for text in texts {
        let found = events(text, Some("2025-05-12"));
        let types: Vec<_> = found.iter().map(|e| e.sub_event.event_type()).collect();
        assert_eq!(types, [EventType::Protests], "{text}: {found:?}");
    }
}

#[test]
fn the_next_day_is_the_day_after_the_incident_told_before() {
    let texts = [
        "Des jeunes en colère ont incendié jeudi 11 septembre des pneus à Koutiala.\nLe lendemain, les forces de sécurité ont arrêté quinze personnes à Koutiala.",
        "Angry youths burned tyres in Koutiala on Thursday, September 11.\nThe next day, security forces arrested fifteen people in Koutiala.",
        "أحرق شبان غاضبون إطارات في كوتيالا يوم الخميس 11 سبتمبر.\nوفي اليوم التالي، اعتقلت قوات الأمن 15 شخصا في كوتيالا.",
    ];
    for text in texts {
        cov_mark::check!(the_next_day_is_the_day_after_the_one_told_before);
        let found = events(text, Some("2025-09-14"));
        let dates: Vec<_> = found.iter().map(date).collect();
        assert_eq!(dates, [Some("2025-09-11".to_string()), Some("2025-09-12".to_string())], "{text}: {found:?}");
    }
}

#[test]
fn an_air_strike_is_not_the_armed_group_of_the_story_without_a_claim() {
    let texts = [
        "Des militants de l'EIGS ont attaqué lundi le village de Fambita, tuant dix civils.\nMercredi, une frappe aérienne a visé des positions près de Téra.",
        "ISGS militants attacked the village of Fambita on Monday, killing ten civilians.\nOn Wednesday, an air strike hit positions near Téra.",
        "هاجم مسلحو تنظيم الدولة الإسلامية في الصحراء الكبرى يوم الإثنين قرية فامبيتا وقتلوا عشرة مدنيين.\nويوم الأربعاء، استهدفت غارة جوية مواقع قرب تيرا.",
    ];
    for text in texts {
        let found = events(text, Some("2025-03-23"));
        let doers: Vec<_> = found.iter().map(|e| (e.sub_event, actor(e.actor1))).collect();
        assert_eq!(doers, [(SubEvent::Attack, Some("issp")), (SubEvent::AirDroneStrike, None)], "{text}");
    }
}

#[test]
fn the_attack_comes_after_points_back_and_tells_the_incident_that_follows() {
    let texts = [
        "Des jihadistes ont attaqué jeudi un bateau près de Tombouctou.\nL'attaque intervient après que le JNIM a imposé un blocus à Tombouctou le mois dernier.",
        "Jihadists attacked a boat near Timbuktu on Thursday.\nThe attack comes after JNIM announced last month it was blockading Timbuktu.",
        "هاجم جهاديون قاربا قرب تمبكتو يوم الخميس.\nويأتي الهجوم بعد أن فرضت جماعة نصرة الإسلام والمسلمين حصارا على تمبكتو الشهر الماضي.",
    ];
    for text in texts {
        cov_mark::check!(lead_skips_a_trigger_pointing_back);
        let found = events(text, Some("2023-09-08"));
        let types: Vec<_> = found.iter().map(|e| e.sub_event.event_type()).collect();
        assert!(types.contains(&EventType::StrategicDevelopments), "{text}: {found:?}");
        assert_eq!(found.len(), 2, "{text}: {found:?}");
    }
}

#[test]
fn the_body_retelling_the_ledes_incident_by_the_same_word_is_that_incident() {
    let texts = [
        "Le JNIM a attaqué lundi des camions-citernes près de Kati, tuant un chauffeur.\nSelon des sources locales, des combattants du groupe ont attaqué au moins quatre camions.",
        "JNIM attacked fuel tankers near Kati on Monday, killing a driver.\nAccording to local sources, the group's fighters attacked at least four trucks.",
        "هاجمت جماعة نصرة الإسلام والمسلمين يوم الإثنين صهاريج وقود قرب كاتي، وقتلت سائقا.\nونقلت مصادر محلية أن عناصر تابعين للجماعة هاجموا 4 شاحنات صهريجية على الأقل.",
    ];
    for text in texts {
        one_event(text, Some("2025-05-14"));
    }
}

#[test]
fn what_a_body_condemns_is_the_incident_already_told() {
    let texts = [
        "Des hommes armés ont attaqué lundi un camp militaire à Tessalit, tuant quatre soldats.\nDans un communiqué mardi, la MINUSMA condamne cette double attaque contre l'armée au Mali.",
        "Gunmen attacked an army camp in Tessalit on Monday, killing four soldiers.\nIn a statement on Tuesday, MINUSMA condemned the deadly attack on the army in Mali.",
        "هاجم مسلحون يوم الإثنين معسكرا للجيش في تيساليت، وقتلوا أربعة جنود.\nوفي بيان يوم الثلاثاء، أدانت بعثة الأمم المتحدة الهجوم الدامي على الجيش في مالي.",
    ];
    each_one(&texts, "2025-05-14", |e| place(e.place), Some("ml.tessalit"));
}

#[test]
fn volunteers_of_the_army_killed_in_an_attack_make_a_battle() {
    // Arabic names Burkina Faso's VDP by the bare word "volunteers"; French by the militia's own
    // name.
    let texts = [
        "قتل خمسة متطوعين ومدني في هجوم على موقع قرب جيبو يوم الإثنين.",
        "Cinq VDP et un civil ont été tués lundi dans une attaque près de Djibo.",
    ];
    for text in texts {
        let found = events(text, Some("2022-05-17"));
        assert_eq!(found.iter().map(|e| e.sub_event.event_type()).collect::<Vec<_>>(), [EventType::Battles], "{text}");
    }
}

#[test]
fn a_victim_who_dies_of_wounds_later_belongs_to_the_incident_and_its_day() {
    let texts = [
        "Des manifestants ont affronté la police jeudi à Dakar et blessé un agent municipal.\nL'agent a succombé vendredi à ses blessures.",
        "Protesters clashed with police in Dakar on Thursday and wounded a municipal worker.\nThe worker died of his wounds on Friday.",
        "اشتبك متظاهرون مع الشرطة في داكار يوم الخميس وأصابوا موظفا في البلدية.\nوتوفي الموظف يوم الجمعة متأثرا بجراحه.",
    ];
    each_one(&texts, "2023-03-18", date, Some("2023-03-16".to_string()));
}

#[test]
fn an_arabic_new_toll_of_the_attack_is_not_a_new_attack() {
    // Arabic adjectives follow their noun: "الجديدة" before the trigger qualifies the toll.
    let text = "قتل عشرة جنود في هجوم على قافلة قرب غاو يوم الجمعة.\nوقال مسؤول محلي إن الحصيلة الجديدة لقتلى الهجوم بلغت 12 جنديا.";
    assert_eq!(events(text, Some("2025-02-09")).len(), 1, "{text}");
    let another = "قتل عشرة جنود في هجوم على قافلة قرب غاو يوم الجمعة.\nووقع هجوم آخر قرب غاو يوم السبت.";
    assert_eq!(events(another, Some("2025-02-09")).len(), 2, "{another}");
}

#[test]
fn the_dead_listed_before_were_killed_are_victims_not_doers() {
    let texts = [
        "Five VDP members and a civilian were killed in an attack near Djibo on Monday.",
        "Cinq membres des VDP et un civil ont été tués lundi dans une attaque près de Djibo.",
    ];
    for text in texts {
        let found = one_event(text, Some("2022-05-17"));
        assert_ne!(actor(found[0].actor1), Some("vdp"), "{text}");
    }
}

#[test]
fn a_summary_of_incidents_told_one_by_one_adds_no_event() {
    cov_mark::check!(summary_covered_by_single_incidents);
    let text = "Two attacks killed 11 soldiers in the Ségou region on Monday. In the first, gunmen ambushed a patrol near Niono, killing five. Hours later, militants attacked an army post in Markala, killing six.";
    let found = events(text, Some("2025-05-13"));
    let places: Vec<Option<&str>> = found.iter().map(|e| place(e.place)).collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(places.contains(&Some("ml.niono")) && places.contains(&Some("ml.markala")), "{places:?}");
    let tolls: Vec<Option<u64>> = found.iter().map(|e| e.fatalities).collect();
    assert_eq!(tolls, [Some(5), Some(6)]);
}

#[test]
fn contradicting_tolls_from_two_sources_are_claims_of_one_event() {
    let text = "The Malian army said two soldiers were killed when it repelled an attack on its base in Ansongo on Monday. JNIM claimed in a statement that it killed 20 soldiers in the attack on Ansongo.";
    let found = one_event(text, Some("2025-06-10"));
    let e = &found[0];
    assert!(e.disputed);
    assert_eq!(e.fatalities, Some(2));
    let tolls: Vec<Option<u64>> = e.claims.iter().map(|c| c.fatalities).collect();
    assert!(tolls.contains(&Some(2)) && tolls.contains(&Some(20)), "{e:?}");
}

#[test]
fn one_victim_named_in_the_singular_is_a_toll_of_one() {
    cov_mark::check!(toll_of_one_named_victim);
    let found = events("قتل مسلحون سائق شاحنة قرب كيتا أمس.", Some("2025-06-10"));
    assert_eq!(found.first().and_then(|e| e.fatalities), Some(1), "{found:?}");
}

#[test]
fn parts_of_a_toll_are_summed_and_injuries_not_counted() {
    let ar = events("قتل 5 جنود ماليين و3 مدنيين وأصيب 12 آخرون في هجوم على بلدة دوينتزا أمس.", Some("2025-03-02"));
    assert_eq!(ar.first().and_then(|e| e.fatalities), Some(8), "{ar:?}");
    let fr = events("Sept soldats ont été blessés dans une embuscade près de Sévaré mardi.", Some("2025-03-06"));
    assert_eq!(fr.first().map(|e| e.fatalities), Some(None), "{fr:?}");
}

#[test]
fn a_victim_counted_with_an_article_ends_a_list_of_victims() {
    // French counts one with an article ("un apprenti"); alone it is no toll ("un poste").
    cov_mark::check!(an_article_adds_one_victim_to_a_list);
    let listed = events(
        "Deux chauffeurs et un apprenti ont été tués dans l'attaque d'un camion près de Kati.",
        Some("2025-10-18"),
    );
    assert_eq!(listed.first().and_then(|e| e.fatalities), Some(3), "{listed:?}");
    let alone = events("Des hommes armés ont attaqué un poste de police près de Kati lundi.", Some("2025-10-18"));
    assert_eq!(alone.first().map(|e| e.fatalities), Some(None), "{alone:?}");
}

#[test]
fn attackers_killed_add_to_the_victims_of_their_attack() {
    let texts = [
        "Des jihadistes ont attaqué lundi le village de Sofara, tuant quatre civils. Six assaillants ont été tués lors de l'attaque, selon un élu.",
        "Jihadists attacked the village of Sofara on Monday, killing four civilians. Six attackers were killed in the attack, a local official said.",
        "هاجم جهاديون قرية سوفارا يوم الإثنين، ما أسفر عن مقتل أربعة مدنيين. وقتل ستة مهاجمين في الهجوم، بحسب مسؤول محلي.",
    ];
    for text in texts {
        cov_mark::check!(attackers_killed_add_to_the_victims);
        let found = one_event(text, Some("2025-05-14"));
        assert_eq!(found[0].fatalities, Some(10), "{text}");
    }
}

#[test]
fn a_victim_named_in_the_singular_ends_a_list_of_the_dead() {
    let texts = [
        ("Douze soldats et un civil ont été tués dans une attaque contre un poste près de Kati.", Some(13)),
        ("Twelve soldiers and a civilian were killed in an attack on a post near Kati.", Some(13)),
        ("Twelve soldiers were killed and a civilian wounded in an attack on a post near Kati.", Some(12)),
    ];
    for (text, toll) in texts {
        let found = events(text, Some("2025-05-14"));
        assert_eq!(found.first().and_then(|e| e.fatalities), toll, "{text}: {found:?}");
    }
    // French and English count "un civil", "a civilian" as a number (see the article test);
    // Arabic names him with a noun alone, after a count that takes a singular noun itself.
    cov_mark::check!(a_singular_victim_ends_a_list_of_the_dead);
    let ar = events("قتل اثنا عشر جنديا ومدني في هجوم على موقع قرب كاتي.", Some("2025-05-14"));
    assert_eq!(ar.first().and_then(|e| e.fatalities), Some(13), "{ar:?}");
}

#[test]
fn a_victim_added_after_the_toll_is_one_more_dead() {
    // "in addition to" ties a victim named after the clause's toll to the dead, however far;
    // a wounded victim is not added.
    let added = [
        "قتل ستة جنود في هجوم على موقع قرب كاتي، بالإضافة إلى امرأة.",
        "Six soldats ont été tués dans l'attaque d'un poste près de Kati, ainsi qu'une femme.",
        "Six soldiers were killed in the attack on a post near Kati, as well as a woman.",
    ];
    for text in added {
        cov_mark::check!(a_victim_added_after_the_toll_is_one_more_dead);
        assert_eq!(one_event(text, Some("2025-05-14"))[0].fatalities, Some(7), "{text}");
    }
    let wounded = [
        "قتل ستة جنود في هجوم على موقع قرب كاتي، بالإضافة إلى إصابة امرأة.",
        "Six soldiers were killed in the attack on a post near Kati, as well as a woman wounded.",
    ];
    for text in wounded {
        assert_eq!(one_event(text, Some("2025-05-14"))[0].fatalities, Some(6), "{text}");
    }
}

#[test]
fn dates_resolve_against_a_month_only_publication_and_weekdays_name_the_date_after_them() {
    let found = events("Mardi 4 mars, des hommes armés ont attaqué un camp à Boni.", Some("2025-03"));
    assert_eq!(found.first().map(date), Some(Some("2025-03-04".into())), "{found:?}");
    let ranged = events("نفذت الجبهة هجمات بطائرات مسيرة يومي 21 و22 سبتمبر على مواقع في تساليت.", Some("2025-09-23"));
    assert_eq!(ranged.first().map(date), Some(Some("2025-09-21".into())), "{ranged:?}");
}

#[test]
fn history_over_two_years_old_is_background() {
    let found = events("En 2019, des jihadistes avaient attaqué le camp de Boulkessi.", Some("2025-05-11"));
    assert!(!found.is_empty() && found.iter().all(|e| e.background), "{found:?}");
}

#[test]
fn without_a_publication_date_relative_dates_are_not_guessed() {
    let found = one_event("هاجم مسلحون أمس نقطة تفتيش في كاتي.", None);
    assert_eq!(found[0].date, None);
}

#[test]
fn a_definite_mention_without_an_earlier_incident_still_counts_but_this_attack_does_not() {
    let (found, trace) = traced("Cette attaque a choqué les habitants de Gao.", Some("2025-05-11"));
    assert!(found.is_empty(), "{found:?}");
    assert!(trace.notes().iter().any(|n| matches!(n, Note::Dropped { why: Dropped::Dangling, .. })));
}

#[test]
fn claims_of_one_group_cover_the_incidents_told_without_a_doer() {
    cov_mark::check!(claim_covers_an_incident_without_doer);
    let text = "Gunmen attacked an army post in Niono on Tuesday. Separately, a checkpoint near Molodo was attacked. JNIM claimed responsibility for the attack in Niono.";
    let found = events(text, Some("2025-07-02"));
    assert!(found.len() >= 2, "{found:?}");
    assert!(found.iter().all(|e| actor(e.actor1) == Some("jnim")), "{found:?}");
}

#[test]
fn a_place_under_a_heading_line_places_the_incident_told_below() {
    cov_mark::check!(place_from_the_heading_above);
    let text = "Attaques de drones du FLA\n- Goundam – 11 septembre 2024\nFrappe de drone sur un camp militaire, qui a détruit deux véhicules.";
    let found = events(text, Some("2025-08-23"));
    assert_eq!(found.first().and_then(|e| place(e.place)), Some("ml.goundam"), "{found:?}");
}

#[test]
fn a_trigger_pointing_back_leaves_the_lead_to_the_new_incident() {
    cov_mark::check!(lead_skips_a_trigger_pointing_back);
    let text = "Des jihadistes ont attaqué un camp à Nara lundi. Cette attaque prolonge une série d'opérations qui ont frappé le camp de Boni en juin.";
    let found = events(text, Some("2025-07-02"));
    let places: Vec<Option<&str>> = found.iter().map(|e| place(e.place)).collect();
    assert!(places.contains(&Some("ml.boni")), "{found:?}");
}

#[test]
fn soldiers_among_the_targets_make_an_escorted_convoy_attack_a_battle() {
    cov_mark::check!(soldiers_among_the_targets_make_a_battle);
    let text = "Des jihadistes ont attaqué un convoi de camions-citernes près de Kati samedi. Deux soldats de l'escorte ont été tués dans l'attaque près de Kati.";
    let found = one_event(text, Some("2025-09-15"));
    assert_eq!((found[0].sub_event, actor(found[0].actor2)), (SubEvent::ArmedClash, Some("fama")));
}

#[test]
fn one_trigger_with_targets_in_several_places_is_one_incident_per_place() {
    cov_mark::check!(one_trigger_several_placed_targets);
    let text = "استهدفت الطائرات المسيرة تجمعا عسكريا في كيدال، ومقرا للشرطة في تساليت، بالإضافة إلى ثكنة للجيش في غوندام يوم الأحد.";
    let found = events(text, Some("2025-09-23"));
    let places: Vec<Option<&str>> = found.iter().map(|e| place(e.place)).collect();
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(places.contains(&Some("ml.tessalit")) && places.contains(&Some("ml.goundam")), "{places:?}");
}

#[test]
fn the_country_in_a_sentence_means_the_story_country() {
    cov_mark::check!(the_country_means_the_story_country);
    let text = "Des jihadistes ont attaqué un camp militaire à Ménaka lundi.\nMardi, des hommes armés ont enlevé quatre commerçants dans le sud du pays.";
    let found = events(text, Some("2025-06-12"));
    let abducted = found.iter().find(|e| e.sub_event == SubEvent::Abduction).expect("the abduction");
    assert_eq!(place(abducted.place), Some("ml"));
}

#[test]
fn a_state_closing_its_airspace_does_so_at_home() {
    cov_mark::check!(a_measure_happens_in_the_acting_country);
    // The story is Mali's (named twice), the measure Algeria's.
    let found = events(
        "أغلقت الجزائر يوم الاثنين مجالها الجوي أمام مالي. وتشهد مالي توترا مع جارتها منذ أشهر.",
        Some("2025-04-08"),
    );
    assert_eq!(found.first().and_then(|e| place(e.place)), Some("dz"), "{found:?}");
}

#[test]
fn a_convoy_set_on_fire_with_nobody_hurt_is_property_destruction() {
    cov_mark::check!(burnt_property_without_victims_is_looting);
    let found = events(
        "Armed men attacked a convoy of fuel tankers near Kati on Tuesday and torched several trucks.",
        Some("2025-10-29"),
    );
    assert_eq!(found.first().map(|e| e.sub_event), Some(SubEvent::Looting), "{found:?}");
}

#[test]
fn fighting_and_a_call_to_leave_in_one_sentence_are_two_things() {
    let text = "قالت السفارة الأمريكية إن القتال في منطقة كاتي يهدد الأمن، ودعت مواطنيها إلى مغادرة مالي فورا.";
    let found = events(text, Some("2025-10-29"));
    assert!(found.iter().any(|e| e.frame == marsad_kb::Frame::Evacuate), "{found:?}");
}

#[test]
fn a_village_the_base_lacks_is_placed_at_the_unit_the_text_gives() {
    cov_mark::check!(unlisted_place_located_at_its_unit);
    let found = events(
        "Des hommes armés ont tué trois bergers dans le village de Soumpiri, dans la région de Ségou, mardi.",
        Some("2025-05-08"),
    );
    let e = found.first().expect("one event");
    assert_eq!((place(e.place), e.geo_precision), (Some("ml.segou-region"), 2), "{found:?}");
    assert!(e.unknown_place.is_some());
}

#[test]
fn places_told_after_a_summary_are_its_incidents() {
    cov_mark::check!(reference_tells_what_a_summary_announced);
    let text = "Trois attentats-suicides ont visé dimanche des camps militaires au centre du Mali. Ils se sont déroulés à Sévaré, Niono et Boni vers cinq heures du matin.";
    let found = events(text, Some("2025-04-26"));
    let places: Vec<Option<&str>> = found.iter().map(|e| place(e.place)).collect();
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(places.contains(&Some("ml.sevare")) && places.contains(&Some("ml.boni")), "{places:?}");
    assert!(found.iter().all(|e| e.sub_event == SubEvent::SuicideBomb), "{found:?}");
}

#[test]
fn a_strike_back_by_the_target_is_another_incident() {
    let text = "Des jihadistes du JNIM ont attaqué un camp de l'armée malienne à Boni lundi. L'armée malienne a riposté par des frappes aériennes sur les positions du JNIM près de Boni.";
    let found = events(text, Some("2025-04-29"));
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn an_attack_told_with_a_drone_is_an_air_strike() {
    cov_mark::check!(an_attack_by_drone_is_an_air_strike);
    let found = events("قالت مصادر محلية إن طائرة مسيرة قصفت أمس موقعا قرب ليري.", Some("2025-10-11"));
    assert_eq!(found.first().map(|e| e.sub_event), Some(SubEvent::AirDroneStrike), "{found:?}");
}

#[test]
fn a_french_participle_in_a_headline_tells_the_target_not_the_doer() {
    cov_mark::check!(bare_french_participle_is_passive);
    let text = "Un camp de l'armée attaqué près de Ségou\n\n\
                Des assaillants non identifiés ont attaqué mardi un camp de l'armée malienne près de Ségou.";
    let found = one_event(text, Some("2025-10-08"));
    let e = &found[0];
    assert_eq!(actor(e.actor2), Some("fama"), "{e:?}");
    assert_ne!(actor(e.actor1), Some("fama"), "the target is not the doer: {e:?}");
    // With the perfect's auxiliary the participle is active: the doer stands before it.
    let active = events("Les militaires ont attaqué une base jihadiste près de Ségou mardi.", Some("2025-10-08"));
    assert_eq!(active.first().and_then(|e| actor(e.actor1)), Some("fama"), "{active:?}");
}

#[test]
fn where_the_wounded_were_taken_is_not_where_they_were_hurt() {
    cov_mark::check!(taken_to_hospital_is_no_evacuation);
    for (text, lang) in [
        (
            "Deux soldats ont été blessés jeudi dans une embuscade tendue par des jihadistes, puis évacués vers Mopti.",
            "fr",
        ),
        ("أصيب ثلاثة جنود في كمين نصبه مسلحون أمس الخميس، وتم نقلهم إلى موبتي لتلقي العلاج.", "ar"),
        ("Three soldiers were wounded in an ambush by gunmen on Thursday and were flown to Mopti for treatment.", "en"),
    ] {
        let found = one_event(text, Some("2025-10-10"));
        assert_ne!(place(found[0].place), Some("ml.mopti"), "{lang}: {found:?}");
    }
}

#[test]
fn the_doer_named_behind_some_of_its_members_is_still_the_doer() {
    cov_mark::check!(doer_behind_a_partitive);
    for (text, lang) in [
        ("Un poste de gendarmerie a été attaqué mardi près de Nioro du Sahel par des éléments du JNIM.", "fr"),
        ("قتل خمسة مدنيين أمس في هجوم قرب نيورو شنه عناصر من جماعة نصرة الإسلام والمسلمين.", "ar"),
        ("A gendarmerie post was attacked near Nioro du Sahel on Tuesday by fighters of JNIM.", "en"),
    ] {
        let found = events(text, Some("2025-10-08"));
        assert_eq!(found.first().and_then(|e| actor(e.actor1)), Some("jnim"), "{lang}: {found:?}");
        assert!(found.iter().all(|e| actor(e.actor2) != Some("jnim")), "{lang}: {found:?}");
    }
}

#[test]
fn every_member_of_a_list_after_by_is_a_doer_not_a_target() {
    cov_mark::check!(agent_marker_covers_the_list);
    let text = "قتل 20 مدنيا أمس الإثنين قرب غاو في هجوم شنه عناصر من مجموعة فاغنر والجيش المالي.";
    let found = one_event(text, Some("2025-02-18"));
    let e = &found[0];
    assert_eq!(
        (actor(e.actor1), actor(e.actor2)),
        (Some("wagner"), Some("civilians")),
        "a co-doer is no target: {e:?}"
    );
    assert_eq!(e.sub_event, SubEvent::Attack, "{e:?}");
}

#[test]
fn the_escort_of_an_attacked_convoy_is_a_target_not_the_doer() {
    cov_mark::check!(escort_is_no_doer);
    for (text, lang) in [
        ("Un convoi de camions-citernes escorté par l'armée malienne a été attaqué jeudi près de Kati.", "fr"),
        ("A fuel convoy escorted by the Malian army was attacked near Kati on Thursday.", "en"),
        ("هاجم مسلحون أمس قافلة شاحنات يرافقها الجيش المالي قرب كاتي.", "ar"),
    ] {
        let found = one_event(text, Some("2025-10-10"));
        let e = &found[0];
        assert_ne!(actor(e.actor1), Some("fama"), "{lang}: the escort is no doer: {e:?}");
        assert_eq!(e.sub_event, SubEvent::ArmedClash, "{lang}: soldiers among the targets: {e:?}");
    }
}

#[test]
fn a_group_described_before_its_name_after_by_is_the_doer() {
    let text = "Un poste de gendarmerie a été attaqué mardi près de Nara. L'attaque a été menée par le groupe terroriste JNIM.";
    let found = one_event(text, Some("2025-10-08"));
    assert_eq!(actor(found[0].actor1), Some("jnim"), "{found:?}");
}

#[test]
fn an_undated_page_gives_its_day_and_month_dates_the_year_of_its_latest_full_date() {
    cov_mark::check!(undated_page_takes_its_year_from_its_latest_date);
    let text = "Des jihadistes ont attaqué un convoi près de Nara le 12 juin 2025.\n\n\
                Le 14 juin, des hommes armés ont incendié des camions près de Diéma.";
    let found = events(text, None);
    let dates: Vec<Option<String>> = found.iter().map(date).collect();
    assert!(dates.contains(&Some("2025-06-14".to_string())), "{dates:?}");
}

#[test]
fn a_kind_of_incident_is_no_incident() {
    for (text, lang) in [
        ("De telles attaques contre les convois de carburant près de Kayes coûtent cher aux transporteurs.", "fr"),
        ("Such attacks on fuel convoys near Kayes cost the transporters dearly.", "en"),
        ("مثل هذه الهجمات على قوافل الوقود قرب كايس تكلف الناقلين كثيرا.", "ar"),
    ] {
        assert!(events(text, Some("2025-10-10")).is_empty(), "{lang}: {:?}", events(text, Some("2025-10-10")));
    }
}

#[test]
fn a_state_is_not_the_doer_of_an_attack_on_its_own_forces() {
    // The government named around violence falls below the threshold as its doer (feature
    // government_in_violence) before `one_state` has to rule it out.
    let text = "Niger endured a deadly Sunday as an attack targeted the Nigerien army near Tillabéri.";
    let found = one_event(text, Some("2025-10-13"));
    let (a1, a2) = (actor(found[0].actor1), actor(found[0].actor2));
    assert_eq!(a2, Some("forces.ne"), "{found:?}");
    assert_ne!(a1, Some("gov.ne"), "{found:?}");
}

#[test]
fn victims_counted_before_in_an_attack_do_not_make_it_a_summary() {
    // The lede's attack is an incident of its own; only "two attacks" would announce others.
    let text = "قُتل 22 مدنيا في هجوم شنه مسلحون على قرية في منطقة تيلابيري بالنيجر أمس الأحد.\n\n\
                وفي حادث منفصل، قتل مسلحون جنديين قرب تيرا مساء الأحد. كما هاجم مسلحون سوقا في أيورو.";
    let found = events(text, Some("2025-10-13"));
    assert!(found.iter().any(|e| e.fatalities == Some(22)), "the lede's incident stays: {found:?}");
}

#[test]
fn what_follows_unnamed_gunmen_after_an_arabic_verb_is_the_object() {
    // "هاجم مسلحون السوق": the gunmen are the subject; the market's people are the target.
    let found = one_event("هاجم مسلحون السوق الأسبوعي في أيورو أمس الأحد.", Some("2025-10-13"));
    assert_eq!((actor(found[0].actor2), found[0].sub_event), (Some("civilians"), SubEvent::Attack), "{found:?}");
}

#[test]
fn stolen_livestock_is_looting() {
    for (text, lang) in [
        ("Des jihadistes ont volé le bétail de plusieurs éleveurs près de Douentza mardi.", "fr"),
        ("Gunmen drove away stolen cattle from herders near Douentza on Tuesday.", "en"),
        ("أقدم مسلحون على سرقة الماشية من رعاة قرب دوينتزا يوم الثلاثاء.", "ar"),
    ] {
        let found = events(text, Some("2025-10-10"));
        assert_eq!(found.first().map(|e| e.sub_event), Some(SubEvent::Looting), "{lang}: {found:?}");
    }
}

#[test]
fn tankers_attacked_and_set_on_fire_without_victims_are_property_destruction() {
    // The fire is told as what the attack caused ("ما أدى إلى اندلاع حرائق", "provoquant des
    // incendies", "setting trucks on fire"); soldiers killed keep the attack a battle.
    let texts = [
        "هاجم مسلحون قافلة صهاريج وقود قرب كاتي، ما أدى إلى اندلاع حرائق في عدد من الشاحنات.",
        "Des hommes armés ont attaqué un convoi de camions-citernes près de Kati, provoquant des incendies dans plusieurs camions.",
        "Gunmen attacked a convoy of fuel tankers near Kati, setting several trucks on fire.",
    ];
    each_one(&texts, "2025-10-29", |e| e.sub_event, SubEvent::Looting);
    let battle = one_event(
        "Gunmen attacked an army post near Kati, killing two soldiers and setting vehicles on fire.",
        Some("2025-10-29"),
    );
    assert_eq!(battle[0].sub_event, SubEvent::ArmedClash, "{battle:?}");
}

#[test]
fn a_mention_placed_by_the_text_before_does_not_keep_a_told_incident_apart() {
    // "une attaque à grande échelle" takes Goundam from the lede; the shelling told at Goundam
    // with a place of its own is the same incident as the lede's attack there.
    let texts = [
        "Le Jnim revendique des attaques contre l'armée à Niafunké et Goundam. Le Jnim revendique une « attaque à grande échelle ». Le camp de Niafunké a été visé par une voiture piégée. Le groupe revendique aussi des tirs d'obus de mortier contre le camp militaire de Goundam.",
        "JNIM claims attacks on the army in Niafunké and Goundam. JNIM claims a large-scale attack. The camp in Niafunké was hit by a car bomb. The group also claims mortar fire on the army camp in Goundam.",
        "جماعة نصرة الإسلام والمسلمين تتبنى هجمات على الجيش في نيافونكي وغوندام. وتبنت الجماعة هجوما واسع النطاق. واستهدفت سيارة مفخخة معسكر نيافونكي. كما تبنت الجماعة قصف معسكر الجيش في غوندام بقذائف الهاون.",
    ];
    for text in texts {
        cov_mark::check!(a_member_placed_by_the_text_before_does_not_veto);
        let found = events(text, Some("2023-11-25"));
        let told: Vec<_> = found.iter().map(|e| (place(e.place), e.sub_event)).collect();
        assert_eq!(
            told,
            [(Some("ml.niafunke"), SubEvent::SuicideBomb), (Some("ml.goundam"), SubEvent::Shelling)],
            "{text}"
        );
    }
}

#[test]
fn a_crowd_gathering_to_demand_is_a_protest() {
    let texts = [
        "À Agadez, des centaines de personnes se sont réunies dimanche près de l'aéroport pour réclamer le départ des troupes étrangères.",
        "In Agadez, hundreds gathered on Sunday near the airport to demand the departure of foreign troops.",
        "في أغاديز، احتشد المئات يوم الأحد قرب المطار للمطالبة برحيل القوات الأجنبية.",
    ];
    each_one(&texts, "2023-08-20", |e| (e.sub_event, place(e.place)), (SubEvent::PeacefulProtest, Some("ne.agadez")));
}

#[test]
fn killed_beside_arrested_is_a_battle_and_only_the_dead_are_counted() {
    let texts = [
        "Jeudi, neuf terroristes ont été tués et 31 autres arrêtés par une patrouille de l'armée près de Téra.",
        "On Thursday, nine militants were killed and 31 others arrested by an army patrol near Téra.",
        "قتل الجيش تسعة إرهابيين واعتقل 31 آخرين قرب تيرا يوم الخميس.",
    ];
    for text in texts {
        cov_mark::check!(killed_beside_arrested_is_the_incident);
        let found = one_event(text, Some("2024-06-23"));
        assert_eq!((found[0].sub_event, found[0].fatalities), (SubEvent::ArmedClash, Some(9)), "{text}");
    }
}

#[test]
fn soldiers_escorting_trucks_are_the_target_not_the_trucks_owners() {
    let texts = [
        "هاجم مسلحون جنودا ماليين يرافقون شاحنات قرب ميناكا.",
        "Des hommes armés ont attaqué des soldats maliens qui escortaient des camions près de Ménaka.",
        "Gunmen attacked Malian soldiers escorting trucks near Ménaka.",
    ];
    each_one(&texts, "2023-08-04", |e| (e.sub_event, actor(e.actor2)), (SubEvent::ArmedClash, Some("fama")));
}

#[test]
fn a_time_stamp_opening_the_lede_does_not_date_the_incident() {
    // "13:00 - 04 أغسطس 2023" is when the page was posted; glued to the first word or not.
    let texts = [
        "13:00 - 04 أغسطس 2023هاجم مسلحون موقعا للجيش قرب ميناكا.",
        "13:00 - 4 août 2023 Des hommes armés ont attaqué un poste de l'armée près de Ménaka.",
        "13:00 - August 4, 2023 Gunmen attacked an army post near Ménaka.",
    ];
    for text in texts {
        cov_mark::check!(a_time_stamp_opening_a_line_is_a_dateline);
        assert_eq!(one_event(text, Some("2023-08-05"))[0].date, None, "{text}");
    }
}

#[test]
fn a_country_trucks_were_on_their_way_to_is_no_place() {
    // "في طريقها للنيجر": the destination, with its preposition attached.
    let found = one_event("هاجم مسلحون شاحنات كانت في طريقها للنيجر في شمال مالي.", Some("2023-08-04"));
    assert_eq!(place(found[0].place), Some("ml"), "{found:?}");
}

#[test]
fn located_in_is_no_incident() {
    // "الواقعة" is "the incident", and "located" before a place phrase.
    cov_mark::check!(an_anaphor_followed_by_a_locative_locates);
    let text = "قتل مسلحون 12 مدنيا في هجوم على قرية قرب بانكاس. وتعاني مالي الواقعة بغرب أفريقيا من العنف منذ 2012.";
    let found = one_event(text, Some("2023-06-16"));
    assert_eq!(place(found[0].place), Some("ml.bankass"), "{found:?}");
}

#[test]
fn killed_and_wounded_together_and_ranges_are_not_summed_as_deaths() {
    let casualties = [
        "اقتحم مسلحون قرية قرب باندياغارا، وسقط 30 قتيلا وجريحا.",
        "Des hommes armés ont attaqué un village près de Bandiagara, faisant 30 morts et blessés.",
        "Gunmen attacked a village near Bandiagara, leaving 30 dead or wounded.",
    ];
    for text in casualties {
        cov_mark::check!(killed_and_wounded_together_count_no_deaths);
        assert_eq!(one_event(text, Some("2022-06-18"))[0].fatalities, None, "{text}");
    }
    let ranges = [
        "اقتحم مسلحون قرية قرب باندياغارا، وتتراوح الحصيلة بين 20 و30 قتيلا.",
        "Des hommes armés ont attaqué un village près de Bandiagara, faisant entre 20 et 30 morts.",
        "Gunmen attacked a village near Bandiagara, killing between 20 and 30 people.",
    ];
    for text in ranges {
        cov_mark::check!(a_range_counts_its_lower_end);
        assert_eq!(one_event(text, Some("2022-06-18"))[0].fatalities, Some(20), "{text}");
    }
}

#[test]
fn a_town_lies_in_the_region_the_news_names_from_before_the_reform() {
    // Bandiagara has been a region of its own since 2023; the news still says "the Mopti region".
    let texts = [
        "قتل مسلحون 21 مدنيا في هجوم على قرية في منطقة موبتي. واقتحم المسلحون القرية الواقعة قرب باندياغارا وأطلقوا النار على السكان.",
        "Des hommes armés ont tué 21 civils dans l'attaque d'un village de la région de Mopti. Les assaillants ont pris d'assaut le village, près de Bandiagara, et tiré sur les habitants.",
        "Gunmen killed 21 civilians in an attack on a village in the Mopti region. The attackers stormed the village, near Bandiagara, and fired on residents.",
    ];
    for text in texts {
        cov_mark::check!(inside_the_region_before_the_reform);
        let found = one_event(text, Some("2022-06-18"));
        assert_eq!(found[0].fatalities, Some(21), "{text}");
    }
}

#[test]
fn authorities_named_around_violence_are_not_its_doer() {
    let texts = [
        "قتل مسلحون 21 مدنيا في هجوم على قرية قرب باندياغارا. وحال الوضع الأمني دون توجه السلطات إلى موقع الهجوم.",
        "Des hommes armés ont tué 21 civils lors de l'attaque d'un village près de Bandiagara. L'insécurité a empêché les autorités de se rendre sur le lieu de l'attaque.",
        "Gunmen killed 21 civilians in an attack on a village near Bandiagara. Insecurity kept the authorities from reaching the site of the attack.",
    ];
    each_one(&texts, "2025-03-15", |e| actor(e.actor1), None);
}

#[test]
fn government_forces_are_the_state_forces_and_kill_civilians_they_name_after_the_verb() {
    // "قتل الجيش مدنيين": the army is the killer, the civilians after it the killed; "and allied
    // militias" joined to the subject after a verb of saying keeps it the subject.
    let texts = [
        "في بوركينا فاسو، قتلت القوات الحكومية مدنيين قرب سولينزو.",
        "Une source locale a indiqué à l'AFP que les forces gouvernementales et des milices alliées ont tué des dizaines de civils près de Solenzo.",
        "A local source told AFP that government forces and allied militias killed dozens of civilians near Solenzo.",
    ];
    each_one(&texts, "2025-03-15", |e| (e.sub_event, actor(e.actor1)), (SubEvent::Attack, Some("forces.bf")));
}

#[test]
fn an_army_that_lost_soldiers_is_their_target_and_things_lost_are_no_toll() {
    let texts = [
        "L'armée malienne a perdu 38 soldats dans l'attaque du camp de Boulkessi par des djihadistes lundi.",
        "The Malian army lost 38 soldiers in an attack by jihadists on its camp at Boulkessi on Monday.",
        "فقد الجيش المالي 38 جنديا في هجوم لجهاديين على معسكر بولكيسي يوم الإثنين.",
    ];
    for text in texts {
        cov_mark::check!(a_loss_of_people_counted_is_a_kill);
        let found = one_event(text, Some("2019-10-04"));
        assert_eq!(
            (actor(found[0].actor1), actor(found[0].actor2), found[0].fatalities),
            (None, Some("fama"), Some(38))
        );
    }
    let things =
        one_event("L'armée a perdu trois véhicules dans l'attaque du camp de Boulkessi lundi.", Some("2019-10-04"));
    assert_eq!(things[0].fatalities, None, "{things:?}");
}

#[test]
fn an_army_named_as_the_subject_of_a_clash_stays_its_doer_though_soldiers_died() {
    let texts = [
        "اشتبك الجيش المالي أمس مع مسلحين من جماعة نصرة الإسلام والمسلمين قرب كيتا، وقتل في الاشتباكات أربعة جنود، وفق مصدر عسكري.",
        "L'armée malienne a affronté hier des combattants du JNIM près de Kita, et quatre soldats ont été tués dans les combats, selon une source militaire.",
        "The Malian army clashed with JNIM fighters near Kita yesterday, and four soldiers were killed in the fighting, a military source said.",
    ];
    each_one(&texts, "2025-11-05", |e| (actor(e.actor1), actor(e.actor2)), (Some("fama"), Some("jnim")));
}

#[test]
fn the_army_saying_militants_were_killed_is_not_among_them() {
    let texts = [
        "Malian soldiers clashed with JNIM fighters near Kita on Friday, and the army said six militants were killed.",
        "Des soldats maliens ont affronté vendredi des combattants du JNIM près de Kita, et l'armée a dit que six jihadistes ont été tués.",
        "اشتبك جنود ماليون مع مقاتلين من جماعة نصرة الإسلام والمسلمين قرب كيتا الجمعة، وقال الجيش إن ستة مسلحين قتلوا.",
    ];
    each_one(
        &texts,
        "2025-09-20",
        |e| (actor(e.actor1), actor(e.actor2), e.fatalities),
        (Some("fama"), Some("jnim"), Some(6)),
    );
}

#[test]
fn a_tally_multiplied_over_years_is_no_incident() {
    tells_none(
        &[
            "Le nombre de victimes des violences a été multiplié par cinq depuis 2016 au Mali et au Niger.",
            "The number of victims of violence has doubled since 2016 in Mali and Niger.",
            "تضاعف عدد ضحايا أعمال العنف منذ 2016 في مالي والنيجر.",
        ],
        "2020-01-26",
    );
}

#[test]
fn a_guess_after_the_incident_neither_types_nor_drops_it() {
    let texts = [
        "Des hommes armés ont attaqué mardi le camp de Mourdiah, ce qui suggère l'utilisation de véhicules kamikazes.",
        "Gunmen attacked the Mourdiah camp on Tuesday, which suggests the use of suicide car bombs.",
        "هاجم مسلحون معسكر مورديا الثلاثاء، ما يشير إلى استخدام سيارات مفخخة.",
    ];
    for text in texts {
        cov_mark::check!(a_guess_after_the_incident_does_not_lead);
        assert_eq!(one_event(text, Some("2024-03-12"))[0].sub_event, SubEvent::ArmedClash, "{text}");
    }
}

#[test]
fn a_far_landmark_leaves_the_lede_to_join_the_place_the_body_gives() {
    // The lede's only place is 200 km away: not the incident's; the body's town is, and the
    // army whose statement the body cites is its source, not its doer.
    let texts = [
        "Situé à environ 200 kilomètres au nord de Bamako, ce camp a été la cible d'une attaque mardi. Selon le communiqué de l'armée, l'attaque visait des unités près de Mourdiah.",
        "Located some 200 kilometres north of Bamako, the camp was attacked on Tuesday. According to a statement from the army, the attack targeted units near Mourdiah.",
        "تعرض المعسكر الواقع على بعد 200 كيلومتر شمال باماكو لهجوم الثلاثاء. وحسب بيان الجيش، استهدف الهجوم وحدات قرب مورديا.",
    ];
    for text in texts {
        let found = one_event(text, Some("2024-03-12"));
        assert_eq!((place(found[0].place), actor(found[0].actor1)), (Some("ml.mourdiah"), None), "{text}");
    }
    cov_mark::check!(an_incident_undergone_is_passive);
    let found = one_event(texts[2], Some("2024-03-12"));
    assert_eq!(actor(found[0].actor2), Some("fama"), "{found:?}");
}

#[test]
fn yearly_figures_and_the_fight_against_an_insurgency_are_no_incidents() {
    tells_none(&[
        "According to UN figures, jihadist attacks in Burkina Faso, Mali and Niger left nearly 4,000 people dead last year.",
        "Selon les chiffres de l'ONU, les attaques jihadistes au Burkina Faso, au Mali et au Niger ont fait près de 4 000 morts l'an dernier.",
        "وفق أرقام الأمم المتحدة، أودت الهجمات الجهادية في بوركينا فاسو ومالي والنيجر بحياة نحو 4000 شخص العام الماضي.",
        "Burkina Faso is part of a regional effort to battle an Islamist insurgency, along with Mali and Niger.",
    ], "2020-04-08");
}

#[test]
fn an_incident_told_as_earlier_is_another_one() {
    let texts = [
        "قتل مسلحون جنديين قرب تيرا أمس الأربعاء. وقبل يومين قتل مسلحون 20 مدنيا في قرية قرب أيورو.",
        "Des hommes armés ont tué deux soldats près de Téra mercredi. Deux jours plus tôt, des hommes armés avaient tué 20 civils dans un village près d'Ayorou.",
        "Gunmen killed two soldiers near Téra on Wednesday. Two days earlier, gunmen killed 20 civilians in a village near Ayorou.",
    ];
    for text in texts {
        let found = events(text, Some("2023-08-16"));
        let told: Vec<_> = found.iter().map(|e| (place(e.place), e.fatalities)).collect();
        assert_eq!(told, [(Some("ne.tera"), Some(2)), (Some("ne.ayorou"), Some(20))], "{text}");
    }
}

#[test]
fn soldiers_killed_with_a_civilian_make_a_battle() {
    let texts = [
        "قتل جنديان ومدني في هجوم نفذه إرهابيون على قرية تابالا قرب تيرا.",
        "Deux soldats et un civil ont été tués lors de l'attaque du village de Tabala près de Téra.",
        "Two soldiers and a civilian were killed when gunmen attacked the village of Tabala near Téra.",
    ];
    let told = |e: &Event| (e.sub_event, actor(e.actor2), e.fatalities);
    each_one(&texts, "2023-08-16", told, (SubEvent::ArmedClash, Some("forces.ne"), Some(3)));
    // The village attacked names the civilians as a target of their own: the soldiers killed outrank them.
    cov_mark::check!(soldiers_killed_with_civilians_are_the_target);
    let found = one_event(texts[0], Some("2023-08-16"));
    assert_eq!(told(&found[0]), (SubEvent::ArmedClash, Some("forces.ne"), Some(3)));
}

#[test]
fn deaths_told_before_following_an_ambush_are_its_toll() {
    // "إثر كمين", "à la suite d'une embuscade", "following an ambush": the cause of the deaths
    // just told, not an earlier incident.
    let texts = [
        "قتل 17 جنديا واعتبر 11 مفقودين إثر كمين قرب تيرا.",
        "Dix-sept soldats ont été tués à la suite d'une embuscade près de Téra.",
        "Seventeen soldiers were killed following an ambush near Téra.",
    ];
    for text in texts {
        cov_mark::check!(deaths_before_following_name_what_the_incident_caused);
        let found = one_event(text, Some("2023-08-16"));
        assert_eq!(
            (found[0].sub_event, found[0].fatalities, found[0].background),
            (SubEvent::ArmedClash, Some(17), false)
        );
    }
}

#[test]
fn weapons_seized_are_no_weapon_used_and_a_patrol_falling_victim_is_the_target() {
    let seized = [
        "قتل الجيش ثلاثة إرهابيين قرب تيرا وعثر على دراجات نارية وبنادق وقاذفة صواريخ.",
        "L'armée a tué trois terroristes près de Téra et a saisi des motos, des fusils et des roquettes.",
        "The army killed three militants near Téra and seized motorbikes, rifles and rockets.",
    ];
    for text in seized {
        cov_mark::check!(a_weapon_seized_is_no_trigger);
        assert_eq!(one_event(text, Some("2023-08-16"))[0].sub_event, SubEvent::ArmedClash, "{text}");
    }
    let found = one_event(
        "وقعت دورية للقوات المسلحة النيجرية ضحية كمين قرب الحدود المشتركة مع مالي في منطقة تيلابيري، ونقل الجرحى لتلقي العلاج بالعاصمة نيامي.",
        Some("2023-08-16"),
    );
    assert_eq!(
        (found[0].sub_event, actor(found[0].actor1), actor(found[0].actor2), place(found[0].place)),
        (SubEvent::ArmedClash, None, Some("forces.ne"), Some("ne.tillaberi-region")),
        "{found:?}"
    );
}

#[test]
fn the_same_area_is_where_the_incident_told_before_happened() {
    // The earlier attack "in the same area" is not placed in the capital the clause after it names.
    let texts = [
        "هاجم مسلحون قافلة صهاريج قرب سيكاسو الجمعة. ويأتي هذا الهجوم بعد أيام من اعتداء مماثل استهدف قافلة وقود في نفس المنطقة مطلع الأسبوع، في ظل نقص حاد في البنزين في العاصمة باماكو.",
        "Des hommes armés ont attaqué vendredi un convoi de citernes près de Sikasso. Plus tôt dans la semaine, un autre convoi avait été attaqué dans la même zone, alors que l'essence manque à Bamako.",
        "Gunmen attacked a tanker convoy near Sikasso on Friday. Earlier in the week another convoy was attacked in the same area, while fuel ran short in Bamako.",
    ];
    for text in texts {
        cov_mark::check!(the_same_area_is_the_place_told_before);
        let found = events(text, Some("2025-10-18"));
        assert!(!found.is_empty() && found.iter().all(|e| place(e.place) == Some("ml.sikasso")), "{text}: {found:?}");
    }
}

#[test]
fn dozens_of_tankers_are_no_toll_and_a_proclitic_and_joins_counts_of_the_dead() {
    cov_mark::check!(a_count_of_things_is_no_toll);
    let tankers = one_event(
        "شن مسلحون هجوما على قافلة تضم عشرات الصهاريج قرب كايس أدى إلى تدميرها ومقتل عدد من العسكريين.",
        Some("2025-10-17"),
    );
    assert_eq!(tankers[0].fatalities, None, "{tankers:?}");
    let texts = [
        "قُتل ثلاثة جنود ماليين وأربعة مهاجمين قرب كايس.",
        "Trois soldats maliens et quatre assaillants ont été tués près de Kayes.",
        "Three Malian soldiers and four attackers were killed near Kayes.",
    ];
    each_one(&texts, "2025-10-17", |e| e.fatalities, Some(7));
}

#[test]
fn a_period_opened_long_ago_does_not_date_the_incident_it_is_told_with() {
    // "depuis 2015" is the context's; it made the attack history and hid it.
    let texts = [
        "Six volontaires ont été tués dans une attaque près de Djibo. Cette attaque s'inscrit dans un contexte de violences récurrentes dans le pays depuis 2015.",
        "Six volunteers were killed in an attack near Djibo. The attack is part of a wave of violence that has hit the country since 2015.",
        "قتل ستة متطوعين في هجوم قرب جيبو. ويأتي هذا الهجوم في سياق أعمال عنف متكررة في البلاد منذ 2015.",
    ];
    cov_mark::check_count!(a_context_since_long_ago_dates_no_incident, 3);
    each_one(&texts, "2023-03-10", |e| (e.date, e.background, e.fatalities), (None, false, Some(6)));
}

#[test]
fn victims_described_as_mostly_auxiliaries_are_still_counted() {
    let texts = [
        "قتل 12 شخصا على الأقل، معظمهم من المتطوعين، في هجوم قرب جيبو.",
        "Au moins douze personnes, en grande partie des supplétifs civils de l'armée, ont été tuées mercredi lors d'une attaque près de Djibo.",
        "At least twelve people, mostly army auxiliaries, were killed on Wednesday in an attack near Djibo.",
    ];
    each_one(&texts, "2022-12-08", |e| e.fatalities, Some(12));
}

#[test]
fn struck_after_an_auxiliary_is_an_attack_and_a_strike_noun_stays_an_air_strike() {
    cov_mark::check!(a_strike_after_an_auxiliary_is_an_attack);
    let struck = one_event(
        "Les terroristes ont encore frappé au Burkina Faso, tuant 40 civils près de Seytenga.",
        Some("2022-06-12"),
    );
    assert_eq!(struck[0].sub_event, SubEvent::Attack, "{struck:?}");
    let strike = one_event("Une frappe de drone a tué 10 jihadistes près de Djibo.", Some("2022-06-12"));
    assert_eq!(strike[0].sub_event, SubEvent::AirDroneStrike, "{strike:?}");
}

#[test]
fn a_village_that_locates_a_barracks_is_no_target_and_no_second_place() {
    let texts = [
        "استهدف مسلحون ثكنة عسكرية في قرية بير شرق تمبكتو.",
        "Des hommes armés ont attaqué un camp militaire dans le village de Ber, à l'est de Tombouctou.",
        "Gunmen attacked an army barracks in the village of Ber, east of Timbuktu.",
    ];
    for text in texts {
        cov_mark::check!(a_village_locating_a_military_target_is_no_target);
        let found = one_event(text, Some("2024-11-22"));
        assert_eq!((actor(found[0].actor2), place(found[0].place)), (Some("fama"), Some("ml.ber")), "{text}");
    }
}

#[test]
fn a_mention_placed_only_in_the_country_joins_the_one_told_inside_it() {
    let texts = [
        "قتل عشرة مدنيين وثلاثة جنود في هجوم استهدف معسكرا في البلاد السبت. وقال الجيش إن المهاجمين فجروا سيارات مفخخة قرب مطار سيفاري.",
        "Dix civils et trois soldats ont été tués samedi dans une attaque contre un camp militaire du pays. Selon l'armée, les assaillants ont fait exploser des voitures piégées près de l'aéroport de Sévaré.",
        "Ten civilians and three soldiers were killed on Saturday in an attack on an army camp in the country. The army said the attackers detonated car bombs near the Sévaré airport.",
    ];
    for text in texts {
        cov_mark::check!(a_mention_placed_in_the_country_joins_one_told_inside_it);
        let found = one_event(text, Some("2023-04-24"));
        assert_eq!((place(found[0].place), found[0].fatalities), (Some("ml.sevare"), Some(13)), "{text}");
    }
}

#[test]
fn soldiers_at_least_before_an_arabic_verb_underwent_it() {
    // "15 جنديا على الأقل قتلوا": "at least" between the counted noun and the verb.
    cov_mark::check!(a_counted_noun_before_an_arabic_verb_underwent_it);
    let found = one_event("قال الجيش إن 15 جنديا على الأقل قتلوا يوم الخميس في هجوم قرب تمبكتو.", Some("2023-09-08"));
    assert_eq!((actor(found[0].actor1), actor(found[0].actor2)), (None, Some("fama")), "{found:?}");
    // Nor does it part an earlier count from the death word: 49 + 15.
    let listed =
        one_event("ذكرت الحكومة أن 49 مدنيا و15 جنديا على الأقل قتلوا الخميس في هجوم قرب تمبكتو.", Some("2023-09-08"));
    assert_eq!(listed[0].fatalities, Some(64), "{listed:?}");
}

#[test]
fn a_count_joined_before_the_first_dead_opens_the_list_and_posts_are_no_toll() {
    cov_mark::check!(a_count_joined_before_the_first_dead_opens_the_list);
    let listed = one_event(
        "لقي ما لا يقل عن ثلاثة جنود وثمانية متطوعين مدنيين يدعمون الجيش، مصرعهم، في هجوم مسلح قرب جيبو.",
        Some("2022-10-16"),
    );
    assert_eq!(listed[0].fatalities, Some(11), "{listed:?}");
    let texts = [
        "هاجم مسلحون موقعين للجيش قرب جيبو وقتلوا خمسة جنود.",
        "Des hommes armés ont attaqué deux postes de l'armée près de Djibo, tuant cinq soldats.",
        "Gunmen attacked two army posts near Djibo, killing five soldiers.",
    ];
    each_one(&texts, "2022-10-16", |e| e.fatalities, Some(5));
}

#[test]
fn the_group_claiming_the_story_s_attacks_burnt_its_vehicles_too() {
    let texts = [
        "Le Jnim a revendiqué l'attaque d'un convoi près de Kayes lundi. Un bus de la compagnie Diarra a été incendié le 5 septembre près de Kati.",
        "JNIM claimed an attack on a convoy near Kayes on Monday. A bus was set ablaze near Kati on 5 September.",
        "تبنت جماعة نصرة الإسلام والمسلمين هجوما على قافلة قرب كايس الإثنين. وأحرقت حافلة قرب كاتي في 5 سبتمبر.",
    ];
    for text in texts {
        let found = events(text, Some("2025-10-18"));
        let burnt = found.iter().find(|e| e.sub_event == SubEvent::Looting);
        assert_eq!(burnt.map(|e| actor(e.actor1)), Some(Some("jnim")), "{text}: {found:?}");
    }
}

#[test]
fn a_pronoun_opening_a_sentence_is_the_subject_of_the_one_before() {
    let texts = [
        "Les FAMa escortaient un convoi entre Anéfis et Aguelhok. Elles ont attaqué un groupe armé près d'Aguelhok.",
        "Malian troops were escorting a convoy near Aguelhok. They attacked an armed group near Aguelhok.",
    ];
    for text in texts {
        cov_mark::check!(a_pronoun_opening_a_sentence_is_the_previous_subject);
        assert_eq!(actor(one_event(text, Some("2025-06-14"))[0].actor1), Some("fama"), "{text}");
    }
}

#[test]
fn a_specialist_in_explosives_and_calls_to_evacuate_are_no_incidents() {
    tells_none(
        &[
            "كان القيادي متخصصا في استخدام الألغام والمتفجرات قرب ميناكا.",
            "Le chef était un spécialiste des mines et des explosifs près de Ménaka.",
            "The leader was a specialist in mines and explosives near Ménaka.",
            "وأثار التصعيد دعوات لإجلاء الأجانب من مالي.",
            "L'escalade a suscité des appels à évacuer les étrangers du Mali.",
            "The escalation prompted calls for evacuating foreigners from Mali.",
        ],
        "2025-06-29",
    );
}

#[test]
fn killers_named_as_a_list_between_an_arabic_verb_and_its_count() {
    // "قتل X وY ستة مسلحين": the list is the subject, the count after it the killed, and the
    // names between the verb and the count do not part them.
    let found = one_event(
        "قتل الفيلق الأفريقي والقوات المسلحة المالية ستة مسلحين من تنظيم الدولة الإسلامية قرب ميناكا يوم 28 يونيو.",
        Some("2025-06-29"),
    );
    assert_eq!((actor(found[0].actor1), found[0].fatalities), (Some("africa-corps"), Some(6)), "{found:?}");
}

#[test]
fn a_bridge_blown_up_is_an_explosion_where_the_bridge_stands() {
    let text = "Des jihadistes ont dynamité vendredi le pont de Tiwelzanga, dans la région de Mopti.";
    let found = one_event(text, Some("2025-10-13"));
    let e = &found[0];
    assert_eq!(e.sub_event, SubEvent::RemoteExplosive, "{e:?}");
    assert!(e.unknown_place.is_some(), "the bridge's village is kept: {e:?}");
    assert_eq!((place(e.place), e.geo_precision), (Some("ml.mopti-region"), 2), "{e:?}");
}

#[test]
fn an_international_body_is_the_doer_of_its_own_withdrawal() {
    for (text, lang) in [
        ("La MINUSMA a achevé dimanche son retrait du camp de Tessalit.", "fr"),
        ("MINUSMA completed its withdrawal from its camp in Tessalit on Sunday.", "en"),
    ] {
        let found = events(text, Some("2025-10-13"));
        assert_eq!(found.first().and_then(|e| actor(e.actor1)), Some("minusma"), "{lang}: {found:?}");
    }
}

#[test]
fn executions_are_violence_against_civilians_even_of_captured_soldiers() {
    for (text, lang) in [
        ("Des jihadistes ont exécuté mardi trois soldats capturés près de Boni.", "fr"),
        ("Jihadists executed three captured soldiers near Boni on Tuesday.", "en"),
        ("أعدم مسلحون ثلاثة جنود أسرى قرب بوني يوم الثلاثاء.", "ar"),
    ] {
        let found = events(text, Some("2025-10-10"));
        assert_eq!(found.first().map(|e| e.sub_event), Some(SubEvent::Attack), "{lang}: {found:?}");
    }
}

#[test]
fn the_second_attack_is_not_the_first() {
    cov_mark::check!(an_ordinal_names_another_incident);
    for (text, lang) in [
        ("Des jihadistes ont attaqué un poste de police à Nara. La deuxième attaque a visé un camp de l'armée à Nara.", "fr"),
        ("Jihadists attacked a police post in Nara. The second attack targeted an army camp in Nara.", "en"),
        ("هاجم مسلحون مركزا للشرطة في نارا. واستهدف الهجوم الثاني معسكرا للجيش في نارا.", "ar"),
    ] {
        let found = events(text, Some("2025-10-10"));
        assert_eq!(found.len(), 2, "{lang}: {found:?}");
    }
}

#[test]
fn a_demonstration_that_turned_violent_is_one_riot() {
    cov_mark::check!(a_protest_that_turned_violent_is_a_riot);
    for (text, lang) in [
        ("Des centaines de jeunes ont manifesté dimanche à Kayes contre les coupures d'électricité. La manifestation a dégénéré en affrontements avec la police.", "fr"),
        ("Hundreds of young people demonstrated in Kayes on Sunday against power cuts. The protest turned violent in the afternoon.", "en"),
        ("تظاهر مئات الشبان في كايس يوم الأحد احتجاجا على انقطاع الكهرباء. وتحولت المظاهرة لاحقا إلى أعمال عنف.", "ar"),
    ] {
        let found = one_event(text, Some("2025-10-13"));
        assert_eq!(found[0].sub_event, SubEvent::ViolentDemonstration, "{lang}: {found:?}");
    }
}

#[test]
fn a_state_acting_is_not_where_its_act_happens_and_announcing_a_measure_takes_it() {
    cov_mark::check!(an_acting_state_is_not_the_place);
    cov_mark::check!(a_measure_happens_in_the_acting_country);
    let found = events("The US handed over its last base in Niger to the Nigerien army on Monday.", Some("2025-10-14"));
    assert_eq!(found.first().and_then(|e| place(e.place)), Some("ne"), "{found:?}");
    let found = events(
        "أعلنت كوت ديفوار يوم الاثنين تعزيز إجراءاتها الأمنية على حدودها الشمالية بعد تدفق اللاجئين الفارين من مالي.",
        Some("2025-10-14"),
    );
    assert_eq!(found.first().and_then(|e| actor(e.actor1)), Some("gov.ci"), "{found:?}");
    assert_eq!(found.first().and_then(|e| place(e.place)), Some("ci"), "{found:?}");
}

#[test]
fn a_strike_in_french_is_an_air_or_drone_strike() {
    let found = events("Une frappe de l'armée malienne a tué cinq personnes près de Léré mardi.", Some("2025-10-15"));
    assert_eq!(found.first().map(|e| e.sub_event), Some(SubEvent::AirDroneStrike), "{found:?}");
}

#[test]
fn the_wounded_told_after_the_dead_are_not_added_to_the_toll() {
    for (text, lang, toll) in [
        ("Three soldiers were killed and four wounded in an attack near Gao yesterday.", "en", 3),
        ("Gunmen killed three soldiers and two civilians near Gao yesterday.", "en", 5),
        ("Trois soldats ont été tués et quatre blessés dans une attaque près de Gao hier.", "fr", 3),
        ("قتل ثلاثة جنود وأصيب أربعة آخرون في هجوم قرب غاو أمس.", "ar", 3),
    ] {
        let found = events(text, Some("2025-10-15"));
        assert_eq!(found.first().and_then(|e| e.fatalities), Some(toll), "{lang}: {found:?}");
    }
}

#[test]
fn a_number_a_date_takes_is_no_toll() {
    // "les 10 et 11 mars": 10 is a day, read by the date, not a count of the dead.
    cov_mark::check_count!(a_number_a_date_takes_is_no_count, 3);
    let texts = [
        "Des civils ont été tués les 10 et 11 mars près de Djibo.",
        "Villagers were killed on 10 and 11 March near Djibo.",
        "قتل مسلحون مدنيين يومي 10 و11 مارس قرب جيبو.",
    ];
    each_one(&texts, "2025-03-20", |e| (e.fatalities, date(e)), (None, Some("2025-03-10".to_string())));
}

#[test]
fn enemies_neutralised_are_counted_dead() {
    let texts = [
        "Les forces armées ont annoncé la neutralisation de douze terroristes près de Ménaka mardi.",
        "The army said the operation neutralized twelve terrorists near Menaka on Tuesday.",
    ];
    each_one(&texts, "2025-03-20", |e| (e.event_type(), e.fatalities), (EventType::Battles, Some(12)));
}

#[test]
fn a_force_telling_it_killed_a_member_of_a_group_is_the_doer() {
    // The member killed stands between the speaker and "raid": the victim, not a doer in between.
    let texts = [
        ("Les soldats maliens affirment avoir tué un membre de l'EIGS lors d'une embuscade près de Ménaka.", "fama"),
        (
            "Nigerien troops said they killed a commander of the Islamic State during a raid near Tillabéri.",
            "forces.ne",
        ),
        ("أعلن الجيش المالي أنه قتل قياديا في تنظيم داعش خلال عملية قرب ميناكا الثلاثاء.", "fama"),
    ];
    for (text, doer) in texts {
        let found = one_event(text, Some("2025-03-20"));
        let e = &found[0];
        assert_eq!((actor(e.actor1), actor(e.actor2)), (Some(doer), Some("issp")), "{text}");
        assert_eq!(e.fatalities, Some(1), "{text}");
    }
}

#[test]
fn the_date_after_comes_after_is_the_earlier_incident_s() {
    // "The protests come after the government announced on Wednesday…": Wednesday dates the
    // announcement; the protests are those told on Saturday, one event. Arabic puts the verb
    // first ("وتأتي هذه الاحتجاجات بعد أن"): there "these protests" point back instead.
    cov_mark::check_count!(what_comes_after_an_incident_is_not_its_own, 2);
    let texts = [
        "Des centaines de personnes ont manifesté samedi à Sikasso contre la hausse des prix. Les manifestations interviennent après que les autorités ont annoncé mercredi la suspension des subventions.",
        "Hundreds of people protested in Kayes on Saturday against fuel shortages. The protests come after the government announced on Wednesday a ban on fuel sales in jerrycans.",
        "تظاهر مئات الأشخاص في كايس يوم السبت احتجاجا على نقص الوقود. وتأتي هذه الاحتجاجات بعد أن أعلنت الحكومة الأربعاء حظر بيع الوقود.",
    ];
    for text in texts {
        let found = one_event(text, Some("2025-05-04"));
        assert_eq!(
            (found[0].event_type(), date(&found[0]).as_deref()),
            (EventType::Protests, Some("2025-05-03")),
            "{text}"
        );
    }
}

#[test]
fn a_bomb_told_after_an_ambush_is_how_it_was_laid() {
    cov_mark::check!(a_bomb_told_after_an_ambush_is_its_means);
    let texts = [
        ("On Monday, an army patrol was ambushed by ISWAP fighters near Bosso. A roadside bomb exploded as the vehicles passed, killing four soldiers.", "iswap"),
        ("Lundi, une patrouille de l'armée est tombée dans une embuscade de l'EIGS près de Ménaka. Un engin explosif a sauté au passage des véhicules, tuant quatre soldats.", "issp"),
        ("تعرضت دورية للجيش لكمين نصبه مسلحو داعش قرب ميناكا الاثنين. وانفجرت عبوة ناسفة لدى مرور المركبات ما أدى إلى مقتل أربعة جنود.", "issp"),
    ];
    for (text, doer) in texts {
        let found = one_event(text, Some("2025-06-10"));
        let e = &found[0];
        assert_eq!(
            (e.sub_event, actor(e.actor1), e.fatalities),
            (SubEvent::RemoteExplosive, Some(doer), Some(4)),
            "{text}"
        );
        assert_eq!(date(e).as_deref(), Some("2025-06-09"), "{text}");
    }
}

#[test]
fn three_coordinated_and_deadly_attacks_sum_up_the_attacks_told_next() {
    // English puts adjectives, joined or not, between the count and the noun: the lede is a
    // summary, and each attack is told, as evidence, by its own sentence.
    let text = "Three coordinated and deadly attacks targeted soldiers in the Tillabéri and Dosso regions on Sunday, \
                leaving 32 dead. In Torodi, gunmen attacked a post, killing ten soldiers. In Gaya, assailants \
                attacked a police station, killing a policeman.";
    let lede_end = text.find('.').unwrap_or(0) as u32;
    let found = events(text, Some("2025-06-10"));
    let got: Vec<_> = found.iter().map(|e| (place(e.place), e.fatalities, e.evidence.start > lede_end)).collect();
    assert_eq!(got, [(Some("ne.torodi"), Some(10), true), (Some("ne.gaya"), Some(1), true)], "{found:?}");
}

#[test]
fn an_army_convoy_is_the_army_s_not_a_civilian_target() {
    // English names the owner before the noun; French and Arabic after it ("un convoi de l'armée").
    cov_mark::check_count!(a_force_s_convoy_is_no_civilian_target, 2);
    let texts = [
        "Gunmen attacked an army convoy near Gao on Friday.",
        "Jihadists ambushed a Malian army convoy near Boni on Tuesday, killing six soldiers.",
        "Des hommes armés ont attaqué un convoi de l'armée près de Gao vendredi.",
        "هاجم مسلحون قافلة للجيش المالي قرب غاو الجمعة.",
    ];
    each_one(&texts, "2025-06-15", |e| (e.event_type(), actor(e.actor2)), (EventType::Battles, Some("fama")));
}

#[test]
fn what_a_video_shows_is_an_incident_told_or_none() {
    cov_mark::check_count!(what_a_video_shows_is_an_incident_told, 6);
    let told = [
        "Gunmen killed twelve villagers in Bourzanga on Sunday. Videos shared on social media show the massacre.",
        "Des hommes armés ont tué douze villageois à Bourzanga dimanche. Des vidéos diffusées sur les réseaux sociaux montrent le massacre.",
        "قتل مسلحون اثني عشر قرويا في بورزانغا الأحد. ونشرت على مواقع التواصل مقاطع فيديو تظهر المجزرة.",
    ];
    for text in told {
        let found = one_event(text, Some("2025-06-16"));
        assert_eq!(found[0].mentions.len(), 2, "{text}: the video joins the killing");
    }
    let shown_only = [
        "In May, the group published videos showing its fighters attacking army positions near Djibo.",
        "En mai, le groupe a publié des vidéos montrant une attaque de ses combattants contre des positions de l'armée près de Djibo.",
        "في مايو، نشرت الجماعة مقاطع فيديو تظهر مقاتليها يهاجمون مواقع للجيش قرب جيبو.",
    ];
    for text in shown_only {
        let found = events(text, Some("2025-06-16"));
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn the_month_may_is_no_modal() {
    cov_mark::check!(a_month_is_no_modal);
    let found = one_event("In May, gunmen attacked a convoy near Gao.", Some("2025-06-16"));
    assert_eq!(date(&found[0]).as_deref(), Some("2025-05"));
    assert!(events("Gunmen may attack convoys near Gao.", Some("2025-06-16")).is_empty());
}

#[test]
fn a_sentence_opened_by_shortly_after_tells_a_further_incident() {
    cov_mark::check_count!(a_sequel_tells_a_further_incident, 3);
    let texts = [
        "Gunmen attacked a bus near Ménaka on Monday, killing three passengers. Shortly after, gunmen attacked a truck near Ménaka, killing two drivers.",
        "Lundi, des hommes armés ont attaqué un bus près de Ménaka, tuant trois passagers. Peu après, des hommes armés ont attaqué un camion près de Ménaka, tuant deux chauffeurs.",
        "هاجم مسلحون الاثنين حافلة قرب ميناكا ما أدى إلى مقتل ثلاثة ركاب. وبعد ذلك بقليل، هاجم مسلحون شاحنة قرب ميناكا ما أدى إلى مقتل سائقين اثنين.",
    ];
    for text in texts {
        let found = events(text, Some("2025-06-17"));
        let tolls: Vec<_> = found.iter().map(|e| e.fatalities).collect();
        assert_eq!(tolls, [Some(3), Some(2)], "{text}: {found:?}");
    }
}

#[test]
fn military_authorities_are_the_government_not_a_target_word() {
    // "militaires" inside "les autorités militaires du Mali" is part of the name.
    cov_mark::check!(a_target_word_inside_a_name_is_the_name);
    let texts = [
        "Les autorités militaires du Mali ont annoncé lundi l'arrestation de trois officiers à Bamako.",
        "Mali's military authorities announced on Monday the arrest of three officers in Bamako.",
        "أعلنت السلطات العسكرية في مالي الاثنين اعتقال ثلاثة ضباط في باماكو.",
    ];
    each_one(&texts, "2025-06-17", |e| (e.sub_event, actor(e.actor1)), (SubEvent::Arrests, Some("gov.ml")));
}

#[test]
fn a_coup_told_without_its_makers_is_the_army_s() {
    // Neither the troops named before "following a coup" nor the body condemning it made it.
    cov_mark::check!(a_coup_is_made_by_the_army);
    let texts = [
        ("Relations soured after American troops left Niger following a coup in July 2023.", "forces.ne"),
        ("Les relations se sont dégradées après le départ des troupes françaises du Niger à la suite d'un coup d'État en juillet 2023.", "forces.ne"),
        ("تدهورت العلاقات بعد رحيل القوات الفرنسية من النيجر إثر انقلاب في يوليو 2023.", "forces.ne"),
        ("The military coup in Niger has been condemned by its neighbours.", "forces.ne"),
        ("Le coup d'État au Burkina Faso a été condamné par la Cédéao.", "forces.bf"),
    ];
    for (text, army) in texts {
        let found = one_event(text, Some("2025-06-17"));
        assert_eq!(actor(found[0].actor1), Some(army), "{text}");
    }
}

#[test]
fn who_stands_before_following_a_coup_is_not_its_subject() {
    // "Niger's ousting of American troops following a coup": the troops are not the subject of
    // the recalled coup.
    let text = "Niger's ousting of American troops following a coup last year has had broad ramifications.";
    let (_, trace) = traced(text, Some("2025-06-17"));
    let us = kb().actor_index("forces.us").expect("forces.us is in the knowledge base");
    let features: Vec<&Vec<RoleFeature>> = trace
        .notes()
        .iter()
        .filter_map(|n| match n {
            Note::Candidate { who: crate::trace::Who::Named(a), features, .. } if *a == us => Some(features),
            _ => None,
        })
        .collect();
    assert!(!features.is_empty(), "{:?}", trace.notes());
    assert!(features.iter().all(|f| !f.contains(&RoleFeature::SubjectBefore)), "{features:?}");
}

#[test]
fn an_army_abandoning_its_camp_after_an_attack_is_news() {
    // The camp's town is the paragraph's; foreign forces leaving without a town stay background.
    cov_mark::check_count!(an_army_leaving_its_camp_is_placed_by_the_paragraph, 2);
    let texts = [
        "Des jihadistes ont attaqué le camp militaire de Boni. L'armée malienne a finalement abandonné le camp.",
        "Jihadists attacked the army camp in Boni. The Malian army finally abandoned the camp.",
    ];
    for text in texts {
        let found = events(text, Some("2025-06-17"));
        let kinds: Vec<_> = found.iter().map(|e| (e.event_type(), place(e.place))).collect();
        let expected = [(EventType::Battles, Some("ml.boni")), (EventType::StrategicDevelopments, Some("ml.boni"))];
        assert_eq!(kinds, expected, "{text}: {found:?}");
    }
    assert!(events("The withdrawal of French troops was completed.", Some("2025-06-17")).is_empty());
}

#[test]
fn the_doers_vehicles_are_no_civilian_target() {
    // "pick-up" is no civilian target word in French: only the Arabic and English trucks are skipped.
    cov_mark::check_count!(the_doers_vehicles_are_no_target, 2);
    let texts = [
        "هاجم مسلحون على متن شاحنات صغيرة موقعا للجيش قرب جيبو الأحد.",
        "Des hommes armés à bord de pick-up ont attaqué un poste militaire près de Djibo dimanche.",
        "Gunmen aboard pickup trucks attacked an army post near Djibo on Sunday.",
    ];
    each_one(&texts, "2025-06-16", |e| (e.event_type(), actor(e.actor2)), (EventType::Battles, Some("forces.bf")));
}

#[test]
fn a_singular_victim_before_the_count_opens_the_list_of_the_dead() {
    cov_mark::check_count!(a_singular_victim_opens_a_list_of_the_dead, 3);
    let texts = [
        "قتل جندي وسبعة مسلحين في هجوم على موقع للجيش قرب جيبو الأحد.",
        "Un soldat et sept assaillants ont été tués dans l'attaque d'un poste militaire près de Djibo dimanche.",
        "A soldier and seven attackers were killed in an attack on an army post near Djibo on Sunday.",
    ];
    for text in texts {
        let found = events(text, Some("2025-06-16"));
        assert_eq!(found.first().and_then(|e| e.fatalities), Some(8), "{text}: {found:?}");
    }
}

#[test]
fn an_attack_a_unit_underwent_targets_the_unit() {
    // Arabic tells the target in a relative clause after the noun: "هجوم تعرضت له وحدة عسكرية".
    cov_mark::check!(an_attack_a_unit_underwent);
    let found = one_event("قتل ثلاثة جنود في هجوم تعرضت له وحدة عسكرية قرب جيبو الأحد.", Some("2025-06-16"));
    assert_eq!((actor(found[0].actor1), actor(found[0].actor2)), (None, Some("forces.bf")));
}

#[test]
fn what_a_later_attack_comes_after_is_not_the_first_s() {
    // The clause's own attack, not the raids it came after: no toll of theirs, no civilian target.
    let texts = [
        "هاجم مسلحون موقعا للجيش قرب جيبو الأحد، وهذا الهجوم يأتي بعد أسبوع من هجمات قتل فيها 50 مدنيا.",
        "Des hommes armés ont attaqué un poste militaire près de Djibo dimanche, une attaque qui survient après des raids ayant tué 50 civils.",
        "Gunmen attacked an army post near Djibo on Sunday, an attack that comes after raids that killed 50 civilians.",
    ];
    for text in texts {
        let found = one_event(text, Some("2025-06-16"));
        let e = &found[0];
        assert_eq!(
            (e.event_type(), actor(e.actor2), e.fatalities),
            (EventType::Battles, Some("forces.bf"), None),
            "{text}"
        );
    }
}

#[test]
fn the_dead_described_after_a_toll_are_victims_not_doers() {
    cov_mark::check!(the_dead_described_after_a_toll_are_victims);
    let texts = [
        "قتل 14 شخصا بينهم ثلاثة من عناصر قوات الأمن البوركينية في هجوم على قرية قرب جيبو الأحد.",
        "Quatorze personnes, dont trois membres des forces de sécurité burkinabè, ont été tuées lors d'une attaque contre un village près de Djibo dimanche.",
        "Fourteen people, including three members of the Burkinabe security forces, were killed in an attack on a village near Djibo on Sunday.",
    ];
    each_one(&texts, "2025-06-16", |e| actor(e.actor1), None);
}

#[test]
fn a_country_listed_after_a_border_is_no_place() {
    // The story is Burkina Faso's; the village lies near the border with two neighbours.
    cov_mark::check!(a_country_listed_after_a_border_is_no_place);
    let texts = [
        "Dimanche, des hommes armés ont attaqué un village près de la frontière avec le Togo et le Ghana. Le Burkina Faso est en deuil, a déclaré le gouvernement du Burkina Faso.",
        "On Sunday, gunmen attacked a village near the border with Togo and Ghana. Burkina Faso is in mourning, the government of Burkina Faso said.",
        "هاجم مسلحون الأحد قرية قرب الحدود مع توغو وغانا. وأعلنت حكومة بوركينا فاسو الحداد في بوركينا فاسو.",
    ];
    each_one(&texts, "2025-06-16", |e| place(e.place), Some("bf"));
}

#[test]
fn an_unlisted_village_is_never_placed_in_a_country_the_sentence_rules_out() {
    // "قرية بمنطقة كوليبا الواقعة قرب الحدود مع توغو وغانا": the unknown place is not in Togo.
    let text = "هاجم مسلحون الأحد قرية بمنطقة كوليبا الواقعة قرب الحدود مع توغو وغانا. وأعلنت حكومة بوركينا فاسو الحداد في بوركينا فاسو.";
    let found = one_event(text, Some("2025-06-16"));
    assert_eq!(place(found[0].place), Some("bf"));
}

#[test]
fn a_trigger_after_a_passive_auxiliary_is_passive_whatever_its_spelling() {
    // Scraped French often drops the participle's agreement: "ont été tué", "ont été attaqué".
    let texts = [
        "Deux soldats ont été tué dans une embuscade près de Nampala lundi.",
        "Deux soldats maliens ont été attaqué près de Nampala lundi.",
        "Malian soldiers were ambushed near Nampala on Monday.",
    ];
    each_one(&texts, "2025-06-17", |e| (actor(e.actor1), actor(e.actor2)), (None, Some("fama")));
}

#[test]
fn soldiers_counted_before_an_arabic_verb_were_killed_not_killers() {
    cov_mark::check!(a_counted_noun_before_an_arabic_verb_underwent_it);
    let found = one_event("أعلن الجيش النيجري أن سبعة جنود قتلوا الخميس في هجوم قرب أيورو.", Some("2025-06-17"));
    let e = &found[0];
    assert_eq!((actor(e.actor1), actor(e.actor2), e.fatalities), (None, Some("forces.ne"), Some(7)));
}

#[test]
fn the_attackers_number_is_no_toll() {
    cov_mark::check!(the_attackers_number_is_no_toll);
    let texts = [
        "Une unité de l'armée a été attaquée par plusieurs centaines de terroristes près d'Ayorou jeudi, et sept soldats ont été tués.",
        "تعرضت وحدة عسكرية لهجوم من قبل عدة مئات من الإرهابيين قرب أيورو الخميس، وقتل سبعة جنود.",
        "An army unit was attacked by several hundred terrorists near Ayorou on Thursday, and seven soldiers were killed.",
    ];
    for text in texts {
        let found = events(text, Some("2025-06-17"));
        assert_eq!(found.first().and_then(|e| e.fatalities), Some(7), "{text}: {found:?}");
    }
}

#[test]
fn tankers_set_on_fire_in_an_attack_blamed_on_a_group_are_its_property_destruction() {
    // The attack is told without its target; its other mention names the trucks: no battle.
    cov_mark::check!(an_untargeted_attack_takes_its_civilian_targets);
    let texts = [
        "Un convoi de camions-citernes a été incendié jeudi près de Kati. Cette attaque a été attribuée aux djihadistes du JNIM.",
        "A convoy of fuel tankers was set on fire near Kati on Thursday. The attack was blamed on JNIM jihadists.",
        "أحرقت قافلة صهاريج وقود قرب كاتي الخميس. ونسب الهجوم إلى جهاديي جماعة نصرة الإسلام والمسلمين.",
    ];
    each_one(&texts, "2025-10-10", |e| (e.sub_event, actor(e.actor1)), (SubEvent::Looting, Some("jnim")));
}

#[test]
fn two_hyphenated_towns_name_one_stretch_one_incident() {
    cov_mark::check_count!(hyphenated_towns_name_one_stretch, 3);
    let texts = [
        "Dimanche, des jihadistes ont attaqué un convoi de camions dans le secteur de Kayes-Nioro du Sahel.",
        "On Sunday, jihadists attacked a convoy of trucks in the Kayes-Nioro du Sahel sector.",
        "هاجم جهاديون الأحد قافلة شاحنات في قطاع كايس-نيورو.",
    ];
    each_one(&texts, "2025-09-15", |e| place(e.place), Some("ml.kayes"));
}

#[test]
fn the_day_a_statement_was_made_yields_to_the_incident_s_day() {
    // "said Saturday" dates the statement; "the attack occurred on Thursday" dates the attack.
    cov_mark::check!(a_date_after_a_report_verb_dates_the_report);
    let texts = [
        "The Malian army said Saturday it killed about twenty jihadists when a convoy was attacked near Boni. The attack occurred on Thursday afternoon near Boni.",
        "L'armée malienne a indiqué samedi avoir tué une vingtaine de jihadistes lors de l'attaque d'un convoi près de Boni. L'attaque s'est produite jeudi après-midi près de Boni.",
        "قال الجيش المالي السبت إنه قتل نحو عشرين جهاديا خلال هجوم على قافلة قرب دوينتزا. ووقع الهجوم بعد ظهر الخميس قرب دوينتزا.",
    ];
    each_one(&texts, "2025-06-14", date, Some("2025-06-12".to_string()));
}

#[test]
fn a_count_followed_by_an_injury_word_counts_the_wounded_not_the_dead() {
    cov_mark::check!(a_count_before_an_injury_word_counts_the_wounded);
    let texts = [
        ("Five soldiers were killed and four others were wounded when their convoy hit a mine near Nampala on Monday.", 5),
        ("Cinq soldats ont été tués et quatre autres blessés lundi quand leur convoi a sauté sur une mine près de Nampala.", 5),
        ("قتل خمسة جنود وأصيب أربعة آخرون الاثنين عندما انفجر لغم بقافلتهم قرب نامبالا.", 5),
        // The Arabic injury verb comes before its own count: the 3 are dead.
        ("قتل 5 جنود ماليين و3 مدنيين وأصيب 12 آخرون في هجوم على بلدة دوينتزا أمس.", 8),
    ];
    for (text, dead) in texts {
        let found = events(text, Some("2025-06-17"));
        assert_eq!(found.first().and_then(|e| e.fatalities), Some(dead), "{text}: {found:?}");
    }
}

#[test]
fn a_headline_stands_when_the_body_tells_its_incident_only_vaguely() {
    // The lede repeats the headline (page furniture); the body's one mention is too vague to
    // stand: the headline's incident is the event.
    let texts = [
        "Twelve people were killed in an attack in central Mali\nTwelve people were killed in an attack in central Mali.\nIt was this convoy that the jihadists ambushed.",
        "Douze personnes ont été tuées dans une attaque dans le centre du Mali\nDouze personnes ont été tuées dans une attaque dans le centre du Mali.\nC'est ce convoi que les jihadistes ont attaqué.",
        "قتل 12 شخصا في هجوم وسط مالي\nقتل 12 شخصا في هجوم وسط مالي.\nوهذه القافلة هي التي هاجمها الجهاديون.",
    ];
    each_one(&texts, "2025-06-17", |e| (place(e.place), e.fatalities), (Some("ml"), Some(12)));
}

#[test]
fn a_date_between_the_death_word_and_the_count_does_not_part_them() {
    let texts = [
        "Des frappes de drones ont tué, lundi 21 octobre, cinq civils près de Tombouctou.",
        "Drone strikes killed on Monday, October 21, five civilians near Timbuktu.",
    ];
    for text in texts {
        let found = events(text, Some("2024-10-22"));
        assert_eq!(
            found.first().map(|e| (e.fatalities, date(e))),
            Some((Some(5), Some("2024-10-21".into()))),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn it_happened_in_a_village_places_the_incident_told_before() {
    // "Cela s'est passé dans le village de Koundiéwel" has no trigger of its own: it points back.
    let texts = [
        "Une frappe de drone a tué dix civils samedi. Cela s'est passé dans le village de Koundiéwel, commune de Mondoro.",
        "A drone strike killed ten civilians on Saturday. It happened in the village of Koundiéwel, near Mondoro.",
    ];
    for text in texts {
        let found = one_event(text, Some("2024-03-25"));
        assert!(found[0].unknown_place.is_some(), "{text}: the village is named: {found:?}");
        assert_eq!(found[0].fatalities, Some(10), "{text}");
    }
}

#[test]
fn executing_a_strike_is_carrying_it_out_not_an_execution() {
    cov_mark::check!(executing_a_strike_carries_it_out);
    let texts = [
        "Des frappes de drone ont tué dimanche quinze civils près de Tinzaouatène. « L'armée a exécuté plusieurs frappes de drone à Tinzaouatène », affirment les séparatistes.",
        "Drone strikes killed fifteen civilians near Tinzaouaten on Sunday. \"The army executed several drone strikes on Tinzaouaten,\" the separatists said.",
    ];
    each_one(&texts, "2024-08-26", |e| e.sub_event, SubEvent::AirDroneStrike);
}

#[test]
fn a_bare_toll_joins_the_incident_told_before() {
    // A quote between them; the toll sentence has neither a place nor a day of its own.
    cov_mark::check!(a_bare_toll_joins_the_incident_told);
    let texts = [
        "Au moins quinze civils ont été tués dimanche par des frappes de drone dans le nord du Mali.\n\n« L'armée a exécuté plusieurs frappes de drone à Tinzaouatène », affirment les séparatistes.\n\nUn élu local a dit qu'il y avait au moins 15 civils tués.",
        "At least fifteen civilians were killed on Sunday by drone strikes in northern Mali.\n\n\"The army carried out several drone strikes on Tinzaouaten,\" the separatists said.\n\nA local official said at least 15 civilians were killed.",
    ];
    each_one(&texts, "2024-08-26", |e| (e.sub_event, e.fatalities), (SubEvent::AirDroneStrike, Some(15)));
}

#[test]
fn a_description_of_the_dead_does_not_part_the_count_from_its_death_word() {
    let texts = [
        "Quatorze personnes, dont trois membres des forces de sécurité burkinabè, ont été tuées lors d'une attaque contre un village près de Djibo dimanche.",
        "Fourteen people, including three members of the Burkinabe security forces, were killed in an attack on a village near Djibo on Sunday.",
    ];
    for text in texts {
        let found = events(text, Some("2025-06-17"));
        assert_eq!(found.first().and_then(|e| e.fatalities), Some(14), "{text}: {found:?}");
    }
}

#[test]
fn a_page_typeset_in_presentation_forms_reads_like_any_other() {
    let text = "ﻫﺎﺟﻤﺖ ﺟﻤﺎﻋﺔ ﻧﺼﺮﺓ ﺍﻹﺳﻼﻡ ﻭﺍﻟﻤﺴﻠﻤﻴﻦ ﻣﻌﺴﻜﺮﺍ ﻟﻠﺠﻴﺶ ﺍﻟﻤﺎﻟﻲ ﻓﻲ ﺗﻤﺒﻜﺘﻮ ﺍﻟﺨﻤﻴﺲ.";
    let found = one_event(text, Some("2025-06-17"));
    let e = &found[0];
    assert_eq!((actor(e.actor1), actor(e.actor2), place(e.place)), (Some("jnim"), Some("fama"), Some("ml.timbuktu")));
}

#[test]
fn an_ambush_for_the_army_targets_it() {
    // Arabic "نصب كمينا لـ": the preposition li on the name marks the target, not a subject.
    cov_mark::check_count!(an_attack_for_the_army_targets_it, 2);
    let texts = [
        ("أعلنت الجماعة أنها نصبت الخميس كمينا للجيش المالي بين ديبولي وكاييس.", "fama"),
        ("نصب مسلحون كمينا لقوات الدرك قرب كيتا الخميس.", "gendarmerie.ml"),
    ];
    for (text, target) in texts {
        let found = one_event(text, Some("2026-02-03"));
        assert_eq!((actor(found[0].actor1), actor(found[0].actor2)), (None, Some(target)), "{text}");
    }
}

#[test]
fn a_group_claimed_killed_is_no_claimant() {
    // The claim is the separatists'; Wagner is what they claim to have killed.
    cov_mark::check!(the_killed_are_no_claimant);
    let texts = [
        "In late July, Tuareg-led separatists claimed to have killed 84 Wagner fighters and 47 Malian soldiers after three days of heavy fighting near Tinzaouaten.",
        "Fin juillet, les rebelles touareg ont affirmé avoir tué 84 combattants de Wagner et 47 soldats maliens après trois jours de combats près de Tinzaouatène.",
        "وأعلن المتمردون الطوارق أنهم قتلوا 84 من عناصر فاغنر و47 جنديا ماليا بعد ثلاثة أيام من المعارك قرب تينزاواتين.",
    ];
    for text in texts {
        let found = one_event(text, Some("2024-08-26"));
        assert_ne!(actor(found[0].actor1), Some("wagner"), "{text}");
        assert_eq!(found[0].fatalities, Some(131), "{text}");
    }
}

#[test]
fn an_operation_done_later_is_a_further_incident() {
    // The army's later sweep is its own battle, with its own toll, not part of the attack.
    cov_mark::check_count!(an_operation_done_later_is_a_further_incident, 3);
    let texts = [
        "Twelve soldiers were killed in an attack near Tera on Tuesday. The army later launched an operation in which 15 terrorists were neutralised.",
        "Douze soldats ont été tués mardi dans une attaque près de Téra. L'armée a ensuite lancé une opération au cours de laquelle 15 terroristes ont été neutralisés.",
        "قتل 12 جنديا في هجوم قرب تيرا يوم الثلاثاء. ونفذ الجيش لاحقا عملية تمشيط أسفرت عن تحييد 15 إرهابيا.",
    ];
    for text in texts {
        let found = events(text, Some("2024-06-26"));
        let tolls: Vec<_> = found.iter().map(|e| e.fatalities).collect();
        assert_eq!(tolls, [Some(12), Some(15)], "{text}: {found:?}");
        assert_eq!(actor(found[1].actor1), Some("forces.ne"), "{text}: {found:?}");
    }
}

#[test]
fn a_time_adverb_inside_a_clause_leaves_its_subject_in_it() {
    // "ensuite" after the auxiliary is no clause break: the army stays the subject.
    cov_mark::check!(a_time_adverb_inside_a_clause_does_not_cut_it);
    let found = one_event("L'armée malienne a ensuite lancé une offensive près de Léré.", Some("2025-06-17"));
    assert_eq!(actor(found[0].actor1), Some("fama"), "{found:?}");
}

#[test]
fn a_name_between_a_verb_of_saying_and_the_trigger_is_the_doer() {
    cov_mark::check_count!(a_name_after_a_verb_of_saying_is_the_subject_of_what_is_said, 2);
    let texts = [
        "The ministry said the Malian army launched an offensive near Léré on Monday.",
        "Le ministère a indiqué que l'armée malienne a lancé une offensive près de Léré lundi.",
    ];
    each_one(&texts, "2025-06-17", |e| actor(e.actor1), Some("fama"));
    // With a comma, the one named after "selon" says it: the attack is the gunmen's.
    let found =
        events("Selon l'armée malienne, des hommes armés ont attaqué un poste près de Léré lundi.", Some("2025-06-17"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_ne!(actor(found[0].actor1), Some("fama"), "{found:?}");
}

#[test]
fn the_one_killed_before_the_trigger_is_no_subject() {
    // The army killed the member; the raid is the army's, the group its target.
    cov_mark::check!(the_killed_before_a_trigger_is_no_subject);
    let texts = [
        "L'armée nigérienne a tué un membre de l'Etat islamique lors d'un raid près de Téra.",
        "The Nigerien army killed a commander of the Islamic State in a raid near Tera.",
    ];
    each_one(&texts, "2024-06-16", |e| (actor(e.actor1), e.fatalities), (Some("forces.ne"), Some(1)));
}

#[test]
fn a_word_in_scare_quotes_still_follows_its_count() {
    let texts = [
        ("L'armée nigérienne dit avoir tué un \"membre\" de l'Etat islamique lors d'un raid près de Téra.", 1),
        ("Neuf «terroristes» ont été tués jeudi près de Téra.", 9),
        ("The army said it killed nine \"terrorists\" near Tera on Thursday.", 9),
    ];
    for (text, toll) in texts {
        let found = one_event(text, Some("2024-06-16"));
        assert_eq!(found[0].fatalities, Some(toll), "{text}: {found:?}");
    }
}

#[test]
fn an_arabic_name_between_a_killing_verb_and_its_object_is_the_killer() {
    cov_mark::check!(an_arabic_killer_named_before_its_object);
    let found = one_event("قتل الجيش المالي 15 إرهابيا في هجوم قرب تيرا.", Some("2024-06-16"));
    assert_eq!((actor(found[0].actor1), found[0].fatalities), (Some("fama"), Some(15)), "{found:?}");
    // No object after them: the soldiers were killed.
    let found = events("قتل جنود ماليون في هجوم قرب تيرا.", Some("2024-06-16"));
    assert_eq!(actor(found[0].actor2), Some("fama"), "{found:?}");
}

#[test]
fn a_handover_is_coded_with_the_side_taking_the_place_over_as_actor1() {
    // ACLED's convention for non-violent transfers: the recipient acts, the side leaving is actor2.
    cov_mark::check!(the_recipient_of_a_handover_takes_it_over);
    let texts = [
        "The French army handed over its base in Gao to Malian troops on Tuesday.",
        "Les forces françaises se sont retirées mardi de la base de Gao, rétrocédée à l'armée malienne.",
        "انسحبت القوات الفرنسية الثلاثاء من قاعدة غاو وسلمتها إلى الجيش المالي.",
    ];
    each_one(&texts, "2024-08-07", |e| (actor(e.actor1), actor(e.actor2)), (Some("fama"), Some("forces.fr")));
    // Without a recipient the side leaving acts.
    let found = events("The French army withdrew from its base in Gao on Tuesday.", Some("2024-08-07"));
    assert_eq!(actor(found[0].actor1), Some("forces.fr"), "{found:?}");
}

#[test]
fn violence_against_civilians_without_a_named_target_targets_civilians() {
    cov_mark::check!(violence_against_civilians_targets_civilians);
    let texts = [
        "Un journaliste a été enlevé lundi à Ouagadougou par des hommes armés.",
        "A journalist was abducted on Monday in Ouagadougou.",
        "اختطف صحفي يوم الاثنين في واغادوغو.",
    ];
    each_one(&texts, "2025-03-26", |e| (e.sub_event, actor(e.actor2)), (SubEvent::Abduction, Some("civilians")));
}

#[test]
fn a_rise_in_incidents_is_a_trend_in_the_accusative_too() {
    // "ارتفاعا" is "ارتفاع" as an object: a trend, not an incident.
    for text in [
        "تشهد النيجر ارتفاعا خطيرا في عمليات اختطاف الأجانب خلال عام 2025.",
        "تشهد النيجر تصاعدا في الهجمات على القوافل.",
    ] {
        assert!(events(text, Some("2025-10-30")).is_empty(), "{text}");
    }
}

#[test]
fn two_days_later_is_another_incident_two_days_after() {
    cov_mark::check_count!(the_next_day_is_the_day_after_the_one_told_before, 3);
    let texts = [
        "Le 24 mars, deux journalistes ont été enlevés à Ouagadougou. Deux jours plus tard, un troisième journaliste a été enlevé à son tour à Ouagadougou.",
        "On March 24, two journalists were abducted in Ouagadougou. Two days later, a third journalist was abducted in Ouagadougou.",
        "في 24 مارس، اختطف صحفيان في واغادوغو. وبعد يومين، اختطف صحفي ثالث في واغادوغو.",
    ];
    for text in texts {
        let found = events(text, Some("2025-07-20"));
        let dates: Vec<_> = found.iter().map(|e| e.date.map(|d| d.to_iso())).collect();
        assert_eq!(dates, [Some("2025-03-24".to_string()), Some("2025-03-26".to_string())], "{text}: {found:?}");
    }
}

#[test]
fn places_listed_with_their_preposition_repeated_are_one_incident_each() {
    cov_mark::check!(a_list_of_places_repeats_its_preposition);
    cov_mark::check!(a_break_word_between_listed_places_cuts_nothing);
    let texts = [
        "Deux postes de l'armée malienne ont été attaqués le 17 avril à Léré et à Niono.",
        "Two Malian army posts were attacked on April 17 in Léré and in Niono.",
        "هاجم مسلحون يوم 17 أبريل مركزين للجيش المالي في ليري وفي نيونو.",
    ];
    for text in texts {
        let found = events(text, Some("2025-04-20"));
        let places: Vec<_> = found.iter().map(|e| e.place.map(|p| kb().places[p as usize].id.as_str())).collect();
        assert_eq!(places, [Some("ml.lere"), Some("ml.niono")], "{text}: {found:?}");
    }
}

#[test]
fn places_listed_with_a_comma_and_their_preposition_are_one_incident_each() {
    let texts = [
        "Des jihadistes ont attaqué dimanche les camps militaires de Sévaré, de Niono et de Kati.",
        "Jihadists attacked army camps in Sévaré, in Niono and in Kati on Sunday.",
        "هاجم جهاديون الأحد معسكرات للجيش في سيفاري، في نيونو وفي كاتي.",
    ];
    for text in texts {
        cov_mark::check!(a_list_of_places_repeats_its_preposition);
        let found = events(text, Some("2025-04-20"));
        let places: Vec<_> = found.iter().map(|e| e.place.map(|p| kb().places[p as usize].id.as_str())).collect();
        assert_eq!(places, [Some("ml.sevare"), Some("ml.niono"), Some("ml.kati")], "{text}: {found:?}");
    }
}

#[test]
fn an_area_wider_than_a_country_places_an_incident_less_precisely_than_the_country() {
    let texts = [
        "Gunmen attacked an army post in West Africa, in Burkina Faso, on Tuesday.",
        "Des hommes armés ont attaqué mardi un poste de l'armée en Afrique de l'Ouest, au Burkina Faso.",
        "هاجم مسلحون الثلاثاء موقعا للجيش في غرب إفريقيا، في بوركينا فاسو.",
    ];
    each_one(&texts, "2025-06-18", |e| e.place.map(|p| kb().places[p as usize].id.as_str()), Some("bf"));
}

#[test]
fn soldiers_named_before_their_death_noun_died() {
    // "لقي X مصرعهم": X died; they are the target, not the doer.
    for text in [
        "لقي خمسة جنود ماليين مصرعهم في هجوم قرب ليري السبت.",
        "لقي خمسة جنود ماليين حتفهم الثلاثاء في كمين نصبه مسلحون قرب ليري.",
    ] {
        let found = one_event(text, Some("2025-06-18"));
        assert_eq!(
            (actor(found[0].actor1), actor(found[0].actor2), found[0].fatalities),
            (None, Some("fama"), Some(5)),
            "{text}"
        );
    }
}

#[test]
fn the_day_after_an_arabic_list_of_speakers_dates_the_report() {
    cov_mark::check!(a_date_after_the_speakers_dates_the_report);
    let text = "أسفر هجوم على قاعدة عسكرية عن مقتل 20 جنديا، حسبما أفاد مسؤول محلي وأحد السكان، يوم الثلاثاء. ووقع الهجوم يوم الاثنين في بلدة جيبو.";
    let found = one_event(text, Some("2025-07-30"));
    assert_eq!(found[0].date.map(|d| d.to_iso()).as_deref(), Some("2025-07-28"), "{found:?}");
    // What is reported between the verb and the day is the incident's day.
    let found = events("قال الجيش إن مسلحين هاجموا الثلاثاء قرية قرب جيبو.", Some("2025-07-30"));
    assert_eq!(found[0].date.map(|d| d.to_iso()).as_deref(), Some("2025-07-29"), "{found:?}");
}

#[test]
fn the_side_an_incident_targets_is_not_its_doer() {
    // The army gives the toll of an attack on its own camp: it is the target throughout.
    cov_mark::check!(the_target_of_an_incident_is_not_its_doer);
    let texts = [
        "Vingt militaires maliens ont été tués lundi dans l'attaque du camp de Sokolo. Selon un bilan donné par l'armée malienne, l'attaque du camp de Sokolo a fait 20 morts.",
        "Twenty Malian soldiers were killed on Monday in the attack on the Sokolo camp. According to a toll given by the Malian army, the attack on the Sokolo camp left 20 dead.",
        "قتل عشرون جنديا ماليا الاثنين في الهجوم على معسكر سوكولو. وبحسب حصيلة أعلنها الجيش المالي فإن الهجوم على معسكر سوكولو أسفر عن 20 قتيلا.",
    ];
    each_one(&texts, "2025-01-28", |e| (actor(e.actor1), actor(e.actor2)), (None, Some("fama")));
}

#[test]
fn a_town_far_from_the_incident_is_a_landmark_a_near_one_places_it() {
    cov_mark::check!(a_place_a_distance_is_measured_from_is_a_landmark);
    let far = [
        "Situé à environ 200 kilomètres au nord de Bamako, ce camp de la région de Koulikoro a été la cible d'une attaque terroriste mardi.",
        "The camp, located 200 kilometres north of Bamako in the Koulikoro region, was attacked on Tuesday.",
        "تعرض المعسكر الواقع على بعد 200 كيلومتر شمال باماكو في منطقة كوليكورو لهجوم الثلاثاء.",
    ];
    for text in far {
        let found = one_event(text, Some("2025-03-10"));
        assert_eq!(found[0].place.map(|p| kb().places[p as usize].id.as_str()), Some("ml.koulikoro-region"), "{text}");
    }
    let found = events(
        "Des hommes armés ont attaqué mardi un poste situé à 30 km de Ségou, dans la région de Ségou.",
        Some("2025-03-10"),
    );
    assert_eq!(found[0].place.map(|p| kb().places[p as usize].id.as_str()), Some("ml.segou"), "{found:?}");
}

#[test]
fn the_missing_are_not_counted_dead() {
    let texts = [
        "Le bilan faisait état d'au moins 25 soldats tués et d'une soixantaine portés disparus dans l'attaque du camp de Boulkessy lundi.",
        "The toll stood at 25 soldiers killed and some sixty missing after the attack on the Boulkessy camp on Monday.",
        "أفادت الحصيلة بمقتل 25 جنديا على الأقل ونحو ستين مفقودين في الهجوم على معسكر بولكيسي الاثنين.",
    ];
    each_one(&texts, "2019-10-04", |e| e.fatalities, Some(25));
}

#[test]
fn a_country_naming_a_border_places_nothing_a_compass_point_locates() {
    // "in southwest Niger" is where; "the Mali border" only names a border.
    cov_mark::check!(a_country_naming_a_border_is_no_place);
    let found = one_event(
        "At least ten soldiers were killed in an ambush on Friday in southwest Niger, not far from the Mali border.",
        Some("2023-02-12"),
    );
    assert_eq!(place(found[0].place), Some("ne"), "{found:?}");
}

#[test]
fn an_army_announcing_it_came_under_attack_is_its_target() {
    // "تعرضه" is "its being subjected to": the army announcing it is the target.
    for text in ["أعلن الجيش المالي عن تعرضه لهجوم عنيف قرب غاو.", "أعلنت القوات المسلحة المالية تعرضها لهجوم قرب غاو."]
    {
        let found = one_event(text, Some("2022-08-31"));
        assert_eq!((actor(found[0].actor1), actor(found[0].actor2)), (None, Some("fama")), "{text}");
    }
}

#[test]
fn a_claim_of_rocket_fire_does_not_cover_a_drone_strike() {
    // The armed group claimed the rockets; the strike, unclaimed, gets no doer from that claim.
    let texts = [
        "Le JNIM a revendiqué des tirs de roquettes sur le camp de Gao samedi. Vendredi, une frappe de drone a touché un campement nomade près de Ber, tuant six civils.",
        "JNIM claimed rocket fire on the Gao camp on Saturday. On Friday, a drone strike hit a nomad camp near Ber, killing six civilians.",
    ];
    for text in texts {
        let found = events(text, Some("2025-09-15"));
        let doers: Vec<_> = found.iter().map(|e| (e.sub_event, actor(e.actor1))).collect();
        assert_eq!(doers, [(SubEvent::Shelling, Some("jnim")), (SubEvent::AirDroneStrike, None)], "{text}");
    }
}

#[test]
fn what_is_going_to_happen_is_no_incident() {
    for text in [
        "Nous allons reprendre les zones occupées par les terroristes près de Gao.",
        "L'armée malienne va lancer une offensive près de Gao.",
        "The Malian army will launch an offensive near Gao next week.",
        "The Malian army is set to launch an offensive near Gao.",
    ] {
        assert!(events(text, Some("2025-06-17")).is_empty(), "{text}");
    }
    // What was done, then announced to go on, was done.
    let found =
        one_event("L'armée malienne a lancé lundi une offensive près de Gao et va la poursuivre.", Some("2025-06-17"));
    assert_eq!(actor(found[0].actor1), Some("fama"), "{found:?}");
}

#[test]
fn the_armys_strikes_in_reply_are_not_the_attack_they_answer() {
    cov_mark::check!(a_definite_weapon_word_retells_only_its_own_type);
    let texts = [
        "Gunmen attacked a health centre in Nioro du Sahel on Tuesday, killing a nurse. \
         The army said it had answered with the airstrikes on hideouts in a nearby forest.",
        "Des hommes armés ont attaqué mardi un centre de santé à Nioro du Sahel, tuant un infirmier. \
         L'armée a affirmé avoir riposté par les frappes aériennes sur des repaires dans une forêt voisine.",
        "هاجم مسلحون الثلاثاء سوقا في نيورو دو ساحل وقتلوا ثلاثة مدنيين. \
         وقال الجيش إنه رد عبر الغارات الجوية على مخابئ في غابة قريبة.",
    ];
    for text in texts {
        let found = events(text, Some("2025-03-05"));
        let types: Vec<EventType> = found.iter().map(|e| e.sub_event.event_type()).collect();
        assert!(
            types.contains(&EventType::ViolenceAgainstCivilians) && types.contains(&EventType::Explosions),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_coup_recalled_after_a_protest_is_its_own_event_in_its_country() {
    cov_mark::check!(clause_cut_before_a_recalled_cause);
    cov_mark::check!(a_coup_is_placed_in_its_country);
    let texts = [
        "Thousands marched in Niamey on Sunday in the wake of the military coup that took place last week.",
        "Des milliers de personnes ont manifesté dimanche à Niamey à la suite du coup d'État militaire survenu la semaine dernière.",
        "تظاهر الآلاف في نيامي يوم الأحد في أعقاب الانقلاب العسكري الذي وقع الأسبوع الماضي.",
    ];
    for text in texts {
        let found = events(text, Some("2023-07-31"));
        let told: Vec<_> = found.iter().map(|e| (e.sub_event.event_type(), place(e.place), date(e))).collect();
        assert!(
            told.contains(&(EventType::Protests, Some("ne.niamey"), Some("2023-07-30".into()))),
            "{text}: {told:?}"
        );
        let coup = found.iter().find(|e| e.sub_event.event_type() == EventType::StrategicDevelopments);
        let coup = coup.unwrap_or_else(|| panic!("{text}: no coup in {told:?}"));
        assert_eq!((place(coup.place), coup.geo_precision), (Some("ne"), 3), "{text}");
        assert!(date(coup).is_some_and(|d| d.starts_with("2023-07-2")), "{text}: {told:?}");
    }
}

#[test]
fn an_incident_recalled_is_not_dated_by_the_news_around_it() {
    cov_mark::check!(a_recalled_incident_is_dated_after_its_cue);
    let texts = [
        "Une ONG a demandé jeudi aux autorités de Ouagadougou de réagir, après l'enlèvement de plusieurs journalistes.",
        "An NGO on Thursday urged the authorities in Ouagadougou to respond, following the abduction of several journalists.",
        "طالبت منظمة يوم الخميس السلطات في واغادوغو بالرد، في أعقاب اختطاف عدد من الصحفيين.",
    ];
    for text in texts {
        let found = events(text, Some("2024-07-12"));
        assert!(found.iter().all(|e| date(e).as_deref() != Some("2024-07-11")), "{text}: {found:?}");
    }
}

#[test]
fn a_summary_over_two_days_is_covered_by_the_strikes_told_one_by_one() {
    cov_mark::check!(summary_covered_by_single_incidents);
    let texts = [
        "Onze civils ont été tués jeudi et vendredi dans deux frappes de drones de l'armée dans la région de Tombouctou.\nJeudi soir, une frappe a visé un campement près de Léré.\nVendredi, une frappe a touché un marché à Niafunké.",
        "Eleven civilians were killed on Thursday and Friday in two army drone strikes in the Timbuktu region.\nOn Thursday evening, a strike hit a camp near Léré.\nOn Friday, a strike hit a market in Niafunké.",
        "قتل أحد عشر مدنيا يومي الخميس والجمعة في غارتين بطائرات مسيرة للجيش في منطقة تمبكتو.\nواستهدفت غارة مساء الخميس مخيما قرب ليري.\nويوم الجمعة، أصابت غارة سوقا في نيافونكي.",
    ];
    for text in texts {
        let found = events(text, Some("2025-11-15"));
        // Each strike takes the doer the summary names; the toll of both is no one strike's.
        let told: Vec<_> = found.iter().map(|e| (place(e.place), date(e), actor(e.actor1), e.fatalities)).collect();
        let strike = |at, day: &str| (Some(at), Some(day.to_string()), Some("fama"), None);
        assert_eq!(told, [strike("ml.lere", "2025-11-13"), strike("ml.niafunke", "2025-11-14")], "{text}");
    }
}

#[test]
fn an_incident_in_a_village_the_base_lacks_is_placed_of_its_own() {
    // Neither a date nor a doer: the village named in the clause is enough to stand.
    let texts = [
        "Des hommes armés ont attaqué le village de Sanambara, dans le cercle de Bla.",
        "Gunmen attacked the village of Sanambara, in the Bla cercle.",
        "هاجم مسلحون قرية سانامبارا في دائرة بلا.",
    ];
    for text in texts {
        let found = one_event(text, Some("2025-06-10"));
        assert_eq!((place(found[0].place), found[0].geo_precision), (Some("ml.bla-cercle"), 2), "{text}: {found:?}");
        assert!(found[0].unknown_place.is_some(), "{text}");
    }
}

#[test]
fn rounds_counted_tell_one_shelling_not_a_summary() {
    // "Three rockets" counts the rounds of one incident: not a summary that an attack told the
    // same day at the same place would cover.
    let texts = [
        "Lundi, des hommes armés ont attaqué le camp militaire de Gao. Le même jour, trois roquettes ont frappé le camp de Gao.",
        "On Monday, gunmen attacked the army camp in Gao. The same day, three rockets hit the camp in Gao.",
        "هاجم مسلحون يوم الاثنين المعسكر في غاو. وفي اليوم نفسه، سقطت ثلاث قذائف على المعسكر في غاو.",
    ];
    for text in texts {
        cov_mark::check!(rounds_counted_are_one_incident);
        let found = events(text, Some("2025-06-10"));
        let types: Vec<_> = found.iter().map(|e| e.sub_event.event_type()).collect();
        assert_eq!(types, [EventType::Battles, EventType::Explosions], "{text}: {found:?}");
    }
}

#[test]
fn a_river_near_which_people_gathered_is_a_landmark() {
    cov_mark::check!(a_river_near_which_it_happened_is_a_landmark);
    let texts = [
        "Des centaines de partisans de l'opposition ont manifesté samedi à Bamako.\nLe rassemblement, qui s'est déroulé au Palais de la culture, près du fleuve Niger, a réuni des centaines de personnes.",
        "Hundreds of opposition supporters demonstrated in Bamako on Saturday.\nThe rally, held at the Palace of Culture near the Niger River, drew hundreds of people.",
        "تظاهر المئات من أنصار المعارضة يوم السبت في باماكو.\nوجرى التجمع في قصر الثقافة قرب نهر النيجر بحضور المئات.",
    ];
    for text in texts {
        let found = events(text, Some("2025-05-04"));
        let places: Vec<_> = found.iter().map(|e| place(e.place)).collect();
        assert_eq!(places, [Some("ml.bamako")], "{text}: {found:?}");
    }
}

#[test]
fn history_told_beside_an_incident_does_not_join_it() {
    cov_mark::check!(history_never_joins_the_news);
    let texts = [
        "Des hommes armés ont tué 14 civils à Léré, selon des élus locaux. Le pays traverse depuis 2012 une grave crise nourrie par des attaques jihadistes.",
        "Gunmen killed 14 civilians in Léré, local officials said. Since 2012 the country has been in a deep crisis fed by jihadist attacks.",
        "قتل مسلحون 14 مدنيا في ليري، بحسب مسؤولين محليين. وتعيش البلاد منذ عام 2012 أزمة عميقة تغذيها هجمات إرهابية.",
    ];
    for text in texts {
        let found = events(text, Some("2025-11-05"));
        let news: Vec<_> = found.iter().filter(|e| !e.background).collect();
        assert_eq!(news.len(), 1, "{text}: {found:?}");
        assert_eq!((place(news[0].place), news[0].mentions.len()), (Some("ml.lere"), 1), "{text}: {found:?}");
    }
}

#[test]
fn a_trip_put_off_after_an_attack_is_not_where_it_happened() {
    let texts = [
        "Des hommes armés ont tué trois soldats à Djibo. L'attaque a poussé le président à reporter son voyage vers la Belgique.",
        "Gunmen killed three soldiers in Djibo. The attack led the president to postpone his trip to Belgium.",
        "قتل مسلحون ثلاثة جنود في جيبو. ودفع الهجوم الرئيس إلى تأجيل جولة إلى بلجيكا.",
    ];
    each_one(&texts, "2025-06-10", |e| place(e.place), Some("bf.djibo"));
}

#[test]
fn the_border_with_a_country_lies_outside_it() {
    cov_mark::check!(the_border_with_a_country_is_outside_it);
    // The story is Mali's; the attack happened in Burkina Faso, by its border with Mali.
    let texts = [
        "Le Mali et le Burkina Faso renforcent leur coopération.\nDes hommes armés ont attaqué un poste militaire burkinabè à cinq kilomètres de la frontière avec le Mali, selon des sources locales.",
        "Mali and Burkina Faso step up their cooperation.\nGunmen attacked a Burkinabe army post five kilometres from the border with Mali, local sources said.",
        "مالي وبوركينا فاسو تعززان تعاونهما.\nهاجم مسلحون موقعا للجيش البوركينابي على بعد خمسة كيلومترات من الحدود مع مالي، بحسب مصادر محلية.",
    ];
    for text in texts {
        let found = events(text, Some("2025-06-10"));
        assert!(found.iter().all(|e| place(e.place) != Some("ml")), "{text}: {found:?}");
    }
}

#[test]
fn weapons_far_down_a_list_of_seized_things_were_taken_not_fired() {
    cov_mark::check!(a_counted_weapon_in_a_list_of_seized_things_is_no_trigger);
    let texts = [
        "Des jihadistes ont attaqué lundi le camp de Boulkessi, tuant douze soldats. Ils disent avoir saisi 4 pick-up, 1 blindé, 30 fusils d'assaut, 2 lance-roquettes et 3 mortiers.",
        "Jihadists attacked the Boulkessi camp on Monday, killing twelve soldiers. They say they seized 4 pickups, 1 armoured car, 30 assault rifles, 2 launchers and 3 mortars.",
        "هاجم جهاديون يوم الاثنين معسكر بولكيسي وقتلوا اثني عشر جنديا. وقالوا إنهم استولوا على 4 سيارات و1 مدرعة و30 بندقية و2 قاذفة و3 قذائف هاون.",
    ];
    each_one(&texts, "2025-06-10", |e| (e.sub_event.event_type(), e.fatalities), (EventType::Battles, Some(12)));
}

#[test]
fn the_captured_are_not_counted_among_the_dead() {
    cov_mark::check!(the_captured_are_not_counted_among_the_dead);
    let texts = [
        "Des jihadistes ont attaqué lundi le camp de Boulkessi, où ils affirment avoir tué 40 soldats et capturé 2 autres.",
        "Jihadists attacked the Boulkessi camp on Monday, where they say they killed 40 soldiers and captured 2 others.",
        "هاجم جهاديون يوم الاثنين معسكر بولكيسي حيث قالوا إنهم قتلوا 40 جنديا وأسروا 2 آخرين.",
    ];
    each_one(&texts, "2025-06-10", |e| e.fatalities, Some(40));
}

#[test]
fn a_toll_given_as_of_a_later_day_is_the_same_incident() {
    let texts = [
        "Des jihadistes ont attaqué le camp de Boulkessi le 30 septembre. Le bilan officiel est de 38 morts à la date du 4 octobre.",
        "Jihadists attacked the Boulkessi camp on September 30. The official toll stood at 38 dead as of October 4.",
        "هاجم جهاديون معسكر بولكيسي في 30 سبتمبر. وبلغت الحصيلة الرسمية 38 قتيلا حتى تاريخ 4 أكتوبر.",
    ];
    each_one(&texts, "2025-10-06", |e| (date(e), e.fatalities), (Some("2025-09-30".to_string()), Some(38)));
}

#[test]
fn the_count_a_toll_reaches_is_the_dead() {
    cov_mark::check!(the_count_a_toll_reaches_is_the_dead);
    let texts = [
        "Le bilan de l'embuscade de mardi contre une patrouille près d'Ayorou s'élève à 28, selon l'armée.",
        "The death toll from Tuesday's ambush on a patrol near Ayorou has risen to 28, the army said.",
        "ارتفعت حصيلة الكمين الذي استهدف دورية قرب أيورو الثلاثاء إلى 28، بحسب الجيش.",
    ];
    each_one(&texts, "2019-05-16", |e| e.fatalities, Some(28));
    // A word of injury by the count keeps it off the dead.
    let wounded = events("The toll from the ambush near Ayorou rose to 28 wounded.", Some("2019-05-16"));
    assert!(wounded.iter().all(|e| e.fatalities != Some(28)), "{wounded:?}");
}

#[test]
fn a_unit_named_after_a_count_does_not_part_a_list_of_the_dead() {
    let texts = [
        "Deux patrouilles sont tombées mercredi dans une embuscade près de Tillabéri : quinze militaires de la Garde nationale et douze des forces armées ont été tués.",
        "Two patrols were ambushed near Tillabéri on Wednesday: fifteen soldiers of the National Guard and twelve of the armed forces were killed.",
        "وقعت دوريتان في كمين قرب تيلابيري الأربعاء، وقتل خمسة عشر عنصرا من الحرس الوطني واثنا عشر من الجيش.",
    ];
    each_one(&texts, "2025-09-11", |e| e.fatalities, Some(27));
}

#[test]
fn a_place_in_a_note_on_an_actor_is_not_where_it_happened() {
    cov_mark::check!(a_place_in_a_note_on_an_actor_is_not_here);
    let texts = [
        "Des hommes armés ont attaqué mercredi un poste à Ayorou. L'attaque a été menée par l'État islamique au Sahel (EI, interdit en Algérie).",
        "Gunmen attacked a post in Ayorou on Wednesday. The attack was carried out by Islamic State Sahel (IS, banned in Algeria).",
        "هاجم مسلحون يوم الأربعاء موقعا في أيورو. ونفذ الهجوم تنظيم الدولة الإسلامية في الساحل (داعش، المحظور في الجزائر).",
    ];
    each_one(&texts, "2025-09-11", |e| place(e.place), Some("ne.ayorou"));
}

#[test]
fn a_series_of_attacks_sums_up_the_attacks_told_next() {
    cov_mark::check!(a_series_of_incidents_is_a_summary);
    let texts = [
        "Une série d'attaques a fait 15 morts dans la région de Tillabéri.\nSamedi 22 octobre, des hommes armés ont tué onze camionneurs près de Banibangou.\nLundi 24 octobre, des assaillants ont attaqué le commissariat de Téra, tuant trois policiers.",
        "A series of attacks has killed 15 people in the Tillabéri region.\nOn Saturday, October 22, gunmen killed eleven truckers near Banibangou.\nOn Monday, October 24, assailants attacked the police station in Téra, killing three officers.",
        "أسفرت سلسلة هجمات عن مقتل 15 شخصا في منطقة تيلابيري.\nويوم السبت 22 أكتوبر، قتل مسلحون أحد عشر سائق شاحنة قرب بانيبانغو.\nويوم الاثنين 24 أكتوبر، هاجم مسلحون مركز الشرطة في تيرا وقتلوا ثلاثة من رجال الشرطة.",
    ];
    for text in texts {
        let found = events(text, Some("2022-10-27"));
        let told: Vec<_> = found.iter().map(|e| (place(e.place), e.fatalities)).collect();
        assert_eq!(told, [(Some("ne.banibangou"), Some(11)), (Some("ne.tera"), Some(3))], "{text}");
    }
}

#[test]
fn a_target_marked_after_another_incident_word_is_that_incidents() {
    cov_mark::check!(a_target_marked_after_another_incident_word_is_its_own);
    let texts = [
        "Le JNIM a dit avoir tendu jeudi une embuscade à l'armée près de Kayes, sans mentionner l'attaque contre les citernes.",
        "JNIM said it ambushed the army near Kayes on Thursday, without mentioning the attack on the tankers.",
        "وأعلنت جماعة نصرة الإسلام والمسلمين أنها نصبت كمينا للجيش المالي الخميس قرب كايس دون الإشارة إلى الهجوم على الصهاريج.",
    ];
    each_one(&texts, "2025-01-31", |e| actor(e.actor2), Some("fama"));
}

#[test]
fn what_the_news_happens_amid_is_context_not_an_incident() {
    let texts = [
        "Des hommes armés ont incendié mardi 40 citernes près de Kolondiéba, sur fond de blocus imposé par le JNIM depuis septembre.",
        "Gunmen burned 40 tankers near Kolondiéba on Tuesday, amid a blockade imposed by JNIM since September.",
        "أحرق مسلحون الثلاثاء 40 صهريجا قرب كولونديبا، في ظل حصار تفرضه جماعة نصرة الإسلام والمسلمين منذ سبتمبر.",
    ];
    each_one(&texts, "2025-10-15", |e| e.frame, marsad_kb::Frame::BurnLoot);
    // Told alone, the setting is no news.
    let settings = [
        "Les prix du carburant ont doublé à Bamako, sur fond de blocus imposé par le JNIM.",
        "Fuel prices have doubled in Bamako amid a blockade imposed by JNIM.",
        "تضاعفت أسعار الوقود في باماكو في ظل حصار تفرضه جماعة نصرة الإسلام والمسلمين.",
    ];
    for text in settings {
        cov_mark::check!(an_incident_after_amid_is_the_setting);
        assert!(events(text, Some("2025-10-15")).is_empty(), "{text}");
    }
}

#[test]
fn the_attackers_described_before_their_next_deed_still_continue_their_attack() {
    let texts = [
        "Des hommes armés ont attaqué vendredi soir le village de Sofara, tuant douze habitants. Les assaillants venus en grand nombre ont ensuite encerclé le village.",
        "Gunmen attacked the village of Sofara on Friday evening, killing twelve residents. The attackers who came in large numbers then encircled the village.",
        "هاجم مسلحون مساء الجمعة قرية سوفارا وقتلوا اثني عشر من السكان. وطوق المهاجمون القادمون بأعداد كبيرة القرية بعد ذلك.",
    ];
    each_one(&texts, "2025-06-14", |e| (place(e.place), e.fatalities), (Some("ml.sofara"), Some(12)));
}

#[test]
fn the_day_a_statement_was_made_is_not_the_incidents() {
    // English puts the day between the speaker and the verb: "the ministry on Tuesday said".
    cov_mark::check!(a_date_before_a_report_verb_dates_the_report);
    let texts = [
        "An air strike hit a camp near Douentza on Sunday. The ministry on Tuesday said the strike killed 30 militants.",
        "An air strike hit a camp near Douentza on Sunday. Officials on Tuesday reported that the strike killed 30 militants.",
    ];
    each_one(&texts, "2021-01-08", |e| (date(e), e.fatalities), (Some("2021-01-03".to_string()), Some(30)));
}

#[test]
fn an_analyst_telling_an_incident_on_its_day_reports_it() {
    cov_mark::check!(an_analyst_telling_an_incident_on_its_day_reports_it);
    let texts = [
        "A drone strike hit a wedding near Gossi, killing 20 civilians. A security analyst reported that the strike occurred on Thursday.",
        "Une frappe de drone a touché un mariage près de Gossi, tuant 20 civils. Un analyste en sécurité a indiqué que la frappe a eu lieu jeudi.",
        "أصابت غارة بطائرة مسيرة حفل زفاف قرب غوسي وقتلت 20 مدنيا. وأفاد محلل أمني بأن الغارة وقعت يوم الخميس.",
    ];
    each_one(&texts, "2025-10-31", date, Some("2025-10-30".to_string()));
}

#[test]
fn attacks_stepped_up_over_a_year_are_a_trend() {
    let texts = [
        "En 2021, des jihadistes avaient multiplié les assauts contre des civils dans la zone de Banibangou.",
        "In 2021, jihadists stepped up assaults on civilians in the Banibangou area.",
        "في عام 2021، كثف الجهاديون الهجمات على المدنيين في منطقة بانيبانغو.",
    ];
    for text in texts {
        assert!(events(text, Some("2022-02-22")).is_empty(), "{text}");
    }
}

#[test]
fn attacks_told_over_recent_months_are_a_trend() {
    let texts = [
        "Ces derniers mois, le département de Banibangou enregistre des attaques armées contre des civils.",
        "In recent months, the Banibangou department has recorded armed attacks on civilians.",
        "وشهدت دائرة بانيبانغو خلال الأشهر الأخيرة هجمات مسلحة على المدنيين.",
    ];
    for text in texts {
        assert!(events(text, Some("2022-02-22")).is_empty(), "{text}");
    }
}

#[test]
fn deaths_told_before_after_that_an_attack_happened_are_its_toll() {
    // Arabic opens the cause with a conjunction ("بعدما", "بعد أن"); French and English say
    // "après que", "after", which other rules read ("l'attaque intervient après que…").
    let texts = [
        "قتل 17 جنديا في النيجر بعدما شن مسلحون من تنظيم داعش هجوما على موقع للشرطة في تيرا.",
        "قتل 17 جنديا في النيجر بعد أن هاجم مسلحون موقعا للشرطة في تيرا.",
    ];
    each_one(&texts, "2025-11-20", |e| (place(e.place), e.fatalities), (Some("ne.tera"), Some(17)));
}

#[test]
fn a_weapon_told_after_the_attack_of_its_clause_is_how_it_was_carried_out() {
    cov_mark::check!(a_weapon_told_after_the_attack_is_its_means);
    let texts = [
        "Des hommes armés ont attaqué mercredi un poste de police à Téra, tuant 17 agents. Selon des sources, l'attaque a commencé dans l'après-midi et a comporté des tirs et l'explosion d'engins explosifs.",
        "Gunmen attacked a police post in Téra on Wednesday, killing 17 officers. Sources said the attack began in the afternoon and included gunfire and the blast of improvised explosive devices.",
        "هاجم مسلحون يوم الأربعاء موقعا للشرطة في تيرا وقتلوا 17 شرطيا. وذكرت مصادر أن الهجوم بدأ عصرا وتضمن إطلاق نار وتفجير عبوات ناسفة.",
    ];
    each_one(
        &texts,
        "2025-11-20",
        |e| (e.sub_event.event_type(), place(e.place), e.fatalities),
        (EventType::Battles, Some("ne.tera"), Some(17)),
    );
}

#[test]
fn an_incident_recalled_without_a_day_is_dated_by_the_reference_that_follows() {
    let texts = [
        "Le Niger a décrété un deuil national à la suite d'une attaque terroriste contre un détachement de l'armée près de Téra. L'incident s'est produit le 25 juin.",
        "Niger declared national mourning following an attack by terrorists on an army detachment near Téra. The incident took place on June 25.",
        "أعلن الحداد الوطني في النيجر بعد أن هاجم إرهابيون مفرزة للجيش قرب تيرا. ووقع الحادث في 25 يونيو.",
    ];
    each_one(&texts, "2024-06-27", |e| (place(e.place), date(e)), (Some("ne.tera"), Some("2024-06-25".to_string())));
}

#[test]
fn counts_of_speakers_and_of_places_are_no_toll() {
    cov_mark::check!(the_number_of_those_who_speak_is_no_toll);
    cov_mark::check!(a_count_of_places_is_no_toll);
    let texts = [
        "Dans un quartier de Djibo, des habitants ont été exécutés devant leurs maisons, ont affirmé deux témoins à l'AFP.",
        "In one district of Djibo, people were executed in front of their homes, two witnesses told AFP.",
        "أعدم مسلحون سكانا أمام منازلهم في جيبو، حسبما أفاد اثنان من الشهود لفرانس برس.",
    ];
    each_one(&texts, "2025-05-13", |e| e.fatalities, None);
}

#[test]
fn an_evacuation_called_for_has_not_happened() {
    cov_mark::check!(an_evacuation_called_for_has_not_happened);
    let texts = [
        "Le groupe avait diffusé une vidéo de son chef au Burkina Faso exhortant les habitants de Djibo à évacuer pour leur sécurité.",
        "The group had earlier released a video showing its Burkina Faso leader warning Djibo residents to evacuate for their own safety.",
        "وكانت الجماعة قد نشرت مقطع فيديو لزعيمها في بوركينا فاسو داعيا سكان جيبو إلى الإخلاء حفاظا على سلامتهم.",
    ];
    tells_none(&texts, "2025-05-16");
}

#[test]
fn calls_for_an_evacuation_have_not_moved_anyone() {
    cov_mark::check!(an_evacuation_called_for_has_not_happened);
    let texts = [
        "The worsening security prompted calls to evacuate foreigners from Gao.",
        "La dégradation de la sécurité a suscité des appels à évacuer les étrangers de Gao.",
        "وأثار تدهور الوضع الأمني دعوات لإجلاء الأجانب من غاو.",
    ];
    tells_none(&texts, "2025-05-16");
    // An evacuation that followed a call did happen.
    assert_eq!(events("Residents evacuated Gao on Monday after calls to leave the town.", Some("2025-05-16")).len(), 1);
}

#[test]
fn a_tag_list_glued_after_the_last_sentence_is_furniture() {
    cov_mark::check!(a_tag_list_glued_after_the_last_sentence_is_furniture);
    let texts = [
        "Attaque à Kidal\nDes hommes armés ont attaqué lundi un poste à Kidal. L'armée a renforcé ses positions. Le calme est revenu. Mots-clés couvre-feu fermeture des frontières Algérie Mali",
        "Attack in Kidal\nGunmen attacked a post in Kidal on Monday. The army reinforced its positions. Calm has returned. Tags curfew border closure Algeria Mali",
        "هجوم في كيدال\nهاجم مسلحون يوم الاثنين موقعا في كيدال. وعزز الجيش مواقعه. وعاد الهدوء. الوسوم حظر التجول إغلاق الحدود الجزائر مالي",
    ];
    each_one(&texts, "2025-06-10", |e| place(e.place), Some("ml.kidal"));
}

#[test]
fn an_armed_group_stopping_buses_abducts_and_hostages_still_held_are_no_new_incident() {
    cov_mark::check!(an_armed_group_arresting_people_abducts_them);
    let texts = [
        "Des passagers de trois bus ont été enlevés mardi par le JNIM près de Bandiagara. Selon des élus, les trois bus ont été arrêtés mardi par les jihadistes. Leurs passagers sont toujours retenus en otage.",
        "Passengers of three buses were abducted on Tuesday by JNIM near Bandiagara. According to officials, the three buses were stopped and their passengers detained on Tuesday by the jihadists. The passengers are still held hostage.",
        "اختطف مسلحون من جماعة نصرة الإسلام والمسلمين يوم الثلاثاء ركاب ثلاث حافلات قرب باندياغارا. وبحسب مسؤولين، احتجز الجهاديون الحافلات الثلاث يوم الثلاثاء. ولا يزالون محتجزين لدى الجماعة.",
    ];
    each_one(&texts, "2023-11-10", |e| e.sub_event, SubEvent::Abduction);
}

#[test]
fn nomads_struck_are_civilians_and_the_azawad_coordination_is_an_actor() {
    let texts = [
        "Des hommes armés ont attaqué lundi un campement nomade près de Mopti.",
        "Gunmen attacked a nomad camp near Mopti on Monday.",
        "هاجم مسلحون البدو الرحل قرب موبتي يوم الاثنين.",
    ];
    each_one(&texts, "2023-07-04", |e| actor(e.actor2), Some("civilians"));
    // "تنسيقية حركات أزواد" names the Azawad movements, not the place Azawad.
    let text = "قتل ثمانية مدنيين في قرية قرب تينينكو يوم الأحد، بحسب تنسيقية حركات أزواد التي اتهمت الجيش المالي.";
    let found = one_event(text, Some("2025-01-06"));
    assert_ne!(place(found[0].place), Some("ml.azawad"), "{found:?}");
}

#[test]
fn a_surrender_recalled_days_before_is_an_agreement_dated_to_its_week() {
    cov_mark::check!(an_incident_recalled_days_before_is_dated_to_the_week);
    let texts = [
        "Des jihadistes ont attaqué mardi un poste à Ansongo. L'attaque intervient quelques jours après la reddition de onze combattants de l'EI dans la région de Gao.",
        "Jihadists attacked a post in Ansongo on Tuesday. The attack comes just days after the surrender of eleven IS fighters in the Gao region.",
        "هاجم جهاديون يوم الثلاثاء موقعا في أنسونغو. ويأتي الهجوم بعد أيام من استسلام أحد عشر مقاتلا من داعش في منطقة غاو.",
    ];
    for text in texts {
        let found = events(text, Some("2025-07-02"));
        let agreement = found.iter().find(|e| e.sub_event == SubEvent::Agreement);
        let agreement = agreement.unwrap_or_else(|| panic!("{text}: {found:?}"));
        assert_eq!(
            (place(agreement.place), date(agreement)),
            (Some("ml.gao-region"), Some("2025-06-29".to_string())),
            "{text}"
        );
    }
}

#[test]
fn a_pointer_with_a_toll_of_its_own_stands_when_nothing_came_before() {
    cov_mark::check!(a_pointer_with_a_toll_of_its_own_stands);
    let texts = [
        "L'armée a localisé et détruit mardi une base terroriste près de Diéma.\n\nPlusieurs dizaines de terroristes ont été neutralisés dans cette frappe.",
        "The army located and destroyed a terrorist base near Diéma on Tuesday.\n\nSeveral dozen terrorists were neutralised in this strike.",
        "حدد الجيش يوم الثلاثاء قاعدة إرهابية قرب دييما ودمرها.\n\nوتم تحييد عشرات الإرهابيين في هذه الغارة.",
    ];
    for text in texts {
        let found = events(text, Some("2025-09-10"));
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert!(found[0].fatalities.is_some(), "{text}: {found:?}");
    }
}

#[test]
fn a_counts_own_approximation_does_not_part_it_from_its_death_word() {
    let texts = [
        "Des hommes armés ont attaqué Barsalogho, tuant plus de 200 personnes et en blessant environ 300.",
        "Gunmen attacked Barsalogho, killing more than 200 people and wounding about 300.",
        "هاجم مسلحون مدينة بارسالوقو، ما أسفر عن مقتل أكثر من 200 شخص وإصابة حوالي 300 آخرين.",
    ];
    each_one(&texts, "2024-08-26", |e| e.fatalities, Some(200));
}

#[test]
fn the_size_of_a_group_some_of_whom_were_killed_is_no_toll() {
    cov_mark::check!(the_size_of_a_group_is_no_toll);
    let texts = [
        "Un poste de l'armée a été attaqué dimanche à Torodi. Sur les 60 soldats présents, 27 ont été tués.",
        "A post of the army came under attack in Torodi on Sunday. Of the 60 soldiers stationed there, 27 were confirmed dead.",
        "تعرض موقع للجيش لهجوم يوم الأحد في تورودي. ومن أصل 60 جنديا كانوا فيه، قتل 27.",
    ];
    each_one(&texts, "2024-09-17", |e| e.fatalities, Some(27));
}

#[test]
fn people_killed_by_an_armed_side_with_no_armed_target_are_civilians() {
    cov_mark::check!(people_killed_by_an_armed_side_are_civilians);
    each_one(
        &[
            "Vingt personnes ont été tuées par des jihadistes du JNIM à Djibo dimanche.",
            "Twenty people were killed by JNIM fighters in Djibo on Sunday.",
            "قُتل عشرون شخصا على يد مسلحي جماعة نصرة الإسلام والمسلمين في جيبو يوم الأحد.",
        ],
        "2025-03-18",
        |e| e.sub_event,
        SubEvent::Attack,
    );
}

#[test]
fn a_drone_intercepted_or_shot_down_is_disrupted_weapons_use() {
    each_one(
        &[
            "أعلن الجيش المالي أنه تم اعتراض طائرة بدون طيار قرب مطار تيساليت يوم الأحد.",
            "L'armée malienne a abattu un drone près de Kidal dimanche.",
            "The Malian army said it shot down a drone near Kidal on Sunday.",
        ],
        "2025-06-20",
        |e| e.sub_event,
        SubEvent::DisruptedWeapons,
    );
}

#[test]
fn a_remand_in_custody_is_an_arrest() {
    each_one(
        &[
            "وضعت السلطات القضائية في مالي يوم الجمعة الوزير الأسبق رهن الحبس الاحتياطي في باماكو.",
            "Un ancien ministre a été placé en détention provisoire vendredi à Bamako.",
            "A former minister was remanded in custody in Bamako on Friday.",
        ],
        "2025-06-20",
        |e| e.sub_event,
        SubEvent::Arrests,
    );
}

#[test]
fn places_glossed_in_latin_still_form_a_list() {
    cov_mark::check!(a_latin_gloss_does_not_break_a_list);
    let text = "هاجم مسلحون يوم الأحد مركزين للجيش في منطقتي نيونو (Niono) وليري (Léré).";
    let found = events(text, Some("2025-04-20"));
    let places: Vec<_> = found.iter().map(|e| place(e.place)).collect();
    assert_eq!(places, [Some("ml.niono"), Some("ml.lere")], "{found:?}");
}

#[test]
fn an_army_named_as_the_target_of_a_strike_is_not_inferred_to_fly_it() {
    cov_mark::check!(an_actor_named_as_the_target_is_not_inferred_the_doer);
    let texts = [
        "هجوم جوي بطائرة مسيرة على معسكر للجيش المالي وقوات فاغنر في غوندام يوم الثلاثاء.",
        "Une frappe de drone a visé mardi un poste de l'armée malienne et de Wagner à Goundam.",
        "A drone strike hit an outpost of the Malian army and Wagner in Goundam on Tuesday.",
    ];
    each_one(&texts, "2025-09-12", |e| actor(e.actor1), None);
}

#[test]
fn soldiers_taken_prisoner_after_their_count_are_not_dead() {
    cov_mark::check!(the_captured_after_their_count_are_not_dead);
    each_one(
        &[
            "Le camp militaire de Niafunké a été attaqué vendredi. Le Jnim annonce un bilan de 30 soldats maliens tués et deux faits prisonniers.",
            "The Niafunke military camp was attacked on Friday. JNIM claimed 30 soldiers killed and two taken prisoner.",
        ],
        "2023-11-25",
        |e| e.fatalities,
        Some(30),
    );
}

#[test]
fn several_killed_gives_no_toll_but_several_dozen_does() {
    cov_mark::check!(a_quantifier_gives_no_toll);
    each_one(
        &[
            "Des jihadistes ont attaqué un poste de l'armée à Léré vendredi et tué plusieurs soldats.",
            "Jihadists attacked an army post in Léré on Friday, killing several soldiers.",
            "هاجم مسلحون موقعا للجيش في ليري يوم الجمعة ما أسفر عن مقتل عدة جنود.",
        ],
        "2025-06-14",
        |e| e.fatalities,
        None,
    );
    let text = "Des jihadistes ont attaqué un poste de l'armée à Léré vendredi et tué plusieurs dizaines de soldats.";
    assert_eq!(one_event(text, Some("2025-06-14"))[0].fatalities, Some(10));
}

#[test]
fn places_each_told_with_its_own_site_are_one_incident_each() {
    cov_mark::check!(places_each_with_its_site_form_a_list);
    let texts = [
        "هاجم مسلحون يوم الأحد معسكر بولكيسي ومطار تمبكتو.",
        "Des jihadistes ont attaqué dimanche le camp de Boulkessi et l'aéroport de Tombouctou.",
        "Jihadists attacked the Boulkessi camp and the Timbuktu airport on Sunday.",
    ];
    for text in texts {
        let found = events(text, Some("2025-07-10"));
        let places: Vec<_> = found.iter().map(|e| place(e.place)).collect();
        assert_eq!(places, [Some("ml.boulkessi"), Some("ml.timbuktu")], "{text}: {found:?}");
    }
}

#[test]
fn a_village_in_the_same_region_is_its_own_place_and_apart_from_another_village() {
    cov_mark::check!(the_same_area_is_the_place_told_before);
    cov_mark::check!(two_villages_the_base_lacks_are_two_places);
    let texts = [
        "Vendredi, des hommes armés ont tué vingt civils au village de Kandara, dans la région de Tillabéri. Des jihadistes ont tué dix orpailleurs sur le site d'orpaillage de Sikabo, dans la même région.",
        "On Friday, gunmen killed twenty civilians in the village of Kandara, in the Tillabéri region. Jihadists killed ten miners at the gold mining site of Sikabo, in the same region.",
        "قتل مسلحون عشرين مدنيا في قرية كاندارا في منطقة تيلابيري يوم الجمعة. وقتل مسلحون عشرة منقبين في منجم سيكابو في المنطقة نفسها.",
    ];
    for text in texts {
        let found = events(text, Some("2025-03-24"));
        let villages: Vec<_> =
            found.iter().map(|e| e.unknown_place.map(|s| text.chars().skip(s.start as usize).count())).collect();
        assert_eq!(found.len(), 2, "{text}: {found:?}");
        assert!(villages.iter().all(Option::is_some) && villages[0] != villages[1], "{text}: {found:?}");
        assert!(found.iter().all(|e| place(e.place) == Some("ne.tillaberi-region")), "{text}: {found:?}");
    }
}

#[test]
fn the_hospital_where_a_victim_died_is_not_where_the_incident_happened() {
    cov_mark::check!(the_hospital_the_wounded_reached_is_not_here);
    let texts = [
        "Des hommes armés ont tué un commerçant jeudi à Dakar. Un autre est décédé vendredi à l'hôpital de Grand Yoff.",
        "Gunmen killed a trader in Dakar on Thursday. Another died in a hospital in Grand Yoff on Friday.",
        "قتل مسلحون تاجرا في داكار يوم الخميس. وتوفي آخر في مستشفى غران يوف يوم الجمعة.",
    ];
    for text in texts {
        let found = events(text, Some("2023-03-18"));
        assert!(!found.is_empty(), "{text}");
        assert!(found.iter().all(|e| place(e.place) == Some("sn.dakar")), "{text}: {found:?}");
    }
}

#[test]
fn the_base_handed_over_is_no_al_qaeda() {
    // "القاعدة" is al-Qaeda and "the base": after a verb of handing over it is the base.
    for text in ["سلمت القاعدة للحكومة السنغالية في داكار يوم الخميس.", "وسُلِّمت القاعدة للجيش في داكار يوم الخميس."]
    {
        let found = one_event(text, Some("2025-07-18"));
        assert_eq!(found[0].sub_event, SubEvent::NonViolentTransfer, "{text}: {found:?}");
        assert!(found.iter().all(|e| actor(e.actor1) != Some("al-qaeda")), "{text}: {found:?}");
    }
}

#[test]
fn a_generic_word_in_the_strike_s_sentence_does_not_part_the_army_s_retelling() {
    cov_mark::check!(a_generic_member_does_not_part_a_strict_retelling);
    let texts = [
        "An army air strike hit a market in the Mopti region on Sunday, killing 12 people, while the army said it was targeting terrorists. The army said it had carried out air strikes against terrorist activity in the same area.",
        "Une frappe aérienne de l'armée a touché un marché dans la région de Mopti dimanche, tuant 12 personnes, tandis que l'armée a affirmé qu'elle visait des terroristes. L'armée a déclaré avoir mené des frappes aériennes contre des activités terroristes dans la même zone.",
        "قالت مصادر محلية إن غارة جوية للجيش على سوق في منطقة موبتي الأحد أسفرت عن مقتل 12 شخصا، في حين قال الجيش إنه كان يستهدف إرهابيين. وقال الجيش الاثنين إنه شن ضربات جوية على نشاط إرهابي في المنطقة نفسها.",
    ];
    for text in texts {
        let found = one_event(text, Some("2025-06-10"));
        let e = &found[0];
        assert_eq!(
            (e.sub_event, place(e.place), e.fatalities),
            (SubEvent::AirDroneStrike, Some("ml.mopti-region"), Some(12)),
            "{text}"
        );
        assert_eq!(date(e).as_deref(), Some("2025-06-08"), "{text}");
    }
}

#[test]
fn a_weekday_opening_a_statement_dates_the_statement_not_the_strike() {
    cov_mark::check!(a_date_opening_a_report_dates_the_report);
    let texts = [
        "An army air strike hit a market in the Mopti region on Sunday, killing 12 people. On Monday, the army said it had carried out air strikes against terrorists in the area.",
        "Une frappe aérienne de l'armée a touché un marché dans la région de Mopti dimanche, tuant 12 personnes. Lundi, l'armée a déclaré avoir mené des frappes aériennes contre des terroristes dans la zone.",
    ];
    for text in texts {
        let found = one_event(text, Some("2025-06-10"));
        assert_eq!(date(&found[0]).as_deref(), Some("2025-06-08"), "{text}");
    }
    // A month there dates the incident: "In late May, the rebels claimed…" is not the strike.
    let text = "An army air strike hit a market in the Mopti region on Sunday, killing 12 people. In late May, the army said it had carried out air strikes against terrorists in the area.";
    assert_eq!(events(text, Some("2025-06-10")).len(), 2, "{text}");
}

#[test]
fn the_killers_of_civilians_attacked_in_turn_is_another_incident() {
    cov_mark::check!(the_killers_of_civilians_attacked_is_another_incident);
    let texts = [
        "According to Human Rights Watch, dozens of people, mostly Fulani herders, were killed on 10 March by VDP militiamen in Solenzo. The government said that on 10 March a VDP post was attacked by terrorists in Solenzo, and that about 100 assailants were neutralised.",
        "Selon Human Rights Watch, des dizaines de personnes, principalement des éleveurs peuls, ont été tuées le 10 mars par des VDP à Solenzo. Le gouvernement affirme que le 10 mars, un poste des VDP a été attaqué par des terroristes à Solenzo et qu'une centaine d'assaillants ont été neutralisés.",
        "وفقا لهيومن رايتس ووتش، قتل عشرات الأشخاص، معظمهم من الرعاة الفولاني، في 10 مارس على يد متطوعي الدفاع عن الوطن في سولينزو. وقالت الحكومة إن موقعا لمتطوعي الدفاع عن الوطن تعرض لهجوم إرهابيين في سولينزو في 10 مارس وإنه تم تحييد نحو 100 مهاجم.",
    ];
    for text in texts {
        let found = events(text, Some("2025-03-23"));
        let got: Vec<_> = found.iter().map(|e| (e.sub_event, actor(e.actor1), actor(e.actor2))).collect();
        assert_eq!(
            got,
            [(SubEvent::Attack, Some("vdp"), Some("civilians")), (SubEvent::ArmedClash, None, Some("vdp"))],
            "{text}"
        );
    }
}

#[test]
fn a_source_named_before_a_passive_killing_is_not_its_target() {
    cov_mark::check!(a_source_is_not_the_target_of_a_passive);
    let texts = [
        "According to Human Rights Watch, dozens of people were killed on 10 March by VDP militiamen in Solenzo.",
        "Selon Human Rights Watch, des dizaines de personnes ont été tuées le 10 mars par des VDP à Solenzo.",
        "وفقا لهيومن رايتس ووتش، قُتل عشرات الأشخاص في 10 مارس على أيدي متطوعي الدفاع عن الوطن في سولينزو.",
    ];
    each_one(
        &texts,
        "2025-03-23",
        |e| (e.sub_event, actor(e.actor1), actor(e.actor2)),
        (SubEvent::Attack, Some("vdp"), Some("civilians")),
    );
}

#[test]
fn people_described_before_a_passive_killing_are_still_people() {
    cov_mark::check!(people_killed_by_an_armed_side_are_civilians);
    let texts = [
        "Dozens of people, most of them from the same district, were killed on 10 March by VDP militiamen in Solenzo.",
        "Des dizaines de personnes, principalement issues du même quartier, ont été tuées le 10 mars par des VDP à Solenzo.",
    ];
    for text in texts {
        let found = one_event(text, Some("2025-03-23"));
        assert_eq!((found[0].sub_event, actor(found[0].actor2)), (SubEvent::Attack, Some("civilians")), "{text}");
    }
}

#[test]
fn a_progressive_after_was_is_active() {
    // "were attacking" is the soldiers' deed; "were attacked" (tested elsewhere) is suffered.
    let found =
        one_event("Soldiers were attacking a jihadist base near Mopti on Sunday, the army said.", Some("2025-06-10"));
    assert_eq!(actor(found[0].actor1), Some("fama"), "{found:?}");
}

#[test]
fn the_hand_that_kills_is_no_target_of_the_killing() {
    // "على يد" holds "على", a target marker: inside the agent marker it marks no target.
    let text = "بحسب هيومن رايتس ووتش، قتل عشرات الأشخاص في 10 مارس على يد متطوعي الدفاع عن الوطن في سولينزو.";
    let found = one_event(text, Some("2025-03-23"));
    let e = &found[0];
    assert_eq!(
        (e.sub_event, actor(e.actor1), actor(e.actor2)),
        (SubEvent::Attack, Some("vdp"), Some("civilians")),
        "{text}"
    );
}

#[test]
fn gunmen_belonging_to_a_group_after_by_name_the_group_as_doer() {
    cov_mark::check!(doer_behind_a_partitive);
    let texts = [
        ("Fifteen Malian soldiers were killed in an attack blamed on gunmen belonging to JNIM in central Mali.", "jnim"),
        ("Quinze soldats maliens ont été tués dans une attaque attribuée à des hommes armés affiliés au JNIM dans le centre du Mali.", "jnim"),
        ("قتل 15 جنديا ماليا في هجوم نسب إلى مسلحين ينتمون لجماعة نصرة الإسلام والمسلمين في وسط مالي.", "jnim"),
        ("Fifteen soldiers were killed by militants affiliated with the Islamic State in central Mali.", "issp"),
    ];
    for (text, doer) in texts {
        let found = one_event(text, Some("2024-08-17"));
        assert_eq!((actor(found[0].actor1), actor(found[0].actor2)), (Some(doer), Some("fama")), "{text}");
    }
}

#[test]
fn a_headline_s_toll_of_attackers_is_not_added_to_the_body_s_toll_of_everyone() {
    cov_mark::check!(a_headline_s_toll_of_attackers_is_not_added_to_the_body_s);
    let texts = [
        "30 militants killed in an attack in central Mali\nThirty militants and three Malian soldiers were killed on Friday in an attack by gunmen on an army camp in central Mali.",
        "Trente terroristes tués dans une attaque au centre du Mali\nTrente assaillants et trois soldats maliens ont été tués vendredi dans une attaque d'hommes armés contre un camp de l'armée au centre du Mali.",
        "مقتل 30 مسلحا في هجوم وسط مالي\nقتل 30 مسلحا و3 جنود ماليين الجمعة في هجوم لعناصر مسلحة على معسكر للجيش وسط مالي.",
    ];
    for text in texts {
        let found = one_event(text, Some("2024-08-17"));
        assert_eq!(found[0].fatalities, Some(33), "{text}");
    }
}

#[test]
fn an_army_announcing_the_death_of_its_soldiers_and_of_civilians_was_attacked() {
    // "its soldiers" (جنوده, de ses soldats, of its soldiers) are the army: a military target, so
    // the civilians killed beside them do not make it violence against civilians.
    let texts = [
        "أعلن الجيش المالي الاثنين مقتل 17 من جنوده و4 مدنيين في هجوم جديد في بلدة تيسيت.",
        "L'armée malienne a annoncé lundi la mort de 17 de ses soldats et de 4 civils dans une nouvelle attaque à Tessit.",
        "The Malian army announced on Monday the death of 17 of its soldiers and 4 civilians in a new attack in Tessit.",
    ];
    for text in texts {
        let found = one_event(text, Some("2024-08-17"));
        let e = &found[0];
        let got = (e.sub_event, actor(e.actor1), actor(e.actor2), e.fatalities);
        assert_eq!(got, (SubEvent::ArmedClash, None, Some("fama"), Some(21)), "{text}");
    }
}

#[test]
fn militants_linked_to_al_qaeda_are_its_doers_not_its_targets() {
    // "على صلة ب" holds "على", a target marker: inside the words tying the name, it marks none.
    cov_mark::check!(a_target_marker_tying_a_name_marks_no_target);
    let texts = [
        "هاجم مسلحون على صلة بتنظيم القاعدة معسكرا للجيش المالي في موبتي الأحد.",
        "قتل 16 جنديا في هجوم شنه متشددون على صلات بتنظيم القاعدة على قاعدة عسكرية في موبتي الأحد.",
    ];
    for text in texts {
        let found = one_event(text, Some("2024-08-12"));
        assert_eq!((actor(found[0].actor1), actor(found[0].actor2)), (Some("jnim"), Some("fama")), "{text}");
    }
}

#[test]
fn soldiers_stay_the_army_s_though_a_service_of_it_is_named_later() {
    cov_mark::check!(an_army_is_a_parent_only_where_its_service_is_named);
    let text = "قتل 15 جنديا ماليا في هجوم نسب إلى جماعة نصرة الإسلام والمسلمين في وسط مالي. وقال مسؤول إن بين القتلى 14 عنصرا من الحرس الوطني.";
    let found = one_event(text, Some("2024-08-17"));
    assert_eq!((actor(found[0].actor1), actor(found[0].actor2)), (Some("jnim"), Some("fama")), "{text}");
}

#[test]
fn an_attack_attributed_au_jnim_is_jnim_s() {
    // "au" is "à le": the contracted article after "attribuée" still names the doer.
    let text =
        "Au moins 15 soldats maliens ont été tués vendredi dans une attaque attribuée au JNIM dans le centre du Mali.";
    let found = one_event(text, Some("2024-08-17"));
    assert_eq!((actor(found[0].actor1), actor(found[0].actor2)), (Some("jnim"), Some("fama")), "{text}");
}

#[test]
fn a_place_alone_before_a_colon_opening_the_lede_is_its_dateline() {
    cov_mark::check!(a_place_alone_before_a_colon_is_a_dateline);
    let texts = [
        "Soldiers killed in Niger\nNiamey: Gunmen killed 12 soldiers in an ambush on Sunday, security sources said.",
        "Des soldats tués au Niger\nNiamey : Des hommes armés ont tué 12 soldats dimanche dans une embuscade, selon des sources sécuritaires.",
        "مقتل جنود في النيجر\nنيامي: قتل مسلحون 12 جنديا الأحد في كمين، بحسب مصادر أمنية.",
    ];
    for text in texts {
        let found = one_event(text, Some("2024-06-10"));
        assert_eq!((place(found[0].place), found[0].fatalities), (Some("ne"), Some(12)), "{text}");
    }
}

#[test]
fn the_day_locals_told_an_agency_is_the_report_s() {
    cov_mark::check!(a_date_after_the_agency_told_dates_the_report);
    let texts = [
        "At least 12 civilians died in an attack by suspected jihadists in northwestern Burkina Faso, locals told AFP on Sunday. Dozens of men on motorbikes attacked the village of Sanakadougou overnight Thursday, a resident said.",
        "At least 12 civilians died in an attack by suspected jihadists in northwestern Burkina Faso, a local official told Reuters on Sunday. Dozens of men on motorbikes attacked the village of Sanakadougou overnight Thursday, a resident said.",
    ];
    for text in texts {
        let found = one_event(text, Some("2023-02-12"));
        assert_eq!((date(&found[0]).as_deref(), found[0].fatalities), (Some("2023-02-09"), Some(12)), "{text}");
    }
}

#[test]
fn the_town_a_bearing_measures_from_is_a_landmark() {
    cov_mark::check!(a_town_a_bearing_measures_from_is_a_landmark);
    let texts = [
        "The army camp in Dioura, east of the regional capital Mopti, was attacked on Sunday by jihadists.",
        "Le camp de l'armée de Dioura, à l'est de la capitale régionale Mopti, a été attaqué dimanche par des jihadistes.",
        "تعرض معسكر الجيش في ديورا، شرق مدينة موبتي، لهجوم الأحد.",
    ];
    for text in texts {
        let found = one_event(text, Some("2019-03-18"));
        assert_eq!(place(found[0].place), Some("ml.dioura"), "{text}");
    }
    // A bearing of the country before a list of towns measures from none of them.
    let text = "شن مسلحون الثلاثاء هجمات منسقة على مواقع للجيش في مدن غرب البلاد، بينها كايس، نيونو وديبولي.";
    let places: Vec<_> = events(text, Some("2025-07-02")).iter().map(|e| place(e.place)).collect();
    assert!(places.contains(&Some("ml.niono")), "{places:?}");
}

#[test]
fn a_camp_transferred_to_an_army_is_a_handover() {
    let texts = [
        "Le camp de la ville d'Ouallam a été transféré le 22 octobre aux militaires nigériens, précise l'instance dans un communiqué.",
        "The camp in the town of Ouallam was transferred to the Nigerien army on 22 October, the junta said.",
        "تم تسليم معسكر مدينة والام في 22 أكتوبر للعسكريين النيجريين، بحسب بيان للمجلس العسكري.",
    ];
    for text in texts {
        let found = one_event(text, Some("2023-10-23"));
        let e = &found[0];
        let got = (e.sub_event, place(e.place), actor(e.actor1), date(e));
        assert_eq!(
            got,
            (SubEvent::NonViolentTransfer, Some("ne.ouallam"), Some("forces.ne"), Some("2023-10-22".to_string())),
            "{text}"
        );
    }
}

#[test]
fn two_others_wounded_in_an_ambush_are_not_dead() {
    cov_mark::check!(a_count_before_an_injury_word_counts_the_wounded);
    let text = "Au moins quatorze soldats nigériens ont été tués et deux autres blessés dans une embuscade tendue le 10 septembre dans la région de Tillabéri.";
    let found = one_event(text, Some("2025-09-14"));
    assert_eq!(found[0].fatalities, Some(14), "{text}");
}

#[test]
fn numerous_attacks_are_a_kind_of_incident_not_one() {
    cov_mark::check!(many_incidents_with_no_figure_are_a_kind);
    let texts = [
        ("Fourteen soldiers were killed in an ambush on 10 September near Tillabéri. The region is the epicentre of numerous attacks blamed on groups linked to the Islamic State.", None),
        ("Quatorze soldats ont été tués dans une embuscade le 10 septembre près de Tillabéri. La région est l'épicentre de nombreuses attaques attribuées aux groupes liés à l'État islamique.", None),
        ("قتل 14 جنديا في كمين في 10 سبتمبر قرب تيلابيري. وتشهد المنطقة العديد من الهجمات التي تنسب إلى جماعات مرتبطة بتنظيم الدولة الإسلامية.", None),
    ];
    for (text, doer) in texts {
        let found = one_event(text, Some("2025-09-14"));
        assert_eq!((actor(found[0].actor1), found[0].fatalities), (doer, Some(14)), "{text}");
    }
}

#[test]
fn the_seat_of_a_speaker_s_office_is_not_where_it_happened() {
    cov_mark::check!(the_seat_of_an_office_is_not_here);
    let texts = [
        "Sixteen soldiers were killed in an ambush on Saturday near Tillia. \"The toll of this attack is 16 dead,\" said the governor of Tahoua.",
        "Seize soldats ont été tués samedi dans une embuscade près de Tillia. « Le bilan de cette attaque est de 16 morts », a annoncé le secrétaire général du gouvernorat de Tahoua.",
        "قتل 16 جنديا السبت في كمين قرب تيليا. وقال محافظ ولاية تاهوا إن حصيلة هذا الهجوم بلغت 16 قتيلا.",
    ];
    for text in texts {
        let found = one_event(text, Some("2021-05-03"));
        assert_eq!((place(found[0].place), found[0].fatalities), (Some("ne.tillia"), Some(16)), "{text}");
    }
}

#[test]
fn a_town_lies_inside_its_department() {
    cov_mark::check!(a_town_lies_inside_its_cercle);
    let texts = [
        "Gunmen attacked a National Guard patrol near Tillia on Saturday, killing 16 soldiers. \"Our men fell into an ambush laid by armed bandits in the Tillia department on Saturday,\" an official said.",
        "Des hommes armés ont attaqué samedi une patrouille de la Garde nationale près de Tillia, tuant 16 soldats. « Nos hommes sont tombés samedi dans une embuscade tendue par des bandits armés dans le département de Tillia », a déclaré un responsable.",
    ];
    for text in texts {
        let found = one_event(text, Some("2021-05-03"));
        assert_eq!(place(found[0].place), Some("ne.tillia"), "{text}");
    }
}

#[test]
fn where_a_speaker_is_from_is_not_where_it_happened() {
    cov_mark::check!(a_place_in_a_speaker_s_phrase_is_not_here);
    let texts = [
        "Jihadists attacked a fuel convoy near Bougouni on Saturday. A security source in Sikasso reported that more than 20 tankers were destroyed in the attack.",
        "Des jihadistes ont attaqué samedi un convoi de carburant près de Bougouni. Plus de 20 citernes ont été détruites dans l'attaque, a déclaré un responsable de l'armée à Sikasso.",
        "هاجم جهاديون السبت قافلة وقود قرب بوغوني. وقال مسؤول أمني في سيكاسو إن أكثر من 20 صهريجا دمرت في الهجوم.",
    ];
    for text in texts {
        let found = one_event(text, Some("2025-11-09"));
        assert_eq!(place(found[0].place), Some("ml.bougouni"), "{text}");
    }
    // The places a speaker reports, after what opens the report, are the incident's; so is a
    // place a comma parts from the speakers after it.
    let text = "وصرح مصدر محلي بأن الهجوم على كايس وقع صباح السبت.";
    assert_eq!(place(one_event(text, Some("2025-11-09"))[0].place), Some("ml.kayes"), "{text}");
    let text = "Gunmen killed four villagers near Kidal, officials said.";
    assert_eq!(place(one_event(text, Some("2025-11-09"))[0].place), Some("ml.kidal"), "{text}");
}

#[test]
fn a_group_that_is_targeting_convoys_wages_a_campaign() {
    cov_mark::check!(a_present_progressive_tells_a_campaign);
    let text = "JNIM fighters killed two drivers near Kadiolo on 21 September. The group is targeting fuel tankers and burning trucks across the south.";
    let found = one_event(text, Some("2025-10-26"));
    assert_eq!((found[0].sub_event, found[0].fatalities), (SubEvent::Attack, Some(2)), "{found:?}");
}

#[test]
fn an_army_escort_protecting_trucks_is_the_target() {
    cov_mark::check!(escort_is_no_doer);
    let texts = [
        "The attack, claimed by JNIM, struck a Malian army escort protecting tanker trucks near Bougouni on Saturday.",
        "L'attaque, revendiquée par le JNIM, a visé samedi une escorte de l'armée malienne protégeant des camions-citernes près de Bougouni.",
    ];
    each_one(
        &texts,
        "2025-11-09",
        |e| (e.sub_event, actor(e.actor1), actor(e.actor2)),
        (SubEvent::ArmedClash, Some("jnim"), Some("fama")),
    );
}

#[test]
fn a_group_announcing_a_blockade_imposes_it_and_bordering_countries_take_no_part() {
    // (The extractor does not read a country named as a border or an origin as acting.)
    let texts = [
        "On 3 September, JNIM announced a blockade in the Malian regions of Kayes and Nioro, near the borders of Senegal and Mauritania, to prevent the import of fuel from Senegal.",
        "Le 3 septembre, le JNIM a annoncé un blocus dans les régions de Kayes et de Nioro, près des frontières du Sénégal et de la Mauritanie, pour empêcher l'importation de carburant depuis le Sénégal.",
        "أعلنت جماعة نصرة الإسلام والمسلمين في 3 سبتمبر فرض حصار على منطقتي كايس ونيورو قرب حدود السنغال وموريتانيا.",
        "On 3 September, JNIM announced a blockade in the Malian regions of Kayes and Nioro, bordering Senegal and Mauritania.",
        "Le 3 septembre, le JNIM a annoncé un blocus dans les régions de Kayes et de Nioro, frontalières du Sénégal et de la Mauritanie.",
    ];
    for text in texts {
        let found = events(text, Some("2025-09-16"));
        assert!(!found.is_empty(), "{text}");
        for e in &found {
            assert_eq!((actor(e.actor1), actor(e.actor2)), (Some("jnim"), None), "{text}");
        }
    }
}

#[test]
fn who_comes_after_a_later_step_or_a_recalled_operation_is_not_a_party() {
    cov_mark::check!(who_comes_after_a_later_step_is_that_step_s);
    // The army found the women later; it did not abduct them.
    let texts = [
        "Mid-January, 66 women were abducted near Arbinda and then found by the army.",
        "Mi-janvier, 66 femmes avaient été enlevées à Arbinda puis retrouvées par l'armée.",
        "في منتصف يناير، اختطفت 66 امرأة قرب أربيندا ثم عثر عليهن الجيش.",
    ];
    for text in texts {
        let found = one_event(text, Some("2023-02-24"));
        assert_eq!((found[0].sub_event, actor(found[0].actor1)), (SubEvent::Abduction, None), "{text}");
    }
    // The army led the operation the attacks followed; it is not their target.
    let text = "Des hommes armés ont tué jeudi des dizaines de villageois près de Di. Ces attaques ont eu lieu quelques jours après une vaste opération menée par les forces armées burkinabè.";
    let found = one_event(text, Some("2025-04-05"));
    assert_eq!((found[0].sub_event, actor(found[0].actor2)), (SubEvent::Attack, Some("civilians")), "{text}");
}

#[test]
fn the_name_before_an_inverted_report_verb_is_not_its_speaker() {
    cov_mark::check!(a_report_verb_after_a_comma_has_its_speaker_after_it);
    let texts = [
        "The base in Ouallam was handed over to the Nigerien army on 22 October, said the junta.",
        "La base de Ouallam a été rétrocédée le 22 octobre aux militaires nigériens, a indiqué la junte.",
    ];
    for text in texts {
        let found = one_event(text, Some("2023-10-23"));
        assert_eq!(actor(found[0].actor1), Some("forces.ne"), "{text}");
    }
}

#[test]
fn villages_the_base_lacks_listed_together_are_one_incident_each() {
    cov_mark::check!(villages_the_base_lacks_listed_are_one_incident_each);
    let texts = [
        "On Thursday, gunmen stormed the villages of Di, Guiedougou and Lanfiera in Sourou province, killing dozens of civilians.",
        "Jeudi, des hommes armés ont pris d'assaut les villages de Di, Guiedougou et Lanfiera dans la province du Sourou, tuant des dizaines de civils.",
    ];
    for text in texts {
        // Lanfièra is a village the base knows (Sourou province): one incident at its own place.
        cov_mark::check!(a_known_town_listed_with_villages_the_base_lacks_is_one_incident_more);
        let found = events(text, Some("2025-04-05"));
        let got: Vec<_> = found.iter().map(|e| (place(e.place), e.fatalities)).collect();
        let sourou = (Some("bf.sourou-province"), None);
        assert_eq!(got, [sourou, sourou, (Some("bf.lanfiera"), None)], "{text}");
    }
}

#[test]
fn an_injury_verb_with_its_own_count_does_not_make_the_dead_casualties() {
    cov_mark::check!(killed_and_wounded_together_count_no_deaths);
    let texts = [
        "لقي 11 شخصا حتفهم وأصيب أكثر من 20 آخرين في هجوم جوي استهدف سوقا في مالي.",
        "Onze personnes sont mortes dans une frappe aérienne sur un marché au Mali.",
        "Eleven people were killed and more than 20 wounded in an air strike on a market in Mali.",
    ];
    for text in texts {
        let found = one_event(text, Some("2025-03-17"));
        assert_eq!((found[0].sub_event, found[0].fatalities), (SubEvent::AirDroneStrike, Some(11)), "{text}");
    }
    // Killed and wounded counted together are casualties, not deaths.
    let found = one_event("قتل 30 قتيلا وجريحا في هجوم على قرية في مالي.", Some("2025-03-17"));
    assert_eq!(found[0].fatalities, None);
}

#[test]
fn an_attack_of_the_army_on_a_target_is_the_army_s() {
    cov_mark::check!(an_attack_of_the_army_on_a_target_is_the_army_s);
    let text = "قتل 11 مدنيا أغلبهم من الأطفال في هجوم للجيش المالي على مجمع تجاري قرب كيدال.";
    let found = one_event(text, Some("2024-09-03"));
    let e = &found[0];
    assert_eq!((actor(e.actor1), actor(e.actor2), e.fatalities), (Some("fama"), Some("civilians"), Some(11)), "{text}");
    // "An ambush for the army" with no target after it still targets the army.
    let text = "نصبت جماعة نصرة الإسلام والمسلمين كمينا للجيش المالي قرب غاو.";
    let found = one_event(text, Some("2024-09-03"));
    assert_eq!((actor(found[0].actor1), actor(found[0].actor2)), (Some("jnim"), Some("fama")), "{text}");
}

#[test]
fn a_side_backing_the_doer_is_neither_doer_nor_target() {
    cov_mark::check!(a_side_backing_the_doer_is_not_the_doer);
    let texts = [
        "Malian troops backed by Africa Corps retook the town of Ber on Tuesday.",
        "L'armée malienne, appuyée par Africa Corps, a attaqué mardi des positions du JNIM près de Ber.",
        "استعاد الجيش المالي، بدعم من الفيلق الإفريقي، السيطرة على بلدة بير يوم الثلاثاء.",
        "أطلقت طائرات مسيرة تابعة للجيش المالي، بمساندة عناصر أجنبية من الفيلق الإفريقي، الاثنين هجوما جويا استهدف سوقا في قرية قرب تمبكتو.",
    ];
    for text in texts {
        let found = one_event(text, Some("2025-10-13"));
        assert_eq!(actor(found[0].actor1), Some("fama"), "{text}");
        assert_ne!(actor(found[0].actor2), Some("africa-corps"), "{text}");
    }
}

#[test]
fn the_latest_attack_in_azawad_retells_the_strike_near_timbuktu() {
    cov_mark::check!(a_place_lies_inside_the_area_that_covers_its_region);
    cov_mark::check!(the_latest_attack_points_back);
    let texts = [
        "أطلقت طائرات مسيرة تابعة للجيش المالي الاثنين هجوما جويا استهدف سوقا في منطقة تمبكتو، ما أسفر عن مقتل ثلاثة مدنيين. الهجوم الأخير يأتي في ظل تصاعد العمليات الجوية في أزواد، حيث نفذت القوات المالية مئات الغارات.",
        "A Malian army drone struck a market in the Timbuktu region on Monday, killing three civilians. The latest attack in Azawad comes as the Malian forces step up their air campaign.",
        "Une frappe de drone de l'armée malienne a touché lundi un marché dans la région de Tombouctou, tuant trois civils. La dernière attaque en Azawad survient alors que les forces maliennes intensifient leur campagne aérienne.",
    ];
    each_one(
        &texts,
        "2025-10-14",
        |e| (place(e.place), actor(e.actor1), e.fatalities),
        (Some("ml.tombouctou-region"), Some("fama"), Some(3)),
    );
}

#[test]
fn two_tolls_of_different_victims_each_with_its_place_are_two_incidents() {
    cov_mark::check!(two_tolls_of_different_victims_are_two_incidents);
    let texts = [
        "Eleven soldiers have been killed in a jihadist attack on an army post in western Niger, the government said. In the Tahoua area near Tillabéri, 141 civilians were slaughtered in March by suspected jihadists.",
        "Onze soldats ont été tués dans une attaque jihadiste contre un poste de l'armée dans l'ouest du Niger, a indiqué le gouvernement. Dans la zone de Tahoua, près de Tillabéri, 141 civils avaient été massacrés en mars par des jihadistes présumés.",
    ];
    for text in texts {
        let found = events(text, Some("2021-03-23"));
        let tolls: Vec<_> = found.iter().map(|e| e.fatalities).collect();
        assert_eq!(tolls, [Some(11), Some(141)], "{text}");
    }
}

#[test]
fn a_coup_recalled_as_a_cause_is_not_dated_by_the_news_around_it() {
    cov_mark::check!(a_recalled_incident_is_dated_after_its_cue);
    let texts = [
        "قتل سبعة جنود الخميس غرب النيجر خلال هجوم إرهابي. وكتب الوزير، الذي عينه الجيش نتيجة انقلاب، الخميس، أن وحدة عسكرية تعرضت لهجوم عنيف.",
        "Seven soldiers were killed on Thursday in western Niger in a terrorist attack. The minister, appointed by the army as a result of a coup, wrote on Thursday that a unit was violently attacked.",
        "Sept soldats ont été tués jeudi dans l'ouest du Niger lors d'une attaque terroriste. Le ministre, nommé par l'armée à la suite d'un coup d'État, a écrit jeudi qu'une unité a été violemment attaquée.",
    ];
    for text in texts {
        let found = one_event(text, Some("2023-09-29"));
        assert_eq!((found[0].sub_event, found[0].fatalities), (SubEvent::ArmedClash, Some(7)), "{text}");
    }
}

#[test]
fn a_village_the_base_lacks_and_a_town_told_later_are_two_abductions() {
    cov_mark::check!(nobody_claimed_lends_no_doer);
    let texts = [
        "Cinq ouvriers indiens ont été enlevés jeudi près du village de Kobri, dans l'ouest du Mali, selon l'AFP. L'enlèvement n'a pas été revendiqué. En septembre, des jihadistes du JNIM avaient enlevé deux Émiratis près de Bamako.",
        "اختطف خمسة عمال هنود الخميس قرب بلدة كوبري غرب مالي، بحسب وكالة فرانس برس. ولم تتبن أي جهة عملية الخطف. وفي سبتمبر، خطف جهاديون من جماعة نصرة الإسلام والمسلمين مواطنين إماراتيين قرب باماكو.",
    ];
    for text in texts {
        let found = events(text, Some("2025-11-08"));
        let got: Vec<_> = found.iter().map(|e| (date(e), actor(e.actor1))).collect();
        assert_eq!(
            got,
            [(Some("2025-11-06".to_string()), None), (Some("2025-09".to_string()), Some("jnim"))],
            "{text}"
        );
    }
}

#[test]
fn a_village_the_base_lacks_and_another_town_are_two_places() {
    cov_mark::check!(a_village_the_base_lacks_and_another_town_are_two_places);
    let texts = [
        "Five Indian workers were kidnapped on Thursday near the village of Kobri in western Mali. That Thursday, gunmen also abducted two traders near Bamako.",
        "Cinq ouvriers indiens ont été enlevés jeudi près du village de Kobri, dans l'ouest du Mali. Jeudi, des hommes armés ont enlevé deux commerçants près de Bamako.",
    ];
    for text in texts {
        assert_eq!(events(text, Some("2025-11-08")).len(), 2, "{text}");
    }
}

#[test]
fn an_attack_on_a_site_that_took_hostages_is_their_abduction() {
    cov_mark::check!(an_attack_on_civilians_that_took_people_is_their_abduction);
    cov_mark::check!(a_wide_area_in_an_epithet_of_the_country_is_no_place);
    let texts = [
        "Three Chinese nationals were kidnapped in southwest Mali on Saturday, the army said, in the latest attack in the war-torn Sahel state. Armed men attacked a construction site near Kayes, making off with five pick-up trucks and the hostages.",
        "Trois ressortissants chinois ont été enlevés samedi dans le sud-ouest du Mali, a indiqué l'armée. Des hommes armés ont attaqué un chantier près de Kayes, emportant cinq pick-up et les otages.",
        "اختطف ثلاثة مواطنين صينيين السبت في جنوب غرب مالي، بحسب الجيش. وهاجم مسلحون موقع بناء قرب كايس واستولوا على خمس سيارات رباعية الدفع والرهائن.",
    ];
    for text in texts {
        let found = one_event(text, Some("2021-07-18"));
        assert_eq!((found[0].sub_event, place(found[0].place)), (SubEvent::Abduction, Some("ml.kayes")), "{text}");
    }
}

#[test]
fn a_local_official_speaks_of_his_own_town() {
    cov_mark::check!(a_local_speaker_speaks_of_his_own_town);
    let texts = [
        "Gunmen attacked the town overnight. A local official in Boni said the attackers killed four people.",
        "Des hommes armés ont attaqué la localité dans la nuit. Quatre personnes ont été tuées, a déclaré un responsable local à Boni.",
    ];
    each_one(&texts, "2025-11-09", |e| place(e.place), Some("ml.boni"));
}

#[test]
fn a_negation_word_inside_a_name_negates_nothing() {
    cov_mark::check!(a_negation_inside_a_name_negates_nothing);
    let texts = [
        "Deux employés de Médecins sans frontières ont été tués mercredi dans une attaque près de Dori.",
        "Two Doctors Without Borders staff were killed on Wednesday in an attack near Dori.",
        "قُتل الأربعاء موظفان في منظمة أطباء بلا حدود في هجوم قرب دوري.",
    ];
    each_one(&texts, "2023-02-12", date, Some("2023-02-08".to_string()));
}

#[test]
fn a_description_of_the_dead_without_a_comma_runs_to_the_death_word() {
    cov_mark::check!(a_description_runs_to_the_death_word);
    let texts = [
        "Huit personnes dont deux employés d'une ONG ont été tuées mercredi dans une attaque près de Dori.",
        "Eight people including two aid workers were killed on Wednesday in an attack near Dori.",
    ];
    each_one(&texts, "2023-02-12", |e| e.fatalities, Some(8));
}

#[test]
fn a_period_since_last_year_is_no_date_of_the_incident() {
    cov_mark::check!(a_period_since_last_year_dates_nothing);
    let texts = [
        "Des hommes armés ont tué 43 personnes dans le nord du Burkina Faso, l'une des attaques les plus meurtrières depuis l'an dernier.",
        "Gunmen killed 43 people in northern Burkina Faso, one of the deadliest attacks since last year.",
        "قتل مسلحون 43 شخصا في شمال بوركينا فاسو، في واحدة من أكثر الهجمات دموية منذ العام الماضي.",
    ];
    each_one(&texts, "2023-05-21", date, None);
}

#[test]
fn a_day_told_before_the_statement_opens_dates_the_statement() {
    let texts = [
        "وقالت الحكومة في بيان اليوم إن الهجوم الذي وقع أمس استهدف مركزا للجيش قرب دوري.",
        "Le gouvernement a indiqué aujourd'hui dans un communiqué que l'attaque survenue hier visait un poste de l'armée près de Dori.",
        "The government said in a statement today that the attack which took place yesterday targeted an army post near Dori.",
    ];
    each_one(&texts, "2023-05-21", date, Some("2023-05-20".to_string()));
    // With no day of its own, the statement's day is still the one the text gives.
    each_one(
        &["قال الجيش اليوم الأحد إن مسلحين هاجموا مركزا للجيش قرب دوري."],
        "2023-05-21",
        date,
        Some("2023-05-21".to_string()),
    );
}

#[test]
fn tolls_told_as_lives_claimed() {
    let texts = [
        ("شهدت قرية قرب دوري مجزرة ارتكبها مسلحون يوم 9 مايو، وراح ضحيتها 86 مدنيا.", 86),
        ("والإثنين قضى ستة مدنيين في هجوم وقع قرب دوري.", 6),
        ("L'attaque de lundi près de Dori a coûté la vie à six civils.", 6),
        ("Monday's attack near Dori claimed the lives of six civilians.", 6),
    ];
    for (text, want) in texts {
        let found = one_event(text, Some("2023-05-21"));
        assert_eq!(found[0].fatalities, Some(want), "{text}: {found:?}");
    }
}

#[test]
fn a_wave_of_violence_that_killed_hundreds_is_a_trend() {
    let found = events(
        "قتل مسلحون عشرة مدنيين في هجوم على قرية قرب دوري أمس. وتشهد بوركينا فاسو موجة من العنف المتصاعد تسببت في مقتل المئات.",
        Some("2023-05-21"),
    );
    assert_eq!(found.iter().map(|e| e.fatalities).collect::<Vec<_>>(), [Some(10)], "{found:?}");
}

#[test]
fn the_soldiers_another_mention_tells_attacked_are_not_the_doer() {
    cov_mark::check!(the_soldiers_attacked_are_not_the_doer);
    let found = one_event(
        "Dix civils ont été tués samedi dans une attaque à Niono. Les assaillants ont aussi attaqué un poste de l'armée malienne à Niono. L'armée malienne a affronté les assaillants.",
        Some("2023-04-24"),
    );
    assert_eq!((found[0].actor1, found[0].fatalities), (None, Some(10)), "{found:?}");
}

#[test]
fn who_killed_the_attackers_answered_the_attack() {
    cov_mark::check!(who_killed_the_attackers_answered_the_attack);
    let texts = [
        "Dix civils ont été tués samedi par l'explosion de voitures piégées à Sévaré. L'armée a ensuite neutralisé 28 terroristes à Sévaré.",
        "Car bombs killed ten civilians in Sévaré on Saturday. The army then neutralised 28 terrorists in Sévaré.",
        "قتل عشرة مدنيين السبت في انفجار سيارات مفخخة في سيفاري. وقال الجيش إنه قتل 28 إرهابيا في سيفاري.",
    ];
    each_one(&texts, "2023-04-24", |e| (e.actor1, e.fatalities), (None, Some(38)));
}

#[test]
fn a_toll_of_everyone_takes_no_more_attackers() {
    cov_mark::check!(a_toll_of_everyone_takes_no_more_attackers);
    let texts = [
        "Dix civils, trois soldats et 88 assaillants ont été tués samedi dans une attaque contre le camp de Sévaré. L'armée a indiqué avoir neutralisé 28 terroristes lors de l'attaque.",
        "Ten civilians, three soldiers and 88 attackers were killed on Saturday in an attack on the Sévaré camp. The army said it neutralised 28 terrorists in the attack.",
        "قتل عشرة مدنيين وثلاثة جنود و88 مهاجما السبت في هجوم على معسكر سيفاري. وقال الجيش إنه قتل 28 إرهابيا خلال الهجوم.",
    ];
    each_one(&texts, "2023-04-24", |e| e.fatalities, Some(101));
}

#[test]
fn a_list_of_the_dead_may_open_with_commas() {
    cov_mark::check!(a_list_of_the_dead_opens_with_commas);
    let texts = [
        "Dix civils, trois soldats et 88 assaillants ont été tués samedi dans une attaque contre le camp de Sévaré.",
        "Ten civilians, three soldiers and 88 attackers were killed on Saturday in an attack on the Sévaré camp.",
    ];
    each_one(&texts, "2023-04-24", |e| e.fatalities, Some(101));
    let longer = [
        "Dix civils, trois soldats, quatre gendarmes et 88 assaillants ont été tués samedi dans une attaque contre le camp de Sévaré.",
        "Ten civilians, three soldiers, four gendarmes and 88 attackers were killed on Saturday in an attack on the Sévaré camp.",
    ];
    each_one(&longer, "2023-04-24", |e| e.fatalities, Some(105));
    // A distance before the comma opens no list.
    each_one(
        &["À 40 km de Gao, cinq soldats ont été tués samedi dans une embuscade."],
        "2023-04-24",
        |e| e.fatalities,
        Some(5),
    );
}

#[test]
fn a_count_before_a_trigger_that_carries_its_preposition_counts_people() {
    cov_mark::check!(a_trigger_after_its_preposition_is_not_counted);
    // "six others" were wounded in one ambush, not six ambushes.
    let found = one_event(
        "قال الجيش إن مسلحين قتلوا تسعة جنود وأصابوا ستة آخرين بكمين قرب بوني يوم الأربعاء.",
        Some("2021-02-04"),
    );
    assert_eq!((found[0].fatalities, date(&found[0])), (Some(9), Some("2021-02-03".to_string())), "{found:?}");
}

#[test]
fn attacks_in_an_area_wider_than_a_country_are_no_incident_of_their_own() {
    cov_mark::check!(an_area_wider_than_the_story_s_country_places_it_in_that_country);
    let texts = [
        "Des hommes armés ont tué neuf soldats mercredi près de Douentza, dans le centre du Mali.\n\nD'autres attaques ont frappé le Sahel.",
        "Gunmen killed nine soldiers near Douentza in central Mali on Wednesday.\n\nOther attacks struck the Sahel.",
        "قتل مسلحون تسعة جنود قرب دوينتزا وسط مالي يوم الأربعاء.\n\nوضربت هجمات أخرى منطقة الساحل.",
    ];
    each_one(&texts, "2021-02-04", |e| e.fatalities, Some(9));
}

#[test]
fn attacks_a_base_serves_to_launch_are_no_incident() {
    let texts = [
        "Des hommes armés ont tué neuf soldats mercredi près de Douentza, dans le centre du Mali. Ces groupes utilisent la région comme base pour lancer des attaques contre Mopti.",
        "Gunmen killed nine soldiers near Douentza in central Mali on Wednesday. These groups use the area as a base to launch attacks on Mopti.",
        "قتل مسلحون تسعة جنود قرب دوينتزا وسط مالي يوم الأربعاء. وتتخذ هذه الجماعات المنطقة قاعدة لشن الهجمات على موبتي.",
    ];
    each_one(&texts, "2021-02-04", |e| e.fatalities, Some(9));
}

#[test]
fn a_vehicle_that_ran_over_a_mine_is_its_target() {
    let texts = [
        "Mercredi matin, un véhicule du détachement militaire de Djibo a sauté sur un engin explosif, faisant un mort.",
        "On Wednesday morning, a vehicle of the Djibo army detachment ran over an explosive device, killing one soldier.",
        "صباح الأربعاء، داست مركبة عسكرية على عبوة ناسفة قرب جيبو، ما أسفر عن مقتل جندي.",
    ];
    each_one(
        &texts,
        "2021-05-19",
        |e| (actor(e.actor1), actor(e.actor2), e.fatalities),
        (None, Some("forces.bf"), Some(1)),
    );
}

#[test]
fn an_article_before_a_death_noun_counts_one() {
    cov_mark::check!(an_article_before_a_death_noun_counts_one);
    let found =
        one_event("Une embuscade a visé mercredi une patrouille près de Djibo, faisant un mort.", Some("2021-05-19"));
    assert_eq!(found[0].fatalities, Some(1), "{found:?}");
}

#[test]
fn the_wounded_counted_after_the_dead_and_a_conjunction_are_not_dead() {
    cov_mark::check!(the_wounded_counted_after_the_dead_and_a_conjunction);
    let texts = [
        "Jeudi, des individus armés ont attaqué un autocar à Seytenga, selon des habitants qui ont précisé qu'un civil avait été tué et une dizaine de passagers blessés.",
        "On Thursday gunmen attacked a bus in Seytenga, residents said, adding that one civilian was killed and a dozen passengers wounded.",
    ];
    each_one(&texts, "2022-05-27", |e| e.fatalities, Some(1));
}

#[test]
fn by_before_a_comma_does_not_mark_attackers() {
    let texts = ["Par ailleurs, 9 personnes ont été tuées dimanche lors d'une attaque dans la commune de Pissila."];
    each_one(&texts, "2021-05-19", |e| e.fatalities, Some(9));
}

#[test]
fn a_report_verb_parts_a_subject_from_a_later_trigger() {
    cov_mark::check!(a_report_verb_parts_the_subject_from_the_trigger);
    let found = events(
        "Le poste militaire de Dori a été la cible d'une attaque lundi soir. Le poste de Kaya a subi aussi une attaque lundi.\n\nLa riposte des forces de défense et de sécurité a permis de neutraliser une vingtaine d'assaillants, a indiqué une autre source, confirmant les deux attaques.",
        Some("2019-11-05"),
    );
    assert!(found.iter().all(|e| actor(e.actor1).is_none_or(|a| a != "forces.bf")), "{found:?}");
}

#[test]
fn an_idiom_built_on_a_trigger_word_tells_no_incident() {
    cov_mark::check!(an_idiom_tells_no_incident);
    let texts = [
        "The junta has burnt bridges with its Western allies since the coup.",
        "Le ministre est mort d'une attaque cardiaque mardi à Bamako.",
        "قررت الحكومة حرق المراحل في تنفيذ الإصلاحات.",
    ];
    for text in texts {
        let found = events(text, Some("2023-02-24"));
        assert!(found.iter().all(|e| e.sub_event != SubEvent::Looting), "{text}: {found:?}");
        assert!(found.iter().all(|e| e.frame != Frame::Attack), "{text}: {found:?}");
    }
}

#[test]
fn thousands_killed_over_years_are_no_incident_s_toll() {
    cov_mark::check!(thousands_are_no_incident_s_toll);
    let texts = [
        "Gunmen killed 12 civilians near Bankass on Thursday.\n\nThe militants have spread across the region, killing thousands of people.",
        "Des hommes armés ont tué 12 civils jeudi près de Bankass.\n\nLes jihadistes se sont étendus à la région, tuant des milliers de personnes.",
        // A count that large, even exact, is the conflict's: "deux millions de déplacés" is none of the dead.
        "Des hommes armés ont tué 12 civils jeudi près de Bankass.\n\nLe bilan du conflit: quelques milliers de morts et environ deux millions de déplacés.",
        "قتل مسلحون 12 مدنيا قرب بانكاس الخميس.\n\nوخلف النزاع آلاف القتلى ونحو مليوني نازح.",
    ];
    for text in texts {
        let found = events(text, Some("2023-02-24"));
        assert!(found.iter().all(|e| e.fatalities.is_none_or(|f| f < 1000)), "{text}: {found:?}");
    }
}

#[test]
fn what_has_since_happened_is_a_trend() {
    let texts = [
        "Gunmen killed 12 civilians in a village near Bankass on Thursday. Militants have since attacked villages around Djibo.",
        "Des hommes armés ont tué 12 civils jeudi dans un village près de Bankass. Les jihadistes ont depuis attaqué des villages autour de Djibo.",
    ];
    each_one(&texts, "2023-02-24", |e| e.fatalities, Some(12));
}

#[test]
fn a_place_before_an_agency_in_parentheses_is_a_dateline() {
    cov_mark::check!(a_place_alone_before_an_agency_in_parentheses_is_a_dateline);
    let texts = [
        "BAMAKO (Reuters) Gunmen killed 12 soldiers near Ouallam on Thursday.",
        "Niamey (AFP) Des hommes armés ont tué 12 soldats jeudi près de Ouallam.",
        "نيامي (أ ف ب) قتل مسلحون 12 جنديا في هجوم قرب والام يوم الخميس.",
    ];
    each_one(&texts, "2023-01-10", |e| place(e.place), Some("ne.ouallam"));
}

#[test]
fn where_a_statement_was_issued_is_not_the_incident_s_place() {
    cov_mark::check!(where_a_statement_was_issued_is_not_here);
    cov_mark::check!(a_name_carrying_for_is_no_verb_first_subject);
    let texts = [
        "Les ministères ont indiqué dans un communiqué publié à Niamey que des terroristes avaient attaqué jeudi un poste de l'armée nigérienne.",
        "The ministries said in a statement released in Niamey that gunmen attacked a Nigerien army post on Thursday.",
        "وقالت الوزارة في بيان صدر في نيامي إن مسلحين هاجموا الخميس موقعا للجيش النيجري.",
    ];
    each_one(&texts, "2023-01-10", |e| (place(e.place), actor(e.actor2)), (Some("ne"), Some("forces.ne")));
}

#[test]
fn a_state_announcing_a_deployment_makes_it() {
    let texts = [
        "أقرت بوركينا فاسو الخميس إرسال قوات دعما لسلطات نيامي.",
        "Le Burkina Faso a annoncé jeudi l'envoi de troupes en soutien aux autorités de Niamey.",
        "Burkina Faso announced on Thursday the deployment of troops to support the authorities in Niamey.",
    ];
    each_one(&texts, "2023-08-31", |e| actor(e.actor1), Some("gov.bf"));
}

#[test]
fn the_capital_alone_is_the_story_country_s_capital() {
    cov_mark::check!(the_capital_is_the_country_s_capital);
    let texts = [
        "أعلنت جماعة نصرة الإسلام والمسلمين في مالي الثلاثاء فرض حصار على العاصمة.",
        "Au Mali, le JNIM a annoncé mardi un blocus sur la capitale.",
        "In Mali, JNIM announced on Tuesday a blockade of the capital.",
    ];
    each_one(&texts, "2025-09-10", |e| place(e.place), Some("ml.bamako"));
    // A capital named after the word is its own place, or a landmark.
    let found =
        one_event("Des jihadistes ont attaqué mardi un poste à 100 km de la capitale, Bamako.", Some("2025-09-10"));
    assert_ne!(place(found[0].place), Some("ml.bamako"), "{found:?}");
}

#[test]
fn an_unconfirmed_withdrawal_is_no_incident() {
    let texts = [
        "لم ترد تأكيدات رسمية بشأن انسحاب الجيش من العاصمة باماكو.",
        "Il n'y a aucune confirmation d'un retrait de l'armée de Bamako.",
        "Without confirmation from officials, reports spoke of a withdrawal of the army from Bamako.",
    ];
    for text in texts {
        assert!(events(text, Some("2025-09-10")).is_empty(), "{text}");
    }
}

#[test]
fn a_side_named_in_the_setting_is_no_target() {
    cov_mark::check!(a_name_in_the_setting_is_no_object);
    let texts = [
        "هاجم مسلحون الاثنين قرية قرب سيكاسو، في ظل مواجهات مع الجيش المالي.",
        "Des hommes armés ont ouvert le feu lundi près de Sikasso, sur fond d'affrontements avec l'armée malienne.",
        "Gunmen opened fire near Sikasso on Monday amid clashes with the Malian army.",
    ];
    for text in texts {
        let found = one_event(text, Some("2025-10-18"));
        assert_ne!(actor(found[0].actor2), Some("fama"), "{text}: {found:?}");
    }
}

#[test]
fn a_mention_placed_by_the_paragraph_s_incident_goes_on_telling_it() {
    cov_mark::check!(a_mention_placed_by_the_paragraph_s_incident_goes_on_telling_it);
    cov_mark::check!(a_count_of_things_counts_no_incidents);
    let texts = [
        "Dimanche, une attaque a eu lieu près de Kayes. Plus de 80 camions-citernes ont été pris pour cible.",
        "Sunday's attack took place near Kayes. More than 80 tankers were targeted.",
        "وقع هجوم الأحد قرب كايس. واستهدف المهاجمون أكثر من 80 صهريجا.",
    ];
    each_one(&texts, "2025-09-15", |e| (place(e.place), actor(e.actor2)), (Some("ml.kayes"), Some("civilians")));
}

#[test]
fn another_side_that_did_the_same_is_another_incident() {
    cov_mark::check!(another_side_did_the_same);
    let texts = [
        "أوصت السفارة الأمريكية في مالي مواطنيها بمغادرة البلاد. وكذلك فعلت السفارة الفرنسية.",
        "L'armée malienne a déployé des renforts à Gao mardi. Le Niger a fait de même.",
        "The Malian army deployed reinforcements to Gao on Tuesday. Niger followed suit.",
    ];
    for text in texts {
        let found = events(text, Some("2025-10-30"));
        let doers: Vec<_> = found.iter().map(|e| actor(e.actor1)).collect();
        assert_eq!(found.len(), 2, "{text}: {found:?}");
        assert_ne!(doers[0], doers[1], "{text}: {found:?}");
        assert_eq!(found[0].sub_event, found[1].sub_event, "{text}: {found:?}");
    }
}

#[test]
fn a_country_after_a_stop_is_no_object_of_the_word_before() {
    // "…quitter le pays. La France a fait de même": "pays" ends a sentence; France acts.
    let found = events(
        "Au Mali, l'ambassade américaine a recommandé à ses ressortissants de quitter le pays. La France a fait de même.",
        Some("2025-10-30"),
    );
    assert!(found.iter().any(|e| actor(e.actor1) == Some("gov.fr")), "{found:?}");
}

#[test]
fn a_share_of_things_is_no_toll() {
    cov_mark::check!(a_share_of_things_is_no_toll);
    let texts = [
        "Vendredi, des hommes armés ont attaqué un convoi près de Kayes; une société de bitume a vu trois de ses camions incendiés.",
        "On Friday gunmen attacked a convoy near Kayes; a bitumen company saw three of its trucks burned.",
    ];
    for text in texts {
        let found = events(text, Some("2025-10-18"));
        assert!(found.iter().all(|e| e.fatalities.is_none()), "{text}: {found:?}");
    }
}

#[test]
fn a_city_alone_on_the_line_above_the_lede_is_a_dateline() {
    cov_mark::check!(a_city_alone_on_its_line_is_a_dateline);
    let texts = [
        "Abidjan\n– Huit soldats burkinabè ont été tués lundi dans une embuscade près de Djibo.",
        "Abidjan\n– Eight Burkinabe soldiers were killed on Monday in an ambush near Djibo.",
        "أبيدجان\n– قتل ثمانية جنود من بوركينا فاسو الاثنين في كمين قرب جيبو.",
    ];
    each_one(&texts, "2020-04-15", |e| place(e.place), Some("bf.djibo"));
    // Nor does it place an incident told without a town.
    let found = one_event(
        "Abidjan\n– Eight Burkinabe soldiers were killed on Monday in an ambush in the north.",
        Some("2020-04-15"),
    );
    assert_ne!(place(found[0].place), Some("ci.abidjan"), "{found:?}");
}

#[test]
fn two_victims_named_in_an_arabic_dual_are_two_dead() {
    cov_mark::check!(toll_of_two_victims_in_a_dual);
    let texts =
        ["قتل جنديان في هجوم على موقع للجيش قرب دوري الثلاثاء.", "وقتلت امرأتان في انفجار عبوة ناسفة قرب دوري الثلاثاء."];
    each_one(&texts, "2020-02-27", |e| e.fatalities, Some(2));
    // "عسكري واحد" is one soldier, its "one" no second victim joined by و.
    each_one(
        &["تعرضت دورية عسكرية لهجوم خلف مقتل عسكري واحد قرب دوري الثلاثاء."],
        "2020-02-27",
        |e| e.fatalities,
        Some(1),
    );
}

#[test]
fn a_force_announcing_the_killing_of_its_enemies_killed_them() {
    cov_mark::check!(a_force_announcing_the_killing_of_its_enemies_killed_them);
    let texts = [
        "أعلنت القوات المسلحة في بوركينا فاسو الخميس قتل 11 إرهابيا خلال عملية في إقليم أودالان.",
        "L'armée burkinabè a annoncé jeudi la mort de 11 terroristes lors d'une opération dans la province de l'Oudalan.",
        "Burkina Faso's army announced on Thursday the killing of 11 terrorists during an operation in Oudalan province.",
    ];
    each_one(&texts, "2020-02-27", |e| (actor(e.actor1), e.fatalities), (Some("forces.bf"), Some(11)));
}

#[test]
fn terrorists_eliminated_are_dead() {
    let found =
        one_event("اشتبك الجيش مع مسلحين قرب بورزانغا السبت، ما أسفر عن القضاء على 24 إرهابيا.", Some("2019-04-15"));
    assert_eq!(found[0].fatalities, Some(24), "{found:?}");
}

#[test]
fn an_article_before_no_victim_adds_none() {
    cov_mark::check!(an_article_before_no_victim_counts_none);
    let texts = [
        "Mardi, une patrouille près d'Ayorou a été attaquée par des centaines d'assaillants, selon un communiqué qui fait état de sept soldats morts au combat et un tragique accident survenu ensuite.",
        "On Tuesday a patrol near Ayorou was attacked by hundreds of gunmen, according to a statement that reported seven soldiers killed in combat and a tragic accident afterwards.",
    ];
    each_one(&texts, "2023-09-27", |e| e.fatalities, Some(7));
}

#[test]
fn the_country_and_a_place_in_it_told_in_one_sentence_are_one_incident() {
    cov_mark::check!(a_country_and_a_place_in_it_in_one_sentence_tell_one_incident);
    let texts = [
        "قُتل 37 مدنيا على الأقل الأحد غرب النيجر؛ في هجوم شنه مسلحون في منطقة تيلابيري.",
        "Au moins 37 civils ont été tués dimanche dans l'ouest du Niger; dans une attaque menée par des hommes armés dans la région de Tillabéri.",
    ];
    each_one(&texts, "2021-03-18", |e| (place(e.place), e.fatalities), (Some("ne.tillaberi-region"), Some(37)));
}

#[test]
fn a_target_marker_said_again_opens_a_second_placed_target() {
    cov_mark::check!(one_trigger_several_placed_targets);
    let texts = [
        "شن مسلحون الأحد هجوما على معسكر للجيش المالي في بولكيسي وعلى موقع للجيش المالي في موندورو.",
        "Two simultaneous suicide attacks on Sunday on the army camp in Boulkessi and on the army post in Mondoro.",
    ];
    for text in texts {
        let found = events(text, Some("2019-01-28"));
        let places: Vec<_> = found.iter().map(|e| place(e.place)).collect();
        assert_eq!(places, [Some("ml.boulkessi"), Some("ml.mondoro")], "{text}: {found:?}");
    }
}

#[test]
fn a_loose_spelling_of_a_town_abroad_needs_its_country_in_the_story() {
    cov_mark::check!(a_loose_spelling_of_a_town_abroad_needs_its_country);
    // "بندجاري" (the Pendjari park in Benin, named bare) shares its consonants with Bandiagara, in Mali.
    let found = one_event("سقط موكب للجيش البنيني في كمين الاثنين قرب بندجاري شمال بنين.", Some("2022-04-13"));
    assert_eq!(place(found[0].place), Some("bj"), "{found:?}");
    // Named as the park, it is the park.
    let found =
        one_event("سقط موكب للجيش البنيني في كمين الاثنين في متنزه بندجاري الوطني شمال بنين.", Some("2022-04-13"));
    assert_eq!(place(found[0].place), Some("bj.pendjari"), "{found:?}");
}

#[test]
fn soldiers_counted_at_least_after_a_kill_verb_are_its_victims() {
    cov_mark::check!(approximation_words_do_not_part_a_kill_from_its_object);
    // The accusative of the nationality (ماليا, نيجيريا) after a counted soldier names the force.
    let texts = [
        ("قُتل ما لا يقل عن 20 جنديا ماليا في هجوم الجمعة قرب سيغو.", "fama"),
        ("قُتل أكثر من 15 جنديًا نيجيريًا في هجوم لمسلحين الجمعة في شمال شرق نيجيريا.", "forces.ng"),
    ];
    for (text, force) in texts {
        let found = one_event(text, Some("2024-03-02"));
        assert_eq!((actor(found[0].actor1), actor(found[0].actor2)), (None, Some(force)), "{text}: {found:?}");
    }
}

#[test]
fn a_site_name_beside_a_title_bar_is_no_place() {
    cov_mark::check!(a_site_name_beside_a_bar_in_a_title_is_furniture);
    let texts = [
        "مسلحون يقتلون 12 جنديا في هجوم على معسكر في النيجر | أخبار أفريقيا\n\nقتل مسلحون 12 جنديا الجمعة في هجوم على معسكر للجيش.",
        "Sahel Actu | Des hommes armés tuent 12 soldats au Niger\n\nDes hommes armés ont tué 12 soldats vendredi dans l'attaque d'un camp militaire.",
    ];
    each_one(&texts, "2024-03-02", |e| place(e.place), Some("ne"));
}

#[test]
fn what_a_protest_denounces_neither_places_nor_leads_it() {
    cov_mark::check!(what_a_protest_denounces_stays_in_its_clause);
    cov_mark::check!(whom_a_protest_denounces_does_not_protest);
    // The relatives of people missing in Mali protest in Nouakchott, against the Malian army.
    let texts = [
        "احتج عشرات من أهالي المفقودين في مالي، الثلاثاء أمام القصر الرئاسي في نواكشوط، تنديدا باعتداءات الجيش المالي على المواطنين.",
        "Des dizaines de proches de disparus au Mali ont manifesté mardi, devant la présidence à Nouakchott, pour dénoncer les attaques de l'armée malienne contre des civils.",
        "Dozens of relatives of people missing in Mali protested on Tuesday, outside the presidential palace in Nouakchott, denouncing attacks by the Malian army on civilians.",
    ];
    each_one(&texts, "2024-03-05", |e| (place(e.place), actor(e.actor1)), (Some("mr.nouakchott"), None));
}

#[test]
fn a_known_town_inside_a_longer_unknown_name_is_no_place() {
    cov_mark::check!(a_known_name_goes_on_an_unlisted_one);
    // Tillia is a town of Niger; "Kouka Tillia" is an island the base lacks.
    let texts = [
        "قتل مسلحون سبعة صيادين الأحد في جزيرة كوكا تيليا في بحيرة تشاد، بحسب مسؤول محلي.",
        "Des hommes armés ont tué sept pêcheurs dimanche sur l'île de Kouka Tillia, dans le lac Tchad.",
        "Gunmen killed seven fishermen on Sunday on the island of Kouka Tillia in Lake Chad.",
    ];
    for text in texts {
        let found = one_event(text, Some("2024-03-05"));
        assert_ne!(place(found[0].place), Some("ne.tillia"), "{text}: {found:?}");
        assert!(found[0].unknown_place.is_some(), "{text}: {found:?}");
    }
}

#[test]
fn a_village_word_names_no_province_of_the_same_consonants() {
    // كورمي shares its consonants with Gourma, a province of Burkina Faso: after قرية it is a village.
    let found = one_event(
        "قتل مسلحون 21 مدنيا الاثنين في قرية كورمي الواقعة في دائرة تيرا غرب النيجر قرب الحدود مع بوركينا فاسو.",
        Some("2024-12-06"),
    );
    assert_eq!(place(found[0].place), Some("ne.tera-department"), "{found:?}");
}

#[test]
fn a_death_told_in_the_singular_counts_one() {
    cov_mark::check!(toll_of_one_death_told_in_the_singular);
    let texts = [
        "اندلعت اشتباكات عنيفة أمس بين المتمردين والجيش المالي قرب كيدال، ولقي نجل أحد قادة المتمردين مصرعه خلال المعارك.",
        "Des combats ont opposé dimanche les rebelles à l'armée près de Kidal; le fils d'un chef rebelle a été tué.",
        "Fighting broke out on Sunday between rebels and the army near Kidal; the son of a rebel leader was killed.",
    ];
    each_one(&texts, "2024-03-05", |e| e.fatalities, Some(1));
}

#[test]
fn a_village_of_the_open_map_layer_needs_a_place_word_or_its_unit() {
    cov_mark::check!(a_village_of_the_open_map_needs_a_place_word);
    // Kourakou (Séno, Burkina Faso) and Lerneb (Timbuktu, Mali) come from OpenStreetMap.
    let named = [
        "Des hommes armés ont attaqué dimanche le village de Kourakou, tuant six civils, au Burkina Faso.",
        "Gunmen attacked the village of Kourakou on Sunday, killing six civilians, in Burkina Faso.",
    ];
    each_one(&named, "2024-03-05", |e| place(e.place), Some("bf.kourakou"));
    // Found phonetically in Arabic, its region named near and its name long enough.
    let found =
        one_event("قتل 18 شخصا في غارة جوية على قرية لرنب في منطقة تمبكتو بشمال مالي الأحد.", Some("2024-03-05"));
    assert_eq!(place(found[0].place), Some("ml.lerneb"), "{found:?}");
    // Without the region, a phonetic match is too weak; so is a short name with it (Karma).
    let found = one_event("قتل 18 شخصا في غارة جوية على قرية لرنب في شمال مالي الأحد.", Some("2024-03-05"));
    assert_eq!(place(found[0].place), Some("ml"), "{found:?}");
    let found = one_event("قتل مسلحون 21 مدنيا في قرية كارما في منطقة تيلابيري غرب النيجر.", Some("2024-03-05"));
    assert_eq!(place(found[0].place), Some("ne.tillaberi-region"), "{found:?}");
    // Named bare after "à", spelled exactly, the only village of that name in the story's
    // country: that village (a name two villages of the country share stays none of these).
    let found =
        one_event("Des hommes armés ont tué dimanche six civils à Kourakou, au Burkina Faso.", Some("2024-03-05"));
    assert_eq!(place(found[0].place), Some("bf.kourakou"), "{found:?}");
    let found =
        one_event("Des hommes armés ont tué dimanche six civils à Torosso, au Burkina Faso.", Some("2024-03-05"));
    assert!(!place(found[0].place).is_some_and(|p| p.starts_with("bf.torosso")), "{found:?}");
}

#[test]
fn a_mention_naming_an_unlisted_village_places_the_incident_over_its_unit() {
    // The village the base lacks is told in one sentence, its commune in the next: the village.
    let text = "Des hommes armés ont ouvert le feu lundi sur des villageois dans la localité de Sammaguéré, près de Téra, tuant 15 personnes. Ils ont ensuite tué sept autres personnes à Téra.";
    let found = events(text, Some("2025-09-16"));
    assert!(found.iter().any(|e| e.unknown_place.is_some() && e.fatalities == Some(15)), "{found:?}");
}

#[test]
fn a_region_word_names_the_area_around_a_town() {
    cov_mark::check!(a_region_word_names_the_area_of_a_town);
    // منطقة is a region and the area around a town: the town's name after it, in brackets or
    // not, spelled with a final ه the entry lacks, is the town when no unit has the name.
    let texts = [
        "قصفت مسيرات الجيش المالي الأحد تجمعا لمسلحين في منطقة (موردياه) غرب البلاد، وفق بيان للجيش.",
        "قصفت مسيرات الجيش المالي الأحد تجمعا لمسلحين في منطقة موردياه غرب البلاد.",
    ];
    each_one(&texts, "2024-03-02", |e| place(e.place), Some("ml.mourdiah"));
}

#[test]
fn a_town_after_a_region_word_needs_the_story_country() {
    // Gaongo is in Burkina Faso, named here only beside the border; the story is on Benin.
    let found = one_event(
        "أعلن الجيش البنيني أن مسلحين هاجموا الخميس موقعا له في شمال بنين بين منطقتي غاونغو وباسيلا قرب الحدود مع بوركينا فاسو. وتشهد بنين هجمات متكررة.",
        Some("2024-03-02"),
    );
    assert_eq!(place(found[0].place), Some("bj"), "{found:?}");
    // A two-consonant word after منطقة is no town: "an area with great risks beneath it".
    let found = one_event("قتل ثلاثة جنود في مالي في هجوم على منطقة دونها مخاطر كبيرة.", Some("2024-03-02"));
    assert_eq!(place(found[0].place), Some("ml"), "{found:?}");
}

#[test]
fn an_attack_on_a_state_force_near_two_borders_is_in_its_country() {
    cov_mark::check!(a_country_listed_after_a_border_is_no_place);
    cov_mark::check!(an_attack_on_a_state_force_falls_back_to_its_country);
    let texts = [
        "هاجم مسلحون الأربعاء ثكنة للجيش البنيني شمالي البلاد قرب الحدود مع النيجر وبوركينا فاسو.",
        "Gunmen attacked a Beninese army barracks on Wednesday in the north near the border with Niger and Burkina Faso.",
        "Des hommes armés ont attaqué mercredi une caserne de l'armée béninoise près de la frontière avec le Niger et le Burkina Faso.",
    ];
    each_one(&texts, "2025-01-10", |e| place(e.place), Some("bj"));
}

#[test]
fn a_statement_made_before_an_incident_does_not_tell_it() {
    cov_mark::check!(a_statement_made_before_an_incident_does_not_tell_it);
    let found = events(
        "قتل 12 جنديا يوم الأحد في كمين في منطقة تيلابيري.\n\nوأعلنت وزارة الدفاع في النيجر الأسبوع الماضي عن مقتل 17 جنديا إثر هجوم نفذه مسلحون قرب الحدود مع مالي.",
        Some("2023-08-15"),
    );
    let tolls: Vec<_> = found.iter().map(|e| e.fatalities).collect();
    assert_eq!(tolls, [Some(12), Some(17)], "{found:?}");
}

#[test]
fn an_arabic_pluperfect_recalls_what_it_tells() {
    cov_mark::check!(a_pluperfect_recalls_what_it_tells);
    // The curfew "had been declared": background, undated, no event of its own.
    let found = events(
        "قتل مسلحون جنديين يوم الثلاثاء في هجوم على موقع للجيش قرب مدينة دوري في شمال البلاد.\n\nوكانت الحكومة قد أعلنت حظر التجول في منطقة دوري.",
        Some("2026-02-22"),
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn what_protesters_demand_has_not_happened() {
    let texts = [
        "Des milliers de personnes ont manifesté samedi à Niamey pour réclamer le départ des troupes françaises.",
        "خرج آلاف المتظاهرين السبت في نيامي للمطالبة برحيل القوات الفرنسية.",
        "Thousands protested in Niamey on Saturday to demand the withdrawal of French troops.",
    ];
    each_one(&texts, "2023-09-03", |e| e.sub_event.event_type(), EventType::Protests);
}

#[test]
fn an_advisory_to_a_state_s_nationals_is_news() {
    cov_mark::check!(an_advisory_to_a_state_s_nationals_is_news);
    let texts = [
        "Au Mali, l'ambassade des États-Unis a appelé ses ressortissants à quitter le pays.",
        "دعت السفارة الأمريكية في مالي رعاياها إلى مغادرة البلاد فورا.",
    ];
    each_one(&texts, "2025-10-30", |e| e.sub_event.event_type(), EventType::StrategicDevelopments);
    // A group urging residents to leave has moved nobody yet.
    assert!(events("Le groupe a exhorté les habitants de Djibo à évacuer.", Some("2025-10-30")).is_empty());
}

#[test]
fn a_habit_before_a_recall_is_the_setting_s_not_the_recalled_incident_s() {
    cov_mark::check!(a_habit_before_a_recall_is_the_setting_s);
    let texts = [
        "Ces mesures interviennent dans le cadre d'une répression continue de la contestation par la junte à la suite d'une manifestation à Kati en juin.",
        "Ces mesures s'inscrivent dans une pression qui s'exerce régulièrement sur la presse, à la suite d'un rassemblement à Kati en juin.",
        "These measures are part of a crackdown that has regularly targeted dissent following a rally in Kati in June.",
        "تأتي هذه الإجراءات في إطار حملة قمع متواصلة ضد المعارضة إثر مظاهرة في كاتي في يونيو.",
    ];
    for text in texts {
        let found = events(text, Some("2025-08-15"));
        assert!(found.iter().any(|e| e.sub_event.event_type() == EventType::Protests), "{text}: {found:?}");
    }
}

#[test]
fn a_source_s_first_toll_stands_unless_told_as_risen() {
    cov_mark::check!(a_source_s_toll_changes_only_by_a_rise);
    let first_stands = [
        "Gunmen killed more than 100 soldiers in an attack on an army post in Mansila on Tuesday, according to AFP. The fighters overran the post in Mansila, killing 107 soldiers, AFP said.",
        "Des hommes armés ont tué plus de 100 soldats lors d'une attaque contre un poste de l'armée à Mansila mardi, selon l'AFP. Les assaillants ont pris le poste de Mansila, tuant 107 soldats, selon l'AFP.",
    ];
    for text in first_stands {
        assert_eq!(one_event(text, Some("2024-06-17"))[0].fatalities, Some(100), "{text}");
    }
    let risen = [
        ("Gunmen killed at least 20 soldiers in an attack on an army post in Mansila on Tuesday, according to AFP. The death toll from the attack in Mansila has risen to 28 soldiers, AFP said.", 28),
        ("قتل مسلحون أكثر من 100 جندي في هجوم على موقع للجيش في مانسيلا الثلاثاء، بحسب فرانس برس. وارتفعت حصيلة الهجوم على الموقع في مانسيلا إلى 120 قتيلا، بحسب فرانس برس.", 120),
    ];
    for (text, toll) in risen {
        assert_eq!(one_event(text, Some("2024-06-17"))[0].fatalities, Some(toll), "{text}");
    }
}

#[test]
fn a_last_line_the_scrape_cut_off_is_body_not_a_teaser() {
    cov_mark::check_count!(a_last_line_cut_off_by_the_scrape_is_body, 3);
    let texts = [
        "Cinq soldats ont été tués mardi dans une embuscade près de Dori.\n\nDes assaillants ont incendié le marché de Djibo à",
        "Five soldiers were killed on Tuesday in an ambush near Dori.\n\nGunmen also burned the market of Djibo in",
        "قتل خمسة جنود الثلاثاء في كمين قرب دوري.\n\nوأحرق مسلحون سوق جيبو ونهبوا المحلات، ثم",
    ];
    for text in texts {
        let found = events(text, Some("2020-02-27"));
        assert!(found.iter().any(|e| place(e.place) == Some("bf.djibo")), "{text}: {found:?}");
    }
    // A whole short line after the body is still a teaser: it tells nothing.
    let teaser = "Cinq soldats ont été tués mardi dans une embuscade près de Dori.\n\nDes hommes armés incendient le marché de Djibo";
    let found = events(teaser, Some("2020-02-27"));
    assert!(found.iter().all(|e| place(e.place) != Some("bf.djibo")), "{found:?}");
}

#[test]
fn a_reply_by_the_side_attacked_is_another_incident() {
    cov_mark::check_count!(a_reply_by_the_side_attacked_is_another_incident, 3);
    // The bomb told with the attack is coded against the convoy's escort; the reply is the army's.
    let texts = [
        "Des hommes armés ont attaqué un convoi de l'armée malienne près de Gao, avec des engins explosifs contre l'escorte. L'armée a riposté par des frappes aériennes.",
        "Gunmen attacked a Malian army convoy near Gao, with explosive devices against its escort. The army responded with airstrikes.",
        "هاجم مسلحون قافلة للجيش المالي قرب غاو بعبوات ناسفة استهدفت مرافقيها. وردّ الجيش المالي بقصف جوي.",
    ];
    for text in texts {
        let found = events(text, Some("2025-06-14"));
        let strike = found.iter().find(|e| e.sub_event == SubEvent::AirDroneStrike);
        assert_eq!(strike.and_then(|e| actor(e.actor1)), Some("fama"), "{text}: {found:?}");
        assert!(found.len() >= 2, "{text}: {found:?}");
    }
}

#[test]
fn the_subject_of_a_verb_of_repelling_is_the_target() {
    cov_mark::check!(the_subject_of_a_verb_of_repelling_was_attacked);
    let texts = [
        "L'armée malienne a repoussé mardi une attaque près de Kangaba.",
        "The Malian army repelled an attack near Kangaba on Tuesday.",
        "صد الجيش المالي الثلاثاء هجوما قرب كانجابا.",
        "تصدت وحدة من الجيش المالي لكمين قرب كانجابا الثلاثاء.",
    ];
    each_one(&texts, "2025-03-16", |e| (actor(e.actor1), actor(e.actor2)), (None, Some("fama")));
    // The verb governs the attack right after it, not a deed told later in the sentence.
    let found = events(
        "The Malian army repelled an attack near Kangaba and then shelled a camp of jihadists near Nara.",
        Some("2025-03-16"),
    );
    let shelling = found.iter().find(|e| e.sub_event == SubEvent::Shelling);
    assert!(shelling.is_some_and(|e| actor(e.actor2) != Some("fama")), "{found:?}");
}

#[test]
fn soldiers_captured_in_an_attack_are_part_of_the_battle() {
    cov_mark::check!(soldiers_taken_in_a_fight_are_part_of_the_battle);
    let texts = [
        "Le JNIM a pris en otage vingt soldats maliens à Boulkessi. Le camp militaire de Boulkessi avait été attaqué le 1er juin.",
        "JNIM took twenty Malian soldiers hostage at Boulkessi. The army camp at Boulkessi had been attacked on 1 June.",
        "اختطفت الجماعة عشرين جنديا من الجيش المالي في بولكيسي. وتعرض معسكر الجيش المالي في بولكيسي لهجوم في الأول من يونيو.",
    ];
    each_one(&texts, "2025-06-11", |e| e.sub_event.event_type(), EventType::Battles);
}

#[test]
fn a_source_named_after_according_to_is_not_the_target() {
    cov_mark::check!(a_source_after_according_to_is_no_object);
    let texts = [
        "اختطف ثلاثة مواطنين صينيين السبت قرب كايس، بحسب الجيش.",
        "Trois ressortissants chinois ont été enlevés samedi près de Kayes, selon l'armée.",
        "Three Chinese nationals were kidnapped near Kayes on Saturday, according to the army.",
    ];
    each_one(&texts, "2021-07-18", |e| actor(e.actor2), Some("civilians"));
}

#[test]
fn air_strikes_for_a_state_force_are_its_own() {
    cov_mark::check!(a_state_force_s_air_strikes_are_its_own);
    let found =
        one_event("واستهدفت غارات لطائرات مسيرة للجيش المالي ليل السبت رتلا للإرهابيين قرب تمبكتو.", Some("2024-10-07"));
    assert_eq!(actor(found[0].actor1), Some("fama"), "{found:?}");
    // An ambush "for" the army still targets it.
    let found = one_event("نصب مسلحون كمينا للجيش المالي قرب تمبكتو.", Some("2024-10-07"));
    assert_eq!(actor(found[0].actor2), Some("fama"), "{found:?}");
}

#[test]
fn with_no_place_named_the_acting_state_s_country_places_the_incident() {
    let texts = [
        "وشنت طائرات مسيرة للجيش المالي غارات على قافلة ليل السبت.",
        "L'armée malienne a mené samedi soir des frappes aériennes contre un convoi.",
        "The Malian army carried out airstrikes on a convoy on Saturday night.",
    ];
    each_one(&texts, "2024-10-07", |e| place(e.place), Some("ml"));
}

#[test]
fn a_count_in_the_speaker_s_words_is_no_toll() {
    cov_mark::check!(a_count_in_the_speaker_s_words_is_no_toll);
    let texts = [
        "هاجم مسلحون سيارتين قرب غاو الاثنين. وأكد قريب أحد السائقين، وقوع قتلى في الحادثة.",
        "Des hommes armés ont attaqué deux véhicules près de Gao lundi. Selon deux témoins, plusieurs passagers ont été tués.",
        "Gunmen attacked two vehicles near Gao on Monday. According to three witnesses, many passengers were killed.",
    ];
    each_one(&texts, "2025-02-18", |e| e.fatalities, None);
    // The speaker's words closed, a count of the dead still counts.
    let found = one_event(
        "Gunmen attacked two vehicles near Gao on Monday. According to witnesses, five passengers were killed.",
        Some("2025-02-18"),
    );
    assert_eq!(found[0].fatalities, Some(5), "{found:?}");
}

#[test]
fn victims_told_as_also_killed_add_to_the_toll() {
    cov_mark::check!(victims_told_as_also_killed_add_to_the_toll);
    let texts = [
        ("أوقف مسلحون شاحنة قرب تيلابيري الخميس وقتلوا 19 راكبا. وقال شاهد إن السائق قتل أيضا.", 20),
        ("Des hommes armés ont arrêté un camion près de Tillabéri jeudi et tué 19 passagers. Deux chauffeurs ont également été tués, selon un témoin.", 21),
        ("Gunmen stopped a truck near Tillabéri on Thursday and killed 19 passengers. Two drivers were also killed, a witness said.", 21),
    ];
    for (text, want) in texts {
        let found = one_event(text, Some("2025-08-16"));
        assert_eq!(found[0].fatalities, Some(want), "{text}: {found:?}");
    }
}

#[test]
fn who_committed_a_massacre_is_its_doer_and_its_dead_are_civilians() {
    cov_mark::check!(the_dead_of_a_massacre_are_civilians);
    cov_mark::check!(the_agent_of_a_deed_is_not_its_victim);
    let texts = [
        "أزيد من عشرة قتلى في مجزرة إرتكبها الجيش المالي قرب تمبكتو",
        "Plus de dix morts dans un massacre près de Tombouctou, commis par l'armée malienne.",
        "More than ten dead in a massacre near Timbuktu, committed by the Malian army.",
    ];
    each_one(
        &texts,
        "2024-10-09",
        |e| (e.sub_event, actor(e.actor1), actor(e.actor2)),
        (SubEvent::Attack, Some("fama"), Some("civilians")),
    );
}

#[test]
fn the_first_of_a_list_of_doers_is_actor1() {
    cov_mark::check!(agent_marker_covers_the_list);
    let texts = [
        "أزيد من عشرة قتلى في مجزرة إرتكبها الجيش المالي ومرتزقة فاغنر قرب تمبكتو",
        "Dix civils ont été tués près de Tombouctou par l'armée malienne et le groupe Wagner.",
        "Ten civilians were killed near Timbuktu by the Malian army and Wagner.",
    ];
    each_one(&texts, "2024-10-09", |e| (actor(e.actor1), actor(e.actor2)), (Some("fama"), Some("civilians")));
}

#[test]
fn a_deed_in_another_area_is_another_incident() {
    cov_mark::check!(a_deed_in_another_area_is_another_incident);
    let texts = [
        "قتل الجيش عشرة مدنيين في قرية قرب تمبكتو الثلاثاء، بالتزامن مع قصف جوي استهدف منطقة أخرى.",
        "L'armée a tué dix civils dans un village près de Tombouctou mardi, alors qu'une frappe aérienne visait une autre localité.",
        "The army killed ten civilians in a village near Timbuktu on Tuesday, while an air strike hit another village.",
    ];
    for text in texts {
        assert_eq!(events(text, Some("2024-10-09")).len(), 2, "{text}");
    }
}

#[test]
fn where_people_took_refuge_is_not_where_they_were_attacked() {
    let texts = [
        "وقال أحد السكان الذي لجأ إلى نونا إن متطرفين هاجموا قريته الأحد.",
        "Un habitant réfugié à Nouna a raconté que des extrémistes avaient attaqué son village dimanche.",
        "A resident who fled to Nouna said extremists attacked his village on Sunday.",
    ];
    each_one(&texts, "2024-10-09", |e| place(e.place) != Some("bf.nouna"), true);
}

#[test]
fn people_of_a_nationality_killed_by_soldiers_are_civilians() {
    cov_mark::check!(a_count_of_nationals_counts_people);
    let texts = [
        "قتل الجيش المالي ثلاثة موريتانيين قرب نيورو.",
        "Des soldats maliens ont tué trois Mauritaniens près de Nioro.",
        "Malian soldiers killed three Mauritanians near Nioro.",
    ];
    each_one(&texts, "2022-01-20", |e| (e.sub_event, actor(e.actor2)), (SubEvent::Attack, Some("civilians")));
}

#[test]
fn the_hospital_town_is_not_where_the_shooting_was() {
    let texts = [
        "قتل جنود ماليون سائقا موريتانيا قرب الحدود، ونقل جريحان لتلقي العلاج في مستشفى مدينة النعمة.",
        "Des soldats maliens ont tué un chauffeur près de la frontière; deux blessés ont été conduits à l'hôpital de Néma.",
        "Malian soldiers killed a driver near the border; two wounded were taken to a hospital in Néma.",
    ];
    each_one(&texts, "2024-03-10", |e| place(e.place) != Some("mr.nema"), true);
}

#[test]
fn a_dateline_line_read_as_a_heading_places_nothing() {
    cov_mark::check!(a_dateline_read_as_a_heading_is_a_dateline);
    let texts = [
        "مقتل ثلاثة مدنيين قرب الحدود\n\nنواكشوط/ محمد البكاي/ الأناضول\n\nقتل مسلحون ثلاثة مدنيين الخميس قرب الحدود.",
        "Trois civils tués près de la frontière\n\nNouakchott / Mohamed Ould Ali / AFP\n\nDes hommes armés ont tué trois civils jeudi près de la frontière.",
    ];
    each_one(&texts, "2022-01-20", |e| place(e.place) != Some("mr.nouakchott"), true);
}

#[test]
fn inside_a_country_s_territory_is_that_country() {
    let texts = [
        "قتل مسلحون ثلاثة رعاة داخل الأراضي المالية الخميس.",
        "Des hommes armés ont tué trois bergers jeudi en territoire malien.",
        "Gunmen killed three herders on Malian territory on Thursday.",
    ];
    each_one(&texts, "2022-01-20", |e| place(e.place), Some("ml"));
}

#[test]
fn the_deaths_a_protest_is_against_are_another_incident() {
    cov_mark::check!(a_protest_against_deaths_counts_none);
    let texts = [
        "قتل مسلحون ثلاثة رعاة قرب نيورو الأربعاء. وخرجت تظاهرات الخميس في كايس احتجاجا على مقتل الرعاة الثلاثة.",
        "Des hommes armés ont tué trois bergers près de Nioro mercredi. Des manifestations ont eu lieu jeudi à Kayes pour protester contre la mort des trois bergers.",
        "Gunmen killed three herders near Nioro on Wednesday. Protests were held in Kayes on Thursday over the killing of the three herders.",
    ];
    for text in texts {
        let found = events(text, Some("2022-01-20"));
        let protest = found.iter().find(|e| e.sub_event.event_type() == EventType::Protests);
        assert_eq!(protest.map(|e| e.fatalities), Some(None), "{text}: {found:?}");
        assert_eq!(found.len(), 2, "{text}: {found:?}");
    }
}

#[test]
fn the_seat_of_the_authorities_who_gave_a_toll_is_not_the_place() {
    cov_mark::check!(the_seat_of_an_office_is_not_here);
    let texts = [
        "Vingt-neuf soldats ont été tués lundi dans une embuscade, selon le bilan avancé par les autorités de Niamey.",
        "قتل 29 جنديا في كمين الاثنين، بحسب حصيلة أعلنتها السلطات في نيامي.",
        "Twenty-nine soldiers were killed in an ambush on Monday, according to the authorities in Niamey.",
    ];
    each_one(&texts, "2023-10-03", |e| place(e.place), Some("ne"));
}

#[test]
fn regions_bordering_a_country_are_not_in_it() {
    let texts = [
        "Deux embuscades ont été tendues lundi aux forces nigériennes dans les régions de Tillabéri et Tahoua, toutes deux frontalières avec le Mali.",
        "Two ambushes were laid on Monday against Nigerien forces in the Tillabéri and Tahoua regions, both bordering on Mali.",
    ];
    for text in texts {
        let found = events(text, Some("2023-10-03"));
        let places: Vec<_> = found.iter().map(|e| place(e.place)).collect();
        assert_eq!(places, [Some("ne.tillaberi-region"), Some("ne.tahoua-region")], "{text}: {found:?}");
    }
}

#[test]
fn the_perpetrators_killed_add_to_the_victims() {
    let texts = [
        "قتل 70 جنديا في هجوم على موقع للجيش قرب كاندي. وأفاد الجيش بأنه تمكن من قتل 11 عنصرا من منفذي الهجوم.",
        "Soixante-dix soldats ont été tués dans une attaque contre un poste de l'armée près de Kandi. L'armée a tué onze des auteurs de l'attaque.",
        "Seventy soldiers were killed in an attack on an army post near Kandi. The army said it killed eleven of the perpetrators.",
    ];
    each_one(&texts, "2025-04-20", |e| e.fatalities, Some(81));
}

#[test]
fn a_section_headed_as_background_tells_no_news() {
    cov_mark::check!(a_section_headed_as_background_tells_no_news);
    let texts = [
        "قتل مسلحون عشرة مدنيين قرب دوري الثلاثاء.\n\nالأحداث السابقة:\n\n- 27 يوليو: اشتباكات عنيفة بين مسلحين والجيش قرب جيبو أسفرت عن قتلى.",
        "Des hommes armés ont tué dix civils près de Dori mardi.\n\nContexte\n\nLe 27 juillet, des combats ont opposé des jihadistes à l'armée près de Djibo, faisant plusieurs morts.",
        "Gunmen killed ten civilians near Dori on Tuesday.\n\nBackground\n\nOn July 27, fighting between jihadists and the army near Djibo left several dead.",
    ];
    each_one(&texts, "2024-08-28", |e| place(e.place), Some("bf.dori"));
}

#[test]
fn a_summary_types_the_deaths_a_fact_box_lists() {
    cov_mark::check!(a_summary_types_the_deaths_it_sums_up);
    let text = "أعلنت حركات أزوادية عن مقتل 21 مدنيا وإصابة العشرات نتيجة ضربات بطائرات مسيرة نفذها الجيش المالي في شمال مالي. وقالت إن الضربات استهدفت مناطق قرب الحدود.\n\nالتفاصيل:\n\n- الموقع: تينزاواتين.\n- الضحايا: 21 قتيلا.\n- الأهداف: استهدفت الهجمات صيدلية.";
    let found = one_event(text, Some("2024-08-27"));
    assert_eq!((found[0].sub_event, actor(found[0].actor1)), (SubEvent::AirDroneStrike, Some("fama")), "{found:?}");
}

#[test]
fn the_city_whose_clock_tells_the_time_is_not_the_place() {
    cov_mark::check!(a_time_zone_is_not_here);
    let texts = [
        "A military convoy was attacked around 10:00 on Tuesday (same time in Lisbon), killing five soldiers.",
        "Un convoi militaire a été attaqué mardi vers 10 heures (heure de Lisbonne), tuant cinq soldats.",
        "تعرضت قافلة عسكرية لهجوم الثلاثاء عند الساعة العاشرة بتوقيت لشبونة، ما أسفر عن مقتل خمسة جنود.",
    ];
    each_one(&texts, "2024-06-26", |e| place(e.place) != Some("pt.lisbon"), true);
}

#[test]
fn who_gives_a_toll_is_not_the_doer_of_the_deaths() {
    cov_mark::check!(who_gives_a_toll_is_not_its_doer);
    let found = one_event(
        "Insurgents killed 25 civilians in an ambush on a convoy near Gao on Friday. The army's death toll differed from a local official's account.",
        Some("2025-02-09"),
    );
    assert_ne!(actor(found[0].actor1), Some("fama"), "{found:?}");
}

#[test]
fn counts_told_as_alternatives_give_the_lowest() {
    cov_mark::check!(counts_told_as_alternatives_give_the_lowest);
    let texts = [
        "قتل مسلحون ستة أو سبعة أو تسعة مدنيين قرب كيدال الأحد.",
        "Des hommes armés ont tué six ou sept civils près de Kidal dimanche.",
        "Gunmen killed six or seven civilians near Kidal on Sunday.",
    ];
    each_one(&texts, "2025-08-20", |e| e.fatalities, Some(6));
}

#[test]
fn who_an_attack_is_blamed_on_did_it() {
    let texts = [
        "Gunmen killed 44 worshippers in an attack on a mosque near Kokorou on Friday. The defence ministry blamed the attack on the Islamic State in the Greater Sahara.",
        "Des hommes armés ont tué 44 fidèles dans une attaque contre une mosquée près de Kokorou vendredi. Le ministère a imputé l'attaque à l'État islamique au Grand Sahara.",
        "قتل مسلحون 44 مصليا في هجوم على مسجد قرب كوكورو الجمعة. ونسبت وزارة الدفاع الهجوم إلى تنظيم الدولة الإسلامية في الصحراء الكبرى.",
    ];
    each_one(&texts, "2025-03-22", |e| (e.sub_event, actor(e.actor1)), (SubEvent::Attack, Some("issp")));
}

#[test]
fn a_slogan_against_a_measure_is_no_measure() {
    cov_mark::check!(a_slogan_rejects_what_it_names);
    let texts = [
        "Des centaines de manifestants ont défilé dimanche à Niamey. « Non aux sanctions », « À bas la France », scandaient-ils.",
        "Hundreds of protesters marched in Niamey on Sunday. \"No to sanctions\", \"Down with France\", they chanted.",
    ];
    each_one(&texts, "2023-08-07", |e| e.sub_event.event_type(), EventType::Protests);
}

#[test]
fn an_arabic_dj_finds_a_french_di() {
    // "جاباغا" has no Arabic entry; the French "Diapaga" reads "Djapaga" in Arabic.
    let found = one_event("هاجم مسلحون بلدة جاباغا شرق بوركينا فاسو الثلاثاء وقتلوا عشرة جنود.", Some("2025-05-16"));
    assert_eq!(place(found[0].place), Some("bf.diapaga"), "{found:?}");
}

#[test]
fn an_undated_page_counts_days_from_its_stamp() {
    cov_mark::check!(an_undated_page_takes_its_day_from_its_stamp);
    let texts = [
        "كمين لقافلة وقود قرب كاتي\n\nمالي – 20 سبتمبر 2025\n\nنصب مسلحون مساء الجمعة كمينا لقافلة وقود قرب كاتي.",
        "Embuscade contre un convoi près de Kati\n\nBamako, 20 septembre 2025\n\nDes hommes armés ont tendu vendredi soir une embuscade à un convoi près de Kati.",
        "Convoy ambushed near Kati\n\nBamako, 20 September 2025\n\nGunmen ambushed a fuel convoy near Kati on Friday evening.",
    ];
    for text in texts {
        let found = one_event(text, None);
        assert_eq!(date(&found[0]).as_deref(), Some("2025-09-19"), "{text}: {found:?}");
    }
}

#[test]
fn a_count_before_another_verb_s_dead_is_not_theirs() {
    cov_mark::check!(a_count_before_another_verb_s_dead_is_not_theirs);
    let texts = [
        "خطف مسلحون خمسة مواطنين هنود وقتلوا 12 جنديا في هجوم قرب تيلابيري.",
        "Des hommes armés ont enlevé cinq ouvriers indiens et tué 12 soldats près de Tillabéri.",
        "Gunmen abducted five Indian workers and killed 12 soldiers near Tillabéri.",
    ];
    each_one(&texts, "2025-05-01", |e| e.fatalities, Some(12));
}

#[test]
fn control_of_the_situation_is_no_territory() {
    cov_mark::check!(an_idiom_tells_no_incident);
    cov_mark::check!(a_verb_split_from_its_idiom_tells_no_incident);
    let texts = [
        "استعادت قوات الدفاع والأمن السيطرة على الوضع في جيبو بعد هجوم إرهابي الأحد.",
        "Les forces de défense ont repris le contrôle de la situation à Djibo après une attaque terroriste dimanche.",
        "Security forces regained control of the situation in Djibo after a terrorist attack on Sunday.",
    ];
    for text in texts {
        let found = events(text, Some("2025-05-19"));
        assert!(found.iter().all(|e| e.sub_event != SubEvent::GovernmentRegainsTerritory), "{text}: {found:?}");
    }
}

#[test]
fn an_incident_recalled_as_recent_is_news() {
    cov_mark::check!(an_incident_recalled_as_recent_is_news);
    let texts = [
        "بدأ الجيش دورية مشتركة قرب كيدال، بعد تلك التي فشلت مؤخرا على إثر كمين نصبه مسلحو جبهة تحرير أزواد.",
        "L'armée a lancé une patrouille près de Kidal, après celle qui a échoué récemment à la suite d'une embuscade tendue par le Front de libération de l'Azawad.",
        "The army launched a patrol near Kidal, after the one that recently failed following an ambush laid by the Azawad Liberation Front.",
    ];
    for text in texts {
        let found = events(text, Some("2025-03-10"));
        assert!(found.iter().any(|e| actor(e.actor1) == Some("fla")), "{text}: {found:?}");
    }
}

#[test]
fn a_floor_of_tens_gives_way_to_a_figure() {
    cov_mark::check!(a_floor_of_tens_gives_way_to_a_figure);
    let texts = [
        "Le JNIM a attaqué vendredi le camp militaire de Niafunké. Le Jnim annonce un bilan de plusieurs dizaines de soldats tués. Des sources locales évoquent une cinquantaine de soldats tués à Niafunké.",
        "JNIM attacked the army camp of Niafunké on Friday. JNIM claimed dozens of soldiers killed. Local sources spoke of about fifty soldiers killed in Niafunké.",
        "هاجمت الجماعة معسكر الجيش في نيافونكي الجمعة. وأعلنت الجماعة مقتل عشرات الجنود. وتحدثت مصادر محلية عن مقتل نحو خمسين جنديا في نيافونكي.",
    ];
    each_one(&texts, "2023-11-25", |e| e.fatalities, Some(50));
}

#[test]
fn who_falls_into_an_ambush_suffers_it() {
    cov_mark::check!(who_falls_into_an_ambush_suffers_it);
    let texts = [
        "Mercredi, l'armée malienne est tombée dans une nouvelle embuscade entre Diabaly et Nampala.",
        "On Wednesday the Malian army fell into a new ambush near Diabaly.",
        "وقالت مصادر إن دورية للجيش المالي وقعت في كمين جديد قرب ديابالي الأربعاء.",
    ];
    each_one(&texts, "2025-09-11", |e| (actor(e.actor1), actor(e.actor2)), (None, Some("fama")));
}

#[test]
fn fighters_of_a_group_after_carried_out_by_are_its_doers() {
    let found = one_event(
        "قتل 20 جنديا في هجوم يشتبه أنه شنه مقاتلون من جماعة نصرة الإسلام والمسلمين قرب غاو الجمعة.",
        Some("2024-03-22"),
    );
    assert_eq!((actor(found[0].actor1), actor(found[0].actor2)), (Some("jnim"), Some("fama")), "{found:?}");
}

#[test]
fn a_village_of_a_nationality_is_in_that_country() {
    let texts = [
        "قتل مسلحون خمسة مدنيين في هجوم استهدف قرية مالية قرب الحدود الموريتانية.",
        "Des hommes armés ont tué cinq civils dans un village malien près de la frontière mauritanienne.",
        "Gunmen killed five civilians in a Malian village near the Mauritanian border.",
    ];
    each_one(&texts, "2024-05-10", |e| place(e.place), Some("ml"));
}

#[test]
fn a_day_within_the_week_told_is_that_week_s() {
    cov_mark::check!(a_day_within_the_week_told_is_that_week_s);
    let texts = [
        "An ambush by armed men last week killed at least 14 soldiers in Niger, the defence minister said. The attack took place near Tillabéri on Wednesday.",
        "Une embuscade a tué la semaine dernière au moins 14 soldats au Niger, a indiqué le ministre. L'attaque a eu lieu mercredi près de Tillabéri.",
        "قتل 14 جنديا على الأقل في كمين الأسبوع الماضي في النيجر، بحسب وزير الدفاع. ووقع الهجوم يوم الأربعاء قرب تيلابيري.",
    ];
    for text in texts {
        let found = one_event(text, Some("2025-09-14"));
        assert_eq!(
            (found[0].fatalities, date(&found[0]).as_deref()),
            (Some(14), Some("2025-09-10")),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_village_a_fight_was_near_is_no_target() {
    cov_mark::check!(a_village_a_fight_was_near_is_no_target);
    let texts = [
        "On Monday a unit of the defence and security forces exchanged fire with armed terrorist groups along the Bankilare-Tera route near the village of Foneko.",
        "Lundi, une unité des forces de défense et de sécurité a échangé des tirs avec des groupes armés terroristes sur l'axe Bankilaré-Téra près du village de Foneko.",
    ];
    for text in texts {
        let found = events(text, Some("2024-07-24"));
        assert!(found.iter().all(|e| actor(e.actor2) != Some("civilians")), "{text}: {found:?}");
    }
}

#[test]
fn the_page_s_stamp_above_the_lede_dates_no_incident() {
    cov_mark::check!(the_page_s_stamp_above_the_lede_dates_no_incident);
    let texts = [
        "مسلحون يختطفون نمساوية في أغاديز\n\n12 يناير, 2025 - 01:26\n\nأعلن في النيجر عن اختطاف سيدة نمساوية في أغاديز.\n\nوقالت صحيفة إنها اختطفت مساء السبت في أغاديز.",
        "Une Autrichienne enlevée à Agadez\n\n12 janvier 2025 - 01:26\n\nL'enlèvement d'une Autrichienne a été annoncé au Niger.\n\nElle a été enlevée samedi soir à Agadez, selon un journal.",
        "Austrian woman kidnapped in Agadez\n\n12 January 2025 - 01:26\n\nThe kidnapping of an Austrian woman was announced in Niger.\n\nShe was kidnapped in Agadez on Saturday evening, a newspaper said.",
    ];
    for text in texts {
        let found = one_event(text, Some("2025-01-12"));
        assert_eq!(date(&found[0]).as_deref(), Some("2025-01-11"), "{text}: {found:?}");
    }
}

#[test]
fn a_riposte_that_kills_the_attackers_is_the_same_battle() {
    let texts = [
        "Des hommes armés ont attaqué lundi un poste de l'armée près de Torodi, tuant sept soldats. L'armée a riposté en tuant onze assaillants.",
        "Gunmen attacked an army post near Torodi on Monday, killing seven soldiers. The army retaliated, killing eleven attackers.",
        "هاجم مسلحون الاثنين موقعا للجيش قرب تورودي وقتلوا سبعة جنود. ورد الجيش بقتل أحد عشر مهاجما.",
    ];
    each_one(&texts, "2024-05-22", |e| e.fatalities, Some(18));
}

#[test]
fn arabic_feminine_and_martyr_death_words_count_the_dead() {
    let texts = [
        "وقالت المصادر إن 5 نساء قتلن في انفجار لغم قرب ديالاساغو السبت.",
        "وقالت المصادر إن 5 جنود استشهدوا في انفجار لغم قرب ديالاساغو السبت.",
    ];
    each_one(&texts, "2024-06-03", |e| e.fatalities, Some(5));
}

#[test]
fn the_first_side_a_clash_names_is_actor1() {
    cov_mark::check!(the_first_side_a_clash_names_is_actor1);
    let texts = [
        "اندلعت اشتباكات مسلحة أمس بين الحركات الأزوادية من جهة، وقوات الجيش المالي من جهة أخرى قرب كيدال.",
        "De violents combats ont opposé hier les rebelles touareg à l'armée malienne près de Kidal.",
        "Clashes broke out yesterday between Tuareg rebels and the Malian army near Kidal.",
    ];
    each_one(&texts, "2024-10-20", |e| (actor(e.actor1), actor(e.actor2)), (Some("fla"), Some("fama")));
}

#[test]
fn allies_are_not_opponents() {
    cov_mark::check!(allies_are_not_opponents);
    let found = one_event(
        "وتدور المعارك قرب تينزاواتين منذ الخميس بين الجيش المالي وحلفائه من مجموعة فاغنر وبين جبهة تحرير أزواد.",
        Some("2024-07-28"),
    );
    assert_ne!((actor(found[0].actor1), actor(found[0].actor2)), (Some("fama"), Some("wagner")), "{found:?}");
    assert_eq!(actor(found[0].actor2), Some("fla"), "{found:?}");
}

#[test]
fn every_member_of_a_verb_first_subject_list_is_a_doer() {
    cov_mark::check!(a_verb_first_subject_covers_its_list);
    let found =
        one_event("قتل الفيلق الأفريقي والقوات المسلحة المالية ستة مسلحين قرب ميناكا يوم 28 يونيو.", Some("2025-07-01"));
    assert_eq!((actor(found[0].actor1), actor(found[0].actor2)), (Some("africa-corps"), None), "{found:?}");
}

#[test]
fn where_someone_was_returning_to_is_not_the_place() {
    let texts = [
        "Des hommes armés ont attaqué un poste de police samedi, au moment où le président regagnait Ouagadougou.",
        "Gunmen attacked a police station on Saturday as the president was returning to Ouagadougou.",
        "هاجم مسلحون مركزا للشرطة السبت، لدى عودة الرئيس إلى واغادوغو.",
    ];
    each_one(&texts, "2025-05-12", |e| place(e.place) != Some("bf.ouagadougou"), true);
}

#[test]
fn what_fell_into_a_group_s_hands_was_taken_by_it() {
    let texts = [
        "Le camp de l'armée est passé sous le contrôle des combattants du JNIM à Djibo dimanche.",
        "The army camp in Djibo fell into the hands of JNIM fighters on Sunday.",
    ];
    each_one(&texts, "2025-05-12", |e| (actor(e.actor1), actor(e.actor2)), (Some("jnim"), Some("forces.bf")));
}

#[test]
fn a_nation_s_military_operation_is_its_forces() {
    let texts = [
        "Une opération militaire nigérienne a visé mardi des éléments de l'EIGS près de Téra.",
        "A Nigerien military operation targeted ISGS fighters near Téra on Tuesday.",
    ];
    each_one(&texts, "2025-03-20", |e| actor(e.actor1), Some("forces.ne"));
}

#[test]
fn an_arabic_verb_of_targeting_before_two_sides_has_the_first_as_subject() {
    cov_mark::check!(a_verb_of_targeting_before_two_sides_has_the_first_as_subject);
    let found = one_event("استهدفت عملية عسكرية نيجرية الثلاثاء عناصر من تنظيم داعش قرب تيرا.", Some("2025-03-20"));
    assert_eq!((actor(found[0].actor1), actor(found[0].actor2)), (Some("forces.ne"), Some("issp")), "{found:?}");
}

#[test]
fn a_tag_line_of_labels_tells_nothing() {
    let texts = [
        "Une attaque fait un mort à Bilma\n\nEtiquettes : Niger, Bilma, attaque, enlèvements, Agadez, terrorisme,\n\nUne personne a été tuée samedi lors d'une attaque à Bilma.",
        "One killed in an attack in Bilma\n\nFiled under: Niger, Bilma, attack, kidnappings, Agadez, terrorism,\n\nOne person was killed on Saturday in an attack in Bilma.",
        "مقتل شخص في هجوم في بيلما\n\nالتصنيفات: النيجر، بيلما، هجوم، اختطاف، أغاديز، إرهاب\n\nقتل شخص السبت في هجوم في بيلما.",
    ];
    each_one(&texts, "2024-06-24", |e| place(e.place), Some("ne.bilma"));
}

#[test]
fn seizing_things_takes_no_territory() {
    cov_mark::check!(seizing_things_takes_no_territory);
    for text in [
        "Les forces de défense ont pu s'emparer d'un des deux véhicules des assaillants près de Bilma.",
        "Security forces seized one of the attackers' two vehicles near Bilma.",
    ] {
        assert!(events(text, Some("2024-06-24")).is_empty(), "{text}");
    }
    // A camp is territory.
    let found = one_event("Le JNIM s'est emparé du camp de Bilma samedi.", Some("2024-06-24"));
    assert_eq!(found[0].sub_event, SubEvent::NonStateOvertakesTerritory, "{found:?}");
}

#[test]
fn what_a_protest_denounces_is_no_intervention() {
    cov_mark::check!(what_a_protest_denounces_is_no_intervention);
    let texts = [
        "Des familles de Mauritaniens disparus au Mali ont manifesté mardi devant la présidence à Nouakchott pour dénoncer les attaques de l'armée malienne.",
        "Families of Mauritanians missing in Mali protested on Tuesday outside the presidential palace in Nouakchott, denouncing attacks by the Malian army.",
    ];
    each_one(&texts, "2024-03-12", |e| e.sub_event, SubEvent::PeacefulProtest);
}

#[test]
fn a_source_s_figure_replaces_its_floor() {
    cov_mark::check!(a_source_s_figure_replaces_its_floor);
    let texts = [
        "أعلن الجيش المالي تحييد عشرات المسلحين في قصف جوي قرب أنسونغو الثلاثاء. وجاء في بيان الجيش أن الضربات مكنت من تحييد ما لا يقل عن 20 مسلحا.",
        "L'armée malienne a annoncé avoir neutralisé des dizaines de terroristes dans une frappe aérienne près d'Ansongo mardi. Selon l'armée, la frappe a neutralisé au moins 20 terroristes.",
        "The Malian army said it neutralised dozens of militants in an air strike near Ansongo on Tuesday. According to the army, the strike neutralised at least 20 militants.",
    ];
    each_one(&texts, "2025-03-19", |e| e.fatalities, Some(20));
}

#[test]
fn evacuating_the_wounded_or_passengers_is_rescue() {
    cov_mark::check!(evacuating_the_wounded_or_passengers_is_rescue);
    let texts = [
        "Rockets hit a boat on the Niger River near Timbuktu on Thursday; the military evacuated the passengers.",
        "Des roquettes ont touché un bateau sur le fleuve Niger près de Tombouctou jeudi; l'armée a évacué les passagers.",
        "وأصابت صواريخ قاربا في نهر النيجر قرب تمبكتو الخميس، وأجلت القوات الركاب.",
    ];
    for text in texts {
        let found = events(text, Some("2023-09-08"));
        assert!(
            found.iter().all(|e| e.sub_event.event_type() != EventType::StrategicDevelopments),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn the_state_a_force_is_tied_to_is_not_where_it_fought() {
    cov_mark::check!(the_state_a_force_is_tied_to_is_not_here);
    let texts = [
        "اندلعت اشتباكات الجمعة في شمال مالي بين المتمردين وقوات فيلق أفريقيا المرتبط بروسيا.",
        "Au Mali, des combats ont opposé vendredi les rebelles aux mercenaires de l'Africa Corps liés à la Russie.",
        "In Mali, fighting broke out on Friday between the rebels and Africa Corps troops linked to Moscow.",
        "وقعت اشتباكات الجمعة في مالي بين المتمردين وفيلق أفريقيا التابع لموسكو.",
    ];
    each_one(&texts, "2025-06-14", |e| place(e.place), Some("ml"));
}

#[test]
fn where_a_group_is_active_is_not_where_it_struck() {
    cov_mark::check!(where_a_group_is_active_is_not_here);
    let texts = [
        "In Mali, the attack on Sunday, which killed ten soldiers, was claimed by JNIM, a group active in Burkina Faso and Niger.",
        "Au Mali, l'attaque de dimanche, qui a tué dix soldats, a été revendiquée par le JNIM, un groupe actif au Burkina Faso et au Niger.",
        "في مالي، أسفر الهجوم الأحد عن مقتل عشرة جنود، وتبنته جماعة نصرة الإسلام والمسلمين الناشطة في بوركينا فاسو والنيجر.",
    ];
    // Nor do those countries make the story theirs: the soldiers are Mali's.
    each_one(&texts, "2025-06-16", |e| (place(e.place), actor(e.actor2)), (Some("ml"), Some("fama")));
}

#[test]
fn the_one_an_incident_is_ascribed_to_did_it() {
    cov_mark::check!(the_one_an_incident_is_ascribed_to_did_it);
    let texts = [
        "Au moins 15 villageois ont été tués lundi dans une attaque contre le village de Koundiéwel, dans le centre du Mali. Des sources locales attribuent cette attaque aux jihadistes de la Katiba Macina.",
        "At least 15 villagers were killed on Monday in an attack on the village of Koundiéwel in central Mali. Local sources blamed the attack on jihadists of the Katiba Macina.",
        "قتل 15 قرويا على الأقل الاثنين في هجوم على قرية كونديويل وسط مالي. ونسبت مصادر محلية الهجوم إلى جهاديي كتيبة ماسينا.",
    ];
    // Not read as the target, which would make the massacre a battle.
    each_one(&texts, "2025-06-17", |e| (e.sub_event, actor(e.actor1)), (SubEvent::Attack, Some("jnim")));
}

#[test]
fn an_incident_recalled_days_before_the_news_is_not_dated_by_the_news() {
    cov_mark::check!(a_later_day_that_recalls_an_incident_is_no_next_day);
    cov_mark::check!(a_recalled_incident_takes_no_date_from_around_it);
    cov_mark::check!(a_recalled_incident_told_with_its_place_and_toll_is_news);
    // "بعد يومين من" may also be "after two days of": recalled, but no day of its own.
    let text =
        "هاجم مسلحون أمس معسكرا للجيش في سيفاري. ويأتي هذا الهجوم بعد يومين من مقتل أربعة جنود في كمين قرب موبتي.";
    let found = events(text, Some("2025-06-17"));
    let mopti: Vec<_> = found.iter().filter(|e| place(e.place) == Some("ml.mopti")).collect();
    assert_eq!(mopti.len(), 1, "{found:?}");
    assert_eq!(date(mopti[0]), None, "{found:?}");
}

#[test]
fn a_long_cue_recalls_an_incident_that_many_days_before_the_news() {
    cov_mark::check!(an_incident_recalled_days_before_is_dated_to_the_week);
    let text =
        "هاجم مسلحون أمس معسكرا للجيش في سيفاري. ويأتي هذا الهجوم بعد مرور أسبوع على مقتل أربعة جنود في كمين قرب موبتي.";
    let found = events(text, Some("2025-06-17"));
    let mopti: Vec<_> = found.iter().filter(|e| place(e.place) == Some("ml.mopti")).collect();
    assert_eq!(mopti.len(), 1, "{found:?}");
    assert_eq!(date(mopti[0]), Some("2025-06-10".into()), "{found:?}");
}

#[test]
fn gunmen_suspected_of_belonging_to_a_group_are_its_men() {
    let texts = [
        "لقي 21 مدنيا مصرعهم في هجوم نفذه مسلحون يشتبه بانتمائهم إلى تنظيم الدولة الإسلامية في الصحراء الكبرى، وذلك في قرية كورمي غرب النيجر.",
        "Au moins 21 civils ont été tués dans une attaque menée par des hommes armés soupçonnés d'appartenir à l'État islamique au Sahel près de Téra.",
        "At least 21 civilians were killed in an attack by gunmen suspected of belonging to the Islamic State Sahel Province near Tera.",
    ];
    for text in texts {
        cov_mark::check!(doer_behind_a_partitive);
        let found = one_event(text, Some("2024-12-06"));
        assert_eq!(actor(found[0].actor1), Some("issp"), "{text}: {found:?}");
    }
}

#[test]
fn what_someone_describes_was_told_already() {
    cov_mark::check!(what_is_described_was_told);
    let texts = [
        "Gunmen attacked an army post in Boni on Tuesday. An analyst described the attack as a message to the authorities in Mopti.",
        "Des hommes armés ont attaqué mardi un poste de l'armée à Boni. Un analyste a qualifié l'attaque de message aux autorités de Mopti.",
        "هاجم مسلحون الثلاثاء موقعا للجيش في دوينتزا. ووصف محلل الهجوم بأنه رسالة إلى السلطات في موبتي.",
    ];
    for text in texts {
        let found = one_event(text, Some("2025-06-17"));
        assert_ne!(place(found[0].place), Some("ml.mopti"), "{text}: {found:?}");
    }
}

#[test]
fn the_town_of_what_victims_came_back_from_is_not_where_they_were_ambushed() {
    cov_mark::check!(the_town_of_what_they_came_from_is_not_here);
    let texts = [
        "لقي 21 مدنيا مصرعهم في هجوم في قرية تيغزرت بدائرة تيرا. وتعرض الضحايا لكمين أثناء عودتهم من السوق الأسبوعي في مدينة أيورو.",
        "Vingt et un civils ont été tués dans une attaque contre le village de Tigzert près de Téra. Les victimes ont été prises en embuscade alors qu'ils revenaient du marché hebdomadaire d'Ayorou.",
        "Twenty-one civilians were killed in an attack on the village of Tigzert near Tera. The victims were ambushed on their way back from the weekly market in Ayorou.",
    ];
    for text in texts {
        let found = one_event(text, Some("2024-12-06"));
        assert_eq!(found[0].fatalities, Some(21), "{text}: {found:?}");
    }
}

#[test]
fn soldiers_beside_a_mention_pointing_back_were_not_its_targets() {
    cov_mark::check!(a_mention_pointing_back_names_no_soldiers);
    let texts = [
        "هاجم مسلحون الثلاثاء قرية تيغزرت بدائرة تيرا وقتلوا عشرة مدنيين. ويأتي هذا الهجوم في وقت تنفذ فيه قوات الأمن النيجرية عملية عسكرية واسعة ضد الجماعات المسلحة.",
        "Des hommes armés ont attaqué mardi le village de Tigzert près de Téra et tué dix civils. Cette attaque contre le moral des forces de sécurité nigériennes intervient en pleine opération militaire.",
        "Gunmen attacked the village of Tigzert near Tera on Tuesday, killing ten civilians. This attack on the morale of Nigerien security forces comes as the army presses an offensive.",
    ];
    each_one(&texts, "2024-12-06", |e| e.sub_event, SubEvent::Attack);
}

#[test]
fn the_areas_worst_hit_by_attacks_tell_no_incident() {
    let texts = [
        "Tillabéri est l'une des régions les plus touchées par les attaques jihadistes contre les civils et les soldats.",
        "Tillaberi is one of the regions worst affected by jihadist attacks on civilians and soldiers.",
        "تعتبر منطقة تيلابيري إحدى أكثر المناطق تضررا من الهجمات الإرهابية ضد المدنيين والجنود.",
    ];
    for text in texts {
        let found = events(text, Some("2024-12-06"));
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn an_incident_recalled_by_its_year_on_an_undated_page_is_history() {
    cov_mark::check!(an_incident_recalled_by_its_year_on_an_undated_page_is_history);
    let texts = [
        "The rebellion began after the rebels had attacked the army base in Kidal in 2012.",
        "La rébellion a commencé après que les rebelles avaient attaqué la base de l'armée à Kidal en 2012.",
        "ووقع هذا الاتفاق بعد أن طرد المتمردون قوات الأمن من شمال مالي في عام 2012.",
    ];
    for text in texts {
        let found = events(text, None);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn burkina_s_central_regions_are_named_by_their_compass_point_too() {
    let found = one_event("قتل مسلحون ستة مدنيين الاثنين في منطقة وسط الغرب في بوركينا فاسو.", Some("2023-02-12"));
    assert_eq!(place(found[0].place), Some("bf.centre-ouest"), "{found:?}");
    let found = one_event("قتل مسلحون ستة مدنيين الاثنين في منطقة وسط الشرق في بوركينا فاسو.", Some("2023-02-12"));
    assert_eq!(place(found[0].place), Some("bf.centre-est"), "{found:?}");
}

#[test]
fn a_camp_taken_after_a_car_bomb_is_one_incident_typed_by_the_capture() {
    cov_mark::check!(a_capture_is_what_the_attack_achieved);
    cov_mark::check!(a_capture_types_the_attack_that_achieved_it);
    let texts = [
        "Lundi, un véhicule piégé a frappé le camp militaire de Boni, puis les jihadistes ont pris le contrôle du camp.",
        "On Monday a car bomb struck the army camp in Boni, then the jihadists took control of the camp.",
        "استهدفت سيارة مفخخة الاثنين معسكر الجيش في مدينة دوينتزا، ثم سيطروا على المعسكر.",
    ];
    each_one(&texts, "2025-06-17", |e| e.sub_event, SubEvent::NonStateOvertakesTerritory);
    // The army's strikes days later to take it back are another incident.
    let text = "Jihadists seized the town of Boni on Monday, residents said. The army said today that it had retaken Boni after air strikes forced the fighters out.";
    assert_eq!(events(text, Some("2025-06-18")).len(), 2, "{text}");
}

#[test]
fn foreign_troops_a_protest_is_against_are_no_army_of_the_story() {
    let texts = [
        "Des centaines de manifestants ont réclamé samedi à Niamey le départ des soldats étrangers.",
        "Hundreds of protesters in Niamey demanded on Saturday the departure of foreign troops.",
        "تظاهر المئات في نيامي يوم السبت للمطالبة برحيل الجنود الأجانب.",
    ];
    for text in texts {
        cov_mark::check!(foreign_soldiers_are_no_army_of_the_story);
        let e = one_event(text, Some("2025-01-01"));
        assert_eq!((actor(e[0].actor1), actor(e[0].actor2)), (None, None), "{text}");
    }
    let e = one_event(
        "Des centaines de manifestants ont réclamé samedi à Niamey le départ des soldats.",
        Some("2025-01-01"),
    );
    assert_eq!(actor(e[0].actor2), Some("forces.ne"));
}

#[test]
fn a_country_named_by_its_border_is_neither_the_place_nor_the_story_s_country() {
    let texts = [
        "في عملية قرب الحدود الجزائرية، شنت القوات الجوية المالية صباح الأحد غارات على مسلحين.",
        "Près de la frontière algérienne, l'armée malienne a frappé dimanche des jihadistes.",
        "Near the Algerian border, the Malian army struck jihadists on Sunday.",
    ];
    for text in texts {
        cov_mark::check!(a_country_named_by_its_border_is_no_place);
        let e = one_event(text, Some("2025-07-04"));
        assert_eq!(place(e[0].place), Some("ml"), "{text}");
    }
}

#[test]
fn a_town_a_distance_is_measured_from_after_another_town_is_its_landmark() {
    let texts = [
        "Des hommes armés ont attaqué mardi soir le poste de police de Sévaré, situé à 12 kilomètres de Mopti. Un enfant s'est noyé en fuyant les violences.",
        "Gunmen attacked the police station in Sévaré, located 12 kilometers from Mopti, on Tuesday night. A child drowned while fleeing the violence.",
        "هاجم مسلحون ليل الثلاثاء مركز الشرطة في سيفاري، على بعد 12 كيلومترا من موبتي. وغرق طفل أثناء فراره من العنف.",
    ];
    for text in texts {
        let found = events(text, Some("2025-01-01"));
        let places: Vec<_> = found.iter().map(|e| place(e.place)).collect();
        assert_eq!(places, [Some("ml.sevare")], "{text}: {found:?}");
    }
    cov_mark::check!(a_town_a_bearing_measures_from_is_a_landmark);
    events(texts[0], Some("2025-01-01"));
}

#[test]
fn explosives_found_on_people_arrested_are_no_explosion() {
    let texts = [
        "L'armée sénégalaise a arrêté samedi à Kidira trois hommes en possession d'explosifs et de détonateurs.",
        "The Senegalese army arrested three men in possession of explosives and detonators in Kidira on Saturday.",
        "اعتقل الجيش السنغالي يوم السبت في كيديرا ثلاثة رجال بحوزتهم متفجرات وصواعق.",
    ];
    for text in texts {
        let e = one_event(text, Some("2025-07-08"));
        assert_eq!((e[0].sub_event, actor(e[0].actor1)), (SubEvent::Arrests, Some("forces.sn")), "{text}");
    }
    // "Explosives" is a trigger in French and Arabic; English reads it as one only when it went off.
    for text in [texts[0], texts[2]] {
        cov_mark::check!(a_weapon_seized_is_no_trigger);
        events(text, Some("2025-07-08"));
    }
}

#[test]
fn soldiers_counted_before_clashes_count_no_incidents() {
    let texts = [
        "Dans la province du Soum, des jihadistes ont attaqué jeudi un poste de l'armée. Vendredi, des hommes armés ont attaqué un autre poste de l'armée. L'armée a perdu cinq soldats lors d'affrontements samedi.",
        "In Soum province, jihadists attacked an army post on Thursday. On Friday, gunmen attacked another army post. The army lost five soldiers during clashes on Saturday.",
        "في إقليم سوم، هاجم جهاديون الخميس موقعا للجيش. ويوم الجمعة هاجم مسلحون موقعا آخر للجيش. وخسر الجيش خمسة جنود خلال اشتباكات يوم السبت.",
    ];
    for text in texts {
        let found = events(text, Some("2022-05-24"));
        let tolls: Vec<_> = found.iter().map(|e| (date(e), e.fatalities)).collect();
        let day = |d: &str| Some(d.to_string());
        assert_eq!(
            tolls,
            [(day("2022-05-19"), None), (day("2022-05-20"), None), (day("2022-05-21"), Some(5))],
            "{text}"
        );
    }
    for text in &texts[1..] {
        cov_mark::check!(a_count_of_people_counts_no_incidents);
        events(text, Some("2022-05-24"));
    }
}

#[test]
fn a_bare_toll_after_history_sums_it_up() {
    let texts = [
        "Mardi, des hommes armés ont tué six civils à Pissila.\nLe pays est frappé par des attaques jihadistes depuis 2015.\nPlus de 2000 personnes ont été tuées.",
        "On Tuesday, gunmen killed six civilians in Pissila.\nThe country has been hit by jihadist attacks since 2015.\nMore than 2,000 people have been killed.",
        "قتل مسلحون الثلاثاء ستة مدنيين في بيسيلا.\nويتعرض البلد لهجمات جهادية منذ 2015.\nوقتل أكثر من ألفي شخص.",
    ];
    for text in texts {
        cov_mark::check!(a_bare_toll_after_history_sums_it_up);
        let found = events(text, Some("2022-05-24"));
        let tolls: Vec<_> = found.iter().filter(|e| !e.background).map(|e| (place(e.place), e.fatalities)).collect();
        assert_eq!(tolls, [(Some("bf.pissila"), Some(6))], "{text}");
    }
}

#[test]
fn an_area_wider_than_the_story_s_country_is_placed_in_that_country_or_its_unit() {
    let mali = [
        "Des jihadistes ont tué trois soldats maliens mardi lors d'une attaque contre un poste dans le centre du pays, une zone du Sahel minée par les violences.",
        "Jihadists killed three Malian soldiers on Tuesday in an attack on a post in the centre of the country, an area of the Sahel plagued by violence.",
        "قتل جهاديون ثلاثة جنود ماليين الثلاثاء في هجوم على موقع في وسط البلاد، وهي منطقة من الساحل تعصف بها أعمال العنف.",
    ];
    // Burkina Faso has a Sahel Region: the area where it happened, in a story about Burkina, is it.
    let burkina = [
        "Des hommes armés ont tué mardi dix volontaires dans le Sahel, au nord du Burkina Faso.",
        "Gunmen killed ten volunteers on Tuesday in the Sahel, in northern Burkina Faso.",
        "قتل مسلحون عشرة متطوعين الثلاثاء في منطقة الساحل شمال بوركينا فاسو.",
    ];
    for text in mali {
        cov_mark::check!(an_area_wider_than_the_story_s_country_places_it_in_that_country);
        let e = one_event(text, Some("2022-05-18"));
        assert_eq!(place(e[0].place), Some("ml"), "{text}");
    }
    for text in burkina {
        cov_mark::check!(a_wide_area_where_it_happened_is_the_story_country_s_unit);
        let e = one_event(text, Some("2022-05-18"));
        assert_eq!(place(e[0].place), Some("bf.sahel-region"), "{text}");
    }
    // With no country in the story, the area stays no place of the incident's own.
    cov_mark::check!(an_area_wider_than_a_country_is_no_place_of_its_own);
    events("Attacks struck the Sahel on Tuesday.", Some("2022-05-18"));
}

#[test]
fn towns_a_named_post_lies_between_are_its_landmarks() {
    let texts = [
        "Le poste de Boni, entre Douentza et Hombori dans la région de Mopti, a été attaqué mercredi à l'aube.",
        "The Boni post, between Douentza and Hombori in the Mopti region, was attacked at dawn on Wednesday.",
        "هاجم مسلحون فجر الأربعاء بلدة بوني، بين دوينتزا وهومبوري في منطقة موبتي.",
    ];
    for text in texts {
        cov_mark::check!(a_town_a_bearing_measures_from_is_a_landmark);
        let e = one_event(text, Some("2021-02-04"));
        assert_eq!((place(e[0].place), e[0].geo_precision), (Some("ml.boni"), 1), "{text}");
    }
    // With no town before it, "between" still places the incident near the first of the two.
    let e = one_event("Des hommes armés ont attaqué mercredi un convoi entre Douentza et Hombori.", Some("2021-02-04"));
    assert_eq!((place(e[0].place), e[0].geo_precision), (Some("ml.douentza"), 2));
}

#[test]
fn an_incident_in_a_part_of_the_country_is_placed_in_the_country_not_the_story_so_far() {
    let texts = [
        "Des jihadistes ont attaqué mardi un poste de l'armée à Djibo.\nJeudi, onze soldats et quinze assaillants sont morts dans une autre attaque, cette fois dans l'est.",
        "Jihadists attacked an army post in Djibo on Tuesday.\nOn Thursday, eleven soldiers and fifteen gunmen died in another attack, this time in the east.",
        "هاجم جهاديون الثلاثاء موقعا للجيش في جيبو.\nويوم الخميس قتل أحد عشر جنديا وخمسة عشر مسلحا في هجوم آخر، هذه المرة في الشرق.",
    ];
    for text in texts {
        cov_mark::check!(a_part_of_the_country_is_the_country);
        let found = events(text, Some("2022-05-24"));
        let places: Vec<_> = found.iter().map(|e| place(e.place)).collect();
        assert_eq!(places, [Some("bf.djibo"), Some("bf")], "{text}");
    }
}

#[test]
fn the_same_region_is_the_unit_of_the_town_told_before() {
    let texts = [
        "Samedi, des hommes armés ont attaqué un convoi près de Dédougou. Dimanche, vingt personnes ont été tuées dans la même région dans une autre attaque.",
        "On Saturday gunmen attacked a convoy near Dédougou. On Sunday, twenty people were killed in the same region in another attack.",
        "هاجم مسلحون السبت قافلة قرب ديدوغو. ويوم الأحد قتل عشرون شخصا في هجوم آخر في نفس الولاية.",
    ];
    for text in texts {
        cov_mark::check!(the_same_region_is_the_unit_of_the_place_told_before);
        let found = events(text, Some("2022-05-24"));
        let places: Vec<_> = found.iter().map(|e| place(e.place)).collect();
        assert_eq!(places, [Some("bf.dedougou"), Some("bf.boucle-du-mouhoun")], "{text}");
    }
}

#[test]
fn nationals_killed_at_the_hands_of_a_unit_of_the_army_are_civilians_it_killed() {
    let texts = [
        "قالت وسائل إعلام موريتانية إن ثلاثة من مواطنيها قتلوا داخل الأراضي المالية على يد قوة تابعة للجيش المالي.",
        "Trois ressortissants mauritaniens ont été tués en territoire malien par une patrouille de l'armée malienne.",
        "Three Mauritanian nationals were killed inside Malian territory by a patrol of the Malian army.",
    ];
    for text in texts {
        let e = one_event(text, Some("2022-01-20"));
        let got = (e[0].event_type(), actor(e[0].actor1), actor(e[0].actor2));
        assert_eq!(got, (EventType::ViolenceAgainstCivilians, Some("fama"), Some("civilians")), "{text}");
    }
    cov_mark::check!(an_arabic_verb_followed_by_its_agent_is_passive);
    events(texts[0], Some("2022-01-20"));
}

#[test]
fn attacks_since_the_start_of_the_year_and_similar_ones_elsewhere_are_a_trend() {
    let texts = [
        "Depuis le début de l'année, plusieurs attaques ont visé des postes militaires au Niger, et le Burkina Faso a connu des attaques similaires.",
        "Since the start of the year, several attacks have targeted army posts in Niger, and Burkina Faso has seen similar attacks.",
        "شهدت النيجر منذ مطلع العام الجاري عدة هجمات على مواقع للجيش، كما عرفت بوركينا فاسو هجمات مماثلة.",
    ];
    for text in texts {
        let found = events(text, Some("2025-05-01"));
        assert!(found.iter().all(|e| e.background), "{text}: {found:?}");
    }
    cov_mark::check!(similar_incidents_with_no_day_are_a_kind);
    events("وعرفت بوركينا فاسو هجمات مماثلة.", Some("2025-05-01"));
    // A similar incident told with its day is one.
    let texts = [
        "ونفذت القوات الجوية غارة مماثلة على مواقع قرب تمبكتو يوم الأحد.",
        "Des hommes armés ont mené samedi une attaque similaire contre un village près de Ségou.",
        "Gunmen carried out a similar attack on a village near Ségou on Saturday.",
    ];
    for text in texts {
        one_event(text, Some("2025-05-01"));
    }
}

#[test]
fn unmanned_aircraft_and_an_unspecified_toll_negate_no_strike() {
    // "بدون طيار", "sans pilote", "without a pilot" name the aircraft; "دون أن يحدد" leaves a
    // detail out. Neither denies the strike.
    let texts = [
        "Des avions sans pilote ont bombardé mardi des positions près de Kidal, sans préciser le bilan.",
        "Aircraft without a pilot bombed positions near Kidal on Tuesday, without giving a toll.",
        "وأعلن الجيش، دون أن يحدد الحصيلة، أن طائرات بدون طيار قصفت مواقع قرب كيدال يوم الثلاثاء.",
    ];
    for text in texts {
        let e = one_event(text, Some("2024-08-28"));
        assert_eq!((e[0].sub_event, place(e[0].place)), (SubEvent::AirDroneStrike, Some("ml.kidal")), "{text}");
    }
}

#[test]
fn if_confirmed_doubts_the_report_not_the_deed() {
    let texts = [
        "Des frappes de drones ont tué dimanche 21 civils dans le nord du Mali, selon les rebelles. Si ce bilan se confirme, l'attaque contre Tinzaouatène serait la plus meurtrière depuis un an.",
        "Drone strikes killed 21 civilians in northern Mali on Sunday, the rebels said. If confirmed, the attack on Tinzaouaten would be the deadliest in a year.",
        "قتلت غارات بطائرات مسيرة 21 مدنيا شمال مالي يوم الأحد، بحسب المتمردين. وإذا تأكدت هذه المعلومات، فإن الهجوم على تين زاواتين سيكون الأعنف منذ عام.",
    ];
    for text in texts {
        cov_mark::check!(if_confirmed_doubts_the_report_not_the_deed);
        let e = one_event(text, Some("2024-08-26"));
        assert_eq!(place(e[0].place), Some("ml.tinzaouaten"), "{text}");
    }
}

#[test]
fn the_incident_word_between_a_kill_verb_and_its_count_parts_nothing() {
    let texts = [
        "قتلت غارات بطائرات مسيرة 21 مدنيا في كيدال يوم الأحد.",
        "Des frappes de drones ont tué 21 civils à Kidal dimanche.",
        "Drone strikes killed 21 civilians in Kidal on Sunday.",
    ];
    for text in texts {
        let e = one_event(text, Some("2024-08-26"));
        assert_eq!((e[0].fatalities, actor(e[0].actor2)), (Some(21), Some("civilians")), "{text}");
    }
}

#[test]
fn a_sentence_opened_by_another_part_of_the_country_tells_a_further_incident() {
    let texts = [
        "Des hommes armés ont tué lundi vingt volontaires dans la région du Sahel, au Burkina Faso. Un autre responsable a fait état de six morts dans la même zone. Dans le sud-est du pays, quinze civils ont péri lundi lors d'une attaque contre un convoi.",
        "Gunmen killed twenty volunteers on Monday in Burkina Faso's Sahel region. Another official reported six dead in the same area. In the south-east of the country, fifteen civilians died on Monday in an attack on a convoy.",
        "قتل مسلحون الاثنين عشرين متطوعا في منطقة الساحل ببوركينا فاسو. وذكر مسؤول آخر مقتل ستة أشخاص في نفس المنطقة. وفي جنوب شرق البلاد، لقي خمسة عشر مدنيا حتفهم الاثنين خلال هجوم على قافلة.",
    ];
    for text in texts {
        cov_mark::check!(a_sentence_opened_by_a_part_of_the_country_tells_a_further_incident);
        let found = events(text, Some("2022-05-17"));
        let got: Vec<_> = found.iter().map(|e| (place(e.place), e.fatalities)).collect();
        assert_eq!(got, [(Some("bf.sahel-region"), Some(20)), (Some("bf"), Some(15))], "{text}");
    }
}

#[test]
fn what_was_done_to_the_victims_told_is_part_of_their_incident() {
    let texts = [
        "Au moins quinze chauffeurs ont été tués jeudi lors d'une embuscade jihadiste contre un convoi près de Kayes. « Les combattants les ont arrêtés avant de les exécuter », a déclaré lundi une source sécuritaire.",
        "At least fifteen drivers were killed on Thursday in a jihadist ambush on a convoy near Kayes. \"The fighters stopped them and executed them\", a security source said on Monday.",
        "قتل خمسة عشر سائقا على الأقل يوم الخميس في كمين نصبه جهاديون لقافلة قرب كايس. وقال مصدر أمني يوم الاثنين إن المسلحين اعتقلوهم ثم أعدموهم.",
    ];
    for text in texts {
        cov_mark::check!(an_incident_done_to_people_told_is_the_one_told);
        let found = events(text, Some("2026-02-03"));
        let got: Vec<_> = found.iter().map(|e| (place(e.place), date(e), e.fatalities)).collect();
        assert_eq!(got, [(Some("ml.kayes"), Some("2026-01-29".to_string()), Some(15))], "{text}");
    }
}

#[test]
fn a_country_near_the_border_with_another_is_where_it_happened() {
    let texts = [
        "هاجم مسلحون موقعا لتعدين الذهب في منطقة نارينا جنوبي مالي قرب الحدود مع غينيا كوناكري.",
        "Gunmen attacked a gold mine in the Narena area of southern Mali near the border with Guinea-Conakry.",
        "Des hommes armés ont attaqué une mine d'or dans la zone de Narena, au sud du Mali près de la frontière avec la Guinée-Conakry.",
    ];
    for text in texts {
        let e = one_event(text, Some("2025-01-01"));
        assert_eq!(place(e[0].place), Some("ml"), "{text}");
    }
}

#[test]
fn people_counted_and_killed_by_unnamed_armed_men_are_civilians() {
    let texts = [
        "Dimanche, une vingtaine de personnes ont été tuées dans une attaque près de Djibo.",
        "Six people were killed by armed men overnight Saturday near Djibo.",
        "قتل نحو 60 شخصا على أيدي مسلحين قرب جيبو يوم الأحد.",
    ];
    for text in texts {
        cov_mark::check!(people_killed_by_an_armed_side_are_civilians);
        let e = one_event(text, Some("2021-01-01"));
        assert_eq!(
            (e[0].event_type(), actor(e[0].actor2)),
            (EventType::ViolenceAgainstCivilians, Some("civilians")),
            "{text}"
        );
    }
    // Two armed sides, or soldiers among the dead, make a battle.
    for text in [
        "Clashes between JNIM and the Islamic State killed twenty people near Ménaka.",
        "Sixty-four people, including 49 civilians and 15 soldiers, were killed in an attack on an army post near Gao.",
    ] {
        assert_eq!(one_event(text, Some("2021-01-01"))[0].event_type(), EventType::Battles, "{text}");
    }
}

#[test]
fn militants_eliminated_are_killed() {
    let texts = [
        "أعلنت القوات المسلحة النيجرية القضاء على 22 مسلحا في منطقة تيلابيري غرب البلاد.",
        "Les forces armées nigériennes ont annoncé avoir neutralisé 22 terroristes dans la région de Tillabéri.",
        "Niger's armed forces said they eliminated 22 militants in the Tillabéri region.",
    ];
    for text in texts {
        let e = one_event(text, Some("2024-05-01"));
        let got = (e[0].event_type(), actor(e[0].actor1), place(e[0].place), e[0].fatalities);
        assert_eq!(got, (EventType::Battles, Some("forces.ne"), Some("ne.tillaberi-region"), Some(22)), "{text}");
    }
}

#[test]
fn an_attack_on_a_mining_site_targets_civilians() {
    let texts = [
        "تعرض موقع لتعدين الذهب تديره شركة صينية لهجوم مسلح أمس قرب كايس.",
        "Des hommes armés ont attaqué lundi un site minier exploité par une société chinoise près de Kayes.",
        "Gunmen attacked a mine site run by a Chinese company near Kayes on Monday.",
    ];
    for text in texts {
        let e = one_event(text, Some("2025-01-01"));
        assert_eq!(
            (e[0].event_type(), actor(e[0].actor2)),
            (EventType::ViolenceAgainstCivilians, Some("civilians")),
            "{text}"
        );
    }
    // A mine that explodes is a bomb.
    let e = one_event(
        "A mine exploded under an army vehicle near Kayes on Monday, killing two soldiers.",
        Some("2025-01-01"),
    );
    assert_eq!(e[0].sub_event, SubEvent::RemoteExplosive);
}

#[test]
fn a_camp_taken_is_territory_with_the_subject_between_the_verb_and_its_object() {
    let texts = [
        "Le JNIM s'est emparé vendredi du camp militaire de Niafunké.",
        "JNIM fighters took control of the army camp in Niafunké on Friday.",
        "سيطرت جماعة نصرة الإسلام والمسلمين الجمعة على معسكر للجيش في نيافونكي.",
    ];
    for text in texts {
        let e = one_event(text, Some("2025-01-01"));
        let got = (e[0].sub_event, actor(e[0].actor1), place(e[0].place));
        assert_eq!(got, (SubEvent::NonStateOvertakesTerritory, Some("jnim"), Some("ml.niafunke")), "{text}");
    }
    // Control of the situation, weapons and ammunition seized: no territory.
    for text in [
        "سيطرت السلطات على الوضع في نيافونكي.",
        "أعلن الجيش الاستيلاء على أسلحة وذخائر قرب نيافونكي.",
        "L'armée a annoncé s'être emparée d'armes et de munitions près de Niafunké.",
    ] {
        assert!(events(text, Some("2025-01-01")).is_empty(), "{text}");
    }
}

#[test]
fn opening_fire_with_the_subject_between_is_an_attack() {
    let texts = [
        "أطلق مسلحون النار على حافلة قرب موبتي يوم الأحد.",
        "Des hommes armés ont ouvert le feu dimanche sur un bus près de Mopti.",
        "Gunmen opened fire on a bus near Mopti on Sunday.",
    ];
    for text in texts {
        let e = one_event(text, Some("2025-01-01"));
        assert_eq!((e[0].sub_event, place(e[0].place)), (SubEvent::Attack, Some("ml.mopti")), "{text}");
    }
    assert!(events("دعت الأطراف إلى وقف إطلاق النار على الفور في موبتي.", Some("2025-01-01")).is_empty());
}

#[test]
fn setting_fire_with_the_subject_between_burns_property() {
    let texts = [
        "أضرم مسلحون النار في منازل بقرية قرب موبتي يوم الأحد.",
        "Des hommes armés ont mis le feu dimanche à des maisons d'un village près de Mopti.",
        "Gunmen set fire to houses in a village near Mopti on Sunday.",
    ];
    for text in texts {
        let e = one_event(text, Some("2025-01-01"));
        assert_eq!((e[0].sub_event, place(e[0].place)), (SubEvent::Looting, Some("ml.mopti")), "{text}");
    }
}

#[test]
fn a_negation_in_a_relative_clause_before_the_incident_word_negates_its_own_verb() {
    let texts = [
        "Des individus armés dont l'identité n'est pas encore connue ont attaqué samedi le village d'Alga près de Bourzanga.",
        "Gunmen whose identity is not yet known attacked the village of Alga near Bourzanga on Saturday.",
    ];
    for text in texts {
        cov_mark::check!(a_negation_in_a_relative_clause_negates_its_own_verb);
        let e = one_event(text, Some("2022-06-13"));
        assert_eq!(place(e[0].place), Some("bf.alga"), "{text}");
    }
    // (Arabic puts the relative clause after the trigger here: nothing to set aside.)
    one_event("هاجم مسلحون لم تعرف هويتهم بعد قرية قرب بورزانغا يوم السبت.", Some("2022-06-13"));
    // What the relative clause or the main verb denies stays denied.
    for text in
        ["Les jihadistes qui n'ont pas attaqué le camp se sont retirés.", "L'armée n'a pas attaqué le camp de Boni."]
    {
        assert!(events(text, Some("2022-06-13")).is_empty(), "{text}");
    }
}

#[test]
fn an_incident_compared_with_another_keeps_its_own_day_and_toll() {
    let texts = [
        "The attack, like the one in March, killed ten soldiers near Ségou on Monday.",
        "L'attaque, comme celle de mars, a tué dix soldats près de Ségou lundi.",
        "وأسفر الهجوم، على غرار هجوم مارس، عن مقتل عشرة جنود قرب سيغو يوم الاثنين.",
    ];
    for text in texts {
        let e = one_event(text, Some("2025-05-01"));
        assert_eq!((date(&e[0]), e[0].fatalities), (Some("2025-04-28".to_string()), Some(10)), "{text}");
    }
    // (The French and Arabic months alone read no date here; the English one does.)
    cov_mark::check!(the_day_of_an_incident_compared_with_is_not_its_own);
    events(texts[0], Some("2025-05-01"));
}

#[test]
fn one_toll_told_by_a_generic_word_and_a_specific_one_is_one_incident() {
    cov_mark::check!(a_generic_word_and_a_specific_one_with_one_toll_tell_one_incident);
    let texts = [
        "Trois soldats ont été tués dans une attaque dans le centre du pays, a annoncé l'armée malienne.\n\n\
         Selon l'état-major, une patrouille a heurté une mine dimanche, faisant 3 morts et deux blessés. \
         Les assaillants ont affirmé avoir détruit un véhicule de l'armée près de Bandiagara.",
        "Three soldiers were killed in an attack in central Mali, the army said.\n\n\
         According to the army, a patrol hit a landmine on Sunday, leaving 3 dead and two wounded. \
         The attackers claimed to have destroyed an army vehicle near Bandiagara.",
        "قتل ثلاثة جنود في هجوم وسط مالي، بحسب الجيش.\n\n\
         وقال الجيش إن دورية اصطدمت بلغم الأحد ما أدى إلى مقتل 3 وإصابة اثنين. وقال المهاجمون إنهم دمروا مركبة للجيش قرب باندياغارا.",
    ];
    for text in texts {
        let found = one_event(text, Some("2025-06-10"));
        let e = &found[0];
        assert_eq!((e.sub_event, e.fatalities), (SubEvent::RemoteExplosive, Some(3)), "{text}");
        assert_eq!(date(e).as_deref(), Some("2025-06-08"), "{text}");
    }
}

#[test]
fn the_same_count_of_soldiers_and_of_villagers_and_what_an_operation_answers_are_other_incidents() {
    let texts = [
        "L'armée nigérienne a annoncé mercredi avoir tué plus de cent terroristes lors d'une opération près de la frontière avec le Burkina Faso.\n\
         Cette opération répond à la mort de 19 soldats tués par des terroristes dans le nord-ouest du pays à la fin du mois dernier.\n\
         Dimanche dernier, 19 villageois ont été tués dans une attaque contre des fidèles dans une mosquée d'un village de la région de Tillabéri.",
        "Niger's army said on Wednesday it had killed more than a hundred terrorists in an operation near the border with Burkina Faso.\n\
         It came in response to the killing of 19 soldiers by terrorists in the country's northwest late last month.\n\
         Last Sunday, 19 villagers were killed in an attack on worshippers at a mosque in a village in the Tillabéri region.",
        "أعلن جيش النيجر، الأربعاء، مقتل أكثر من مئة إرهابي في عملية عسكرية قرب الحدود مع بوركينا فاسو.\n\
         وجاء ذلك ردا على مقتل 19 جنديا على أيدي إرهابيين شمال غرب البلاد نهاية الشهر الماضي.\n\
         والأحد الماضي، قتل 19 قرويا في هجوم شنه مسلحون على مصلين في مسجد بقرية في منطقة تيلابيري.",
    ];
    for text in texts {
        // Undated (no publication date): the victims tell the two apart, not the days.
        let found = events(text, None);
        let villagers = found.iter().find(|e| e.sub_event.event_type() == EventType::ViolenceAgainstCivilians);
        let villagers = villagers.map(|e| (place(e.place), e.fatalities));
        assert_eq!(villagers, Some((Some("ne.tillaberi-region"), Some(19))), "{text}: {found:?}");
        // "In response to" the soldiers' killing: an earlier incident, not the operation's toll.
        let tolls: Vec<_> = found.iter().map(|e| e.fatalities).collect();
        assert_eq!(tolls, [Some(100), Some(19), Some(19)], "{text}: {found:?}");
    }
}

#[test]
fn a_village_measured_from_a_far_town_places_the_incident_by_its_name() {
    cov_mark::check!(a_capital_measured_from_is_no_place_by_anaphor);
    // Bamako, 180 km away, is a landmark, not the place; the village the second sentence names
    // says more than the country of the first.
    for text in [
        "Au Mali, un convoi de l'armée a été victime d'une attaque mardi. \
         L'attaque, a indiqué l'armée, a eu lieu mardi en Tinkara à environ 180 km de Bamako, capitale du pays.",
        "In Mali, an army convoy came under attack on Tuesday. \
         The attack, the army said, took place on Tuesday in Tinkara about 180 km from Bamako, the capital.",
    ] {
        let found = one_event(text, Some("2025-06-10"));
        let village =
            found[0].unknown_place.map(|s| text.chars().skip(s.start as usize).take((s.end - s.start) as usize));
        assert_eq!(village.map(String::from_iter).as_deref(), Some("Tinkara"), "{text}: {found:?}");
    }
}

#[test]
fn attacks_told_as_relentless_are_a_campaign_not_an_incident() {
    cov_mark::check!(a_habit_after_a_verb_first_subject_is_its_verb_s);
    let campaign = [
        "Les combattants du JNIM attaquent sans relâche les convois de carburant en route vers Bamako.",
        "JNIM militants have relentlessly attacked fuel convoys heading to Bamako.",
        "يهاجم مقاتلو جماعة نصرة الإسلام والمسلمين بلا هوادة قوافل الوقود المتجهة إلى باماكو.",
    ];
    for text in campaign {
        assert!(events(text, Some("2025-10-10")).is_empty(), "{text}");
    }
    // One attack, told with its day, stands.
    one_event("هاجم مقاتلو جماعة نصرة الإسلام والمسلمين أمس قافلة وقود متجهة إلى باماكو.", Some("2025-10-10"));
}

#[test]
fn a_deed_told_of_three_countries_at_once_is_an_overview() {
    cov_mark::check!(three_countries_at_once_are_an_overview);
    let overviews = [
        "La France a déployé 4 000 soldats au Mali, au Burkina Faso, au Niger et au Tchad.",
        "France has deployed 4,000 troops in Mali, Burkina Faso, Niger and Chad.",
        "نشرت فرنسا أربعة آلاف جندي في مالي وبوركينا فاسو والنيجر وتشاد.",
    ];
    tells_none(&overviews, "2025-06-10");
    // Two countries are a border incident, still told.
    let text =
        "Des hommes armés ont attaqué lundi un poste à la frontière entre le Mali et le Niger, tuant deux gendarmes.";
    assert!(!events(text, Some("2025-06-10")).is_empty(), "{text}");
}

#[test]
fn a_state_condemning_a_massacre_is_not_where_it_happened() {
    cov_mark::check!(a_state_reacting_to_the_deed_is_no_place);
    let texts = [
        "Des soldats ont exécuté quelque 30 civils près de Mopti la semaine dernière. \
         Ces exécutions ont suscité la condamnation des États-Unis et de la France.",
        "Soldiers executed some 30 civilians near Mopti last week. \
         The reported executions sparked condemnation from the United States, the European Union and France.",
        "أعدم جنود نحو 30 مدنيا قرب موبتي الأسبوع الماضي. وأثارت عمليات الإعدام إدانة من الولايات المتحدة وفرنسا.",
    ];
    each_one(&texts, "2022-04-06", |e| place(e.place), Some("ml.mopti"));
}

#[test]
fn arabic_soldiers_named_with_their_army_before_the_dead_are_the_killers() {
    cov_mark::check!(a_word_opening_a_name_reads_to_its_end);
    cov_mark::check!(the_doer_s_soldiers_are_no_military_target);
    // The verb's vowels are unwritten: what follows the subject ("about 30 civilians", "30
    // civilians") says it is active, and the soldiers who did it are nobody's target.
    let texts = [
        "أعدم جنود ماليون نحو 30 مدنيا قرب موبتي الأسبوع الماضي.",
        "قتل جنود ماليون 30 مدنيا قرب موبتي الأسبوع الماضي.",
        "أعدم الجيش المالي حوالي 30 مدنيا قرب موبتي الأسبوع الماضي.",
    ];
    let roles = |e: &Event| (e.sub_event, actor(e.actor1), actor(e.actor2));
    each_one(&texts, "2022-04-06", roles, (SubEvent::Attack, Some("fama"), Some("civilians")));
}

#[test]
fn one_named_victim_and_a_count_joined_to_it_add_up() {
    cov_mark::check!(a_count_joined_to_one_named_victim_adds_to_it);
    let texts = [
        "قتل 15 جنديا في هجوم على موقع للجيش قرب سيغو أمس. وقال مسؤول إن الجنود الذين قتلوا هم دركي و14 عنصرا من الحرس الوطني.",
        "Quinze soldats ont été tués hier dans une attaque contre un poste près de Ségou. Les militaires tués sont un gendarme et 14 gardes nationaux, selon un responsable.",
        "Fifteen soldiers were killed yesterday in an attack on a post near Ségou. Those killed were a gendarme and 14 national guards, an official said.",
    ];
    each_one(&texts, "2024-08-17", |e| e.fatalities, Some(15));
}

#[test]
fn the_day_after_an_incident_recalls_it_as_another() {
    cov_mark::check!(a_recalled_incident_with_another_toll_is_another);
    // The first incident is placed only in the country: without the recall, the one told
    // inside it would be taken for it.
    let texts = [
        "قتل أربعة جنود في مالي أمس في هجوم انتحاري على قاعدتهم في شمال شرقي البلاد، غداة هجوم أسفر عن مقتل 14 جنديا قرب تمبكتو.",
        "Quatre soldats ont été tués hier au Mali dans un attentat-suicide contre leur base dans le nord-est du pays, au lendemain d'une attaque qui a tué 14 soldats près de Tombouctou.",
        "Four soldiers were killed in Mali yesterday in a suicide attack on their base in the northeast of the country, a day after an attack that killed 14 soldiers near Timbuktu.",
    ];
    for text in texts {
        let found = events(text, Some("2025-06-10"));
        let got: Vec<_> = found.iter().map(|e| e.fatalities).collect();
        assert!(got.contains(&Some(4)) && got.contains(&Some(14)), "{text}: {found:?}");
    }
}

#[test]
fn a_word_read_inside_a_town_s_name_tells_no_trend() {
    cov_mark::check!(a_trend_word_inside_a_name_tells_no_trend);
    // كاي (Kayes) read with its first letter as "like" is أي, "any", a word of trends.
    let found = events("أعلنت الجماعة فرض حصار على مدينتي كاي ونيورو.", Some("2025-09-08"));
    let places: Vec<_> = found.iter().map(|e| place(e.place)).collect();
    assert_eq!(places, [Some("ml.kayes"), Some("ml.nioro-du-sahel")], "{found:?}");
}

#[test]
fn the_one_incident_a_page_opens_with_is_told_though_the_page_gives_no_day() {
    cov_mark::check!(the_one_incident_a_page_opens_with_is_told_however_vaguely);
    let texts = [
        "اختطف مسلحون مجهولون رجل أعمال مالياً وسيارته.\n\nوذكرت مصادر أن ستة مسلحين قاموا بعملية الاختطاف.",
        "Des hommes armés non identifiés ont enlevé un homme d'affaires malien et sa voiture.\n\nSix hommes armés ont mené l'enlèvement, selon des sources.",
        "Unidentified gunmen kidnapped a Malian businessman and his car.\n\nSix gunmen carried out the kidnapping, sources said.",
    ];
    for text in texts {
        let found = one_event(text, None);
        assert_eq!(found[0].sub_event, SubEvent::Abduction, "{text}: {found:?}");
    }
}

#[test]
fn an_incident_ranked_third_in_a_series_is_the_one_told() {
    cov_mark::check!(an_ordinal_after_a_copula_ranks_the_incident_told);
    let texts = [
        "Un drone a frappé mardi un rassemblement de civils à Kidal, tuant huit personnes. \
         Cette frappe est la troisième frappe aérienne sur Kidal depuis le départ de la MINUSMA.",
        "A drone struck a gathering of civilians in Kidal on Tuesday, killing eight people. \
         This strike is the third air strike on Kidal since MINUSMA left.",
        "قصفت طائرة مسيرة تجمعا للمدنيين في كيدال الثلاثاء ما أسفر عن مقتل ثمانية أشخاص. ويعد هذا القصف الضربة الجوية الثالثة على كيدال منذ رحيل مينوسما.",
    ];
    each_one(&texts, "2025-06-11", |e| e.fatalities, Some(8));
}

#[test]
fn the_deadliest_since_another_keeps_its_own_toll() {
    let texts = [
        "Au moins 50 civils ont été tués mercredi près de Djibo. Cette attaque est la plus sanglante depuis celle qui avait fait 132 morts à Solhan.",
        "At least 50 civilians were killed near Djibo on Wednesday. The attack is the deadliest since the one that killed 132 people in Solhan.",
        "قتل 50 مدنيا على الأقل قرب جيبو الأربعاء. ويعد الهجوم الأعنف منذ الهجوم الذي أودى بحياة 132 شخصا في سولهان.",
    ];
    for text in texts {
        let found = events(text, Some("2025-06-13"));
        let djibo = found.iter().find(|e| place(e.place) == Some("bf.djibo")).map(|e| e.fatalities);
        assert_eq!(djibo, Some(Some(50)), "{text}: {found:?}");
    }
}

#[test]
fn an_arabic_present_of_undergoing_with_no_day_tells_a_state() {
    cov_mark::check!(an_arabic_present_of_undergoing_tells_a_state);
    let text = "يقول أحد سكان باماكو إن المحطات القليلة المفتوحة تتعرض للهجوم.";
    assert!(events(text, Some("2025-10-10")).is_empty(), "{text}");
    // Undergone in the past, or on a day: an incident.
    one_event("تعرضت محطة وقود في باماكو لهجوم مسلح أمس.", Some("2025-10-10"));
    one_event("تتعرض محطة وقود في باماكو لهجوم مسلح الآن، بحسب شهود، منذ صباح اليوم.", Some("2025-10-10"));
}

#[test]
fn victims_named_one_by_one_are_counted_one_by_one() {
    cov_mark::check!(victims_named_one_by_one_add_up);
    let texts = [
        "اعترض مسلحون سيارة مدنية قرب نارا أمس وقتلوا سائقها مع طفل كان يرافقه.",
        "Des hommes armés ont intercepté hier une voiture civile près de Nara et ont tué un chauffeur ainsi qu'un enfant.",
        "Gunmen stopped a civilian car near Nara yesterday and killed a driver and a child.",
    ];
    each_one(&texts, "2023-03-06", |e| e.fatalities, Some(2));
}

#[test]
fn a_place_named_after_the_landmark_of_a_distance_is_the_place() {
    cov_mark::check!(a_place_past_the_comma_of_a_distance_is_no_landmark);
    let texts = [
        "Jeudi, sept soldats ont été tués dans une attaque à environ 190 km de la capitale Niamey, à Kandadji.",
        "On Thursday seven soldiers were killed in an attack about 190 km from the capital Niamey, in Kandadji.",
        "قتل سبعة جنود الخميس في هجوم على بعد نحو 190 كلم من العاصمة نيامي، في كندادجي.",
    ];
    each_one(&texts, "2023-09-30", |e| place(e.place), Some("ne.kandadji"));
}

#[test]
fn many_of_the_attacks_are_a_kind_not_the_one_told() {
    cov_mark::check!(many_incidents_with_no_figure_are_a_kind);
    let texts = [
        "Six civils ont été tués par des hommes armés samedi soir à Bourzanga. La plupart des attaques ont été attribuées à des groupes affiliés à Al-Qaïda.",
        "Six people were killed by armed men overnight Saturday at Bourzanga. Many of the attacks have been attributed to groups affiliated to Al-Qaeda.",
        "قتل مسلحون ستة مدنيين ليل السبت في بورزانغا. ونسبت معظم الهجمات إلى جماعات مرتبطة بتنظيم القاعدة.",
    ];
    let read = |e: &Event| (e.sub_event, actor(e.actor1));
    each_one(&texts, "2022-06-13", read, (SubEvent::Attack, None));
}

#[test]
fn a_deed_told_in_a_region_on_its_day_is_the_one_told_at_a_town_inside() {
    cov_mark::check!(a_mention_placed_in_a_region_on_its_day_joins_one_told_inside_it);
    cov_mark::check!(a_generic_word_typed_by_its_weapon_leads_as_a_specific_one);
    let texts = [
        "Un convoi de l'armée a été visé mercredi 18 février dans la région de Kidal. Les rebelles disent avoir mené une attaque par drone le 18 février entre Anéfis et Aguelhoc.",
        "An army convoy was targeted on Wednesday 18 February in the Kidal region. The rebels say they carried out a drone attack on 18 February between Anefis and Aguelhok.",
        "استهدفت قافلة للجيش الأربعاء 18 فبراير في منطقة كيدال. وقال المتمردون إنهم نفذوا هجوما بطائرة مسيرة يوم 18 فبراير بين أنفيس وأغيلهوك.",
    ];
    for text in texts {
        let found = events(text, Some("2026-02-19"));
        let types: Vec<_> = found.iter().map(|e| e.event_type()).collect();
        assert_eq!(types, [EventType::Explosions], "{text}: {found:?}");
    }
}

#[test]
fn a_series_of_attacks_is_a_campaign() {
    let texts = [
        "Le JNIM a mené une série d'attaques contre des camions-citernes près de Kayes.",
        "JNIM carried out a series of attacks on fuel tankers near Kayes.",
        "شنت جماعة نصرة الإسلام والمسلمين سلسلة من الهجمات على صهاريج الوقود قرب كايس.",
    ];
    tells_none(&texts, "2026-01-30");
}

#[test]
fn the_attack_of_the_day_told_points_back() {
    cov_mark::check!(the_attack_of_a_day_told_points_back);
    let text = "Gunmen attacked an army convoy near Kayes on Thursday, killing three soldiers. \
                A customs official in Kayes also confirmed the Thursday attack, reporting dozens of tankers destroyed.";
    let found = one_event(text, Some("2026-01-30"));
    assert_eq!(found[0].fatalities, Some(3), "{found:?}");
}

#[test]
fn a_deed_in_case_of_which_one_acts_has_not_happened() {
    // (Scraped French writes its apostrophe as a grave accent: "d`agression".)
    let texts = [
        "Les États-Unis promettent de réagir en cas d`agression contre le Niger.",
        "Les États-Unis promettent de réagir en cas d'agression contre le Niger.",
        "The United States vowed to respond in case of an attack on Niger.",
        "وتعهدت واشنطن بالرد في حال وقوع هجوم على النيجر.",
    ];
    tells_none(&texts, "2025-06-10");
}

#[test]
fn the_first_attack_of_its_kind_is_a_kind_of_incident() {
    // The sentence ranks the incident told among its kind; it tells no new one.
    let texts = [
        "C'est la première attaque de ce genre contre cet oléoduc au Niger.",
        "It is the first attack of its kind on the pipeline in Niger.",
        "وهذا أول هجوم من نوعه على خط الأنابيب في النيجر.",
    ];
    tells_none(&texts, "2024-06-13");
}

#[test]
fn a_deployment_of_no_force_is_no_development() {
    cov_mark::check!(a_deployment_of_no_force_is_none);
    let texts = [
        "La semaine dernière, cinq véhicules ont été dépêchés depuis la mine de Boungou pour aider un convoi.",
        "Last week, five vehicles were dispatched from the Boungou mine to help a convoy.",
        "وفي الأسبوع الماضي، أرسلت خمس مركبات من منجم بونغو لمساعدة قافلة.",
    ];
    tells_none(&texts, "2022-08-27");
    // Soldiers sent there are one.
    one_event("Last week, 200 soldiers were dispatched to Boungou in eastern Burkina Faso.", Some("2022-08-27"));
}

#[test]
fn a_mention_placed_by_the_story_goes_with_the_incident_of_its_day() {
    cov_mark::check!(a_mention_placed_by_the_story_goes_with_its_day);
    // Sunday's attack near Kayes, Saturday's near Kolokani, then "on Sunday, soldiers were
    // killed": told last at Kolokani, the deaths are Sunday's incident's, not a third one.
    let texts = [
        "Dimanche, des jihadistes ont attaqué un convoi de citernes près de Kayes. La veille, samedi, un autre convoi avait été attaqué près de Kolokani.\n\nDimanche, des militaires ont été tués.",
        "On Sunday, jihadists attacked a tanker convoy near Kayes. The day before, on Saturday, another convoy had been attacked near Kolokani.\n\nOn Sunday, soldiers were killed.",
    ];
    for text in texts {
        let found = events(text, Some("2025-09-15"));
        let mut days: Vec<_> = found.iter().filter_map(date).collect();
        days.sort();
        assert_eq!(days, ["2025-09-13", "2025-09-14"], "{text}: {found:?}");
    }
}

#[test]
fn a_meeting_is_no_protest() {
    // "meeting" is a French word for a rally too; in an English or French story of a meeting
    // between armed groups it tells no protest.
    let texts = [
        "The army said on Saturday it had killed 200 militants near Moura after it received information about a meeting between armed groups.",
        "L'armée a affirmé samedi avoir tué 200 jihadistes près de Moura après avoir appris la tenue d'un meeting entre groupes armés.",
    ];
    each_one(&texts, "2022-04-05", |e| e.event_type(), EventType::Battles);
}

#[test]
fn a_trigger_word_inside_a_unit_s_name_tells_nothing() {
    cov_mark::check!(a_capitalised_trigger_inside_a_name_is_no_trigger);
    tells_none(
        &[
            "Malian soldiers of the 614th Artillery Battery attend a training session near Sévaré.",
            "Des soldats du Groupement Attaque Rapide suivent une formation près de Sévaré.",
        ],
        "2022-04-05",
    );
    // The word itself, in lower case, still tells the shelling.
    one_event("Artillery shelled the camp near Sévaré on Monday, killing two soldiers.", Some("2022-04-05"));
}

#[test]
fn incidents_owned_by_their_doer_are_a_kind() {
    cov_mark::check!(incidents_owned_by_their_doer_are_a_kind);
    // "Its attacks", "their operations": what a group does, not one incident.
    tells_none(
        &[
            "كثفت جماعة نصرة الإسلام والمسلمين، الذراع التابعة لتنظيم القاعدة، هجماتها في غرب مالي.",
            "وواصل الجيش عملياتهم في وسط مالي.",
        ],
        "2025-09-20",
    );
    // With a day of its own, a plural tells the day's attacks.
    assert!(!events("وشنت الجماعة هجماتها أمس على مواقع الجيش قرب كايس.", Some("2025-09-20")).is_empty());
}

#[test]
fn nationals_killed_are_the_civilians_the_deed_was_done_to() {
    cov_mark::check!(nationals_named_after_the_deed_are_its_civilians);
    cov_mark::check!(a_name_right_before_an_arabic_verb_is_its_subject);
    // The army named later in the headline is no target of the killing.
    let texts = [
        "فاغنر تقتل موريتانيين على الحدود الشرقية والجيش الموريتاني يواصل مناوراته.",
        "Wagner tue des Mauritaniens à la frontière est, l'armée mauritanienne poursuit ses manoeuvres.",
        "Wagner kills Mauritanians on the eastern border as the Mauritanian army continues its manoeuvres.",
    ];
    let read = |e: &Event| (e.sub_event, actor(e.actor1), actor(e.actor2));
    each_one(&texts, "2023-03-06", read, (SubEvent::Attack, Some("wagner"), Some("civilians")));
}

#[test]
fn a_withdrawal_after_the_fight_its_sentence_tells_is_the_fight_s_end() {
    cov_mark::check!(a_withdrawal_in_the_sentence_of_a_fight_is_its_end);
    let texts = [
        "هاجم مسلحون موقعا للجيش قرب ليري الخميس، ثم انسحبوا بعد ساعة من المعارك.",
        "Des jihadistes ont attaqué un poste de l'armée près de Léré jeudi, puis se sont retirés après une heure de combats.",
        "Militants attacked an army post near Léré on Thursday and retreated after an hour of fighting.",
    ];
    each_one(&texts, "2025-06-16", |e| e.event_type(), EventType::Battles);
}

#[test]
fn a_blockade_is_placed_at_its_object_and_at_the_country_when_that_is_no_place() {
    cov_mark::check!(a_blockade_of_no_place_is_the_country_s);
    // On imports or fuel: the country's, not the town where shortages are felt.
    let texts = [
        "Le JNIM impose depuis septembre un blocus sur les importations de carburant, et la pénurie s'aggrave à Bamako.",
        "تفرض جماعة نصرة الإسلام والمسلمين منذ سبتمبر حصارا على واردات الوقود، وتتفاقم الأزمة في باماكو.",
        "JNIM has imposed a blockade on fuel imports since September, worsening shortages in Bamako.",
    ];
    each_one(&texts, "2025-10-20", |e| place(e.place), Some("ml"));
    // On a town, its doer named between or not.
    let texts = [
        "Le blocus imposé par le JNIM à Kayes entre dans son troisième mois.",
        "يدخل حصار جماعة نصرة الإسلام والمسلمين لمدينة كاي شهره الثالث.",
        "JNIM's blockade of Kayes enters its third month.",
    ];
    each_one(&texts, "2025-10-20", |e| place(e.place), Some("ml.kayes"));
    // A ban on traffic is no blockade of goods: where it applies.
    let texts = [
        "Les autorités ont interdit lundi la circulation des motos dans la région de Ségou, un embargo qui vise les jihadistes.",
        "فرضت السلطات الاثنين حظرا على حركة الدراجات النارية في منطقة سيغو.",
        "The authorities imposed an embargo on motorcycle traffic in the Ségou region on Monday.",
    ];
    each_one(&texts, "2025-09-24", |e| place(e.place), Some("ml.segou-region"));
    // On several towns unnamed: the country's.
    let texts = [
        "By imposing a total blockade on several Malian cities since September, JNIM was able to cripple the economy of Bamako.",
        "Depuis septembre, le JNIM impose un blocus à plusieurs villes maliennes et perturbe l'approvisionnement de Bamako.",
        "تفرض الجماعة منذ سبتمبر حصارا على عدة مدن مالية وتخنق اقتصاد باماكو.",
    ];
    each_one(&texts, "2025-10-20", |e| place(e.place), Some("ml"));
}

#[test]
fn a_trend_told_after_a_pair_of_incident_words_governs_both() {
    cov_mark::check!(what_follows_a_pair_of_incident_words_follows_both);
    let texts = [
        "Les attaques et enlèvements se multiplient dans la région de Tillabéri.",
        "Attacks and kidnappings are increasing in the Tillabéri region.",
        "Attacks and abductions have multiplied in the Tillabéri region.",
    ];
    tells_none(&texts, "2025-06-10");
}

#[test]
fn soldiers_among_the_people_a_toll_counts_are_part_of_the_civilian_dead() {
    cov_mark::check!(a_force_among_the_people_counted_is_part_of_the_dead);
    cov_mark::check!(soldiers_among_the_people_counted_were_not_attacked_as_such);
    let texts = [
        "Des jihadistes ont tué dimanche onze personnes, dont trois supplétifs de l'armée, dans l'attaque d'un village près de Dori.",
        "Suspected jihadists killed 11 people, including three army auxiliaries, in an attack on a village near Dori on Sunday.",
        "قتل مسلحون الأحد 11 شخصا بينهم ثلاثة جنود في هجوم على قرية قرب دوري.",
    ];
    each_one(&texts, "2025-06-10", |e| e.event_type(), EventType::ViolenceAgainstCivilians);
    // Soldiers counted as such are the side attacked.
    let texts = [
        "Des jihadistes ont tué dimanche onze soldats, dont trois officiers, dans l'attaque d'un poste près de Dori.",
        "Suspected jihadists killed 11 soldiers, including three officers, in an attack on a post near Dori on Sunday.",
    ];
    each_one(&texts, "2025-06-10", |e| e.event_type(), EventType::Battles);
}

#[test]
fn a_country_the_story_s_is_compared_with_is_no_place() {
    cov_mark::check!(a_country_compared_with_is_no_place);
    let texts = [
        "ودخلت بوركينا فاسو، على غرار مالي والنيجر، في دوامة عنف أوقعت آلاف القتلى.",
        "Le Burkina Faso, à l'instar du Mali et du Niger, est entré dans une spirale de violences qui a fait des milliers de morts.",
    ];
    for text in texts {
        let found = events(text, Some("2025-06-10"));
        assert!(found.iter().all(|e| place(e.place) == Some("bf")), "{text}: {found:?}");
    }
}

#[test]
fn the_dead_of_a_strike_told_by_both_sides_are_one_toll() {
    cov_mark::check!(a_strike_s_dead_are_one_toll_whoever_tells_them);
    let texts = [
        "Une frappe de drone de l'armée a neutralisé lundi douze terroristes près de Kidal, selon l'armée. Les rebelles affirment que la frappe a tué douze civils.",
        "An army drone strike killed twelve terrorists near Kidal on Monday, the army said. The rebels said the strike killed twelve civilians.",
    ];
    each_one(&texts, "2025-06-10", |e| e.fatalities, Some(12));
    // Drones sent after a ground attack: the attackers they killed add to its dead.
    let texts = [
        "Militants attacked the army camp in Tessit on Sunday, killing 17 soldiers. The army said it killed seven of the attackers with drone strikes.",
        "Des jihadistes ont attaqué dimanche le camp de l'armée à Tessit, tuant 17 soldats. L'armée a affirmé avoir tué sept des assaillants par des frappes de drone.",
    ];
    each_one(&texts, "2025-06-12", |e| e.fatalities, Some(24));
}

#[test]
fn what_came_on_the_eve_of_an_incident_is_another_one() {
    cov_mark::check!(what_comes_after_an_incident_is_not_its_own);
    let texts = [
        "Seize soldats ont été tués samedi dans une embuscade près de Tillia. L'embuscade survient à la veille de l'annonce par l'armée de la neutralisation de 24 terroristes dans l'ouest du pays.",
        "Sixteen soldiers were killed on Saturday in an ambush near Tillia. The ambush came on the eve of the army's announcement that it had killed 24 terrorists in the west of the country.",
        "قتل 16 جنديا السبت في كمين قرب تيليا. ويأتي ذلك عشية إعلان الجيش القضاء على 24 إرهابيا في غرب البلاد.",
    ];
    each_one(&texts, "2025-06-10", |e| e.fatalities, Some(16));
}

#[test]
fn an_earlier_toll_gives_way_to_a_later_one() {
    cov_mark::check!(an_earlier_toll_gives_way_to_a_later_one);
    let texts = [
        "Trente-sept personnes ont été tuées mercredi dans un attentat-suicide contre un camp à Gao. Plus tôt mercredi, Reuters avait fait état de plus de 20 morts dans l'explosion, citant des témoins.",
        "Thirty-seven people were killed on Wednesday in a suicide attack on a camp in Gao. Earlier on Wednesday, Reuters said more than 20 people were killed in the blast, citing witnesses.",
        "قتل 37 شخصا الأربعاء في هجوم انتحاري على معسكر في غاو. وفي وقت سابق من الأربعاء نقلت رويترز عن شهود أن أكثر من 20 شخصا قتلوا في الانفجار.",
    ];
    each_one(&texts, "2025-06-12", |e| e.fatalities, Some(37));
}

#[test]
fn a_place_a_unit_is_named_after_is_no_place_of_its_deed() {
    cov_mark::check!(a_place_a_unit_is_named_after_is_not_here);
    let texts = [
        "هاجمت قوة من جماعة النصرة بقيادة مجموعة ماسينا الثلاثاء موقعا قرب كايس.",
        "Les combattants de la katiba Macina ont attaqué mardi un poste près de Kayes.",
        "Fighters of katiba Macina attacked a post near Kayes on Tuesday.",
    ];
    each_one(&texts, "2025-07-02", |e| place(e.place), Some("ml.kayes"));
}

#[test]
fn a_weapon_used_to_carry_out_the_attack_told_is_its_means() {
    cov_mark::check!(a_weapon_used_to_carry_out_the_attack_is_its_means);
    let texts = [
        "Des jihadistes ont attaqué mardi le camp militaire de Nara. Ils ont utilisé deux véhicules piégés pour mener l'attaque.",
        "Militants attacked the army camp in Nara on Tuesday. They used two car bombs to carry out the attack.",
        "هاجم مسلحون الثلاثاء معسكر الجيش في نارا. واستخدموا سيارتين مفخختين لتنفيذ الهجوم.",
    ];
    each_one(&texts, "2025-06-12", |e| place(e.place), Some("ml.nara"));
}

#[test]
fn an_air_attack_is_an_air_strike_whoever_it_kills() {
    let texts = [
        "Huit civils ont été tués lundi dans une attaque aérienne sur un marché près de Kidal.",
        "Eight civilians were killed on Monday in air attacks on a market near Kidal.",
        "قتل ثمانية مدنيين الاثنين في هجوم جوي على سوق قرب كيدال.",
    ];
    each_one(&texts, "2025-06-12", |e| e.sub_event, SubEvent::AirDroneStrike);
}

#[test]
fn an_incident_counted_in_times_is_several_not_one() {
    cov_mark::check!(an_incident_counted_in_times_is_several);
    let texts = [
        "Gunmen killed five soldiers near Djibo on Monday. Burkina's capital Ouagadougou has been attacked three times.",
        "Des hommes armés ont tué cinq soldats lundi près de Djibo. La capitale Ouagadougou a été attaquée à trois reprises.",
        "قتل مسلحون خمسة جنود الاثنين قرب جيبو. وقد هوجمت العاصمة واغادوغو ثلاث مرات.",
    ];
    each_one(&texts, "2026-01-30", |e| place(e.place), Some("bf.djibo"));
}

#[test]
fn the_same_day_of_a_clause_told_of_the_deed_dates_no_other_incident() {
    cov_mark::check!(the_same_day_of_a_clause_told_of_the_deed_is_not_its_own);
    let texts = [
        "لقي خمسة جنود مصرعهم الخميس خلال هجوم قرب جيبو. وأكد مصدر أمني آخر وقوع الهجوم، مشيرا إلى أن الضحايا دفنوا في اليوم نفسه.",
        "Cinq soldats ont été tués jeudi dans une attaque près de Djibo. Une autre source sécuritaire a confirmé l'attaque, précisant que les victimes ont été enterrées le même jour.",
        "Five soldiers were killed on Thursday in an attack near Djibo. Another security source confirmed the attack, adding that the victims were buried the same day.",
    ];
    each_one(&texts, "2025-06-13", |e| e.fatalities, Some(5));
}

#[test]
fn the_town_a_convoy_was_bound_for_in_the_region_told_locates_it() {
    cov_mark::check!(a_convoy_s_end_inside_the_unit_told_locates_it);
    let texts = [
        "Une mission de l'armée en route vers Léré, dans la région de Tombouctou, a été attaquée mardi.",
        "An army convoy heading to Léré, in the Timbuktu region, was attacked on Tuesday.",
        "تعرضت بعثة للجيش متوجهة إلى ليري في منطقة تمبكتو لهجوم الثلاثاء.",
    ];
    each_one(&texts, "2025-06-12", |e| (place(e.place), e.geo_precision), (Some("ml.lere"), 2));
    // A town of the country only, far perhaps: the country.
    let found = one_event(
        "Au Mali, un convoi de camions-citernes en direction de Bamako a été attaqué mardi.",
        Some("2025-06-12"),
    );
    assert_eq!(place(found[0].place), Some("ml"));
}

#[test]
fn near_a_foreign_country_is_not_in_it() {
    cov_mark::check!(near_a_foreign_country_is_not_in_it);
    let texts = [
        "Au Niger, dix soldats ont été tués vendredi dans une attaque dans l'ouest du pays, près du Burkina Faso.",
        "In Niger, ten soldiers were killed on Friday in an attack in the west of the country, near Burkina Faso.",
        "في النيجر قتل عشرة جنود الجمعة في هجوم غرب البلاد قرب بوركينا فاسو.",
    ];
    each_one(&texts, "2025-06-12", |e| place(e.place), Some("ne"));
}
