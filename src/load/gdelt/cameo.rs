//! The CAMEO codebook, as GDELT uses it: event codes and actor country codes.
//!
//! GDELT codes every event with CAMEO (Conflict and Mediation Event Observations): an event code
//! of two to four digits whose first two digits are one of twenty root codes, and actor codes
//! whose first three letters are usually a country. The tables here are the lookup files that
//! GDELT publishes beside its data at <https://www.gdeltproject.org/data/lookups/>:
//! `CAMEO.eventcodes.txt` for the event codes and `CAMEO.country.txt` for the actor country
//! codes. Region codes were also checked against table 3.3 of the CAMEO manual 1.1b3, and
//! country codes against ISO 3166-1.
//!
//! The event descriptions keep GDELT's words, lower-cased (except the acronym "WMD") and with
//! stray spaces removed. A few slips in GDELT's file are corrected: "matyerial" in 033, the
//! garbled quotation marks in 044 (now 'meet at a "third" location'), the missing space in 2041,
//! and the line for 1056 that swallowed the line for 106 ("demand withdrawal"), which is
//! restored as its own entry.
//!
//! GDELT's file differs from the CAMEO manual 1.1b3 in a few places, and this table follows
//! GDELT's file, since GDELT's data is coded with it. For example, GDELT reads 105 to 108 as
//! "demand mediation", "demand withdrawal", "demand ceasefire" and "demand meeting,
//! negotiation", where the manual has "demand that target yields", "demand meeting,
//! negotiation", "demand settling of dispute" and "demand mediation". Codes that only the
//! manual has (155, 176, 1834, 1951 and 1952) are left out, because GDELT's file does not list
//! them.

use std::cmp::Ordering;

