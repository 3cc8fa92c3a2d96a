//! Synthetic news articles for benchmarks and robustness tests.
//!
//! The generator writes English wire copy from our own templates: datelines, leaders
//! with titles, ministries, organisations, verbs across the CAMEO roots, time
//! expressions, quotes, subordinate and relative clauses, passives, negations,
//! numbers, abbreviations ("U.S.", "Gen.", "Jan.") and sentences with no event at
//! all. It is not meant to be read as news: it is meant to exercise every stage of
//! the pipeline with realistic shapes and lengths, and to be reproducible — the same
//! seed always gives the same bytes, on every platform, with no dependency beyond a
//! tiny built-in PRNG.

use chrono::{Datelike, Duration, NaiveDate};

/// SplitMix64: small, fast and good enough to vary templates.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut r = Rng(seed ^ 0x9E37_79B9_7F4A_7C15);
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A state the stories are about.
struct Country {
    name: &'static str,
    adjective: &'static str,
    capital: &'static str,
    /// Head of state or government: title and name.
    leader: (&'static str, &'static str),
    /// The foreign minister's name, when we use one.
    minister: Option<&'static str>,
}

const fn c(
    name: &'static str,
    adjective: &'static str,
    capital: &'static str,
    leader: (&'static str, &'static str),
    minister: Option<&'static str>,
) -> Country {
    Country { name, adjective, capital, leader, minister }
}

const COUNTRIES: &[Country] = &[
    c("Ukraine", "Ukrainian", "Kyiv", ("President", "Volodymyr Zelensky"), Some("Dmytro Kuleba")),
    c("Russia", "Russian", "Moscow", ("President", "Vladimir Putin"), Some("Sergei Lavrov")),
    c("Armenia", "Armenian", "Yerevan", ("Prime Minister", "Nikol Pashinyan"), Some("Ararat Mirzoyan")),
    c("Azerbaijan", "Azerbaijani", "Baku", ("President", "Ilham Aliyev"), Some("Jeyhun Bayramov")),
    c("Georgia", "Georgian", "Tbilisi", ("Prime Minister", "Irakli Kobakhidze"), None),
    c("Turkey", "Turkish", "Ankara", ("President", "Recep Tayyip Erdogan"), Some("Hakan Fidan")),
    c("Iran", "Iranian", "Tehran", ("President", "Masoud Pezeshkian"), None),
    c("Iraq", "Iraqi", "Baghdad", ("Prime Minister", "Mohammed Shia al-Sudani"), None),
    c("Syria", "Syrian", "Damascus", ("President", "Bashar al-Assad"), None),
    c("Israel", "Israeli", "Jerusalem", ("Prime Minister", "Benjamin Netanyahu"), None),
    c("Egypt", "Egyptian", "Cairo", ("President", "Abdel Fattah el-Sisi"), None),
    c("Saudi Arabia", "Saudi", "Riyadh", ("Crown Prince", "Mohammed bin Salman"), None),
    c("Qatar", "Qatari", "Doha", ("Emir", "Tamim bin Hamad Al Thani"), None),
    c("Lebanon", "Lebanese", "Beirut", ("Prime Minister", "Najib Mikati"), None),
    c("Yemen", "Yemeni", "Sanaa", ("President", "Rashad al-Alimi"), None),
    c("Mali", "Malian", "Bamako", ("Col.", "Assimi Goita"), None),
    c("Niger", "Nigerien", "Niamey", ("Gen.", "Abdourahamane Tiani"), None),
    c("Nigeria", "Nigerian", "Abuja", ("President", "Bola Tinubu"), None),
    c("Sudan", "Sudanese", "Khartoum", ("Gen.", "Abdel Fattah al-Burhan"), None),
    c("Ethiopia", "Ethiopian", "Addis Ababa", ("Prime Minister", "Abiy Ahmed"), None),
    c("Kenya", "Kenyan", "Nairobi", ("President", "William Ruto"), None),
    c("Somalia", "Somali", "Mogadishu", ("President", "Hassan Sheikh Mohamud"), None),
    c("France", "French", "Paris", ("President", "Emmanuel Macron"), None),
    c("Germany", "German", "Berlin", ("Chancellor", "Olaf Scholz"), None),
    c("Britain", "British", "London", ("Prime Minister", "Keir Starmer"), None),
    c("the United States", "U.S.", "Washington", ("President", "Joe Biden"), Some("Antony Blinken")),
    c("China", "Chinese", "Beijing", ("President", "Xi Jinping"), Some("Wang Yi")),
    c("Japan", "Japanese", "Tokyo", ("Prime Minister", "Fumio Kishida"), None),
    c("India", "Indian", "New Delhi", ("Prime Minister", "Narendra Modi"), None),
    c("Pakistan", "Pakistani", "Islamabad", ("Prime Minister", "Shehbaz Sharif"), None),
    c("Afghanistan", "Afghan", "Kabul", ("Taliban leader", "Hibatullah Akhundzada"), None),
    c("North Korea", "North Korean", "Pyongyang", ("leader", "Kim Jong Un"), None),
    c("South Korea", "South Korean", "Seoul", ("President", "Yoon Suk Yeol"), None),
    c("Venezuela", "Venezuelan", "Caracas", ("President", "Nicolas Maduro"), None),
    c("Colombia", "Colombian", "Bogota", ("President", "Gustavo Petro"), None),
    c("Brazil", "Brazilian", "Brasilia", ("President", "Luiz Inacio Lula da Silva"), None),
    c("Mexico", "Mexican", "Mexico City", ("President", "Andres Manuel Lopez Obrador"), None),
    c("Serbia", "Serbian", "Belgrade", ("President", "Aleksandar Vucic"), None),
    c("Kosovo", "Kosovar", "Pristina", ("Prime Minister", "Albin Kurti"), None),
    c("Poland", "Polish", "Warsaw", ("Prime Minister", "Donald Tusk"), None),
    c("Libya", "Libyan", "Tripoli", ("Prime Minister", "Abdul Hamid Dbeibah"), None),
    c("Myanmar", "Myanmar", "Naypyitaw", ("Senior Gen.", "Min Aung Hlaing"), None),
];

