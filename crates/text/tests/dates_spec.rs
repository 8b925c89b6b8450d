//! Specification of `dates`: date expressions in Arabic, French and English (fictional sentences).

use marsad_text::dates::dates;

/// (text of the span, ISO date or "-", precision, relative, background)
fn found(text: &str, published: Option<&str>) -> Vec<(String, String, u8, bool, bool)> {
    dates(text, published)
        .iter()
        .map(|m| {
            let words: String =
                text.chars().skip(m.span.start as usize).take((m.span.end - m.span.start) as usize).collect();
            (words, m.date.map_or("-".to_string(), |d| d.to_iso()), m.precision as u8, m.relative, m.background)
        })
        .collect()
}

fn iso(text: &str, published: &str) -> Vec<String> {
    dates(text, Some(published)).iter().map(|m| m.date.map_or("-".to_string(), |d| d.to_iso())).collect()
}

const PUB: &str = "2025-09-10"; // a Wednesday

#[test]
fn arabic_absolute_dates() {
    assert_eq!(
        found("في 6 سبتمبر 2025 هاجم مسلحون", None),
        [("6 سبتمبر 2025".into(), "2025-09-06".into(), 1, false, false)]
    );
    assert_eq!(iso("وقع الهجوم في السادس من سبتمبر", PUB), ["2025-09-06"]);
    assert_eq!(iso("في الثالث من أكتوبر", PUB), ["2025-10-03"], "less than two months ahead: this year");
    assert_eq!(iso("في الثالث من ديسمبر", PUB), ["2024-12-03"], "further ahead: last year");
    assert_eq!(iso("في الحادي والثلاثين من أغسطس", PUB), ["2025-08-31"]);
    assert_eq!(iso("الثانية عشرة من يوليو", PUB), ["2025-07-12"]);
    assert_eq!(iso("٦/٩/٢٠٢٥", PUB), ["2025-09-06"]);
    assert_eq!(iso("في 12 أيلول 2025 وفي 3 كانون الثاني 2024", PUB), ["2025-09-12", "2024-01-03"]);
    assert_eq!(iso("يوم 14 جويلية و 2 أوت", PUB), ["2025-07-14", "2025-08-02"]);
}

#[test]
fn french_absolute_dates() {
    assert_eq!(iso("le 17 septembre 2025", PUB), ["2025-09-17"]);
    assert_eq!(iso("le 7 septembre, l'armée", PUB), ["2025-09-07"]);
    assert_eq!(iso("le 1er octobre", PUB), ["2025-10-01"]);
    assert_eq!(iso("le 1er décembre", PUB), ["2024-12-01"]);
    assert_eq!(iso("le 1er août", PUB), ["2025-08-01"]);
    assert_eq!(iso("le 3 sept. 2025", PUB), ["2025-09-03"]);
    assert_eq!(iso("le 06-09-2025 à Gao", PUB), ["2025-09-06"]);
    assert_eq!(iso("le premier février 2024", PUB), ["2024-02-01"]);
}

#[test]
fn english_absolute_dates() {
    assert_eq!(
        found("On September 6, 2025, gunmen", None),
        [("September 6, 2025".into(), "2025-09-06".into(), 1, false, false)]
    );
    assert_eq!(iso("on 6 September", PUB), ["2025-09-06"]);
    assert_eq!(iso("on Sept. 6 the convoy", PUB), ["2025-09-06"]);
    assert_eq!(iso("report dated 2025-09-06", PUB), ["2025-09-06"]);
    assert_eq!(iso("on the 3rd of August", PUB), ["2025-08-03"]);
}

#[test]
fn a_day_without_year_needs_a_publication_date() {
    assert_eq!(found("le 17 septembre", None), [("17 septembre".into(), "-".into(), 1, false, false)]);
    assert_eq!(iso("le 29 février", "2025-03-01"), ["-"], "2025 has no 29 February");
    assert!(dates("le 31 février", Some(PUB)).is_empty());
}

#[test]
fn ambiguous_month_words_need_context() {
    assert!(dates("مارس الجيش ضغوطا على السكان", Some(PUB)).is_empty());
    assert!(dates("قال الأب إن ابنه قتل", Some(PUB)).is_empty());
    assert!(dates("They may return. The march went on.", Some(PUB)).is_empty());
    assert_eq!(iso("في مارس", PUB), ["2025-03"]);
    assert_eq!(iso("منذ آب 2024", PUB), ["2024-08"]);
    assert_eq!(iso("in May", PUB), ["2025-05"]);
}

