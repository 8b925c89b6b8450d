//! Specification of marsad-search: what a user finds, with what filters, and that no query
//! string can make a search fail. All texts are fictional.

use marsad_search::{IndexDoc, SearchIndex, SearchQuery};
use proptest::prelude::*;

fn doc(doc_id: i64, text: &str) -> IndexDoc {
    IndexDoc { doc_id, text: text.to_string(), ..IndexDoc::default() }
}

fn index_of(docs: &[IndexDoc]) -> SearchIndex {
    let mut index = SearchIndex::in_memory().unwrap();
    for d in docs {
        index.add(d).unwrap();
    }
    index.commit().unwrap();
    index
}

fn text(q: &str) -> SearchQuery {
    SearchQuery { text: q.to_string(), ..SearchQuery::default() }
}

fn ids(index: &SearchIndex, query: &SearchQuery) -> Vec<i64> {
    let mut ids: Vec<i64> = index.search(query).unwrap().into_iter().map(|h| h.doc_id).collect();
    ids.sort();
    ids
}

fn found(index: &SearchIndex, q: &str) -> Vec<i64> {
    ids(index, &text(q))
}

/// A small corpus in three languages with every filter set.
fn corpus() -> SearchIndex {
    let mut docs = vec![
        IndexDoc {
            doc_id: 1,
            title: Some("وصول وفد أممي".into()),
            text: "وصل الوفد وبباماكو مساء الثلاثاء بعد اشتباكات في إفريقيا الغربية.".into(),
            lang: Some("ar".into()),
            outlet: Some("Sahel Post".into()),
            published: Some("2024-03-05".into()),
            event_types: vec!["Battles".into()],
            actors: vec!["actor:fama".into()],
            places: vec!["place:bamako".into()],
        },
        IndexDoc {
            doc_id: 2,
            title: Some("Attaque près de Ségou".into()),
            text: "Des hommes armés ont attaqué un poste de l'armée à Ségou, selon la gendarmerie.".into(),
            lang: Some("fr".into()),
            outlet: Some("Le Courrier du Fleuve".into()),
            published: Some("2024-04-12".into()),
            event_types: vec!["Violence against civilians".into(), "Battles".into()],
            actors: vec!["actor:jnim".into(), "actor:fama".into()],
            places: vec!["place:segou".into()],
        },
        IndexDoc {
            doc_id: 3,
            title: Some("Convoy ambushed near Gao".into()),
            text: "Gunmen ambushed a supply convoy on the road to Gao; the army said three soldiers were wounded."
                .into(),
            lang: Some("en".into()),
            outlet: Some("Desert Wire".into()),
            published: Some("2024-05-20".into()),
            event_types: vec!["Battles".into()],
            actors: vec!["actor:isgs".into()],
            places: vec!["place:gao".into()],
        },
        IndexDoc {
            doc_id: 4,
            title: None,
            text: "أعلنت مجموعة فاجنر انسحاب عناصرها من القاعدة.".into(),
            lang: Some("ar".into()),
            outlet: Some("Sahel Post".into()),
            published: Some("2024-06-01".into()),
            event_types: vec!["Strategic developments".into()],
            actors: vec!["actor:wagner".into()],
            places: vec!["place:kidal".into()],
        },
        IndexDoc {
            doc_id: 5,
            title: None,
            text: "عاد الوفد لباماكو بعد زيارة افريقيا الوسطى.".into(),
            lang: Some("ar".into()),
            outlet: Some("Nile Echo".into()),
            published: Some("2023-12-30".into()),
            event_types: vec!["Protests".into()],
            actors: vec![],
            places: vec!["place:bamako".into()],
        },
    ];
    docs.push(IndexDoc { doc_id: 6, text: "Nothing to report today.".into(), ..IndexDoc::default() });
    index_of(&docs)
}

#[test]
fn a_bare_name_finds_its_forms_with_proclitics() {
    let index = index_of(&[doc(1, "وصل الوفد وبباماكو"), doc(2, "وصل الوفد إلى كيدال")]);
    assert_eq!(found(&index, "باماكو"), [1]);
}

#[test]
fn a_query_word_with_a_proclitic_finds_the_other_forms() {
    let index = index_of(&[doc(1, "وصل الوفد وبباماكو"), doc(2, "وصل الوفد إلى باماكو"), doc(3, "غادر الوفد كيدال")]);
    assert_eq!(found(&index, "لباماكو"), [1, 2]);
    assert_eq!(found(&index, "والوفد"), [1, 2, 3]);
}

