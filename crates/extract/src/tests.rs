//! Unit checks of mention finding against the embedded knowledge base (sentences written for these tests).

use crate::{Entity, Extractor, How};
use marsad_kb::KnowledgeBase;
use std::sync::OnceLock;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::embedded().expect("embedded knowledge base is valid"))
}

/// (entity id, mention text, how) for every mention of `text`.
fn found(text: &str) -> Vec<(String, String, How)> {
    let kb = kb();
    let extraction = Extractor::new(kb).extract(text, None);
    extraction
        .mentions
        .iter()
        .map(|m| {
            let id = match m.entity {
                Entity::Place(i) => kb.places[i as usize].id.clone(),
                Entity::Actor(i) => kb.actors[i as usize].id.clone(),
                Entity::Person(i) => kb.people[i as usize].id.clone(),
                Entity::Outlet(i) => kb.outlets[i as usize].id.clone(),
            };
            let span: String =
                text.chars().skip(m.span.start as usize).take((m.span.end - m.span.start) as usize).collect();
            (id, span, m.how)
        })
        .collect()
}

fn ids(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(id, _, _)| id).collect()
}

/// Checks that `text` names entity `id`.
#[track_caller]
fn assert_found(text: &str, id: &str) {
    let found = ids(text);
    assert!(found.iter().any(|f| f == id), "{text}: {found:?}");
}

/// Checks that `text` does not name entity `id`.
#[track_caller]
fn assert_not_found(text: &str, id: &str) {
    let found = ids(text);
    assert!(!found.iter().any(|f| f == id), "{text}: {found:?}");
}

#[test]
fn clitics_are_stripped_only_when_the_knowledge_base_confirms() {
    let all = found("وصل الوفد وبباماكو ثم لباماكو.");
    let bamako: Vec<&str> = all.iter().filter(|(id, _, _)| id == "ml.bamako").map(|(_, s, _)| s.as_str()).collect();
    assert_eq!(bamako, ["باماكو", "باماكو"]);
}

#[test]
fn names_that_begin_with_clitic_letters_are_whole() {
    assert!(ids("زار الوزير لبنان ثم واشنطن").contains(&"lb".to_string()));
    assert!(ids("زار الوزير لبنان ثم واشنطن").iter().any(|id| id.starts_with("us")));
}

#[test]
fn a_plural_word_for_regions_after_a_list_names_its_level() {
    let kb = kb();
    let text = "Attacks hit the Tillabéri, Diffa, and Dosso regions today.";
    let tokens = marsad_text::Tokens::new(text);
    let level = crate::support::admin_word_after(kb, text, &tokens, &(0..tokens.len()), 3);
    assert_eq!(level, Some(1));
    let broken = "Attacks hit Tillabéri. Regions nearby were calm.";
    let tokens = marsad_text::Tokens::new(broken);
    assert_eq!(crate::support::admin_word_after(kb, broken, &tokens, &(0..tokens.len()), 2), None);
}

#[test]
fn a_latin_spelling_in_parentheses_names_the_arabic_place_before_it() {
    // Banikoara is a GeoNames town with Latin names only: alone and capitalised after a
    // parenthesis it would be too weak, spelled out after its Arabic form it is the place.
    let text = "هاجم مسلحون مركزا للجيش قرب بانيكوارا (Banikoara) شمال بنين.";
    assert!(ids(text).contains(&"bj.banikoara".to_string()), "{:?}", found(text));
    let extraction = Extractor::new(kb()).extract(text, None);
    assert!(extraction.unlisted.is_empty(), "the Arabic form is that place: {:?}", extraction.unlisted);
    // Not a gloss: a Latin word in parentheses after Latin text.
    assert!(!ids("Les soldats (Banikoara) sont partis.").contains(&"bj.banikoara".to_string()));
}

#[test]
fn a_capital_after_a_noun_of_government_or_a_verb_with_its_object_is_the_government() {
    for (text, government) in [
        ("أرسلت بوركينا فاسو قوات دعما لسلطات نيامي.", "gov.ne"),
        ("بعد أن اتهمتها باماكو بإسقاط طائرة مسيرة.", "gov.ml"),
    ] {
        assert!(ids(text).contains(&government.to_string()), "{text}: {:?}", ids(text));
    }
}