#[test]
fn months_alone_and_their_parts() {
    assert_eq!(found("سبتمبر الماضي", Some(PUB)), [("سبتمبر الماضي".into(), "2024-09".into(), 2, true, false)]);
    assert_eq!(iso("أغسطس الماضي", PUB), ["2025-08"]);
    assert_eq!(iso("في سبتمبر", PUB), ["2025-09"]);
    assert_eq!(found("مطلع سبتمبر 2025", None), [("مطلع سبتمبر 2025".into(), "2025-09".into(), 2, false, false)]);
    assert_eq!(found("début septembre", Some(PUB)), [("début septembre".into(), "2025-09".into(), 2, false, false)]);
    assert_eq!(found("in early September", Some(PUB)), [("early September".into(), "2025-09".into(), 2, false, false)]);
    assert_eq!(iso("منتصف أغسطس وأواخر يوليو", PUB), ["2025-08", "2025-07"]);
    assert_eq!(iso("fin septembre et late October", PUB), ["2025-09", "2025-10"]);
    assert_eq!(iso("late December", PUB), ["2024-12"]);
    assert_eq!(iso("octobre prochain", PUB), ["2025-10"]);
}

#[test]
fn relative_days() {
    assert_eq!(found("قتل أمس خمسة جنود", Some(PUB)), [("أمس".into(), "2025-09-09".into(), 1, true, false)]);
    assert_eq!(iso("وقع الهجوم بالأمس", PUB), ["2025-09-09"]);
    assert_eq!(iso("البارحة", PUB), ["2025-09-09"]);
    assert_eq!(iso("أول من أمس وأول أمس", PUB), ["2025-09-08", "2025-09-08"]);
    // The first of two yesterdays is the day before yesterday, in either order.
    assert_eq!(iso("وقع أمس الأول", PUB), ["2025-09-08"]);
    assert_eq!(iso("اليوم وغدا", PUB), ["2025-09-10", "2025-09-11"]);
    assert_eq!(iso("hier, avant-hier et aujourd'hui", PUB), ["2025-09-09", "2025-09-08", "2025-09-10"]);
    assert_eq!(iso("yesterday and today", PUB), ["2025-09-09", "2025-09-10"]);
    // "الاثنين" after a definite plural is "the two", not Monday.
    assert_eq!(iso("نقل المصابين الاثنين إلى المستشفى", PUB), Vec::<String>::new());
    assert_eq!(iso("أعلن الجيش الاثنين مقتل جنديين", PUB), ["2025-09-08"]);
    // Counted back from the publication day; not from another day ("4 days before the attack").
    assert_eq!(iso("five days ago", PUB), ["2025-09-05"]);
    assert_eq!(iso("il y a trois jours", PUB), ["2025-09-07"]);
    // A word of precision between "il y a" and the count; a singular unit with its article.
    assert_eq!(iso("il y a tout juste une semaine", PUB), ["2025-09-03"]);
    // A few days or weeks: three, known to the week.
    assert_eq!(
        found("il y a quelques semaines", Some(PUB)),
        [("il y a quelques semaines".into(), "2025-08-20".into(), 2, true, false)]
    );
    assert_eq!(iso("a few days ago", PUB), ["2025-09-07"]);
    assert_eq!(iso("قبل بضعة أيام", PUB), ["2025-09-07"]);
    assert_eq!(iso("قبل أسبوع", PUB), ["2025-09-03"]);
    assert_eq!(iso("خطف قبل أسبوع من الهجوم", PUB), Vec::<String>::new());
    assert_eq!(iso("قبل ثلاثة أيام", PUB), ["2025-09-07"]);
    assert_eq!(iso("قبل يومين", PUB), ["2025-09-08"]);
    assert_eq!(iso("خطفا قبل 4 أيام من الهجوم", PUB), Vec::<String>::new());
    // About that many days ago: the day counted back, known only to the week.
    assert_eq!(
        found("il y a une dizaine de jours", Some(PUB)),
        [("il y a une dizaine de jours".into(), "2025-08-31".into(), 2, true, false)]
    );
    assert_eq!(
        found("قبل نحو عشرة أيام", Some(PUB)),
        [("قبل نحو عشرة أيام".into(), "2025-08-31".into(), 2, true, false)]
    );
    assert_eq!(
        found("a dozen days ago", Some(PUB)),
        [("a dozen days ago".into(), "2025-08-29".into(), 1, true, false)]
    );
    // "de" stands between a count and its unit only after a vague count.
    assert_eq!(iso("il y a trois de jours", PUB), Vec::<String>::new());
    // Parts of the publication day.
    assert_eq!(iso("left this morning", PUB), ["2025-09-10"]);
    assert_eq!(iso("attaqué ce matin, puis cet après-midi", PUB), ["2025-09-10", "2025-09-10"]);
    assert_eq!(iso("هاجموا هذا الصباح", PUB), ["2025-09-10"]);
    assert_eq!(found("أمس", None), [("أمس".into(), "-".into(), 1, true, false)]);
}