/// One CAMEO event code and its description as the codebook words it, lower case,
/// e.g. ("036", "express intent to meet or negotiate").
///
/// The table holds the twenty root codes ("01" to "20"), the three-digit base codes and the
/// four-digit codes below them. It is sorted by code in string order, so that lookups can use
/// a binary search.
pub const EVENT_CODES: &[(&str, &str)] = &[
    ("01", "make public statement"),
    ("010", "make statement, not specified below"),
    ("011", "decline comment"),
    ("012", "make pessimistic comment"),
    ("013", "make optimistic comment"),
    ("014", "consider policy option"),
    ("015", "acknowledge or claim responsibility"),
    ("016", "deny responsibility"),
    ("017", "engage in symbolic act"),
    ("018", "make empathetic comment"),
    ("019", "express accord"),
    ("02", "appeal"),
    ("020", "appeal, not specified below"),
    (
        "021",
        "appeal for material cooperation, not specified below",
    ),
    ("0211", "appeal for economic cooperation"),
    ("0212", "appeal for military cooperation"),
    ("0213", "appeal for judicial cooperation"),
    ("0214", "appeal for intelligence"),
    (
        "022",
        "appeal for diplomatic cooperation, such as policy support",
    ),
    ("023", "appeal for aid, not specified below"),
    ("0231", "appeal for economic aid"),
    ("0232", "appeal for military aid"),
    ("0233", "appeal for humanitarian aid"),
    ("0234", "appeal for military protection or peacekeeping"),
    ("024", "appeal for political reform, not specified below"),
    ("0241", "appeal for change in leadership"),
    ("0242", "appeal for policy change"),
    ("0243", "appeal for rights"),
    ("0244", "appeal for change in institutions, regime"),
    ("025", "appeal to yield"),
    ("0251", "appeal for easing of administrative sanctions"),
    ("0252", "appeal for easing of popular dissent"),
    ("0253", "appeal for release of persons or property"),
    (
        "0254",
        "appeal for easing of economic sanctions, boycott, or embargo",
    ),
    (
        "0255",
        "appeal for target to allow international involvement (non-mediation)",
    ),
    ("0256", "appeal for de-escalation of military engagement"),
    ("026", "appeal to others to meet or negotiate"),
    ("027", "appeal to others to settle dispute"),
    ("028", "appeal to others to engage in or accept mediation"),
    ("03", "express intent to cooperate"),
    ("030", "express intent to cooperate, not specified below"),
    (
        "031",
        "express intent to engage in material cooperation, not specified below",
    ),
    ("0311", "express intent to cooperate economically"),
    ("0312", "express intent to cooperate militarily"),
    ("0313", "express intent to cooperate on judicial matters"),
    ("0314", "express intent to cooperate on intelligence"),
    (
        "032",
        "express intent to provide diplomatic cooperation such as policy support",
    ),
    (
        "033",
        "express intent to provide material aid, not specified below",
    ),
    ("0331", "express intent to provide economic aid"),
    ("0332", "express intent to provide military aid"),
    ("0333", "express intent to provide humanitarian aid"),
    (
        "0334",
        "express intent to provide military protection or peacekeeping",
    ),
    (
        "034",
        "express intent to institute political reform, not specified below",
    ),
    ("0341", "express intent to change leadership"),
    ("0342", "express intent to change policy"),
    ("0343", "express intent to provide rights"),
    ("0344", "express intent to change institutions, regime"),
    ("035", "express intent to yield, not specified below"),
    ("0351", "express intent to ease administrative sanctions"),
    ("0352", "express intent to ease popular dissent"),
    ("0353", "express intent to release persons or property"),
    (
        "0354",
        "express intent to ease economic sanctions, boycott, or embargo",
    ),
    (
        "0355",
        "express intent allow international involvement (not mediation)",
    ),
    ("0356", "express intent to de-escalate military engagement"),
    ("036", "express intent to meet or negotiate"),
    ("037", "express intent to settle dispute"),
    ("038", "express intent to accept mediation"),
    ("039", "express intent to mediate"),
    ("04", "consult"),
    ("040", "consult, not specified below"),
    ("041", "discuss by telephone"),
    ("042", "make a visit"),
    ("043", "host a visit"),
    ("044", "meet at a \"third\" location"),
    ("045", "mediate"),
    ("046", "engage in negotiation"),
    ("05", "engage in diplomatic cooperation"),
    (
        "050",
        "engage in diplomatic cooperation, not specified below",
    ),
    ("051", "praise or endorse"),
    ("052", "defend verbally"),
    ("053", "rally support on behalf of"),
    ("054", "grant diplomatic recognition"),
    ("055", "apologize"),
    ("056", "forgive"),
    ("057", "sign formal agreement"),
    ("06", "engage in material cooperation"),
    ("060", "engage in material cooperation, not specified below"),
    ("061", "cooperate economically"),
    ("062", "cooperate militarily"),
    ("063", "engage in judicial cooperation"),
    ("064", "share intelligence or information"),
    ("07", "provide aid"),
    ("070", "provide aid, not specified below"),
    ("071", "provide economic aid"),
    ("072", "provide military aid"),
    ("073", "provide humanitarian aid"),
    ("074", "provide military protection or peacekeeping"),
    ("075", "grant asylum"),
    ("08", "yield"),
    ("080", "yield, not specified below"),
    ("081", "ease administrative sanctions, not specified below"),
    ("0811", "ease restrictions on political freedoms"),
    ("0812", "ease ban on political parties or politicians"),
    ("0813", "ease curfew"),
    ("0814", "ease state of emergency or martial law"),
    ("082", "ease political dissent"),
    (
        "083",
        "accede to requests or demands for political reform not specified below",
    ),
    ("0831", "accede to demands for change in leadership"),
    ("0832", "accede to demands for change in policy"),
    ("0833", "accede to demands for rights"),
    (
        "0834",
        "accede to demands for change in institutions, regime",
    ),
    ("084", "return, release, not specified below"),
    ("0841", "return, release person(s)"),
    ("0842", "return, release property"),
    ("085", "ease economic sanctions, boycott, embargo"),
    ("086", "allow international involvement not specified below"),
    ("0861", "receive deployment of peacekeepers"),
    ("0862", "receive inspectors"),
    ("0863", "allow delivery of humanitarian aid"),
    ("087", "de-escalate military engagement"),
    ("0871", "declare truce, ceasefire"),
    ("0872", "ease military blockade"),
    ("0873", "demobilize armed forces"),
    ("0874", "retreat or surrender militarily"),
    ("09", "investigate"),
    ("090", "investigate, not specified below"),
    ("091", "investigate crime, corruption"),
    ("092", "investigate human rights abuses"),
    ("093", "investigate military action"),
    ("094", "investigate war crimes"),
    ("10", "demand"),
    ("100", "demand, not specified below"),
    ("101", "demand information, investigation"),
    ("1011", "demand economic cooperation"),
    ("1012", "demand military cooperation"),
    ("1013", "demand judicial cooperation"),
    ("1014", "demand intelligence cooperation"),
    ("102", "demand policy support"),
    ("103", "demand aid, protection, or peacekeeping"),
    ("1031", "demand economic aid"),
    ("1032", "demand military aid"),
    ("1033", "demand humanitarian aid"),
    ("1034", "demand military protection or peacekeeping"),
    ("104", "demand political reform, not specified below"),
    ("1041", "demand change in leadership"),
    ("1042", "demand policy change"),
    ("1043", "demand rights"),
    ("1044", "demand change in institutions, regime"),
    ("105", "demand mediation"),
    ("1051", "demand easing of administrative sanctions"),
    ("1052", "demand easing of political dissent"),
    ("1053", "demand release of persons or property"),
    (
        "1054",
        "demand easing of economic sanctions, boycott, or embargo",
    ),
    (
        "1055",
        "demand that target allows international involvement (non-mediation)",
    ),
    ("1056", "demand de-escalation of military engagement"),
    ("106", "demand withdrawal"),
    ("107", "demand ceasefire"),
    ("108", "demand meeting, negotiation"),
    ("11", "disapprove"),
    ("110", "disapprove, not specified below"),
    ("111", "criticize or denounce"),
    ("112", "accuse, not specified below"),
    ("1121", "accuse of crime, corruption"),
    ("1122", "accuse of human rights abuses"),
    ("1123", "accuse of aggression"),
    ("1124", "accuse of war crimes"),
    ("1125", "accuse of espionage, treason"),
    ("113", "rally opposition against"),
    ("114", "complain officially"),
    ("115", "bring lawsuit against"),
    ("116", "find guilty or liable (legally)"),
    ("12", "reject"),
    ("120", "reject, not specified below"),
    ("121", "reject material cooperation"),
    ("1211", "reject economic cooperation"),
    ("1212", "reject military cooperation"),
    (
        "122",
        "reject request or demand for material aid, not specified below",
    ),
    ("1221", "reject request for economic aid"),
    ("1222", "reject request for military aid"),
    ("1223", "reject request for humanitarian aid"),
    (
        "1224",
        "reject request for military protection or peacekeeping",
    ),
    (
        "123",
        "reject request or demand for political reform, not specified below",
    ),
    ("1231", "reject request for change in leadership"),
    ("1232", "reject request for policy change"),
    ("1233", "reject request for rights"),
    ("1234", "reject request for change in institutions, regime"),
    ("124", "refuse to yield, not specified below"),
    ("1241", "refuse to ease administrative sanctions"),
    ("1242", "refuse to ease popular dissent"),
    ("1243", "refuse to release persons or property"),
    (
        "1244",
        "refuse to ease economic sanctions, boycott, or embargo",
    ),
    (
        "1245",
        "refuse to allow international involvement (non mediation)",
    ),
    ("1246", "refuse to de-escalate military engagement"),
    ("125", "reject proposal to meet, discuss, or negotiate"),
    ("126", "reject mediation"),
    ("127", "reject plan, agreement to settle dispute"),
    ("128", "defy norms, law"),
    ("129", "veto"),
    ("13", "threaten"),
    ("130", "threaten, not specified below"),
    ("131", "threaten non-force, not specified below"),
    ("1311", "threaten to reduce or stop aid"),
    ("1312", "threaten to boycott, embargo, or sanction"),
    ("1313", "threaten to reduce or break relations"),
    (
        "132",
        "threaten with administrative sanctions, not specified below",
    ),
    (
        "1321",
        "threaten to impose restrictions on political freedoms",
    ),
    ("1322", "threaten to ban political parties or politicians"),
    ("1323", "threaten to impose curfew"),
    (
        "1324",
        "threaten to impose state of emergency or martial law",
    ),
    ("133", "threaten political dissent, protest"),
    ("134", "threaten to halt negotiations"),
    ("135", "threaten to halt mediation"),
    (
        "136",
        "threaten to halt international involvement (non-mediation)",
    ),
    ("137", "threaten with violent repression"),
    ("138", "threaten to use military force, not specified below"),
    ("1381", "threaten blockade"),
    ("1382", "threaten occupation"),
    ("1383", "threaten unconventional violence"),
    ("1384", "threaten conventional attack"),
    ("1385", "threaten attack with WMD"),
    ("139", "give ultimatum"),
    ("14", "protest"),
    ("140", "engage in political dissent, not specified below"),
    ("141", "demonstrate or rally"),
    ("1411", "demonstrate for leadership change"),
    ("1412", "demonstrate for policy change"),
    ("1413", "demonstrate for rights"),
    ("1414", "demonstrate for change in institutions, regime"),
    ("142", "conduct hunger strike, not specified below"),
    ("1421", "conduct hunger strike for leadership change"),
    ("1422", "conduct hunger strike for policy change"),
    ("1423", "conduct hunger strike for rights"),
    (
        "1424",
        "conduct hunger strike for change in institutions, regime",
    ),
    ("143", "conduct strike or boycott, not specified below"),
    ("1431", "conduct strike or boycott for leadership change"),
    ("1432", "conduct strike or boycott for policy change"),
    ("1433", "conduct strike or boycott for rights"),
    (
        "1434",
        "conduct strike or boycott for change in institutions, regime",
    ),
    ("144", "obstruct passage, block"),
    ("1441", "obstruct passage to demand leadership change"),
    ("1442", "obstruct passage to demand policy change"),
    ("1443", "obstruct passage to demand rights"),
    (
        "1444",
        "obstruct passage to demand change in institutions, regime",
    ),
    ("145", "protest violently, riot"),
    ("1451", "engage in violent protest for leadership change"),
    ("1452", "engage in violent protest for policy change"),
    ("1453", "engage in violent protest for rights"),
    (
        "1454",
        "engage in violent protest for change in institutions, regime",
    ),
    ("15", "exhibit force posture"),
    (
        "150",
        "demonstrate military or police power, not specified below",
    ),
    ("151", "increase police alert status"),
    ("152", "increase military alert status"),
    ("153", "mobilize or increase police power"),
    ("154", "mobilize or increase armed forces"),
    ("16", "reduce relations"),
    ("160", "reduce relations, not specified below"),
    ("161", "reduce or break diplomatic relations"),
    ("162", "reduce or stop aid, not specified below"),
    ("1621", "reduce or stop economic assistance"),
    ("1622", "reduce or stop military assistance"),
    ("1623", "reduce or stop humanitarian assistance"),
    ("163", "impose embargo, boycott, or sanctions"),
    ("164", "halt negotiations"),
    ("165", "halt mediation"),
    ("166", "expel or withdraw, not specified below"),
    ("1661", "expel or withdraw peacekeepers"),
    ("1662", "expel or withdraw inspectors, observers"),
    ("1663", "expel or withdraw aid agencies"),
    ("17", "coerce"),
    ("170", "coerce, not specified below"),
    ("171", "seize or damage property, not specified below"),
    ("1711", "confiscate property"),
    ("1712", "destroy property"),
    (
        "172",
        "impose administrative sanctions, not specified below",
    ),
    ("1721", "impose restrictions on political freedoms"),
    ("1722", "ban political parties or politicians"),
    ("1723", "impose curfew"),
    ("1724", "impose state of emergency or martial law"),
    ("173", "arrest, detain, or charge with legal action"),
    ("174", "expel or deport individuals"),
    ("175", "use tactics of violent repression"),
    ("18", "assault"),
    ("180", "use unconventional violence, not specified below"),
    ("181", "abduct, hijack, or take hostage"),
    ("182", "physically assault, not specified below"),
    ("1821", "sexually assault"),
    ("1822", "torture"),
    ("1823", "kill by physical assault"),
    (
        "183",
        "conduct suicide, car, or other non-military bombing, not spec below",
    ),
    ("1831", "carry out suicide bombing"),
    ("1832", "carry out car bombing"),
    ("1833", "carry out roadside bombing"),
    ("184", "use as human shield"),
    ("185", "attempt to assassinate"),
    ("186", "assassinate"),
    ("19", "fight"),
    (
        "190",
        "use conventional military force, not specified below",
    ),
    ("191", "impose blockade, restrict movement"),
    ("192", "occupy territory"),
    ("193", "fight with small arms and light weapons"),
    ("194", "fight with artillery and tanks"),
    ("195", "employ aerial weapons"),
    ("196", "violate ceasefire"),
    ("20", "use unconventional mass violence"),
    (
        "200",
        "use unconventional mass violence, not specified below",
    ),
    ("201", "engage in mass expulsion"),
    ("202", "engage in mass killings"),
    ("203", "engage in ethnic cleansing"),
    (
        "204",
        "use weapons of mass destruction, not specified below",
    ),
    ("2041", "use chemical, biological, or radiological weapons"),
    ("2042", "detonate nuclear weapons"),
];

