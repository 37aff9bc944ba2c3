//! A small layer over quick-xml's writer for MS Project XML: elements of text, nested
//! elements, and the value formats the schema wants (ISO 8601 durations, dates, booleans).

use std::fmt::Display;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

pub(super) type Result = std::io::Result<()>;

/// An XML document being written, indented by two spaces.
pub(super) struct Xml {
    writer: Writer<Vec<u8>>,
}

impl Xml {
    pub(super) fn new() -> std::io::Result<Self> {
        let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
        writer.write_event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )))?;
        Ok(Self { writer })
    }

    /// Opens `<name attr="value"…>`.
    pub(super) fn open_with(&mut self, name: &str, attributes: &[(&str, &str)]) -> Result {
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.writer.write_event(Event::Start(start))
    }

    pub(super) fn open(&mut self, name: &str) -> Result {
        self.open_with(name, &[])
    }

    pub(super) fn close(&mut self, name: &str) -> Result {
        self.writer.write_event(Event::End(BytesEnd::new(name)))
    }

    /// `<name>text</name>`, the text escaped.
    pub(super) fn text(&mut self, name: &str, text: &str) -> Result {
        self.writer
            .create_element(name)
            .write_text_content(BytesText::new(text))?;
        Ok(())
    }

    /// `<name>value</name>` for numbers and codes.
    pub(super) fn value(&mut self, name: &str, value: impl Display) -> Result {
        self.text(name, &value.to_string())
    }

    /// `1` or `0`, as MS Project writes booleans.
    pub(super) fn flag(&mut self, name: &str, on: bool) -> Result {
        self.text(name, if on { "1" } else { "0" })
    }

    pub(super) fn datetime(&mut self, name: &str, at: NaiveDateTime) -> Result {
        self.text(name, &at.format("%Y-%m-%dT%H:%M:%S").to_string())
    }

    /// A date as MS Project writes a day's start.
    pub(super) fn date(&mut self, name: &str, day: NaiveDate) -> Result {
        self.datetime(name, day.and_time(NaiveTime::MIN))
    }

    pub(super) fn time(&mut self, name: &str, at: NaiveTime) -> Result {
        self.text(name, &at.format("%H:%M:%S").to_string())
    }

    /// A duration of `minutes` as `PT8H30M0S`.
    pub(super) fn duration(&mut self, name: &str, minutes: f64) -> Result {
        self.text(name, &iso_duration(minutes))
    }

    pub(super) fn finish(self) -> Vec<u8> {
        self.writer.into_inner()
    }
}

/// `minutes` as an ISO 8601 duration in hours, minutes and seconds (`PT8H30M0S`); a fraction
/// of a minute is kept in the seconds, to a thousandth, so that the value reads back as it was.
pub fn iso_duration(minutes: f64) -> String {
    let sign = if minutes < 0.0 { "-" } else { "" };
    let total_seconds = (minutes.abs() * 60.0 * 1000.0).round() / 1000.0;
    let hours = (total_seconds / 3600.0).floor();
    let rest = total_seconds - hours * 3600.0;
    let whole_minutes = (rest / 60.0).floor();
    let seconds = rest - whole_minutes * 60.0;
    let seconds = if seconds.fract().abs() < 1e-9 {
        format!("{seconds:.0}")
    } else {
        let s = format!("{seconds:.3}");
        s.trim_end_matches('0').to_owned()
    };
    format!("{sign}PT{hours:.0}H{whole_minutes:.0}M{seconds}S")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_back_as_written() {
        assert_eq!(iso_duration(480.0), "PT8H0M0S");
        assert_eq!(iso_duration(0.0), "PT0H0M0S");
        assert_eq!(iso_duration(90.5), "PT1H30M30S");
        assert_eq!(iso_duration(-60.0), "-PT1H0M0S");
        for minutes in [0.0, 1.0, 480.0, 159.999_9, 2400.25, -480.0, 1.0 / 3.0] {
            let back = super::super::parse_iso_duration_minutes(&iso_duration(minutes))
                .unwrap_or(f64::NAN);
            assert!((back - minutes).abs() < 1e-4, "{minutes} → {back}");
        }
    }
}
