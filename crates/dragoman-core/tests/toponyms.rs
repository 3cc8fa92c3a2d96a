//! Toponym recognition and disambiguation against the built-in gazetteer.
//!
//! Each case is a sentence written for this test, the story's context (actor
//! countries, most salient first, and the dateline's country) and the place a reader
//! would say the named mention means. Every place the sentence names is looked up,
//! resolved once without the others, then again with the others as context, the way
//! the coder does it for a story. The run prints its accuracy and fails below 90%.

use dragoman_core::places::{find_places, resolve, Gazetteer, PlaceContext, PlaceId, PlaceKind};
use dragoman_core::text::tokenize;

/// (sentence, mention, actor countries, dateline country, expected)
/// expected: "Name|CTRY" or "Name|CTRY|kind" (kind: country, admin1, city, region),
/// or "" when the mention must not be taken for a place.
type Case = (&'static str, &'static str, &'static [&'static str], Option<&'static str>, &'static str);

#[rustfmt::skip]
const CASES: &[Case] = &[
    // --- Washington
    ("The foreign ministers met in Washington on Tuesday.", "Washington", &["ARM", "AZE"], None, "Washington|USA|city"),
    ("Washington imposed new sanctions on Tehran.", "Washington", &["USA", "IRN"], None, "Washington|USA|city"),
    ("Talks in Washington ended without a deal, Moscow said.", "Washington", &["RUS", "UKR"], None, "Washington|USA|city"),
    ("Officials in Washington state declared an emergency.", "Washington state", &["USA"], Some("USA"), "Washington|USA|admin1"),
    ("The delegation flew to Washington, D.C., for the signing.", "Washington", &["ISR", "ARE"], None, "Washington|USA|city"),
    ("The British envoy returned from Washington.", "Washington", &["GBR"], Some("GBR"), "Washington|USA|city"),
    ("A summit in Washington D.C. drew forty leaders.", "Washington D.C.", &[], None, "Washington|USA|city"),
    // --- Georgia
    ("Russian troops remain in Georgia's breakaway regions.", "Georgia", &["RUS", "GEO"], None, "Georgia|GEO|country"),
    ("Armenia and Georgia signed a transit agreement.", "Georgia", &["ARM"], None, "Georgia|GEO|country"),
    ("Azerbaijan's gas reaches Turkey through Georgia.", "Georgia", &["AZE", "TUR"], None, "Georgia|GEO|country"),
    ("Voters in Georgia elected a new governor.", "Georgia", &["USA"], Some("USA"), "Georgia|USA|admin1"),
    ("Protesters gathered outside parliament in Tbilisi, Georgia.", "Georgia", &[], None, "Georgia|GEO|country"),
    ("The EU granted Georgia candidate status.", "Georgia", &["IGOEUREU"], None, "Georgia|GEO|country"),
    ("The storm hit Atlanta, Georgia, on Sunday.", "Georgia", &["USA"], None, "Georgia|USA|admin1"),
    ("Georgia recalled its ambassador from Moscow.", "Georgia", &[], None, "Georgia|GEO|country"),
    // --- Paris
    ("Iranian and American negotiators met in Paris.", "Paris", &["USA", "IRN"], None, "Paris|FRA"),
    ("Macron hosted the conference in Paris.", "Paris", &["FRA"], Some("FRA"), "Paris|FRA"),
    ("A tornado struck Paris in northeast Texas.", "Paris", &["USA"], Some("USA"), "Paris|USA"),
    ("The Paris talks on Ukraine stalled.", "Paris", &["UKR", "RUS"], None, "Paris|FRA"),
    ("Police in Paris, Texas, arrested two men.", "Paris", &[], None, "Paris|USA"),
    ("WASHINGTON - The secretary of state will travel to Paris next week.", "Paris", &["USA"], Some("USA"), "Paris|FRA"),
    // --- Tripoli
    ("Militias clashed in Tripoli overnight.", "Tripoli", &["LBY"], Some("LBY"), "Tripoli|LBY"),
    ("Lebanese troops deployed in Tripoli after clashes.", "Tripoli", &["LBN"], None, "Tripoli|LBN"),
    ("The Tripoli government rejected the plan.", "Tripoli", &[], None, "Tripoli|LBY"),
    ("Fighting spread from Beirut to Tripoli.", "Tripoli", &["LBN"], None, "Tripoli|LBN"),
    ("Haftar's forces advanced on Tripoli from Benghazi.", "Tripoli", &[], None, "Tripoli|LBY"),
    ("TRIPOLI", "TRIPOLI", &[], Some("LBN"), "Tripoli|LBN"),
    // --- Hyderabad
    ("Police in Hyderabad detained protesters.", "Hyderabad", &["IND"], Some("IND"), "Hyderabad|IND"),
    ("Floods hit Hyderabad in Sindh province.", "Hyderabad", &["PAK"], None, "Hyderabad|PAK"),
    ("Hyderabad's tech industry grew again.", "Hyderabad", &[], None, "Hyderabad|IND"),
    ("Karachi and Hyderabad were both under curfew.", "Hyderabad", &[], None, "Hyderabad|PAK"),
    // --- Valencia
    ("Floods killed dozens around Valencia, Spanish officials said.", "Valencia", &["ESP"], None, "Valencia|ESP"),
    ("Opposition supporters marched in Valencia and Caracas.", "Valencia", &["VEN"], None, "Valencia|VEN"),
    ("MADRID - The king visited Valencia.", "Valencia", &[], Some("ESP"), "Valencia|ESP"),
    ("Maduro's security forces raided homes in Valencia.", "Valencia", &["VEN"], Some("VEN"), "Valencia|VEN"),
    // --- Santiago
    ("Students marched in Santiago against the Chilean government.", "Santiago", &["CHL"], None, "Santiago|CHL"),
    ("The summit in Santiago brought together Latin American leaders.", "Santiago", &[], None, "Santiago|CHL"),
    ("Dominican police said the suspect fled to Santiago.", "Santiago", &["DOM"], Some("DOM"), "Santiago de los Caballeros|DOM"),
    ("Pilgrims reached Santiago de Compostela in Galicia.", "Santiago de Compostela", &["ESP"], None, "Santiago de Compostela|ESP"),
    // --- Córdoba
    ("Farmers blocked roads near Córdoba, Argentina.", "Córdoba", &["ARG"], None, "Córdoba|ARG"),
    ("The mosque-cathedral of Cordoba in Andalusia drew record crowds.", "Cordoba", &["ESP"], None, "Córdoba|ESP"),
    ("Milei spoke to supporters in Cordoba.", "Cordoba", &["ARG"], Some("ARG"), "Córdoba|ARG"),
    ("Spanish police arrested three men in Córdoba.", "Córdoba", &["ESP"], Some("ESP"), "Córdoba|ESP"),
    // --- Alexandria
    ("Egyptian police raided a church in Alexandria.", "Alexandria", &["EGY"], None, "Alexandria|EGY"),
    ("The trial opened in federal court in Alexandria, Virginia.", "Alexandria", &["USA"], Some("USA"), "Alexandria|USA"),
    ("Ships unloaded grain in Alexandria.", "Alexandria", &[], None, "Alexandria|EGY"),
    ("Cairo and Alexandria saw protests on Friday.", "Alexandria", &[], None, "Alexandria|EGY"),
    // --- Perth
    ("Australian police in Perth charged a teenager.", "Perth", &["AUS"], None, "Perth|AUS"),
    ("The Scottish National Party met in Perth.", "Perth", &["GBR"], None, "Perth|GBR"),
    ("Chinese warships were tracked off Perth.", "Perth", &["CHN"], None, "Perth|AUS"),
    // --- Ukraine war places and spellings
    ("Russian missiles struck Kyiv overnight.", "Kyiv", &["RUS", "UKR"], None, "Kyiv|UKR"),
    ("Explosions were heard in Kiev on Monday.", "Kiev", &["UKR"], None, "Kyiv|UKR"),
    ("Shelling hit Kharkiv's northern districts.", "Kharkiv", &["RUS", "UKR"], None, "Kharkiv|UKR|city"),
    ("The Soviet-era factory in Kharkov was hit.", "Kharkov", &[], None, "Kharkiv|UKR|city"),
    ("Ukrainian forces entered Kherson in November.", "Kherson", &["UKR"], None, "Kherson|UKR|city"),
    ("Russia claimed the capture of Bakhmut.", "Bakhmut", &["RUS"], None, "Bakhmut|UKR"),
    ("The fighting around Artemivsk continued.", "Artemivsk", &[], None, "Bakhmut|UKR"),
    ("Grain ships left Odesa under the deal.", "Odesa", &["UKR", "TUR"], None, "Odesa|UKR"),
    ("The port of Odessa was shelled again.", "Odessa", &["RUS", "UKR"], None, "Odesa|UKR"),
    ("Oil prices rose in Odessa, Texas.", "Odessa", &["USA"], Some("USA"), "Odessa|USA"),
    ("Drones targeted Mykolaiv's shipyard.", "Mykolaiv", &["RUS"], None, "Mykolayiv|UKR"),
    ("Russian troops withdrew from Izium.", "Izium", &["RUS"], None, "Izyum|UKR"),
    ("The siege of Mariupol ended in May.", "Mariupol", &["UKR"], None, "Mariupol|UKR"),
    ("The Zaporizhzhia region was partly occupied.", "Zaporizhzhia region", &["UKR"], None, "Zaporizhzhia|UKR|admin1"),
    ("Shells landed in Donetsk city centre.", "Donetsk", &["UKR", "RUS"], None, "Donetsk|UKR|city"),
    ("Moscow annexed the Donetsk region in 2022.", "Donetsk region", &["RUS"], None, "Donetsk|UKR|admin1"),
    ("Donetsk oblast officials ordered evacuations.", "Donetsk oblast", &["UKR"], None, "Donetsk|UKR|admin1"),
    ("Separatists in the Donbas shelled Ukrainian positions.", "Donbas", &["UKR"], None, "Donbas|UKR|region"),
    ("Fighting in the Donbass intensified.", "Donbass", &[], None, "Donbas|UKR|region"),
    ("Crimea was annexed by Russia in 2014.", "Crimea", &["RUS"], None, "Crimea|UKR|region"),
    ("A blast hit the naval base in Sevastopol.", "Sevastopol", &["RUS", "UKR"], None, "Sevastopol|UKR|city"),
    ("Ukrainian troops took Robotyne in August.", "Robotyne", &["UKR"], None, "Robotyne|UKR"),
    ("Avdiivka fell after a four-month assault.", "Avdiivka", &["RUS", "UKR"], None, "Avdiyivka|UKR"),
    ("Luhansk authorities reported shelling.", "Luhansk", &["UKR"], None, "Luhansk|UKR|city"),
    ("Lviv received thousands of refugees.", "Lviv", &["UKR", "POL"], None, "Lviv|UKR|city"),
    ("Ukrainian forces pushed into the Kursk region.", "Kursk region", &["UKR", "RUS"], None, "Kursk Oblast|RUS|admin1"),
    ("Drones hit an oil depot in Belgorod.", "Belgorod", &["UKR", "RUS"], None, "Belgorod|RUS|city"),
    // --- South Caucasus
    ("Azerbaijan launched an offensive in Nagorno-Karabakh.", "Nagorno-Karabakh", &["AZE", "ARM"], None, "Nagorno-Karabakh|AZE|region"),
    ("Refugees left Karabakh for Armenia.", "Karabakh", &["ARM"], None, "Nagorno-Karabakh|AZE|region"),
    ("The conflict over Nagorno Karabakh ended.", "Nagorno Karabakh", &[], None, "Nagorno-Karabakh|AZE|region"),
    ("Azerbaijani forces entered Stepanakert.", "Stepanakert", &["AZE"], None, "Khankendi|AZE|city"),
    ("Aliyev raised the flag in Khankendi.", "Khankendi", &["AZE"], None, "Khankendi|AZE|city"),
    ("Aliyev visited Shusha on Sunday.", "Shusha", &["AZE"], None, "Shusha|AZE"),
    ("The Lachin corridor was blocked.", "Lachin", &["ARM", "AZE"], None, "Lachin|AZE"),
    ("Russian troops are stationed in Tskhinvali.", "Tskhinvali", &["RUS", "GEO"], None, "Tskhinvali|GEO"),
    ("South Ossetia held a referendum.", "South Ossetia", &["RUS"], None, "South Ossetia|GEO|region"),
    ("Abkhazia's leader flew to Moscow.", "Abkhazia", &["RUS"], None, "Abkhazia|GEO|region"),
    ("Protests in Sukhumi forced his resignation.", "Sukhumi", &[], None, "Sokhumi|GEO"),
    ("YEREVAN", "YEREVAN", &[], Some("ARM"), "Yerevan|ARM"),
    ("Pashinyan met Aliyev in Baku.", "Baku", &["ARM", "AZE"], None, "Baku|AZE|city"),
    ("Gyumri hosts a Russian military base.", "Gyumri", &["RUS", "ARM"], None, "Gyumri|ARM"),
    ("Ganja was hit by missiles.", "Ganja", &["AZE"], None, "Ganja|AZE|city"),
    ("Batumi's port will take the ferry.", "Batumi", &["GEO"], None, "Batumi|GEO"),
    ("Transnistria asked Moscow for help.", "Transnistria", &["MDA", "RUS"], None, "Transnistria|MDA|region"),
    ("Blasts were reported in Tiraspol.", "Tiraspol", &["MDA"], None, "Tiraspol|MDA"),
    // --- Middle East
    ("Israeli tanks entered Rafah.", "Rafah", &["ISR", "PSE"], None, "Rafah|PSE"),
    ("Egypt reinforced its side of Rafah.", "Rafah", &["EGY"], None, "Rafah|EGY"),
    ("Strikes hit Khan Younis and Rafah.", "Khan Younis", &["ISR"], None, "Khan Yunis|PSE"),
    ("Residents fled Khan Yunis on foot.", "Khan Yunis", &[], None, "Khan Yunis|PSE"),
    ("Hamas fired rockets from Gaza.", "Gaza", &["PSE", "ISR"], None, "Gaza Strip|PSE|region"),
    ("Aid trucks entered the Gaza Strip.", "Gaza Strip", &[], None, "Gaza Strip|PSE|region"),
    ("The hospital in Gaza City was surrounded.", "Gaza City", &["ISR"], None, "Gaza|PSE|city"),
    ("Settler violence rose in the West Bank.", "West Bank", &["ISR"], None, "West Bank|PSE|region"),
    ("Israeli forces raided Jenin.", "Jenin", &["ISR"], None, "Janīn|PSE"),
    ("The Palestinian Authority met in Ramallah.", "Ramallah", &["PSE"], None, "Ramallah|PSE"),
    ("Settlers attacked villages near Nablus.", "Nablus", &["ISR", "PSE"], None, "Nablus|PSE"),
    ("Tensions rose in Hebron.", "Hebron", &["ISR", "PSE"], None, "Hebron|PSE"),
    ("Drones were launched toward the Golan Heights.", "Golan Heights", &["ISR", "SYR"], None, "Golan Heights|SYR|region"),
    ("Rebels took Aleppo in a lightning offensive.", "Aleppo", &["SYR"], None, "Aleppo|SYR|city"),
    ("Residents of Halab returned home.", "Halab", &[], None, "Aleppo|SYR|city"),
    ("Airstrikes hit Idlib province.", "Idlib province", &["SYR", "RUS"], None, "Idlib|SYR|admin1"),
    ("Protests erupted in Homs.", "Homs", &["SYR"], None, "Homs|SYR|city"),
    ("Damascus rejected the proposal.", "Damascus", &["SYR"], None, "Damascus|SYR|city"),
    ("Hezbollah fighters moved south from Tyre.", "Tyre", &["LBN"], None, "Tyre|LBN"),
    ("Israeli jets struck Beirut's southern suburbs.", "Beirut", &["ISR", "LBN"], None, "Beirut|LBN"),
    ("US troops were attacked near Erbil.", "Erbil", &["USA", "IRQ"], None, "Erbil|IRQ"),
    ("Iraqi forces retook Mosul in 2017.", "Mosul", &["IRQ"], None, "Mosul|IRQ"),
    ("The Houthis control Sanaa.", "Sanaa", &["YEM"], None, "Sanaa|YEM"),
    ("Saudi-backed forces regrouped in Aden.", "Aden", &["SAU", "YEM"], None, "Aden|YEM"),
    ("Talks were hosted in Doha.", "Doha", &["USA", "AFG"], None, "Doha|QAT"),
    ("Iran's enrichment site at Natanz was hit.", "Natanz", &["IRN", "ISR"], None, "Natanz|IRN"),
    ("Officials in Tehran denied the report.", "Tehran", &["IRN"], None, "Tehran|IRN"),
    ("The summit opened in Riyadh.", "Riyadh", &["SAU", "USA"], None, "Riyadh|SAU"),
    ("Protesters marched in Istanbul.", "Istanbul", &["TUR"], None, "Istanbul|TUR"),
    ("Ankara summoned the Swedish ambassador.", "Ankara", &["TUR", "SWE"], None, "Ankara|TUR"),
    ("The king met envoys in Amman.", "Amman", &["JOR"], None, "Amman|JOR"),
    ("Jordan closed its border with Syria.", "Jordan", &["JOR", "SYR"], None, "Jordan|JOR|country"),
    ("Ships waited off Jeddah.", "Jeddah", &["SAU"], None, "Jeddah|SAU"),
    ("Cairo brokered a truce.", "Cairo", &["EGY", "ISR"], None, "Cairo|EGY"),
    ("Militants attacked a checkpoint in North Sinai.", "North Sinai", &["EGY"], None, "Sinai|EGY|region"),
    // --- Africa
    ("M23 rebels seized Goma.", "Goma", &["COD", "RWA"], None, "Goma|COD"),
    ("Fighting reached Bukavu.", "Bukavu", &["COD"], None, "Bukavu|COD"),
    ("Jihadists besieged Timbuktu.", "Timbuktu", &["MLI"], None, "Timbuktu|MLI"),
    ("French troops left Gao.", "Gao", &["FRA", "MLI"], None, "Gao|MLI"),
    ("A convoy was attacked between Gao and Menaka.", "Menaka", &["MLI"], None, "Menaka|MLI"),
    ("Soldiers were killed near Mopti.", "Mopti", &["MLI"], None, "Mopti|MLI"),
    ("Wagner fighters entered Kidal.", "Kidal", &["MLI", "RUS"], None, "Kidal|MLI"),
    ("The junta in Bamako expelled the envoy.", "Bamako", &["MLI"], None, "Bamako|MLI"),
    ("The RSF besieged El Fasher.", "El Fasher", &["SDN"], None, "El Fasher|SDN"),
    ("Fighting erupted in Khartoum and Omdurman.", "Omdurman", &["SDN"], None, "Omdurman|SDN"),
    ("Atrocities were reported across Darfur.", "Darfur", &["SDN"], None, "Darfur|SDN|region"),
    ("The Tigray war ended with a deal in Pretoria.", "Pretoria", &["ETH"], None, "Pretoria|ZAF"),
    ("Al-Shabaab attacked a hotel in Mogadishu.", "Mogadishu", &["SOM"], None, "Mogadishu|SOM"),
    ("Boko Haram attacked villages near Maiduguri.", "Maiduguri", &["NGA"], None, "Maiduguri|NGA"),
    ("Police fired tear gas in Nairobi.", "Nairobi", &["KEN"], None, "Nairobi|KEN"),
    ("Polisario fighters shelled positions near Laayoune.", "Laayoune", &["MAR"], None, "Laayoune|ESH"),
    ("Morocco's plan for Western Sahara won support.", "Western Sahara", &["MAR"], None, "Western Sahara|ESH|country"),
    ("Protesters filled the streets of Niamey.", "Niamey", &["NER"], None, "Niamey|NER"),
    ("Talks in Addis Ababa resumed.", "Addis Ababa", &["ETH", "ERI"], None, "Addis Ababa|ETH"),
    ("Juba accused Khartoum of bombing.", "Juba", &["SSD", "SDN"], None, "Juba|SSD"),
    ("Militias clashed in Benghazi.", "Benghazi", &["LBY"], None, "Benghazi|LBY"),
    // --- Asia
    ("Protesters in Bombay blocked trains.", "Bombay", &["IND"], None, "Mumbai|IND"),
    ("The attacks on Mumbai killed 166.", "Mumbai", &["IND", "PAK"], None, "Mumbai|IND"),
    ("The junta moved ministries from Rangoon.", "Rangoon", &["MMR"], None, "Yangon|MMR"),
    ("Soldiers fired on crowds in Yangon.", "Yangon", &["MMR"], None, "Yangon|MMR"),
    ("Peking rejected the British proposal.", "Peking", &["CHN", "GBR"], None, "Beijing|CHN"),
    ("Beijing warned Taipei.", "Beijing", &["CHN", "TWN"], None, "Beijing|CHN"),
    ("Beijing warned Taipei.", "Taipei", &["CHN", "TWN"], None, "Taipei|TWN"),
    ("Militants attacked a camp in Kashmir.", "Kashmir", &["IND", "PAK"], None, "Kashmir|IND|region"),
    ("Police in Srinagar imposed a curfew.", "Srinagar", &["IND"], None, "Srinagar|IND"),
    ("A bomb exploded in Peshawar.", "Peshawar", &["PAK"], None, "Peshawar|PAK"),
    ("The Taliban took Kabul in August.", "Kabul", &["AFG"], None, "Kabul|AFG"),
    ("Kim Jong Un visited Pyongyang's new hospital.", "Pyongyang", &["PRK"], None, "Pyongyang|PRK"),
    ("Seoul protested the launch.", "Seoul", &["KOR", "PRK"], None, "Seoul|KOR"),
    ("Protests spread across Hong Kong.", "Hong Kong", &["CHN"], None, "Hong Kong|HKG"),
    ("Uyghurs were detained in Urumqi.", "Urumqi", &["CHN"], None, "Urumqi|CHN"),
    ("Islamist fighters held Marawi for months.", "Marawi", &["PHL"], None, "Marawi City|PHL"),
    ("Dhaka's students toppled the government.", "Dhaka", &["BGD"], None, "Dhaka|BGD"),
    // --- Europe and the Americas
    ("Vienna hosted the nuclear talks.", "Vienna", &["IRN", "USA"], None, "Vienna|AUT"),
    ("London and Dublin agreed on the protocol.", "Dublin", &["GBR", "IRL"], None, "Dublin|IRL"),
    ("The leaders met in Geneva.", "Geneva", &["USA", "RUS"], None, "Geneva|CHE"),
    ("The Kremlin said Moscow would respond.", "Moscow", &["RUS"], None, "Moscow|RUS"),
    ("Students in Moscow, Idaho, were killed.", "Moscow", &["USA"], Some("USA"), "Moscow|USA"),
    ("The pope spoke in Rome.", "Rome", &["VAT"], None, "Rome|ITA"),
    ("Talks were held in Minsk.", "Minsk", &["UKR", "RUS"], None, "Minsk|BLR"),
    ("The court in The Hague ruled.", "The Hague", &["NLD"], None, "The Hague|NLD"),
    ("Ships docked in Barcelona.", "Barcelona", &["ESP"], None, "Barcelona|ESP"),
    ("Protesters in Barcelona, Venezuela, were arrested.", "Barcelona", &["VEN"], Some("VEN"), "Barcelona|VEN"),
    ("The bombing in Belfast killed two.", "Belfast", &["GBR"], None, "Belfast|GBR"),
    ("Police in London arrested a suspect.", "London", &["GBR"], None, "London|GBR"),
    ("A shooting in London, Ontario, killed a family.", "London", &["CAN"], Some("CAN"), "London|CAN"),
    ("Cartel gunmen attacked Culiacan.", "Culiacan", &["MEX"], None, "Culiacán|MEX"),
    ("Gangs control most of Port-au-Prince.", "Port-au-Prince", &["HTI"], None, "Port-au-Prince|HTI"),
    ("Voters in Caracas queued for hours.", "Caracas", &["VEN"], None, "Caracas|VEN"),
    ("The government in La Paz declared an emergency.", "La Paz", &["BOL"], None, "La Paz|BOL"),
    ("Ottawa expelled a diplomat.", "Ottawa", &["CAN", "IND"], None, "Ottawa|CAN"),
    ("Ministers met in Kingston.", "Kingston", &["JAM"], None, "Kingston|JAM"),
    ("Havana released political prisoners.", "Havana", &["CUB", "USA"], None, "Havana|CUB"),
    ("Riots broke out in Bogota.", "Bogota", &["COL"], None, "Bogotá|COL"),
    ("Canberra lodged a protest with Beijing.", "Canberra", &["AUS", "CHN"], None, "Canberra|AUS"),
    ("New York hosted the General Assembly.", "New York", &["IGOUNO"], None, "New York City|USA"),
    ("The Wellington government recognised Palestine.", "Wellington", &["NZL"], None, "Wellington|NZL"),
    ("Melbourne police charged the man.", "Melbourne", &["AUS"], None, "Melbourne|AUS"),
    // --- countries named in passing and by other names
    ("Talks with the U.S. stalled.", "U.S.", &["IRN"], None, "United States|USA|country"),
    ("Burma's junta freed prisoners.", "Burma", &[], None, "Myanmar|MMR|country"),
    ("Troops crossed into Côte d'Ivoire.", "Côte d'Ivoire", &[], None, "Côte d'Ivoire|CIV|country"),
    ("Ivory Coast's president spoke.", "Ivory Coast", &[], None, "Côte d'Ivoire|CIV|country"),
    ("Kosovo police seized the building.", "Kosovo", &["SRB"], None, "Kosovo|KSV|country"),
    ("Timor-Leste joined ASEAN.", "Timor-Leste", &[], None, "Timor-Leste|TMP|country"),
    ("Romania hosts NATO troops.", "Romania", &[], None, "Romania|ROU|country"),
    ("Chad closed its border with Sudan.", "Chad", &["TCD", "SDN"], None, "Chad|TCD|country"),
    ("Turkey shot down a drone over Syria.", "Syria", &["TUR"], None, "Syria|SYR|country"),
    ("Mali's junta expelled the French.", "Mali", &["MLI"], None, "Mali|MLI|country"),
    ("Armenia recalled its envoy.", "Armenia", &["ARM"], None, "Armenia|ARM|country"),
    ("The ceasefire in Lebanon held.", "Lebanon", &["ISR"], None, "Lebanon|LBN|country"),
    ("Sudan's army retook the capital.", "Sudan", &[], None, "Sudan|SDN|country"),
    ("Aid reached Palestine.", "Palestine", &[], None, "Palestine|PSE|country"),
    ("Congo's army fought M23.", "Congo", &[], None, "Democratic Republic of the Congo|COD|country"),
    ("Iraqi Kurdistan held elections.", "Iraqi Kurdistan", &["IRQ"], None, "Kurdistan Region|IRQ|region"),
    ("Texas sent the National Guard to the border.", "Texas", &["USA"], None, "Texas|USA|admin1"),
    ("California sued the administration.", "California", &["USA"], None, "California|USA|admin1"),
    ("Tigray's leaders signed the deal.", "Tigray", &["ETH"], None, "Tigray|ETH|admin1"),
    ("Balochistan separatists attacked a train.", "Balochistan", &["PAK"], None, "Balochistan|PAK|admin1"),
    // --- datelines: the dateline country is the context
    ("KHARKIV", "KHARKIV", &[], Some("UKR"), "Kharkiv|UKR|city"),
    ("ALEXANDRIA", "ALEXANDRIA", &[], Some("USA"), "Alexandria|USA"),
    ("ALEXANDRIA", "ALEXANDRIA", &[], Some("EGY"), "Alexandria|EGY"),
    ("PERTH", "PERTH", &[], Some("GBR"), "Perth|GBR"),
    ("VALENCIA", "VALENCIA", &[], Some("ESP"), "Valencia|ESP"),
    ("SANTIAGO", "SANTIAGO", &[], Some("CHL"), "Santiago|CHL"),
    ("HYDERABAD", "HYDERABAD", &[], Some("PAK"), "Hyderabad|PAK"),
    ("GOMA", "GOMA", &[], Some("COD"), "Goma|COD"),
    ("RAFAH", "RAFAH", &[], Some("PSE"), "Rafah|PSE"),
    ("WASHINGTON", "WASHINGTON", &[], Some("USA"), "Washington|USA|city"),
    ("PARIS", "PARIS", &[], Some("FRA"), "Paris|FRA"),
    ("TBILISI", "TBILISI", &[], Some("GEO"), "Tbilisi|GEO"),
    ("BAKU", "BAKU", &[], Some("AZE"), "Baku|AZE|city"),
    ("KYIV", "KYIV", &[], Some("UKR"), "Kyiv|UKR"),
    // --- metonyms: the coder decides later; the lookup must still find the capital
    ("Moscow warned Baku against the move.", "Baku", &["RUS", "AZE"], None, "Baku|AZE|city"),
    ("Moscow warned Baku against the move.", "Moscow", &["RUS", "AZE"], None, "Moscow|RUS"),
    ("Washington and Brussels disagreed on tariffs.", "Washington", &["USA", "IGOEUREU"], None, "Washington|USA|city"),
    ("Tehran accused Riyadh of meddling.", "Riyadh", &["IRN", "SAU"], None, "Riyadh|SAU"),
    ("Yerevan accused Baku of shelling.", "Yerevan", &["ARM", "AZE"], None, "Yerevan|ARM"),
    ("Kyiv said the strike killed five.", "Kyiv", &["UKR"], None, "Kyiv|UKR"),
    ("London and Paris backed the plan.", "Paris", &["GBR", "FRA"], None, "Paris|FRA"),
    // --- words that are not places here
    ("Reading the statement, the minister paused.", "Reading", &["GBR"], None, ""),
    ("Split between factions, the party stalled.", "Split", &["HRV"], None, ""),
    ("Mobile phone networks were cut.", "Mobile", &["USA"], None, ""),
    ("Nice words will not end the war, he said.", "Nice", &["FRA"], None, ""),
    ("March was the deadliest month.", "March", &["GBR"], None, ""),
    ("May brought new offensives.", "May", &["UKR"], None, ""),
    ("Independence Day passed quietly.", "Independence", &["USA"], None, ""),
    ("Of the 40 victims, 12 were children.", "Of", &["TUR"], None, ""),
    ("Union leaders called a strike.", "Union", &["USA"], None, ""),
    ("Police said the suspect fled.", "Police", &["POL"], None, ""),
];

