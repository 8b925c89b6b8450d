//! Where an event's place sits: its country, its world region, and its admin units, as ACLED's
//! `region`, `country`, `admin1`, `admin2` and `admin3` columns want them.
//!
//! The knowledge base gives each place the id of its first-level region (`region`; for Mali the
//! 2023 regions and the Bamako district), its second-level unit (`admin2`: Mali's cercles,
//! Burkina Faso's provinces, Niger's departments), its commune (`admin3`) where known, and for
//! Mali the pre-2023 region (`former_admin1`). A unit is itself at its own level, and a level
//! the place does not name is taken from the unit below it (a town with a cercle but no region
//! gets the cercle's region). ACLED writes units by their bare name ("Kati", not "Kati Cercle"):
//! a trailing word that the knowledge base's English place-cue list names (region, cercle,
//! province, department, district) is dropped.

use marsad_kb::{KnowledgeBase, List, Place, PlaceKind};
use marsad_text::fold::fold_str;

/// A place's country, world region and admin units.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Admin<'a> {
    /// The country's entry.
    pub country: Option<&'a Place>,
    /// ACLED's world region of the country ("Western Africa").
    pub region: Option<&'a str>,
    /// First-level unit (Mali: the 2023 regions).
    pub admin1: Option<&'a Place>,
    /// Second-level unit.
    pub admin2: Option<&'a Place>,
    /// Third-level unit.
    pub admin3: Option<&'a Place>,
    /// For Mali, the first-level region before the 2023 reform.
    pub former_admin1: Option<&'a Place>,
}

/// The admin chain of a place.
pub fn admin_of<'a>(kb: &'a KnowledgeBase, place: &'a Place) -> Admin<'a> {
    let get = |id: &Option<String>| id.as_deref().and_then(|id| kb.place_index(id)).map(|i| &kb.places[i as usize]);
    let level = (place.kind == PlaceKind::Region).then_some(place.admin_level).flatten();
    let own = |n: u8| (level == Some(n) && !place.former).then_some(place);
    let admin3 = own(3).or_else(|| get(&place.admin3));
    let admin2 = own(2).or_else(|| get(&place.admin2)).or_else(|| admin3.and_then(|u| get(&u.admin2)));
    let admin1 = own(1)
        .or_else(|| get(&place.region))
        .or_else(|| admin2.and_then(|u| get(&u.region)))
        .or_else(|| admin3.and_then(|u| get(&u.region)));
    let former_admin1 = (level == Some(1) && place.former)
        .then_some(place)
        .or_else(|| get(&place.former_admin1))
        .or_else(|| admin2.and_then(|u| get(&u.former_admin1)));
    let country = place.country.as_deref().and_then(|c| kb.country_place(c)).map(|i| &kb.places[i as usize]);
    let region = place.country.as_deref().and_then(|c| kb.world_region(c));
    Admin { country, region, admin1, admin2, admin3, former_admin1 }
}