#[test]
fn weekdays() {
    assert_eq!(
        found("هاجموا القرية مساء الاثنين", Some(PUB)),
        [("مساء الاثنين".into(), "2025-09-08".into(), 1, true, false)]
    );
    assert_eq!(iso("يوم السبت", PUB), ["2025-09-06"]);
    assert_eq!(iso("فجر الأربعاء", PUB), ["2025-09-10"], "the publication day itself");
    assert_eq!(iso("الجمعة الماضية", PUB), ["2025-09-05"]);
    assert_eq!(iso("ليلة الخميس", PUB), ["2025-09-04"]);
    assert_eq!(iso("samedi dernier", PUB), ["2025-09-06"]);
    assert_eq!(found("mardi soir", Some(PUB)), [("mardi soir".into(), "2025-09-09".into(), 1, true, false)]);
    assert_eq!(
        found("dans la nuit de lundi à mardi", Some(PUB)),
        [("nuit de lundi à mardi".into(), "2025-09-08".into(), 1, true, false)]
    );
    assert_eq!(iso("on Saturday, last Tuesday and Tuesday night", PUB), ["2025-09-06", "2025-09-09", "2025-09-09"]);
    assert_eq!(iso("last Wednesday", PUB), ["2025-09-03"]);
    assert_eq!(found("يوم السبت", None), [("يوم السبت".into(), "-".into(), 1, true, false)]);
}

#[test]
fn weeks_months_and_years_relative_to_publication() {
    assert_eq!(found("الأسبوع الماضي", Some(PUB)), [("الأسبوع الماضي".into(), "2025-09-01".into(), 2, true, false)]);
    assert_eq!(iso("la semaine dernière", PUB), ["2025-09-01"]);
    assert_eq!(iso("last week", "2025-09-07"), ["2025-08-25"]);
    // The weekend before the publication's week, by its Saturday at week precision.
    assert_eq!(
        found("le week-end dernier", Some(PUB)),
        [("week-end dernier".into(), "2025-09-06".into(), 2, true, false)]
    );
    assert_eq!(iso("last weekend", "2025-09-07"), ["2025-08-30"]);
    assert_eq!(iso("نهاية الأسبوع الماضي", PUB), ["2025-09-06"]);
    assert_eq!(iso("الشهر الماضي", PUB), ["2025-08"]);
    assert_eq!(iso("l'an dernier", PUB), ["2024"]);
    assert_eq!(found("منذ أسابيع", Some(PUB)), [("منذ أسابيع".into(), "2025-09".into(), 3, true, false)]);
    assert_eq!(iso("depuis des semaines et for weeks", PUB), ["2025-09", "2025-09"]);
}