/// A second batch written after the weights were tuned on `CASES` and never tuned
/// on: its accuracy is the honest estimate. Same format.
#[rustfmt::skip]
const HELD_OUT: &[Case] = &[
    ("Ukrainian drones struck a refinery near Krasnodar.", "Krasnodar", &["UKR", "RUS"], None, "Krasnodar|RUS|city"),
    ("Russian forces shelled Sumy again.", "Sumy", &["RUS", "UKR"], None, "Sumy|UKR|city"),
    ("Residents of Chernihiv sheltered in basements.", "Chernihiv", &["UKR"], None, "Chernihiv|UKR|city"),
    ("A missile hit a hotel in Kramatorsk.", "Kramatorsk", &["RUS", "UKR"], None, "Kramatorsk|UKR"),
    ("Fighting continued around Pokrovsk.", "Pokrovsk", &["RUS", "UKR"], None, "Pokrovsk|UKR"),
    ("Occupation authorities in Melitopol detained a mayor.", "Melitopol", &["RUS"], None, "Melitopol|UKR"),
    ("The dam at Nova Kakhovka was destroyed.", "Nova Kakhovka", &["UKR", "RUS"], None, "Nova Kakhovka|UKR"),
    ("Evacuations were ordered in Zaporizhzhia.", "Zaporizhzhia", &["UKR"], None, "Zaporizhzhya|UKR|city"),
    ("Protests broke out in Tbilisi over the law.", "Tbilisi", &["GEO"], None, "Tbilisi|GEO"),
    ("Kutaisi airport reopened.", "Kutaisi", &["GEO"], None, "Kutaisi|GEO"),
    ("Refugees arrived in Goris from Karabakh.", "Goris", &["ARM"], None, "Goris|ARM"),
    ("Azerbaijani troops fired on Jermuk.", "Jermuk", &["AZE", "ARM"], None, "Jermuk|ARM"),
    ("A car bomb exploded in Kirkuk.", "Kirkuk", &["IRQ"], None, "Kirkuk|IRQ"),
    ("Militia rockets hit Basra's oil fields.", "Basra", &["IRQ"], None, "Basrah|IRQ"),
    ("US jets struck targets near Deir ez-Zor.", "Deir ez-Zor", &["USA", "SYR"], None, "Deir ez-Zor|SYR|city"),
    ("Kurdish fighters held Raqqa.", "Raqqa", &["SYR"], None, "Ar Raqqah|SYR"),
    ("Houthi missiles targeted Eilat.", "Eilat", &["YEM", "ISR"], None, "Eilat|ISR"),
    ("Protesters blocked roads in Tel Aviv.", "Tel Aviv", &["ISR"], None, "Tel Aviv|ISR"),
    ("Rockets were fired at Haifa.", "Haifa", &["LBN", "ISR"], None, "Haifa|ISR"),
    ("Israeli strikes hit Jabalia.", "Jabalia", &["ISR", "PSE"], None, "Jabālyā|PSE"),
    ("Aid was dropped over Deir al-Balah.", "Deir al-Balah", &["USA"], None, "Deir al-Balah|PSE"),
    ("Lebanese officials met in Sidon.", "Sidon", &["LBN"], None, "Sidon|LBN"),
    ("Iranian drones were launched from Isfahan.", "Isfahan", &["IRN"], None, "Isfahan|IRN"),
    ("Militants attacked a mosque in Quetta.", "Quetta", &["PAK"], None, "Quetta|PAK"),
    ("Floods swamped Karachi.", "Karachi", &["PAK"], None, "Karachi|PAK"),
    ("The cricket match in Lahore went ahead.", "Lahore", &["PAK", "IND"], None, "Lahore|PAK"),
    ("Police fired on students in Chittagong.", "Chittagong", &["BGD"], None, "Chattogram|BGD"),
    ("The Taliban governor of Kandahar spoke.", "Kandahar", &["AFG"], None, "Kandahār|AFG"),
    ("Rebels seized Lashio from the army.", "Lashio", &["MMR"], None, "Lashio|MMR"),
    ("Protesters occupied the airport in Bangkok.", "Bangkok", &["THA"], None, "Bangkok|THA"),
    ("The summit in Jakarta closed.", "Jakarta", &["IDN"], None, "Jakarta|IDN"),
    ("Chinese ships were spotted off Manila.", "Manila", &["CHN", "PHL"], None, "Manila|PHL"),
    ("Kim fired missiles from Wonsan.", "Wonsan", &["PRK"], None, "Wŏnsan|PRK"),
    ("A fire ship was seized near Shanghai.", "Shanghai", &["CHN"], None, "Shanghai|CHN"),
    ("The court in Lhasa sentenced the monks.", "Lhasa", &["CHN"], None, "Lhasa|CHN"),
    ("Jihadists attacked Djibo.", "Djibo", &["BFA"], None, "Djibo|BFA"),
    ("The junta in Ouagadougou suspended the broadcaster.", "Ouagadougou", &["BFA"], None, "Ouagadougou|BFA"),
    ("Gunmen kidnapped pupils in Kaduna.", "Kaduna", &["NGA"], None, "Kaduna|NGA|city"),
    ("Protests spread to Kano.", "Kano", &["NGA"], None, "Kano|NGA|city"),
    ("Fighting erupted in Port Sudan.", "Port Sudan", &["SDN"], None, "Port Sudan|SDN"),
    ("Ethiopian troops entered Mekelle.", "Mekelle", &["ETH"], None, "Mek'ele|ETH"),
    ("Insurgents raided Palma in Cabo Delgado.", "Palma", &["MOZ"], None, "Palma|MOZ"),
    ("Rwandan troops were seen near Bunia.", "Bunia", &["RWA", "COD"], None, "Bunia|COD"),
    ("Protests hit Lubumbashi's mines.", "Lubumbashi", &["COD"], None, "Lubumbashi|COD"),
    ("The port of Kismayo was closed.", "Kismayo", &["SOM"], None, "Kismayo|SOM"),
    ("Algiers recalled its ambassador from Paris.", "Algiers", &["DZA", "FRA"], None, "Algiers|DZA"),
    ("Protesters marched in Tunis.", "Tunis", &["TUN"], None, "Tunis|TUN"),
    ("Migrants left from Sfax.", "Sfax", &["TUN", "ITA"], None, "Sfax|TUN"),
    ("Ships sank off Lampedusa.", "Lampedusa", &["ITA"], None, "Lampedusa|ITA"),
    ("Farmers blocked roads in Brussels.", "Brussels", &["IGOEUREU"], None, "Brussels|BEL"),
    ("The NATO summit in Vilnius closed.", "Vilnius", &["IGONAT"], None, "Vilnius|LTU"),
    ("Polish troops moved to Rzeszow.", "Rzeszow", &["POL"], None, "Rzeszów|POL"),
    ("Serbian police entered Mitrovica.", "Mitrovica", &["SRB", "KSV"], None, "Mitrovicë|KSV"),
    ("Protests continued in Belgrade.", "Belgrade", &["SRB"], None, "Belgrade|SRB"),
    ("Greek police cleared the camp on Lesbos.", "Lesbos", &["GRC"], None, "Lesbos|GRC"),
    ("Cartels fought in Sinaloa.", "Sinaloa", &["MEX"], None, "Sinaloa|MEX|admin1"),
    ("Migrants massed in Ciudad Juarez.", "Ciudad Juarez", &["MEX", "USA"], None, "Ciudad Juárez|MEX"),
    ("Voters in Arizona went to the polls.", "Arizona", &["USA"], None, "Arizona|USA|admin1"),
    ("The plane landed in Springfield.", "Springfield", &["USA"], Some("USA"), "Springfield|USA"),
    ("Mourners gathered in Portland, Maine.", "Portland", &["USA"], None, "Portland|USA"),
    ("Gunmen attacked Maicao near the Venezuelan border.", "Maicao", &["COL"], None, "Maicao|COL"),
    ("The OAS met in Brasilia.", "Brasilia", &["BRA"], None, "Brasília|BRA"),
    ("Protesters in Santiago clashed with police.", "Santiago", &[], Some("CHL"), "Santiago|CHL"),
    ("Guerrillas attacked Cali.", "Cali", &["COL"], None, "Cali|COL"),
    ("Haitian gangs took Mirebalais.", "Mirebalais", &["HTI"], None, "Mirebalais|HTI"),
    ("Cuban exiles rallied in Miami.", "Miami", &["CUB", "USA"], None, "Miami|USA"),
];