#[test]
fn an_arabic_transliteration_finds_the_other() {
    let index = index_of(&[doc(1, "انسحاب مجموعة فاجنر"), doc(2, "انسحاب مجموعة أخرى")]);
    assert_eq!(found(&index, "فاغنر"), [1]);
    assert_eq!(found(&index, "ڤاغنر"), [1]);
}

#[test]
fn alef_ta_marbuta_ya_and_diacritics_do_not_matter() {
    let index =
        index_of(&[doc(1, "قمة إفريقيا في العاصمة"), doc(2, "قِمَّة افريقيا في العاصمه"), doc(3, "زار موسى المدينة")]);
    assert_eq!(found(&index, "افريقيا"), [1, 2]);
    assert_eq!(found(&index, "إفريقيا"), [1, 2]);
    assert_eq!(found(&index, "العاصمة"), [1, 2]);
    assert_eq!(found(&index, "قمة"), [1, 2]);
    assert_eq!(found(&index, "موسي"), [3]);
}

#[test]
fn french_accents_and_case_do_not_matter() {
    let index = index_of(&[doc(1, "Attaque à Ségou contre l'Armée"), doc(2, "Calme à Mopti")]);
    assert_eq!(found(&index, "segou"), [1]);
    assert_eq!(found(&index, "SÉGOU"), [1]);
    assert_eq!(found(&index, "armee"), [1]);
}

#[test]
fn english_words_are_found_whatever_their_case() {
    let index = index_of(&[doc(1, "Gunmen AMBUSHED a convoy near Gao."), doc(2, "A quiet day in Gao.")]);
    assert_eq!(found(&index, "ambushed"), [1]);
    assert_eq!(found(&index, "gao"), [1, 2]);
}

#[test]
fn latin_transliterations_with_doubled_letters_match() {
    let index = index_of(&[doc(1, "Accrochage à Tessalit")]);
    assert_eq!(found(&index, "Tesalit"), [1]);
}

#[test]
fn all_words_are_required() {
    let index = corpus();
    assert_eq!(found(&index, "convoy gao"), [3]);
    assert_eq!(found(&index, "convoy segou"), Vec::<i64>::new());
}

#[test]
fn text_without_a_word_matches_nothing_while_no_text_matches_all() {
    let index = corpus();
    let everything = ids(&index, &SearchQuery::default());
    assert!(everything.len() > 1, "the corpus: {everything:?}");
    assert_eq!(found(&index, "   "), everything, "blank text is no text constraint");
    for q in ["!!!", "\"\"", "((( ) :*", "«»", "-", "؟،"] {
        assert_eq!(found(&index, q), Vec::<i64>::new(), "{q:?} has no word to find");
        assert_eq!(index.matching_ids(&text(q)).unwrap(), Vec::<i64>::new(), "{q:?}");
    }
}

#[test]
fn the_exact_form_ranks_above_a_stem_or_a_sound_alike() {
    let index = index_of(&[doc(1, "مجموعة فاجنر"), doc(2, "مجموعة فاغنر"), doc(3, "مجموعة لفاغنر")]);
    let hits = index.search(&text("فاغنر")).unwrap();
    assert_eq!(hits.len(), 3);
    assert_eq!(hits[0].doc_id, 2);
}

#[test]
fn a_quoted_phrase_needs_its_words_in_order() {
    let index = index_of(&[doc(1, "les forces armées maliennes"), doc(2, "armées et forces de sécurité")]);
    assert_eq!(found(&index, "\"forces armées\""), [1]);
    assert_eq!(found(&index, "forces armées"), [1, 2]);
    // A phrase word also matches a clitic form at its place.
    let arabic = index_of(&[doc(1, "وصل الوفد وبباماكو"), doc(2, "باماكو وصل الوفد")]);
    assert_eq!(found(&arabic, "«الوفد باماكو»"), [1]);
}

