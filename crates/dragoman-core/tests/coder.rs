//! Behaviour of the coder with the built-in dictionaries, on sentences written for
//! these tests (grammar, actors, dates, across regions).

use std::sync::OnceLock;

use dragoman_core::coder::{code_document, CodeOptions};
use dragoman_core::knowledge::{Knowledge, KnowledgeBuilder};
use dragoman_core::model::{parse_date, Document, Event};

fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| KnowledgeBuilder::new().builtin().build())
}

fn code_with(text: &str, published: &str, opts: &CodeOptions) -> Vec<Event> {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        published: parse_date(published).unwrap(),
        source: None,
        url: None,
        title: None,
    };
    code_document(&doc, knowledge(), opts).events
}

fn code(text: &str) -> Vec<Event> {
    code_with(text, "2024-01-18", &CodeOptions::default())
}

/// (source, target, code) triples, target "-" when there is none.
fn triples(events: &[Event]) -> Vec<(String, String, String)> {
    let mut v: Vec<_> = events
        .iter()
        .map(|e| (e.source.code.clone(), e.target.as_ref().map_or("-".into(), |t| t.code.clone()), e.code.clone()))
        .collect();
    v.sort();
    v
}

fn has(events: &[Event], source: &str, target: &str, code: &str) -> bool {
    events.iter().any(|e| {
        e.source.code.starts_with(source)
            && e.target.as_ref().map_or("-", |t| t.code.as_str()).starts_with(target)
            && e.code.starts_with(code)
    })
}

#[test]
fn simple_transitive_sentence() {
    let ev = code("Russia urged Armenia on Wednesday to resume talks with Azerbaijan.");
    assert!(has(&ev, "RUS", "ARM", "026"), "{:?}", triples(&ev));
    let e = &ev[0];
    assert_eq!(e.date, "2024-01-17");
    assert_eq!(e.root, "02");
    assert_eq!(e.quad_class, Some(1));
    assert_eq!(e.plover.kind.as_deref(), Some("REQUEST"));
    assert_eq!(e.sentence, 0);
    assert_eq!(&e.sentence_text[..6], "Russia");
}

#[test]
fn roles_compose_with_countries() {
    let ev = code("The Russian Foreign Ministry criticized the Armenian ambassador.");
    assert!(has(&ev, "RUSGOV", "ARMGOV", "111"), "{:?}", triples(&ev));
    let ev = code("Russian peacekeepers clashed with Azerbaijani troops.");
    assert!(has(&ev, "RUSMIL", "AZEMIL", "19"), "{:?}", triples(&ev));
}

#[test]
fn passive_voice_swaps_the_roles() {
    let ev = code("Ukrainian troops were attacked by Russian forces near Bakhmut on Monday.");
    assert!(has(&ev, "RUSMIL", "UKRMIL", "19"), "{:?}", triples(&ev));
    assert!(!has(&ev, "UKR", "RUS", ""), "{:?}", triples(&ev));
}

#[test]
fn negation_and_modality_drop_events_unless_asked() {
    let ev = code("Israel did not attack Lebanon.");
    assert!(ev.is_empty(), "{:?}", triples(&ev));
    let ev = code("Israel may attack Lebanon.");
    assert!(ev.is_empty(), "{:?}", triples(&ev));
    let keep = CodeOptions { keep_negated: true, keep_hypothetical: true, ..CodeOptions::default() };
    let ev = code_with("Israel did not attack Lebanon.", "2024-01-18", &keep);
    assert!(ev.iter().any(|e| e.negated && e.source.code.starts_with("ISR")), "{:?}", triples(&ev));
    let ev = code_with("Israel may attack Lebanon.", "2024-01-18", &keep);
    assert!(ev.iter().any(|e| e.hypothetical), "{:?}", triples(&ev));
}

#[test]
fn reported_speech_codes_the_report_not_the_saying() {
    // The guide: the saying is a statement (01x) only when nothing else is reported.
    let ev = code("Pakistan said that India shelled its border posts.");
    assert!(has(&ev, "IND", "PAK", "19"), "{:?}", triples(&ev));
    assert!(!has(&ev, "PAK", "", "01"), "{:?}", triples(&ev));
    let ev = code("Pakistan told India on Monday that the talks were useful.");
    assert!(has(&ev, "PAK", "IND", "01"), "{:?}", triples(&ev));
}

#[test]
fn coordination_gives_one_event_per_pair() {
    let ev = code("France and Germany condemned Iran and Syria.");
    for (s, t) in [("FRA", "IRN"), ("FRA", "SYR"), ("DEU", "IRN"), ("DEU", "SYR")] {
        assert!(has(&ev, s, t, "111"), "{s}->{t} missing: {:?}", triples(&ev));
    }
    let ev = code("China and Japan discussed trade.");
    assert!(has(&ev, "CHN", "JPN", "04") && has(&ev, "JPN", "CHN", "04"), "{:?}", triples(&ev));
}

#[test]
fn pronouns_follow_the_last_subject() {
    let ev = code("The Egyptian government hosted talks on Gaza. It also criticized Israel.");
    assert!(has(&ev, "EGY", "ISR", "111"), "{:?}", triples(&ev));
}

#[test]
fn infinitives_are_not_events_of_their_own() {
    let ev = code("Turkey offered to mediate between Russia and Ukraine.");
    assert!(has(&ev, "TUR", "", "03"), "{:?}", triples(&ev));
    assert!(!ev.iter().any(|e| e.code.starts_with("04")), "{:?}", triples(&ev));
}

#[test]
fn nominal_events_need_a_date_or_a_place() {
    let ev = code("Azerbaijan's September 19-20 military offensive in Nagorno-Karabakh displaced thousands.");
    let e = ev.iter().find(|e| e.code == "190").expect("nominal offensive");
    assert!(e.source.code.starts_with("AZE"));
    assert_eq!((e.date.as_str(), e.date_end.as_str()), ("2023-09-19", "2023-09-20"));
    let ev = code("Citing the Azerbaijani offensive, officials left.");
    assert!(!ev.iter().any(|e| e.code == "190"), "{:?}", triples(&ev));
}

#[test]
fn regions_sahel_middle_east_asia_latin_america() {
    assert!(has(&code("Mali expelled the French ambassador on Friday."), "MLI", "FRAGOV", "1"));
    assert!(has(&code("Egypt hosted Qatari negotiators in Cairo."), "EGY", "QAT", "043"));
    assert!(has(&code("South Korea condemned North Korea after the missile launch."), "KOR", "PRK", "111"));
    assert!(has(&code("Colombia signed a peace agreement with the rebels."), "COL", "", "057"));
    assert!(has(&code("Ukraine accused Russia of shelling Kharkiv."), "UKR", "RUS", "112"));
}