fn fold(s: &str) -> String {
    dragoman_core::places::fold_accents(&s.to_lowercase()).into_owned()
}

/// The places a sentence names, each resolved with the others as context.
fn resolve_sentence(
    g: &Gazetteer,
    text: &str,
    countries: &[String],
    dateline: Option<&str>,
) -> Vec<(String, Option<PlaceId>)> {
    let toks = tokenize(text, 0, text.len());
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    let caps: Vec<bool> = toks.iter().map(|t| t.capitalized).collect();
    let found = find_places(g, &words, &caps);
    let ctx = PlaceContext { countries, dateline_country: dateline, other_places: &[] };
    let first: Vec<Option<PlaceId>> = found.iter().map(|(_, _, ids)| resolve(g, ids, &ctx)).collect();
    found
        .iter()
        .enumerate()
        .map(|(k, (i, n, ids))| {
            let others: Vec<PlaceId> =
                first.iter().enumerate().filter(|(j, _)| *j != k).filter_map(|(_, p)| *p).collect();
            let ctx = PlaceContext { countries, dateline_country: dateline, other_places: &others };
            let surface = &text[toks[*i].start..toks[*i + *n - 1].end];
            (surface.to_string(), resolve(g, ids, &ctx))
        })
        .collect()
}

/// Scores a set of cases: (right, descriptions of the misses).
fn score(g: &Gazetteer, cases: &[Case]) -> (usize, Vec<String>) {
    let mut right = 0;
    let mut wrong = Vec::new();
    for &(text, mention, countries, dateline, expected) in cases {
        let countries: Vec<String> = countries.iter().map(|c| c.to_string()).collect();
        let got = resolve_sentence(g, text, &countries, dateline);
        let hit = got.iter().find(|(s, _)| s == mention);
        let ok = match (expected, hit) {
            ("", None) => true,
            ("", Some(_)) | (_, None) | (_, Some((_, None))) => false,
            (exp, Some((_, Some(id)))) => {
                let p = g.get(*id);
                let mut parts = exp.split('|');
                let (name, country, kind) = (parts.next().unwrap(), parts.next().unwrap(), parts.next());
                fold(&p.name) == fold(name) && p.country == country && kind.iter().all(|k| p.kind.as_str() == *k)
            }
        };
        if ok {
            right += 1;
        } else {
            let got_s = match hit {
                Some((_, Some(id))) => {
                    let p = g.get(*id);
                    format!("{} {} {}", p.name, p.country, p.kind.as_str())
                }
                Some((_, None)) => "unresolved".to_string(),
                None => format!("no match (found {:?})", got.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>()),
            };
            wrong.push(format!("  {text:?} [{mention}] expected {expected:?}, got {got_s}"));
        }
    }
    (right, wrong)
}