/// The short names of the twenty root codes, for lanes, in order from "01" to "20".
const ROOT_NAMES: [&str; 20] = [
    "Make public statement",
    "Appeal",
    "Express intent to cooperate",
    "Consult",
    "Engage in diplomatic cooperation",
    "Engage in material cooperation",
    "Provide aid",
    "Yield",
    "Investigate",
    "Demand",
    "Disapprove",
    "Reject",
    "Threaten",
    "Protest",
    "Exhibit force posture",
    "Reduce relations",
    "Coerce",
    "Assault",
    "Fight",
    "Use unconventional mass violence",
];

/// CAMEO actor country codes that are not ISO 3166-1 alpha-3 codes of the same country, mapped
/// to the ISO code of that country, e.g. CAMEO uses "ROM" for Romania, so ("ROM", "ROU").
///
/// Only genuine country-to-country differences are listed, each checked against the CAMEO
/// country list: "ROM" and "TMP" are the ISO codes that Romania and East Timor had before 2002,
/// and "IMY" and "MTN" are CAMEO's own codes for the Isle of Man and Montenegro. The table is
/// sorted by CAMEO code.
pub const COUNTRY_TO_ISO: &[(&str, &str)] = &[
    ("IMY", "IMN"),
    ("MTN", "MNE"),
    ("ROM", "ROU"),
    ("TMP", "TLS"),
];