#[test]
fn misspelt_leaders_and_dated_roles() {
    let ev = code("President Ilham Aliyev cancelled a meeting with Pashiniyan.");
    assert!(has(&ev, "AZEGOV", "ARMGOV", "125"), "{:?}", triples(&ev));
    // Before he took office, Pashinyan was not the government.
    let ev = code_with("Nikol Pashinyan criticized Russia.", "2015-06-01", &CodeOptions::default());
    assert!(!ev.iter().any(|e| e.source.code == "ARMGOV"), "{:?}", triples(&ev));
}

#[test]
fn evidence_offsets_point_into_the_text() {
    let text = "BAKU (Dragoman Wire) \u{2014} Azerbaijan\u{2019}s president accused Armenia of provocations.";
    let ev = code(text);
    let e = ev.first().expect("an event");
    assert_eq!(&text[e.evidence.trigger.start..e.evidence.trigger.end], "accused");
    assert_eq!(&text[e.source.span.start..e.source.span.end], e.source.text);
    assert!(e.span.start <= e.evidence.trigger.start && e.span.end >= e.evidence.trigger.end);
}

#[test]
fn a_name_inside_a_place_name_is_not_a_target() {
    let ev = code("North Korea fired two missiles into the Sea of Japan on Sunday.");
    assert!(ev.iter().any(|e| e.source.code.starts_with("PRK")), "{:?}", triples(&ev));
    assert!(!ev.iter().any(|e| e.target.as_ref().is_some_and(|t| t.code.starts_with("JPN"))), "{:?}", triples(&ev));
}

#[test]
fn roles_without_a_country_take_the_story_country_and_say_so() {
    let ev = code("YEREVAN, May 14 (Reuters) - Police detained dozens of protesters outside parliament on Tuesday.");
    let e = ev.iter().find(|e| e.code.starts_with("173")).unwrap_or_else(|| panic!("{:?}", triples(&ev)));
    assert_eq!(e.source.code, "ARMCOP");
    assert!(e.source.inferred, "a bare `police` is flagged as inferred");
    assert_eq!(e.target.as_ref().map(|t| t.code.as_str()), Some("ARMOPP"));
    // A named country is not inferred, and a place in the sentence outranks the dateline.
    let ev = code("LONDON (Reuters) - Kenyan police fired tear gas at protesters in Nairobi on Tuesday.");
    let e = ev.iter().find(|e| e.code.starts_with("17")).unwrap_or_else(|| panic!("{:?}", triples(&ev)));
    assert!(!e.source.inferred);
    assert_eq!(e.target.as_ref().map(|t| t.code.as_str()), Some("KENOPP"));
    // A weapon never takes the story's country: "with missiles" is no target.
    let ev = code("SANAA (Reuters) - The Houthis attacked a tanker in the Red Sea with missiles on Monday.");
    assert!(!has(&ev, "YEMREB", "YEMMIL", ""), "{:?}", triples(&ev));
}

#[test]
fn the_tree_finds_subjects_that_word_order_loses() {
    // A relative clause between subject and verb.
    let ev = code("Russia's Investigative Committee, which probes major crimes, accused Ukraine of the attack.");
    assert!(has(&ev, "RUS", "UKR", "112"), "{:?}", triples(&ev));
    // A trailing participle shares the subject of the verb it hangs from.
    let ev = code("Congo recalled its ambassador from Kigali on Monday, accusing Rwanda of backing the rebels.");
    assert!(has(&ev, "COD", "RWA", "112"), "{:?}", triples(&ev));
    // The shallow coder stays available and loses it.
    let shallow = CodeOptions { shallow: true, ..CodeOptions::default() };
    let ev = code_with(
        "Congo recalled its ambassador from Kigali on Monday, accusing Rwanda of backing the rebels.",
        "2024-01-18",
        &shallow,
    );
    assert!(!has(&ev, "COD", "RWA", "112"), "{:?}", triples(&ev));
}

#[test]
fn announced_acts_are_intents() {
    // "will" and a promising verb make the act an intent (03x, 13x), per the guide.
    let ev = code("Germany will deliver air defence systems to Ukraine.");
    assert!(has(&ev, "DEU", "UKR", "0332"), "{:?}", triples(&ev));
    assert!(!has(&ev, "DEU", "", "072"), "{:?}", triples(&ev));
    let ev = code("France decided on Monday to withdraw its troops from Niger.");
    assert!(has(&ev, "FRA", "NER", "035"), "{:?}", triples(&ev));
    // "may" stays hypothetical and is not coded.
    assert!(code("Germany may deliver air defence systems to Ukraine.").is_empty());
    // A country's own unnamed units are never its target.
    let ev = code("Germany will send more air defence systems to Ukraine.");
    assert!(ev.iter().all(|e| e.target.as_ref().is_some_and(|t| t.code.starts_with("UKR"))), "{:?}", triples(&ev));
}

#[test]
fn calling_someone_names_is_no_phone_call() {
    let ev = code("Peskov called Zelenskiy an illegitimate leader.");
    assert!(has(&ev, "RUS", "UKR", "111"), "{:?}", triples(&ev));
    let ev = code("Biden called Putin on Tuesday to discuss the crisis.");
    assert!(has(&ev, "USA", "RUS", "041"), "{:?}", triples(&ev));
    let ev = code("The Taliban administration called the expulsions \"cruel\" and urged Islamabad to wait.");
    assert!(has(&ev, "AFG", "PAK", "111"), "{:?}", triples(&ev));
    let ev = code("Estonia called for the European Union to take tougher action.");
    assert!(has(&ev, "EST", "IGOEUREEC", "02"), "{:?}", triples(&ev));
    let ev = code("Peskov said Zelenskiy lacked legitimacy.");
    assert!(has(&ev, "RUS", "UKR", "111"), "{:?}", triples(&ev));
}

#[test]
fn a_relative_clause_between_subject_and_verb_is_skipped() {
    let ev = code(
        "Saudi Arabia, which has been trying to cement a truce with the Houthis after nine years of war, \
         called for restraint on Monday.",
    );
    assert!(has(&ev, "SAU", "", "02"), "{:?}", triples(&ev));
    let ev = code("Burkina Faso has freed four French officials who had been held in Ouagadougou for a year.");
    assert!(has(&ev, "BFA", "FRA", "0841"), "{:?}", triples(&ev));
}

#[test]
fn events_told_through_nouns_and_participles() {
    let ev = code("GAZA (Reuters) - At least 38 people were killed in Israeli strikes on Rafah overnight.");
    assert!(has(&ev, "ISR", "PSE", "19"), "{:?}", triples(&ev));
    let ev = code("Armenia and Azerbaijan resumed talks on Monday in a process mediated by the European Union.");
    assert!(has(&ev, "IGOEUREEC", "", "045"), "{:?}", triples(&ev));
}

