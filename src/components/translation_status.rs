//! How far a language's translation has come, in the active language.
use pocket_model::language::TranslationStatus;

use crate::i18n::*;

/// Translation status in the active language.
pub fn status_text(status: TranslationStatus) -> impl Fn() -> String + Copy {
    let i18n = use_i18n();
    move || match status {
        TranslationStatus::Original => t_string!(i18n, language_status_original).to_string(),
        TranslationStatus::AwaitingReview => t_string!(i18n, language_status_awaiting_review).to_string(),
        TranslationStatus::Reviewed => t_string!(i18n, language_status_reviewed).to_string(),
    }
}
