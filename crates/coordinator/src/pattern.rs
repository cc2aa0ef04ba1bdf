//! The regular expressions clients send to coordinators: a consumer group member's
//! `SubscribedTopicRegex` (KIP-848) and ListTransactions' `TransactionalIdPattern`
//! (KIP-1152). Kafka compiles the first with RE2/J and the second with `java.util.regex`,
//! and both must match the whole name. Strom compiles both with the `regex` crate, whose
//! syntax is RE2's, anchored so it too matches whole names.
//!
//! Where the `regex` crate and RE2/J differ (a pattern may compile in one and not the other,
//! or match differently):
//! - `\d`, `\w`, `\s` and `\b` are Unicode-aware here and ASCII-only in RE2/J (topic names
//!   and transactional ids are ASCII in practice, so the matches agree on them);
//! - RE2/J accepts `\Q...\E` literal quoting and `\C`; the `regex` crate rejects both;
//! - the `regex` crate accepts a few things RE2/J rejects, such as `(?<name>...)` groups
//!   (RE2/J wants `(?P<name>...)`) and character-class set operations (`[a-z&&[^x]]`, `--`,
//!   `~~`);
//! - for transactional-id patterns, `java.util.regex` additionally has back-references and
//!   look-around, which neither RE2 syntax has: such patterns are INVALID_REGULAR_EXPRESSION.
//!
//! A pattern comes from the network, so its compiled size is bounded
//! ([`COMPILED_PATTERN_BYTES_MAX`]) and so is its length ([`PATTERN_LENGTH_MAX`]).

use regex::{Regex, RegexBuilder};

/// Longest pattern accepted, in bytes (the length of a record string in Kafka's records).
pub const PATTERN_LENGTH_MAX: usize = i16::MAX as usize;
/// Most heap one compiled pattern may use; larger programs are refused as invalid.
pub const COMPILED_PATTERN_BYTES_MAX: usize = 1 << 20;

/// A compiled pattern that matches whole names.
#[derive(Debug, Clone)]
pub struct NamePattern {
    regex: Regex,
}

impl NamePattern {
    /// Compiles `pattern`; the error is a message for the client (INVALID_REGULAR_EXPRESSION).
    pub fn compile(pattern: &str) -> Result<NamePattern, String> {
        if pattern.len() > PATTERN_LENGTH_MAX {
            return Err(format!(
                "the pattern is {} bytes long, more than {PATTERN_LENGTH_MAX}",
                pattern.len()
            ));
        }
        RegexBuilder::new(&format!("^(?:{pattern})$"))
            .size_limit(COMPILED_PATTERN_BYTES_MAX)
            .dfa_size_limit(COMPILED_PATTERN_BYTES_MAX)
            .build()
            .map(|regex| NamePattern { regex })
            .map_err(|e| format!("Invalid regular expression {pattern}: {e}"))
    }

    /// Whether the whole of `name` matches.
    pub fn matches(&self, name: &str) -> bool {
        self.regex.is_match(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_whole_names_like_re2j_matches() {
        // Kafka calls `matcher(name).matches()`: a pattern that matches only a part of the
        // name does not select it.
        let p = NamePattern::compile("orders").unwrap();
        assert!(p.matches("orders"));
        assert!(!p.matches("orders-eu"));
        assert!(!p.matches("old-orders"));
        let p = NamePattern::compile("orders|payments").unwrap();
        assert!(p.matches("payments"));
        assert!(!p.matches("orders-payments"));
        let p = NamePattern::compile("orders-.*").unwrap();
        assert!(p.matches("orders-eu"));
        assert!(!p.matches("orders"));
    }

    #[test]
    fn bad_or_oversized_patterns_are_refused_with_a_message() {
        // Each is INVALID_REGULAR_EXPRESSION for the client, never a panic or a huge program.
        assert!(NamePattern::compile("(unclosed").is_err());
        assert!(NamePattern::compile("a{1000}{1000}").is_err());
        assert!(NamePattern::compile(&"a".repeat(PATTERN_LENGTH_MAX + 1)).is_err());
        assert!(
            NamePattern::compile(r"(a)\1").is_err(),
            "no back-references in RE2"
        );
    }
}