#[test]
fn a_name_introduced_with_a_title_is_known_for_the_rest_of_the_story() {
    let text =
        "TRIPOLI (Reuters) - Forces loyal to Prime Minister Fayez al-Serraj launched a counter-offensive on Sunday. \
                Serraj accused Haftar of staging a coup.";
    let ev = code(text);
    assert!(
        ev.iter().any(|e| e.sentence == 1 && e.code.starts_with("112") && e.source.code.starts_with("LBY")),
        "{:?}",
        triples(&ev)
    );
    // A bare title in a sentence naming several countries teaches nothing.
    let text =
        "NIAMEY (Reuters) - Niger's junta revoked an agreement with US troops, spokesman Colonel Amadou Abdramane said. \
                Abdramane accused the Americans of arrogance.";
    let ev = code(text);
    assert!(!ev.iter().any(|e| e.sentence == 1 && e.source.code.starts_with("USA")), "{:?}", triples(&ev));
    // The name alone, never introduced, names no one.
    assert!(code("Serraj accused Haftar of staging a coup.").iter().all(|e| !e.source.code.starts_with("LBYGOV")));
}

#[test]
fn a_name_set_beside_its_role_is_that_role_for_the_rest_of_the_story() {
    // The name before its role: the role acts in this sentence and later.
    let text = "TRIPOLI (Reuters) - Osama Hamad, the prime minister of the eastern government, accused \
                the rival council of violating agreements on Monday. Hamad also criticised Egypt on Tuesday.";
    let ev = code(text);
    assert!(
        ev.iter().any(|e| e.sentence == 0 && e.code.starts_with("112") && e.source.code == "LBYGOV"),
        "{:?}",
        triples(&ev)
    );
    assert!(has(&ev, "LBYGOV", "EGY", "111"), "{:?}", triples(&ev));
    // The role before the name.
    let text = "CAIRO (Reuters) - Egypt recalled the country's interior minister, Mahmoud Tawfiq, on Monday. \
                Tawfiq accused Libya of meddling.";
    let ev = code(text);
    assert!(
        ev.iter().any(|e| e.sentence == 1 && e.code.starts_with("112") && e.source.code.starts_with("EGY")),
        "{:?}",
        triples(&ev)
    );
    // A place's name after a title and before more of a name is a first name.
    let ev = code("NAIROBI (Reuters) - Defence Minister Aden Duale deployed troops on Tuesday.");
    assert!(ev.iter().all(|e| e.source.code.starts_with("KEN")) && !ev.is_empty(), "{:?}", triples(&ev));
    // Without the role the name names no one.
    assert!(code("Tawfiq accused Libya of meddling.").iter().all(|e| !e.source.code.starts_with("EGY")));
}

#[test]
fn a_titled_name_before_a_possessive_is_learned_and_a_visit_is_to_the_place_s_country() {
    let text = "SUVA, Fiji (Reuters) - The opposition accused Prime Minister Sitiveni Rabuka's government of \
                silencing critics on Friday. Rabuka rejected the claim on Saturday.";
    let ev = code_with(text, "2024-03-09", &CodeOptions::default());
    assert!(ev.iter().any(|e| e.sentence == 1 && e.source.code.starts_with("FJIGOV")), "{:?}", triples(&ev));
    let ev = code("ATHENS (Reuters) - Greek Foreign Minister Nikos Dendias arrived in Adana on Friday.");
    assert!(has(&ev, "GRC", "TUR", "042"), "{:?}", triples(&ev));
}

#[test]
fn the_bloc_is_the_international_body_named_last() {
    let text = "BRUSSELS (Reuters) - The European Union held a summit on Iran on Monday. \
                Its foreign policy chief said the bloc strongly condemned Tehran over the executions.";
    let ev = code_with(text, "2025-01-22", &CodeOptions::default());
    assert!(has(&ev, "IGOEUR", "IRN", "111"), "{:?}", triples(&ev));
    // A country's standing in the bloc is not a bloc of that country.
    let ev = code("ABUJA (Reuters) - ECOWAS met on Monday. Nigeria, the bloc's dominant power, cut electricity supplies to Niger.");
    assert!(!ev.iter().any(|e| e.source.code.starts_with("IGONGA")), "{:?}", triples(&ev));
}

#[test]
fn a_party_the_dictionaries_lack_is_of_the_story_s_country() {
    let ev = code("MADRID (Reuters) - The conservative Popular Party accused the government of corruption on Friday.");
    assert!(has(&ev, "ESP", "ESPGOV", "112"), "{:?}", triples(&ev));
}

#[test]
fn places_of_a_role_seen_through_city_of_and_longer_names() {
    // "in the southern city of Shiraz" places Iran's security forces, though the story
    // is filed from Dubai.
    let ev = code("DUBAI (Reuters) - Security forces arrested a singer in the southern city of Shiraz on Monday.");
    assert!(has(&ev, "IRN", "IRN", "173"), "{:?}", triples(&ev));
    // "the Gare du Midi" is no French town "Gare".
    let ev = code("BRUSSELS (Reuters) - Police fired tear gas at protesters near the Gare du Midi on Tuesday.");
    assert!(has(&ev, "BELCOP", "BEL", "17"), "{:?}", triples(&ev));
    // "marched through Brussels": a place, not the European Union.
    let ev = code(
        "BRUSSELS (AFP) - Tens of thousands of people marched through Brussels on Tuesday against the pension reform.",
    );
    assert!(!ev.iter().any(|e| e.target.as_ref().is_some_and(|t| t.code.starts_with("IGO"))), "{:?}", triples(&ev));
    // A state's coercion at home with no one named falls on its people.
    let ev = code("DHAKA (Reuters) - Bangladesh imposed a nationwide curfew on Saturday.");
    assert!(has(&ev, "BGD", "BGD", "172"), "{:?}", triples(&ev));
}

#[test]
fn a_statement_about_the_speaker_s_own_forces_is_no_act_towards_them() {
    let ev = code(
        "CANBERRA (Reuters) - Defence Minister Richard Marles said the Australian navy was shadowing three vessels.",
    );
    assert!(!ev.iter().any(|e| e.code == "010"), "{:?}", triples(&ev));
    // About another country's forces it still is a statement.
    let ev =
        code("CANBERRA (Reuters) - Defence Minister Richard Marles said the Chinese navy was shadowing three vessels.");
    assert!(has(&ev, "AUS", "CHN", "010"), "{:?}", triples(&ev));
}

