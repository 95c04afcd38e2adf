//! The cell formats of `state_policies.csv` and `287g_agreements*.csv` that the app never
//! reads: the pipeline parses them into the model's vocabulary.
use pocket_model::policy::{Flag, FlagValue, Model, Stance, Verification};

/// Parse the `stance` column.
pub fn stance(s: &str) -> Option<Stance> {
    Some(match s {
        "restricts" => Stance::Restricts,
        "restricts_partial" => Stance::RestrictsPartial,
        "requires" => Stance::Requires,
        "prohibits_sanctuary" => Stance::ProhibitsSanctuary,
        "none_identified" => Stance::NoneIdentified,
        "not_researched" => Stance::NotResearched,
        _ => return None,
    })
}

/// Parse a flag cell: `Y`, `N`, empty, `partial`/`reported`/`conditional`, or `Y (note)`.
pub fn flag(s: &str) -> Option<Flag> {
    let s = s.trim();
    let (head, note) = match s.split_once(" (") {
        Some((h, rest)) => (h, Some(rest.strip_suffix(')')?.trim().to_owned())),
        None => (s, None),
    };
    let (value, note) = match head {
        "Y" => (FlagValue::Yes, note),
        "N" => (FlagValue::No, note),
        "" if note.is_none() => (FlagValue::Unknown, None),
        "partial" => (FlagValue::Partial, note),
        "reported" | "conditional" => (FlagValue::Partial, Some(head.to_owned())),
        _ => return None,
    };
    Some(Flag { value, note })
}

/// Classify the `verification` text by its first clause, as SOURCES.md counts rows.
pub fn verification(text: &str) -> Option<Verification> {
    let t = text.trim();
    Some(if t.is_empty() {
        Verification::NotResearched
    } else if t.starts_with("SECONDARY ONLY") {
        Verification::SecondaryOnly
    } else if t.starts_with("partly verified") {
        Verification::PartlyVerified
    } else if t.starts_with("well-established") {
        Verification::Established
    } else if t.starts_with("verified") {
        Verification::Verified
    } else {
        return None;
    })
}

/// Parse a short code ("JEM", "TFM", "WSO").
pub fn model_code(s: &str) -> Option<Model> {
    Model::ALL.into_iter().find(|m| m.code() == s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stances_and_models() {
        assert_eq!(stance("restricts_partial"), Some(Stance::RestrictsPartial));
        assert_eq!(stance("sanctuary"), None);
        assert_eq!(model_code("TFM"), Some(Model::Tfm));
        assert_eq!(model_code("XYZ"), None);
    }

    #[test]
    fn flags_and_verification_levels() {
        assert_eq!(flag("Y").unwrap().value, FlagValue::Yes);
        assert_eq!(flag("").unwrap().value, FlagValue::Unknown);
        let q = flag("Y (state DPS)").unwrap();
        assert_eq!((q.value, q.note.as_deref()), (FlagValue::Yes, Some("state DPS")));
        assert_eq!(flag("conditional").unwrap().value, FlagValue::Partial);
        assert_eq!(flag("maybe"), None);
        assert_eq!(verification("SECONDARY ONLY: x"), Some(Verification::SecondaryOnly));
        assert_eq!(
            verification("verified in stored pages (SB 8); SB 4 well-established"),
            Some(Verification::Verified)
        );
        assert_eq!(verification(""), Some(Verification::NotResearched));
        assert!(Verification::SecondaryOnly.is_unverified());
        assert_eq!(verification("trust me"), None);
    }
}