#[test]
fn a_country_after_a_word_for_state_is_the_country_not_its_government() {
    // The state of Mali (a place), the Malian state (its government).
    let places = found("وتتواصل الهجمات في دولة مالي منذ سنوات.");
    assert!(places.iter().any(|(id, span, _)| id == "ml" && span == "مالي"), "{places:?}");
    assert!(!places.iter().any(|(id, _, _)| id == "gov.ml"), "{places:?}");
    assert!(ids("وأعلنت الدولة المالية حالة الطوارئ.").contains(&"gov.ml".to_string()));
}

#[test]
fn the_base_handed_over_is_not_al_qaeda() {
    assert!(!ids("أعلن الجيش تسليم القاعدة إلى القوات المحلية.").contains(&"al-qaeda".to_string()));
    assert!(ids("أعلن تنظيم القاعدة مسؤوليته عن الهجوم.").contains(&"al-qaeda".to_string()));
}

#[test]
fn the_base_attacked_or_burnt_is_not_al_qaeda() {
    for text in ["هاجم مسلحون القاعدة الواقعة في بلدة دارجو.", "نفذ المسلحون الهجوم على القاعدة ثم أحرقوا القاعدة."]
    {
        assert!(!ids(text).contains(&"al-qaeda".to_string()), "{text}");
    }
    assert!(ids("قتل قيادي في تنظيم القاعدة.").contains(&"al-qaeda".to_string()));
}

#[test]
fn a_place_inside_an_outlet_s_name_is_the_outlet() {
    let text = "ونقل راديو إفريقيا 1 عن مصدر أمني أن الهجوم وقع فجرا.";
    assert_found(text, "africa-n1");
    assert_not_found(text, "area.africa");
}

#[test]
fn a_place_ending_the_name_an_acronym_stands_for_is_part_of_it() {
    // The acronym's last letter is the place's initial: the name ends with the place.
    assert!(!ids("Le président de l'Association des journalistes du Burkina (AJB) a été enlevé.")
        .contains(&"bf".to_string()));
    assert!(!ids("Selon le Front de libération de l'Azawad (FLA), le camp est tombé.")
        .iter()
        .any(|id| id.contains("azawad")));
    // A country abbreviated after its name stays a place.
    assert!(ids("Au Burkina Faso (BF), l'armée a été attaquée.").contains(&"bf".to_string()));
}

#[test]
fn the_azawad_army_and_tuareg_led_separatists_are_the_rebels_not_the_state() {
    for text in [
        "شنّ جيش أزواد هجوما على معسكر في تساليت.",
        "Tuareg-led separatists attacked a camp near Tessalit.",
        "Les séparatistes à dominante touareg ont attaqué un camp près de Tessalit.",
    ] {
        let found = ids(text);
        assert!(found.contains(&"fla".to_string()), "{text}: {found:?}");
        assert!(!found.iter().any(|id| id.starts_with("forces.")), "{text}: {found:?}");
    }
}

#[test]
fn a_sound_alike_abroad_is_not_the_village_the_text_puts_in_the_country() {
    // "تازاليت (شمال شرقي البلاد)" in a story about Niger that names Mali: not Mali's Tessalit,
    // which the phonetic key alone would give.
    let text = "قتل 15 جنديا من النيجر في هجوم قرب مالي. وقتل 22 جنديا في هجوم على مخيم للاجئين في تازاليت (شمال شرقي البلاد) في النيجر.";
    let found = ids(text);
    assert!(!found.contains(&"ml.tessalit".to_string()), "{found:?}");
}

#[test]
fn a_generated_unit_named_with_its_own_admin_word_after_a_comma_is_found() {
    // "…, Torodi department": after a comma a Latin name reads as a sentence start, but its own
    // admin word says it is a place.
    assert_found(
        "A post of the Niger Armed Forces was attacked in Niaktiré, Torodi department.",
        "ne.torodi-department",
    );
}

#[test]
fn a_generated_unit_whose_name_opens_with_its_admin_word_is_found() {
    // "dans la province du Sourou", with no country named: the name's own admin word is its support.
    assert_found(
        "Des hommes armés ont attaqué jeudi plusieurs villages dans la province du Sourou.",
        "bf.sourou-province",
    );
}

/// The chars of `text` that `span` covers.
fn text_of(text: &str, span: marsad_text::layout::Span) -> String {
    text.chars().skip(span.start as usize).take((span.end - span.start) as usize).collect()
}