#[test]
fn we_in_a_quote_is_its_speaker() {
    let text = "PORT-AU-PRINCE (Reuters) - \u{201c}We call on the Dominican authorities to respect the dignity of \
                Haitian nationals,\u{201d} Prime Minister Garry Conille said in a statement on Monday.";
    let ev = code_with(text, "2024-10-07", &CodeOptions::default());
    assert!(has(&ev, "HTI", "DOM", "02"), "{:?}", triples(&ev));
    // With no one named as speaking, "we" is no one.
    let ev = code_with(
        "We call on the Dominican authorities to respect the dignity of Haitians.",
        "2024-10-07",
        &CodeOptions::default(),
    );
    assert!(ev.is_empty(), "{:?}", triples(&ev));
}

#[test]
fn flying_rescue_teams_is_aid_and_expressing_support_is_endorsement() {
    let ev =
        code("PORT VILA (AP) - Australia flew search-and-rescue teams and emergency supplies to Vanuatu on Wednesday.");
    assert!(has(&ev, "AUS", "VUT", "073"), "{:?}", triples(&ev));
    let ev = code("DAMASCUS (Reuters) - Turkey expressed support for the Syrian government on Monday.");
    assert!(has(&ev, "TUR", "SYR", "051"), "{:?}", triples(&ev));
    let ev =
        code("ATHENS (Reuters) - The Greek navy placed several warships on heightened alert near Turkey on Wednesday.");
    assert!(has(&ev, "GRC", "", "152"), "{:?}", triples(&ev));
    let ev = code("DAMASCUS (Reuters) - Syria's interim President Ahmed al-Sharaa on Sunday ordered an independent committee to investigate the killing of civilians.");
    assert!(has(&ev, "SYR", "", "09"), "{:?}", triples(&ev));
    // A pledge of support is still an intent.
    let ev = code("DAMASCUS (Reuters) - Turkey pledged support for the Syrian government on Monday.");
    assert!(has(&ev, "TUR", "SYR", "032"), "{:?}", triples(&ev));
}

#[test]
fn a_time_right_after_the_trigger_dates_it_however_the_parser_hung_it() {
    let text = "PORT-AU-PRINCE (AP) - Haiti's government declared a state of emergency and a nighttime curfew \
                on Sunday after armed gangs stormed the country's two largest prisons over the weekend.";
    let ev = code_with(text, "2024-03-04", &CodeOptions::default());
    let curfew = ev.iter().find(|e| e.code.starts_with("172")).expect("the curfew");
    assert_eq!(curfew.date, "2024-03-03", "{:?}", triples(&ev));
}

#[test]
fn condemnation_from_someone_is_theirs_aimed_at_the_subject() {
    let text = "TEHRAN (Reuters) - Iran on Wednesday executed two men convicted over the protests, \
                drawing condemnation from the European Union.";
    let ev = code_with(text, "2025-01-22", &CodeOptions::default());
    assert!(has(&ev, "IGOEUR", "IRN", "111"), "{:?}", triples(&ev));
    // A bare back-reference with no one named stays uncoded.
    let ev = code_with("TEHRAN (Reuters) - The condemnation was swift.", "2025-01-22", &CodeOptions::default());
    assert!(ev.is_empty(), "{:?}", triples(&ev));
}

#[test]
fn a_known_person_is_later_named_by_surname_alone() {
    let text = "ISLAMABAD (Reuters) - Prime Minister Imran Khan addressed parliament on Thursday, 28 February 2019. \
                Khan accused India of aggression.";
    let ev = code_with(text, "2019-02-28", &CodeOptions::default());
    assert!(has(&ev, "PAKGOV", "IND", "112"), "{:?}", triples(&ev));
    // Korean names put the surname first.
    let text = "SEOUL (Reuters) - President Lee Jae-myung met Japan's prime minister on Saturday. \
                Lee accused North Korea of provocations.";
    let ev = code_with(text, "2025-08-23", &CodeOptions::default());
    assert!(has(&ev, "KORGOV", "PRK", "112"), "{:?}", triples(&ev));
}

#[test]
fn a_condemned_act_names_its_doer_as_the_target() {
    let text = "KYIV (Reuters) - Russian missiles struck Kyiv overnight, killing five people. \
                Ukrainian President Volodymyr Zelenskiy condemned the strikes on Monday.";
    let ev = code(text);
    assert!(
        ev.iter().any(|e| e.sentence == 1
            && e.code.starts_with("111")
            && e.target.as_ref().is_some_and(|t| t.code.starts_with("RUS") && t.inferred)),
        "{:?}",
        triples(&ev)
    );
}

#[test]
fn an_arrest_with_no_agent_is_the_polices() {
    let ev = code("BRUSSELS (Reuters) - Thirty protesters were detained on Monday.");
    let e = ev.iter().find(|e| e.code.starts_with("173")).unwrap_or_else(|| panic!("{:?}", triples(&ev)));
    assert_eq!(e.source.code, "BELCOP");
    assert!(e.source.inferred);
}

#[test]
fn a_day_after_dates_from_the_main_clause() {
    // Published Thursday 2024-01-18: "on Tuesday" is the 16th, "a day after" the 15th.
    let ev = code("Serbian police detained two men on Tuesday, a day after protesters attacked the Russian embassy.");
    let attack = ev.iter().find(|e| e.code.starts_with('1') && e.source.code.starts_with("SRBOPP"));
    let attack = attack.unwrap_or_else(|| panic!("{:?}", triples(&ev)));
    assert_eq!(attack.date, "2024-01-15");
    let arrest = ev.iter().find(|e| e.code.starts_with("173")).unwrap_or_else(|| panic!("{:?}", triples(&ev)));
    assert_eq!(arrest.date, "2024-01-16");
    // "days after": two to four days before; the parser's "after Pyongyang" as an
    // oblique is repaired, so Pyongyang is the accuser.
    let ev =
        code("North Korea fired a missile on Wednesday, days after Pyongyang accused the United States of spying.");
    let accuse = ev.iter().find(|e| e.code.starts_with("112")).unwrap_or_else(|| panic!("{:?}", triples(&ev)));
    assert!(accuse.source.code.starts_with("PRK") && accuse.target.as_ref().is_some_and(|t| t.code == "USA"));
    assert_eq!((accuse.date.as_str(), accuse.date_end.as_str()), ("2024-01-13", "2024-01-15"));
}

#[test]
fn a_statement_about_ones_own_country_or_to_reporters_is_no_event() {
    let ev = code("Israeli minister Benny Gantz said Israel would remain strong.");
    assert!(!ev.iter().any(|e| e.code.starts_with("01")), "{:?}", triples(&ev));
    let ev = code("Prime Minister Ibrahim Traore told state television that the talks were over.");
    assert!(!ev.iter().any(|e| e.target.as_ref().is_some_and(|t| t.code.ends_with("MED"))), "{:?}", triples(&ev));
}