#[test]
fn years_and_background() {
    assert_eq!(found("منذ سيطرة المسلحين عام 2012", Some(PUB)), [("عام 2012".into(), "2012".into(), 3, false, true)]);
    assert_eq!(found("سنة 2025", Some(PUB)), [("سنة 2025".into(), "2025".into(), 3, false, false)]);
    assert_eq!(found("depuis 2024", Some(PUB)), [("depuis 2024".into(), "2024".into(), 3, false, true)]);
    assert_eq!(found("since 2012", None), [("since 2012".into(), "2012".into(), 3, false, true)]);
    assert_eq!(found("en 2012", Some(PUB)), [("en 2012".into(), "2012".into(), 3, false, true)]);
    assert_eq!(found("in 2024", Some(PUB)), [("in 2024".into(), "2024".into(), 3, false, false)]);
    // "في 2012", "خلال 2012", "pendant 2012": a year after "in" or "during" in any language.
    assert_eq!(found("وسيطرت في 2012 جماعات", Some(PUB)), [("في 2012".into(), "2012".into(), 3, false, true)]);
    assert_eq!(found("خلال 2024", Some(PUB)), [("خلال 2024".into(), "2024".into(), 3, false, false)]);
    assert_eq!(found("pendant 2012", Some(PUB)), [("pendant 2012".into(), "2012".into(), 3, false, true)]);
    // A count after "في" is no year: "في 15 هجوما".
    assert!(found("في 15 هجوما", Some(PUB)).is_empty());
    assert_eq!(found("le 3 mars 2023", Some(PUB)), [("3 mars 2023".into(), "2023-03-03".into(), 1, false, true)]);
    // A relative month or year after a since-word opens a period: background; a day does not.
    assert_eq!(found("منذ العام الماضي", Some(PUB)), [("العام الماضي".into(), "2024".into(), 3, true, true)]);
    assert_eq!(found("depuis l'an dernier", Some(PUB)), [("an dernier".into(), "2024".into(), 3, true, true)]);
    assert_eq!(found("since last month", Some(PUB)), [("last month".into(), "2025-08".into(), 2, true, true)]);
    assert_eq!(found("depuis lundi", Some(PUB)), [("lundi".into(), "2025-09-08".into(), 1, true, false)]);
}

#[test]
fn ago_after_and() {
    assert_eq!(iso("وقبل يومين قتل مسلحون", PUB), ["2025-09-08"]);
    assert_eq!(iso("وقبل ثلاثة أيام", PUB), ["2025-09-07"]);
    // "منذ 3 أيام" is three days ago, like "قبل 3 أيام".
    assert_eq!(iso("ومنذ 3 أيام، قتل مسلحون", PUB), ["2025-09-07"]);
    assert_eq!(iso("منذ يومين", PUB), ["2025-09-08"]);
    // "more than a week ago", "about a week ago": known to the week.
    assert_eq!(found("ومنذ أكثر من أسبوع، أعلنت", Some(PUB))[0].1, "2025-09-03");
    assert_eq!(found("قبل نحو أسبوع", Some(PUB))[0].2, 2);
}

#[test]
fn today_with_a_weekday_is_that_weekday() {
    // PUB is a Wednesday; a page stamped on Thursday just after midnight still says Wednesday.
    assert_eq!(iso("اليوم الأربعاء", PUB), ["2025-09-10"]);
    assert_eq!(iso("اليوم الأربعاء", "2025-09-11"), ["2025-09-10"]);
    assert_eq!(iso("aujourd'hui mercredi", "2025-09-11"), ["2025-09-10"]);
    assert_eq!(iso("today, Wednesday,", "2025-09-11"), ["2025-09-10"]);
}

#[test]
fn a_day_of_a_relative_month() {
    assert_eq!(
        found("في 9 من الشهر الماضي", Some(PUB)),
        [("9 من الشهر الماضي".into(), "2025-08-09".into(), 1, true, false)]
    );
    assert_eq!(iso("في التاسع من الشهر الجاري", PUB), ["2025-09-09"]);
    assert_eq!(iso("le 9 du mois dernier", PUB), ["2025-08-09"]);
    assert_eq!(iso("on the 9th of last month", PUB), ["2025-08-09"]);
    assert_eq!(iso("le 31 du mois dernier", "2025-10-10"), ["2025-09"], "September has no 31st: the month alone");
    assert_eq!(found("le 9 du mois dernier", None)[0].1, "-", "no publication date: no date");
}

#[test]
fn a_past_weekday_on_a_page_dated_to_a_month_is_that_month() {
    // The page says only "2025-06": "vendredi" is a day of that month, not a known day.
    for text in ["Le pont a été détruit vendredi.", "The bridge was blown up on Friday.", "فجروا الجسر يوم الجمعة."]
    {
        let got = found(text, Some("2025-06"));
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!((got[0].1.as_str(), got[0].2), ("2025-06", 2), "{text}: {got:?}");
    }
    // "Next Friday" is not in the past: no date.
    assert_eq!(found("Il partira vendredi prochain.", Some("2025-06"))[0].1, "-");
    // With a day, the weekday counts back from it as before.
    assert_eq!(iso("Le pont a été détruit vendredi.", "2025-06-11"), ["2025-06-06"]);
}