/// Organisations, with the short form a second mention uses.
const ORGS: &[(&str, &str)] = &[
    ("the United Nations", "the U.N."),
    ("the U.N. Security Council", "the council"),
    ("the European Union", "the EU"),
    ("NATO", "the alliance"),
    ("the African Union", "the AU"),
    ("the Arab League", "the league"),
    ("the Economic Community of West African States", "ECOWAS"),
    ("the International Monetary Fund", "the IMF"),
    ("the World Bank", "the bank"),
    ("the International Committee of the Red Cross", "the ICRC"),
    ("Amnesty International", "Amnesty"),
    ("Human Rights Watch", "the group"),
    ("the Organization for Security and Co-operation in Europe", "the OSCE"),
    ("the World Health Organization", "the WHO"),
    ("the International Atomic Energy Agency", "the IAEA"),
    ("the Gulf Cooperation Council", "the GCC"),
];

const OUTLETS: &[&str] =
    &["Dragoman Wire", "Meridian News", "Harbour Post", "Eastern Ledger", "Continental Dispatch", "Lantern Press"];

const FIRST: &[&str] = &[
    "Ibrahim", "Anna", "Karim", "Olena", "David", "Fatima", "Tomas", "Leila", "Samuel", "Mariam", "Arman", "Yusuf",
    "Elena", "Kwame", "Sofia", "Rustam", "Amina", "Pavel",
];
const LAST: &[&str] = &[
    "Kante",
    "Marquez",
    "Haddad",
    "Petrenko",
    "Okafor",
    "Nazarian",
    "Rahimi",
    "Lindqvist",
    "Diallo",
    "Karimov",
    "Moreau",
    "Sato",
    "Abebe",
    "Novak",
    "Hosseini",
    "Gashi",
    "Wright",
];

const MONTHS: &[(&str, &str)] = &[
    ("January", "Jan."),
    ("February", "Feb."),
    ("March", "March"),
    ("April", "April"),
    ("May", "May"),
    ("June", "June"),
    ("July", "July"),
    ("August", "Aug."),
    ("September", "Sept."),
    ("October", "Oct."),
    ("November", "Nov."),
    ("December", "Dec."),
];