#[test]
fn the_two_leaders_are_the_two_countries_named_last() {
    let text = "ANKARA (Reuters) - Greek Prime Minister Kyriakos Mitsotakis met Turkish President Tayyip Erdogan \
                in Ankara on Thursday. The two leaders agreed to resume talks on maritime borders.";
    let ev = code(text);
    let later: Vec<_> = ev.iter().filter(|e| e.sentence == 1).collect();
    assert!(
        later
            .iter()
            .any(|e| e.source.code.starts_with("GRC") && e.target.as_ref().is_some_and(|t| t.code.starts_with("TUR"))),
        "{:?}",
        triples(&ev)
    );
    assert!(
        later
            .iter()
            .any(|e| e.source.code.starts_with("TUR") && e.target.as_ref().is_some_and(|t| t.code.starts_with("GRC"))),
        "{:?}",
        triples(&ev)
    );
}

#[test]
fn two_states_agreeing_together_act_towards_each_other() {
    // No one else is named as the target: each is the other's.
    let ev = code(
        "Chilean President Gabriel Boric and Argentine President Javier Milei agreed on Monday to expand \
         trade ties, as both sought to cushion the blow of Chinese tariffs.",
    );
    let pair = |s: &str, t: &str| {
        ev.iter().any(|e| {
            e.code.starts_with("03")
                && e.source.code.starts_with(s)
                && e.target.as_ref().is_some_and(|x| x.code.starts_with(t))
        })
    };
    assert!(pair("CHL", "ARG") && pair("ARG", "CHL"), "{:?}", triples(&ev));
    assert!(!ev.iter().any(|e| e.target.as_ref().is_some_and(|t| t.code.starts_with("CHN"))), "{:?}", triples(&ev));
}

#[test]
fn the_two_leaders_are_not_a_country_named_after_them() {
    let text = "Indonesian President Prabowo Subianto held talks with Malaysian Prime Minister Anwar Ibrahim \
                in Jakarta on Friday, and the two leaders agreed to deepen cooperation on Myanmar.";
    let ev = code(text);
    let agreed: Vec<_> = ev.iter().filter(|e| e.code.starts_with("03")).collect();
    assert!(!agreed.is_empty(), "{:?}", triples(&ev));
    assert!(agreed.iter().all(|e| ["IDN", "MYS"].iter().any(|c| e.source.code.starts_with(c))), "{:?}", triples(&ev));
}

#[test]
fn the_two_sides_are_a_pair_and_a_city_named_as_a_place_is_not_one_of_them() {
    let ev = code(
        "Greek Prime Minister Kyriakos Mitsotakis met Turkish President Tayyip Erdogan in the Spanish city of \
         Barcelona on Thursday, and the two sides agreed to resume talks on maritime borders.",
    );
    let agreed: Vec<_> = ev.iter().filter(|e| e.code.starts_with("03")).collect();
    let pair = |s: &str, t: &str| {
        agreed.iter().any(|e| e.source.code.starts_with(s) && e.target.as_ref().is_some_and(|x| x.code.starts_with(t)))
    };
    assert!(pair("GRC", "TUR") && pair("TUR", "GRC"), "{:?}", triples(&ev));
    assert!(!ev.iter().any(|e| e.source.code.starts_with("ESP")), "{:?}", triples(&ev));
}

#[test]
fn police_force_against_their_own_people_is_repression_not_war() {
    let ev = code("Bangladeshi police opened fire on student protesters in Dhaka on Sunday, killing three of them.");
    let police: Vec<_> = ev.iter().filter(|e| e.source.code == "BGDCOP").collect();
    assert!(!police.is_empty(), "{:?}", triples(&ev));
    assert!(police.iter().all(|e| e.code == "175"), "{:?}", triples(&ev));
    // Against gunmen it stays a fight.
    let ev = code("Bangladeshi police exchanged fire with armed robbers in Dhaka on Sunday.");
    assert!(ev.iter().all(|e| e.code != "175"), "{:?}", triples(&ev));
}

#[test]
fn a_surname_inside_a_longer_name_is_someone_else() {
    // "Hassan" alone is a known surname; "Hassan Sheikh" is another person.
    let ev = code("Hassan Sheikh thanked Erdogan for his efforts.");
    assert!(ev.iter().all(|e| !e.source.code.starts_with("NGO")), "{:?}", triples(&ev));
}

#[test]
fn violence_by_protesters_is_a_violent_protest() {
    let ev = code("Kenyan protesters stormed parliament on Tuesday.");
    assert!(ev.iter().any(|e| e.code == "145" && e.source.code.starts_with("KEN")), "{:?}", triples(&ev));
    let ev = code("Supporters of the former president attacked military installations in Lahore.");
    assert!(ev.iter().any(|e| e.code == "145"), "{:?}", triples(&ev));
    // Soldiers storming a building are no protest.
    let ev = code("Kenyan soldiers stormed the rebel camp on Tuesday.");
    assert!(!ev.iter().any(|e| e.code == "145"), "{:?}", triples(&ev));
}

#[test]
fn promises_are_dated_when_made_and_conjoined_acts_share_a_time() {
    // Published Thursday 2024-01-18. "next month" is when the delivery is due, not
    // when it was promised; "by the end of the year" is a deadline.
    for text in [
        "Germany will deliver air defence systems to Ukraine next month.",
        "Germany will deliver air defence systems to Ukraine by the end of the year.",
    ] {
        let ev = code(text);
        let e = ev.iter().find(|e| e.code == "0332").unwrap_or_else(|| panic!("{:?}", triples(&ev)));
        assert_eq!((e.date.as_str(), e.date_end.as_str()), ("2024-01-18", "2024-01-18"), "{text}");
    }
    // "on Monday" closes the second verb but dates both.
    let ev = code("Serbian police beat a protester and detained another on Monday.");
    assert!(ev.len() >= 2, "{:?}", triples(&ev));
    assert!(ev.iter().all(|e| e.date == "2024-01-15"), "{:?}", ev.iter().map(|e| &e.date).collect::<Vec<_>>());
}

#[test]
fn calling_something_a_name_is_no_phone_call() {
    let ev = code("Russia's foreign minister called the EU sanctions an attack on international law.");
    assert!(!ev.iter().any(|e| e.code == "041"), "{:?}", triples(&ev));
    assert!(ev.iter().any(|e| e.code == "111" && e.source.code.starts_with("RUS")), "{:?}", triples(&ev));
    let ev = code("Biden called Xi on Tuesday.");
    assert!(has(&ev, "USA", "CHN", "041"), "{:?}", triples(&ev));
}