#[test]
fn days_counted_from_another_day_of_the_sentence() {
    // "five days earlier" counts back from the day the sentence gave before it, not from the
    // publication day; "later" counts forward.
    assert_eq!(
        found("The group said on Sunday that five days earlier its fighters took a post.", Some(PUB)),
        [
            ("Sunday".into(), "2025-09-07".into(), 1, true, false),
            ("five days earlier".into(), "2025-09-02".into(), 1, true, false)
        ]
    );
    assert_eq!(
        iso("On 3 September gunmen raided Djibo; two days later the army struck back.", PUB),
        ["2025-09-03", "2025-09-05"]
    );
    assert_eq!(
        iso("Le groupe a affirmé le 6 septembre que trois jours plus tôt, ses hommes avaient pris un poste.", PUB),
        ["2025-09-06", "2025-09-03"]
    );
    assert_eq!(
        iso("Le 2 septembre, des hommes armés ont attaqué Gao et quatre jours plus tard, Ansongo.", PUB),
        ["2025-09-02", "2025-09-06"]
    );
    // Nothing to count from: no day before it in the sentence, or only one in another sentence.
    assert_eq!(iso("Five days earlier, gunmen had attacked the post.", PUB), Vec::<String>::new());
    assert_eq!(iso("The post fell on 3 September. Five days earlier, gunmen had raided it.", PUB), ["2025-09-03"]);
    // A month is no day to count from.
    assert_eq!(iso("In August, the group said that five days earlier it took a post.", PUB), ["2025-08"]);
}

#[test]
fn arabic_days_counted_from_another_day_of_the_sentence() {
    // "بعد ذلك بيومين" (two days after that), "قبلها بأسبوع" (a week before it).
    assert_eq!(
        iso("هاجم مسلحون القرية في 3 سبتمبر، وبعد ذلك بيومين قصف الجيش مواقعهم.", PUB),
        ["2025-09-03", "2025-09-05"]
    );
    assert_eq!(
        iso("أعلنت الجماعة في 8 سبتمبر أنها سيطرت قبلها بأسبوع على موقع للجيش.", PUB),
        ["2025-09-08", "2025-09-01"]
    );
    assert_eq!(iso("أعلنت الجماعة الأحد أنها هاجمت قبل ذلك بيومين موقعا للجيش.", PUB), ["2025-09-07", "2025-09-05"]);
    // No day before it in the sentence: nothing to count from.
    assert_eq!(iso("وبعد ذلك بيومين قصف الجيش مواقعهم.", PUB), Vec::<String>::new());
}

#[test]
fn the_eve_and_the_morrow_of_a_day_the_sentence_gave() {
    // "la veille", "the previous day", "اليوم السابق": the day before the sentence's day.
    assert_eq!(
        iso("L'armée a annoncé le 5 septembre que la veille, des hommes armés avaient attaqué Djibo.", PUB),
        ["2025-09-05", "2025-09-04"]
    );
    assert_eq!(
        iso("The army said on 5 September that the previous day gunmen had attacked Djibo.", PUB),
        ["2025-09-05", "2025-09-04"]
    );
    assert_eq!(
        iso("أعلن الجيش في 5 سبتمبر أن مسلحين هاجموا في اليوم السابق موقعا.", PUB),
        ["2025-09-05", "2025-09-04"]
    );
    assert_eq!(
        iso("Le 2 septembre, des hommes armés ont attaqué Gao et le surlendemain, Ansongo.", PUB),
        ["2025-09-02", "2025-09-04"]
    );
    assert_eq!(
        iso("Gunmen raided Djibo on 3 September and the army struck back the following day.", PUB),
        ["2025-09-03", "2025-09-04"]
    );
    assert_eq!(iso("Le 6 septembre, le groupe a dit avoir frappé l'avant-veille.", PUB), ["2025-09-06", "2025-09-04"]);
    // No day before it in the sentence: no date here (never "today" for "اليوم التالي").
    assert_eq!(iso("هاجم مسلحون موقعا في اليوم التالي لوصول التعزيزات.", PUB), Vec::<String>::new());
    assert_eq!(iso("Le lendemain, l'armée a riposté.", PUB), Vec::<String>::new());
}