#[test]
fn date_range_filter_is_inclusive() {
    let index = corpus();
    let q = SearchQuery { from: Some("2024-03-05".into()), to: Some("2024-05-20".into()), ..SearchQuery::default() };
    assert_eq!(ids(&index, &q), [1, 2, 3]);
    let year = SearchQuery { from: Some("2023".into()), to: Some("2023".into()), ..SearchQuery::default() };
    assert_eq!(ids(&index, &year), [5]);
    let with_text =
        SearchQuery { text: "الوفد".into(), from: Some("2024-01-01".into()), ..SearchQuery::default() };
    assert_eq!(ids(&index, &with_text), [1]);
}

#[test]
fn an_unreadable_date_filter_is_a_clear_error() {
    let index = corpus();
    let q = SearchQuery { from: Some("last week".into()), ..SearchQuery::default() };
    let message = index.search(&q).unwrap_err().to_string();
    assert!(message.contains("in-memory") && message.contains("from") && message.contains("last week"), "{message}");
}

#[test]
fn event_type_filter() {
    let index = corpus();
    let q = SearchQuery { event_type: Some("battles".into()), ..SearchQuery::default() };
    assert_eq!(ids(&index, &q), [1, 2, 3]);
    let q = SearchQuery { text: "الوفد".into(), event_type: Some("Protests".into()), ..SearchQuery::default() };
    assert_eq!(ids(&index, &q), [5]);
}

#[test]
fn actor_filter_matches_any_listed_actor() {
    let index = corpus();
    let q = SearchQuery { actors: vec!["actor:jnim".into(), "actor:wagner".into()], ..SearchQuery::default() };
    assert_eq!(ids(&index, &q), [2, 4]);
    let q = SearchQuery { actors: vec!["actor:fama".into()], ..SearchQuery::default() };
    assert_eq!(ids(&index, &q), [1, 2]);
}

#[test]
fn place_filter_matches_any_listed_place() {
    let index = corpus();
    let q = SearchQuery { places: vec!["place:bamako".into(), "place:gao".into()], ..SearchQuery::default() };
    assert_eq!(ids(&index, &q), [1, 3, 5]);
    let q = SearchQuery { text: "باماكو".into(), places: vec!["place:gao".into()], ..SearchQuery::default() };
    assert_eq!(ids(&index, &q), Vec::<i64>::new());
}

#[test]
fn lang_and_outlet_filters_ignore_case() {
    let index = corpus();
    let q = SearchQuery { lang: Some("AR".into()), ..SearchQuery::default() };
    assert_eq!(ids(&index, &q), [1, 4, 5]);
    let q = SearchQuery { outlet: Some("sahel post".into()), ..SearchQuery::default() };
    assert_eq!(ids(&index, &q), [1, 4]);
    let q = SearchQuery { lang: Some("ar".into()), outlet: Some("Nile Echo".into()), ..SearchQuery::default() };
    assert_eq!(ids(&index, &q), [5]);
}

#[test]
fn filters_without_text_return_newest_first() {
    let index = corpus();
    let q = SearchQuery { lang: Some("ar".into()), ..SearchQuery::default() };
    let order: Vec<i64> = index.search(&q).unwrap().into_iter().map(|h| h.doc_id).collect();
    assert_eq!(order, [4, 1, 5]);
}

#[test]
fn limit_caps_the_hits() {
    let index = corpus();
    let q = SearchQuery { limit: 2, ..SearchQuery::default() };
    assert_eq!(index.search(&q).unwrap().len(), 2);
}

#[test]
fn hits_carry_their_stored_fields() {
    let index = corpus();
    let hits = index.search(&text("segou")).unwrap();
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!(hit.title.as_deref(), Some("Attaque près de Ségou"));
    assert_eq!(hit.published.as_deref(), Some("2024-04-12"));
    assert_eq!(hit.outlet.as_deref(), Some("Le Courrier du Fleuve"));
    assert_eq!(hit.lang.as_deref(), Some("fr"));
    assert!(hit.score > 0.0);
    assert!(hit.snippet.contains("[[Ségou]]"), "{}", hit.snippet);
}

#[test]
fn the_snippet_highlights_the_original_clitic_form() {
    let index = corpus();
    let hits = index.search(&text("باماكو")).unwrap();
    let one = hits.iter().find(|h| h.doc_id == 1).unwrap();
    assert!(one.snippet.contains("[[وبباماكو]]"), "{}", one.snippet);
    let five = hits.iter().find(|h| h.doc_id == 5).unwrap();
    assert!(five.snippet.contains("[[لباماكو]]"), "{}", five.snippet);
}