#[test]
fn they_after_a_list_is_the_whole_list() {
    let ev = code("Mali, Niger and Burkina Faso said on Sunday they were recalling their ambassadors from Algeria.");
    for c in ["MLI", "NER", "BFA"] {
        assert!(has(&ev, c, "DZA", "161"), "{c}: {:?}", triples(&ev));
    }
}

#[test]
fn a_run_on_sentence_keeps_only_the_words_around_each_event() {
    let text = vec!["Russia accused Armenia of shelling, and"; 200].join(" ") + " Russia accused Armenia.";
    let ev = code(&text);
    assert!(ev.len() >= 100, "{}", ev.len());
    for e in &ev {
        assert!(
            e.sentence_text.len() <= dragoman_core::coder::MAX_EVIDENCE + 2 * dragoman_core::coder::EVIDENCE_MARGIN
        );
        assert!(text.contains(&e.sentence_text));
        let at = text[e.evidence.trigger.start.saturating_sub(2000)..].find(&e.sentence_text);
        assert!(at.is_some(), "the evidence is a piece of the text around the trigger");
    }
    // An ordinary sentence is kept whole.
    let ev = code("Russia accused Armenia of shelling the border village on Monday.");
    assert_eq!(ev[0].sentence_text, "Russia accused Armenia of shelling the border village on Monday.");
}

#[test]
fn the_day_of_a_report_or_of_the_occasion_dates_the_event() {
    // Published Thursday 2024-01-18: Sunday is the 14th, Tuesday the 16th.
    let ev = code("Germany will send air defence systems to Ukraine, Chancellor Olaf Scholz said on Sunday.");
    let e = ev.iter().find(|e| e.code.starts_with("03")).unwrap_or_else(|| panic!("{:?}", triples(&ev)));
    assert_eq!(e.date, "2024-01-14");
    let ev = code("Arab leaders meeting in Cairo on Tuesday endorsed Egypt's plan for Gaza.");
    let e = ev.iter().find(|e| e.code == "051").unwrap_or_else(|| panic!("{:?}", triples(&ev)));
    assert_eq!(e.date, "2024-01-16");
    // A relative clause's time belongs to that clause only.
    let ev = code("Scholz, who visited Kyiv on Tuesday, praised Ukraine.");
    let e = ev.iter().find(|e| e.code == "051").unwrap_or_else(|| panic!("{:?}", triples(&ev)));
    assert_eq!(e.date, "2024-01-18");
}

#[test]
fn a_time_deep_in_the_object_yields_to_the_main_clause() {
    // Published Thursday 2024-01-18; Tuesday is the 16th.
    let ev = code(
        "Algeria cut ties with Morocco on Tuesday, accusing it of support for a group that officials blame for wildfires this month.",
    );
    assert!(ev.iter().any(|e| e.code.starts_with("112")), "{:?}", triples(&ev));
    for e in &ev {
        assert_eq!((e.date.as_str(), e.date_end.as_str()), ("2024-01-16", "2024-01-16"), "{}", e.code);
    }
}

#[test]
fn a_coordinated_verb_shares_the_days_after() {
    // Published Thursday 2024-01-18; "two days after" Wednesday is Monday the 15th.
    let ev = code(
        "Lawyers went on strike on Wednesday, two days after police stormed the headquarters of the national bar association in the capital, Tunis, and arrested a prominent lawyer.",
    );
    let e = ev.iter().find(|e| e.code.starts_with("173")).unwrap_or_else(|| panic!("{:?}", triples(&ev)));
    assert_eq!(e.date, "2024-01-15");
}

#[test]
fn since_a_time_runs_until_the_report() {
    let ev = code_with(
        "Federal agents have arrested more than 1,000 people in Chicago since early September, officials said.",
        "2024-10-14",
        &CodeOptions::default(),
    );
    let e = ev.iter().find(|e| e.code == "173").unwrap_or_else(|| panic!("{:?}", triples(&ev)));
    assert_eq!((e.date.as_str(), e.date_end.as_str()), ("2024-09-01", "2024-10-14"));
    assert!(e.source.code.starts_with("USACOP"), "{}", e.source.code);
}

#[test]
fn domestic_and_diplomatic_acts_from_the_lexicon() {
    for (text, source, target, cameo) in [
        ("Kenyan police searched the homes of two opposition leaders in Nairobi.", "KENCOP", "KEN", "091"),
        (
            "South Korea suspended a 2018 military pact on Tuesday after North Korea launched a satellite.",
            "KOR",
            "PRK",
            "16",
        ),
        ("Germany paused its contributions to UNRWA.", "DEU", "", "162"),
        ("Protesters blocked a key rail line near Belleville in Canada.", "CAN", "CAN", "144"),
        (
            "Mali's army said Islamist militants set fire to 20 fuel tankers on a highway near Kayes.",
            "MLIREB",
            "MLI",
            "1712",
        ),
    ] {
        let ev = code(text);
        assert!(has(&ev, source, target, cameo), "{text}: {:?}", triples(&ev));
    }
}

#[test]
fn the_first_to_do_something_did_it() {
    let ev = code("Russia became the first country to formally recognise the Taliban government of Afghanistan.");
    assert!(has(&ev, "RUS", "AFG", "054"), "{:?}", triples(&ev));
    // An infinitive that is only wanted stays uncoded.
    let ev = code("Russia wanted to recognise the Taliban government of Afghanistan.");
    assert!(!has(&ev, "RUS", "AFG", "054"), "{:?}", triples(&ev));
}

#[test]
fn a_statement_with_a_verdict_is_criticism() {
    for text in [
        "Armenia's government says Moscow failed to protect the country during the clashes.",
        "The Kremlin said on Wednesday that Zelenskiy lacked the legitimacy to sign any agreement.",
    ] {
        let ev = code(text);
        assert!(ev.iter().any(|e| e.code == "111"), "{text}: {:?}", triples(&ev));
        assert!(!ev.iter().any(|e| e.code == "010"), "{text}: {:?}", triples(&ev));
    }
}

#[test]
fn a_day_earlier_is_the_day_before() {
    // Published 2024-01-18.
    let ev = code(
        "Ukrainian prosecutors had charged the Russian general in absentia a day earlier with using chemical weapons.",
    );
    let e = ev.iter().find(|e| e.code.starts_with("17")).unwrap_or_else(|| panic!("{:?}", triples(&ev)));
    assert_eq!((e.date.as_str(), e.date_end.as_str()), ("2024-01-17", "2024-01-17"));
}

