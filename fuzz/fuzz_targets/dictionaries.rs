//! Every dictionary format on arbitrary text: the PETRARCH verbs, actors, agents and
//! discards, and the built-in countries, organisations, people, roles, event lexicon,
//! CAMEO table and gazetteer. Each line is used or reported, never a panic.
#![no_main]
use dragoman_core::{builtin, builtin_verbs, ontology, petrarch, places};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let _ = petrarch::read_verbs("v.txt", &text);
    let _ = petrarch::read_actors("a.txt", &text);
    let _ = petrarch::read_agents("g.txt", &text);
    let _ = petrarch::read_discards("d.txt", &text);
    let _ = builtin::parse_countries("countries.txt", &text);
    let _ = builtin::parse_organizations("organizations.txt", &text);
    let _ = builtin::parse_people("people.txt", &text);
    let _ = builtin::parse_roles("roles.txt", &text);
    let _ = builtin_verbs::read_event_lexicon("verbs.txt", &text);
    let _ = ontology::CameoTable::parse("cameo.tsv", &text);
    let _ = places::Gazetteer::parse(&text);
});