const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Infinitive phrases after "urged X to", "called on X to".
const APPEALS: &[&str] = &[
    "return to the negotiating table",
    "release detained journalists",
    "withdraw its forces from the border area",
    "respect the ceasefire",
    "allow humanitarian access to the region",
    "show restraint",
    "hold free and fair elections",
    "investigate the killings",
    "reopen the border crossing",
    "end the blockade of the port",
];

/// Gerund phrases after "accused X of", "blamed X for".
const ACCUSATIONS: &[&str] = &[
    "shelling civilian areas",
    "violating the ceasefire",
    "interfering in its internal affairs",
    "arming rebel groups",
    "spreading disinformation",
    "blocking aid convoys",
    "massing troops near the frontier",
    "torturing prisoners",
    "sabotaging the peace process",
];

/// Subjects of talks, disputes and agreements.
const TOPICS: &[&str] = &[
    "border security",
    "the disputed region",
    "energy supplies",
    "a prisoner exchange",
    "the grain corridor",
    "nuclear inspections",
    "migration",
    "water rights on the river",
    "a long-delayed peace deal",
    "trade tariffs",
    "refugee returns",
];

const CLAUSES_AFTER: &[&str] = &[
    "days after the two sides agreed to resume peace talks",
    "hours after a drone strike hit a fuel depot",
    "weeks after the collapse of a ceasefire brokered by mediators",
    "as diplomats scrambled to contain the crisis",
    "amid growing pressure from allies",
    "after a night of heavy fighting near the frontier",
    "while thousands of civilians fled the area",
    "in a sharp escalation of the dispute",
];

const RELATIVES: &[&str] = &[
    "which has denied any involvement",
    "which has long rejected the claims",
    "who took office last year",
    "which hosts the talks",
    "whose forces control the area",
    "which has so far stayed neutral",
];

/// Tails after a comma that comment on the whole event.
const MOVES: &[&str] = &[
    "a move that drew sharp criticism from the opposition",
    "a move likely to deepen the rift between the two neighbours",
    "a step welcomed by several Western capitals",
    "the latest sign of strain in relations",
    "the first such contact in more than a year",
];

const FILLERS: &[&str] = &[
    "The claims could not be independently verified, and it was not clear how many people were affected by the fighting in the area",
    "Analysts said the outcome of the negotiations would depend largely on whether both governments could agree on a timetable for the next steps",
    "The region has seen sporadic violence for more than three decades, and previous attempts at a settlement have repeatedly broken down",
    "Prices of wheat and fuel rose sharply in the period, according to figures published by the statistics office at the end of the quarter",
    "The ministry did not give further details about the meeting, and a spokesperson declined to comment when contacted by telephone",
    "Schools and shops in the capital remained open, and residents said daily life had largely returned to normal by the evening",
    "Officials expect a final report on the matter before the end of the year, though similar reviews have often been delayed",
    "Heavy rain has flooded roads across the north of the country this week, cutting off several villages and damaging crops",
    "Turnout in the regional vote was about 54 percent, slightly lower than in the previous election four years ago",
    "The talks are expected to continue next month in a third country, diplomats familiar with the preparations said on condition of anonymity",
];

const QUOTES: &[&str] = &[
    "We will not accept any threat to our sovereignty",
    "The door to dialogue remains open, but patience is not unlimited",
    "This is a dangerous provocation and it must stop immediately",
    "We are ready to sign an agreement as soon as the other side is ready",
    "Civilians are paying the price for this conflict every single day",
    "Nobody wants a wider war in the region",
    "Our forces responded in accordance with international law",
];

/// One sentence being built: its words and which modifiers it already has.
struct Builder<'r> {
    rng: &'r mut Rng,
    /// Indexes into `COUNTRIES` for the story's main actors.
    cast: [usize; 3],
    org: usize,
    published: NaiveDate,
}