#[test]
fn a_dateline_after_the_headline_is_no_actor() {
    let ev = code(
        "Chile accuses Bolivia of spying\n\nLIMA, Peru (AP) — Police arrested two protesters in the capital on Monday.",
    );
    assert!(has(&ev, "CHL", "BOL", "112"), "{:?}", triples(&ev));
    assert!(ev.iter().all(|e| !e.source.text.contains("LIMA")), "{:?}", triples(&ev));
    // The arrest is Peru's (the dateline's country), and "two protesters" is a count,
    // not "the two" countries named before.
    let arrest = ev.iter().find(|e| e.code == "173").unwrap_or_else(|| panic!("{:?}", triples(&ev)));
    assert!(arrest.source.code.starts_with("PER"), "{:?}", triples(&ev));
    assert!(
        ev.iter().filter(|e| e.code == "173").all(|e| {
            let t = e.target.as_ref().map_or("", |t| t.code.as_str());
            !t.starts_with("CHL") && !t.starts_with("BOL")
        }),
        "{:?}",
        triples(&ev)
    );
}

#[test]
fn the_members_of_an_including_list_act() {
    let ev = code("Several European governments, including Denmark, Austria and Portugal, summoned Iranian ambassadors on Tuesday.");
    for c in ["DNK", "AUT", "PRT"] {
        assert!(has(&ev, c, "IRN", "114"), "{c}: {:?}", triples(&ev));
    }
    assert!(!ev.iter().any(|e| e.source.code.starts_with("EUR")), "{:?}", triples(&ev));
}

#[test]
fn a_speakers_own_act_beside_a_report_is_the_speakers() {
    let ev =
        code("Serbia's president said Kosovo had closed two crossings overnight and called for talks with Pristina.");
    assert!(ev.iter().any(|e| e.source.code.starts_with("SRB") && e.code.starts_with("02")), "{:?}", triples(&ev));
    assert!(!ev.iter().any(|e| e.source.code.starts_with("KSV") && e.code.starts_with("02")), "{:?}", triples(&ev));
}

#[test]
fn acts_inside_an_accusation_or_denial_are_not_coded() {
    let ev = code("Jordan denied that its jets had bombed villages in Syria.");
    assert!(!ev.iter().any(|e| e.code.starts_with("19") || e.code.starts_with("18")), "{:?}", triples(&ev));
    let ev = code("Chad accused Sudan of arming rebels who attacked border towns.");
    assert!(has(&ev, "TCD", "SDN", "11"), "{:?}", triples(&ev));
    assert!(!ev.iter().any(|e| e.code.starts_with("19")), "{:?}", triples(&ev));
}

#[test]
fn a_noun_referring_back_names_the_doer_of_that_kind_of_act() {
    let ev = code(
        "Latvia imposed sanctions on Belarus on Monday. Moldova praised Romania for its help. \
         The Belarusian Foreign Ministry condemned the sanctions.",
    );
    assert!(has(&ev, "BLR", "LVA", "11"), "{:?}", triples(&ev));
}

#[test]
fn readiness_and_schedules_are_intents() {
    let ev = code("Turkey said it was ready to hold talks with Cyprus.");
    assert!(has(&ev, "TUR", "CYP", "036"), "{:?}", triples(&ev));
    let ev = code("Armenia was due to free 12 Azerbaijani prisoners on Friday.");
    assert!(ev.iter().any(|e| e.source.code.starts_with("ARM") && e.code.starts_with("035")), "{:?}", triples(&ev));
}

#[test]
fn a_role_in_a_named_place_takes_its_country() {
    let ev = code("Police in Lahore detained 40 Afghan migrants on Wednesday.");
    assert!(ev.iter().any(|e| e.source.code == "PAKCOP" && e.code.starts_with("173")), "{:?}", triples(&ev));
}

#[test]
fn a_possessors_backer_is_someone_else() {
    let ev = code("China, Serbia's closest ally, urged Kosovo to show restraint.");
    assert!(!ev.iter().any(|e| e.source.code.starts_with("SRB")), "{:?}", triples(&ev));
}

#[test]
fn a_place_in_a_subject_acts_for_no_one() {
    let ev = code("A powerful earthquake in northern Chile killed more than 200 people on Monday.");
    assert!(!ev.iter().any(|e| e.source.code.starts_with("CHL")), "{:?}", triples(&ev));
    let ev = code("Bolivia's government appealed for international aid on Tuesday.");
    assert!(!has(&ev, "BOL", "BOL", "02"), "{:?}", triples(&ev));
}

#[test]
fn a_worry_is_about_the_actor_or_place_after_it() {
    let ev = code("India's foreign ministry said it was concerned about the curtailment of freedoms in Bangladesh.");
    assert!(has(&ev, "IND", "BGD", "012"), "{:?}", triples(&ev));
    let ev = code("Britain said it was disappointed by the arrests of opposition leaders in Uganda.");
    assert!(has(&ev, "GBR", "UGA", "111"), "{:?}", triples(&ev));
}

#[test]
fn a_denial_answers_the_accuser() {
    let ev = code("Kabul accused Pakistan of killing civilians in air strikes on Friday, a charge Islamabad denied.");
    assert!(has(&ev, "PAK", "AFG", "016"), "{:?}", triples(&ev));
}

#[test]
fn what_someone_called_something_is_no_call() {
    let ev = code("Lebanon's president condemned what he called an attempt by Israel to drag the country into war.");
    assert!(!ev.iter().any(|e| e.code.starts_with("04") || e.code.starts_with("02")), "{:?}", triples(&ev));
    let ev = code("Seoul's security office called North Korea's balloon launches irrational.");
    assert!(ev.iter().any(|e| e.code.starts_with("111")), "{:?}", triples(&ev));
}

#[test]
fn a_promise_is_dated_by_its_report() {
    // Thursday 2019-02-28: "on Friday" in the promise is the next Friday, not the last.
    let ev = code_with(
        "Pakistan will release a captured Indian pilot on Friday, Prime Minister Imran Khan told parliament on Thursday.",
        "2019-02-28",
        &CodeOptions::default(),
    );
    let release = ev.iter().find(|e| e.code.starts_with("035")).expect("an intent to release");
    assert_eq!(release.date, "2019-02-28", "{:?}", triples(&ev));
}

#[test]
fn a_pronoun_bound_in_its_sentence_takes_no_earlier_date() {
    let ev = code_with(
        "Poland closed its border last week. The European Commission said it would provide Poland with more funds.",
        "2024-06-07",
        &CodeOptions::default(),
    );
    let aid = ev.iter().find(|e| e.code.starts_with("033")).expect("an intent to give aid");
    assert_eq!(aid.date, "2024-06-07", "{:?}", triples(&ev));
}

