//! Every user-visible string, in English and French, side by side so that a missing
//! translation shows in review. Pure (no UI toolkit), usable from every layer.

pub mod choices;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};

/// The interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The language's own name, shown in the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }
}

macro_rules! texts {
    ($($key:ident => $en:literal, $fr:literal;)*) => {
        /// A user-visible text. `{…}` placeholders are filled with [`T::fill`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum T { $($key),* }

        impl T {
            pub const ALL: &'static [T] = &[$(T::$key),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::En) => $en, (T::$key, Lang::Fr) => $fr,)*
                }
            }
        }
    };
}

impl T {
    /// The text with each `{name}` placeholder replaced by its value.
    ///
    /// `{name|one|other}` is the word that agrees with the number `name`: "{count} {count|task|
    /// tasks}" gives "1 task", "3 tasks"; in French 0 and 1 take the singular ("0 tâche").
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        let mut text = self.get(lang).to_owned();
        for (name, value) in values {
            text = agree(&text, name, value, lang);
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// This text with its placeholders' values, to be written out later in the language of
    /// that moment (a status message outlives a change of language).
    pub fn with(self, values: &[(&'static str, &str)]) -> Message {
        Message::Text(
            self,
            values.iter().map(|(k, v)| (*k, (*v).to_owned())).collect(),
        )
    }
}

/// `text` with each `{name|one|other}` replaced by the word that agrees with `value`.
fn agree(text: &str, name: &str, value: &str, lang: Lang) -> String {
    let open = format!("{{{name}|");
    let Some(number) = value.trim().replace(',', ".").parse::<f64>().ok() else {
        return text.to_owned();
    };
    let singular = match lang {
        Lang::En => (number - 1.0).abs() < f64::EPSILON,
        Lang::Fr => number.abs() < 2.0,
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        let Some(end) = after.find('}') else { break };
        let (one, other) = after[..end].split_once('|').unwrap_or((&after[..end], ""));
        out.push_str(&rest[..at]);
        out.push_str(if singular { one } else { other });
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// A message kept to be shown later: a text of the table with its values, written out in the
/// language of the moment it is shown, or a text that is already final (an operating-system
/// error, a parser's message quoting the file).
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    Text(T, Vec<(&'static str, String)>),
    Raw(String),
}

impl Message {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Message::Text(key, values) => {
                let values: Vec<(&str, &str)> =
                    values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                key.fill(lang, &values)
            }
            Message::Raw(text) => text.clone(),
        }
    }
}

impl Default for Message {
    fn default() -> Self {
        Message::Raw(String::new())
    }
}

impl From<T> for Message {
    fn from(key: T) -> Self {
        Message::Text(key, Vec::new())
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::Raw(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Self {
        Message::Raw(text.to_owned())
    }
}

// The table of texts, split by area; the first area's macro starts the chain.
#[macro_use]
mod texts_interchange;
#[macro_use]
mod texts_keeping;
#[macro_use]
mod texts_tracking;
#[macro_use]
mod texts_governance;
#[macro_use]
mod texts_quality;
#[macro_use]
mod texts_shell;
#[macro_use]
mod texts_guide;

texts_guide! {}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_FR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEKDAYS_FR: [&str; 7] = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];

/// Short month name ("Jan" / "janv.").
pub fn month_name(lang: Lang, month0: u32) -> &'static str {
    let i = (month0 as usize).min(11);
    match lang {
        Lang::En => MONTHS_EN[i],
        Lang::Fr => MONTHS_FR[i],
    }
}

/// Short weekday name ("Mon" / "lun."), Monday = 0.
pub fn weekday_name(lang: Lang, monday0: u32) -> &'static str {
    let i = (monday0 as usize).min(6);
    match lang {
        Lang::En => WEEKDAYS_EN[i],
        Lang::Fr => WEEKDAYS_FR[i],
    }
}

/// A date as the table shows it: "Mon 12/01/26"-style is ambiguous across locales, so both
/// languages spell the month: "Mon 12 Jan 2026" / "lun. 12 janv. 2026".
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_name(lang, date.weekday().num_days_from_monday()),
        date.day(),
        month_name(lang, date.month0()),
        date.year()
    )
}

/// A date and time: "Mon 12 Jan 2026 08:00".
pub fn format_date_time(lang: Lang, at: NaiveDateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        format_date(lang, at.date()),
        at.hour(),
        at.minute()
    )
}

