//! Pieces that several screens share.
pub mod agreement_models;
pub mod alert_button;
pub mod data_gate;
pub mod data_note;
pub mod large_phrase;
pub mod map_legend;
pub mod net_status;
pub mod not_found;
pub mod outline_map;
pub mod page_footer;
pub mod plan_status;
pub mod rich_text;
pub mod section_view;
pub mod speak_as;
pub mod storage_notice;
pub mod translation_status;
pub mod update_prompt;