#[test]
fn aid_goes_where_the_disaster_is() {
    let ev = code(
        "DAMASCUS (Reuters) - The earthquake killed thousands in Syria. The United Arab Emirates has sent \
         dozens of flights of food, and Iraq and Algeria have also dispatched rescue teams.",
    );
    assert!(has(&ev, "IRQ", "SYR", "07"), "{:?}", triples(&ev));
    assert!(has(&ev, "DZA", "SYR", "07"), "{:?}", triples(&ev));
    assert!(!has(&ev, "ARE", "IRQ", ""), "{:?}", triples(&ev));
}

#[test]
fn a_state_does_not_help_or_meet_itself() {
    let ev = code("India's army said it was sharing intelligence with the Indian navy.");
    assert!(!ev.iter().any(|e| e.code.starts_with("06")), "{:?}", triples(&ev));
    // Talks with rebels at home are still talks.
    let ev = code("Colombia's government held talks with ELN rebels in Caracas on Monday.");
    assert!(ev.iter().any(|e| e.code.starts_with("04")), "{:?}", triples(&ev));
}

#[test]
fn a_possessive_country_owns_the_institution_after_it() {
    // The dictionaries file the Joint Chiefs of Staff under the United States.
    let ev = code("Seoul's Joint Chiefs of Staff said North Korea fired two ballistic missiles into the sea.");
    assert!(has(&ev, "PRK", "KORMIL", "15"), "{:?}", triples(&ev));
    // A state's own "Security Council" is no UN body.
    let ev = code("Algeria's High Security Council ordered a review of relations with Morocco on Wednesday.");
    assert!(has(&ev, "DZAGOV", "MAR", "014"), "{:?}", triples(&ev));
}

#[test]
fn a_vote_to_act_is_the_act() {
    let ev = code("LIMA (Reuters) - Peru's Congress voted overwhelmingly to remove the president from office.");
    assert!(has(&ev, "PERLEG", "PER", "172"), "{:?}", triples(&ev));
}

#[test]
fn his_country_is_the_speakers_country() {
    let ev = code(
        "Kazakh President Kassym-Jomart Tokayev said his country would not recognise the breakaway regions of Ukraine as independent states.",
    );
    assert!(has(&ev, "KAZ", "UKR", "12"), "{:?}", triples(&ev));
}

#[test]
fn a_relative_clause_on_the_object_does_not_date_the_act() {
    let ev = code_with(
        "The High Military Court also ordered Kabila, who ruled Congo from 2001 to 2019, to pay about $33 billion in damages to the state.",
        "2025-10-01",
        &CodeOptions::default(),
    );
    assert!(
        !ev.is_empty() && ev.iter().all(|e| e.date.starts_with("2025")),
        "{:?}",
        ev.iter().map(|e| &e.date).collect::<Vec<_>>()
    );
}

#[test]
fn unnamed_rights_groups_are_non_governmental() {
    let ev = code(
        "TASHKENT (Reuters) - Human rights groups have accused the Uzbek authorities of persecuting devout Muslims.",
    );
    assert!(has(&ev, "NGO", "UZB", "112"), "{:?}", triples(&ev));
}

#[test]
fn an_act_told_by_its_manner_is_coded() {
    let ev = code("Algeria responded on Monday by recalling its ambassadors to Mali and Niger.");
    assert!(has(&ev, "DZA", "MLI", "16"), "{:?}", triples(&ev));
}

#[test]
fn pattern_words_stop_at_a_clause_with_its_own_subject() {
    // "summit" after ", but the two rival leaders refused …" does not make the
    // agreement an agreement to meet.
    let text = "BERLIN, Jan 20 (Reuters) - Russia and Turkey agreed on Sunday to stop interfering in Libya's war, \
                but the two rival Libyan leaders refused to meet each other at the summit.";
    let ev = code_with(text, "2020-01-20", &CodeOptions::default());
    assert!(has(&ev, "RUS", "", "0356"), "{:?}", triples(&ev));
    assert!(!ev.iter().any(|e| e.code.starts_with("036")), "{:?}", triples(&ev));
}

#[test]
fn a_verdict_on_a_thing_is_criticism_and_courts_and_executions_are_events() {
    // "Called" with no actor after it: a verdict in quotes is criticism, praise is not.
    let text = "KYIV (Reuters) - Russian missiles struck Kyiv overnight. \
                Polish Prime Minister Donald Tusk called the attack \"barbaric and unacceptable\" on Monday.";
    let ev = code_with(text, "2024-07-08", &CodeOptions::default());
    assert!(has(&ev, "POL", "RUS", "111"), "{:?}", triples(&ev));
    let ev = code_with(
        "Polish Prime Minister Donald Tusk called the deal \"a historic success\".",
        "2024-07-08",
        &CodeOptions::default(),
    );
    assert!(!ev.iter().any(|e| e.code.starts_with("11")), "{:?}", triples(&ev));
    let ev = code("TEHRAN (Reuters) - Iran on Wednesday executed two protesters.");
    assert!(has(&ev, "IRN", "IRN", "18"), "{:?}", triples(&ev));
    let ev = code(
        "KUWAIT (Reuters) - A Kuwaiti appeals court upheld the prison sentence of an opposition blogger on Monday.",
    );
    assert!(has(&ev, "KWT", "KWT", "116"), "{:?}", triples(&ev));
}

#[test]
fn a_threat_to_respond_answers_whoever_the_speaker_condemned() {
    let text = "BRUSSELS (Reuters) - The European Union adopted new sanctions against Russia on Friday. \
                Slovakia had blocked the measures for a month. \
                Russian Foreign Ministry spokeswoman Maria Zakharova denounced the sanctions as illegal \
                and said Moscow would respond.";
    let ev = code_with(text, "2025-07-18", &CodeOptions::default());
    assert!(has(&ev, "RUS", "IGOEUR", "13"), "{:?}", triples(&ev));
    assert!(!has(&ev, "RUS", "SVK", "13"), "{:?}", triples(&ev));
}

#[test]
fn a_warning_is_aimed_at_the_one_its_condition_names() {
    let ev = code("Iran's mission to the United Nations warned that Iran's response would be severe if Israel made another mistake.");
    assert!(has(&ev, "IRN", "ISR", "13"), "{:?}", triples(&ev));
}

#[test]
fn a_bare_congress_belongs_to_the_story() {
    let ev = code("LIMA (Reuters) - Peru's president declined to appear before Congress on Thursday.");
    assert!(!ev.iter().any(|e| e.target.as_ref().is_some_and(|t| t.code.starts_with("USA"))), "{:?}", triples(&ev));
    assert!(has(&ev, "PER", "PERLEG", "125"), "{:?}", triples(&ev));
}