#[test]
fn toponym_accuracy() {
    let g = Gazetteer::builtin();
    let (r1, w1) = score(g, CASES);
    let (r2, w2) = score(g, HELD_OUT);
    let pct = |r: usize, n: usize| 100.0 * r as f64 / n as f64;
    let (n1, n2) = (CASES.len(), HELD_OUT.len());
    let (r, n) = (r1 + r2, n1 + n2);
    println!("toponyms: {r} of {n} right ({:.1}%)", pct(r, n));
    println!("  tuning set: {r1} of {n1} ({:.1}%); held-out set: {r2} of {n2} ({:.1}%)", pct(r1, n1), pct(r2, n2));
    for w in w1.iter().chain(&w2) {
        println!("{w}");
    }
    assert!(n1 >= 150, "the issue asks for at least 150 cases");
    assert!(pct(r, n) >= 90.0, "toponym accuracy fell below 90%: {r} of {n}\n{}\n{}", w1.join("\n"), w2.join("\n"));
}

#[test]
fn builtin_gazetteer_is_whole() {
    let g = Gazetteer::builtin();
    assert_eq!(g.skipped(), 0);
    assert!(g.len() > 35_000, "{}", g.len());
    for code in ["ARM", "AZE", "GEO", "KSV", "TMP", "ROU", "PSE", "ESH", "TWN", "USA"] {
        let id = g.country(code).unwrap_or_else(|| panic!("no country {code}"));
        assert_eq!(g.get(id).kind, PlaceKind::Country);
    }
    assert!(g.country("XKX").is_none() && g.country("TLS").is_none() && g.country("ROM").is_none());
    for (name, kind) in
        [("Nagorno-Karabakh", PlaceKind::Region), ("Donbas", PlaceKind::Region), ("Gaza Strip", PlaceKind::Region)]
    {
        assert!(g.lookup(name).iter().any(|&id| g.get(id).kind == kind), "{name}");
    }
    // Every city with an admin1 code found its region's name.
    let yerevan = g.get(g.lookup("Yerevan").iter().copied().find(|&id| g.get(id).kind == PlaceKind::City).unwrap());
    assert!(yerevan.capital && yerevan.admin1.is_some() && yerevan.geonames_id == Some(616052));
}