/// CAMEO actor "country" codes that stand for regions or groups rather than one country
/// (AFR Africa, ASA Asia, BLK Balkans, CRB Caribbean, EUR Europe, SEA Southeast Asia, WST the
/// West, ...), with their names, from the CAMEO country list.
///
/// Besides the twenty-five regions of the CAMEO manual, the list holds three places smaller
/// than a country (BAG Baghdad, GZS Gaza Strip and WSB West Bank) and the Netherlands Antilles
/// (ANT), which were dissolved in 2010 into several territories with ISO codes of their own.
/// None of these four stands for one whole country, so none is mapped to an ISO code. The
/// table is sorted by code.
pub const REGIONS: &[(&str, &str)] = &[
    ("AFR", "Africa"),
    ("ANT", "Netherlands Antilles"),
    ("ASA", "Asia"),
    ("BAG", "Baghdad"),
    ("BLK", "Balkans"),
    ("CAS", "Central Asia"),
    ("CAU", "Caucasus"),
    ("CEU", "Central Europe"),
    ("CFR", "Central Africa"),
    ("CRB", "Caribbean"),
    ("EAF", "Eastern Africa"),
    ("EEU", "Eastern Europe"),
    ("EIN", "East Indies"),
    ("EUR", "Europe"),
    ("GZS", "Gaza Strip"),
    ("LAM", "Latin America"),
    ("MDT", "Mediterranean"),
    ("MEA", "Middle East"),
    ("NAF", "North Africa"),
    ("NMR", "North America"),
    ("PGS", "Persian Gulf"),
    ("SAF", "Southern Africa"),
    ("SAM", "South America"),
    ("SAS", "South Asia"),
    ("SCN", "Scandinavia"),
    ("SEA", "Southeast Asia"),
    ("WAF", "West Africa"),
    ("WSB", "West Bank"),
    ("WST", "The West"),
];

