//! The words a header uses for each role, in the languages of the app's users' files, and
//! headers brought to the form they are compared in: "itemLabel", "Begin_date", "Academic
//! Conference Name\n(Primarily Academic Only Please)" and "Fecha de inicio" as words.

use crate::model::columns::SheetRole;
use crate::model::date::fold_accents;

/// A header as it is compared: camelCase and `_ - / .` split into words, lower case, accents
/// folded, without a note in brackets or a trailing colon.
pub fn normalise_header(header: &str) -> String {
    let header = header.trim().trim_matches(['"', '\'', '\u{feff}']);
    // "Name\n(Primarily academic)": the note says how to fill it in, not what it is.
    let header = match header.find(['(', '（', '[']) {
        Some(at) if at > 0 => &header[..at],
        _ => header,
    };
    let mut spaced = String::with_capacity(header.len() + 4);
    let mut previous: Option<char> = None;
    for c in header.chars() {
        if c.is_uppercase() && previous.is_some_and(|p| p.is_lowercase()) {
            spaced.push(' ');
        }
        spaced.push(
            if matches!(c, '_' | '-' | '/' | '.' | ':' | '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            },
        );
        previous = Some(c);
    }
    fold_accents(&spaced)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How well a normalised header names `role`: 3 for the whole header, 2 for a word of it,
/// 1 for a word inside a word of a language written without spaces; 0 for none.
/// Within a kind of match, a word listed earlier wins: "Titel" over "Veranstaltung".
pub fn name_score(header: &str, role: SheetRole) -> u16 {
    let words: Vec<&str> = header.split(' ').collect();
    let mut best = 0;
    let listed = role_words(role);
    for (rank, name) in listed.iter().enumerate() {
        let is_cjk = name.chars().any(|c| c as u32 >= 0x2E80);
        let kind = if header == *name {
            3
        } else if (name.contains(' ') && header.contains(name))
            || (words.contains(name) && name.chars().count() >= 3)
        {
            2
        } else if is_cjk && header.contains(name) {
            1
        } else {
            0
        };
        if kind > 0 {
            best = best.max(kind * 1000 - rank as u16);
        }
    }
    best
}

/// Words that say a column ends something: "End date", "end_year", "bis", "終了".
pub fn says_end(header: &str) -> bool {
    name_score(header, SheetRole::End) > 0
}

/// The words of each role, in English, German, French, Spanish, Portuguese, Italian, Dutch,
/// Russian, Chinese, Japanese and Korean, accents folded as [`normalise_header`] does.
fn role_words(role: SheetRole) -> &'static [&'static str] {
    use SheetRole::*;
    match role {
        Start => &[
            "start date",
            "date",
            "start",
            "begin",
            "begins",
            "from",
            "when",
            "event date",
            "date of event",
            "start time",
            "datetime",
            "timestamp",
            "date start",
            "begin date",
            "datum",
            "anfang",
            "beginn",
            "von",
            "termin",
            "zeitpunkt",
            "debut",
            "date de debut",
            "fecha",
            "inicio",
            "fecha de inicio",
            "desde",
            "data",
            "inizio",
            "dal",
            "datum van",
            "дата",
            "начало",
            "日期",
            "时间",
            "時間",
            "开始",
            "開始",
            "日付",
            "年月日",
            "開始日",
            "날짜",
            "일자",
            "시작",
        ],
        End => &[
            "end date",
            "end",
            "until",
            "to",
            "finish",
            "ends",
            "date end",
            "end time",
            "ende",
            "bis",
            "enddatum",
            "fin",
            "date de fin",
            "hasta",
            "fecha de fin",
            "fim",
            "termino",
            "fine",
            "al",
            "tot",
            "einde",
            "конец",
            "окончание",
            "结束",
            "終了",
            "終わり",
            "종료",
            "끝",
        ],
        Year => &[
            "year", "yr", "jahr", "annee", "ano", "anno", "jaar", "год", "年", "年份", "연도", "년",
        ],
        Month => &[
            "month",
            "monat",
            "mois",
            "mes",
            "mese",
            "maand",
            "месяц",
            "月",
            "월",
        ],
        Day => &[
            "day", "tag", "jour", "dia", "giorno", "dag", "день", "日", "일",
        ],
        Title => &[
            "title",
            "titel",
            "titre",
            "titulo",
            "titolo",
            "заголовок",
            "标题",
            "標題",
            "タイトル",
            "제목",
            "headline",
            "event title",
            "event name",
            "name",
            "label",
            "nom",
            "nombre",
            "nome",
            "naam",
            "название",
            "名称",
            "名稱",
            "件名",
            "이름",
            "bezeichnung",
            "intitule",
            "event",
            "subject",
            "what",
            "activity",
            "caption",
            "ereignis",
            "veranstaltung",
            "evenement",
            "evento",
            "событие",
            "事件",
            "出来事",
            "イベント",
            "사건",
            "행사",
        ],
        Summary => &[
            "summary",
            "description",
            "details",
            "notes",
            "note",
            "text",
            "comments",
            "comment",
            "abstract",
            "body",
            "content",
            "snippet",
            "beschreibung",
            "inhalt",
            "zusammenfassung",
            "thema",
            "resume",
            "descripcion",
            "resumen",
            "descricao",
            "descrizione",
            "beschrijving",
            "описание",
            "текст",
            "描述",
            "内容",
            "說明",
            "说明",
            "説明",
            "概要",
            "설명",
            "내용",
        ],
        Category => &[
            "category",
            "type",
            "kind",
            "event type",
            "class",
            "format",
            "theme",
            "kategorie",
            "art",
            "typ",
            "categorie",
            "genre",
            "categoria",
            "tipo",
            "tipo evento",
            "soort",
            "категория",
            "тип",
            "类别",
            "類別",
            "类型",
            "分类",
            "分類",
            "種類",
            "種別",
            "유형",
            "분류",
            "종류",
        ],
        Countries => &[
            "countries",
            "country",
            "nations",
            "nation",
            "country code",
            "country codes",
            "partner countries",
            "partners",
            "participating countries",
            "land",
            "lander",
            "staat",
            "pays",
            "pais",
            "paises",
            "paese",
            "paesi",
            "страна",
            "страны",
            "国家",
            "國家",
            "国",
            "国名",
            "국가",
            "나라",
        ],
        Place => &[
            "location",
            "place",
            "venue",
            "city",
            "where",
            "site",
            "localisation",
            "locality",
            "state",
            "states",
            "region",
            "ort",
            "stadt",
            "veranstaltungsort",
            "lieu",
            "ville",
            "lugar",
            "ciudad",
            "sede",
            "local",
            "cidade",
            "luogo",
            "citta",
            "plaats",
            "место",
            "город",
            "地点",
            "地點",
            "场所",
            "場所",
            "開催地",
            "都市",
            "장소",
            "도시",
        ],
        Series => &[
            "series",
            "group",
            "programme",
            "program",
            "track",
            "strand",
            "reihe",
            "gruppe",
            "serie",
            "groupe",
            "grupo",
            "gruppo",
            "groep",
            "серия",
            "группа",
            "系列",
            "分组",
            "グループ",
            "시리즈",
            "그룹",
        ],
        Organizers => &[
            "organizers",
            "organizer",
            "organisers",
            "organiser",
            "host",
            "hosts",
            "organized by",
            "organised by",
            "organisation",
            "organization",
            "veranstalter",
            "organisateur",
            "organizador",
            "organizadores",
            "organizzatore",
            "организатор",
            "主办",
            "主辦",
            "主催",
            "주최",
        ],
        Participants => &[
            "participants",
            "attendees",
            "attendance",
            "count",
            "number of participants",
            "delegates",
            "teilnehmer",
            "teilnehmende",
            "participantes",
            "partecipanti",
            "deelnemers",
            "участники",
            "参加者",
            "参与者",
            "參與者",
            "人数",
            "人數",
            "참가자",
            "참석자",
        ],
        People => &[
            "people",
            "person",
            "persons",
            "speakers",
            "speaker",
            "researcher",
            "researchers",
            "key people",
            "actors",
            "personen",
            "akteure",
            "sprecher",
            "personnes",
            "intervenants",
            "personas",
            "actores",
            "pessoas",
            "persone",
            "люди",
            "персоны",
            "人物",
            "人员",
            "発言者",
            "인물",
        ],
        Source => &[
            "source",
            "url",
            "link",
            "source url",
            "reference",
            "web",
            "website",
            "href",
            "quelle",
            "lien",
            "enlace",
            "fuente",
            "fonte",
            "bron",
            "источник",
            "ссылка",
            "来源",
            "來源",
            "链接",
            "出典",
            "リンク",
            "출처",
            "링크",
        ],
        Tags => &[
            "tags",
            "tag list",
            "keywords",
            "labels",
            "topics",
            "topic",
            "schlagworte",
            "schlagwort",
            "mots cles",
            "etiquetas",
            "palabras clave",
            "parole chiave",
            "теги",
            "标签",
            "標籤",
            "タグ",
            "キーワード",
            "태그",
        ],
        Id => &[
            "id",
            "identifier",
            "uid",
            "key",
            "kennung",
            "identifiant",
            "identificador",
            "编号",
            "番号",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_compared_as_words() {
        assert_eq!(normalise_header("itemLabel"), "item label");
        assert_eq!(normalise_header("Begin_date"), "begin date");
        assert_eq!(
            normalise_header("Academic Conference Name\n(Primarily Academic Only Please)"),
            "academic conference name"
        );
        assert_eq!(normalise_header("Fecha de Inicio:"), "fecha de inicio");
        assert_eq!(normalise_header("temaPrincipal"), "tema principal");
        assert!(name_score("item label", SheetRole::Title) > 1000);
        assert!(name_score("fecha", SheetRole::Start) > 2000);
        assert!(name_score("开始日期", SheetRole::Start) > 0);
        assert!(
            name_score("titel", SheetRole::Title) > name_score("veranstaltung", SheetRole::Title)
        );
        assert!(says_end("end year"));
        assert_eq!(name_score("appointee", SheetRole::Title), 0);
    }
}
