//! Reading points in time from the command line: ms since the epoch, or an ISO 8601 date and
//! time (`2024-05-01`, `2024-05-01T12:00`, `2024-05-01T12:00:00.250Z`, `...+02:00`). A time
//! without a zone is UTC, so a script gives the same answer on every machine.

/// Ms since the epoch of `text`, or why it is not a time.
pub fn parse_datetime(text: &str) -> Result<i64, String> {
    let text = text.trim();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().map_err(|_| "too large".to_string());
    }
    let (date, rest) = match text.find(['T', ' ']) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    };
    let days = parse_date(date)?;
    let (clock, offset_ms) = split_zone(rest)?;
    let clock_ms = if clock.is_empty() {
        0
    } else {
        parse_clock(clock)?
    };
    Ok(days * 86_400_000 + clock_ms - offset_ms)
}

fn number(text: &str, what: &str, max: i64) -> Result<i64, String> {
    let n: i64 = text
        .parse()
        .ok()
        .filter(|_| text.bytes().all(|b| b.is_ascii_digit()) && !text.is_empty())
        .ok_or_else(|| format!("bad {what} {text:?}"))?;
    if n > max {
        return Err(format!("{what} {n} is out of range"));
    }
    Ok(n)
}

/// Days since 1970-01-01 of `YYYY-MM-DD` (proleptic Gregorian calendar).
fn parse_date(text: &str) -> Result<i64, String> {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts[..] else {
        return Err(format!("expected a date YYYY-MM-DD, got {text:?}"));
    };
    let (y, m, d) = (
        number(y, "year", 9999)?,
        number(m, "month", 12)?,
        number(d, "day", 31)?,
    );
    if m == 0 || d == 0 {
        return Err(format!("no such date {text:?}"));
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Ok(era * 146_097 + doe - 719_468)
}

/// Splits `HH:MM[:SS[.fff]]` from a trailing `Z` or `+HH:MM` / `-HH:MM`.
fn split_zone(text: &str) -> Result<(&str, i64), String> {
    if let Some(clock) = text.strip_suffix('Z') {
        return Ok((clock, 0));
    }
    let Some(i) = text.rfind(['+', '-']) else {
        return Ok((text, 0));
    };
    let (clock, zone) = (&text[..i], &text[i + 1..]);
    let sign = if text.as_bytes()[i] == b'-' { -1 } else { 1 };
    let (h, m) = zone.split_once(':').unwrap_or((zone, "0"));
    let offset = number(h, "zone hours", 23)? * 3_600_000 + number(m, "zone minutes", 59)? * 60_000;
    Ok((clock, sign * offset))
}

fn parse_clock(text: &str) -> Result<i64, String> {
    let (hms, fraction) = text.split_once('.').unwrap_or((text, ""));
    let parts: Vec<&str> = hms.split(':').collect();
    let (h, m, s) = match parts[..] {
        [h, m] => (h, m, "0"),
        [h, m, s] => (h, m, s),
        _ => return Err(format!("expected a time HH:MM[:SS], got {text:?}")),
    };
    let millis = if fraction.is_empty() {
        0
    } else {
        let digits: String = fraction.chars().chain("000".chars()).take(3).collect();
        number(&digits, "fraction of a second", 999)?
    };
    Ok(number(h, "hour", 23)? * 3_600_000
        + number(m, "minute", 59)? * 60_000
        + number(s, "second", 60)? * 1_000
        + millis)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dates, times, fractions and zones land on the same instants Kafka's tool computes.
    #[test]
    fn iso_dates_and_millis_give_the_epoch_milliseconds() {
        assert_eq!(parse_datetime("1700000000000"), Ok(1_700_000_000_000));
        assert_eq!(parse_datetime("1970-01-01"), Ok(0));
        assert_eq!(
            parse_datetime("2024-05-01T12:00:00Z"),
            Ok(1_714_564_800_000)
        );
        assert_eq!(parse_datetime("2024-05-01T12:00"), Ok(1_714_564_800_000));
        assert_eq!(
            parse_datetime("2024-05-01T14:00:00.250+02:00"),
            Ok(1_714_564_800_250)
        );
        assert_eq!(
            parse_datetime("2000-02-29T00:00:00-01:00"),
            Ok(951_786_000_000)
        );
    }

    /// Anything else is refused with a reason rather than misread.
    #[test]
    fn junk_is_refused() {
        for bad in [
            "",
            "yesterday",
            "2024-13-01",
            "2024-05-01T25:00",
            "2024-05",
            "12:00",
        ] {
            assert!(parse_datetime(bad).is_err(), "{bad:?} accepted");
        }
    }
}