/// The names the base lacks that `text` gives as places, with the unit each lies in.
fn unlisted(text: &str) -> Vec<(String, Option<String>)> {
    let kb = kb();
    let within = |p: Option<u32>| p.map(|p| kb.places[p as usize].id.clone());
    let extraction = Extractor::new(kb).extract(text, None);
    extraction.unlisted.iter().map(|u| (text_of(text, u.span), within(u.within))).collect()
}

#[test]
fn a_name_after_in_is_a_place_when_its_unit_follows_the_comma() {
    cov_mark::check!(a_name_placed_by_the_unit_after_its_comma);
    assert_eq!(
        unlisted("The post was overrun in Kandara, Torodi department, at dawn."),
        [("Kandara".to_string(), Some("ne.torodi-department".to_string()))]
    );
    assert_eq!(
        unlisted("Un camp a été visé à Kandara, près de Gao."),
        [("Kandara".to_string(), Some("ml.gao".to_string()))]
    );
    // A town after the comma may open a list, a person is not placed, and a month or a weekday
    // before the comma is a date.
    let none = [
        "Le poste a été visé à Kandara, Gao et Ansongo.",
        "He spoke in Kandara, a farmer said.",
        "In March, the Niger junta ended the agreement.",
        "Le poste a été visé mardi, près de Gao.",
    ];
    for text in none {
        assert!(unlisted(text).is_empty(), "{text}");
    }
}

#[test]
fn an_arabic_name_the_base_lacks_is_named_by_its_latin_gloss() {
    // Alone, and as a member of a list joined by an attached "and".
    assert_eq!(
        unlisted("أحرقت قاعدة قرب منطقة سماغيري (SAMMAGUERE) شمال مدينة كايس."),
        [("SAMMAGUERE".to_string(), Some("ml.kayes".to_string()))]
    );
    let listed = unlisted("استهدف الهجوم مركزين للجيش في منطقتي نيونو (Niono) وسماغيري (Sammaguere) أمس.");
    assert_eq!(listed, [("Sammaguere".to_string(), None)]);
    // Without its gloss, a word with "and" attached goes on no list.
    assert!(unlisted("استهدف الهجوم مركزين للجيش في منطقتي نيونو وسماغيري أمس.").is_empty());
}

#[test]
fn sentence_stops_count_chars_not_bytes() {
    let by_chars = |text: &str| -> Vec<u32> {
        (0u32..).zip(text.chars()).filter(|(_, c)| matches!(c, '.' | '!' | '?' | '\n')).map(|(i, _)| i).collect()
    };
    let text = "قتل 3. Mali! é?\nfin";
    assert_eq!(crate::support::sentence_stops(text), by_chars(text));
    // Stops at every place of the eight-byte words the scan passes over.
    let long = "قتل ثلاثة جنود في هجوم. Des hommes armés!! ont attaqué?\n\nFin.".repeat(3);
    for start in (0..long.len()).filter(|&at| long.is_char_boundary(at)) {
        assert_eq!(crate::support::sentence_stops(&long[start..]), by_chars(&long[start..]));
    }
}

#[test]
fn foreign_soldiers_are_no_force_of_the_story_s_country() {
    let foreign = [
        "Des manifestants ont réclamé à Niamey le départ des soldats étrangers du Niger.",
        "Protesters in Niamey demanded that foreign troops leave Niger.",
        "طالب متظاهرون في نيامي برحيل الجنود الأجانب من النيجر.",
    ];
    for text in foreign {
        cov_mark::check!(foreign_soldiers_are_no_force_of_the_story_s_country);
        assert!(!ids(text).contains(&"forces.ne".to_string()), "{text}: {:?}", found(text));
    }
    // Without the qualifier the soldiers are the story's country's.
    assert!(
        ids("Des manifestants ont réclamé à Niamey le départ des soldats du Niger.").contains(&"forces.ne".to_string())
    );
}

#[test]
fn an_adjective_beside_a_border_word_names_the_country() {
    let texts = [
        "في عملية قرب الحدود الجزائرية، شنت القوات الجوية المالية صباح الأحد غارات على مسلحين.",
        "Près de la frontière algérienne, l'armée malienne a frappé dimanche des jihadistes.",
        "Near the Algerian border, the Malian army struck jihadists on Sunday.",
    ];
    for text in texts {
        cov_mark::check!(an_adjective_beside_a_border_word_names_the_country);
        let algeria: Vec<How> =
            found(text).into_iter().filter(|(id, _, _)| id == "dz").map(|(_, _, how)| how).collect();
        assert_eq!(algeria, [How::Border], "{text}");
    }
}