/// What a CAMEO actor country code stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CameoCountry {
    /// One country, given as an ISO 3166-1 alpha-3 code to parse.
    Iso(&'static str),
    /// A region, a group of countries or a place that is not a whole country, by its name.
    Region(&'static str),
    /// A code that is not in the CAMEO country list.
    Unknown,
}

/// Every country code in the CAMEO country list (sorted), so that a code can be recognised
/// as CAMEO without trusting it.
///
/// The list holds the region codes of [`REGIONS`] and the differing codes of
/// [`COUNTRY_TO_ISO`] as well as the codes that are ISO 3166-1 alpha-3 codes. It is GDELT's
/// current list, which has Taiwan (TWN) where older copies do not.
pub const CAMEO_COUNTRY_CODES: &[&str] = &[
    "ABW", "AFG", "AFR", "AGO", "AIA", "ALA", "ALB", "AND", "ANT", "ARE", "ARG", "ARM", "ASA",
    "ASM", "ATG", "AUS", "AUT", "AZE", "BAG", "BDI", "BEL", "BEN", "BFA", "BGD", "BGR", "BHR",
    "BHS", "BIH", "BLK", "BLR", "BLZ", "BMU", "BOL", "BRA", "BRB", "BRN", "BTN", "BWA", "CAF",
    "CAN", "CAS", "CAU", "CEU", "CFR", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG", "COK",
    "COL", "COM", "CPV", "CRB", "CRI", "CUB", "CYM", "CYP", "CZE", "DEU", "DJI", "DMA", "DNK",
    "DOM", "DZA", "EAF", "ECU", "EEU", "EGY", "EIN", "ERI", "ESH", "ESP", "EST", "ETH", "EUR",
    "FIN", "FJI", "FLK", "FRA", "FRO", "FSM", "GAB", "GBR", "GEO", "GHA", "GIB", "GIN", "GLP",
    "GMB", "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF", "GUM", "GUY", "GZS", "HKG", "HND",
    "HRV", "HTI", "HUN", "IDN", "IMY", "IND", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA", "JAM",
    "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KWT", "LAM", "LAO", "LBN",
    "LBR", "LBY", "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAR", "MCO", "MDA",
    "MDG", "MDT", "MDV", "MEA", "MEX", "MHL", "MKD", "MLI", "MLT", "MMR", "MNG", "MNP", "MOZ",
    "MRT", "MSR", "MTN", "MTQ", "MUS", "MWI", "MYS", "MYT", "NAF", "NAM", "NCL", "NER", "NFK",
    "NGA", "NIC", "NIU", "NLD", "NMR", "NOR", "NPL", "NRU", "NZL", "OMN", "PAK", "PAN", "PCN",
    "PER", "PGS", "PHL", "PLW", "PNG", "POL", "PRI", "PRK", "PRT", "PRY", "PSE", "PYF", "QAT",
    "REU", "ROM", "RUS", "RWA", "SAF", "SAM", "SAS", "SAU", "SCN", "SDN", "SEA", "SEN", "SGP",
    "SHN", "SJM", "SLB", "SLE", "SLV", "SMR", "SOM", "SPM", "SRB", "SSD", "STP", "SUR", "SVK",
    "SVN", "SWE", "SWZ", "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK", "TKL", "TKM", "TMP",
    "TON", "TTO", "TUN", "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "URY", "USA", "UZB", "VAT",
    "VCT", "VEN", "VGB", "VIR", "VNM", "VUT", "WAF", "WLF", "WSB", "WSM", "WST", "YEM", "ZAF",
    "ZMB", "ZWE",
];

/// The description of a CAMEO event code ("0311" -> "express intent to cooperate
/// economically"), if known.
///
/// Whitespace around the code is ignored. The code must keep its leading zero, as GDELT writes
/// it: "042" is a visit, while "42" is no code.
pub fn event_description(code: &str) -> Option<&'static str> {
    let code = code.trim();
    EVENT_CODES
        .binary_search_by(|&(probe, _)| probe.cmp(code))
        .ok()
        .and_then(|index| EVENT_CODES.get(index))
        .map(|&(_, description)| description)
}