impl Builder<'_> {
    fn country(&mut self) -> usize {
        self.cast[self.rng.below(3)]
    }

    fn two(&mut self) -> (usize, usize) {
        let a = self.rng.below(3);
        let b = (a + 1 + self.rng.below(2)) % 3;
        (self.cast[a], self.cast[b])
    }

    fn person(&mut self) -> String {
        format!("{} {}", self.rng.pick(FIRST), self.rng.pick(LAST))
    }

    /// A noun phrase naming a state or one of its organs.
    fn actor(&mut self, ci: usize) -> String {
        let k = &COUNTRIES[ci];
        match self.rng.below(16) {
            0 | 1 => k.name.to_string(),
            2 => format!("{} officials", k.adjective),
            3 => format!("the {} government", k.adjective),
            4 => format!("{} {} {}", k.adjective, k.leader.0, k.leader.1),
            5 => format!("{}'s Foreign Ministry", k.name),
            6 => format!("the {} Defence Ministry", k.adjective),
            7 => format!("{} troops", k.adjective),
            8 => format!("the {} military", k.adjective),
            9 => k.capital.to_string(),
            10 => match k.minister {
                Some(m) => format!("{} Foreign Minister {m}", k.adjective),
                None => format!("the {} foreign minister", k.adjective),
            },
            11 => format!("the {} ambassador", k.adjective),
            12 => format!("{} police", k.adjective),
            13 => format!("{} Gen. {}", k.adjective, self.person()),
            14 => self.singular(ci),
            _ => format!("{} forces", k.adjective),
        }
    }

    /// A singular noun phrase for a state, for "X was attacked by".
    fn singular(&mut self, ci: usize) -> String {
        let k = &COUNTRIES[ci];
        match self.rng.below(4) {
            0 => k.name.to_string(),
            1 => format!("the {} government", k.adjective),
            2 if !k.leader.0.ends_with('.') && k.leader.0 != "leader" => {
                format!("the {} {}", k.adjective, k.leader.0.to_lowercase())
            }
            _ => format!("the {} military", k.adjective),
        }
    }

    fn org(&mut self) -> String {
        let (long, short) = ORGS[self.org];
        if self.rng.chance(70) {
            long.to_string()
        } else {
            short.to_string()
        }
    }

    /// A source: mostly a state, sometimes the story's organisation.
    fn source(&mut self, ci: usize) -> String {
        if self.rng.chance(15) {
            self.org()
        } else {
            self.actor(ci)
        }
    }

    /// A head count for troops or police: "2,000", "about 3,500", "several hundred".
    fn number(&mut self) -> String {
        match self.rng.below(5) {
            0 => format!("{},{:03}", self.rng.range(1, 30), self.rng.below(20) * 50),
            1 => format!("about {}", self.rng.range(2, 60) * 100),
            2 => (*self.rng.pick(&["several hundred", "thousands of", "hundreds of"])).to_string(),
            3 => format!("{}", self.rng.range(3, 9) * 100),
            _ => format!("more than {},000", self.rng.range(2, 40)),
        }
    }

    fn time(&mut self) -> String {
        let p = self.published;
        match self.rng.below(14) {
            0..=3 => format!("on {}", self.rng.pick(WEEKDAYS)),
            4 => "last week".into(),
            5 => format!("in {} {}", self.rng.pick(&["early", "mid-", "late"]), MONTHS[p.month0() as usize].0)
                .replace("mid- ", "mid-"),
            6 => {
                let d = p - Duration::days(self.rng.range(2, 40) as i64);
                let (_, short) = MONTHS[d.month0() as usize];
                format!("on {short} {}", d.day())
            }
            7 => {
                let d = p - Duration::days(self.rng.range(20, 80) as i64);
                let day = d.day().min(27);
                format!("on {} {}-{}", MONTHS[d.month0() as usize].0, day, day + 1)
            }
            8 => "earlier this month".into(),
            9 => "late last year".into(),
            10 => format!("on {} night", self.rng.pick(WEEKDAYS)),
            11 => format!("in {}", p.year() - self.rng.range(1, 5) as i32),
            12 => "two days ago".into(),
            _ => "this week".into(),
        }
    }

    /// The core of an event sentence: source, verb, target and the rest.
    fn event_core(&mut self) -> String {
        let (a, b) = self.two();
        let s = self.source(a);
        let t = self.actor(b);
        let t1 = self.singular(b);
        let tn = COUNTRIES[b].name;
        let tadj = COUNTRIES[b].adjective;
        let tcap = COUNTRIES[b].capital;
        let time = self.time();
        let n = self.number();
        let r = &mut *self.rng;
        match r.below(35) {
            0 => format!("{s} urged {t} {time} to {}", r.pick(APPEALS)),
            1 => format!("{s} called on {t} to {}", r.pick(APPEALS)),
            2 => format!("{s} accused {t} {time} of {}", r.pick(ACCUSATIONS)),
            3 => format!("{s} blamed {t} for {}", r.pick(ACCUSATIONS)),
            4 => format!("{s} met {t} in {tcap} {time} to discuss {}", r.pick(TOPICS)),
            5 => format!("{s} held talks with {t} {time} on {}", r.pick(TOPICS)),
            6 => format!("{s} signed an agreement with {t} {time} on {}", r.pick(TOPICS)),
            7 => format!("{s} condemned {t} {time} over the detention of opposition activists"),
            8 => format!(
                "{s} shelled {tadj} positions near the border {time}, killing {} soldiers",
                ["two", "three", "four", "seven"][r.below(4)]
            ),
            9 => format!(
                "{s} detained {} {tadj} nationals {time} on suspicion of espionage",
                ["two", "three", "11", "dozens of"][r.below(4)]
            ),
            10 => {
                format!("Thousands of people protested outside the {tadj} embassy in {} {time}", COUNTRIES[a].capital)
            }
            11 => format!("{s} threatened {t} with new sanctions if it did not {}", r.pick(APPEALS)),
            12 => format!(
                "{s} praised {t} {time} for its role in {}",
                r.pick(&["the negotiations", "the prisoner exchange", "the evacuation of civilians"])
            ),
            13 => format!("{s} and {t} agreed {time} to resume talks on {}", r.pick(TOPICS)),
            14 => format!(
                "{t1} was attacked by {s} {time} near the town of {}",
                r.pick(&["Tovuz", "Kramatorsk", "Gao", "El Fasher", "Rafah", "Marib"])
            ),
            15 => format!("{t1} was accused by {s} of {}", r.pick(ACCUSATIONS)),
            16 => format!("{s} expelled the {tadj} ambassador {time} and recalled its own envoy from {tcap}"),
            17 => format!("{s} imposed sanctions on {t} {time} over {}", r.pick(TOPICS)),
            18 => format!("{s} did not attend the meeting with {t} {time}, citing {}", r.pick(TOPICS)),
            19 => format!("{s} denied {time} that its forces had attacked {t}"),
            20 => format!(
                "{s} sent humanitarian aid to {t} {time}, including food and medicine for {} families",
                ["2,000", "15,000", "several thousand"][r.below(3)]
            ),
            21 => format!("{s} deployed {n} troops to the border with {tn} {time}"),
            22 => format!("{s} welcomed the decision by {t} to {}", r.pick(APPEALS)),
            23 => format!(
                "{s} rejected a proposal from {t} {time} to {}",
                r.pick(&["hold a referendum", "extend the truce", "share control of the pipeline"])
            ),
            24 => format!("{s} demanded that {t} {}", r.pick(APPEALS)),
            25 => format!("{s} offered {time} to mediate between {t} and its neighbours"),
            26 => format!(
                "{s} criticized {t} for the slow pace of {}",
                r.pick(&["the negotiations", "reforms", "the investigation"])
            ),
            27 => format!("{s} launched air strikes on {tadj} targets {time}, the military said"),
            28 => format!("{s} clashed with {t} {time} in the disputed border area"),
            29 => format!(
                "{s} released {} {tadj} prisoners {time} as part of an exchange",
                ["12", "40", "95", "dozens of"][r.below(4)]
            ),
            30 => format!("{s} cut diplomatic ties with {t} {time}"),
            31 => format!("{s} promised to provide military assistance to {t}"),
            33 => format!("{s} pledged ${}.{} million in reconstruction aid to {t} {time}", r.range(1, 9), r.below(10)),
            32 => format!("{s} warned {t} {time} that any attack would meet a firm response"),
            _ => format!("{s} telephoned {t} {time} and discussed {}", r.pick(TOPICS)),
        }
    }

    /// A full sentence of roughly `target` words, without its final stop.
    fn sentence(&mut self, target: usize) -> String {
        let kind = self.rng.below(20);
        let filler = kind <= 1;
        let mut s = match kind {
            0..=1 => self.rng.pick(FILLERS).to_string(),
            2 => {
                let ci = self.country();
                let speaker = self.actor(ci);
                let time = self.time();
                let q = self.rng.pick(QUOTES);
                if self.rng.chance(50) {
                    format!("\"{q},\" {speaker} said {time}")
                } else {
                    format!("\u{201c}{q},\u{201d} {speaker} told reporters in {}", COUNTRIES[ci].capital)
                }
            }
            3 => {
                let ci = self.country();
                let who = self.actor(ci);
                let core = self.event_core();
                format!("{who} said {} that {}", self.time(), lower_first(&core))
            }
            4 => {
                let n = *self.rng.pick(&["Three", "At least 12", "Two", "Dozens of", "More than 40", "Seven"]);
                let ci = self.country();
                format!(
                    "{n} people were killed and dozens wounded in fighting near {} {}, according to local officials",
                    COUNTRIES[ci].capital,
                    self.time()
                )
            }
            5 => {
                let o = self.org();
                let (a, b) = self.two();
                format!(
                    "{o} said it was deeply concerned by the escalation between {} and {}",
                    COUNTRIES[a].name, COUNTRIES[b].name
                )
            }
            _ => self.event_core(),
        };
        let mut words = word_count(&s);
        // Each kind of tail at most once, and none on the filler sentences.
        let mut used = if filler { u8::MAX } else { 0u8 };
        let mut tries = 0;
        while words < target && tries < 6 && used != 0b1_1111 {
            tries += 1;
            let kind = self.rng.below(5);
            if used & (1 << kind) != 0 {
                continue;
            }
            used |= 1 << kind;
            let extra = match kind {
                0 => format!(", {}", self.rng.pick(CLAUSES_AFTER)),
                1 => {
                    let o = self.rng.pick(OUTLETS);
                    format!(", according to a statement carried by {o}")
                }
                2 if !s.contains(" said") => format!(
                    ", the {} said in a statement",
                    self.rng.pick(&["ministry", "office", "spokesman", "presidency"])
                ),
                3 => {
                    let ci = self.country();
                    format!(" as {} officials prepared for talks on {}", COUNTRIES[ci].adjective, self.rng.pick(TOPICS))
                }
                _ => format!(", {}", self.rng.pick(MOVES)),
            };
            let w = word_count(&extra);
            if words + w > 40 {
                break;
            }
            s.push_str(&extra);
            words += w;
        }
        // A relative clause after the first actor, sometimes.
        if words + 6 <= 40 && self.rng.chance(10) {
            if let Some(at) = s.find(" accused ").or_else(|| s.find(" urged ")) {
                let rel = format!(", {},", self.rng.pick(RELATIVES));
                s.insert_str(at, &rel);
            }
        }
        upper_first(&s)
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn upper_first(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 1);
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
    }
    out.push_str(chars.as_str());
    out
}