#[test]
fn a_village_name_in_two_arabic_words_is_one_name() {
    // Diangassagou lies in Bankass cercle, Bandiagara region; Arabic pages split its name.
    cov_mark::check!(a_village_name_in_two_arabic_words_is_one_name);
    let text = "أحرق مسلحون منازل في قرية ديانغا ساغو التابعة لدائرة بانكاس.";
    assert!(ids(text).contains(&"ml.diangassagou".to_string()), "{:?}", found(text));
    // Without a word for a settlement before them, two words are not joined.
    assert!(!ids("أحرق مسلحون منازل ديانغا ساغو التابعة لدائرة بانكاس.").contains(&"ml.diangassagou".to_string()));
}

#[test]
fn a_region_of_a_loose_spelling_supports_a_village_near_it() {
    cov_mark::check!(a_region_of_a_loose_spelling_supports_a_village_near_it);
    // (Spelled with its vowels left out, so that nothing but the region supports it.)
    let text = "قتل مسلحون راعيين قرب قرية دينغ سغو في منطقة باندياجرا وسط مالي يوم الأحد.";
    let all = ids(text);
    assert!(
        all.contains(&"ml.diangassagou".to_string()) && all.contains(&"ml.bandiagara-region".to_string()),
        "{all:?}"
    );
}

#[test]
fn an_english_unit_is_also_the_province_of_its_name_and_holds_its_villages() {
    // Toéni lies in Sourou province (a generated unit): named as "the province of Sourou", it
    // supports the village.
    let all = ids("Five soldiers were killed in an ambush at Toeni, in the northwestern province of Sourou.");
    assert!(all.contains(&"bf.sourou-province".to_string()) && all.contains(&"bf.toeni".to_string()), "{all:?}");
}

#[test]
fn a_village_outside_the_unit_named_beside_it_is_not_that_namesake() {
    cov_mark::check!(a_village_outside_the_unit_named_after_it_is_not_it);
    // Raguitenga lies in Sanmatenga province; the text puts its (unlisted) village in Bam.
    let text = "هاجم مسلحون بلدة راكويتنغا الواقعة في محافظة بام شمال بوركينا فاسو، فيما نفذت القوات عملية في محافظة سانماتنغا.";
    assert!(!ids(text).contains(&"bf.raguitenga".to_string()), "{:?}", found(text));
}

#[test]
fn a_name_told_twice_is_one_place_the_better_supported() {
    // Two villages of Tillabéri share the phonetic key of تونغو تونغو; Ouallam, named beside the
    // second mention, is the department of Tongo Tongo only.
    cov_mark::check!(a_name_told_twice_is_one_place);
    let text = "هاجم مسلحون قرية تونغو تونغو في منطقة تيلابيري غرب النيجر يوم الثلاثاء، وفق مصادر أمنية أكدت مقتل جنديين في الهجوم وإصابة آخرين نقلوا إلى العاصمة للعلاج، فيما تواصلت عمليات التمشيط في المنطقة طوال اليوم التالي بحثا عن المهاجمين الفارين على دراجات نارية نحو الحدود.\nوقال مسؤول محلي إن السكان يعيشون منذ أشهر على وقع التهديدات المتكررة، وإن كثيرا من العائلات غادرت القرى المجاورة نحو المدن الكبرى هربا من العنف، مضيفا أن الأسواق الأسبوعية توقفت وأن المدارس أغلقت أبوابها منذ بداية العام الدراسي.\nوأشار إلى أن المزارعين لم يتمكنوا من زراعة حقولهم هذا الموسم بسبب انعدام الأمن، وأن المساعدات الإنسانية لا تصل إلا بصعوبة بالغة إلى المناطق النائية، في ظل غياب شبه تام للخدمات الأساسية وارتفاع أسعار المواد الغذائية.\nوتقع قرية تونغو تونغو شمال غرب أوالام.";
    let villages: Vec<String> =
        found(text).into_iter().filter(|(_, name, _)| name == "تونغو تونغو").map(|(id, _, _)| id).collect();
    assert_eq!(villages, ["ne.tongo-tongo", "ne.tongo-tongo"], "{:?}", found(text));
}