/// Money with thousands separated and the currency's sign: "€981,562" / "981 562 €".
pub fn format_money(lang: Lang, amount: f64, currency: &str) -> String {
    let sign = if amount < -0.5 { "−" } else { "" };
    let digits = format!("{:.0}", amount.abs());
    let separator = match lang {
        Lang::En => ',',
        Lang::Fr => '\u{202F}',
    };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(separator);
        }
        grouped.push(c);
    }
    let symbol = currency_symbol(currency);
    match lang {
        Lang::En if symbol.chars().count() == 1 => format!("{sign}{symbol}{grouped}"),
        _ => format!("{sign}{grouped}\u{a0}{symbol}"),
    }
}

/// Money in thousands or millions for chart axes: "€982k" / "982 k€".
pub fn format_money_short(lang: Lang, amount: f64, currency: &str) -> String {
    let symbol = currency_symbol(currency);
    let (value, unit) = if amount.abs() >= 1e6 {
        (amount / 1e6, "M")
    } else if amount.abs() >= 1e3 {
        (amount / 1e3, "k")
    } else {
        (amount, "")
    };
    let number = if value.abs() >= 100.0 || value.fract().abs() < 0.05 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    match lang {
        Lang::En if symbol.chars().count() == 1 => format!("{symbol}{number}{unit}"),
        Lang::En => format!("{number}{unit} {symbol}"),
        Lang::Fr => format!("{}\u{a0}{unit}{symbol}", number.replace('.', ",")),
    }
}

fn currency_symbol(code: &str) -> &str {
    match code {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        "CHF" => "CHF",
        other => other,
    }
}

/// An index such as SPI: "0.975" / "0,975".
pub fn format_index(lang: Lang, value: f64) -> String {
    let text = format!("{value:.3}");
    match lang {
        Lang::En => text,
        Lang::Fr => text.replace('.', ","),
    }
}

/// A date in the compact numeric form users type: 12/01/2026 in both languages (day first, as
/// in France and the UK).
pub fn format_date_numeric(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// Reads a date typed by a user: `12/01/2026`, `12/01/26`, `12.01.2026` or ISO `2026-01-12`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(date);
    }
    let parts: Vec<&str> = text.split(['/', '.', '-']).map(str::trim).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let day: u32 = d.parse().ok()?;
    let month: u32 = m.parse().ok()?;
    let mut year: i32 = y.parse().ok()?;
    if y.len() == 2 {
        year += 2000;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages() {
        for text in T::ALL {
            assert!(!text.get(Lang::En).is_empty(), "{text:?} has no English");
            assert!(!text.get(Lang::Fr).is_empty(), "{text:?} has no French");
        }
    }

    #[test]
    fn words_agree_with_their_number() {
        let text = "{count} {count|task|tasks}";
        let fill = |lang, n: &str| agree(text, "count", n, lang).replace("{count}", n);
        assert_eq!(fill(Lang::En, "1"), "1 task");
        assert_eq!(fill(Lang::En, "0"), "0 tasks");
        assert_eq!(fill(Lang::En, "12"), "12 tasks");
        assert_eq!(fill(Lang::Fr, "0"), "0 task", "French: 0 and 1 singular");
        assert_eq!(fill(Lang::Fr, "1,5"), "1,5 task");
        assert_eq!(fill(Lang::Fr, "2"), "2 tasks");
    }

    #[test]
    fn dates_follow_the_language() {
        let date = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap();
        assert_eq!(format_date(Lang::En, date), "Mon 12 Jan 2026");
        assert_eq!(format_date(Lang::Fr, date), "lun. 12 janv. 2026");
        assert_eq!(parse_date("12/01/2026"), Some(date));
        assert_eq!(parse_date("12/01/26"), Some(date));
        assert_eq!(parse_date("2026-01-12"), Some(date));
        assert_eq!(parse_date("31/02/2026"), None);
    }
}