/// The root code's short name for lanes, e.g. "01" -> "Make public statement", "04" ->
/// "Consult", "05" -> "Engage in diplomatic cooperation", ..., "20" -> "Use unconventional mass
/// violence".
///
/// Accepts "1" or "01", with whitespace around it ignored.
pub fn root_name(root: &str) -> Option<&'static str> {
    let root = root.trim();
    if root.is_empty() || root.len() > 2 || !root.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let number: usize = root.parse().ok()?;
    let index = number.checked_sub(1)?;
    ROOT_NAMES.get(index).copied()
}

/// Classifies a CAMEO actor country code: a region, a differing code mapped to ISO, else
/// the code itself assumed to be ISO alpha-3, which is `Iso(code)` only if it is in
/// [`CAMEO_COUNTRY_CODES`]; otherwise `Unknown`.
///
/// The code is expected upper case, as GDELT writes it, but any case is accepted, and
/// whitespace around it is ignored. The ISO codes that replace differing CAMEO codes (such as
/// "ROU", which GDELT's own coder writes for Romania) are accepted too. A returned ISO code is
/// always an entry of one of the tables, so it lives as long as the program.
pub fn classify_country(code: &str) -> CameoCountry {
    let code = code.trim();
    if let Some(&(_, name)) = find_pair(REGIONS, code) {
        return CameoCountry::Region(name);
    }
    if let Some(&(_, iso)) = find_pair(COUNTRY_TO_ISO, code) {
        return CameoCountry::Iso(iso);
    }
    let listed = CAMEO_COUNTRY_CODES
        .binary_search_by(|probe| compare_code(probe, code))
        .ok()
        .and_then(|index| CAMEO_COUNTRY_CODES.get(index));
    if let Some(&listed) = listed {
        return CameoCountry::Iso(listed);
    }
    let replacement = COUNTRY_TO_ISO
        .iter()
        .find(|(_, iso)| compare_code(iso, code) == Ordering::Equal);
    match replacement {
        Some(&(_, iso)) => CameoCountry::Iso(iso),
        None => CameoCountry::Unknown,
    }
}