/// The national roads `text` names: (name, country ISO code, text of the mention).
fn roads(text: &str) -> Vec<(String, Option<String>, String)> {
    let kb = kb();
    let country = |c: Option<u32>| c.and_then(|c| kb.places[c as usize].country.clone());
    let extraction = Extractor::new(kb).extract(text, None);
    extraction.roads.iter().map(|r| (r.name(), country(r.country), text_of(text, r.span))).collect()
}

#[test]
fn a_national_road_is_named_by_its_number_in_each_language() {
    let road = |name: &str, country: &str, said: &str| (name.to_string(), Some(country.to_string()), said.to_string());
    assert_eq!(
        roads("أحرق مسلحون شاحنتين على الطريق الوطني رقم 7 جنوب باماكو."),
        [road("RN7", "ML", "الطريق الوطني رقم 7")]
    );
    assert_eq!(
        roads("Un bus a sauté sur une mine sur la route nationale n° 4, entre Fada et Kantchari, au Burkina Faso."),
        [road("RN4", "BF", "route nationale n° 4")]
    );
    assert_eq!(
        roads("Traffic on the RN1 and on National Road No. 6 near Niamey was halted."),
        [road("RN1", "NE", "RN1"), road("RN6", "NE", "National Road No. 6")]
    );
    assert_eq!(roads("La RN-16 reste fermée vers Gao."), [road("RN16", "ML", "RN-16")]);
}

#[test]
fn a_road_word_without_its_number_or_in_lower_case_names_no_road() {
    cov_mark::check!(a_short_road_word_counts_only_in_capitals);
    let none = [
        "La rn 5 est une abréviation.",
        "La route nationale, coupée depuis mars, a rouvert.",
        "الطريق الوطني مغلق منذ 3 أيام.",
        "The national road, 40 km long, was closed.",
    ];
    for text in none {
        assert!(roads(text).is_empty(), "{text}: {:?}", roads(text));
    }
}

#[test]
fn a_name_measured_from_a_known_place_is_a_place_there() {
    cov_mark::check!(a_name_measured_from_a_known_place_is_a_place);
    let at = |name: &str, unit: &str| (name.to_string(), Some(unit.to_string()));
    assert_eq!(
        unlisted("L'attaque a eu lieu mardi en Tinkara et Soudougou à environ 180 km de Bamako."),
        [at("Tinkara", "ml.bamako"), at("Soudougou", "ml.bamako")]
    );
    assert_eq!(unlisted("Gunmen struck on Monday in Tinkara, 40 km from Gao."), [at("Tinkara", "ml.gao")]);
    assert_eq!(unlisted("Des hommes armés ont frappé lundi à Tinkara, à 40 km de Gao."), [at("Tinkara", "ml.gao")]);
    // No distance, or a distance from no known place: no place.
    for text in ["Le ministre a parlé lundi à Tinkara Traoré.", "Gunmen struck in Tinkara, 40 km from the border."] {
        assert!(unlisted(text).is_empty(), "{text}: {:?}", unlisted(text));
    }
}

#[test]
fn a_base_or_a_camp_supports_the_town_it_names_and_names_no_other() {
    // بير alone is "a well"; after "the base of" it is the town.
    assert_found("سيطر الجيش على قاعدة بير العسكرية في شمال البلاد.", "ml.ber");
    assert_found("هاجم مسلحون معسكر بير ليلا.", "ml.ber");
    // "An operations base", "a military camp": no place the base lacks.
    for text in ["هاجم مسلحون قاعدة عمليات متقدمة قرب غاو.", "قصفت طائرات معسكر تدريب قرب غاو."]
    {
        assert!(unlisted(text).is_empty(), "{text}: {:?}", unlisted(text));
    }
}

#[test]
fn an_arabic_village_name_is_the_one_village_its_vowels_spell() {
    cov_mark::check!(a_village_spelled_vowel_for_vowel_after_a_place_word);
    // Some thirty villages of Niger share the consonants s-k-r; one is spelled with these vowels.
    assert_found("هاجم مسلحون قرية ساكويرا غرب النيجر أمس.", "ne.sakoira");
    // Two villages of Niger spelled alike (Soukouri, Zoukouri): none of these.
    let found = ids("هاجم مسلحون قرية سوكوري غرب النيجر أمس.");
    assert!(!found.iter().any(|id| id.starts_with("ne.") && id != "ne"), "{found:?}");
    // The same spelling in a story about Mali is not the Niger village.
    assert_not_found("هاجم مسلحون قرية ساكويرا في مالي أمس.", "ne.sakoira");
}