/// A unit's name as ACLED writes it: its English name without a trailing place-cue word.
pub fn unit_name(kb: &KnowledgeBase, unit: &Place) -> String {
    let name = unit.name();
    let Some((head, last)) = name.trim().rsplit_once(' ') else { return name.to_string() };
    let last = fold_str(last);
    let is_cue = kb
        .lexicon
        .list(List::PlaceWords)
        .entries()
        .iter()
        .any(|e| e.lang == "en" && e.words.len() == 1 && e.words[0] == last);
    if is_cue && !head.trim().is_empty() {
        head.trim_end().to_string()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACES: &str = r#"{"id":"ml","kind":"country","country":"ML","lat":17.5,"lon":-4.0,"names":{"en":["Mali"],"fr":["Mali"],"ar":["مالي"]},"iso3":"MLI","iso_numeric":466}
{"id":"ml.pre2023.koulikoro","kind":"region","country":"ML","lat":12.86,"lon":-7.56,"names":{"en":["former Koulikoro Region"],"fr":["ancienne région de Koulikoro"],"ar":["منطقة كوليكورو السابقة"]},"admin_level":1,"former":true}
{"id":"ml.koulikoro-region","kind":"region","country":"ML","lat":12.86,"lon":-7.56,"names":{"en":["Koulikoro Region"],"fr":["région de Koulikoro"],"ar":["منطقة كوليكورو"]},"admin_level":1,"former_admin1":"ml.pre2023.koulikoro"}
{"id":"ml.kati-cercle","kind":"region","country":"ML","region":"ml.koulikoro-region","lat":12.74,"lon":-8.07,"names":{"en":["Kati Cercle"],"fr":["cercle de Kati"],"ar":["دائرة كاتي"]},"admin_level":2,"former_admin1":"ml.pre2023.koulikoro"}
{"id":"ml.kati","kind":"town","country":"ML","region":"ml.koulikoro-region","admin2":"ml.kati-cercle","lat":12.74,"lon":-8.07,"names":{"en":["Kati"],"fr":["Kati"],"ar":["كاتي"]},"former_admin1":"ml.pre2023.koulikoro"}
{"id":"ml.siby","kind":"town","country":"ML","admin2":"ml.kati-cercle","lat":12.38,"lon":-8.33,"names":{"en":["Siby"],"fr":["Siby"],"ar":["سيبي"]}}
{"id":"ml.bamako-district","kind":"region","country":"ML","lat":12.64,"lon":-8.0,"names":{"en":["Bamako District"],"fr":["district de Bamako"],"ar":["مقاطعة باماكو"]},"admin_level":1}"#;

    fn kb() -> KnowledgeBase {
        let mut files = vec![
            ("places/t.jsonl", PLACES),
            ("geo/world-regions.jsonl", "{\"region\":\"Western Africa\",\"countries\":[\"ML\"]}"),
        ];
        files.extend(KnowledgeBase::coding_files());
        marsad_kb::load::load(&files).expect("a valid test knowledge base")
    }

    fn place<'a>(kb: &'a KnowledgeBase, id: &str) -> &'a Place {
        &kb.places[kb.place_index(id).expect("a test place") as usize]
    }

    fn ids(admin: &Admin) -> [Option<String>; 5] {
        [admin.country, admin.admin1, admin.admin2, admin.admin3, admin.former_admin1].map(|p| p.map(|p| p.id.clone()))
    }

    #[test]
    fn a_town_takes_its_region_its_cercle_and_the_former_region_from_the_knowledge_base() {
        let kb = kb();
        let admin = admin_of(&kb, place(&kb, "ml.kati"));
        assert_eq!(
            ids(&admin),
            [
                Some("ml".into()),
                Some("ml.koulikoro-region".into()),
                Some("ml.kati-cercle".into()),
                None,
                Some("ml.pre2023.koulikoro".into())
            ]
        );
        assert_eq!(admin.region, Some("Western Africa"));
    }

    #[test]
    fn a_unit_is_its_own_level_and_inherits_the_levels_above() {
        let kb = kb();
        let cercle = admin_of(&kb, place(&kb, "ml.kati-cercle"));
        assert_eq!(cercle.admin2.map(|p| p.id.as_str()), Some("ml.kati-cercle"));
        assert_eq!(cercle.admin1.map(|p| p.id.as_str()), Some("ml.koulikoro-region"));
        let region = admin_of(&kb, place(&kb, "ml.koulikoro-region"));
        assert_eq!(region.admin1.map(|p| p.id.as_str()), Some("ml.koulikoro-region"));
        assert_eq!(region.admin2, None);
        assert_eq!(region.former_admin1.map(|p| p.id.as_str()), Some("ml.pre2023.koulikoro"));
    }

    #[test]
    fn a_missing_level_comes_from_the_unit_below() {
        let kb = kb();
        let admin = admin_of(&kb, place(&kb, "ml.siby"));
        assert_eq!(admin.admin1.map(|p| p.id.as_str()), Some("ml.koulikoro-region"), "the cercle's region");
        assert_eq!(admin.former_admin1.map(|p| p.id.as_str()), Some("ml.pre2023.koulikoro"));
    }

    #[test]
    fn a_former_region_is_never_a_current_admin1() {
        let kb = kb();
        let admin = admin_of(&kb, place(&kb, "ml.pre2023.koulikoro"));
        assert_eq!(admin.admin1, None);
        assert_eq!(admin.former_admin1.map(|p| p.id.as_str()), Some("ml.pre2023.koulikoro"));
    }

    #[test]
    fn a_country_has_no_units() {
        let kb = kb();
        let admin = admin_of(&kb, place(&kb, "ml"));
        assert_eq!(ids(&admin), [Some("ml".into()), None, None, None, None]);
    }

    #[test]
    fn unit_names_drop_the_place_word_acled_does_not_write() {
        let kb = kb();
        assert_eq!(unit_name(&kb, place(&kb, "ml.kati-cercle")), "Kati");
        assert_eq!(unit_name(&kb, place(&kb, "ml.koulikoro-region")), "Koulikoro");
        assert_eq!(unit_name(&kb, place(&kb, "ml.bamako-district")), "Bamako");
        assert_eq!(unit_name(&kb, place(&kb, "ml.kati")), "Kati", "a one-word name is kept whole");
    }
}