fn lower_first(s: &str) -> String {
    // Keep proper names ("Russia", "NATO") as they are; lower only "The ...".
    match s.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => s.to_string(),
    }
}

fn article_rng(seed: u64, index: usize) -> Rng {
    Rng::new(seed.wrapping_mul(0xD6E8_FEB8_6659_FD93) ^ (index as u64).wrapping_mul(0xA076_1D64_78BD_642F))
}

/// One synthetic article: `(id, text, published as YYYY-MM-DD)`. The same
/// `(rng_seed, index)` always gives the same article.
pub fn article(rng_seed: u64, index: usize) -> (String, String, String) {
    let (id, text, published, _) = article_with_source(rng_seed, index);
    (id, text, published)
}

fn article_with_source(seed: u64, index: usize) -> (String, String, String, &'static str) {
    let mut rng = article_rng(seed, index);
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).expect("valid date");
    let published = start + Duration::days(rng.below(730) as i64);
    let mut cast = [0usize; 3];
    cast[0] = rng.below(COUNTRIES.len());
    cast[1] = (cast[0] + 1 + rng.below(COUNTRIES.len() - 1)) % COUNTRIES.len();
    cast[2] = loop {
        let x = rng.below(COUNTRIES.len());
        if x != cast[0] && x != cast[1] {
            break x;
        }
    };
    let org = rng.below(ORGS.len());
    let outlet = *rng.pick(OUTLETS);
    let n_sentences = rng.range(3, 15);
    let mut b = Builder { rng: &mut rng, cast, org, published };
    let mut text = String::with_capacity(n_sentences * 170);
    let home = &COUNTRIES[cast[0]];
    match b.rng.below(5) {
        0 | 1 => text.push_str(&format!(
            "{}, {} ({outlet}) \u{2014} ",
            home.capital.to_uppercase(),
            home.name.trim_start_matches("the ")
        )),
        2 => text.push_str(&format!("{} \u{2014} ", home.capital.to_uppercase())),
        3 => text.push_str(&format!("{} ({outlet}) - ", home.capital.to_uppercase())),
        _ => {}
    }
    let mut in_paragraph = 0;
    for i in 0..n_sentences {
        if i > 0 {
            if in_paragraph >= 1 && b.rng.chance(45) {
                text.push_str("\n\n");
                in_paragraph = 0;
            } else {
                text.push(' ');
            }
        }
        let target = b.rng.range(12, 40);
        let s = b.sentence(target);
        text.push_str(&s);
        if !s.ends_with('.') {
            text.push('.');
        }
        in_paragraph += 1;
    }
    let id = format!("synth-{seed:x}-{index:07}");
    (id, text, published.format("%Y-%m-%d").to_string(), outlet)
}