#[test]
fn half_of_a_hyphenated_arabic_name_is_no_place() {
    cov_mark::check!(half_a_hyphenated_name_is_no_place);
    // "سونغا" alone would be read as Sangha by its consonants; joined to "ماركا" it is another name.
    let text = "نفذت القوات ضربة جوية جنوب منطقة سونغا-ماركا بولاية سيغو.";
    assert_not_found(text, "ml.sangha");
    assert_found(text, "ml.segou-region");
}

#[test]
fn a_name_near_which_an_arabic_deed_happened_is_a_place() {
    // As "près de" and "near" already do: "بالقرب من X", "قرب X" introduce a place.
    for text in ["أعدم مسلحون 14 رجلا بالقرب من تينكارا أمس.", "أعدم مسلحون 14 رجلا قرب تينكارا أمس."]
    {
        let names: Vec<String> = unlisted(text).into_iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["تينكارا"], "{text}");
    }
    // Near the border, near a town the base knows: no place of its own.
    for text in ["أعدم مسلحون 14 رجلا قرب الحدود أمس.", "أعدم مسلحون 14 رجلا قرب غاو أمس."]
    {
        assert!(unlisted(text).is_empty(), "{text}: {:?}", unlisted(text));
    }
}

#[test]
fn kayes_is_found_as_arabic_pages_spell_it() {
    for text in ["فرضت الجماعة حصارا على مدينة كاي.", "قتل جنديان شمال مدينة أورو بولاية خاي."]
    {
        let found = ids(text);
        assert!(found.iter().any(|id| id.starts_with("ml.kayes")), "{text}: {found:?}");
    }
}

#[test]
fn a_capitalised_common_word_after_a_place_word_names_no_village() {
    // "Centre", "Nord" are words of the lexicon (a sector, a bearing): no place the base lacks.
    for text in [
        "Dans le secteur du Centre, une mission a neutralisé deux terroristes.",
        "Dans la zone Nord, les combats ont cessé.",
    ] {
        assert!(unlisted(text).is_empty(), "{text}: {:?}", unlisted(text));
    }
    let names: Vec<String> = unlisted("Dans le secteur de Kandara, une mission a neutralisé deux terroristes.")
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["Kandara"]);
}

#[test]
fn a_village_spelled_exactly_after_a_locative_is_the_story_s_one() {
    cov_mark::check!(a_latin_village_after_a_locative_is_the_story_s_one);
    assert_found("Au Burkina Faso, des hommes armés ont ouvert le feu sur la brigade à Djibasso jeudi.", "bf.djibasso");
    assert_found("In Burkina Faso, gunmen opened fire on the police station in Djibasso on Thursday.", "bf.djibasso");
    // Two villages of that name in the country: none of these.
    let found = ids("Au Burkina Faso, des hommes armés ont attaqué jeudi à Torosso.");
    assert!(!found.iter().any(|id| id.starts_with("bf.torosso")), "{found:?}");
    // Placed by the text in a town that does not hold it: another Djibasso.
    cov_mark::check!(a_place_named_right_after_that_does_not_hold_it_says_another);
    assert_not_found("Au Burkina Faso, des hommes armés ont attaqué jeudi à Djibasso, Fada N'Gourma.", "bf.djibasso");
}

#[test]
fn an_arabic_village_spelled_vowel_for_vowel_after_in_is_the_story_s_one() {
    cov_mark::check!(a_village_spelled_vowel_for_vowel_after_a_locative);
    assert_found("أفاد مسؤول محلي في النيجر باختطاف أمريكي في مسالاتا أمس.", "ne.massalata");
    // A curated town of the key is still the one tried first.
    assert_found("سيطرت الجماعة على ثكنة عسكرية في فارابوكو أمس في مالي.", "ml.farabougou");
}

/// The country `text` is about, as the event coder reads it.
fn story_country(text: &str) -> Option<String> {
    let kb = kb();
    let x = Extractor::new(kb).extract(text, None);
    crate::context::focus_country(kb, &x.tokens, crate::support::Ends(&x.ending_lists), &x.mentions).map(String::from)
}