#[test]
fn the_title_is_searched_too() {
    let index = corpus();
    assert_eq!(found(&index, "أممي"), [1]);
}

#[test]
fn deleted_documents_are_no_longer_found() {
    let mut index = corpus();
    assert_eq!(index.len(), 6);
    index.delete(2).unwrap();
    index.commit().unwrap();
    assert_eq!(index.len(), 5);
    assert_eq!(found(&index, "segou"), Vec::<i64>::new());
}

#[test]
fn adding_a_document_again_replaces_it() {
    let mut index = index_of(&[doc(1, "ancienne version à Mopti")]);
    index.add(&doc(1, "nouvelle version à Ségou")).unwrap();
    index.commit().unwrap();
    assert_eq!(index.len(), 1);
    assert_eq!(found(&index, "mopti"), Vec::<i64>::new());
    assert_eq!(found(&index, "segou"), [1]);
}

#[test]
fn additions_are_invisible_until_commit() {
    let mut index = SearchIndex::in_memory().unwrap();
    index.add(&doc(1, "Gao")).unwrap();
    assert_eq!(found(&index, "gao"), Vec::<i64>::new());
    index.commit().unwrap();
    assert_eq!(found(&index, "gao"), [1]);
}

#[test]
fn an_on_disk_index_keeps_its_documents_when_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("search");
    {
        let mut index = SearchIndex::open_or_create(&path).unwrap();
        index.add(&doc(7, "وصل الوفد وبباماكو")).unwrap();
        index.add(&doc(8, "Calme à Ségou")).unwrap();
        index.commit().unwrap();
    }
    let index = SearchIndex::open_or_create(&path).unwrap();
    assert_eq!(index.len(), 2);
    assert_eq!(found(&index, "باماكو"), [7]);
    assert_eq!(found(&index, "segou"), [8]);
}

#[test]
fn a_second_writer_on_the_same_directory_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let _first = SearchIndex::open_or_create(dir.path()).unwrap();
    let message = SearchIndex::open_or_create(dir.path()).unwrap_err().to_string();
    assert!(message.contains(&dir.path().display().to_string()) && message.contains("already open"), "{message}");
}

#[test]
fn an_index_from_a_newer_schema_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    drop(SearchIndex::open_or_create(dir.path()).unwrap());
    std::fs::write(dir.path().join(marsad_search::schema::VERSION_FILE), "999\n").unwrap();
    let message = SearchIndex::open_or_create(dir.path()).unwrap_err().to_string();
    assert!(
        message.contains("999") && message.contains("newer") && message.contains(&dir.path().display().to_string()),
        "{message}"
    );
}

#[test]
fn awkward_queries_are_just_words() {
    let index = corpus();
    for q in [
        "",
        "   ",
        "\"",
        "\"\"",
        "«",
        "AND OR NOT",
        "segou AND",
        "field:value",
        "(((",
        "*",
        "~2",
        "+gao -convoy",
        "\u{1}",
        "\u{0}",
    ] {
        index.search(&text(q)).unwrap();
    }
    assert_eq!(found(&index, "+gao -convoy"), [3]);
}

/// A query string built from the characters that trouble query parsers, Arabic and Latin letters.
fn awkward_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        "«",
        "»",
        "“",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ":",
        "*",
        "?",
        "~",
        "^",
        "+",
        "-",
        "!",
        "\\",
        "/",
        "'",
        " ",
        "\n",
        "\u{1}",
        "\u{0}",
        "\u{640}",
        "\u{64e}",
        "و",
        "ب",
        "ال",
        "باماكو",
        "فاغنر",
        "Ségou",
        "gao",
        "AND",
        "OR",
        "NOT",
        "1",
        "٣",
        "😀",
        "\u{200f}",
        "é",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_query_string_makes_a_search_fail(q in awkward_text(), any in ".{0,60}") {
        let index = shared_corpus();
        prop_assert!(index.search(&text(&q)).is_ok());
        prop_assert!(index.search(&text(&any)).is_ok());
        let filtered = SearchQuery { text: q, lang: Some(any.clone()), outlet: Some(any.clone()), event_type: Some(any.clone()), actors: vec![any.clone()], places: vec![any], ..SearchQuery::default() };
        prop_assert!(index.search(&filtered).is_ok());
    }
}

fn shared_corpus() -> &'static SearchIndex {
    static CORPUS: std::sync::OnceLock<SearchIndex> = std::sync::OnceLock::new();
    CORPUS.get_or_init(corpus)
}