/// Escapes `s` as the contents of a JSON string (without the quotes).
pub fn json_escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
}

/// One JSON Lines record (no trailing newline) for article `index`.
pub fn record(seed: u64, index: usize) -> String {
    let (id, text, published, source) = article_with_source(seed, index);
    let mut line = String::with_capacity(text.len() + 120);
    for (i, (k, v)) in
        [("id", id.as_str()), ("published", &published), ("source", source), ("text", &text)].into_iter().enumerate()
    {
        line.push_str(if i == 0 { "{\"" } else { ", \"" });
        line.push_str(k);
        line.push_str("\": \"");
        json_escape(v, &mut line);
        line.push('"');
    }
    line.push('}');
    line
}

/// JSON Lines records `{"id", "published", "source", "text"}` (without their
/// newlines) until at least `min_bytes` bytes, counting one newline per record.
pub fn corpus_jsonl(seed: u64, min_bytes: usize) -> impl Iterator<Item = String> {
    let mut written = 0usize;
    let mut index = 0usize;
    std::iter::from_fn(move || {
        if written >= min_bytes {
            return None;
        }
        let line = record(seed, index);
        index += 1;
        written += line.len() + 1;
        Some(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A strict reader for the flat `{"key": "string", ...}` objects we write.
    fn parse_flat_object(line: &str) -> Result<Vec<(String, String)>, String> {
        let mut chars = line.chars().peekable();
        let mut fields = Vec::new();
        let skip_ws = |it: &mut std::iter::Peekable<std::str::Chars>| {
            while it.peek().is_some_and(|c| *c == ' ') {
                it.next();
            }
        };
        let string = |it: &mut std::iter::Peekable<std::str::Chars>| -> Result<String, String> {
            if it.next() != Some('"') {
                return Err("expected a string".into());
            }
            let mut s = String::new();
            loop {
                match it.next().ok_or("unterminated string")? {
                    '"' => return Ok(s),
                    '\\' => match it.next().ok_or("bad escape")? {
                        '"' => s.push('"'),
                        '\\' => s.push('\\'),
                        '/' => s.push('/'),
                        'n' => s.push('\n'),
                        'r' => s.push('\r'),
                        't' => s.push('\t'),
                        'u' => {
                            let hex: String = (0..4).filter_map(|_| it.next()).collect();
                            let v = u32::from_str_radix(&hex, 16).map_err(|e| e.to_string())?;
                            s.push(char::from_u32(v).ok_or("bad \\u")?);
                        }
                        e => return Err(format!("bad escape \\{e}")),
                    },
                    c if (c as u32) < 0x20 => return Err("raw control character in string".into()),
                    c => s.push(c),
                }
            }
        };
        if chars.next() != Some('{') {
            return Err("expected {".into());
        }
        loop {
            skip_ws(&mut chars);
            let k = string(&mut chars)?;
            skip_ws(&mut chars);
            if chars.next() != Some(':') {
                return Err("expected :".into());
            }
            skip_ws(&mut chars);
            let v = string(&mut chars)?;
            fields.push((k, v));
            skip_ws(&mut chars);
            match chars.next() {
                Some(',') => continue,
                Some('}') => break,
                _ => return Err("expected , or }".into()),
            }
        }
        if chars.next().is_some() {
            return Err("trailing characters".into());
        }
        Ok(fields)
    }

    #[test]
    fn deterministic_for_a_seed() {
        assert_eq!(article(7, 3), article(7, 3));
        let a: Vec<String> = corpus_jsonl(42, 20_000).collect();
        let b: Vec<String> = corpus_jsonl(42, 20_000).collect();
        assert_eq!(a, b);
        assert_ne!(article(7, 3), article(8, 3));
        assert_ne!(article(7, 3), article(7, 4));
    }

    #[test]
    fn records_are_valid_json_and_round_trip() {
        for (i, line) in corpus_jsonl(1, 200_000).enumerate() {
            assert!(!line.contains('\n'));
            let fields = parse_flat_object(&line).unwrap_or_else(|e| panic!("record {i}: {e}: {line}"));
            let keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(keys, ["id", "published", "source", "text"]);
            let (id, text, published) = article(1, i);
            assert_eq!(fields[0].1, id);
            assert_eq!(fields[1].1, published);
            assert_eq!(fields[3].1, text);
            assert!(crate::model::parse_date(&published).is_some());
        }
    }

    #[test]
    fn escaper_handles_quotes_backslashes_and_controls() {
        let mut out = String::new();
        json_escape("a\"b\\c\nd\u{1}e\u{2014}", &mut out);
        assert_eq!(out, "a\\\"b\\\\c\\nd\\u0001e\u{2014}");
        let line = format!("{{\"text\": \"{out}\"}}");
        assert_eq!(parse_flat_object(&line).unwrap()[0].1, "a\"b\\c\nd\u{1}e\u{2014}");
    }

    #[test]
    fn articles_vary_in_length_and_shape() {
        let mut sentence_counts = std::collections::BTreeSet::new();
        let mut total_sentences = 0;
        let mut total_words = 0;
        let mut seen = std::collections::HashSet::new();
        let (mut datelines, mut quotes, mut passives, mut abbreviations, mut paragraphs) = (0, 0, 0, 0, 0);
        for i in 0..300 {
            let (_, text, _) = article(99, i);
            assert!(seen.insert(text.clone()), "duplicate article {i}");
            let spans = crate::text::split_sentences(&text, 0, text.len());
            sentence_counts.insert(spans.len());
            total_sentences += spans.len();
            total_words += word_count(&text);
            datelines += usize::from(text.contains('\u{2014}') || text.contains(") - "));
            quotes += usize::from(text.contains('"') || text.contains('\u{201c}'));
            passives += usize::from(text.contains(" was attacked by ") || text.contains(" was accused by "));
            abbreviations += usize::from(
                text.contains("U.S.") || text.contains("Gen.") || text.contains("Sept.") || text.contains("Jan."),
            );
            paragraphs += usize::from(text.contains("\n\n"));
        }
        assert!(sentence_counts.len() >= 8, "{sentence_counts:?}");
        let mean = total_words as f64 / total_sentences as f64;
        assert!((12.0..=40.0).contains(&mean), "mean words per sentence {mean}");
        for (what, n) in [
            ("datelines", datelines),
            ("quotes", quotes),
            ("passives", passives),
            ("abbreviations", abbreviations),
            ("paragraphs", paragraphs),
        ] {
            assert!(n >= 10, "only {n} articles with {what}");
        }
    }

    #[test]
    fn corpus_reaches_its_size() {
        let total: usize = corpus_jsonl(5, 100_000).map(|l| l.len() + 1).sum();
        assert!((100_000..110_000).contains(&total), "{total}");
    }
}