#[test]
fn countries_named_as_often_go_to_the_one_named_as_a_place_then_first() {
    cov_mark::check!(countries_named_as_often_rank_by_acting_then_first);
    // Named first, in the lede; the other only where the attackers went.
    let texts = [
        "Au Burkina Faso, des hommes armés ont attaqué la brigade jeudi, puis se sont repliés vers le Mali.",
        "In Burkina Faso, gunmen attacked the police station on Thursday before withdrawing towards Mali.",
        "في بوركينا فاسو هاجم مسلحون مركز الدرك الخميس ثم انسحبوا نحو مالي.",
    ];
    for text in texts {
        assert_eq!(story_country(text).as_deref(), Some("BF"), "{text}");
    }
    // A state that acts (pays, announces) is named as often as the country where it happened.
    let texts = [
        "L'Algérie a payé la rançon, selon des sources locales à Tombouctou.",
        "Algeria paid the ransom, according to local sources in Timbuktu.",
        "دفعت الجزائر الفدية، بحسب مصادر محلية في تمبكتو.",
    ];
    for text in texts {
        assert_eq!(story_country(text).as_deref(), Some("ML"), "{text}");
    }
}

#[test]
fn a_country_across_a_border_is_not_the_story_s() {
    cov_mark::check!(a_country_beyond_a_border_is_not_the_story_s);
    let texts = [
        "Près de la frontière avec le Mali, des hommes armés ont attaqué la brigade jeudi, au Burkina Faso.",
        "Near the border with Mali, gunmen attacked the police station on Thursday, in Burkina Faso.",
        "قرب الحدود مع مالي هاجم مسلحون مركز الدرك الخميس في بوركينا فاسو.",
    ];
    for text in texts {
        assert_eq!(story_country(text).as_deref(), Some("BF"), "{text}");
    }
}

#[test]
fn a_country_named_as_a_neighbour_or_a_border_is_not_its_government_acting() {
    cov_mark::check!(a_country_naming_a_border_is_not_acting);
    let texts = [
        "Niger, along with its neighbours Burkina Faso and Mali, has battled an insurgency for a decade.",
        "Le Niger, comme ses voisins le Burkina Faso et le Mali, combat une insurrection depuis dix ans.",
        "تكافح النيجر إلى جانب جارتيها بوركينا فاسو ومالي تمردا منذ عشر سنوات.",
        "JNIM announced a blockade of Kayes and Nioro, bordering Senegal.",
        "Le JNIM a annoncé un blocus à Kayes, près de la frontière avec le Sénégal.",
        "أعلنت الجماعة حصارا على كايس قرب الحدود مع السنغال.",
        "JNIM announced a blockade on the Senegal border.",
    ];
    for text in texts {
        let acting: Vec<_> =
            found(text).into_iter().filter(|(id, ..)| id == "gov.ml" || id == "gov.bf" || id == "gov.sn").collect();
        assert!(acting.is_empty(), "{text}: {acting:?}");
    }
    // An example in a list may act.
    assert_found("Des pays comme les États-Unis ont ordonné à leur personnel de quitter Bamako.", "gov.us");
    assert_found("دفعت الأزمة دولا مثل الولايات المتحدة إلى إصدار أوامر لموظفيها بمغادرة باماكو.", "gov.us");
}

#[test]
fn a_phonetic_guess_outside_the_region_named_near_it_is_none() {
    cov_mark::check!(a_phonetic_guess_outside_the_region_named_near_is_not_it);
    // Macina (Ségou) shares the key of a village of Sikasso the base lacks.
    assert_not_found("وقال مصدر أمني بمنطقة سيكاسو إن مسلحين هاجموا الأربعاء موقعا للجيش في بلدة ميسيني.", "ml.macina");
    // A village of the region named is still found.
    assert_found("هاجم مسلحون قرية فارابوغو بمنطقة سيغو.", "ml.farabougou");
}

#[test]
fn an_outlet_named_after_a_town_names_no_place() {
    let text = "Publié le lundi 23 juin 2025 | Le Soir de Bamako";
    assert_found(text, "soir-de-bamako");
    assert_not_found(text, "ml.bamako");
    let text = "Par Niamey et les 2 jours, le 3 mai.";
    assert_found(text, "niamey-et-les-2-jours");
    assert_not_found(text, "ne.niamey");
}