/// Finds a code in a table of pairs sorted by their upper-case first element.
fn find_pair(
    table: &'static [(&'static str, &'static str)],
    code: &str,
) -> Option<&'static (&'static str, &'static str)> {
    table
        .binary_search_by(|(probe, _)| compare_code(probe, code))
        .ok()
        .and_then(|index| table.get(index))
}

/// Compares a table's code, which is upper case, with a code in any case, in the order of the
/// tables.
fn compare_code(table_code: &str, code: &str) -> Ordering {
    table_code
        .bytes()
        .cmp(code.bytes().map(|byte| byte.to_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_without_duplicates() {
        for pair in EVENT_CODES.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{:?} before {:?}", pair[0], pair[1]);
        }
        for pair in COUNTRY_TO_ISO.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{:?} before {:?}", pair[0], pair[1]);
        }
        for pair in REGIONS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{:?} before {:?}", pair[0], pair[1]);
        }
        for pair in CAMEO_COUNTRY_CODES.windows(2) {
            assert!(pair[0] < pair[1], "{:?} before {:?}", pair[0], pair[1]);
        }
    }

    #[test]
    fn event_codes_form_one_tree_under_twenty_roots() {
        let roots: Vec<&str> = EVENT_CODES
            .iter()
            .map(|&(code, _)| code)
            .filter(|code| code.len() == 2)
            .collect();
        let expected: Vec<String> = (1..=20).map(|root| format!("{root:02}")).collect();
        assert_eq!(roots, expected);
        for &(code, description) in EVENT_CODES {
            assert!((2..=4).contains(&code.len()), "{code}");
            assert!(code.bytes().all(|byte| byte.is_ascii_digit()), "{code}");
            if code.len() > 2 {
                let parent = &code[..code.len() - 1];
                assert!(event_description(parent).is_some(), "{code} has no parent");
            }
            assert!(!description.is_empty(), "{code}");
            assert_eq!(description.trim(), description, "{code}");
            assert!(!description.contains("  "), "{code}");
        }
    }

    #[test]
    fn event_descriptions_are_found() {
        assert_eq!(event_description("042"), Some("make a visit"));
        assert_eq!(
            event_description("0311"),
            Some("express intent to cooperate economically")
        );
        assert_eq!(
            event_description(" 036\t"),
            Some("express intent to meet or negotiate")
        );
        assert_eq!(event_description("14"), Some("protest"));
        assert_eq!(event_description("106"), Some("demand withdrawal"));
        assert_eq!(event_description("42"), None);
        assert_eq!(event_description("999"), None);
        assert_eq!(event_description(""), None);
    }

    #[test]
    fn root_names_accept_one_or_two_digits() {
        assert_eq!(root_name("5"), Some("Engage in diplomatic cooperation"));
        assert_eq!(root_name("05"), Some("Engage in diplomatic cooperation"));
        assert_eq!(root_name("01"), Some("Make public statement"));
        assert_eq!(root_name("04"), Some("Consult"));
        assert_eq!(root_name("20"), Some("Use unconventional mass violence"));
        for bad in ["", "0", "00", "21", "+5", "x", "042"] {
            assert_eq!(root_name(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn country_codes_are_classified() {
        assert_eq!(classify_country("AFR"), CameoCountry::Region("Africa"));
        assert_eq!(classify_country("WST"), CameoCountry::Region("The West"));
        assert_eq!(classify_country("CHN"), CameoCountry::Iso("CHN"));
        assert_eq!(classify_country("chn "), CameoCountry::Iso("CHN"));
        assert_eq!(classify_country("ROM"), CameoCountry::Iso("ROU"));
        assert_eq!(classify_country("ROU"), CameoCountry::Iso("ROU"));
        assert_eq!(classify_country("TMP"), CameoCountry::Iso("TLS"));
        assert_eq!(classify_country("XYZ"), CameoCountry::Unknown);
        assert_eq!(classify_country(""), CameoCountry::Unknown);
    }

    #[test]
    fn every_listed_code_is_a_region_or_a_country() {
        for &code in CAMEO_COUNTRY_CODES {
            assert_eq!(code.len(), 3, "{code}");
            assert!(code.bytes().all(|byte| byte.is_ascii_uppercase()), "{code}");
            assert_ne!(classify_country(code), CameoCountry::Unknown, "{code}");
        }
        for &(code, _) in REGIONS.iter().chain(COUNTRY_TO_ISO) {
            assert!(CAMEO_COUNTRY_CODES.binary_search(&code).is_ok(), "{code}");
        }
        for &(code, iso) in COUNTRY_TO_ISO {
            assert!(
                CAMEO_COUNTRY_CODES.binary_search(&iso).is_err(),
                "{code} -> {iso}"
            );
            assert!(
                REGIONS
                    .binary_search_by(|(region, _)| region.cmp(&iso))
                    .is_err()
            );
        }
    }
}