/// An on-disk index in `path` holding `docs`, committed and closed.
fn on_disk(path: &std::path::Path, docs: &[IndexDoc]) {
    let mut index = SearchIndex::open_or_create(path).unwrap();
    for d in docs {
        index.add(d).unwrap();
    }
    index.commit().unwrap();
    index.close().unwrap();
}

#[test]
fn a_missing_meta_json_is_an_error_never_a_new_empty_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("search");
    on_disk(&path, &[doc(1, "Gao"), doc(2, "Kidal")]);
    std::fs::remove_file(path.join("meta.json")).unwrap();
    for error in [SearchIndex::open_or_create(&path).unwrap_err(), SearchIndex::open_read_only(&path).unwrap_err()] {
        let message = error.to_string();
        assert!(message.contains("meta.json is gone") && message.contains(&path.display().to_string()), "{message}");
    }
    assert!(!SearchIndex::exists(&path));
}

#[test]
fn repair_leaves_a_sound_index_alone_and_replaces_a_damaged_one_by_an_empty_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("search");
    on_disk(&path, &[doc(1, "Gao"), doc(2, "Kidal")]);
    assert_eq!(SearchIndex::repair(&path).unwrap(), marsad_search::Repair::Sound);
    assert_eq!(SearchIndex::open_read_only(&path).unwrap().doc_ids().unwrap(), [1, 2]);

    let other = std::fs::write(path.join("notes.txt"), "not the index's");
    other.unwrap();
    for entry in std::fs::read_dir(&path).unwrap().flatten() {
        if entry.path().extension().is_some_and(|e| e == "store") {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    assert!(SearchIndex::open_read_only(&path).is_err(), "a deleted segment file makes the index unreadable");
    match SearchIndex::repair(&path).unwrap() {
        marsad_search::Repair::Recreated { damage: Some(damage) } => assert!(damage.contains("store"), "{damage}"),
        other => panic!("{other:?}"),
    }
    let index = SearchIndex::open_read_only(&path).unwrap();
    assert!(index.is_empty(), "an empty index for the caller to fill");
    assert!(path.join("notes.txt").exists(), "files that are not the index's are left alone");
}

#[test]
fn repair_waits_for_no_writer() {
    let dir = tempfile::tempdir().unwrap();
    let writer = SearchIndex::open_or_create(dir.path()).unwrap();
    let error = SearchIndex::repair(dir.path()).unwrap_err();
    assert!(error.is_locked(), "{error}");
    drop(writer);
    assert_eq!(SearchIndex::repair(dir.path()).unwrap(), marsad_search::Repair::Sound);
}

#[test]
fn doc_ids_list_the_committed_documents_and_verify_finds_damaged_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("search");
    on_disk(&path, &[doc(5, "Gao"), doc(3, "Kidal"), doc(9, "Mopti")]);
    let mut index = SearchIndex::open_writer(&path).unwrap();
    index.delete(3).unwrap();
    index.add(&doc(4, "Ségou")).unwrap();
    assert_eq!(index.doc_ids().unwrap(), [3, 5, 9], "only what is committed");
    index.commit().unwrap();
    assert_eq!(index.doc_ids().unwrap(), [4, 5, 9]);
    assert_eq!(index.verify().unwrap(), Vec::<String>::new());
    index.close().unwrap();

    let segment_file = std::fs::read_dir(&path)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "idx"))
        .unwrap();
    // The postings' first byte: read by searches, not when the index opens.
    let mut bytes = std::fs::read(&segment_file).unwrap();
    bytes[0] ^= 0xff;
    std::fs::write(&segment_file, bytes).unwrap();
    let problems = SearchIndex::open_read_only(&path).unwrap().verify().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("checksum"), "{problems:?}");
}

#[test]
fn delete_all_takes_effect_at_the_commit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("search");
    on_disk(&path, &[doc(1, "Gao"), doc(2, "Kidal")]);
    let mut index = SearchIndex::open_writer(&path).unwrap();
    index.delete_all().unwrap();
    index.add(&doc(7, "Mopti")).unwrap();
    assert_eq!(index.doc_ids().unwrap(), [1, 2], "searches see the old entries until the commit");
    index.commit().unwrap();
    assert_eq!(index.doc_ids().unwrap(), [7]);
}
